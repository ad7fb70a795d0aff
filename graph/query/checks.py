"""Argument checks of every query, in one place: each error names the field and the value."""

from __future__ import annotations

from .. import dates
from ..errors import NotFoundError, QueryError
from ..text import fold
from . import limits as L


def check_range(name: str, value, lo: int, hi: int) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not lo <= value <= hi:
        raise QueryError(f"'{name}' must be an integer from {lo} to {hi}, got {value!r}",
                         details=[{"field": name, "value": value}])
    return value


def check_types(name: str, values: list[str] | None, known) -> list[str] | None:
    if values is None:
        return None
    bad = [v for v in values if v not in known]
    if bad:
        raise QueryError(f"'{name}' has unknown type '{bad[0]}'; known: {', '.join(sorted(known))}",
                         details=[{"field": name, "value": bad[0]}])
    return sorted(set(values))


def check_date(field: str, value) -> str | None:
    """A partial date (YYYY, YYYY-MM, YYYY-MM-DD), normalized; None stays None."""
    try:
        return dates.normalize(value)
    except (ValueError, TypeError) as e:
        raise QueryError(f"'{field}': {e}", details=[{"field": field, "value": value}]) from None


def check_as_of(value: str | None, since=None, until=None) -> tuple[str, str] | None:
    """The period a query looks at, as (first day, last day), or None (any time).

    ``as_of`` YYYY-MM-DD is that day; YYYY or YYYY-MM the whole year or month: a fact
    counts when it is valid at any time in the period. ``since`` / ``until`` (partial
    dates, either may be left out) give a range from the first day of ``since`` to the
    last day of ``until``; they cannot be combined with ``as_of``."""
    if isinstance(value, tuple) and since is None and until is None:
        return _checked_period(value)
    a = check_date("as_of", value)
    s, u = check_date("since", since), check_date("until", until)
    if a is not None and (s is not None or u is not None):
        raise QueryError("give either 'as_of' or 'since'/'until', not both",
                         details=[{"field": "as_of", "value": value}])
    if a is not None:
        return dates.period(a)
    if s is None and u is None:
        return None
    lo = dates.lower_bound(s) if s else dates.FIRST_DAY
    hi = dates.upper_bound(u) if u else dates.LAST_DAY
    if lo > hi:
        raise QueryError(f"'since' ({since}) is after 'until' ({until})", details=[{"field": "until", "value": until}])
    return lo, hi


def _checked_period(value: tuple) -> tuple[str, str]:
    """A period already made by ``check_as_of`` (queries that call other queries pass it on)."""
    if len(value) != 2 or not all(isinstance(d, str) and len(d) == 10 for d in value):
        raise QueryError(f"'as_of': {value!r} is not a (first day, last day) period", details=[{"field": "as_of"}])
    for d in value:
        check_date("as_of", d)
    return value[0], value[1]


def check_via(schema, via: list[str] | None) -> list[str] | None:
    """Validate ``via`` entries ('Type' or 'Type:subtype') against the schema."""
    if via is None:
        return None
    for v in via:
        t, _, sub = v.partition(":")
        nt = schema.nodes.get(t)
        if nt is None:
            raise QueryError(f"'via' has unknown node type '{t}'; known: {', '.join(sorted(schema.nodes))}",
                             details=[{"field": "via", "value": v}])
        if sub:
            prop = nt.properties.get(nt.subtype_property) if nt.subtype_property else None
            if prop is None or sub not in prop.values:
                allowed = ", ".join(prop.values) if prop else "none"
                raise QueryError(f"'via' entry '{v}': {t} has no subtype '{sub}' (subtypes: {allowed})",
                                 details=[{"field": "via", "value": v}])
    return sorted(set(via))


def check_query_text(q: str | None) -> str:
    """The folded search text; refuses over-long and empty queries."""
    if q is not None and len(q) > L.MAX_QUERY:
        raise QueryError(f"'q' is longer than {L.MAX_QUERY} characters", details=[{"field": "q"}])
    folded = fold(q or "")
    if not folded:
        raise QueryError("'q' must contain at least one letter or digit", details=[{"field": "q", "value": q}])
    return folded


def not_found(nid: str, field: str = "id") -> NotFoundError:
    return NotFoundError(f"node '{nid}' is not in the graph", details=[{"field": field, "value": nid}])


def same_node(field: str, value: str, message: str) -> QueryError:
    return QueryError(message, details=[{"field": field, "value": value}])
