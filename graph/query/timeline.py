"""Dated facts around an entity, by (date, kind, id): its own date, its dated edges
(the edge type's ``date`` hint), and the linking nodes (agreements, events) next to it;
for an entity that contains others (a region: the schema's ``containment`` edges), also
the linking nodes that the actors inside it are party to or took part in, each with the
edges that connect it. With ``other``: the dated edges between the two and the linking
nodes that connect them. ``since``/``until`` keep the items whose date falls in the range.

Near-duplicate lines are folded: an edge to a linking node that has its own line on the
same date joins that line's facts, and edges of one type and date from the entity (the
legs of one trip) become one line naming every other end."""

from __future__ import annotations

from .. import dates
from ..errors import QueryError
from ..model import Timeline, TimelineItem
from . import limits as L
from .checks import check_as_of, check_range, not_found
from .connections import linked
from .regions import chain, contained

NAME = "timeline"


def check(schema, *, id, other=None, limit=None, since=None, until=None):
    limit = L.DEFAULT_TIMELINE_LIMIT if limit is None else limit
    check_range("limit", limit, 1, L.MAX_TIMELINE_LIMIT)
    return {"id": id, "other": other, "limit": limit, "span": check_as_of(None, since, until)}


def edge_label(schema, edge, nodes) -> str:
    verb = schema.edges[edge.type].label.get("en", edge.type)
    return f"{nodes[edge.source].label} {verb} {nodes[edge.target].label}{schema.edge_detail(edge)}"


def node_item(schema, node) -> TimelineItem | None:
    d = schema.node_date(node)
    if not d:
        return None
    return TimelineItem(date=d, kind="node", label=f"{node.type}: {node.label}", node=node)


def _merged_label(schema, group, nodes, id) -> str:
    e = group[0]
    verb = schema.edges[e.type].label.get("en", e.type)
    others = ", ".join(nodes[x.target if x.source == id else x.source].label for x in group)
    if e.source == id:
        return f"{nodes[id].label} {verb} {others}{schema.edge_detail(e)}"
    return f"{others} {verb} {nodes[id].label}{schema.edge_detail(e)}"


def _inside(store, id, linking: set[str]) -> dict[str, list]:
    """Linking nodes reached through what lies inside ``id``: {node id: connecting edges}."""
    schema = store.schema
    via = contained(store, id)
    if len(via) == 1:
        return {}
    refs = store.node_refs(via)
    actors = set(schema.types_with("partner_path")) - linking
    found: dict[str, list] = {}
    members = []
    for nid in sorted(via):
        if nid == id:
            continue
        t = refs[nid].type
        if t in linking:
            found.setdefault(nid, chain(via, nid))
        elif t in actors:
            members.append(nid)
    members = members[: L.TIMELINE_MEMBERS]
    around = store.edges_at(members, None, "both", None, L.EDGE_CAP)
    far = {e.target if e.source in via else e.source for e in around} - set(via)
    far_refs = store.node_refs(far)
    for e in around:
        if e.source in via and e.target in via:
            continue
        actor, far_id = (e.source, e.target) if e.source in via else (e.target, e.source)
        if far_id in far_refs and far_refs[far_id].type in linking:
            facts = found.setdefault(far_id, [])
            for c in [e, *chain(via, actor)]:
                if c not in facts:
                    facts.append(c)
    return found


def run(store, *, id, other, limit, span) -> Timeline:
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

    def add(item: TimelineItem | None) -> TimelineItem | None:
        if item is not None:
            items.setdefault(item.key(), item)
            return items[item.key()]
        return None

    edges = store.incident(id, other)
    linking = set(schema.types_with("links_parties"))
    inside = _inside(store, id, linking) if other is None else {}
    extra = {x for e in edges for x in (e.source, e.target)} | set(inside)
    edge_ids = {c.id for cs in inside.values() for c in cs}
    fact_edges = store.get_edges(edge_ids)
    extra |= {x for e in fact_edges.values() for x in (e.source, e.target)}
    nodes.update(store.get_nodes(extra - set(nodes)))
    if other is None:
        add(node_item(schema, nodes[id]))
    groups: dict[tuple, list] = {}
    for e in edges:
        nb = e.target if e.source == id else e.source
        linked_item = add(node_item(schema, nodes[nb])) if other is None and nodes[nb].type in linking else None
        d = schema.edge_date(e)
        if not d:
            continue
        if linked_item is not None and linked_item.date == d:
            linked_item.facts.append(e)  # the same fact as the linking node's own line
            continue
        groups.setdefault((d, e.type, e.source == id, schema.edge_detail(e)), []).append(e)
    for (d, _t, _out, _detail), group in groups.items():
        group.sort(key=lambda e: e.id)
        if other is None and len(group) > 1:
            label = _merged_label(schema, group, nodes, id)
            add(TimelineItem(date=d, kind="edge", label=label, edge=group[0], facts=group[1:]))
        else:
            for e in group:
                add(TimelineItem(date=d, kind="edge", label=edge_label(schema, e, nodes), edge=e))
    for nid in sorted(inside):
        item = add(node_item(schema, nodes[nid]))
        if item is not None:
            known = {f.id for f in item.facts}
            item.facts += [fact_edges[c.id] for c in inside[nid] if c.id not in known and c.id in fact_edges]
    if other is not None:
        links, _da, _db = linked(store, id, other, None, schema.partner_via)
        for group in links.values():
            for n in group:
                add(node_item(schema, n))
    ordered = [i for i in items.values() if span is None or dates.overlaps(i.date, i.date, span)]
    ordered.sort(key=lambda i: (i.date, i.kind, i.node.id if i.node else i.edge.id))
    return Timeline(items=ordered[:limit], truncated=len(ordered) > limit)
