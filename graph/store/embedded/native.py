"""Neighbours and paths answered on the array index (numpy), for the embedded store.

Same answers as the generic queries (``graph.query.neighbors`` / ``paths``), checked by
the contract suite; only the work differs: breadth-first levels are vectorized over
the CSR, "first ``limit`` by (distance, id)" is a partial selection on id ranks, and the
best-first path search walks the CSR with node keys that are id ranks.
"""

from __future__ import annotations

import numpy as np

from ...codec import day_span
from ...model import Subgraph
from ...query import limits as L
from ...query import paths as generic_paths
from ...query.checks import not_found
from ...query.kpaths import k_best
from ...query.walk import FAR
from . import db as sqldb

UNSEEN = np.iinfo(np.int16).max


def _day(as_of):
    return day_span(as_of)


def neighbors(store, *, id, depth, edge_types, node_types, as_of, limit, full) -> Subgraph:
    with store.reading(ordered=True) as (ix, conn):
        found = sqldb.node_ix(conn, [id])
        if id not in found:
            raise not_found(id)
        c = found[id]
        day = _day(as_of)
        em, nm = ix.masks(edge_types, node_types)
        seen = np.zeros(ix.ntype.n, dtype=bool)
        seen[c] = True
        levels = [np.array([c], dtype=np.int64)]
        total, capped = 1, False
        for _ in range(depth):
            nb = ix.expand(levels[-1], em, nm, day)
            nb = nb[~seen[nb]]
            if total + len(nb) >= L.REACH_CAP:
                nb, capped = nb[: L.REACH_CAP - total], True
            if not len(nb):
                break
            seen[nb] = True
            levels.append(nb.astype(np.int64))
            total += len(nb)
            if capped:
                break
        kept_parts, room = [], limit
        for lvl in levels:
            if room <= 0:
                break
            r = ix.rank[lvl]
            if len(lvl) > room:
                part = np.argpartition(r, room - 1)[:room]
                lvl, r = lvl[part], r[part]
            kept_parts.append(lvl[np.argsort(r, kind="stable")])
            room -= len(kept_parts[-1])
        kept = np.concatenate(kept_parts)
        inside = np.zeros(ix.ntype.n, dtype=bool)
        inside[kept] = True
        _frm, nb, ee = ix.entries(kept)
        ok = inside[nb] & ix.allowed(ee, em, day)
        eixs = np.unique(ee[ok]).tolist()
    nodes = sqldb.nodes_by_ix(conn, kept.tolist(), brief=not full)
    edges = sorted(sqldb.edges_by_ix(conn, eixs, brief=not full).values(), key=lambda e: e.id)
    omitted = total - len(kept)
    return Subgraph(
        nodes=[nodes[int(i)] for i in kept],
        edges=edges[: L.EDGE_CAP],
        center=[id],
        truncated=bool(omitted) or capped or len(edges) > L.EDGE_CAP,
        limit=limit,
        omitted_nodes=omitted,
    )


class _Ball:
    """Breadth-first distances on the arrays, grown lazily (as ``graph.query.walk.Ball``)."""

    def __init__(self, ix, start: int, em, nm, day, tab) -> None:
        self.ix, self.em, self.nm, self.day, self.tab = ix, em, nm, day, tab
        self.start = start
        self.dist = np.full(ix.ntype.n, UNSEEN, dtype=np.int16)
        self.dist[start] = 0
        self.frontier = np.array([start], dtype=np.int64)
        self.depth = 0
        self.size = 1
        self.capped = False

    def grow(self, depth: int) -> None:
        ix = self.ix
        while self.depth < depth and len(self.frontier) and not self.capped:
            f = self.frontier
            if self.tab is not None:
                keep = ix.passable(f, self.tab) | (f == self.start)
                f = f[keep]
            nb = ix.expand(f, self.em, self.nm, self.day) if len(f) else np.empty(0, dtype=np.int64)
            nb = nb[self.dist[nb] == UNSEEN]
            if self.size + len(nb) >= L.REACH_CAP:
                nb, self.capped = nb[: L.REACH_CAP - self.size], True
            self.dist[nb] = self.depth + 1
            self.size += len(nb)
            self.frontier = nb.astype(np.int64)
            self.depth += 1

    def reached(self, node: int) -> bool:
        return self.dist[node] != UNSEEN

    def bound(self, node: int) -> int:
        d = self.dist[node]
        if d != UNSEEN:
            return int(d)
        return self.depth + 1 if len(self.frontier) else FAR


