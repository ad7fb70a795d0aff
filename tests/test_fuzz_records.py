"""Property test: random records written through the API; whatever was accepted is read back by every
read route (API, views, exports) without a 5xx, and what was refused was a 4xx."""

import json
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from api.app import create_app
from graph.schema import default_schema
from graph.store.embedded import EmbeddedStore
from loaders import load_path
from regiograph.settings import Settings
from tests.conftest import MINI

SCHEMA = default_schema()
KEY = "fuzz-key"
DOCS = ["doc:mini-1", "doc:mini-2"]
KNOWN = ["region:de-by", "region:jp", "org:jtro", "org:bayern-intl"]

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=30),
    st.sampled_from(["NaN", "Infinity", "-1e999", "2021-02-30", "2024", "\u202e", "<script>x</script>", "1e308"]),
)
values = st.one_of(scalars, st.lists(scalars, max_size=3), st.dictionaries(st.text(max_size=5), scalars, max_size=2))
names = st.one_of(st.text(min_size=1, max_size=40), st.sampled_from(["Bayern", "JTRO", " ", "a\u0000b"]), scalars)


VALID = {
    "string": st.text(min_size=1, max_size=60).filter(str.strip),
    "integer": st.integers(min_value=-(2**53) + 1, max_value=2**53 - 1),
    "number": st.floats(allow_nan=False, allow_infinity=False, min_value=-1e300, max_value=1e300),
    "boolean": st.booleans(),
    "date": st.sampled_from(["2020", "2021-05", "2023-06-01", "1999-12-31"]),
}


def value_for(pdef):
    good = st.sampled_from(pdef.values) if pdef.type == "enum" else VALID[pdef.type]
    return mostly(good)


@st.composite
def properties_for(draw, type_defs):
    props = {k: draw(value_for(p)) for k, p in type_defs.items() if p.required}
    for k in draw(st.lists(st.sampled_from(sorted(type_defs) + ["unknown"]), max_size=2, unique=True)):
        props[k] = draw(value_for(type_defs[k])) if k in type_defs else draw(values)
    return props


def mostly(good, bad=values):
    """19 times in 20 a valid value, else a hostile one."""
    return st.integers(0, 19).flatmap(lambda i: bad if i == 0 else good)


good_text = st.text(min_size=1, max_size=40).filter(str.strip)


@st.composite
def node(draw, i):
    type_name = draw(st.sampled_from(sorted(SCHEMA.nodes)))
    nt = SCHEMA.nodes[type_name]
    rec = {"id": draw(mostly(st.just(f"{nt.id_prefix}:fuzz-{i}-{draw(st.integers(0, 3))}"), names)),
           "type": type_name,
           "name": draw(mostly(st.dictionaries(st.sampled_from(["en", "de", "ko"]), good_text, min_size=1, max_size=2),
                               st.one_of(names, st.dictionaries(st.sampled_from(["en", "x1"]), names, min_size=1)))),
           "properties": draw(properties_for(nt.properties)),
           "sources": draw(mostly(
               st.lists(st.fixed_dictionaries({"document": st.sampled_from(DOCS)},
                                               optional={"locator": mostly(st.text(max_size=20)),
                                                         "span": mostly(st.tuples(st.integers(0, 99), st.integers(100, 200)).map(list)),
                                                         "evidence": mostly(st.text(max_size=80))}),
                        min_size=1, max_size=2)))}
    if draw(st.booleans()):
        rec["valid_from"] = draw(mostly(VALID["date"]))
    return rec


@st.composite
def batch(draw):
    nodes = [draw(node(i)) for i in range(draw(st.integers(0, 2)))]
    by_type = {"Region": ["region:de-by", "region:jp"], "Organization": ["org:jtro", "org:bayern-intl"]}
    for n in nodes:
        if isinstance(n["id"], str):
            by_type.setdefault(n["type"], []).append(n["id"])
    edges = []
    for _ in range(draw(st.integers(0, 2))):
        possible = [et for et in SCHEMA.edges.values()
                    if any(t in by_type for t in et.source) and any(t in by_type for t in et.target)]
        et = draw(st.sampled_from(sorted(possible, key=lambda e: e.name)))
        src = draw(st.sampled_from([i for t in et.source for i in by_type.get(t, [])]))
        dst = draw(st.sampled_from([i for t in et.target for i in by_type.get(t, [])]))
        edges.append({"type": et.name, "source": draw(mostly(st.just(src), names)), "target": dst,
                      "properties": draw(properties_for(et.properties)),
                      "sources": [{"document": draw(st.sampled_from(DOCS)), "locator": "fuzz"}]})
    return {"nodes": nodes, "edges": edges}


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("fuzz")
    store = EmbeddedStore(tmp / "s")
    store.load(load_path(MINI))
    s = Settings(data_dir=str(tmp / "d"), api_key=KEY, write_rate=100_000)
    with TestClient(create_app(s, store=store), headers={"X-API-Key": KEY}) as c:
        yield c
    store.close()


def read_urls(node_id: str, label: str) -> list[str]:
    e = quote(node_id, safe=":")
    q = quote(label[:100] or "x")
    return [
        f"/api/entities/{e}", f"/api/entities/{e}/neighbors?depth=2", f"/api/timeline?id={e}",
        f"/api/timeline?id={e}&other=region:de-by", f"/api/paths?source={e}&target=region:jp&via=all",
        f"/api/connections?a={e}&b=org:jtro", f"/api/search?q={q}", f"/view/entity/{e}",
        f"/view/export?view=entity&id={e}&format=json", f"/view/export?view=entity&id={e}&format=svg",
        f"/view/export?view=entity&id={e}&format=graphml",
        "/api/entities/region:de-by/neighbors?depth=3", "/api/timeline?id=region:jp", "/api/stats", "/health",
    ]


def test_accepted_records_never_break_a_read_route(client):
    outcomes = {"accepted": 0, "refused": 0, "reads": 0}

    @settings(max_examples=200, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
    @given(batch())
    def write_then_read(body):
        raw = json.dumps(body, allow_nan=True, ensure_ascii=True)
        r = client.post("/api/records", content=raw, headers={"Content-Type": "application/json"})
        assert r.status_code < 500, r.text[:500]
        if r.status_code != 200:
            assert r.json()["error"]["message"]
            outcomes["refused"] += 1
            return
        outcomes["accepted"] += 1
        for n in body["nodes"]:
            if not isinstance(n["id"], str):
                continue
            label = next(iter(n["name"].values())) if isinstance(n["name"], dict) and n["name"] else ""
            for url in read_urls(n["id"], label if isinstance(label, str) else ""):
                got = client.get(url)
                outcomes["reads"] += 1
                assert got.status_code < 500, (url, got.status_code, got.text[:300])

    write_then_read()
    # the generator must exercise both sides: writes that pass and writes that are refused
    assert outcomes["accepted"] >= 10 and outcomes["refused"] >= 10, outcomes
    # 200 examples: with 100, a change to the schema's enums (which reshuffles the derandomized draws) left as
    # few as 90 reads; 200 gave 56 accepted writes and 615 reads with the Event kinds fair and conference
    assert outcomes["reads"] >= 150, outcomes
