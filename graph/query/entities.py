"""Lists and filters: the entities that match every filter given, sorted and paged with a
cursor, with counts per type and, for each hit, why it matched (the connecting facts,
each edge with its sources).

Filters: ``type`` and ``kind`` (the type's subtype property); ``within`` a region
(transitively over the schema's ``containment`` edges); ``related`` ("EDGE:Type": an edge
of that type to a node of that type, e.g. PARTY_TO:Agreement) with ``counterpart_in``
(another node on the same kind of edge to that node lies in a region: "party to an
agreement whose other party is in Korea"); ``since``/``until`` (the date of the
connecting node for ``related``, else the entity's own date; undated ones drop out);
``where`` ("property:value", case-insensitive). Sorted by id, label or date; the cursor
is the sort key of the last hit of the previous page."""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass, field
from typing import Any

from .. import dates
from ..errors import QueryError
from ..text import fold
from . import limits as L
from .checks import check_as_of, check_range, not_found
from .regions import chain, contained
from .walk import all_edges_at

NAME = "entities"
SORTS = ("id", "label", "date")


@dataclass
class Reason:
    kind: str  # "in", "related", "where"
    text: str
    edges: list = field(default_factory=list)  # Edge records (with sources)

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "text": self.text, "edges": [e.to_dict() for e in self.edges]}


@dataclass
class EntityHit:
    node: Any
    why: list[Reason]

    def to_dict(self) -> dict[str, Any]:
        return {"node": self.node.to_dict(), "why": [r.to_dict() for r in self.why]}


@dataclass
class EntityList:
    items: list[EntityHit]
    total: int
    counts: dict[str, int]
    next_cursor: str | None
    truncated: bool = False  # the scan stopped at its cap: counts are lower bounds

    def to_dict(self) -> dict[str, Any]:
        return {"count": len(self.items), "total": self.total, "counts": self.counts, "next_cursor": self.next_cursor,
                "truncated": self.truncated, "items": [h.to_dict() for h in self.items]}


def _bad(field_: str, value, message: str) -> QueryError:
    return QueryError(message, details=[{"field": field_, "value": value}])


def _check_type(schema, type_, kind):
    if type_ is None:
        if kind is not None:
            raise _bad("kind", kind, "'kind' needs 'type' (the node type whose subtype it is)")
        return None, None
    nt = schema.nodes.get(type_)
    if nt is None:
        raise _bad("type", type_, f"'type' has unknown node type '{type_}'; known: {', '.join(sorted(schema.nodes))}")
    if kind is not None:
        prop = nt.properties.get(nt.subtype_property) if nt.subtype_property else None
        if prop is None or kind not in prop.values:
            allowed = ", ".join(prop.values) if prop else "none"
            raise _bad("kind", kind, f"{type_} has no kind '{kind}' (kinds: {allowed})")
    return type_, kind


def _check_related(schema, related):
    if related is None:
        return None
    edge, _, node_type = str(related).partition(":")
    if edge not in schema.edges:
        raise _bad("related", related, f"'related' names unknown edge type '{edge}'; known: {', '.join(sorted(schema.edges))}")
    if node_type not in schema.nodes:
        raise _bad("related", related, f"'related' must be EDGE:NodeType (e.g. PARTY_TO:Agreement); "
                                       f"unknown node type '{node_type}'")
    return edge, node_type


def _check_where(schema, type_, where):
    out = []
    for w in where or []:
        key, sep, value = str(w).partition(":")
        if not sep or not key or not value:
            raise _bad("where", w, f"'where' entry '{w}' must be property:value")
        if type_ is not None and key not in schema.nodes[type_].properties:
            raise _bad("where", w, f"{type_} has no property '{key}'; properties: "
                                   f"{', '.join(sorted(schema.nodes[type_].properties))}")
        out.append((key, value))
    return out


def encode_cursor(key: tuple) -> str:
    return base64.urlsafe_b64encode(json.dumps(list(key), ensure_ascii=False).encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None, sort: str):
    if not cursor:
        return None
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        key = json.loads(raw)
        if not isinstance(key, list) or len(key) != (1 if sort == "id" else 2) or not all(isinstance(k, str) for k in key):
            raise ValueError
    except (ValueError, UnicodeDecodeError):
        raise _bad("cursor", cursor, "'cursor' is not a cursor of this list (take next_cursor from the previous page, "
                                     "with the same sort)") from None
    return tuple(key)


def check(schema, *, type=None, kind=None, within=None, related=None, counterpart_in=None, since=None, until=None,
          where=None, sort="id", cursor=None, limit=50):
    type_, kind = _check_type(schema, type, kind)
    rel = _check_related(schema, related)
    if counterpart_in is not None and rel is None:
        raise _bad("counterpart_in", counterpart_in, "'counterpart_in' needs 'related' (e.g. related=PARTY_TO:Agreement)")
    if sort not in SORTS:
        raise _bad("sort", sort, f"'sort' must be one of {', '.join(SORTS)}, got '{sort}'")
    check_range("limit", limit, 1, L.MAX_LIST_LIMIT)
    if type_ is None and within is None and rel is None:
        raise _bad("type", None, "give at least one of 'type', 'in' or 'related' (a list of everything is too long)")
    return {"type_": type_, "kind": kind, "within": within, "related": rel, "counterpart_in": counterpart_in,
            "span": check_as_of(None, since, until), "where": _check_where(schema, type_, where), "sort": sort,
            "after": decode_cursor(cursor, sort), "limit": limit}


def _all_of_type(store, type_, kind, cap):
    out, after = [], ""
    while len(out) < cap:
        page = store.nodes_of_type(type_, kind, after, min(L.LIST_PAGE, cap - len(out)))
        out += page
        if len(page) < L.LIST_PAGE:
            break
        after = page[-1].id
    return out


