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
from ...query.walk import all_edges_at
from ..base import EdgeRef
from . import db as sqldb
from .index import unique
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
            new = unique(src[self.dist[src] < 0]).astype(np.int64)
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
            rows = sqldb.edge_refs_by_ix(conn, unique(ee[ok]).tolist())
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


# -------------------------------------------------------------------- lists


class _Fallback(Exception):
    """The generic query would stop at a scan cap here: let it answer (same capped answer)."""


def _related_mask(store, ix, conn, edge: str, thing_type: str, counterpart: Region | None, span):
    """(party mask, thing mask) of ``graph.query.entities._related`` on the arrays: the
    parties with an ``edge`` to a thing of ``thing_type`` (dated in ``span``) that has
    another party in the counterpart region."""
    schema = store.schema
    em = edge_mask(ix, [edge])
    tcode = ix.ncode[thing_type]
    n = ix.ntype.n
    if counterpart is not None:
        _frm, _nb, ee = ix.entries(counterpart.members)
        ee = unique(ee[em[ix.etype.a[ee]]])
        src, dst = ix.esrc.a[ee], ix.edst.a[ee]
        # the end away from the region (the target when both ends lie in it), as the generic list takes it
        ends = np.where(counterpart.mask()[src], dst, src)
        things = unique(ends)
        things = things[ix.ntype.a[things] == tcode]
    else:
        things = np.flatnonzero(ix.ntype.view() == tcode)
        if len(things) >= L.LIST_SCAN_CAP:
            raise _Fallback
    if span is not None and len(things):
        from ... import dates

        recs = sqldb.nodes_by_ix(conn, things.tolist(), brief=True)
        keep = [t for t in things.tolist() if (d := schema.node_date(recs[t])) and dates.overlaps(d, d, span)]
        things = np.array(keep, dtype=np.int64)
    is_thing = np.zeros(n, dtype=bool)
    is_thing[things] = True
    frm, nb, ee = ix.entries(things.astype(np.int64))
    ok = em[ix.etype.a[ee]]
    ee = unique(ee[ok])
    src, dst = ix.esrc.a[ee], ix.edst.a[ee]
    thing = np.where(is_thing[dst], dst, src)
    party = np.where(is_thing[dst], src, dst)
    parties = np.zeros(n, dtype=bool)
    if counterpart is None:
        parties[party] = True
        return parties, is_thing
    inside = counterpart.mask()
    # per thing, its distinct parties in the region; a party counts for a thing when another one is there
    pin = inside[party]
    pairs = unique(thing[pin].astype(np.int64) * n + party[pin])
    distinct = np.bincount(pairs // n, minlength=n)
    ok = (distinct[thing] - pin.astype(np.int64)) > 0
    parties[party[ok]] = True
    return parties, is_thing


def _explain_related(store, ix, conn, page_ixs, page_ids, edge, is_thing, counterpart: Region | None, chains):
    """``graph.query.entities._related``'s entries for the parties on the page only."""
    em = edge_mask(ix, [edge])
    frm, nb, ee = ix.entries(np.array(page_ixs, dtype=np.int64))
    ok = em[ix.etype.a[ee]]
    ee = unique(ee[ok])
    src, dst = ix.esrc.a[ee], ix.edst.a[ee]
    pset = np.zeros(ix.ntype.n, dtype=bool)
    pset[page_ixs] = True
    thing = np.where(is_thing[dst], dst, src)
    party = np.where(is_thing[dst], src, dst)
    keep = is_thing[thing] & pset[party]
    near = unique(thing[keep])
    ids = sqldb.node_ids(conn, near.tolist())
    things = sorted(ids[t] for t in near.tolist())
    around = all_edges_at(store, things, [edge])
    ends = {x for e in around for x in (e.source, e.target)}
    back = sqldb.node_ix(conn, sorted(ends))
    tset = {x for x in ends if is_thing[back[x]]}
    inside = counterpart.mask() if counterpart is not None else None
    members: dict[str, list] = {}
    for e in around:
        t, p = (e.target, e.source) if e.target in tset else (e.source, e.target)
        members.setdefault(t, []).append((p, e))
    wanted = set(page_ids)
    out: dict[str, list] = {}
    for t in things:
        ms = members.get(t, [])
        for p, e in ms:
            if p not in wanted:
                continue
            if inside is None:
                out.setdefault(p, []).append((t, [e]))
                continue
            for other, e2 in ms:
                if other != p and inside[back[other]]:
                    out.setdefault(p, []).append((t, [e, e2, *generic_chain(chains, other)]))
                    break
    return out


def generic_chain(via, nid):
    from ...query.regions import chain

    return chain(via, nid)


def entities(store, *, type_, kind, within, related, counterpart_in, span, where, sort, after, limit):
    try:
        return _entities(store, type_=type_, kind=kind, within=within, related=related, counterpart_in=counterpart_in,
                         span=span, where=where, sort=sort, after=after, limit=limit)
    except _Fallback:
        return generic_entities.run(store, type_=type_, kind=kind, within=within, related=related,
                                    counterpart_in=counterpart_in, span=span, where=where, sort=sort, after=after,
                                    limit=limit)


def _entities(store, *, type_, kind, within, related, counterpart_in, span, where, sort, after, limit):
    G = generic_entities
    schema = store.schema
    with store.reading(ordered=True) as (ix, conn):
        n = ix.ntype.n
        cand = np.ones(n, dtype=bool)
        cand &= ix.ntype.view() < ix.NT
        region = None
        if within is not None:
            region = _region(store, ix, conn, within, "in", L.LIST_SCAN_CAP)
            if region.capped or len(region.members) >= L.LIST_SCAN_CAP:
                raise _Fallback
            cand &= region.mask()
            cand[region.region] = False
        is_thing = counterpart = None
        if related is not None:
            if counterpart_in is not None:
                counterpart = _region(store, ix, conn, counterpart_in, "counterpart_in", L.LIST_SCAN_CAP)
                if counterpart.capped or len(counterpart.members) >= L.LIST_SCAN_CAP:
                    raise _Fallback
            parties, is_thing = _related_mask(store, ix, conn, related[0], related[1], counterpart, span)
            cand &= parties
        if type_ is not None:
            cand &= ix.ntype.view() == ix.ncode[type_]
            if within is None and related is None and int(cand.sum()) >= L.LIST_SCAN_CAP:
                raise _Fallback
        if kind is not None:
            cand &= ix.nsub.view() == ix.scode[kind]
        matches = np.flatnonzero(cand)
        by_records = bool(where) or sort != "id" or (span is not None and related is None)
        if by_records:
            recs = sqldb.nodes_by_ix(conn, matches.tolist())
            nodes = [recs[i] for i in matches.tolist()]
            kept = G._filter(schema, nodes, type_, kind, where, span if related is None else None)
            counts: dict[str, int] = {}
            for x in kept:
                counts[x.type] = counts.get(x.type, 0) + 1
            keyed = sorted(((G._sort_key(schema, sort, x), x) for x in kept), key=lambda x: x[0])
            if after is not None:
                keyed = [x for x in keyed if x[0] > after]
            total = len(kept)
            page_keys = [k for k, _x in keyed[: limit]]
            page_ids = [x.id for _k, x in keyed[: limit]]
            more = len(keyed) > limit
            back = sqldb.node_ix(conn, page_ids)
            page_ixs = [back[i] for i in page_ids]
        else:
            tc = np.bincount(ix.ntype.a[matches], minlength=ix.NT + 1)
            counts = {t: int(tc[i]) for i, t in enumerate(ix.node_types) if tc[i]}
            total = len(matches)
            r = ix.rank[matches]
            if after is not None:
                lo = _rank_after(ix, conn, after[0])
                matches, r = matches[r > lo], r[r > lo]
            more = len(matches) > limit
            if more:
                part = np.argpartition(r, limit - 1)[:limit]
                matches, r = matches[part], r[part]
            page_ixs = matches[np.argsort(r, kind="stable")].tolist()
            ids = sqldb.node_ids(conn, page_ixs)
            page_ids = [ids[i] for i in page_ixs]
            page_keys = [(i,) for i in page_ids]
        chains = region.chains(conn, page_ixs) if region is not None else None
        rel = None
        if related is not None:
            cchains = None
            if counterpart is not None:
                cchains = _counterpart_chains(store, ix, conn, page_ixs, related[0], is_thing, counterpart)
            rel = _explain_related(store, ix, conn, page_ixs, page_ids, related[0], is_thing, counterpart, cchains)
    full = store.get_nodes(page_ids)
    items = G._explain(store, [full[i] for i in page_ids], chains, within, rel, where)
    return G.EntityList(items=items, total=total, counts=dict(sorted(counts.items())),
                        next_cursor=G.encode_cursor(page_keys[-1]) if more and page_keys else None, truncated=False)


def _counterpart_chains(store, ix, conn, page_ixs, edge, is_thing, counterpart: Region):
    """Containment chains of the counterparts the page's reasons may name."""
    em = edge_mask(ix, [edge])
    _f, nb, ee = ix.entries(np.array(page_ixs, dtype=np.int64))
    things = unique(nb[em[ix.etype.a[ee]] & is_thing[nb]])
    _f2, nb2, ee2 = ix.entries(things.astype(np.int64))
    others = unique(nb2[em[ix.etype.a[ee2]] & counterpart.mask()[nb2]])
    return counterpart.chains(conn, others)


def _rank_after(ix, conn, after_id: str) -> int:
    """The id rank of ``after_id`` (the last id of the previous page): ids ranked above it sort after it."""
    got = sqldb.node_ix(conn, [after_id])
    if after_id in got:
        return int(ix.rank[got[after_id]])
    return conn.execute("SELECT count(*) FROM nodes WHERE id < ?", (after_id,)).fetchone()[0] - 1


# ---------------------------------------------------------- recommendations


def node_dates(ix, conn, schema, nodes: np.ndarray) -> dict[int, str | None]:
    """``schema.node_date`` of these nodes read in SQL (the hinted date properties, else the
    validity start), without decoding their records."""
    out: dict[int, str | None] = {}
    codes = ix.ntype.a[nodes]
    for code in np.unique(codes).tolist() if len(nodes) else []:
        if code >= ix.NT:
            continue
        props = schema.nodes[ix.node_types[code]].date_properties
        cols = "".join(", json_extract(n.brief, ?)" for _p in props)
        q = f"SELECT n.ix{cols}, json_extract(n.brief, '$.valid_from') FROM json_each(?) j JOIN nodes n ON n.ix = j.value"  # noqa: S608 - placeholders only
        part = nodes[codes == code].tolist()
        for i in range(0, len(part), sqldb.CHUNK):
            params = [f'$.properties."{p}"' for p in props] + [sqldb.ix_param(part[i:i + sqldb.CHUNK])]
            for row in conn.execute(q, params):
                out[row[0]] = next((v for v in row[1:-1] if v), None) or row[-1]
    return out


def recommend(store, *, for_, within, topic, limit, max_hops):
    """Every candidate scored from the arrays (topics reached directly or through the
    agreements and events it takes part in, kind codes, dated agreements and events);
    only the best ``PATH_FACTOR`` x ``limit`` get records, reasons, evidence and paths."""
    from ...query.communities import topic_types

    G = generic_recommend
    schema = store.schema
    me = G.start(store, for_, within, topic)
    with store.reading(ordered=True) as (ix, conn):
        cands = region_actors(store, ix, conn, within, "in")
        if cands is None:
            return G.run(store, for_=for_, within=within, topic=topic, limit=limit, max_hops=max_hops)
        m = sqldb.node_ix(conn, [for_])[for_]
        cands = cands[cands != m]
        n = ix.ntype.n
        people = np.concatenate([[m], cands]).astype(np.int64)
        inset = np.zeros(n, dtype=bool)
        inset[people] = True
        is_topic = type_mask(ix, topic_types(schema))[ix.ntype.view()]
        is_link = type_mask(ix, schema.types_with("links_parties"))[ix.ntype.view()]
        frm, nb, ee = ix.entries(people)
        ok = (ix.etype.a[ee] < ix.ET) & ~inset[nb]
        frm, nb = frm[ok].astype(np.int64), nb[ok].astype(np.int64)
        direct = unique(frm[is_topic[nb]] * n + nb[is_topic[nb]])
        lk = is_link[nb]
        plinks = unique(frm[lk] * n + nb[lk])  # (person, link) pairs, each once
        links = unique(plinks % n)
        f2, nb2, ee2 = ix.entries(links)
        ok2 = (ix.etype.a[ee2] < ix.ET) & is_topic[nb2]
        lt = unique(f2[ok2].astype(np.int64) * n + nb2[ok2])  # (link, topic) pairs
        # (person, topic) through links: join plinks and lt on the link
        lt_link, lt_topic = lt // n, lt % n
        starts = np.searchsorted(lt_link, links)
        ends = np.searchsorted(lt_link, links, side="right")
        cnt = np.zeros(n, dtype=np.int64)
        cnt[links] = ends - starts
        first = np.zeros(n, dtype=np.int64)
        first[links] = starts
        pl_p, pl_l = plinks // n, plinks % n
        reps = cnt[pl_l]
        via_p = np.repeat(pl_p, reps)
        offs = np.arange(int(reps.sum())) - np.repeat(np.cumsum(reps) - reps, reps)
        via_t = lt_topic[np.repeat(first[pl_l], reps) + offs]
        pt = unique(np.concatenate([direct, via_p * n + via_t]))  # (person, topic) pairs
        pt_p, pt_t = pt // n, pt % n
        mine = np.zeros(n, dtype=bool)
        mine[pt_t[pt_p == m]] = True
        shared = np.bincount(pt_p[mine[pt_t]], minlength=n)
        hit = np.zeros(n, dtype=bool)
        if topic is not None:
            t_ix = sqldb.node_ix(conn, [topic])[topic]
            hit[pt_p[pt_t == t_ix]] = True
        same = (ix.ntype.a[cands] == ix.ntype.a[m]) & (ix.nsub.a[cands] == ix.nsub.a[m])
        # dates of the agreements and events: the latest makes "recent"
        date = node_dates(ix, conn, schema, links)
        latest = max((d for d in date.values() if d), default=None)
        recent_from = G.recent_start(latest)
        recent = np.zeros(n, dtype=np.int64)
        if recent_from:
            fresh = np.zeros(n, dtype=bool)
            fresh[[k for k, d in date.items() if d and d >= recent_from]] = True
            np.add.at(recent, pl_p[fresh[pl_l]], 1)
        rank = ix.rank
        scored = []
        for i, c in enumerate(cands.tolist()):
            _parts, score = G.score_of(topic is not None, bool(hit[c]), int(shared[c]), bool(same[i]), int(recent[c]))
            scored.append((-score, int(rank[c]), c))
        scored.sort()
        top = [c for _s, _r, c in scored[: G.PATH_FACTOR * limit]]
        ids = sqldb.node_ids(conn, top)
    top_ids = [ids[c] for c in top]
    profiles = G._profiles(store, [for_] + top_ids)
    out = G.candidates(store, me, top_ids, topic, profiles, recent_from)
    return G.finish(store, me, within, topic, out, limit, max_hops, len(cands), paths_of=_introductions)


def _introductions(store, source, targets, max_hops):
    from .native import paths_from

    found = paths_from(store, source, targets, 1, max_hops, store.schema.partner_via)
    return {t: (r.paths[0] if r.paths else None) for t, r in found.items()}
