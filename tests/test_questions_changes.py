"""What changed since a date (issue 12) on the bundled seed data."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from graph import query
from graph.errors import QueryError


def test_changes_since_2023_by_document(seed_store):
    r = query.run(seed_store, "changes", since="2023")
    assert [d.document.id for d in r.documents] == ["doc:smwa-2023-09-08-delegation-japan-korea"]
    d = r.documents[0]
    edges = {e.id: st for st, e in d.edges}
    assert edges["region:de-sn|TRADES_WITH|region:kr|2022|export"] == "added"
    # the 2022 letter of intent, restated by the 2023 release: updated, not added
    assert edges["org:wfs|PARTY_TO|agreement:wfs-tipa-loi-2022"] == "updated"
    assert all(any(s.document == d.document.id for s in e.sources) for _st, e in d.edges)


def test_changes_since_may_2022_include_the_letter_of_intent_and_about_filters(seed_store):
    r = query.run(seed_store, "changes", since="2022-05")
    docs = [d.document.id for d in r.documents]
    assert docs[:2] == ["doc:smwa-2023-09-08-delegation-japan-korea", "doc:wfs-2022-05-17-tipa-loi"]
    loi_doc = r.documents[1]
    # both documents citing the letter of intent are recent now: it is added
    assert ("added", "agreement:wfs-tipa-loi-2022") in [(s, n.id) for s, n in loi_doc.nodes]
    assert "2021" not in [d.document.properties.get("published") for d in r.documents]
    about = query.run(seed_store, "changes", since="2023", about="region:jp")
    touched = {x for d in about.documents for _s, e in d.edges for x in (e.source, e.target)}
    assert "region:jp" in touched or "region:jp-13" in touched
    assert all("region:kr" not in (e.source, e.target) or e.source.startswith("region:jp") or e.target.startswith("region:jp")
               for d in about.documents for _s, e in d.edges)
    small = query.run(seed_store, "changes", since="2019", limit=3)
    assert small.truncated and small.to_dict()["count"] == 3
    with pytest.raises(QueryError, match="'since'"):
        query.run(seed_store, "changes", since="last week")


def test_changes_command(tmp_path, monkeypatch):
    from regiograph.cli import cli

    monkeypatch.setenv("REGIOGRAPH_DATA_DIR", str(tmp_path / "data"))
    res = CliRunner().invoke(cli, ["changes", "--since", "2023", "--about", "Korea"], catch_exceptions=False)
    assert res.exit_code == 0 and "doc:smwa-2023-09-08-delegation-japan-korea" in res.output
    assert "added    Saxony -[TRADES_WITH]-> South Korea" in res.output
