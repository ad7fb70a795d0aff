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
from .index import unique

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
        eixs = unique(ee[ok]).tolist()
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


class PathSearch:
    """The best-first k shortest partner paths on the arrays, for any number of pairs under
    one read: the filters, the id order and each node's allowed neighbours (with the
    cheapest hop cost and whether it may stand between the ends) are computed once and
    shared by every pair (brokers search hundreds of pairs)."""

    def __init__(self, ix, schema, edge_types, as_of, via) -> None:
        self.ix = ix
        self.day = _day(as_of)
        self.em, self.nm = ix.masks(edge_types, None)
        self.tab = ix.via_table(set(via) if via is not None else None)
        self.cost_arr = np.array([schema.edges[n].path_cost for n in ix.edge_types] + [np.inf])
        self.min_cost = float(min(self.cost_arr[:-1][self.em[:-1]])) if self.em[:-1].any() else 1.0
        self.order = np.asarray(ix.order)  # a plain array: indexing a memory map costs a Python call
        self.rank = np.asarray(ix.rank)
        self.cache: dict[int, tuple[list, list, list]] = {}

    def _entry(self, ru: int) -> tuple:
        """(neighbour ixs, their ranks, cheapest hop costs, passable flags) of the node ranked ``ru``."""
        got = self.cache.get(ru)
        if got is None:
            ix = self.ix
            u = int(self.order[ru])
            _f, nb, ee = ix.entries(np.array([u], dtype=np.int64))
            ok = ix.allowed(ee, self.em, self.day) & ix.valid_nodes(nb, self.nm, self.day) & (nb != u)
            nb, ee = nb[ok], ee[ok]
            if len(nb):
                uniq, inv = np.unique(nb, return_inverse=True)
                best = np.full(len(uniq), np.inf)
                np.minimum.at(best, inv, self.cost_arr[ix.etype.a[ee]])
                got = (uniq, self.rank[uniq], best, ix.passable(uniq, self.tab))
            else:
                got = (nb, nb.astype(np.int64), np.empty(0), np.empty(0, dtype=bool))
            self.cache[ru] = got
        return got

    def best(self, s: int, t: int, k: int, max_hops: int) -> tuple[list[tuple[int, float, tuple]], bool]:
        """Up to ``k`` (length, cost, node ixs) paths from ``s`` to ``t``, best first, and
        whether a cap cut the search (as ``graph.query.paths``)."""
        ix, order, rank = self.ix, self.order, self.rank
        bs = _Ball(ix, s, self.em, self.nm, self.day, self.tab)
        bt = _Ball(ix, t, self.em, self.nm, self.day, self.tab)
        rt = int(rank[t])

        dist = bt.dist
        found, truncated = [], False
        for length in range(1, max_hops + 1):
            bs.grow((length + 1) // 2)
            bt.grow(length // 2)
            truncated = truncated or bs.capped or bt.capped
            if (not len(bs.frontier) and not bs.reached(t)) or (not len(bt.frontier) and not bt.reached(s)):
                break
            far = bt.depth + 1 if len(bt.frontier) else FAR

            def bound(rv: int, far=far) -> int:
                d = dist[order[rv]]
                return int(d) if d != UNSEEN else far

            def neighbours(ru: int, budget: int, far=far):
                # only what the search could push: the target, or a passable node whose bound
                # fits the hops left (k_best would skip the others)
                nix, ranks, costs, ok = self._entry(ru)
                if not len(nix):
                    return []
                d = dist[nix].astype(np.int64)
                b = np.where(d != UNSEEN, d, far)
                is_t = nix == t
                keep = is_t | (ok & (b <= budget))
                return list(zip(ranks[keep].tolist(), costs[keep].tolist()))

            found, cut = k_best(int(rank[s]), rt, k, length, neighbours, bound, lambda rv: True, self.min_cost,
                                budgeted=True)
            truncated = truncated or cut
            if len(found) >= k or truncated:
                break
        return [(n, c, tuple(int(order[r]) for r in seq)) for n, c, seq in found[:k]], truncated


def paths(store, *, source, target, k, max_hops, edge_types, as_of, via):
    early = generic_paths.start(store, source, target, as_of)
    if early is not None:
        return early
    with store.reading(ordered=True) as (ix, conn):
        ends = sqldb.node_ix(conn, [source, target])
        search = PathSearch(ix, store.schema, edge_types, as_of, via)
        found, truncated = search.best(ends[source], ends[target], k, max_hops)
        return _answer(store, ix, conn, search, source, target, k, found, truncated)


def paths_from(store, source: str, targets: list[str], k: int, max_hops: int, via) -> dict:
    """``paths`` from one source to many targets under one read, sharing the search's
    neighbour cache (recommendations: the introduction to each of the best candidates)."""
    out = {}
    with store.reading(ordered=True) as (ix, conn):
        ends = sqldb.node_ix(conn, [source, *targets])
        search = PathSearch(ix, store.schema, None, None, via)
        for t in targets:
            found, truncated = search.best(ends[source], ends[t], k, max_hops)
            out[t] = _answer(store, ix, conn, search, source, t, k, found, truncated)
    return out


def _answer(store, ix, conn, search, source, target, k, found, truncated):
    schema = store.schema
    em, day = search.em, search.day
    # the edge each hop takes: the allowed one first by (path_cost, type, id) between its nodes
    pairs = {(a, b) for _n, _c, seq in found for a, b in zip(seq, seq[1:])}
    cand: dict[tuple[int, int], list[int]] = {}
    for a, b in pairs:
        _f, nb, ee = ix.entries(np.array([a], dtype=np.int64))
        ok = (nb == b) & ix.allowed(ee, em, day)
        cand[(a, b)] = unique(ee[ok]).tolist()
    refs = {r[0]: r for r in sqldb.edge_refs_by_ix(conn, sorted({e for es in cand.values() for e in es}))}
    costs = {n: et.path_cost for n, et in schema.edges.items()}
    hop = {p: min((refs[e] for e in es), key=lambda r: (costs[r[2]], r[2], r[1]))[1] for p, es in cand.items()}
    ids = sqldb.node_ids(conn, {x for _n, _c, seq in found for x in seq})
    ranked = [(n, c, tuple(ids[x] for x in seq)) for n, c, seq in found]
    by_ids = {(ids[a], ids[b]): e for (a, b), e in hop.items()}
    return generic_paths.finish(store, source, target, k, ranked, lambda a, b: by_ids[(a, b)], truncated)
