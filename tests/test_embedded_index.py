"""The embedded store's array index: saved and mapped on reopen, kept current from the
change log, rebuilt when it is damaged or its delta grows, and the 0.1 format upgraded."""

from __future__ import annotations

import json
import sqlite3

import numpy as np
import pytest

from graph import query
from graph.generate import generate
from graph.model import Edge, Node, Source
from graph.store.embedded import DB_FILE, EmbeddedStore
from graph.store.embedded import index as index_mod
from loaders import load_path
from tests.conftest import MINI


def answers(store, ids):
    """Neighbourhoods and paths of a few nodes, native and generic, as comparable dicts."""
    out = []
    for a, b in zip(ids, ids[1:]):
        for generic in (False, True):
            out.append(query.run(store, "neighbors", generic=generic, id=a, depth=2, limit=50).to_dict())
            out.append(query.run(store, "paths", generic=generic, source=a, target=b, k=3, max_hops=6).to_dict())
    return out


def test_reopen_maps_the_saved_index_and_answers_alike(tmp_path):
    nodes, edges = generate(n_edges=3000, seed=3)
    s = EmbeddedStore(tmp_path)
    s.write(nodes, edges)
    ids = [n.id for n in nodes[::97]][:8]
    before = answers(s, ids)
    s.close()
    assert (tmp_path / "index" / "CURRENT").is_file()
    again = EmbeddedStore(tmp_path)
    assert isinstance(again._ix.nbr.base, np.memmap), "the CSR should be mapped from the saved files"
    assert answers(again, ids) == before
    # native and generic agree on every pair
    assert all(before[i] == before[i + 2] for i in range(0, len(before), 4))
    again.close()


def test_writes_of_another_store_reach_the_index_through_the_change_log(tmp_path):
    a = EmbeddedStore(tmp_path)
    a.load(load_path(MINI))
    b = EmbeddedStore(tmp_path)  # another "process" on the same files
    doc = Source("doc:mini-1", "x")
    b.write([Node("person:new", "Person", {"en": "New Person"}, sources=(doc,))],
            [Edge("person:new|HOLDS_ROLE_AT|org:jtro|head", "HOLDS_ROLE_AT", "person:new", "org:jtro",
                  {"role": "head"}, sources=(doc,))])
    # a's next read sees b's commit without reopening
    assert "person:new" in {n.id for n in a.neighbors("org:jtro").nodes}
    assert a.search("New Person")[0].node.id == "person:new"
    assert a.paths("person:new", "region:de-by", k=1).paths
    b.delete(["person:new"])
    assert "person:new" not in {n.id for n in a.neighbors("org:jtro").nodes}
    assert a.search("New Person") == []
    a.close()
    b.close()
    reopened = EmbeddedStore(tmp_path)
    assert "person:new" not in {n.id for n in reopened.neighbors("org:jtro").nodes}
    reopened.close()


def test_a_damaged_index_is_rebuilt_from_the_database(tmp_path):
    s = EmbeddedStore(tmp_path)
    s.load(load_path(MINI))
    expected = s.neighbors("org:jtro", depth=2).to_dict()
    s.close()
    folder = tmp_path / "index" / (tmp_path / "index" / "CURRENT").read_text().strip()
    (folder / "nbr.npy").write_bytes(b"not numpy")
    again = EmbeddedStore(tmp_path)
    assert again.neighbors("org:jtro", depth=2).to_dict() == expected
    again.close()


def test_a_growing_delta_is_merged_into_the_arrays(tmp_path, monkeypatch):
    monkeypatch.setattr(index_mod, "DELTA_MAX", 5)  # below the 2,000-edge floor: every overflow folds in
    nodes, edges = generate(n_edges=400, seed=5)
    s = EmbeddedStore(tmp_path)
    s.write(nodes, edges[:100])
    built = s._ix.csr_edges
    for i in range(100, 400, 20):  # small writes: the delta overflows and is folded in
        s.write([], edges[i:i + 20])
        _ = s.stats()
    assert s._ix.csr_edges > built and s._ix.delta_count <= 5 + 20
    ids = [n.id for n in nodes[::31]][:8]
    res = answers(s, ids)
    assert all(res[i] == res[i + 2] for i in range(0, len(res), 4))
    assert sum(s.stats().edges.values()) == len({e.id for e in edges})
    s.close()


def test_a_store_of_version_0_1_is_upgraded_in_place(tmp_path):
    mini = EmbeddedStore(tmp_path / "new")
    mini.load(load_path(MINI))
    nodes, edges = list(mini.iter_nodes()), list(mini.iter_edges())
    expected = mini.paths("region:de-by", "org:jtro", k=2).to_dict()
    mini.close()
    old = tmp_path / "old"
    old.mkdir()
    db = sqlite3.connect(old / DB_FILE)
    db.executescript("""
        CREATE TABLE nodes (id TEXT PRIMARY KEY, type TEXT NOT NULL, data TEXT NOT NULL);
        CREATE TABLE edges (id TEXT PRIMARY KEY, type TEXT NOT NULL, source TEXT NOT NULL, target TEXT NOT NULL,
                            data TEXT NOT NULL);
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        INSERT INTO meta VALUES ('generation', '3'), ('format', 'regiograph/1');
    """)
    db.executemany("INSERT INTO nodes VALUES (?, ?, ?)", [(n.id, n.type, json.dumps(n.to_dict())) for n in nodes])
    db.executemany("INSERT INTO edges VALUES (?, ?, ?, ?, ?)",
                   [(e.id, e.type, e.source, e.target, json.dumps(e.to_dict())) for e in edges])
    db.commit()
    db.close()
    up = EmbeddedStore(old)
    assert list(up.iter_nodes()) == nodes and list(up.iter_edges()) == edges
    assert up.paths("region:de-by", "org:jtro", k=2).to_dict() == expected
    up.close()


def test_an_unknown_format_is_refused_with_the_way_out(tmp_path):
    db = sqlite3.connect(tmp_path / DB_FILE)
    db.executescript("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
                     "INSERT INTO meta VALUES ('format', 'regiograph/9');")
    db.commit()
    db.close()
    from graph.errors import StoreError

    with pytest.raises(StoreError, match="format 'regiograph/9'.*regiograph export"):
        EmbeddedStore(tmp_path)


def test_unique_by_sorting_equals_numpy_unique():
    from graph.store.embedded.index import unique

    rng = np.random.default_rng(3)
    for a in (np.array([], dtype=np.int32), np.array([5], dtype=np.int64), rng.integers(0, 50, 1000).astype(np.int32),
              rng.integers(0, 10**12, 5000)):
        got = unique(a)
        assert got.dtype == a.dtype and np.array_equal(got, np.unique(a))
