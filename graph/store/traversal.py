"""Query algorithms over a ``MemoryGraph`` (search, neighbours, paths, connections, timeline).

Hand-written traversals over the adjacency dicts: no per-request graph copies,
bidirectional BFS for the shortest distance, pruned enumeration for the k
shortest simple paths, and a cap on every query (reported as ``truncated``).
Semantics are those documented in ``graph.store.base``.
"""

from __future__ import annotations

from collections import deque

from rapidfuzz import fuzz, process

from .. import search as scoring
from ..errors import NotFoundError, QueryError
from ..model import Connections, Edge, Hop, Node, Path, PathsResult, SearchHit, Subgraph, Timeline, TimelineItem
from ..text import fold
from .base import via_ok
from .memory import MemoryGraph
from .pathsearch import PATH_WORK_CAP, PATHS_PER_LENGTH_CAP, rank_paths, simple_paths_of_length  # noqa: F401

REACH_CAP = 200_000  # nodes counted when a neighbourhood is cut by its limit
EDGE_CAP = 20_000  # edges returned with one neighbourhood
SEARCH_CANDIDATE_CAP = 50_000


def check_range(name: str, value: int, lo: int, hi: int) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not lo <= value <= hi:
        raise QueryError(f"'{name}' must be an integer from {lo} to {hi}, got {value!r}", details=[{"field": name, "value": value}])
    return value


def check_types(name: str, values: list[str] | None, known) -> list[str] | None:
    if values is None:
        return None
    bad = [v for v in values if v not in known]
    if bad:
        raise QueryError(
            f"'{name}' has unknown type '{bad[0]}'; known: {', '.join(sorted(known))}",
            details=[{"field": name, "value": bad[0]}],
        )
    return sorted(set(values))


def check_as_of(value: str | None) -> str | None:
    """Normalize an ``as_of`` argument to YYYY-MM-DD (partial dates: first day)."""
    from .. import dates

    try:
        return dates.as_of_day(value)
    except ValueError as e:
        raise QueryError(f"'as_of': {e}", details=[{"field": "as_of", "value": value}]) from None


def require(mg: MemoryGraph, nid: str, field: str = "id") -> Node:
    node = mg.nodes.get(nid)
    if node is None:
        raise NotFoundError(f"node '{nid}' is not in the graph", details=[{"field": field, "value": nid}])
    return node


# ------------------------------------------------------------------- search


def search(mg: MemoryGraph, q: str, types: list[str] | None, limit: int) -> list[SearchHit]:
    folded = fold(q or "")
    if not folded:
        raise QueryError("'q' must contain at least one letter or digit", details=[{"field": "q", "value": q}])
    type_set = set(types) if types else None
    tokens = folded.split()
    cands: set[str] | None = None
    for t in sorted(tokens, key=len, reverse=True):
        ids = mg.ids_with_word_prefix(t)
        cands = ids if cands is None else cands & ids
        if not cands:
            break
    hits: list[SearchHit] = []
    for nid in list(cands or ())[:SEARCH_CANDIDATE_CAP]:
        node = mg.nodes[nid]
        if type_set and node.type not in type_set:
            continue
        s = scoring.score(q, node)
        if s:
            hits.append(SearchHit(node, s[0], s[1]))
    if not hits and len(folded) >= 4:
        keys = list(mg.names)
        for key, _r, _i in process.extract(folded, keys, scorer=fuzz.ratio, score_cutoff=scoring.FUZZY_MIN, limit=500):
            for nid in mg.names[key]:
                node = mg.nodes[nid]
                if type_set and node.type not in type_set:
                    continue
                if any(h.node.id == nid for h in hits):
                    continue
                s = scoring.score(q, node, fuzzy=True)
                if s:
                    hits.append(SearchHit(node, s[0], s[1]))
    hits.sort(key=scoring.sort_key)
    return hits[:limit]


# --------------------------------------------------------------- neighbours


def neighbors(mg, nid, depth, edge_types, node_types, as_of, limit) -> Subgraph:
    require(mg, nid)
    nt = set(node_types) if node_types else None
    dist = {nid: 0}
    frontier = [nid]
    capped = False
    for d in range(1, depth + 1):
        nxt = []
        for u in frontier:
            for v, _e in mg.neighbours(u, edge_types, as_of):
                if v in dist or not mg.node_ok(v, nt, as_of):
                    continue
                dist[v] = d
                nxt.append(v)
                if len(dist) >= REACH_CAP:
                    capped = True
                    break
            if capped:
                break
        frontier = nxt
        if capped or not frontier:
            break
    order = sorted(dist, key=lambda i: (dist[i], i))
    kept = order[:limit]
    kept_set = set(kept)
    eids: set[str] = set()
    edge_capped = False
    for u in kept:
        for v, es in mg.neighbours(u, edge_types, as_of):
            if v in kept_set:
                eids.update(es)
        if len(eids) > EDGE_CAP:
            edge_capped = True
            break
    edges = sorted((mg.edges[e] for e in eids), key=lambda e: e.id)[:EDGE_CAP]
    omitted = len(order) - len(kept)
    return Subgraph(
        nodes=[mg.nodes[i] for i in kept],
        edges=edges,
        center=[nid],
        truncated=bool(omitted) or capped or edge_capped,
        limit=limit,
        omitted_nodes=omitted,
    )


