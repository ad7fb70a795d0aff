"""The HTTP API over the embedded store (FastAPI test client), with the one JSON error shape."""

import json

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from graph.store.embedded import EmbeddedStore
from loaders import load_path
from regiograph.settings import Settings
from tests.conftest import MINI

KEY = "s3cret-key"


@pytest.fixture
def client(tmp_path):
    store = EmbeddedStore(tmp_path / "api")
    store.load(load_path(MINI))
    settings = Settings(data_dir=str(tmp_path / "unused"), api_key=KEY, max_body_bytes=20_000, max_records=50)
    with TestClient(create_app(settings, store=store)) as c:
        yield c
    store.close()


def assert_error(r, status, code):
    assert r.status_code == status, r.text
    body = r.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"status", "code", "message", "details"}
    assert body["error"]["status"] == status and body["error"]["code"] == code
    assert body["error"]["message"]
    return body["error"]


def test_health_and_stats(client):
    h = client.get("/health").json()
    assert h["status"] == "ok" and h["nodes"] == 11 and h["edges"] == 12
    s = client.get("/api/stats").json()
    assert s["nodes"]["Region"] == 3 and s["total_edges"] == 12


def test_search(client):
    r = client.get("/api/search", params={"q": "freistaat bayern"}).json()
    assert r["results"][0]["id"] == "region:de-by" and r["results"][0]["matched"] == "Freistaat Bayern"
    r = client.get("/api/search", params={"q": "bayern", "types": "Organization"}).json()
    assert [h["id"] for h in r["results"]] == ["org:bayern-intl"] and r["truncated"] is False
    r = client.get("/api/search", params={"q": "mini", "limit": 1}).json()
    assert r["count"] == 1 and r["truncated"] is True  # two documents match, one shown


def test_entity_by_id_and_by_name(client):
    e = client.get("/api/entities/org:jtro").json()
    assert e["id"] == "org:jtro" and e["aliases"]["en"] == ["JTRO"]
    assert e["documents"] == [{"id": "doc:mini-1", "title": "Mini release one", "published": "2021-03-04",
                               "publisher": "Test Office", "url": None}]
    assert e["edge_counts"] == {"LOCATED_IN": 1, "PARTY_TO": 1}
    assert client.get("/api/entities/JTRO").json()["id"] == "org:jtro"


def test_neighbors_with_filters(client):
    r = client.get("/api/entities/org:bayern-intl/neighbors", params={"edge_types": "PARTY_TO,ORGANIZED"}).json()
    assert {n["id"] for n in r["nodes"]} == {"org:bayern-intl", "agreement:bi-jtro-mou", "event:tokyo-mission-2023"}
    r = client.get("/api/entities/person:erika-muster/neighbors", params={"as_of": "2023-06-01"}).json()
    assert {n["id"] for n in r["nodes"]} == {"person:erika-muster", "agreement:bi-jtro-mou"}
    r = client.get("/api/entities/org:bayern-intl/neighbors", params={"depth": 3, "limit": 2}).json()
    assert r["truncated"] is True and len(r["nodes"]) == 2 and r["omitted_nodes"] > 0


def test_paths_and_connections(client):
    r = client.get("/api/paths", params={"source": "Bavaria", "target": "JTRO", "k": 3}).json()
    first = r["paths"][0]
    assert [n["id"] for n in first["nodes"]] == ["region:de-by", "org:bayern-intl", "agreement:bi-jtro-mou", "org:jtro"]
    assert [h["edge"]["type"] for h in first["hops"]] == ["LOCATED_IN", "PARTY_TO", "PARTY_TO"]
    assert first["hops"][0]["direction"] == "backward" and first["hops"][0]["edge"]["sources"][0]["document"] == "doc:mini-1"
    everything = client.get("/api/paths", params={"source": "region:de-by", "target": "org:jtro", "via": "all"}).json()
    assert everything["paths"][0]["length"] == 2  # through the country, allowed with via=all
    c = client.get("/api/connections", params={"a": "org:bayern-intl", "b": "org:jtro"}).json()
    assert [x["id"] for x in c["agreements"]] == ["agreement:bi-jtro-mou"]
    assert c["shortest_path"]["length"] == 2


def test_timeline(client):
    t = client.get("/api/timeline", params={"id": "region:de-by", "other": "region:jp"}).json()
    assert [i["date"] for i in t["items"]] == ["2021", "2021-03-03", "2022", "2023-05-10"]


