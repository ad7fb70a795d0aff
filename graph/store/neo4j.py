"""The Neo4j backend: ``Neo4jStore(driver, schema, database=None)``.

Same contract as every store (``graph.store.base``); ``tests/contract`` checks
that it answers exactly like the embedded store. The driver is created by the
caller (settings, credentials) and only borrowed here.

* Data model and indexes: see ``cypher/schema.cypher``. Nodes carry their JSON
  form plus folded name keys and validity bounds, edges are relationships typed
  by the schema's edge type.
* Writes: one managed write transaction per ``write()`` (``execute_write``
  retries transient failures); rows go in as ``UNWIND $rows`` chunks. Any error
  rolls the whole call back.
* Reads: ``execute_read`` (so ``neo4j://`` routing works), one transaction per
  query. Traversals run level by level in Cypher; paths are enumerated over
  node-level balls fetched from Neo4j (``neo4j_paths``), name ranking uses the
  shared ``graph.search`` scoring, so both backends order results alike.
* Only statements from ``cypher/`` run; values are always parameters.
"""

from __future__ import annotations

import json
from types import SimpleNamespace
from typing import Any, Callable, Iterable, Iterator

from neo4j import exceptions as neo4j_errors
from neo4j import unit_of_work
from rapidfuzz import fuzz, process

import cypher

from .. import dates
from .. import search as scoring
from ..errors import DanglingReferenceError, NotFoundError, QueryError, RegiographError, StoreError, ValidationError
from ..ingest import folded_keys
from ..model import Connections, Edge, Node, Path, PathsResult, SearchHit, Stats, Subgraph, Timeline, TimelineItem
from ..schema import Schema
from ..text import fold
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
    subtype,
)
from .neo4j_paths import k_shortest

WRITE_CHUNK = 2_000
DEFAULT_QUERY_TIMEOUT = 60.0  # seconds per read transaction
PAGE = 5_000
REACH_CAP = tv.REACH_CAP
EDGE_CAP = tv.EDGE_CAP
SEARCH_CANDIDATE_CAP = tv.SEARCH_CANDIDATE_CAP
FUZZY_KEYS = 500
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


