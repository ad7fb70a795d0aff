"""The Neo4j backend: ``Neo4jStore(driver, schema, database=None)``.

Same contract as every store (``graph.store.base``); ``tests/contract`` checks
that it answers exactly like the embedded store. The driver is created by the
caller (settings, credentials) and only borrowed here.

* Data model and indexes: see ``cypher/schema.cypher``. Nodes carry their JSON
  form plus folded name keys and validity bounds, edges are relationships typed
  by the schema's edge type.
* Writes: one explicit write transaction per ``writing()`` block, which first
  takes a lock node every writer updates, so a load's reads and its write are
  not interleaved with another writer's; rows go in as ``UNWIND $rows`` chunks.
  Any error rolls the whole block back.
* Reads: ``execute_read`` (so ``neo4j://`` routing works), one transaction per
  port call. The queries themselves are the shared ones of ``graph.query``.
* Only statements from ``cypher/`` run; values are always parameters.
"""

from __future__ import annotations

import json
from contextlib import contextmanager
from typing import Any, Callable, Iterable, Iterator

from neo4j import exceptions as neo4j_errors
from neo4j import unit_of_work
import cypher

from .. import dates
from ..codec import decode_edge, decode_node, encode
from ..errors import DanglingReferenceError, RegiographError, StoreError, ValidationError
from ..identity import KEY_PREFIX
from ..ingest import folded_keys
from ..model import Edge, Node, Stats
from ..schema import Schema
from .base import EdgeRef, GraphStore, NodeRef, Progress, WriteView

WRITE_CHUNK = 2_000
DEFAULT_QUERY_TIMEOUT = 60.0  # seconds per read transaction
PAGE = 5_000
BACKFILL_PAGE = 5_000  # nodes per write transaction of the one-time name key back-fill
KEY_SEPARATOR = " | "
_LUCENE_SPECIAL = set('+-&|!(){}[]^"~*?:\\/')


MIN_VERSION = (5, 26)


def version_supported(version: str) -> bool:
    """True for 5.26+ and the calendar-versioned releases (2025.01 and later)."""
    try:
        parts = tuple(int(p) for p in version.split("-")[0].split(".")[:2])
    except ValueError:
        return False
    return len(parts) == 2 and parts >= MIN_VERSION


def lucene_escape(text: str) -> str:
    """Escape Lucene query syntax characters (a backslash before each)."""
    return "".join("\\" + ch if ch in _LUCENE_SPECIAL else ch for ch in text)


_dumps = encode
_node = decode_node
_edge = decode_edge


def _node_row(n: Node, schema: Schema) -> dict[str, Any]:
    keys = sorted(folded_keys(n))
    sub = schema.subtype(n)
    return {
        "id": n.id,
        "type": n.type,
        "label": n.label,
        "data": _dumps(n),
        "name_keys": keys,
        # identifier keys ('#lei=...') are looked up exactly (find_by_names), never searched:
        # a folded search word holds no '#', so they would only grow the full-text index
        "search_text": KEY_SEPARATOR.join(k for k in keys if not k.startswith(KEY_PREFIX)),
        "subtype_key": f"{n.type}:{sub}" if sub else None,
        "vf": dates.lower_bound(n.valid_from),
        "vt": dates.upper_bound(n.valid_to),
    }


def _edge_row(e: Edge) -> dict[str, Any]:
    return {
        "id": e.id,
        "source": e.source,
        "target": e.target,
        "data": _dumps(e),
        "vf": dates.lower_bound(e.valid_from),
        "vt": dates.upper_bound(e.valid_to),
    }


def _one_line(e: Exception) -> str:
    return " ".join(str(e).split())


def _span(as_of) -> list[str] | None:
    """A query period (first day, last day) as the Cypher list parameter ``$as_of``."""
    return [as_of[0], as_of[1]] if as_of else None


def _edge_ends(edge_id: str) -> tuple[str, str] | None:
    parts = edge_id.split("|")
    return (parts[0], parts[2]) if len(parts) >= 3 else None


