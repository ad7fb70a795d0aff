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


def check_as_of(value: str | None) -> str | None:
    """Normalize an ``as_of`` argument to YYYY-MM-DD (partial dates: first day)."""
    try:
        return dates.as_of_day(value)
    except ValueError as e:
        raise QueryError(f"'as_of': {e}", details=[{"field": "as_of", "value": value}]) from None


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