def lucene_phrase(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _dumps(obj: Node | Edge) -> str:
    # key order is kept: the order of names and aliases decides which one a
    # search reports as matched when several fold alike
    return json.dumps(obj.to_dict(), ensure_ascii=False, separators=(",", ":"))


def _node(data: str) -> Node:
    return Node.from_dict(json.loads(data))


def _edge(data: str) -> Edge:
    return Edge.from_dict(json.loads(data))


def _node_row(n: Node) -> dict[str, Any]:
    keys = sorted(folded_keys(n))
    sub = subtype(n)
    return {
        "id": n.id,
        "type": n.type,
        "label": n.label,
        "data": _dumps(n),
        "name_keys": keys,
        "search_text": KEY_SEPARATOR.join(keys),
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
        self._costs = {name: et.path_cost for name, et in schema.edges.items()}
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

    def _guard(self, what: str, fn: Callable[[], Any]) -> Any:
        try:
            return fn()
        except RegiographError:
            raise
        except neo4j_errors.ServiceUnavailable as e:
            raise StoreError(
                f"{what}: Neo4j is not reachable ({_one_line(e)}); check that the server runs and the configured bolt URI"
            ) from None
        except neo4j_errors.AuthError as e:
            raise StoreError(
                f"{what}: Neo4j refused the credentials ({_one_line(e)}); check the configured user and password"
            ) from None
        except neo4j_errors.Neo4jError as e:
            if "TransactionTimedOut" in (e.code or ""):
                raise StoreError(
                    f"{what}: Neo4j did not answer within {self.query_timeout} s; narrow the query "
                    "(fewer hops, edge or node types, a smaller limit)"
                ) from None
            raise StoreError(f"{what}: Neo4j failed: {_one_line(e)}") from None
        except neo4j_errors.DriverError as e:
            raise StoreError(f"{what}: Neo4j failed: {_one_line(e)}") from None

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

        self._guard("creating the Neo4j constraints and indexes", run)

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
    def _by_keys(tx, keys: Iterable[str], type_: str | None) -> list[dict[str, Any]]:
        rows = [{"key": k, "query": lucene_phrase(k)} for k in dict.fromkeys(keys) if k and k.strip()]
        if not rows:
            return []
        return Neo4jStore._rows(tx, "find_by_names", rows=rows, type=type_)

    def find_by_names(self, type_: str, folded_names: Iterable[str]) -> dict[str, set[str]]:
        names = list(folded_names)
        rows = self._read("looking up names", lambda tx: self._by_keys(tx, names, type_))
        out: dict[str, set[str]] = {}
        for r in rows:
            out.setdefault(r["key"], set()).add(r["id"])
        return out

    def write(self, nodes: list[Node], edges: list[Edge], progress: Progress | None = None) -> None:
        bad = [n for n in nodes if n.type not in self.schema.nodes] + [e for e in edges if e.type not in self.schema.edges]
        if bad:
            raise ValidationError(
                f"'{bad[0].id}' has type '{bad[0].type}', which the schema does not declare; nothing was written",
                details=[{"field": "type", "value": b.type, "id": b.id} for b in bad[:50]],
            )
        node_rows = [_node_row(n) for n in nodes]
        edge_rows: dict[str, list[dict[str, Any]]] = {}
        for e in edges:
            edge_rows.setdefault(e.type, []).append(_edge_row(e))
        total = len(nodes) + len(edges)

        def work(tx):
            self._write_rows(tx, node_rows, edge_rows, total, progress)

        if not total:
            return

        def run():
            with self._session() as session:
                session.execute_write(work)

        self._guard("writing to Neo4j (nothing was written)", run)

    def _write_rows(self, tx, node_rows, edge_rows, total: int, progress: Progress | None) -> None:
        done = 0
        for i in range(0, len(node_rows), WRITE_CHUNK):
            chunk = node_rows[i : i + WRITE_CHUNK]
            tx.run(cypher.load("write_nodes"), rows=chunk).consume()
            done += len(chunk)
            if progress:
                progress(done, total)
        for rel_type in sorted(edge_rows):
            stmt = cypher.render("write_edges", identifiers={"type": rel_type})
            rows = edge_rows[rel_type]
            for i in range(0, len(rows), WRITE_CHUNK):
                chunk = rows[i : i + WRITE_CHUNK]
                written = tx.run(stmt, rows=chunk).single()["written"]
                if written != len(chunk):
                    ends = {x for r in chunk for x in (r["source"], r["target"])}
                    missing = sorted(ends - self._ids_present(tx, ends))
                    raise DanglingReferenceError(
                        f"edges refer to nodes that do not exist: {', '.join(missing[:10])}; nothing was written",
                        details=[{"field": "source/target", "value": m} for m in missing[:50]],
                    )
                done += len(chunk)
                if progress:
                    progress(done, total)

    def delete(self, node_ids: Iterable[str], edge_ids: Iterable[str], *,
               rewrite_nodes: list[Node] = (), rewrite_edges: list[Edge] = ()) -> None:
        node_ids, edge_ids = sorted(set(node_ids)), sorted(set(edge_ids))
        ends = [{"id": e.id, "source": e.source, "target": e.target} for e in self.get_edges(edge_ids).values()]
        node_rows = [_node_row(n) for n in rewrite_nodes]
        edge_rows: dict[str, list[dict[str, Any]]] = {}
        for e in rewrite_edges:
            edge_rows.setdefault(e.type, []).append(_edge_row(e))

        def work(tx):
            tx.run(cypher.load("delete_edges"), rows=ends).consume()
            tx.run(cypher.load("delete_nodes"), ids=node_ids).consume()
            self._write_rows(tx, node_rows, edge_rows, len(node_rows) + len(rewrite_edges), None)

        def run():
            with self._session() as session:
                session.execute_write(work)

        self._guard("deleting from Neo4j (nothing was deleted)", run)

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

    # ------------------------------------------------------ query helpers

    @staticmethod
    def _require(tx, nid: str, field: str = "id") -> Node:
        rows = Neo4jStore._rows(tx, "get_nodes", ids=[nid])
        if not rows:
            raise NotFoundError(f"node '{nid}' is not in the graph", details=[{"field": field, "value": nid}])
        return _node(rows[0]["data"])

    @staticmethod
    def _nodes_tx(tx, ids: Iterable[str]) -> dict[str, Node]:
        ids = list(dict.fromkeys(ids))
        if not ids:
            return {}
        return {n.id: n for n in (_node(r["data"]) for r in Neo4jStore._rows(tx, "get_nodes", ids=ids))}

    @staticmethod
    def _bfs(
        tx, start: str, depth: int, edge_types, node_types, as_of, cap: int = REACH_CAP, via: list[str] | None = None
    ) -> tuple[dict[str, int], bool]:
        """Distances from ``start`` (included, unchecked) up to ``depth`` levels; (dist, capped).
        With ``via``, nodes of other types are reached but not walked through."""
        dist = {start: 0}
        kinds: dict[str, tuple[str, str | None]] = {}  # id -> (type, "Type:subtype")
        frontier = [start]
        for d in range(1, depth + 1):
            if via is not None:
                frontier = [u for u in frontier if u == start or kinds[u][0] in via or kinds[u][1] in via]
                if not frontier:
                    break
            rows = Neo4jStore._rows(
                tx, "expand_level", frontier=frontier, edge_types=edge_types, node_types=node_types, as_of=as_of
            )
            nxt = []
            for r in rows:
                v = r["id"]
                if v in dist:
                    continue
                dist[v] = d
                kinds[v] = (r["type"], r["subtype_key"])
                nxt.append(v)
                if len(dist) >= cap:
                    return dist, True
            frontier = nxt
            if not frontier:
                break
        return dist, False

    # -------------------------------------------------------------- queries

    def search(self, q, *, types=None, limit=DEFAULT_SEARCH_LIMIT):
        tv.check_range("limit", limit, 1, MAX_SEARCH_LIMIT)
        types = tv.check_types("types", types, self.schema.nodes)
        if q is not None and len(q) > scoring.MAX_QUERY:
            raise QueryError(f"'q' is longer than {scoring.MAX_QUERY} characters", details=[{"field": "q"}])
        folded = fold(q or "")
        if not folded:
            raise QueryError("'q' must contain at least one letter or digit", details=[{"field": "q", "value": q}])
        type_list = types or None
        query = " ".join("+" + lucene_escape(t) + "*" for t in folded.split())

        def work(tx):
            hits: list[SearchHit] = []
            for r in self._rows(tx, "search_candidates", query=query, types=type_list, cap=SEARCH_CANDIDATE_CAP):
                node = _node(r["data"])
                s = scoring.score(q, node)
                if s:
                    hits.append(SearchHit(node, s[0], s[1]))
            if not hits and len(folded) >= 4:
                keys = [r["key"] for r in self._rows(tx, "search_name_keys")]
                best = process.extract(folded, keys, scorer=fuzz.ratio, score_cutoff=scoring.FUZZY_MIN, limit=FUZZY_KEYS)
                seen: set[str] = set()
                for r in self._by_keys(tx, [k for k, _r, _i in best], None):
                    node = _node(r["data"])
                    if node.id in seen or (type_list and node.type not in type_list):
                        continue
                    seen.add(node.id)
                    s = scoring.score(q, node, fuzzy=True)
                    if s:
                        hits.append(SearchHit(node, s[0], s[1]))
            hits.sort(key=scoring.sort_key)
            return hits[:limit]

        return self._read("searching", work)

    def neighbors(self, id, *, depth=1, edge_types=None, node_types=None, as_of=None, limit=DEFAULT_NEIGHBOR_LIMIT):
        tv.check_range("depth", depth, 1, MAX_DEPTH)
        tv.check_range("limit", limit, 1, MAX_NEIGHBOR_LIMIT)
        edge_types = tv.check_types("edge_types", edge_types, self.schema.edges)
        node_types = tv.check_types("node_types", node_types, self.schema.nodes)
        as_of = tv.check_as_of(as_of)

        def work(tx):
            self._require(tx, id)
            dist, capped = self._bfs(tx, id, depth, edge_types, node_types or None, as_of)
            order = sorted(dist, key=lambda i: (dist[i], i))
            kept = order[:limit]
            rows = self._rows(
                tx, "edges_among", ids=kept, idset=dict.fromkeys(kept, True), edge_types=edge_types, as_of=as_of,
                cap=EDGE_CAP + 1,
            )
            edges = sorted({r["id"]: _edge(r["data"]) for r in rows}.values(), key=lambda e: e.id)
            nodes = self._nodes_tx(tx, kept)
            omitted = len(order) - len(kept)
            return Subgraph(
                nodes=[nodes[i] for i in kept],
                edges=edges[:EDGE_CAP],
                center=[id],
                truncated=bool(omitted) or capped or len(edges) > EDGE_CAP,
                limit=limit,
                omitted_nodes=omitted,
            )

        return self._read("exploring neighbours", work)

    def _paths_tx(self, tx, s, t, k, max_hops, edge_types, as_of, via) -> PathsResult:
        ns = self._require(tx, s, "source")
        nt = self._require(tx, t, "target")
        if s == t:
            raise QueryError("source and target are the same node", details=[{"field": "target", "value": t}])
        result = PathsResult(source=s, target=t, paths=[])
        if not (dates.valid_at(ns.valid_from, ns.valid_to, as_of) and dates.valid_at(nt.valid_from, nt.valid_to, as_of)):
            return result
        found, truncated = k_shortest(
            lambda name, **params: self._rows(tx, name, **params), s, t, k, max_hops, edge_types, as_of, via, self._costs
        )
        nodes = self._nodes_tx(tx, {x for seq, _h in found for x in seq})
        for seq, hops in found:
            result.paths.append(Path(nodes=[nodes[x] for x in seq], hops=hops))
        result.truncated = truncated and len(result.paths) < k
        return result

    def paths(self, source, target, *, k=3, max_hops=6, edge_types=None, as_of=None, via=None):
        tv.check_range("k", k, 1, MAX_K)
        tv.check_range("max_hops", max_hops, 1, MAX_HOPS)
        edge_types = tv.check_types("edge_types", edge_types, self.schema.edges)
        via = check_via(self.schema, via)
        as_of = tv.check_as_of(as_of)
        return self._read(
            "finding paths", lambda tx: self._paths_tx(tx, source, target, k, max_hops, edge_types, as_of, via)
        )

    def _connections_tx(self, tx, a, b, as_of, limit, via, with_path: bool = True) -> Connections:
        na = self._require(tx, a, "a")
        nb = self._require(tx, b, "b")
        if a == b:
            raise QueryError("'a' and 'b' are the same node", details=[{"field": "b", "value": b}])
        da, _ = self._bfs(tx, a, 2, None, None, as_of, via=via)
        db, _ = self._bfs(tx, b, 2, None, None, as_of, via=via)
        near_a = {i for i, d in da.items() if d == 1}
        near_b = {i for i, d in db.items() if d == 1}
        # a self-loop makes a node its own neighbour; the common set excludes a and b anyway
        common_ids = (near_a & near_b) - {a, b}
        both_ids = set(da) & set(db)
        nodes = self._nodes_tx(tx, common_ids | both_ids)
        common = sorted((nodes[i] for i in common_ids), key=lambda n: (n.type, n.id))
        agreements, events = tv.linking_nodes(nodes[i] for i in both_ids)
        shortest = None
        if with_path and dates.valid_at(na.valid_from, na.valid_to, as_of) and dates.valid_at(nb.valid_from, nb.valid_to, as_of):
            sp = self._paths_tx(tx, a, b, 1, 6, None, as_of, via)
            shortest = sp.paths[0] if sp.paths else None
        return Connections(
            a=na,
            b=nb,
            common_neighbors=common[:limit],
            agreements=agreements[:limit],
            events=events[:limit],
            shortest=shortest,
            truncated=len(common) > limit or len(agreements) > limit or len(events) > limit,
        )

    def connections(self, a, b, *, as_of=None, limit=50):
        tv.check_range("limit", limit, 1, 1000)
        as_of = tv.check_as_of(as_of)
        return self._read("finding connections", lambda tx: self._connections_tx(tx, a, b, as_of, limit, PARTNER_VIA))

    def timeline(self, id, *, other=None, limit=DEFAULT_TIMELINE_LIMIT):
        tv.check_range("limit", limit, 1, 5000)

        def work(tx):
            node = self._require(tx, id)
            items: dict[tuple, TimelineItem] = {}

            def add(item: TimelineItem | None) -> None:
                if item is not None:
                    items[item.key()] = item

            if other is not None:
                self._require(tx, other, "other")
                if other == id:
                    raise QueryError("'other' is the same node as 'id'", details=[{"field": "other", "value": other}])
            rows = self._rows(tx, "incident", id=id, other=other)
            known = {node.id: node}
            pairs = []
            for r in rows:
                edge, nb = _edge(r["edge"]), _node(r["node"])
                known[nb.id] = nb
                pairs.append((edge, nb))
            shim = SimpleNamespace(nodes=known)
            if other is None:
                add(tv.node_item(node))
            for edge, nb in pairs:
                d = tv.edge_date(edge)
                if d:
                    add(TimelineItem(date=d, kind="edge", label=tv.edge_label(shim, edge, self.schema), edge=edge))
                if other is None and nb.type in ("Agreement", "Event"):
                    add(tv.node_item(nb))
            if other is not None:
                c = self._connections_tx(tx, id, other, None, 10_000, PARTNER_VIA, with_path=False)
                for n in c.agreements + c.events:
                    add(tv.node_item(n))
            ordered = sorted(items.values(), key=lambda i: (i.date, i.kind, i.node.id if i.node else i.edge.id))
            return Timeline(items=ordered[:limit], truncated=len(ordered) > limit)

        return self._read("building the timeline", work)

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
