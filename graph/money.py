"""One unit for money: every money-carrying edge gets its amount in euros.

An edge type opts in with a ``money:`` mapping in its schema file, naming the
properties that hold the figure as written (``value``), its scale (``unit``:
one/thousand/million/billion), its ``currency``, the derived amount in euros
(``eur``) and a statistical quality flag (``flag``). ``normalize`` is applied
by ``graph.ingest.prepare`` to every such edge:

* EUR figures get ``value_eur = value x unit`` (exact decimal arithmetic, so
  1.16 billion is 1160000000, not 1159999999.9999998);
* a given ``value_eur`` that disagrees with value x unit is an error;
* a flow needs a value or a quality flag: a cell reported as ``-`` or ``.``
  is kept as that flag, never read as zero;
* other currencies keep their figure; no exchange rate is guessed, so they
  carry no ``value_eur``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

SCALE = {"one": Decimal(1), "thousand": Decimal(10) ** 3, "million": Decimal(10) ** 6, "billion": Decimal(10) ** 9}
EURO = "EUR"


def to_eur(value: Any, unit: str | None) -> int | float:
    """value x unit in euros: an int when whole, else a float."""
    amount = Decimal(str(value)) * SCALE[unit or "one"]
    return int(amount) if amount == amount.to_integral_value() else float(amount)


def normalize(money: dict[str, str], props: dict[str, Any]) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """The properties with the euro amount derived, and a list of (field, problem)."""
    if not money:
        return props, []
    problems: list[tuple[str, str]] = []
    p_value, p_unit, p_cur = money.get("value"), money.get("unit"), money.get("currency")
    p_eur, p_flag = money.get("eur"), money.get("flag")
    value = props.get(p_value) if p_value else None
    flag = props.get(p_flag) if p_flag else None
    given_eur = props.get(p_eur) if p_eur else None
    if value is None:
        if given_eur is None and flag is None:
            problems.append((f"properties.{p_value}", f"needs '{p_value}' (with '{p_unit}' and '{p_cur}'), "
                                                      f"'{p_eur}', or a quality flag '{p_flag}'"))
        return props, problems
    for p in (p_unit, p_cur):
        if p and props.get(p) is None:
            problems.append((f"properties.{p}", f"'{p_value}' {value} needs '{p}' too"))
    if problems or not p_eur:
        return props, problems
    if props.get(p_cur) != EURO:
        return props, problems
    eur = to_eur(value, props.get(p_unit))
    if given_eur is not None and abs(float(given_eur) - eur) > max(1.0, abs(eur) * 1e-9):
        problems.append((f"properties.{p_eur}", f"{given_eur} does not equal {value} {props.get(p_unit)} EUR = {eur}"))
        return props, problems
    return {**props, p_eur: eur}, problems


def display(money: dict[str, str], props: dict[str, Any]) -> str:
    """'890 million EUR (890,000,000 EUR)' / 'not reported (.)' for labels and views."""
    value = props.get(money.get("value", ""))
    eur = props.get(money.get("eur", ""))
    flag = props.get(money.get("flag", ""))
    if value is None:
        if eur is not None:
            return f"{eur:,} EUR"
        return f"no figure ({flag})" if flag else "no figure"
    unit = props.get(money.get("unit", ""))
    text = f"{value:g} {unit} {props.get(money.get('currency', ''), '')}".replace(" one ", " ")
    if eur is not None and unit not in (None, "one"):
        text += f" ({eur:,} EUR)"
    if flag:
        text += f" [{flag}]"
    return text