def _region(store, rid, field_):
    if not store.node_refs([rid]):
        raise not_found(rid, field_)
    return contained(store, rid, None, L.LIST_SCAN_CAP)


def _related(store, edge, thing_type, counterpart_in, span):
    """{party id: [(thing id, [edge refs: party-thing, thing-counterpart, counterpart's containment chain])]}"""
    schema = store.schema
    if counterpart_in is not None:
        region = _region(store, counterpart_in, "counterpart_in")
        first = all_edges_at(store, sorted(region), [edge])
        ends = {e.target if e.source in region else e.source for e in first}
        refs = store.node_refs(ends)
        things = sorted(t for t in ends if t in refs and refs[t].type == thing_type)
    else:
        region = None
        things = [n.id for n in _all_of_type(store, thing_type, None, L.LIST_SCAN_CAP)]
    if span is not None:
        tnodes = store.get_nodes(things)
        things = [t for t in things if (d := schema.node_date(tnodes[t])) and dates.overlaps(d, d, span)]
    around = all_edges_at(store, things, [edge])
    tset = set(things)
    parties: dict[str, list] = {}
    for e in around:
        thing, party = (e.target, e.source) if e.target in tset else (e.source, e.target)
        parties.setdefault(thing, []).append((party, e))
    out: dict[str, list] = {}
    for thing in things:
        members = parties.get(thing, [])
        for party, e in members:
            if region is None:
                out.setdefault(party, []).append((thing, [e]))
                continue
            for other, e2 in members:
                if other != party and other in region:
                    out.setdefault(party, []).append((thing, [e, e2, *chain(region, other)]))
                    break
    return out


def _filter(schema, nodes, type_, kind, where, span) -> list:
    out = []
    for n in nodes:
        if type_ is not None and n.type != type_:
            continue
        if kind is not None and schema.subtype(n) != kind:
            continue
        if any(fold(str(n.properties.get(k, ""))) != fold(v) for k, v in where):
            continue
        if span is not None:
            d = schema.node_date(n)
            if not d or not dates.overlaps(d, d, span):
                continue
        out.append(n)
    return out


def _sort_key(schema, sort, node):
    if sort == "id":
        return (node.id,)
    if sort == "label":
        return (fold(node.label), node.id)
    return (schema.node_date(node) or "9999", node.id)


def run(store, *, type_, kind, within, related, counterpart_in, span, where, sort, after, limit):
    schema = store.schema
    candidates: set[str] | None = None
    region = None
    nodes: dict = {}
    capped = False
    if within is not None:
        region = _region(store, within, "in")
        candidates = set(region) - {within}
        capped = len(region) >= L.LIST_SCAN_CAP
    rel = None
    if related is not None:
        rel = _related(store, related[0], related[1], counterpart_in, span)
        candidates = set(rel) if candidates is None else candidates & set(rel)
    if candidates is None:
        got = _all_of_type(store, type_, kind, L.LIST_SCAN_CAP)
        capped = len(got) >= L.LIST_SCAN_CAP
        matches = _filter(schema, got, type_, kind, where, span if related is None else None)
    else:
        refs = store.node_refs(candidates)
        kept = [r for r in refs.values() if (type_ is None or r.type == type_) and (kind is None or r.subtype == kind)]
        if where or sort != "id" or (span is not None and related is None):
            nodes = store.get_nodes(sorted(r.id for r in kept))
            matches = _filter(schema, nodes.values(), type_, kind, where, span if related is None else None)
        else:  # type, kind and id order need no record: read only the page's nodes below
            matches = kept
    counts: dict[str, int] = {}
    for n in matches:
        counts[n.type] = counts.get(n.type, 0) + 1
    keyed = sorted(((_sort_key(schema, sort, n), n) for n in matches), key=lambda x: x[0])
    if after is not None:
        keyed = [x for x in keyed if x[0] > after]
    page = keyed[:limit]
    more = len(keyed) > limit
    full = store.get_nodes([n.id for _k, n in page])
    items = _explain(store, [full[n.id] for _k, n in page], region, within, rel, where)
    return EntityList(items=items, total=len(matches), counts=dict(sorted(counts.items())),
                      next_cursor=encode_cursor(page[-1][0]) if more and page else None, truncated=capped)


def _explain(store, page, region, within, rel, where) -> list[EntityHit]:
    schema = store.schema
    per: dict[str, list[tuple[str, str, list]]] = {}
    for n in page:
        reasons = per.setdefault(n.id, [])
        if region is not None:
            reasons.append(("in", f"in {within}", chain(region, n.id)))
        if rel is not None:
            for thing, edges in rel.get(n.id, [])[: L.LIST_REASONS]:
                reasons.append(("related", thing, edges))
    ids = {e.id for rs in per.values() for _k, _t, es in rs for e in es}
    edges = store.get_edges(sorted(ids))
    labels = {x.id: x.label for x in store.get_nodes({x for e in edges.values() for x in (e.source, e.target)}).values()}
    out = []
    for n in page:
        why = []
        for kind, text, refs in per[n.id]:
            es = [edges[e.id] for e in refs if e.id in edges]
            text = "; ".join(_say(schema, e, labels) for e in es)
            why.append(Reason(kind, text, es))
        for k, v in where:
            why.append(Reason("where", f"{k} = {n.properties.get(k)}"))
        out.append(EntityHit(n, why))
    return out


def _say(schema, e, labels) -> str:
    verb = schema.edges[e.type].label.get("en", e.type)
    return f"{labels.get(e.source, e.source)} {verb} {labels.get(e.target, e.target)}"
