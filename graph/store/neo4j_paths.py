"""k shortest simple paths for the Neo4j store, robust to parallel edges.

Cypher's path matching (``SHORTEST k GROUPS``, ``{m,n}`` quantifiers) walks
relationships, so parallel edges - many trade flows between the same two
regions - multiply the work by their number at every hop (12 flows per pair
make 12^8 trails for one 8-hop route). Here Neo4j does the set work instead,
node by node:

1. breadth-first balls around source and target, one ``expand_level`` query
   per level (``DISTINCT`` collapses parallel edges), deepened lazily to half
   the path length being searched (meet in the middle);
2. the candidate nodes - those whose distance bounds from both ends add up to
   at most that length - and the allowed edges among them (``edges_among``);
3. a depth-first enumeration in Python over that small node-level graph, with
   the same pruning, caps and ranking as the embedded store: paths by
   (length, cost, node ids), each hop naming its edge that sorts first by
   (path_cost, type, id).
"""

from __future__ import annotations

import json
from typing import Any, Callable

from ..model import Edge, Hop
from .pathsearch import rank_paths, simple_paths_of_length
from .traversal import REACH_CAP

PATH_EDGE_CAP = 200_000  # edges read among the candidate nodes of one length
FAR = 10**6  # distance bound for nodes a finished search never reached

Rows = Callable[..., list[dict[str, Any]]]


class Ball:
    """Breadth-first distances from ``start``, grown one level at a time.
    With ``via``, nodes not allowed between endpoints are reached but not walked through."""

    def __init__(self, rows: Rows, start: str, edge_types, as_of, via: set[str] | None) -> None:
        self.rows, self.start, self.edge_types, self.as_of, self.via = rows, start, edge_types, as_of, via
        self.dist: dict[str, int] = {start: 0}
        self.kinds: dict[str, tuple[str, str | None]] = {}
        self.frontier = [start]
        self.depth = 0
        self.capped = False

    def passable(self, nid: str) -> bool:
        if nid == self.start or self.via is None:
            return True
        kind, sub = self.kinds[nid]
        return kind in self.via or sub in self.via

    def grow(self, depth: int) -> None:
        while self.depth < depth and self.frontier and not self.capped:
            expand = [u for u in self.frontier if self.passable(u)]
            found = self.rows("expand_level", frontier=expand, edge_types=self.edge_types, node_types=None,
                              as_of=self.as_of) if expand else []
            nxt = []
            for r in found:
                v = r["id"]
                if v not in self.dist:
                    self.dist[v] = self.depth + 1
                    self.kinds[v] = (r["type"], r["subtype_key"])
                    nxt.append(v)
            self.frontier = nxt
            self.depth += 1
            self.capped = len(self.dist) > REACH_CAP

    def bound(self, nid: str) -> int:
        """A lower bound of the distance from ``start`` (exact inside the ball)."""
        if nid in self.dist:
            return self.dist[nid]
        return self.depth + 1 if self.frontier else FAR


def _cheapest(edges: list[Edge], costs: dict[str, float]) -> dict[str, dict[str, Edge]]:
    """Undirected node-level adjacency: for each pair, the edge first by (path_cost, type, id)."""
    adj: dict[str, dict[str, Edge]] = {}
    for e in edges:
        if e.source == e.target:
            continue
        key = (costs.get(e.type, 1.0), e.type, e.id)
        for a, b in ((e.source, e.target), (e.target, e.source)):
            cur = adj.setdefault(a, {}).get(b)
            if cur is None or key < (costs.get(cur.type, 1.0), cur.type, cur.id):
                adj[a][b] = e
    return adj


def k_shortest(rows: Rows, s: str, t: str, k: int, max_hops: int, edge_types, as_of, via, costs) -> tuple[list, bool]:
    """Up to ``k`` ranked (node ids, hops) of simple paths s..t; and whether a cap cut the search."""
    via_set = set(via) if via is not None else None
    bs = Ball(rows, s, edge_types, as_of, via_set)
    bt = Ball(rows, t, edge_types, as_of, via_set)
    found: list[tuple[float, tuple[str, ...], list[Hop]]] = []
    truncated = False
    for length in range(1, max_hops + 1):
        bs.grow((length + 1) // 2)
        bt.grow(length // 2)
        truncated = truncated or bs.capped or bt.capped
        # a node at position i has distance <= i from s and <= length - i from t
        inner = {
            v for v in bs.dist.keys() | bt.dist.keys()
            if v not in (s, t) and bs.bound(v) + bt.bound(v) <= length and (bs if v in bs.dist else bt).passable(v)
        }
        ids = sorted(inner | {s, t})
        got = rows("edges_among", ids=ids, idset=dict.fromkeys(ids, True), edge_types=edge_types, as_of=as_of,
                   cap=PATH_EDGE_CAP + 1)
        if len(got) > PATH_EDGE_CAP:
            truncated = True
        adj = _cheapest([Edge.from_dict(json.loads(r["data"])) for r in got[:PATH_EDGE_CAP]], costs)
        batch, cut = simple_paths_of_length(s, t, length, lambda u: adj.get(u, {}), bt.bound)
        truncated = truncated or cut
        ranked = rank_paths(batch, lambda a, b: adj[a][b], costs)
        found.extend(ranked)
        if len(found) >= k or truncated:
            break
    return [(seq, hops) for _c, seq, hops in found[:k]], truncated
