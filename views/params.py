"""Query parameters shared by the views, the exports and the explorer.

Everything that defines a view lives in the query string (or the entity id in
the path), so a view's URL is its permalink. ``ViewParams.query()`` gives the
parameters back in a stable order for links, embed snippets and exports.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from urllib.parse import quote, urlencode

from api.deps import split_list as api_split_list
from graph.dates import lower_bound, normalize, upper_bound
from graph.errors import QueryError

from . import labels

KINDS = ("entity", "path", "subgraph", "list")
MAX_DEPTH = 3
MAX_K = 10
MAX_HOPS = 8
MAX_IDS = 2000


def split_list(values: list[str] | str | None) -> tuple[str, ...] | None:
    """'a,b' or ['a', 'b,c'] -> ('a', 'b', 'c'); empty -> None (meaning: all). Same parsing as the API."""
    parts = api_split_list(values)
    return tuple(parts) if parts else None


def _check_types(argument: str, given: tuple[str, ...] | None, known: list[str]) -> tuple[str, ...] | None:
    if given is None:
        return None
    unknown = [t for t in given if t not in known]
    if unknown:
        raise QueryError(
            f"{argument}: unknown type(s) {', '.join(unknown)}; known: {', '.join(known)}",
            details=[{"field": argument, "value": t} for t in unknown],
        )
    return given


def _int(argument: str, value: int | str | None, default: int, lo: int, hi: int) -> int:
    if value is None or value == "":
        return default
    try:
        n = int(value)
    except (TypeError, ValueError):
        raise QueryError(f"{argument} must be an integer, got '{value}'", details=[{"field": argument, "value": str(value)}])
    if not lo <= n <= hi:
        raise QueryError(f"{argument} must be between {lo} and {hi}, got {n}", details=[{"field": argument, "value": n}])
    return n


def parse_as_of(value: str | None) -> str | None:
    """The date as given, checked (YYYY, YYYY-MM or YYYY-MM-DD): the store reads a year or a
    month as "valid at any time in that period", as the API does."""
    if value is None or value == "":
        return None
    try:
        return normalize(value)
    except ValueError as exc:
        raise QueryError(f"as_of: {exc}", details=[{"field": "as_of", "value": value}])


def parse_span(as_of: str | None, since: str | None, until: str | None) -> tuple[str | None, str | None, str | None]:
    """As of one date (or period), or a range since-until (either end open); not both."""
    a = parse_as_of(as_of)
    s, u = (_date("since", since), _date("until", until))
    if a is not None and (s is not None or u is not None):
        raise QueryError("give either 'as_of' or 'since'/'until', not both", details=[{"field": "span", "value": as_of}])
    if s is not None and u is not None and lower_bound(s) > upper_bound(u):
        raise QueryError(f"'since' ({s}) is after 'until' ({u})", details=[{"field": "span", "value": u}])
    return a, s, u


def _date(field: str, value: str | None) -> str | None:
    if value is None or value == "":
        return None
    try:
        return normalize(value)
    except ValueError as exc:
        raise QueryError(f"{field}: {exc}", details=[{"field": field, "value": value}])


GROUP_BY = ("type", "region", "none")
COLOR_BY = ("type", "community")


def _choice(field: str, value: str | None, allowed: tuple[str, ...]) -> str:
    if value is None or value == "":
        return allowed[0]
    if value not in allowed:
        raise QueryError(f"{field} must be one of {', '.join(allowed)}, got '{value}'", details=[{"field": field, "value": value}])
    return value


def parse_lang(value: str | None) -> str:
    return value if value in labels.LANGS else "en"


@dataclass(frozen=True)
class ViewParams:
    kind: str
    id: str | None = None
    ids: tuple[str, ...] = ()
    source: str | None = None
    target: str | None = None
    depth: int = 1
    k: int = 3
    max_hops: int = 6
    edge_types: tuple[str, ...] | None = None
    node_types: tuple[str, ...] | None = None
    as_of: str | None = None
    limit: int | None = None
    lang: str = "en"
    via_all: bool = False  # paths: allow hubs (countries, topics) between the endpoints
    since: str | None = None  # a date range (either end open) instead of as_of
    until: str | None = None
    group: str = "type"  # big neighbourhoods: leaves grouped by "type", "region" or "none"
    color: str = "type"  # node colour by "type" or "community"
    filters: tuple[tuple[str, str], ...] = ()  # list views: the list filters (name, value)

    def with_lang(self, lang: str) -> "ViewParams":
        return replace(self, lang=lang)

    def query(self, *, include_id: bool = False) -> list[tuple[str, str]]:
        """The defining parameters as (name, value) pairs, defaults left out."""
        q: list[tuple[str, str]] = []
        if self.kind == "entity":
            if include_id and self.id is not None:
                q.append(("id", self.id))
            if self.depth != 1:
                q.append(("depth", str(self.depth)))
            if self.node_types:
                q.append(("node_types", ",".join(self.node_types)))
            if self.limit is not None:
                q.append(("limit", str(self.limit)))
        elif self.kind == "path":
            q += [("source", self.source or ""), ("target", self.target or "")]
            if self.k != 3:
                q.append(("k", str(self.k)))
            if self.max_hops != 6:
                q.append(("max_hops", str(self.max_hops)))
            if self.via_all:
                q.append(("via", "all"))
        elif self.kind == "list":
            q += list(self.filters)
        else:
            q.append(("ids", ",".join(self.ids)))
        if self.edge_types:
            q.append(("edge_types", ",".join(self.edge_types)))
        if self.as_of:
            q.append(("as_of", self.as_of))
        if self.since:
            q.append(("since", self.since))
        if self.until:
            q.append(("until", self.until))
        if self.group != "type":
            q.append(("group", self.group))
        if self.color != "type":
            q.append(("color", self.color))
        if self.lang != "en":
            q.append(("lang", self.lang))
        return q

    def view_url(self) -> str:
        """Permalink of the HTML view."""
        if self.kind == "entity":
            base = "/view/entity/" + quote(self.id or "", safe=":")
        else:
            base = "/view/" + self.kind
        qs = urlencode(self.query())
        return base + ("?" + qs if qs else "")

    def export_url(self, fmt: str) -> str:
        q = [("format", fmt), ("view", self.kind)] + self.query(include_id=True)
        return "/view/export?" + urlencode(q)


def entity_params(id: str, *, depth=None, edge_types=None, node_types=None, as_of=None, limit=None, lang=None, cap: int,
                  since=None, until=None, group=None, color=None) -> ViewParams:
    as_of, since, until = parse_span(as_of, since, until)
    return ViewParams(
        kind="entity",
        id=id,
        depth=_int("depth", depth, 1, 1, MAX_DEPTH),
        edge_types=_check_types("edge_types", split_list(edge_types), labels.edge_types()),
        node_types=_check_types("node_types", split_list(node_types), labels.node_types()),
        as_of=as_of,
        since=since,
        until=until,
        limit=None if limit in (None, "") else _int("limit", limit, cap, 1, cap),
        lang=parse_lang(lang),
        group=_choice("group", group, GROUP_BY),
        color=_choice("color", color, COLOR_BY),
    )


def path_params(source, target, *, k=None, max_hops=None, edge_types=None, as_of=None, lang=None, via=None,
                since=None, until=None, color=None) -> ViewParams:
    for name, value in (("source", source), ("target", target)):
        if not value:
            raise QueryError(f"{name} is required", details=[{"field": name}])
    if via not in (None, "", "all", "partner"):
        raise QueryError("via must be 'partner' (the default: no countries or topics between the ends) or 'all'",
                         details=[{"field": "via", "value": via}])
    as_of, since, until = parse_span(as_of, since, until)
    return ViewParams(
        kind="path",
        source=source,
        target=target,
        k=_int("k", k, 3, 1, MAX_K),
        max_hops=_int("max_hops", max_hops, 6, 1, MAX_HOPS),
        edge_types=_check_types("edge_types", split_list(edge_types), labels.edge_types()),
        as_of=as_of,
        since=since,
        until=until,
        lang=parse_lang(lang),
        via_all=via == "all",
        color=_choice("color", color, COLOR_BY),
    )


def subgraph_params(ids, *, edge_types=None, as_of=None, lang=None, since=None, until=None, color=None) -> ViewParams:
    parsed = split_list(ids)
    if not parsed:
        raise QueryError("ids is required: a comma-separated list of node ids", details=[{"field": "ids"}])
    if len(parsed) > MAX_IDS:
        raise QueryError(f"ids: at most {MAX_IDS} ids, got {len(parsed)}", details=[{"field": "ids", "value": len(parsed)}])
    as_of, since, until = parse_span(as_of, since, until)
    return ViewParams(
        kind="subgraph",
        ids=parsed,
        edge_types=_check_types("edge_types", split_list(edge_types), labels.edge_types()),
        as_of=as_of,
        since=since,
        until=until,
        lang=parse_lang(lang),
        color=_choice("color", color, COLOR_BY),
    )


LIST_FILTERS = ("type", "kind", "in", "related", "counterpart_in", "sort")


def list_params(values: dict, *, lang=None, color=None) -> ViewParams:
    """A list as a view: the hits of the list filters and the facts that connect them
    (``values``: type, kind, in, related, counterpart_in, since, until, sort; checked by the query)."""
    filters = tuple((k, str(values[k]).strip()) for k in LIST_FILTERS if values.get(k) not in (None, ""))
    if not any(k in ("type", "in", "related") for k, _ in filters):
        raise QueryError("give at least one of 'type', 'in' or 'related'", details=[{"field": "type"}])
    _a, since, until = parse_span(None, values.get("since"), values.get("until"))
    return ViewParams(kind="list", filters=filters, since=since, until=until, lang=parse_lang(lang),
                      color=_choice("color", color, COLOR_BY))


def params_for(kind: str, values: dict, *, cap: int) -> ViewParams:
    """Build the params of any view kind from a flat dict of query values (exports)."""
    span = {"since": values.get("since"), "until": values.get("until"), "color": values.get("color")}
    if kind == "entity":
        if not values.get("id"):
            raise QueryError("id is required for view=entity", details=[{"field": "id"}])
        return entity_params(values["id"], depth=values.get("depth"), edge_types=values.get("edge_types"),
                             node_types=values.get("node_types"), as_of=values.get("as_of"),
                             limit=values.get("limit"), lang=values.get("lang"), cap=cap, group=values.get("group"), **span)
    if kind == "path":
        return path_params(values.get("source"), values.get("target"), k=values.get("k"),
                           max_hops=values.get("max_hops"), edge_types=values.get("edge_types"),
                           as_of=values.get("as_of"), lang=values.get("lang"), via=values.get("via"), **span)
    if kind == "subgraph":
        return subgraph_params(values.get("ids"), edge_types=values.get("edge_types"),
                               as_of=values.get("as_of"), lang=values.get("lang"), **span)
    if kind == "list":
        return list_params(values, lang=values.get("lang"), color=values.get("color"))
    raise QueryError(f"view must be one of {', '.join(KINDS)}, got '{kind}'", details=[{"field": "view", "value": kind}])
