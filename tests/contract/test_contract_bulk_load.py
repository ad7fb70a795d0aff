"""Bulk loads give the graph of record-by-record loads, on every backend.

The same sample (the seed dataset, then Wikidata regions, then GLEIF level 1 and 2) is
loaded twice: record by record into a reference embedded store (``chunk_records=1``: every
record checked, resolved by identifier, name and place, and merged on its own, against
what the load wrote before it), and in bulk into the store under test (one chunk: the
whole file resolved at once - identifiers of the batch looked up together, each name
folded once, the rows written together). Nodes, edges, identifiers, provenance and the
review items must be the same."""

from __future__ import annotations

import csv
from pathlib import Path

from graph import identity
from graph.store.embedded import EmbeddedStore
from loaders import load_path, source
from regiograph.seed import SEED_DIR

DATA = Path(__file__).resolve().parent.parent / "data" / "opendata"
WIKIDATA = [DATA / "wikidata-countries.json", DATA / "wikidata-regions.json"]
GLEIF = [DATA / "20261130-0800-gleif-goldencopy-lei2-golden-copy.csv", DATA / "20261130-0800-gleif-goldencopy-rr-golden-copy.csv"]
OPTS = {"retrieved": "2026-11-30"}
LOADS = [("wikidata", WIKIDATA), ("gleif", GLEIF)]


def snapshot(store):
    by_id = lambda d: d["id"]  # noqa: E731
    return sorted((n.to_dict() for n in store.iter_nodes()), key=by_id), sorted((e.to_dict() for e in store.iter_edges()), key=by_id)


def _sorted(items):
    return sorted(items, key=lambda d: repr(sorted(d.items())))


def unplaced(tmp_path) -> Path:
    """A level 1 file of two companies seated in a region the graph does not know: their
    LOCATED_IN edges become review items (the same ones, bulk or not)."""
    with GLEIF[0].open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    col = {h: i for i, h in enumerate(rows[0])}
    out = [rows[0]]
    for n, lei in enumerate(("529900TESTUNPLACED01", "529900TESTUNPLACED02")):
        r = [""] * len(rows[0])
        r[col["LEI"]], r[col["Entity.LegalName"]] = lei, f"Nirgendwo Werk {n} GmbH"
        for k in ("LegalAddress", "HeadquartersAddress"):
            r[col[f"Entity.{k}.Country"]], r[col[f"Entity.{k}.Region"]] = "ZZ", "ZZ-01"
        out.append(r)
    path = tmp_path / "20261130-0800-unplaced-lei2.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, quoting=csv.QUOTE_ALL).writerows(out)
    return path


def load_all(store, chunk_records: int, extra: Path) -> list[dict]:
    store.load(load_path(SEED_DIR))
    reports = []
    for name, files in LOADS + [("gleif", [extra])]:
        _read, report = source.run(store, name, files, OPTS, chunk_records=chunk_records)
        reports.append(report.to_dict())
    return reports


def identifiers(store) -> dict[str, set[str]]:
    """Every identifier key the graph holds -> the nodes that hold it (through the store's look-up)."""
    keys: dict[str, set[str]] = {}
    for n in store.iter_nodes():
        for k in identity.node_keys(n, store.schema):
            keys.setdefault(n.type, set()).add(k)
    out: dict[str, set[str]] = {}
    for t, ks in keys.items():
        out.update({f"{t} {k}": ids for k, ids in store.find_by_names(t, sorted(ks)).items()})
    return out


def test_bulk_load_gives_the_graph_of_a_record_by_record_load(store, tmp_path):
    reference = EmbeddedStore(tmp_path / "one-by-one")
    extra = unplaced(tmp_path)
    one_by_one = load_all(reference, chunk_records=1, extra=extra)
    bulk = load_all(store, chunk_records=10 ** 9, extra=extra)
    nodes, edges = snapshot(store)
    assert (nodes, edges) == snapshot(reference)
    # the sample exercises what bulk resolution must get right
    companies = [n for n in nodes if n["type"] == "Company" and n["properties"].get("lei")]
    located = [e for e in edges if e["type"] == "LOCATED_IN" and any(c["id"] == e["source"] for c in companies)]
    parents = [e for e in edges if e["type"] == "CONSOLIDATED_BY"]
    assert len(companies) >= 5 and located and parents
    seed_ids = {n.id for n in load_path(SEED_DIR).nodes if n.id}
    assert any(c["id"] in seed_ids for c in companies)  # a seed company gained its LEI (merged by name and place)
    # provenance: every GLEIF fact points to the dataset's Document with its row or relationship locator
    docs = {n["id"] for n in nodes if n["type"] == store.schema.document_type}
    gleif = [x for x in companies + parents if any(s["document"].startswith("doc:gleif") for s in x["sources"])]
    assert gleif and all(s["document"] in docs and s.get("locator") for x in gleif for s in x["sources"])
    # identifiers: the same keys name the same nodes
    held = identifiers(store)
    assert held == identifiers(reference) and len(held) >= len(companies)
    assert all(len(ids) == 1 for ids in held.values())
    # the same decisions were reported: created/updated counts and the review items
    for a, b in zip(bulk, one_by_one):
        assert {k: v for k, v in a.items() if k != "review"} == {k: v for k, v in b.items() if k != "review"}
        assert _sorted(a.get("review", [])) == _sorted(b.get("review", []))
    assert [r["kind"] for r in bulk[-1]["review"]] == ["unresolved_reference"] * 2
    reference.close()


def test_embedded_writer_cache_grows_for_a_streamed_load_and_shrinks_after(tmp_path):
    from graph.store.embedded import db

    store = EmbeddedStore(tmp_path / "cache")
    seen: list[int] = []

    def progress(done, total):
        seen.append(store._wconn.execute("PRAGMA cache_size").fetchone()[0])

    store.load(load_path(SEED_DIR))
    source.run(store, "wikidata", WIKIDATA, OPTS, chunk_records=5, write_progress=progress)
    assert seen and set(seen) == {-db.WRITE_CACHE_KB}
    assert store._wconn.execute("PRAGMA cache_size").fetchone()[0] == -db.READ_CACHE_KB
    store.close()
