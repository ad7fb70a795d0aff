"""The strategists' questions answered on the array index, for the embedded store: lists
(``entities``), ``brokers`` and ``recommend``.

Same answers as the generic queries (``graph.query.entities`` / ``brokers`` /
``recommend``), checked by the contract suite; only the work differs: what lies in a
region is a breadth-first walk over the containment edges of the CSR (type codes, no
records), candidates are filtered and ranked on type, subtype and id-rank arrays, and
records are read only for the answer (the page of a list, the example paths of the top
brokers, the best candidates of a recommendation). Where the generic query would have
stopped at one of its scan caps (``graph.query.limits``), the native version hands the
question to the generic one, so that both give the same (capped) answer.
"""

from __future__ import annotations

import numpy as np

from ...query import brokers as generic_brokers
from ...query import entities as generic_entities
from ...query import limits as L
from ...query import recommend as generic_recommend
from ...query.checks import not_found
from ..base import EdgeRef
from . import db as sqldb
from .native import PathSearch


def type_mask(ix, types) -> np.ndarray:
    m = np.zeros(ix.NT + 1, dtype=bool)
    m[[ix.ncode[t] for t in types if t in ix.ncode]] = True
    return m


def edge_mask(ix, types) -> np.ndarray:
    m = np.zeros(ix.ET + 1, dtype=bool)
    m[[ix.ecode[t] for t in types if t in ix.ecode]] = True
    return m


class Region:
    """What lies in a region (``graph.query.regions.contained``) on the arrays: the
    distance of every member over incoming containment edges (-1 outside)."""

    def __init__(self, ix, schema, region: int, cap: int) -> None:
        self.ix, self.region = ix, region
        self.em = edge_mask(ix, schema.edge_types_with("containment"))
        self.dist = np.full(ix.ntype.n, -1, dtype=np.int16)
        self.dist[region] = 0
        self.capped = False
        levels = [np.array([region], dtype=np.int64)]
        total = 1
        if not self.em.any():
            self.members = levels[0]
            return
        for depth in range(1, L.CONTAINMENT_DEPTH + 1):
            f = levels[-1]
            if not len(f):
                break
            if total >= cap:
                self.capped = True  # the generic walk stops here: its answer is capped
                break
            frm, _nb, ee = ix.entries(f)
            ok = self.em[ix.etype.a[ee]] & (ix.edst.a[ee] == frm)
            if int(ok.sum()) >= cap:
                self.capped = True
                break
            src = ix.esrc.a[ee[ok]]
            new = np.unique(src[self.dist[src] < 0]).astype(np.int64)
            self.dist[new] = depth
            levels.append(new)
            total += len(new)
        self.members = np.concatenate(levels)

    def mask(self) -> np.ndarray:
        return self.dist >= 0

    def chains(self, conn, nodes) -> dict[str, EdgeRef]:
        """``graph.query.regions.contained``'s map restricted to ``nodes`` and the nodes on
        their way up: for each, the containment edge first by id into the level above."""
        ix = self.ix
        via: dict[int, tuple] = {}
        todo = sorted({int(n) for n in nodes if self.dist[n] > 0})
        while todo:
            f = np.array(todo, dtype=np.int64)
            frm, nb, ee = ix.entries(f)
            ok = (self.em[ix.etype.a[ee]] & (ix.esrc.a[ee] == frm) & (self.dist[nb] >= 0)
                  & (self.dist[nb] == self.dist[frm] - 1))
            rows = sqldb.edge_refs_by_ix(conn, np.unique(ee[ok]).tolist())
            nxt = set()
            for r in sorted(rows, key=lambda r: r[1]):
                if r[3] not in via:
                    via[r[3]] = r
                    if self.dist[r[4]] > 0 and r[4] not in via:
                        nxt.add(r[4])
            todo = sorted(nxt - via.keys())
        ids = sqldb.node_ids(conn, {x for r in via.values() for x in (r[3], r[4])} | {self.region})
        out: dict[str, EdgeRef | None] = {ids[self.region]: None}
        for r in via.values():
            out[ids[r[3]]] = EdgeRef(r[1], r[2], ids[r[3]], ids[r[4]])
        return out


def _region(store, ix, conn, rid: str, field_: str, cap: int) -> Region:
    found = sqldb.node_ix(conn, [rid])
    if rid not in found:
        raise not_found(rid, field_)
    return Region(ix, store.schema, found[rid], cap)


def _ids_by_rank(ix, conn, nodes: np.ndarray) -> list[str]:
    nodes = nodes[np.argsort(ix.rank[nodes], kind="stable")]
    ids = sqldb.node_ids(conn, nodes.tolist())
    return [ids[int(n)] for n in nodes]


# ------------------------------------------------------------------ brokers


def region_actors(store, ix, conn, rid: str, field_: str) -> np.ndarray | None:
    """The actors in a region (``graph.query.brokers.region_actors``), sorted by id rank;
    None when the generic walk would be capped."""
    reg = _region(store, ix, conn, rid, field_, L.REACH_CAP)
    if reg.capped:
        return None
    m = reg.members[reg.members != reg.region]
    m = m[type_mask(ix, generic_brokers.actor_types(store.schema))[ix.ntype.a[m]]]
    return m[np.argsort(ix.rank[m], kind="stable")]


def brokers(store, *, a, b, sample, max_hops, limit):
    from ...errors import QueryError

    if a == b:
        raise QueryError("'a' and 'b' are the same region", details=[{"field": "b", "value": b}])
    schema = store.schema
    with store.reading(ordered=True) as (ix, conn):
        xs, ys = region_actors(store, ix, conn, a, "a"), region_actors(store, ix, conn, b, "b")
        if xs is None or ys is None:
            return generic_brokers.run(store, a=a, b=b, sample=sample, max_hops=max_hops, limit=limit)
        both = np.intersect1d(xs, ys)
        xs, ys = xs[~np.isin(xs, both)], ys[~np.isin(ys, both)]
        pairs = generic_brokers.sample_pairs(xs.tolist(), ys.tolist(), sample)
        search = PathSearch(ix, schema, None, None, schema.partner_via)
        actor = type_mask(ix, generic_brokers.actor_types(schema))
        counts: dict[int, int] = {}
        first: dict[int, int] = {}  # broker -> the index of the first pair whose path runs through it
        connected = 0
        for i, (x, y) in enumerate(pairs):
            found, _cut = search.best(x, y, 1, max_hops)
            if not found:
                continue
            connected += 1
            inner = np.array(found[0][2][1:-1], dtype=np.int64)
            for n in inner[actor[ix.ntype.a[inner]]].tolist():
                counts[n] = counts.get(n, 0) + 1
                first.setdefault(n, i)
        rank = search.rank
        ranked = sorted(counts, key=lambda n: (-counts[n], int(rank[n])))[:limit]
        ids = sqldb.node_ids(conn, set(ranked) | {x for i in (first[n] for n in ranked) for x in pairs[i]})
    nodes = store.get_nodes(ids[n] for n in ranked)
    via = schema.partner_via
    examples: dict[int, object] = {}
    out = []
    for n in ranked:
        i = first[n]
        if i not in examples:
            x, y = pairs[i]
            examples[i] = store.paths(ids[x], ids[y], k=1, max_hops=max_hops, via=via).paths[0]
        out.append(generic_brokers.Broker(nodes[ids[n]], counts[n], counts[n] / connected, examples[i]))
    return generic_brokers.Brokers(a, b, len(xs), len(ys), len(xs) * len(ys), len(pairs), connected, out)
