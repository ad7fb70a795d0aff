"""Lists and filters (issue 12) on the bundled seed data: library, HTTP route and CLI."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from api.app import create_app
from graph import query
from graph.errors import NotFoundError, QueryError
from regiograph.settings import Settings

LOI = "agreement:wfs-tipa-loi-2022"


@pytest.fixture(scope="module")
def seed_client(seed_store, tmp_path_factory):
    settings = Settings(data_dir=str(tmp_path_factory.mktemp("unused")))
    with TestClient(create_app(settings, store=seed_store)) as c:
        yield c


def ids(result):
    return [h.node.id for h in result.items]


def test_agencies_with_an_agreement_with_a_korean_party(seed_store):
    r = query.run(seed_store, "entities", type="Organization", kind="agency", related="PARTY_TO:Agreement",
                  counterpart_in="region:kr")
    assert "org:wfs" in ids(r) and "org:tipa" not in ids(r)  # TIPA is the Korean party itself
    wfs = next(h for h in r.items if h.node.id == "org:wfs")
    facts = [(e.type, e.source, e.target) for e in wfs.why[0].edges]
    assert facts == [("PARTY_TO", "org:wfs", LOI), ("PARTY_TO", "org:tipa", LOI), ("LOCATED_IN", "org:tipa", "region:kr")]
    assert all(e.sources for e in wfs.why[0].edges)
    assert r.counts == {"Organization": r.total}
    # a date range on the connecting agreement: the 2022 letter of intent is not in 2023
    assert "org:wfs" in ids(query.run(seed_store, "entities", type="Organization", related="PARTY_TO:Agreement",
                                      counterpart_in="region:kr", since="2022", until="2022"))
    assert "org:wfs" not in ids(query.run(seed_store, "entities", type="Organization", related="PARTY_TO:Agreement",
                                          counterpart_in="region:kr", since="2023"))


def test_in_region_is_transitive_with_the_chain_as_reason(seed_store):
    r = query.run(seed_store, "entities", within="region:de-sn", type="Organization")
    assert "org:wfs" in ids(r) and "org:tipa" not in ids(r)
    wfs = next(h for h in r.items if h.node.id == "org:wfs")
    assert [(e.type, e.target) for e in wfs.why[0].edges] == [("LOCATED_IN", "region:de-dresden"), ("PART_OF", "region:de-sn")]
    everything = query.run(seed_store, "entities", within="region:kr", limit=500)
    assert set(everything.counts) >= {"Organization", "Region"} and sum(everything.counts.values()) == everything.total


def test_cursor_pages_cover_the_list_once_in_order(seed_store):
    full = ids(query.run(seed_store, "entities", type="Organization", sort="label", limit=500))
    seen, cursor = [], None
    while True:
        page = query.run(seed_store, "entities", type="Organization", sort="label", limit=4, cursor=cursor)
        seen += ids(page)
        cursor = page.next_cursor
        if cursor is None:
            break
    assert seen == full and len(full) > 8


def test_property_and_kind_filters_and_bad_input(seed_store):
    r = query.run(seed_store, "entities", type="Organization", where=["acronym:wfs"])
    assert ids(r) == ["org:wfs"] and r.items[0].why[0].text == "acronym = WFS"
    assert all(h.node.properties["kind"] == "ministry"
               for h in query.run(seed_store, "entities", type="Organization", kind="ministry").items)
    for kw, field in [({}, "type"), ({"type": "Planet"}, "type"), ({"type": "Organization", "kind": "galaxy"}, "kind"),
                      ({"type": "Organization", "where": ["colour:red"]}, "where"),
                      ({"type": "Organization", "counterpart_in": "region:kr"}, "counterpart_in"),
                      ({"related": "LIKES:Agreement"}, "related"), ({"type": "Region", "cursor": "%%%"}, "cursor"),
                      ({"type": "Region", "sort": "size"}, "sort")]:
        with pytest.raises(QueryError) as e:
            query.run(seed_store, "entities", **kw)
        assert e.value.details[0]["field"] == field
    with pytest.raises(NotFoundError):
        query.run(seed_store, "entities", within="region:atlantis")


def test_entities_route(seed_client):
    r = seed_client.get("/api/entities", params={"type": "Organization", "kind": "agency",
                                                 "related": "PARTY_TO:Agreement", "counterpart_in": "Korea"})
    assert r.status_code == 200, r.text
    body = r.json()
    wfs = next(h for h in body["items"] if h["node"]["id"] == "org:wfs")
    assert wfs["why"][0]["edges"][0]["target"] == LOI and wfs["why"][0]["edges"][0]["sources"]
    r = seed_client.get("/api/entities", params={"in": "region:kr", "type": "Organization", "limit": 2}).json()
    assert r["count"] == 2 and r["next_cursor"]
    nxt = seed_client.get("/api/entities", params={"in": "region:kr", "type": "Organization", "limit": 2,
                                                   "cursor": r["next_cursor"]}).json()
    assert not {h["node"]["id"] for h in r["items"]} & {h["node"]["id"] for h in nxt["items"]}
    bad = seed_client.get("/api/entities", params={"type": "Planet"})
    assert bad.status_code == 400 and bad.json()["error"]["details"][0]["field"] == "type"


def test_list_command(tmp_path, monkeypatch):
    from regiograph.cli import cli

    monkeypatch.setenv("REGIOGRAPH_DATA_DIR", str(tmp_path / "data"))
    res = CliRunner().invoke(cli, ["list", "--type", "Organization", "--kind", "agency", "--related",
                                   "PARTY_TO:Agreement", "--counterpart-in", "Korea"], catch_exceptions=False)
    assert res.exit_code == 0
    assert "org:wfs" in res.output and "WFS–TIPA letter of intent (2022)" in res.output
    assert "doc:wfs-2022-05-17-tipa-loi" in res.output
    res = CliRunner().invoke(cli, ["list", "--in", "Sachsen", "--type", "Organization", "--json"], catch_exceptions=False)
    assert "org:wfs" in [h["node"]["id"] for h in json.loads(res.output)["items"]]
