"""Dated facts around an entity, by (date, kind, id): its own date, its dated edges
(the edge type's ``date`` hint), and the linking nodes (agreements, events) next to it;
with ``other``: the dated edges between the two and the linking nodes that connect them."""

from __future__ import annotations

from ..errors import QueryError
from ..model import Timeline, TimelineItem
from . import limits as L
from .checks import check_range, not_found
from .connections import linked

NAME = "timeline"


def check(schema, *, id, other=None, limit=None):
    limit = L.DEFAULT_TIMELINE_LIMIT if limit is None else limit
    check_range("limit", limit, 1, L.MAX_TIMELINE_LIMIT)
    return {"id": id, "other": other, "limit": limit}


def edge_label(schema, edge, nodes) -> str:
    verb = schema.edges[edge.type].label.get("en", edge.type)
    return f"{nodes[edge.source].label} {verb} {nodes[edge.target].label}{schema.edge_detail(edge)}"


def node_item(schema, node) -> TimelineItem | None:
    d = schema.node_date(node)
    if not d:
        return None
    return TimelineItem(date=d, kind="node", label=f"{node.type}: {node.label}", node=node)


def run(store, *, id, other, limit) -> Timeline:
    schema = store.schema
    ids = [id] if other is None else [id, other]
    nodes = store.get_nodes(ids)
    if id not in nodes:
        raise not_found(id)
    if other is not None:
        if other not in nodes:
            raise not_found(other, "other")
        if other == id:
            raise QueryError("'other' is the same node as 'id'", details=[{"field": "other", "value": other}])
    items: dict[tuple, TimelineItem] = {}

    def add(item: TimelineItem | None) -> None:
        if item is not None:
            items[item.key()] = item

    edges = store.incident(id, other)
    nodes.update(store.get_nodes({x for e in edges for x in (e.source, e.target)} - set(nodes)))
    linking = set(schema.types_with("links_parties"))
    if other is None:
        add(node_item(schema, nodes[id]))
    for e in edges:
        d = schema.edge_date(e)
        if d:
            add(TimelineItem(date=d, kind="edge", label=edge_label(schema, e, nodes), edge=e))
        if other is None:
            nb = nodes[e.target if e.source == id else e.source]
            if nb.type in linking:
                add(node_item(schema, nb))
    if other is not None:
        links, _da, _db = linked(store, id, other, None, schema.partner_via)
        for group in links.values():
            for n in group:
                add(node_item(schema, n))
    ordered = sorted(items.values(), key=lambda i: (i.date, i.kind, i.node.id if i.node else i.edge.id))
    return Timeline(items=ordered[:limit], truncated=len(ordered) > limit)
