"""The API on the Neo4j store (a real Neo4j 5.26): same answers as the embedded
default, and POST /api/cypher read-only with its refusals, time limit and row cap."""

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from graph.schema import default_schema
from graph.store.embedded import EmbeddedStore
from graph.store.neo4j import Neo4jStore
from loaders import load_path
from regiograph.keys import KeyStore
from regiograph.seed import SEED_DIR
from regiograph.settings import Settings


@pytest.fixture(scope="module")
def neo_client(neo4j_driver, tmp_path_factory):
    store = Neo4jStore(neo4j_driver, default_schema())
    store.clear()
    store.load(load_path(SEED_DIR))
    data = tmp_path_factory.mktemp("unused")
    read_key = KeyStore(data).create("read", "cypher-tests")[1]
    settings = Settings(data_dir=str(data), store="neo4j", cypher=True, cypher_timeout=2.0, cypher_max_rows=5)
    with TestClient(create_app(settings, store=store), headers={"X-API-Key": read_key}) as c:
        yield c
    store.clear()


@pytest.fixture(scope="module")
def emb_client(tmp_path_factory):
    store = EmbeddedStore(tmp_path_factory.mktemp("emb"))
    store.load(load_path(SEED_DIR))
    with TestClient(create_app(Settings(data_dir=str(tmp_path_factory.mktemp("u"))), store=store)) as c:
        yield c
    store.close()


@pytest.mark.parametrize("url", [
    "/api/paths?source=Hessen&target=KOSME&k=3",
    "/api/paths?source=region:de-sn&target=org:mss-kr&k=2",
    "/api/connections?a=WFS&b=TIPA",
    "/api/search?q=sachsen",
    "/api/entities/org:tipa",
    "/api/entities/region:de-sn/neighbors?depth=2&limit=40",
    "/api/timeline?id=region:de-sn&other=region:kr",
    "/api/stats",
])
def test_neo4j_answers_like_the_embedded_store(neo_client, emb_client, url):
    a, b = neo_client.get(url), emb_client.get(url)
    assert a.status_code == b.status_code == 200, (a.text, b.text)
    assert a.json() == b.json()


def test_cypher_reads_with_parameters_and_row_cap(neo_client):
    r = neo_client.post("/api/cypher", json={"query": "MATCH (n:Agreement) WHERE n.id = $id RETURN n.id AS id",
                                             "parameters": {"id": "agreement:wfs-tipa-loi-2022"}})
    assert r.status_code == 200, r.text
    assert r.json()["rows"] == [["agreement:wfs-tipa-loi-2022"]] and r.json()["columns"] == ["id"]
    capped = neo_client.post("/api/cypher", json={"query": "UNWIND range(1, 50) AS x RETURN x"}).json()
    assert capped["count"] == 5 and capped["truncated"] is True
    labels = neo_client.post("/api/cypher", json={"query": "CALL db.labels() YIELD label RETURN label"}).json()
    assert ["Agreement"] in labels["rows"]


@pytest.mark.parametrize("query,why", [
    ("CREATE (n:Agreement {id: 'agreement:x'}) RETURN n", "writes"),
    ("MATCH (n {id: 'org:wfs'}) SET n.hacked = true", "writes"),
    ("MATCH (n) DETACH DELETE n", "writes"),
    ("MERGE (n:Topic {id: 'topic:x'})", "writes"),
    ("LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line", "'LOAD'"),
    ("CALL dbms.components()", "procedure 'dbms.components' is not allowed"),
    ("CREATE INDEX evil IF NOT EXISTS FOR (n:Topic) ON (n.x)", "'CREATE'"),
])
def test_cypher_refuses_writes_files_and_admin(neo_client, query, why):
    r = neo_client.post("/api/cypher", json={"query": query})
    assert r.status_code == 400, r.text
    err = r.json()["error"]
    assert err["code"] == "cypher_refused" and why in err["message"]
    assert neo_client.get("/api/entities/org:wfs").json()["properties"].get("hacked") is None
    assert neo_client.get("/api/stats").json()["total_nodes"] > 100


def test_cypher_errors_and_time_limit(neo_client):
    bad = neo_client.post("/api/cypher", json={"query": "MATCH (n RETURN n"})
    assert bad.status_code == 400 and bad.json()["error"]["code"] == "cypher_error"
    slow = neo_client.post("/api/cypher", json={"query": "UNWIND range(1, 400000000) AS x WITH x WHERE x % 7 = 3 RETURN count(*)"})
    assert slow.status_code == 408, slow.text
    assert "REGIOGRAPH_CYPHER_TIMEOUT" in slow.json()["error"]["message"]
    missing = neo_client.post("/api/cypher", json={})
    assert missing.status_code == 422 and missing.json()["error"]["code"] == "validation_error"


def test_cypher_on_the_embedded_store_names_the_setting(tmp_path):
    store = EmbeddedStore(tmp_path / "emb")
    read_key = KeyStore(tmp_path).create("read", "r")[1]
    with TestClient(create_app(Settings(data_dir=str(tmp_path), cypher=True), store=store)) as c:
        r = c.post("/api/cypher", json={"query": "MATCH (n) RETURN n"}, headers={"X-API-Key": read_key})
    store.close()
    assert r.status_code == 501 and "REGIOGRAPH_STORE=neo4j" in r.json()["error"]["message"]


def test_serve_with_the_neo4j_setting_opens_neo4j_and_loads_the_seed(neo4j_uri, neo4j_driver, tmp_path, emb_client):
    """What `REGIOGRAPH_STORE=neo4j regiograph serve` builds: the lifespan opens the store from settings."""
    Neo4jStore(neo4j_driver, default_schema()).clear()
    settings = Settings.from_env({"REGIOGRAPH_STORE": "neo4j", "REGIOGRAPH_NEO4J_URI": neo4j_uri,
                                  "REGIOGRAPH_DATA_DIR": str(tmp_path)})
    with TestClient(create_app(settings)) as c:
        h = c.get("/health").json()
        assert h["store"] == "neo4j" and h["nodes"] == emb_client.get("/health").json()["nodes"]
        url = "/api/paths?source=Hessen&target=KOSME&k=1"
        assert c.get(url).json() == emb_client.get(url).json()
    assert not list(tmp_path.iterdir())  # nothing written to the embedded folder
    Neo4jStore(neo4j_driver, default_schema()).clear()


def test_unreachable_neo4j_names_the_settings(tmp_path):
    from graph.errors import StoreError
    from regiograph.stores import open_store

    settings = Settings(data_dir=str(tmp_path), store="neo4j", neo4j_uri="bolt://127.0.0.1:9")
    with pytest.raises(StoreError, match="REGIOGRAPH_NEO4J_URI"):
        open_store(settings)