def paths(store, *, source, target, k, max_hops, edge_types, as_of, via):
    early = generic_paths.start(store, source, target, as_of)
    if early is not None:
        return early
    schema = store.schema
    with store.reading(ordered=True) as (ix, conn):
        ends = sqldb.node_ix(conn, [source, target])
        s, t = ends[source], ends[target]
        day = _day(as_of)
        em, nm = ix.masks(edge_types, None)
        tab = ix.via_table(set(via) if via is not None else None)
        cost_arr = np.array([schema.edges[n].path_cost for n in ix.edge_types] + [np.inf])
        min_cost = float(min(cost_arr[:-1][em[:-1]])) if em[:-1].any() else 1.0
        order, rank = ix.order, ix.rank
        bs, bt = _Ball(ix, s, em, nm, day, tab), _Ball(ix, t, em, nm, day, tab)
        cache: dict[int, list] = {}
        rt = int(rank[t])

        def neighbours(ru: int):
            got = cache.get(ru)
            if got is None:
                u = int(order[ru])
                _f, nb, ee = ix.entries(np.array([u], dtype=np.int64))
                ok = ix.allowed(ee, em, day) & ix.valid_nodes(nb, nm, day) & (nb != u)
                nb, ee = nb[ok], ee[ok]
                if tab is not None:
                    p = ix.passable(nb, tab) | (nb == t)
                    nb, ee = nb[p], ee[p]
                if len(nb):
                    uniq, inv = np.unique(nb, return_inverse=True)
                    best = np.full(len(uniq), np.inf)
                    np.minimum.at(best, inv, cost_arr[ix.etype.a[ee]])
                    got = list(zip(rank[uniq].tolist(), best.tolist()))
                else:
                    got = []
                cache[ru] = got
            return got

        found, truncated = [], False
        for length in range(1, max_hops + 1):
            bs.grow((length + 1) // 2)
            bt.grow(length // 2)
            truncated = truncated or bs.capped or bt.capped
            if (not len(bs.frontier) and not bs.reached(t)) or (not len(bt.frontier) and not bt.reached(s)):
                break
            found, cut = k_best(int(rank[s]), rt, k, length, neighbours,
                                lambda rv: bt.bound(int(order[rv])), lambda rv: True, min_cost)
            truncated = truncated or cut
            if len(found) >= k or truncated:
                break
        found = [(n, c, tuple(int(order[r]) for r in seq)) for n, c, seq in found[:k]]
        # the edge each hop takes: the allowed one first by (path_cost, type, id) between its nodes
        pairs = {(a, b) for _n, _c, seq in found for a, b in zip(seq, seq[1:])}
        cand: dict[tuple[int, int], list[int]] = {}
        for a, b in pairs:
            _f, nb, ee = ix.entries(np.array([a], dtype=np.int64))
            ok = (nb == b) & ix.allowed(ee, em, day)
            cand[(a, b)] = np.unique(ee[ok]).tolist()
    refs = {r[0]: r for r in sqldb.edge_refs_by_ix(conn, sorted({e for es in cand.values() for e in es}))}
    costs = {n: et.path_cost for n, et in schema.edges.items()}
    hop = {p: min((refs[e] for e in es), key=lambda r: (costs[r[2]], r[2], r[1]))[1] for p, es in cand.items()}
    ids = sqldb.node_ids(conn, {x for _n, _c, seq in found for x in seq})
    ranked = [(n, c, tuple(ids[x] for x in seq)) for n, c, seq in found]
    by_ids = {(ids[a], ids[b]): e for (a, b), e in hop.items()}
    return generic_paths.finish(store, source, target, k, ranked, lambda a, b: by_ids[(a, b)], truncated)