# -------------------------------------------------------------------- paths


def _bfs_dist(mg, start, edge_types, as_of, max_depth, cap=REACH_CAP, via=None):
    """Distances from ``start`` up to ``max_depth``; returns (dist, complete_depth).
    With ``via``, nodes of other types are reached but not walked through."""
    dist = {start: 0}
    frontier = [start]
    complete = 0
    for d in range(1, max_depth + 1):
        nxt = []
        for u in frontier:
            if via is not None and u != start and not via_ok(mg.nodes[u], via):
                continue
            for v, _e in mg.neighbours(u, edge_types, as_of):
                if v not in dist and mg.node_ok(v, None, as_of):
                    dist[v] = d
                    nxt.append(v)
            if len(dist) > cap:
                return dist, d - 1
        complete = d
        frontier = nxt
        if not frontier:
            return dist, max_depth
    return dist, complete


def shortest_distance(mg, s, t, edge_types, as_of, max_hops, via=None) -> int | None:
    """Bidirectional BFS: expand the smaller frontier one whole level at a time
    until the two searches meet; None when no path of at most ``max_hops``."""
    if s == t:
        return 0
    ds, dt = {s: 0}, {t: 0}
    fs, ft = [s], [t]
    ls = lt = 0  # depth expanded on each side
    while fs and ft and ls + lt < max_hops:
        forward = len(fs) <= len(ft)
        frontier, mine, other = (fs, ds, dt) if forward else (ft, dt, ds)
        level = (ls if forward else lt) + 1
        best = None
        nxt = []
        for u in frontier:
            for v, _e in mg.neighbours(u, edge_types, as_of):
                if v in mine or not mg.node_ok(v, None, as_of):
                    continue
                if via is not None and v not in (s, t) and not via_ok(mg.nodes[v], via):
                    continue  # only the endpoints may be of other types
                mine[v] = level
                nxt.append(v)
                if v in other:
                    cand = level + other[v]
                    if best is None or cand < best:
                        best = cand
        if forward:
            fs, ls = nxt, level
        else:
            ft, lt = nxt, level
        if best is not None:
            return best if best <= max_hops else None
    return None


def _hop_edge(mg, u, v, edge_types, as_of, costs) -> Edge:
    eids: list[str] = []
    for w, es in mg.neighbours(u, edge_types, as_of):
        if w == v:
            eids.extend(es)
    return min((mg.edges[e] for e in eids), key=lambda e: (costs.get(e.type, 1.0), e.type, e.id))


def paths(mg, s, t, k, max_hops, edge_types, as_of, via=None, costs=None) -> PathsResult:
    require(mg, s, "source")
    require(mg, t, "target")
    if s == t:
        raise QueryError("source and target are the same node", details=[{"field": "target", "value": t}])
    result = PathsResult(source=s, target=t, paths=[])
    if not (mg.node_ok(s, None, as_of) and mg.node_ok(t, None, as_of)):
        return result
    costs = costs or {}
    via_set = set(via) if via is not None else None
    d = shortest_distance(mg, s, t, edge_types, as_of, max_hops, via_set)
    if d is None:
        return result
    found: list = []
    truncated = False
    # BFS from the target, deepened lazily to half the path length: a node at
    # position i of a path of length L needs dt <= L - i, so far from the target
    # only nodes inside this ball can continue (meet in the middle).
    dt = {t: 0}
    t_frontier = [t]
    t_depth = 0

    def deepen(h: int) -> None:
        nonlocal t_frontier, t_depth
        while t_depth < h and t_frontier:
            nxt = []
            for u in t_frontier:
                if u != t and via_set is not None and not via_ok(mg.nodes[u], via_set):
                    continue
                for v, _e in mg.neighbours(u, edge_types, as_of):
                    if v not in dt and mg.node_ok(v, None, as_of):
                        dt[v] = t_depth + 1
                        nxt.append(v)
            t_frontier = nxt
            t_depth += 1
        if not t_frontier:
            t_depth = max(t_depth, h)

    for length in range(d, max_hops + 1):
        h = length // 2
        deepen(h)
        outside = t_depth + 1 if t_frontier else max_hops + 1  # lower bound for nodes outside the ball

        def lb(v: str) -> int:
            return dt[v] if v in dt else outside

        def admit(v: str) -> bool:
            return mg.node_ok(v, None, as_of) and (via_set is None or via_ok(mg.nodes[v], via_set))

        batch, cut = simple_paths_of_length(
            s, t, length, lambda u: (v for v, _e in mg.neighbours(u, edge_types, as_of)), lb, admit
        )
        truncated = truncated or cut
        ranked = rank_paths(batch, lambda a, b: _hop_edge(mg, a, b, edge_types, as_of, costs), costs)
        found.extend(ranked)
        if len(found) >= k or truncated:
            break
    for cost, seq, hops in found[:k]:
        result.paths.append(Path(nodes=[mg.nodes[x] for x in seq], hops=hops))
    result.truncated = truncated and len(result.paths) < k
    return result