def test_schema_endpoint_and_openapi(client):
    s = client.get("/api/schema").json()
    assert s["edges"]["TRADES_WITH"]["key_properties"] == ["year", "direction"]
    paths = client.get("/openapi.json").json()["paths"]
    for p in ("/health", "/api/search", "/api/entities/{id}", "/api/entities/{id}/neighbors", "/api/paths",
              "/api/connections", "/api/timeline", "/api/stats", "/api/records"):
        assert p in paths


@pytest.mark.parametrize(
    "url,status,code",
    [
        ("/api/entities/org:nope", 404, "not_found"),
        ("/api/paths?source=org:nope&target=org:jtro", 404, "not_found"),
        ("/api/paths?source=region:de-by&target=org:jtro&k=99", 422, "validation_error"),
        ("/api/paths?source=region:de-by&target=org:jtro&via=Planet", 400, "bad_query"),
        ("/api/entities/org:jtro/neighbors?edge_types=FRIENDS_WITH", 400, "bad_query"),
        ("/api/entities/org:jtro/neighbors?as_of=someday", 400, "bad_query"),
        ("/api/search", 422, "validation_error"),
        ("/api/search?q=" + "x" * 300, 422, "validation_error"),
        ("/no/such/route", 404, "not_found"),
        ("/api/entities/" + "a" * 5000, 404, "not_found"),
        ("/api/entities/%00", 404, "not_found"),
    ],
)
def test_every_error_has_the_same_shape(client, url, status, code):
    assert_error(client.get(url), status, code)


def test_error_names_the_offending_value(client):
    err = assert_error(client.get("/api/entities/org:nope"), 404, "not_found")
    assert "org:nope" in err["message"]
    err = assert_error(client.get("/api/paths", params={"source": "region:de-by", "target": "org:jtro", "k": 0}), 422, "validation_error")
    assert err["details"][0]["field"] == "k"


RECORDS = {
    "nodes": [{"id": "org:new-agency", "type": "Organization", "name": {"en": "New Agency"},
               "properties": {"kind": "agency"}, "sources": [{"document": "doc:mini-2", "locator": "p"}]}],
    "edges": [{"type": "LOCATED_IN", "source": "org:new-agency", "target": "region:de-by",
               "sources": [{"document": "doc:mini-2", "locator": "p"}]}],
}


def test_post_records_requires_the_key(client):
    assert_error(client.post("/api/records", json=RECORDS), 401, "unauthorized")
    assert_error(client.post("/api/records", json=RECORDS, headers={"X-API-Key": "wrong"}), 401, "unauthorized")
    assert client.get("/api/search", params={"q": "new agency"}).json()["count"] == 0


def test_post_records_loads_idempotently_and_dry_run(client):
    h = {"X-API-Key": KEY}
    dry = client.post("/api/records?dry_run=true", json=RECORDS, headers=h).json()
    assert dry["dry_run"] is True and dry["nodes"]["created"] == 1
    assert client.get("/api/search", params={"q": "new agency"}).json()["count"] == 0
    r = client.post("/api/records", json=RECORDS, headers=h).json()
    assert r["nodes"]["created"] == 1 and r["edges"]["created"] == 1
    again = client.post("/api/records", json=RECORDS, headers=h).json()
    assert again["changed"] is False
    assert client.get("/api/search", params={"q": "new agency"}).json()["results"][0]["id"] == "org:new-agency"


def test_post_records_bad_input(client):
    h = {"X-API-Key": KEY}
    bad = json.loads(json.dumps(RECORDS))
    bad["edges"][0]["target"] = "region:atlantis"
    err = assert_error(client.post("/api/records", json=bad, headers=h), 422, "dangling_reference")
    assert "region:atlantis" in err["message"]
    assert client.get("/api/search", params={"q": "new agency"}).json()["count"] == 0  # nothing half-written
    assert_error(client.post("/api/records", content=b"{not json", headers={**h, "content-type": "application/json"}), 400, "load_error")
    assert_error(client.post("/api/records", content=b"<x/>", headers={**h, "content-type": "text/xml"}), 415, "unsupported_media_type")
    huge = {"nodes": [{"id": f"topic:t{i}", "type": "Topic", "name": {"en": "x" * 400}} for i in range(100)]}
    assert_error(client.post("/api/records", json=huge, headers=h), 413, "too_large")
    many = {"nodes": [{"id": f"topic:t{i}", "type": "Topic", "name": {"en": "t"}} for i in range(60)]}
    assert_error(client.post("/api/records", json=many, headers=h), 413, "too_large")