class Neo4jStore(GraphStore):
    """A ``GraphStore`` on a Neo4j 5 database reached through ``driver``."""

    def __init__(
        self,
        driver,
        schema: Schema | None = None,
        database: str | None = None,
        *,
        setup: bool = True,
        owns_driver: bool = False,
        query_timeout: float | None = DEFAULT_QUERY_TIMEOUT,
    ) -> None:
        """``setup``: create constraints and indexes now (idempotent).
        ``owns_driver``: ``close()`` also closes the driver.
        ``query_timeout``: seconds a read transaction may run (None: no limit)."""
        if schema is None:
            from ..schema import default_schema

            schema = default_schema()
        self.schema = schema
        self.driver = driver
        self.database = database
        self._owns_driver = owns_driver
        self.query_timeout = query_timeout
        self._stats_cypher: str | None = None
        if setup:
            self.ensure_schema()

    def close(self) -> None:
        if self._owns_driver:
            self.driver.close()

    # ------------------------------------------------------------ plumbing

    def _session(self):
        # Optional properties (vf, vt) are simply absent when null, so Neo4j would
        # warn about "unknown property keys" on a fresh database; those are noise.
        config: dict[str, Any] = {"notifications_disabled_categories": ["UNRECOGNIZED"]}
        if self.database:
            config["database"] = self.database
        return self.driver.session(**config)

    def _map_error(self, what: str, e: BaseException) -> BaseException:
        """The ``StoreError`` a driver error becomes (other exceptions are returned as they are)."""
        if isinstance(e, RegiographError):
            return e
        if isinstance(e, neo4j_errors.ServiceUnavailable):
            return StoreError(
                f"{what}: Neo4j is not reachable ({_one_line(e)}); check that the server runs and the configured bolt URI")
        if isinstance(e, neo4j_errors.AuthError):
            return StoreError(
                f"{what}: Neo4j refused the credentials ({_one_line(e)}); check the configured user and password")
        if isinstance(e, neo4j_errors.Neo4jError):
            if "TransactionTimedOut" in (e.code or ""):
                return StoreError(
                    f"{what}: Neo4j did not answer within {self.query_timeout} s; narrow the query "
                    "(fewer hops, edge or node types, a smaller limit)")
            return StoreError(f"{what}: Neo4j failed: {_one_line(e)}")
        if isinstance(e, neo4j_errors.DriverError):
            return StoreError(f"{what}: Neo4j failed: {_one_line(e)}")
        return e

    def _guard(self, what: str, fn: Callable[[], Any]) -> Any:
        try:
            return fn()
        except Exception as e:
            mapped = self._map_error(what, e)
            if mapped is e:
                raise
            raise mapped from None

    def _read(self, what: str, work: Callable[[Any], Any]) -> Any:
        if self.query_timeout is not None:
            work = unit_of_work(timeout=self.query_timeout)(work)

        def run():
            with self._session() as session:
                return session.execute_read(work)

        return self._guard(what, run)

    @staticmethod
    def _rows(tx, name: str, **params) -> list[dict[str, Any]]:
        return tx.run(cypher.load(name), params).data()

    def ensure_schema(self, timeout_seconds: int = 120) -> None:
        """Create constraints and indexes (idempotent) and wait until they are online."""

        def run():
            with self._session() as session:
                version = session.run(cypher.load("server_version")).single()["version"]
                if not version_supported(version):
                    raise StoreError(
                        f"Neo4j {version} is too old: Regiograph needs Neo4j {'.'.join(map(str, MIN_VERSION))} or newer"
                    )
                for stmt in cypher.statements("schema"):
                    session.run(stmt).consume()
                for label in sorted(self.schema.nodes):
                    session.run(cypher.render("schema_label_constraint", identifiers={"label": label})).consume()
                for rel_type in sorted(self.schema.edges):
                    session.run(cypher.render("schema_rel_constraint", identifiers={"type": rel_type})).consume()
                session.run(cypher.load("await_indexes"), seconds=timeout_seconds).consume()
                if session.run(cypher.load("entity_keys_ready")).single()["ready"] is not True:
                    self._backfill_entity_keys(session)

        self._guard("creating the Neo4j constraints and indexes", run)

    def _backfill_entity_keys(self, session) -> None:
        """Create the (:EntityKey) name keys of a database written without them (by an older
        Regiograph, or imported with neo4j-admin), once: page by page, each page in a write
        transaction holding the write lock (so no load interleaves), then mark it done."""
        after = ""
        while True:
            with session.begin_transaction() as tx:
                tx.run(cypher.load("write_lock")).consume()
                r = tx.run(cypher.load("backfill_entity_keys"), after=after, page=BACKFILL_PAGE).single()
                tx.commit()
            if not r["nodes"]:
                break
            after = r["last"]
        session.run(cypher.load("entity_keys_done")).consume()

    # ---------------------------------------------------------- primitives

    def get_nodes(self, ids: Iterable[str]) -> dict[str, Node]:
        ids = list(dict.fromkeys(ids))
        if not ids:
            return {}
        rows = self._read("reading nodes", lambda tx: self._rows(tx, "get_nodes", ids=ids))
        found = {n.id: n for n in (_node(r["data"]) for r in rows)}
        return {i: found[i] for i in ids if i in found}

    def _get_edges_tx(self, tx, ids: list[str]) -> dict[str, Edge]:
        rows = []
        for i in ids:
            ends = _edge_ends(i)
            if ends is not None:
                rows.append({"id": i, "source": ends[0], "target": ends[1]})
        if not rows:
            return {}
        found = {e.id: e for e in (_edge(r["data"]) for r in self._rows(tx, "get_edges", rows=rows))}
        return {i: found[i] for i in ids if i in found}

    def get_edges(self, ids: Iterable[str]) -> dict[str, Edge]:
        ids = list(dict.fromkeys(ids))
        if not ids:
            return {}
        return self._read("reading edges", lambda tx: self._get_edges_tx(tx, ids))

    @staticmethod
    def _distinct_keys(keys: Iterable[str]) -> list[str]:
        """The keys once each, in order, without empty or blank ones (they name nothing)."""
        return [k for k in dict.fromkeys(keys) if k and k.strip()]

    @staticmethod
    def _by_keys(tx, keys: Iterable[str], type_: str | None) -> list[dict[str, Any]]:
        keys = Neo4jStore._distinct_keys(keys)
        return Neo4jStore._rows(tx, "find_by_names", keys=keys, type=type_) if keys else []

    def find_by_names(self, type_: str, folded_names: Iterable[str]) -> dict[str, set[str]]:
        names = list(folded_names)
        rows = self._read("looking up names", lambda tx: self._by_keys(tx, names, type_))
        out: dict[str, set[str]] = {}
        for r in rows:
            out.setdefault(r["key"], set()).add(r["id"])
        return out

    @contextmanager
    def writing(self):
        """One explicit write transaction. It first takes Regiograph's write lock (one
        lock node every writer updates), so the reads of a load and its write are never
        interleaved with another writer's: nothing acknowledged is lost."""
        what = "writing to Neo4j (nothing was written)"
        session = self._session()
        tx = None
        try:
            tx = session.begin_transaction()
            tx.run(cypher.load("write_lock")).consume()
            yield _WriteView(self, tx)
            tx.commit()
        except BaseException as e:
            if tx is not None and not tx.closed():
                try:
                    tx.rollback()
                except neo4j_errors.DriverError:
                    pass
            mapped = self._map_error(what, e)
            if mapped is e:
                raise
            raise mapped from None
        finally:
            session.close()

    def _write_tx(self, tx, nodes: list[Node], edges: list[Edge], progress: Progress | None) -> None:
        bad = [n for n in nodes if n.type not in self.schema.nodes] + [e for e in edges if e.type not in self.schema.edges]
        if bad:
            raise ValidationError(
                f"'{bad[0].id}' has type '{bad[0].type}', which the schema does not declare; nothing was written",
                details=[{"field": "type", "value": b.type, "id": b.id} for b in bad[:50]],
            )
        total = len(nodes) + len(edges)
        done = 0
        pending = None  # the statement sent last: checked after the next is sent (the server runs one
        # statement while this process builds the rows of the next)
        for kind, rows, result in self._send(tx, nodes, edges):
            if pending is not None:
                self._check(tx, *pending)
            pending = (kind, rows, result)
            done += len(rows)
            if progress:
                progress(done, total)
        if pending is not None:
            self._check(tx, *pending)

    def _send(self, tx, nodes: list[Node], edges: list[Edge]):
        """Send the write statements chunk by chunk, building each chunk's rows just before it goes."""
        by_type: dict[str, list] = {}
        for n in nodes:
            by_type.setdefault(n.type, []).append(n)
        for node_type in sorted(by_type):
            stmt = cypher.render("write_nodes", identifiers={"type": node_type})
            group = by_type[node_type]
            for i in range(0, len(group), WRITE_CHUNK):
                rows = [_node_row(n, self.schema) for n in group[i : i + WRITE_CHUNK]]
                yield "n", rows, tx.run(stmt, rows=rows)
        by_type = {}
        for e in edges:
            by_type.setdefault(e.type, []).append(e)
        for rel_type in sorted(by_type):
            stmt = cypher.render("write_edges", identifiers={"type": rel_type})
            group = by_type[rel_type]
            for i in range(0, len(group), WRITE_CHUNK):
                rows = [_edge_row(e) for e in group[i : i + WRITE_CHUNK]]
                yield "e", rows, tx.run(stmt, rows=rows)

    def _check(self, tx, kind: str, rows: list[dict[str, Any]], result) -> None:
        if kind == "n":
            result.consume()
            return
        written = result.single()["written"]
        if written != len(rows):
            ends = {x for r in rows for x in (r["source"], r["target"])}
            missing = sorted(ends - self._ids_present(tx, ends))
            raise DanglingReferenceError(
                f"edges refer to nodes that do not exist: {', '.join(missing[:10])}; nothing was written",
                details=[{"field": "source/target", "value": m} for m in missing[:50]],
            )

    def delete(self, node_ids: Iterable[str], edge_ids: Iterable[str], *,
               rewrite_nodes: list[Node] = (), rewrite_edges: list[Edge] = ()) -> None:
        """Delete nodes (with their edges) and edges, and rewrite records, in one write transaction."""
        node_ids, edge_ids = sorted(set(node_ids)), sorted(set(edge_ids))
        ends = [{"id": e.id, "source": e.source, "target": e.target} for e in self.get_edges(edge_ids).values()]
        with self.writing() as w:
            w.tx.run(cypher.load("delete_edges"), rows=ends).consume()
            w.tx.run(cypher.load("delete_nodes"), ids=node_ids).consume()
            w.write(list(rewrite_nodes), list(rewrite_edges))

    def _ids_present(self, tx, ids: Iterable[str]) -> set[str]:
        return {_node(r["data"]).id for r in self._rows(tx, "get_nodes", ids=sorted(set(ids)))}

    def iter_nodes(self) -> Iterator[Node]:
        after = ""
        while True:
            rows = self._read("reading nodes", lambda tx, a=after: self._rows(tx, "iter_nodes", after=a, page=PAGE))
            for r in rows:
                yield _node(r["data"])
            if len(rows) < PAGE:
                return
            after = rows[-1]["id"]

    def iter_edges(self) -> Iterator[Edge]:
        rows = self._read("reading edges", lambda tx: self._rows(tx, "iter_edges"))
        return iter(sorted((_edge(r["data"]) for r in rows), key=lambda e: e.id))

    def clear(self) -> None:
        def run():
            with self._session() as session:
                session.run(cypher.load("clear")).consume()

        self._guard("clearing the Neo4j database", run)

    # ------------------------------------------------- traversal primitives

    @staticmethod
    def _ref(r) -> NodeRef:
        key = r["subtype_key"]
        return NodeRef(r["id"], r["type"], key.split(":", 1)[1] if key else None)

    def node_refs(self, ids: Iterable[str]) -> dict[str, NodeRef]:
        ids = list(dict.fromkeys(ids))
        if not ids:
            return {}
        rows = self._read("reading nodes", lambda tx: self._rows(tx, "node_refs", ids=ids, as_of=None))
        return {r["id"]: self._ref(r) for r in rows}

    def valid_ids(self, ids: Iterable[str], as_of: tuple[str, str] | None) -> set[str]:
        ids = list(dict.fromkeys(ids))
        if not ids:
            return set()
        rows = self._read("reading nodes", lambda tx: self._rows(tx, "node_refs", ids=ids, as_of=_span(as_of)))
        return {r["id"] for r in rows}

    def expand(self, frontier, edge_types, node_types, as_of) -> list[NodeRef]:
        if not frontier:
            return []
        rows = self._read("exploring the graph", lambda tx: self._rows(
            tx, "expand_level", frontier=list(frontier), edge_types=edge_types, node_types=node_types, as_of=_span(as_of)))
        return [self._ref(r) for r in rows]

    def edges_among(self, ids, edge_types, as_of, cap) -> list[EdgeRef]:
        ids = list(ids)
        if not ids:
            return []
        rows = self._read("reading edges", lambda tx: self._rows(
            tx, "edges_among", ids=ids, idset=dict.fromkeys(ids, True), edge_types=edge_types, as_of=_span(as_of), cap=cap))
        return [EdgeRef(r["id"], r["type"], r["source"], r["target"]) for r in rows]

    def edges_at(self, ids, edge_types, direction, as_of, cap) -> list[EdgeRef]:
        ids = list(dict.fromkeys(ids))
        if not ids:
            return []
        name = {"out": "edges_out", "in": "edges_in", "both": "edges_both"}[direction]
        rows = self._read("reading edges", lambda tx: self._rows(
            tx, name, ids=ids, edge_types=edge_types, as_of=_span(as_of)))
        refs = sorted({r["id"]: EdgeRef(r["id"], r["type"], r["source"], r["target"]) for r in rows}.values(),
                      key=lambda r: r.id)
        return refs[:cap]

    def cited(self, documents, cap):
        docs = sorted(set(documents))
        if not docs:
            return [], []
        # the stored JSON (graph.codec) writes each source as {"document":"<id>","locator":...}
        needles = ['"document":' + json.dumps(d, ensure_ascii=False) + "," for d in docs]
        wanted = set(docs)

        def work(tx):
            nodes = [_node(r["data"]) for r in self._rows(tx, "cited_nodes", needles=needles)]
            edges = [_edge(r["data"]) for r in self._rows(tx, "cited_edges", needles=needles)]
            return nodes, edges

        nodes, edges = self._read("finding facts by document", work)
        nodes = sorted((n for n in nodes if any(s.document in wanted for s in n.sources)), key=lambda n: n.id)
        edges = sorted((e for e in edges if any(s.document in wanted for s in e.sources)), key=lambda e: e.id)
        return nodes[:cap], edges[:cap]

    def generation(self) -> str:
        rows = self._read("reading the graph generation", lambda tx: self._rows(tx, "generation"))
        r = rows[0] if rows else {}
        return f"{r.get('taken')}:{r.get('nodes')}:{r.get('edges')}"

    def nodes_of_type(self, type_, subtype, after, limit) -> list[Node]:
        rows = self._read("listing nodes", lambda tx: self._rows(
            tx, "nodes_of_type", type=type_, subtype_key=f"{type_}:{subtype}" if subtype else None,
            after=after, limit=limit))
        return [_node(r["data"]) for r in rows]

    def incident(self, id: str, other: str | None = None) -> list[Edge]:
        rows = self._read("reading edges", lambda tx: self._rows(tx, "incident", id=id, other=other))
        return [_edge(r["edge"]) for r in rows]

    def search_candidates(self, words, types, cap) -> list[Node]:
        query = " ".join("+" + lucene_escape(t) + "*" for t in words)
        rows = self._read("searching", lambda tx: self._rows(tx, "search_candidates", query=query, types=types, cap=cap))
        return [_node(r["data"]) for r in rows]

    def name_keys(self) -> list[str]:
        return [r["key"] for r in self._read("searching", lambda tx: self._rows(tx, "search_name_keys"))]

    def nodes_by_keys(self, keys) -> list[Node]:
        keys = self._distinct_keys(keys)
        if not keys:
            return []
        rows = self._read("searching", lambda tx: self._rows(tx, "nodes_by_keys", keys=keys))
        return [_node(r["data"]) for r in rows]

    def _stats_statement(self) -> str:
        if self._stats_cypher is None:
            parts = [cypher.render("stats_nodes", identifiers={"label": t}) for t in sorted(self.schema.nodes)]
            parts += [cypher.render("stats_edges", identifiers={"type": t}) for t in sorted(self.schema.edges)]
            self._stats_cypher = "\nUNION ALL\n".join(parts)
        return self._stats_cypher

    def stats(self) -> Stats:
        stmt = self._stats_statement()

        def work(tx):
            counts: dict[str, dict[str, int]] = {"node": {}, "edge": {}}
            for r in tx.run(stmt).data():
                if r["count"]:
                    counts[r["kind"]][r["type"]] = r["count"]
            return Stats(nodes=counts["node"], edges=counts["edge"])

        return self._read("counting", work)


class _WriteView(WriteView):
    """Reads and the write of one load, inside one Neo4j write transaction."""

    def __init__(self, store: Neo4jStore, tx) -> None:
        self.store, self.tx = store, tx

    def neighbors(self, id, **kwargs):
        """Committed neighbourhoods (the write lock is held, so they are the latest)."""
        return self.store.neighbors(id, **kwargs)

    def get_nodes(self, ids):
        ids = list(dict.fromkeys(ids))
        found = {n.id: n for n in (_node(r["data"]) for r in self.store._rows(self.tx, "get_nodes", ids=ids))} if ids else {}
        return {i: found[i] for i in ids if i in found}

    def get_edges(self, ids):
        ids = list(dict.fromkeys(ids))
        return self.store._get_edges_tx(self.tx, ids) if ids else {}

    def find_by_names(self, type_, folded_names):
        out: dict[str, set[str]] = {}
        for r in self.store._by_keys(self.tx, list(folded_names), type_):
            out.setdefault(r["key"], set()).add(r["id"])
        return out

    def write(self, nodes, edges, progress=None):
        if nodes or edges:
            self.store._write_tx(self.tx, nodes, edges, progress)
