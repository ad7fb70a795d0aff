"""Trade series between two regions: exports and imports by year in euros, each figure
with its source.

The flows are the edges between ``a`` and ``b`` whose type has the schema hint
``trade_flow`` (their properties: year, direction seen from the source region, value,
unit, currency, and ``value_eur`` where a loader added it). A flow stored from ``b`` to
``a`` is turned round (b's export is a's import). The amount in euros is ``value_eur``
when present, else value x unit for figures in EUR; other currencies without
``value_eur`` keep ``amount_eur`` None and say so."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ..errors import QueryError
from .checks import not_found

NAME = "trade"
SCALE = {"one": 1, "thousand": 10**3, "million": 10**6, "billion": 10**9}
FLIP = {"export": "import", "import": "export"}
MIN_YEAR, MAX_YEAR = 1900, 2100


@dataclass
class Figure:
    year: int
    direction: str  # seen from ``a``
    amount_eur: float | int | None
    value: Any
    unit: str | None
    currency: str | None
    edge: Any  # the Edge record (with its sources)
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"year": self.year, "direction": self.direction, "amount_eur": self.amount_eur,
                "amount": format_eur(self.amount_eur), "value": self.value, "unit": self.unit,
                "currency": self.currency, "note": self.note, "edge": self.edge.id,
                "sources": [s.to_dict() for s in self.edge.sources]}


@dataclass
class TradeSeries:
    a: Any
    b: Any
    figures: list[Figure] = field(default_factory=list)

    def totals(self) -> dict[str, dict[int, float]]:
        out: dict[str, dict[int, float]] = {"export": {}, "import": {}}
        for f in self.figures:
            if f.amount_eur is not None and f.direction in out:
                out[f.direction][f.year] = out[f.direction].get(f.year, 0) + f.amount_eur
        return out

    def to_dict(self) -> dict[str, Any]:
        return {"a": {"id": self.a.id, "label": self.a.label}, "b": {"id": self.b.id, "label": self.b.label},
                "currency": "EUR", "count": len(self.figures), "figures": [f.to_dict() for f in self.figures]}


def format_eur(amount) -> str | None:
    """890000000 -> '890 million EUR', 1160000000 -> '1.16 billion EUR'."""
    if amount is None:
        return None
    for word, scale in (("billion", 10**9), ("million", 10**6), ("thousand", 10**3)):
        if abs(amount) >= scale:
            return f"{amount / scale:.4g} {word} EUR"
    return f"{amount:.4g} EUR"


def euros(props: dict) -> tuple[float | int | None, str]:
    """The amount in euros of one flow, and a note when there is none."""
    if props.get("value_eur") is not None:
        return _num(Decimal(str(props["value_eur"]))), ""
    value, unit, currency = props.get("value"), props.get("unit") or "one", props.get("currency")
    if value is None:
        return None, "no value"
    if str(currency or "").upper() != "EUR":
        return None, f"stated in {currency}; no value_eur"
    if unit not in SCALE:
        return None, f"unknown unit '{unit}'"
    return _num(Decimal(str(value)) * SCALE[unit]), ""


def _num(d: Decimal):
    return int(d) if d == d.to_integral_value() else float(d)


def _year(field_: str, value) -> int | None:
    if value is None or value == "":
        return None
    try:
        y = int(value)
    except (TypeError, ValueError):
        y = None
    if y is None or not MIN_YEAR <= y <= MAX_YEAR:
        raise QueryError(f"'{field_}' must be a year from {MIN_YEAR} to {MAX_YEAR}, got {value!r}",
                         details=[{"field": field_, "value": value}])
    return y


def check(schema, *, a, b, from_=None, to=None):
    lo, hi = _year("from", from_), _year("to", to)
    if lo is not None and hi is not None and lo > hi:
        raise QueryError(f"'from' ({lo}) is after 'to' ({hi})", details=[{"field": "to", "value": hi}])
    if not schema.edge_types_with("trade_flow"):
        raise QueryError("the schema has no edge type with the hint 'trade_flow'", details=[{"field": "schema"}])
    return {"a": a, "b": b, "lo": lo, "hi": hi}


def run(store, *, a, b, lo, hi) -> TradeSeries:
    nodes = store.get_nodes([a, b])
    if a not in nodes:
        raise not_found(a, "a")
    if b not in nodes:
        raise not_found(b, "b")
    if a == b:
        raise QueryError("'a' and 'b' are the same region", details=[{"field": "b", "value": b}])
    types = set(store.schema.edge_types_with("trade_flow"))
    figures = []
    for e in store.incident(a, b):
        if e.type not in types or e.properties.get("year") is None:
            continue
        year = int(e.properties["year"])
        if (lo is not None and year < lo) or (hi is not None and year > hi):
            continue
        d = e.properties.get("direction")
        direction = d if e.source == a else FLIP.get(d, d)
        amount, note = euros(e.properties)
        figures.append(Figure(year, direction, amount, e.properties.get("value"), e.properties.get("unit"),
                              e.properties.get("currency"), e, note))
    figures.sort(key=lambda f: (f.year, f.direction, f.edge.id))
    return TradeSeries(nodes[a], nodes[b], figures)
