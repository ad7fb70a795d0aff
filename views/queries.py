"""Fetch the graph behind a view from the store, capped at the view's node limit.

The result (``ViewGraph``) says what to emphasise (centre, path nodes and
edges) and how many nodes were left out, so the page can show an aggregate
"N more" node instead of cutting silently.
"""

from __future__ import annotations

from graph.store.base import PARTNER_VIA

from dataclasses import dataclass, field, replace

from graph.errors import NotFoundError
from graph.model import Edge, Node, Path
from graph.resolve import resolve_ref

from .params import ViewParams

NEIGHBOR_SCAN_LIMIT = 5000  # the store's maximum neighbour limit


@dataclass
class ViewGraph:
    params: ViewParams
    nodes: list[Node]
    edges: list[Edge]
    center: list[str] = field(default_factory=list)
    path_nodes: set[str] = field(default_factory=set)
    path_edges: set[str] = field(default_factory=set)
    paths: list[Path] = field(default_factory=list)
    omitted: int = 0  # nodes reached but not drawn because of the cap
    limit: int | None = None  # the node limit that applied
    truncated: bool = False  # the store stopped at one of its caps
    no_path: bool = False


def _require(store, ids: list[str]) -> dict[str, Node]:
    found = store.get_nodes(ids)
    missing = [i for i in ids if i not in found]
    if missing:
        raise NotFoundError(
            f"node(s) not in the graph: {', '.join(missing)}",
            details=[{"field": "id", "value": i} for i in missing],
        )
    return found


def entity_graph(store, p: ViewParams, cap: int) -> ViewGraph:
    _require(store, [p.id])
    limit = min(p.limit or cap, cap)
    sg = store.neighbors(
        p.id,
        depth=p.depth,
        edge_types=list(p.edge_types) if p.edge_types else None,
        node_types=list(p.node_types) if p.node_types else None,
        as_of=p.as_of,
        since=p.since,
        until=p.until,
        limit=limit,
    )
    return ViewGraph(
        params=p,
        nodes=list(sg.nodes),
        edges=list(sg.edges),
        center=[p.id],
        omitted=sg.omitted_nodes,
        truncated=sg.truncated,
        limit=limit,
    )


def path_graph(store, p: ViewParams, cap: int) -> ViewGraph:
    ends = _require(store, [p.source, p.target])
    res = store.paths(
        p.source,
        p.target,
        k=p.k,
        max_hops=p.max_hops,
        edge_types=list(p.edge_types) if p.edge_types else None,
        as_of=p.as_of,
        since=p.since,
        until=p.until,
        via=None if p.via_all else PARTNER_VIA,
    )
    nodes: dict[str, Node] = {}
    edges: dict[str, Edge] = {}
    for path in res.paths:
        for n in path.nodes:
            nodes.setdefault(n.id, n)
        for h in path.hops:
            edges.setdefault(h.edge.id, h.edge)
    for end in (p.source, p.target):
        nodes.setdefault(end, ends[end])
    kept = list(nodes.values())[:cap]
    kept_ids = {n.id for n in kept}
    return ViewGraph(
        params=p,
        nodes=kept,
        edges=[e for e in edges.values() if e.source in kept_ids and e.target in kept_ids],
        center=[p.source, p.target],
        path_nodes=set(nodes),
        path_edges=set(edges),
        paths=list(res.paths),
        omitted=len(nodes) - len(kept),
        truncated=res.truncated,
        no_path=not res.paths,
    )


def subgraph_graph(store, p: ViewParams, cap: int) -> ViewGraph:
    wanted = list(p.ids[:cap])
    found = _require(store, wanted)
    inside = set(wanted)
    edges: dict[str, Edge] = {}
    truncated = False
    for id in wanted:
        sg = store.neighbors(
            id,
            depth=1,
            edge_types=list(p.edge_types) if p.edge_types else None,
            as_of=p.as_of,
            since=p.since,
            until=p.until,
            limit=NEIGHBOR_SCAN_LIMIT,
        )
        truncated = truncated or sg.truncated
        for e in sg.edges:
            if e.source in inside and e.target in inside:
                edges[e.id] = e
    return ViewGraph(
        params=p,
        nodes=[found[i] for i in wanted],
        edges=[edges[k] for k in sorted(edges)],
        center=[],
        omitted=len(p.ids) - len(wanted),
        truncated=truncated,
    )


LIST_VIEW_HITS = 100  # most hits a list view draws (with the facts that connect them)


def list_query(store, filters: dict, *, since=None, until=None, cursor=None, limit=LIST_VIEW_HITS):
    """The list query (``graph.query`` "entities") with the explorer's filter names:
    region names are resolved like the API does."""
    from graph import query

    within = resolve_ref(store, filters["in"], "in") if filters.get("in") else None
    cp = resolve_ref(store, filters["counterpart_in"], "counterpart_in") if filters.get("counterpart_in") else None
    return query.run(store, "entities", type=filters.get("type") or None, kind=filters.get("kind") or None,
                     within=within, related=filters.get("related") or None, counterpart_in=cp, since=since,
                     until=until, sort=filters.get("sort") or "id", cursor=cursor, limit=limit)


def list_graph(store, p: ViewParams, cap: int) -> ViewGraph:
    """The hits of a list (emphasised) and the facts that say why each matched."""
    res = list_query(store, dict(p.filters), since=p.since, until=p.until, limit=max(1, min(cap, LIST_VIEW_HITS)))
    hits = [h.node for h in res.items]
    edges: dict[str, Edge] = {}
    for h in res.items:
        for r in h.why:
            for e in r.edges:
                edges.setdefault(e.id, e)
    hit_ids = {n.id for n in hits}
    more = sorted({x for e in edges.values() for x in (e.source, e.target)} - hit_ids)
    room = max(0, cap - len(hits))
    found = store.get_nodes(more[:room]) if more and room else {}
    nodes = hits + [found[i] for i in more[:room] if i in found]
    inside = {n.id for n in nodes}
    return ViewGraph(
        params=p,
        nodes=nodes,
        edges=[edges[k] for k in sorted(edges) if edges[k].source in inside and edges[k].target in inside],
        center=[],
        path_nodes=hit_ids,
        omitted=max(0, res.total - len(hits)),
        truncated=res.truncated,
        limit=len(hits),
    )


def resolve(store, p: ViewParams) -> ViewParams:
    """Ids or unambiguous names (as the API accepts them) -> node ids."""
    if p.kind == "entity":
        return replace(p, id=resolve_ref(store, p.id or "", "id"))
    if p.kind == "path":
        return replace(p, source=resolve_ref(store, p.source or "", "source"), target=resolve_ref(store, p.target or "", "target"))
    if p.kind == "list":
        return p
    found = store.get_nodes(list(p.ids))
    return replace(p, ids=tuple(i if i in found else resolve_ref(store, i, "ids") for i in p.ids))


def fetch(store, p: ViewParams, cap: int) -> ViewGraph:
    p = resolve(store, p)
    if p.kind == "entity":
        return entity_graph(store, p, cap)
    if p.kind == "path":
        return path_graph(store, p, cap)
    if p.kind == "list":
        return list_graph(store, p, cap)
    return subgraph_graph(store, p, cap)
