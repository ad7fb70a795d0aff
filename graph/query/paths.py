"""Partner paths: up to ``k`` shortest simple paths of at most ``max_hops`` hops whose
inner nodes are of the ``via`` types, by (length, cost, node ids) (``kpaths``).

Generic version: breadth-first balls around both ends, grown to half the length
bound (meet in the middle); the candidate nodes are those whose bounds from both
ends fit the length; the edges among them come from the store in one call; the
best-first search runs over that small node-level graph. The length bound grows
from the shortest distance until k paths are found."""

from __future__ import annotations

from ..errors import QueryError
from ..model import Hop, Path, PathsResult
from . import limits as L
from .checks import check_as_of, check_range, check_types, check_via, not_found
from .kpaths import k_best
from .walk import Ball

NAME = "paths"


def check(schema, *, source, target, k=3, max_hops=6, edge_types=None, as_of=None, via=None, since=None, until=None):
    check_range("k", k, 1, L.MAX_K)
    check_range("max_hops", max_hops, 1, L.MAX_HOPS)
    return {
        "source": source, "target": target, "k": k, "max_hops": max_hops,
        "edge_types": check_types("edge_types", edge_types, schema.edges),
        "as_of": check_as_of(as_of, since, until),
        "via": check_via(schema, via),
    }


def edge_order(costs: dict[str, float]):
    """The order in which a hop prefers edges between the same two nodes."""
    return lambda e: (costs.get(e.type, 1.0), e.type, e.id)


def cheapest_adjacency(edges, costs: dict[str, float]) -> dict[str, dict[str, object]]:
    """Undirected node-level adjacency: for each pair, the edge first by (path_cost, type, id)."""
    key = edge_order(costs)
    adj: dict[str, dict[str, object]] = {}
    for e in edges:
        if e.source == e.target:
            continue
        for a, b in ((e.source, e.target), (e.target, e.source)):
            cur = adj.setdefault(a, {}).get(b)
            if cur is None or key(e) < key(cur):
                adj[a][b] = e
    return adj


def start(store, source, target, as_of) -> PathsResult | None:
    """Checks shared by every implementation: both ends exist, differ and are valid.
    Returns an empty answer when an end is not valid on ``as_of``, else None."""
    refs = store.node_refs([source, target])
    if source not in refs:
        raise not_found(source, "source")
    if target not in refs:
        raise not_found(target, "target")
    if source == target:
        raise QueryError("source and target are the same node", details=[{"field": "target", "value": target}])
    if as_of is not None and len(store.valid_ids([source, target], as_of)) < 2:
        return PathsResult(source=source, target=target, paths=[])
    return None


def finish(store, source, target, k, found, hop_edge, truncated) -> PathsResult:
    """The answer from ranked (length, cost, node ids) tuples."""
    seqs = [seq for _l, _c, seq in found[:k]]
    nodes = store.get_nodes({x for seq in seqs for x in seq})
    edges = store.get_edges({hop_edge(a, b) for seq in seqs for a, b in zip(seq, seq[1:])})
    result = PathsResult(source=source, target=target, paths=[])
    for seq in seqs:
        hops = [Hop(edges[hop_edge(a, b)], a, b) for a, b in zip(seq, seq[1:])]
        result.paths.append(Path(nodes=[nodes[x] for x in seq], hops=hops))
    result.truncated = truncated and len(result.paths) < k
    return result


def run(store, *, source, target, k, max_hops, edge_types, as_of, via) -> PathsResult:
    early = start(store, source, target, as_of)
    if early is not None:
        return early
    costs = {n: et.path_cost for n, et in store.schema.edges.items()}
    min_cost = min(costs[t] for t in (edge_types or costs)) if costs else 1.0
    via_set = set(via) if via is not None else None
    bs = Ball(store, source, edge_types, None, as_of, via_set)
    bt = Ball(store, target, edge_types, None, as_of, via_set)
    truncated = False
    found: list = []
    adj: dict = {}
    for length in range(1, max_hops + 1):
        bs.grow((length + 1) // 2)
        bt.grow(length // 2)
        truncated = truncated or bs.capped or bt.capped
        if (not bs.frontier and target not in bs.dist) or (not bt.frontier and source not in bt.dist):
            break  # a search finished without reaching the other end: no path
        # a node at position i has distance <= i from the source and <= length - i from the target
        inner = {
            v for v in bs.dist.keys() | bt.dist.keys()
            if v not in (source, target) and bs.bound(v) + bt.bound(v) <= length
            and (bs if v in bs.dist else bt).passable(v)
        }
        ids = sorted(inner | {source, target})
        got = store.edges_among(ids, edge_types, as_of, L.PATH_EDGE_CAP + 1)
        if len(got) > L.PATH_EDGE_CAP:
            truncated = True
        adj = cheapest_adjacency(got[: L.PATH_EDGE_CAP], costs)
        found, cut = k_best(
            source, target, k, length,
            lambda u: ((v, costs.get(e.type, 1.0)) for v, e in adj.get(u, {}).items()),
            bt.bound, lambda v: True, min_cost,
        )
        truncated = truncated or cut
        if len(found) >= k or truncated:
            break
    return finish(store, source, target, k, found, lambda a, b: adj[a][b].id, truncated)