def test_writes_switched_off_without_a_key(tmp_path):
    store = EmbeddedStore(tmp_path / "nokey")
    with TestClient(create_app(Settings(data_dir=str(tmp_path)), store=store)) as c:
        err = assert_error(c.post("/api/records", json=RECORDS, headers={"X-API-Key": ""}), 403, "forbidden")
        assert "REGIOGRAPH_API_KEY" in err["message"]


def test_app_opens_its_own_store_and_loads_the_seed(tmp_path):
    settings = Settings(data_dir=str(tmp_path / "own"))
    with TestClient(create_app(settings)) as c:
        h = c.get("/health").json()
        assert h["nodes"] > 50 and h["store"] == "embedded"
    assert (tmp_path / "own" / "regiograph.sqlite3").exists()


RELEASE = ("Die Bayern International GmbH (BI) und das Japan Trade Relations Office (JTRO) haben am 3. März 2024 "
           "in Tokio eine Absichtserklärung zur Zusammenarbeit im Bereich Wasserstoff unterzeichnet.")


def test_post_texts_dry_run_then_load(client):
    h = {"X-API-Key": KEY}
    before = client.get("/api/stats").json()
    dry = client.post("/api/texts?dry_run=true", json={"text": RELEASE, "title": "BI and JTRO sign", "published": "2024-03-04"}, headers=h)
    assert dry.status_code == 200, dry.text
    d = dry.json()
    assert d["dry_run"] is True and d["document"] == "doc:bi-and-jtro-sign"
    assert client.get("/api/stats").json() == before  # nothing written
    from_text = [c for c in d["changes"] if c["kind"] == "edge" and c["evidence"] and c["evidence"][0][1]]
    assert {(c["type"], c["source"]) for c in from_text} >= {("PARTY_TO", "org:bayern-intl"), ("PARTY_TO", "org:jtro")}
    assert all("Absichtserklärung" in c["evidence"][0][1] for c in from_text)  # each fact with its sentence
    r = client.post("/api/texts", json={"text": RELEASE, "title": "BI and JTRO sign", "published": "2024-03-04"}, headers=h).json()
    assert r["report"]["changed"] is True
    ids = {n["id"] for n in client.get("/api/entities/org:jtro/neighbors").json()["nodes"]}
    new_agreements = [i for i in ids if i.startswith("agreement:") and i != "agreement:bi-jtro-mou"]
    assert new_agreements, ids  # the 2024 letter of intent is a new agreement next to JTRO
    again = client.post("/api/texts", json={"text": RELEASE, "title": "BI and JTRO sign", "published": "2024-03-04"}, headers=h).json()
    assert again["report"]["changed"] is False


def test_post_texts_errors(client):
    h = {"X-API-Key": KEY}
    assert_error(client.post("/api/texts", json={"text": RELEASE}), 401, "unauthorized")
    assert_error(client.post("/api/texts", json={"title": "no text"}, headers=h), 422, "validation_error")
    assert_error(client.post("/api/texts", json={"text": RELEASE, "colour": 1}, headers=h), 422, "validation_error")
    assert_error(client.post("/api/texts", json={"text": "   "}, headers=h), 400, "load_error")


def test_neighbors_answer_is_compact_by_default_and_full_on_request(client):
    url = "/api/entities/org:bayern-intl/neighbors"
    brief = client.get(url).json()
    full = client.get(url, params={"full": "true"}).json()
    assert brief["full"] is False and full["full"] is True
    assert [n["id"] for n in brief["nodes"]] == [n["id"] for n in full["nodes"]]
    assert [e["id"] for e in brief["edges"]] == [e["id"] for e in full["edges"]]
    n = next(n for n in brief["nodes"] if n["id"] == "agreement:bi-jtro-mou")
    assert set(n) == {"id", "type", "label", "date", "valid_from", "valid_to"}
    assert n["type"] == "Agreement" and n["label"] and n["date"]
    assert all(set(e) == {"id", "type", "source", "target", "date", "valid_from", "valid_to"} for e in brief["edges"])
    assert all(n_["sources"] for n_ in full["nodes"]) and "sources" not in str(brief)
    assert len(client.get(url).content) < len(client.get(url, params={"full": "true"}).content)


def test_json_answers_keep_non_ascii_and_are_valid_json(client):
    r = client.get("/api/entities/org:bayern-intl/neighbors", params={"full": "true"})
    assert r.headers["content-type"].startswith("application/json")
    assert json.loads(r.content.decode("utf-8")) == r.json()
