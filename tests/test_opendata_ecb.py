"""ECB euro reference rates (loaders/ecb, graph/rates): the rate table is checked, installed only
when the load commits, and gives figures in other currencies their value_eur with the rate and
its days recorded; the figure as written stays."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from graph import rates
from graph.errors import LoadError, ValidationError
from graph.model import Batch, EdgeRecord, NodeRecord
from loaders import source

DATA = Path(__file__).parent / "data" / "opendata"
ECB = DATA / "eurofxref-hist.csv"
OPTS = {"retrieved": "2026-11-30"}


@pytest.fixture
def rate_folder(tmp_path):
    rates.configure(tmp_path / "rates")
    yield tmp_path / "rates"
    rates.configure(None)


def _flow(currency: str, value, unit: str, year: int) -> Batch:
    doc = NodeRecord(type="Document", id="doc:trade-note", name={"en": "Trade note"}, properties={"title": "Trade note"})
    kr = NodeRecord(type="Region", id="region:kr", name={"en": "South Korea"}, properties={"level": "country"},
                    sources=[{"document": "doc:trade-note"}])
    sn = NodeRecord(type="Region", id="region:de-sn", name={"de": "Sachsen"}, properties={"level": "state"},
                    sources=[{"document": "doc:trade-note"}])
    flow = EdgeRecord(type="TRADES_WITH", source="region:kr", target="region:de-sn",
                      properties={"year": year, "direction": "export", "value": value, "unit": unit, "currency": currency},
                      sources=[{"document": "doc:trade-note", "locator": "p1"}])
    return Batch(nodes=[doc, kr, sn], edges=[flow])


def test_rates_file_loads_twice_records_its_dataset_and_is_installed(empty_store, rate_folder):
    _r, first = source.run(empty_store, "ecb", [ECB], OPTS)
    assert first.nodes_created == 1
    doc = empty_store.get_node("doc:ecb-eurofxref-hist-2026-11-27")
    assert doc.properties["publisher"] == "European Central Bank" and doc.properties["version"] == "2026-11-27"
    installed = rate_folder / "eurofxref-hist.csv"
    assert installed.read_text(encoding="utf-8") == ECB.read_text(encoding="utf-8")
    _r, second = source.run(empty_store, "ecb", [ECB], OPTS)
    assert not second.changed
    table = rates.active()
    assert "CYP" not in table.currencies and {"USD", "JPY", "KRW", "CNY"} <= set(table.currencies)  # all N/A: absent
    assert table.rate("USD", "2021-01-04").rate == Decimal("1.1500")
    assert table.rate("USD", "2021-01-09").date == "2021-01-04"   # a weekend: the last day published before
    assert table.rate("USD", "2021-01-20") is None                 # more than a week back: no rate guessed
    assert table.rate("RUB", "2022-07-01") is None                 # N/A that day


def test_foreign_figures_get_value_eur_from_the_year_mean_and_keep_what_was_written(empty_store, rate_folder):
    source.run(empty_store, "ecb", [ECB], OPTS)
    empty_store.load(_flow("KRW", 2.5, "billion", 2021))
    (edge,) = [e for e in empty_store.iter_edges()]
    krw_2021 = [Decimal(x) for x in ("1336.50", "1390.50", "1350.00")]  # the sample's KRW rates in 2021
    mean = (sum(krw_2021) / 3).quantize(Decimal("0.000001"))
    assert edge.properties["eur_rate"] == float(mean)
    assert edge.properties["eur_rate_date"] == "2021-01-04/2021-12-31"
    assert edge.properties["value_eur"] == int((Decimal("2.5e9") / mean).quantize(Decimal(1)))
    assert (edge.properties["value"], edge.properties["unit"], edge.properties["currency"]) == (2.5, "billion", "KRW")
    again = empty_store.load(_flow("KRW", 2.5, "billion", 2021))
    assert not again.changed


def test_without_a_rate_no_euro_amount_is_guessed(empty_store, rate_folder):
    empty_store.load(_flow("USD", 10, "million", 2021))  # no table installed yet
    assert "value_eur" not in next(empty_store.iter_edges()).properties
    source.run(empty_store, "ecb", [ECB], OPTS)
    empty_store.load(_flow("USD", 10, "million", 2019))  # a year the table does not cover
    e2019 = [e for e in empty_store.iter_edges() if e.properties["year"] == 2019][0]
    assert "value_eur" not in e2019.properties and "eur_rate" not in e2019.properties


def test_euro_figures_are_not_touched_by_rates(empty_store, rate_folder):
    source.run(empty_store, "ecb", [ECB], OPTS)
    empty_store.load(_flow("EUR", 890, "million", 2021))
    props = next(empty_store.iter_edges()).properties
    assert props["value_eur"] == 890_000_000 and "eur_rate" not in props


@pytest.mark.parametrize("breakage,where", [
    (lambda t: t.replace("2021-06-01,1.1845", "2021-06-01,1.18x5", 1), "eurofxref-hist.csv:7: field 'USD'"),
    (lambda t: t.replace("2021-06-01,1.1845", "2021-06-01,1,1845", 1), "eurofxref-hist.csv:7: field '': the row has 44"),
    (lambda t: t.replace("2021-01-04,1.1500", "2021-01-04,-1.15", 1), "eurofxref-hist.csv:8: field 'USD'"),
    (lambda t: t.replace("2022-07-01", "2022-13-01", 1), "eurofxref-hist.csv:4: field 'Date'"),
    (lambda t: t.replace("Date,USD", "Day,USD", 1), "eurofxref-hist.csv:1: field 'Day'"),
    (lambda t: t.replace(",KRW,", ",Won,", 1), "eurofxref-hist.csv:1: field 'Won'"),
])
def test_bad_rate_file_names_file_line_and_column_and_installs_nothing(tmp_path, empty_store, rate_folder, breakage, where):
    bad = tmp_path / "eurofxref-hist.csv"
    bad.write_text(breakage(ECB.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(ValidationError, match=where):
        source.run(empty_store, "ecb", [bad], OPTS)
    assert not (rate_folder / "eurofxref-hist.csv").exists()
    assert list(empty_store.iter_nodes()) == []


def test_dry_run_installs_nothing_and_the_zip_download_is_read(tmp_path, empty_store, rate_folder):
    import zipfile

    zp = tmp_path / "eurofxref-hist.zip"
    with zipfile.ZipFile(zp, "w") as z:
        z.write(ECB, "eurofxref-hist.csv")
    source.run(empty_store, "ecb", [zp], OPTS, dry_run=True)
    assert not (rate_folder / "eurofxref-hist.csv").exists() and list(empty_store.iter_nodes()) == []
    source.run(empty_store, "ecb", [zp], OPTS)
    assert rates.active().last_day == "2026-11-27"


def test_without_a_rate_folder_the_load_says_what_to_do(empty_store):
    rates.configure(None)
    with pytest.raises(LoadError, match="configure"):
        source.run(empty_store, "ecb", [ECB], OPTS)


def test_cli_installs_the_table_in_the_data_folder_and_later_loads_convert(tmp_path, monkeypatch):
    import json

    from click.testing import CliRunner

    from regiograph.cli import cli

    monkeypatch.setenv("REGIOGRAPH_DATA_DIR", str(tmp_path / "cli"))
    runner = CliRunner()
    try:
        out = runner.invoke(cli, ["load", "ecb", str(ECB), "--retrieved", "2026-11-30"])
        assert out.exit_code == 0, out.output
        assert (tmp_path / "cli" / "rates" / "eurofxref-hist.csv").exists()
        records = tmp_path / "flow.json"
        b = _flow("USD", 4, "million", 2022)
        records.write_text(json.dumps({
            "nodes": [{"type": n.type, "id": n.id, "name": n.name, "properties": n.properties, "sources": n.sources}
                      for n in b.nodes],
            "edges": [{"type": e.type, "source": e.source, "target": e.target, "properties": e.properties,
                       "sources": e.sources} for e in b.edges]}), encoding="utf-8")
        out = runner.invoke(cli, ["load", str(records)])
        assert out.exit_code == 0, out.output
        from graph.store.embedded import EmbeddedStore

        store = EmbeddedStore(tmp_path / "cli")
        (edge,) = list(store.iter_edges())
        store.close()
        usd_2022 = [Decimal(x) for x in ("1.1730", "1.1270", "1.1615")]
        mean = (sum(usd_2022) / 3).quantize(Decimal("0.000001"))
        assert edge.properties["value_eur"] == int((Decimal(4_000_000) / mean).quantize(Decimal(1)))
        assert edge.properties["eur_rate_date"] == "2022-01-03/2022-12-30"
    finally:
        rates.configure(None)
