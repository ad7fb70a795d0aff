"""The embedded default store: SQLite on disk, networkx-backed indexes in memory.

* Durable: every ``write`` is one SQLite transaction (WAL journal). A crash in
  the middle of a load leaves the last committed state; the in-memory graph is
  updated only after the commit succeeded.
* Concurrent: many readers and one writer per process (readers-writer lock).
  Other processes may write to the same file (e.g. ``regiograph load`` while
  ``regiograph serve`` runs): a generation counter in the database is checked
  before each query, and the memory graph is reloaded when it changed.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable, Iterator

from ..errors import StoreError
from ..model import Edge, Node, Stats
from ..schema import Schema, default_schema
from . import traversal as tv
from .base import (
    DEFAULT_NEIGHBOR_LIMIT,
    DEFAULT_SEARCH_LIMIT,
    DEFAULT_TIMELINE_LIMIT,
    MAX_DEPTH,
    MAX_HOPS,
    MAX_K,
    MAX_NEIGHBOR_LIMIT,
    MAX_SEARCH_LIMIT,
    PARTNER_VIA,
    GraphStore,
    Progress,
    check_via,
)
from .memory import MemoryGraph

DB_FILE = "regiograph.sqlite3"
WRITE_CHUNK = 5_000

_DDL = """
CREATE TABLE IF NOT EXISTS nodes (id TEXT PRIMARY KEY, type TEXT NOT NULL, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS edges (id TEXT PRIMARY KEY, type TEXT NOT NULL, source TEXT NOT NULL,
                                  target TEXT NOT NULL, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT OR IGNORE INTO meta (key, value) VALUES ('generation', '0');
INSERT OR IGNORE INTO meta (key, value) VALUES ('format', 'regiograph/1');
"""


class RWLock:
    """Many readers or one writer; writers are not starved by a stream of readers."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._readers = 0
        self._writer = False
        self._waiting_writers = 0

    @contextmanager
    def read(self):
        with self._cond:
            while self._writer or self._waiting_writers:
                self._cond.wait()
            self._readers += 1
        try:
            yield
        finally:
            with self._cond:
                self._readers -= 1
                if not self._readers:
                    self._cond.notify_all()

    @contextmanager
    def write(self):
        with self._cond:
            self._waiting_writers += 1
            while self._writer or self._readers:
                self._cond.wait()
            self._waiting_writers -= 1
            self._writer = True
        try:
            yield
        finally:
            with self._cond:
                self._writer = False
                self._cond.notify_all()


def _dumps(obj) -> str:
    # key order is kept: the order of names and aliases is meaningful (first = preferred)
    return json.dumps(obj.to_dict(), ensure_ascii=False, separators=(",", ":"))


class EmbeddedStore(GraphStore):
    """``EmbeddedStore(data_dir)`` opens (or creates) ``data_dir/regiograph.sqlite3``."""

    def __init__(self, data_dir: str | Path, schema: Schema | None = None) -> None:
        self.schema = schema or default_schema()
        self.data_dir = Path(data_dir)
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
            self.path = self.data_dir / DB_FILE
            self._db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None, timeout=30)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.executescript(_DDL)
        except (OSError, sqlite3.Error) as e:
            raise StoreError(
                f"cannot open the embedded store in '{self.data_dir}': {e}; "
                "check that the folder is writable or set REGIOGRAPH_DATA_DIR to another folder"
            ) from None
        self._costs = {name: et.path_cost for name, et in self.schema.edges.items()}
        self._db_lock = threading.Lock()
        self._lock = RWLock()
        self._mg = MemoryGraph()
        self._generation = -1
        self._reload()

    # ------------------------------------------------------------ plumbing

    def _db_generation(self) -> int:
        with self._db_lock:
            row = self._db.execute("SELECT value FROM meta WHERE key='generation'").fetchone()
        return int(row[0])

    def _reload(self) -> None:
        mg = MemoryGraph()
        with self._db_lock:
            self._db.execute("BEGIN")  # one snapshot for generation, nodes and edges
            gen = int(self._db.execute("SELECT value FROM meta WHERE key='generation'").fetchone()[0])
            node_rows = [r[0] for r in self._db.execute("SELECT data FROM nodes ORDER BY id")]
            edge_rows = [r[0] for r in self._db.execute("SELECT data FROM edges ORDER BY id")]
            self._db.execute("COMMIT")
        # one json.loads over all rows is several times faster than one per row
        for d in json.loads("[" + ",".join(node_rows) + "]"):
            mg.put_node(Node.from_dict(d))
        del node_rows
        for d in json.loads("[" + ",".join(edge_rows) + "]"):
            mg.put_edge(Edge.from_dict(d))
        self._mg = mg
        self._generation = gen

    @contextmanager
    def _reading(self):
        if self._db_generation() != self._generation:
            with self._lock.write():
                if self._db_generation() != self._generation:
                    self._reload()
        with self._lock.read():
            yield self._mg

    def close(self) -> None:
        with self._db_lock:
            self._db.close()

    # ---------------------------------------------------------- primitives

    def get_nodes(self, ids: Iterable[str]) -> dict[str, Node]:
        with self._reading() as mg:
            return {i: mg.nodes[i] for i in ids if i in mg.nodes}

    def get_edges(self, ids: Iterable[str]) -> dict[str, Edge]:
        with self._reading() as mg:
            return {i: mg.edges[i] for i in ids if i in mg.edges}

    def find_by_names(self, type_: str, folded_names: Iterable[str]) -> dict[str, set[str]]:
        with self._reading() as mg:
            out = {}
            for f in folded_names:
                ids = {i for i in mg.names.get(f, ()) if mg.nodes[i].type == type_}
                if ids:
                    out[f] = ids
            return out

    def write(self, nodes: list[Node], edges: list[Edge], progress: Progress | None = None) -> None:
        total = len(nodes) + len(edges)
        with self._lock.write():
            if self._db_generation() != self._generation:
                self._reload()
            done = 0
            with self._db_lock:
                try:
                    self._db.execute("BEGIN IMMEDIATE")
                    for i in range(0, len(nodes), WRITE_CHUNK):
                        chunk = nodes[i : i + WRITE_CHUNK]
                        self._db.executemany(
                            "INSERT INTO nodes (id, type, data) VALUES (?, ?, ?) "
                            "ON CONFLICT(id) DO UPDATE SET type=excluded.type, data=excluded.data",
                            [(n.id, n.type, _dumps(n)) for n in chunk],
                        )
                        done += len(chunk)
                        if progress:
                            progress(done, total)
                    for i in range(0, len(edges), WRITE_CHUNK):
                        chunk = edges[i : i + WRITE_CHUNK]
                        self._db.executemany(
                            "INSERT INTO edges (id, type, source, target, data) VALUES (?, ?, ?, ?, ?) "
                            "ON CONFLICT(id) DO UPDATE SET data=excluded.data",
                            [(e.id, e.type, e.source, e.target, _dumps(e)) for e in chunk],
                        )
                        done += len(chunk)
                        if progress:
                            progress(done, total)
                    self._db.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key='generation'")
                    gen = int(self._db.execute("SELECT value FROM meta WHERE key='generation'").fetchone()[0])
                    self._db.execute("COMMIT")
                except BaseException as e:
                    try:
                        self._db.execute("ROLLBACK")
                    except sqlite3.Error:
                        pass
                    if isinstance(e, sqlite3.Error):
                        raise StoreError(f"writing to '{self.path}' failed, nothing was written: {e}") from None
                    raise
            for n in nodes:
                self._mg.put_node(n)
            for e in edges:
                self._mg.put_edge(e)
            self._generation = gen

    def iter_nodes(self) -> Iterator[Node]:
        with self._reading() as mg:
            nodes = [mg.nodes[i] for i in sorted(mg.nodes)]
        return iter(nodes)

    def iter_edges(self) -> Iterator[Edge]:
        with self._reading() as mg:
            edges = [mg.edges[i] for i in sorted(mg.edges)]
        return iter(edges)

    def clear(self) -> None:
        with self._lock.write():
            with self._db_lock:
                self._db.execute("BEGIN IMMEDIATE")
                self._db.execute("DELETE FROM nodes")
                self._db.execute("DELETE FROM edges")
                self._db.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key='generation'")
                self._db.execute("COMMIT")
            self._reload()

    def delete(self, node_ids: Iterable[str], edge_ids: Iterable[str], *,
               rewrite_nodes: list[Node] = (), rewrite_edges: list[Edge] = ()) -> None:
        # minimal: one SQLite transaction, then the memory graph is rebuilt (deletions are rare)
        node_ids, edge_ids = sorted(set(node_ids)), sorted(set(edge_ids))
        with self._lock.write():
            with self._db_lock:
                try:
                    self._db.execute("BEGIN IMMEDIATE")
                    for i in range(0, len(node_ids), WRITE_CHUNK):
                        chunk = node_ids[i : i + WRITE_CHUNK]
                        marks = ",".join("?" * len(chunk))
                        self._db.execute(f"DELETE FROM edges WHERE source IN ({marks}) OR target IN ({marks})", chunk + chunk)
                        self._db.execute(f"DELETE FROM nodes WHERE id IN ({marks})", chunk)
                    self._db.executemany("DELETE FROM edges WHERE id = ?", [(i,) for i in edge_ids])
                    self._db.executemany("INSERT INTO nodes (id, type, data) VALUES (?, ?, ?) "
                                         "ON CONFLICT(id) DO UPDATE SET type=excluded.type, data=excluded.data",
                                         [(n.id, n.type, _dumps(n)) for n in rewrite_nodes])
                    self._db.executemany("INSERT INTO edges (id, type, source, target, data) VALUES (?, ?, ?, ?, ?) "
                                         "ON CONFLICT(id) DO UPDATE SET data=excluded.data",
                                         [(e.id, e.type, e.source, e.target, _dumps(e)) for e in rewrite_edges])
                    self._db.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key='generation'")
                    self._db.execute("COMMIT")
                except BaseException as e:
                    try:
                        self._db.execute("ROLLBACK")
                    except sqlite3.Error:
                        pass
                    if isinstance(e, sqlite3.Error):
                        raise StoreError(f"deleting from '{self.path}' failed, nothing was deleted: {e}") from None
                    raise
            self._reload()

    @property
    def graph(self):
        """The networkx MultiDiGraph (read-only use: exports, reference checks)."""
        with self._reading() as mg:
            return mg.g

    # --------------------------------------------------------------- queries

    def search(self, q, *, types=None, limit=DEFAULT_SEARCH_LIMIT):
        tv.check_range("limit", limit, 1, MAX_SEARCH_LIMIT)
        types = tv.check_types("types", types, self.schema.nodes)
        if q is not None and len(q) > 200:
            from ..errors import QueryError

            raise QueryError("'q' is longer than 200 characters", details=[{"field": "q"}])
        with self._reading() as mg:
            return tv.search(mg, q, types, limit)

    def neighbors(self, id, *, depth=1, edge_types=None, node_types=None, as_of=None, limit=DEFAULT_NEIGHBOR_LIMIT):
        tv.check_range("depth", depth, 1, MAX_DEPTH)
        tv.check_range("limit", limit, 1, MAX_NEIGHBOR_LIMIT)
        edge_types = tv.check_types("edge_types", edge_types, self.schema.edges)
        node_types = tv.check_types("node_types", node_types, self.schema.nodes)
        as_of = tv.check_as_of(as_of)
        with self._reading() as mg:
            return tv.neighbors(mg, id, depth, edge_types, node_types, as_of, limit)

    def paths(self, source, target, *, k=3, max_hops=6, edge_types=None, as_of=None, via=None):
        tv.check_range("k", k, 1, MAX_K)
        tv.check_range("max_hops", max_hops, 1, MAX_HOPS)
        edge_types = tv.check_types("edge_types", edge_types, self.schema.edges)
        via = check_via(self.schema, via)
        as_of = tv.check_as_of(as_of)
        with self._reading() as mg:
            return tv.paths(mg, source, target, k, max_hops, edge_types, as_of, via, self._costs)

    def connections(self, a, b, *, as_of=None, limit=50):
        tv.check_range("limit", limit, 1, 1000)
        as_of = tv.check_as_of(as_of)
        with self._reading() as mg:
            return tv.connections(mg, a, b, as_of, limit, PARTNER_VIA, self._costs)

    def timeline(self, id, *, other=None, limit=DEFAULT_TIMELINE_LIMIT):
        tv.check_range("limit", limit, 1, 5000)
        with self._reading() as mg:
            return tv.timeline(mg, self.schema, id, other, limit, PARTNER_VIA)

    def stats(self) -> Stats:
        with self._reading() as mg:
            return Stats(
                nodes={k: v for k, v in mg.node_counts.items() if v},
                edges={k: v for k, v in mg.edge_counts.items() if v},
            )
