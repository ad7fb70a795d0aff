"""Communities and partner recommendations (issue 12) on the bundled seed data."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from api.app import create_app
from graph import query
from graph.errors import NotFoundError, QueryError
from graph.model import Edge, Node, Source
from regiograph.settings import Settings


def test_communities_are_stable_and_meaningful(seed_store):
    r = query.run(seed_store, "communities")
    again = query.run(seed_store, "communities")
    assert r.to_dict() == again.to_dict()
    of = r.membership
    # Hesse's agency and its Korean MoU partner cluster together; so do Silicon Saxony and its Dresden members
    assert of["org:htai"] == of["org:kosme"] == of["agreement:htai-kosme-mou"]
    assert of["org:silicon-saxony"] == of["company:novaled"]
    assert of["org:htai"] != of["org:silicon-saxony"]
    hesse = r.communities[of["org:htai"]]
    assert hesse.regions[0][0].id == "region:de-he"
    assert "topic:sme-support" in [t.id for t, _c in hesse.topics]
    assert sum(c.size for c in r.communities) == len(of)


def test_communities_are_recomputed_when_the_graph_changes(tmp_path):
    from graph.store.embedded import EmbeddedStore
    from loaders import load_path
    from regiograph.seed import SEED_DIR

    store = EmbeddedStore(tmp_path / "s")
    store.load(load_path(SEED_DIR))
    before = query.run(store, "communities")
    src = (Source("doc:wfs-2022-05-17-tipa-loi", "test"),)
    store.write([Node("org:newcomer", "Organization", {"en": "Newcomer"}, properties={"kind": "agency"}, sources=src)],
                [Edge("org:newcomer|PARTY_TO|agreement:htai-kosme-mou", "PARTY_TO", "org:newcomer",
                      "agreement:htai-kosme-mou", sources=src)])
    after = query.run(store, "communities")
    assert after.generation != before.generation and "org:newcomer" in after.membership
    assert after.membership["org:newcomer"] == after.membership["org:htai"]
    store.close()


def test_recommendations_for_wfs_on_hydrogen_in_korea(seed_store):
    r = query.run(seed_store, "recommend", for_="org:wfs", within="region:kr", topic="topic:hydrogen")
    top = [c.node.id for c in r.candidates]
    assert top[:2] == ["org:tipa", "org:kosme"]
    kosme = r.candidates[1]
    assert kosme.parts["topic"] == 1.0 and kosme.parts["kind"] == 1.0
    assert kosme.path.node_ids()[0] == "org:wfs" and "org:tipa" in kosme.path.node_ids()  # TIPA can introduce
    assert all(h.edge.sources for h in kosme.path.hops) and all(e.sources for e in kosme.evidence)
    assert r.to_dict()["candidates"][0]["already_linked"] is True  # WFS and TIPA signed the letter of intent
    assert [c.score for c in r.candidates] == sorted((c.score for c in r.candidates), reverse=True)
    with pytest.raises(QueryError, match="'topic' must be"):
        query.run(seed_store, "recommend", for_="org:wfs", within="region:kr", topic="region:kr")
    with pytest.raises(NotFoundError):
        query.run(seed_store, "recommend", for_="org:nope", within="region:kr")


def test_routes_and_commands(seed_store, tmp_path, monkeypatch):
    with TestClient(create_app(Settings(data_dir=str(tmp_path / "x")), store=seed_store)) as c:
        body = c.get("/api/recommendations", params={"for": "WFS", "in": "Korea", "topic": "Hydrogen"}).json()
        assert body["candidates"][0]["node"]["id"] == "org:tipa" and body["candidates"][1]["introduction"]["hops"]
        com = c.get("/api/communities", params={"min_size": 3}).json()
        assert com["count"] >= 3 and all(x["size"] >= 3 for x in com["communities"])
        assert c.get("/api/brokers", params={"a": "Sachsen", "b": "Korea"}).json()["brokers"]
        ch = c.get("/api/changes", params={"since": "2023"}).json()
        assert ch["documents"][0]["document"]["id"] == "doc:smwa-2023-09-08-delegation-japan-korea"
    from regiograph.cli import cli

    monkeypatch.setenv("REGIOGRAPH_DATA_DIR", str(tmp_path / "data"))
    res = CliRunner().invoke(cli, ["recommend", "WFS", "--in", "Korea", "--topic", "Hydrogen"], catch_exceptions=False)
    assert res.exit_code == 0 and "[org:kosme]" in res.output and "path: Saxony Economic Development" in res.output
    res = CliRunner().invoke(cli, ["communities"], catch_exceptions=False)
    assert res.exit_code == 0 and "Hessen Trade & Invest" in res.output