# -------------------------------------------------------------- connections


def date_of(node: Node) -> str | None:
    """The date a node stands for: an agreement's signing, an event's start, else its validity start."""
    p = node.properties
    return p.get("signed") or p.get("start") or node.valid_from


def linking_nodes(nodes) -> tuple[list[Node], list[Node]]:
    """The agreements and the events among ``nodes``, each sorted by (date, id), undated last."""
    key = lambda n: (date_of(n) or "9999", n.id)  # noqa: E731
    nodes = list(nodes)
    return (sorted((n for n in nodes if n.type == "Agreement"), key=key),
            sorted((n for n in nodes if n.type == "Event"), key=key))


def connections(mg, a, b, as_of, limit, via=None, costs=None, with_path=True) -> Connections:
    """``with_path=False`` skips the shortest-path search (the timeline needs only the linking nodes)."""
    na, nb = require(mg, a, "a"), require(mg, b, "b")
    if a == b:
        raise QueryError("'a' and 'b' are the same node", details=[{"field": "b", "value": b}])
    na_set = {v for v, _ in mg.neighbours(a, None, as_of) if mg.node_ok(v, None, as_of)}
    nb_set = {v for v, _ in mg.neighbours(b, None, as_of) if mg.node_ok(v, None, as_of)}
    common = sorted((mg.nodes[i] for i in (na_set & nb_set) - {a, b}), key=lambda n: (n.type, n.id))
    via_set = set(via) if via is not None else None
    da, _ = _bfs_dist(mg, a, None, as_of, 2, via=via_set)
    db, _ = _bfs_dist(mg, b, None, as_of, 2, via=via_set)
    agreements, events = linking_nodes(mg.nodes[i] for i in set(da) & set(db))
    ends_ok = mg.node_ok(a, None, as_of) and mg.node_ok(b, None, as_of)
    sp = paths(mg, a, b, 1, 6, None, as_of, via, costs) if with_path and ends_ok else None
    truncated = len(common) > limit or len(agreements) > limit or len(events) > limit
    return Connections(
        a=na,
        b=nb,
        common_neighbors=common[:limit],
        agreements=agreements[:limit],
        events=events[:limit],
        shortest=sp.paths[0] if sp and sp.paths else None,
        truncated=truncated,
    )


# ----------------------------------------------------------------- timeline


def edge_date(edge: Edge) -> str | None:
    p = edge.properties
    if edge.valid_from:
        return edge.valid_from
    if p.get("start"):
        return p["start"]
    if p.get("year") is not None:
        return f"{int(p['year']):04d}"
    return None


def edge_label(mg, edge: Edge, schema) -> str:
    src, tgt = mg.nodes[edge.source], mg.nodes[edge.target]
    verb = schema.edges[edge.type].label.get("en", edge.type) if schema else edge.type
    text = f"{src.label} {verb} {tgt.label}"
    p = edge.properties
    money = schema.edges[edge.type].money if schema and edge.type in schema.edges else {}
    if money:  # one unit for money: the figure as written, with its amount in euros (graph.money)
        from ..money import display

        text += f": {p.get('direction')} {p.get('year')}, {display(money, p)}"
    elif p.get("role"):
        text += f" ({p['role']})"
    return text


def node_item(node: Node) -> TimelineItem | None:
    d = date_of(node)
    if not d:
        return None
    return TimelineItem(date=d, kind="node", label=f"{node.type}: {node.label}", node=node)


def timeline(mg, schema, nid, other, limit, via=None) -> Timeline:
    node = require(mg, nid)
    items: dict[tuple, TimelineItem] = {}

    def add(item: TimelineItem | None) -> None:
        if item is not None:
            items[item.key()] = item

    if other is None:
        add(node_item(node))
        for v, eids in mg.neighbours(nid, None, None):
            for e in eids:
                edge = mg.edges[e]
                d = edge_date(edge)
                if d:
                    add(TimelineItem(date=d, kind="edge", label=edge_label(mg, edge, schema), edge=edge))
            nb = mg.nodes[v]
            if nb.type in ("Agreement", "Event"):
                add(node_item(nb))
    else:
        require(mg, other, "other")
        if other == nid:
            raise QueryError("'other' is the same node as 'id'", details=[{"field": "other", "value": other}])
        for v, eids in mg.neighbours(nid, None, None):
            if v != other:
                continue
            for e in eids:
                edge = mg.edges[e]
                d = edge_date(edge)
                if d:
                    add(TimelineItem(date=d, kind="edge", label=edge_label(mg, edge, schema), edge=edge))
        c = connections(mg, nid, other, None, 10_000, via, with_path=False)
        for n in c.agreements + c.events:
            add(node_item(n))
    ordered = sorted(items.values(), key=lambda i: (i.date, i.kind, i.node.id if i.node else i.edge.id))
    return Timeline(items=ordered[:limit], truncated=len(ordered) > limit)
