"""Trade series (issue 12) on the bundled seed data: euros from value and unit, direction
seen from the first region, sources per figure, the SVG chart, route and CLI."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from api.app import create_app
from graph import query
from graph.errors import QueryError
from graph.query.trade import euros, format_eur
from regiograph.settings import Settings
from views.trade_chart import trade_chart_svg


def test_saxony_exports_to_korea_in_euros(seed_store):
    r = query.run(seed_store, "trade", a="region:de-sn", b="region:kr")
    exports = {f.year: f.amount_eur for f in r.figures if f.direction == "export"}
    assert exports == {2021: 890_000_000, 2022: 1_160_000_000}
    f2022 = next(f for f in r.figures if f.year == 2022)
    assert [s.document for s in f2022.edge.sources] == ["doc:smwa-2023-09-08-delegation-japan-korea"]
    assert f2022.to_dict()["amount"] == "1.16 billion EUR"
    # seen from Korea, the same flow is an import
    back = query.run(seed_store, "trade", a="region:kr", b="region:de-sn", from_=2022, to=2022)
    assert [(f.year, f.direction, f.amount_eur) for f in back.figures] == [(2022, "import", 1_160_000_000)]


def test_value_eur_wins_and_other_currencies_say_so():
    assert euros({"value": 2, "unit": "billion", "currency": "EUR", "value_eur": 1_999_000_000}) == (1_999_000_000, "")
    assert euros({"value": 1.5, "unit": "thousand", "currency": "EUR"}) == (1500, "")
    amount, note = euros({"value": 3, "unit": "million", "currency": "USD"})
    assert amount is None and "USD" in note
    assert format_eur(890_000_000) == "890 million EUR" and format_eur(1_160_000_000) == "1.16 billion EUR"


def test_bad_years(seed_store):
    with pytest.raises(QueryError, match="'from' .* after 'to'"):
        query.run(seed_store, "trade", a="region:de-sn", b="region:kr", from_=2023, to=2021)
    with pytest.raises(QueryError, match="'to' must be a year"):
        query.run(seed_store, "trade", a="region:de-sn", b="region:kr", to="soon")


def test_svg_chart_is_plain_escaped_svg(seed_store):
    r = query.run(seed_store, "trade", a="region:de-sn", b="region:kr")
    svg = trade_chart_svg(r, title="<b>Sachsen & Korea</b>")
    root = ET.fromstring(svg)  # well-formed XML
    assert "script" not in svg.lower() and "href" not in svg
    tips = [t.text for t in root.iter("{http://www.w3.org/2000/svg}title")]
    assert "2022 export: 1.16 billion EUR" in tips and "2021 import: 320 million EUR" in tips
    assert "&lt;b&gt;Sachsen &amp; Korea" in svg


def test_trade_route_and_command(seed_store, tmp_path, monkeypatch):
    with TestClient(create_app(Settings(data_dir=str(tmp_path / "x")), store=seed_store)) as c:
        body = c.get("/api/trade", params={"a": "Sachsen", "b": "Südkorea", "from": 2022}).json()
        assert [(f["year"], f["direction"], f["amount_eur"]) for f in body["figures"]] == [(2022, "export", 1_160_000_000)]
        assert body["figures"][0]["sources"][0]["document"] == "doc:smwa-2023-09-08-delegation-japan-korea"
        svg = c.get("/api/trade.svg", params={"a": "region:de-sn", "b": "region:kr"})
        assert svg.headers["content-type"].startswith("image/svg+xml") and svg.text.startswith("<svg")
    from regiograph.cli import cli

    monkeypatch.setenv("REGIOGRAPH_DATA_DIR", str(tmp_path / "data"))
    res = CliRunner().invoke(cli, ["trade", "Sachsen", "Korea"], catch_exceptions=False)
    lines = [line.split() for line in res.output.splitlines()[1:]]
    assert ["2021", "export", "890", "million", "EUR"] == lines[0][:5]
    assert ["2022", "export", "1.16", "billion", "EUR"] == lines[2][:5]
