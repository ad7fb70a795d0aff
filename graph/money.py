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
* other currencies get ``value_eur = value x unit / rate`` (whole euros) with
  the ECB euro reference rate of the figure's date (``date``: the year of a
  flow -> the mean of that year's daily rates; graph.rates), and the rate and
  its day or days are recorded (``rate``, ``rate_date``); without an installed
  rate table, or without a rate for that currency and date, no rate is guessed
  and they carry no ``value_eur``. A ``value_eur`` given with a foreign figure
  is kept as given.
"""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal
from typing import Any

SCALE = {"one": Decimal(1), "thousand": Decimal(10) ** 3, "million": Decimal(10) ** 6, "billion": Decimal(10) ** 9}
EURO = "EUR"


def to_eur(value: Any, unit: str | None) -> int | float:
    """value x unit in euros: an int when whole, else a float."""
    amount = Decimal(str(value)) * SCALE[unit or "one"]
    return int(amount) if amount == amount.to_integral_value() else float(amount)


def normalize(money: dict[str, str], props: dict[str, Any], rates=None,
              when: str | None = None) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """The properties with the euro amount derived, and a list of (field, problem).
    ``rates``: a ``graph.rates.RateTable`` for figures in other currencies; ``when``: the
    figure's date when the mapping names no ``date`` property (a day or a year)."""
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
        return _foreign(money, props, rates, when), problems
    eur = to_eur(value, props.get(p_unit))
    if given_eur is not None and abs(float(given_eur) - eur) > max(1.0, abs(eur) * 1e-9):
        problems.append((f"properties.{p_eur}", f"{given_eur} does not equal {value} {props.get(p_unit)} EUR = {eur}"))
        return props, problems
    return {**props, p_eur: eur}, problems


def _foreign(money: dict[str, str], props: dict[str, Any], rates, when: str | None) -> dict[str, Any]:
    p_eur, p_rate, p_rdate, p_date = money.get("eur"), money.get("rate"), money.get("rate_date"), money.get("date")
    if rates is None or props.get(p_eur) is not None or not p_rate or not p_rdate:
        return props
    date = props.get(p_date) if p_date else None
    found = rates.rate(props.get(money["currency"]), date if date is not None else when)
    if found is None:
        return props
    amount = Decimal(str(props[money["value"]])) * SCALE[props.get(money.get("unit", "")) or "one"] / found.rate
    eur = int(amount.quantize(Decimal(1), rounding=ROUND_HALF_EVEN))
    rate = int(found.rate) if found.rate == found.rate.to_integral_value() else float(found.rate)
    return {**props, p_eur: eur, p_rate: rate, p_rdate: found.date}


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
    rate = props.get(money.get("rate", ""))
    if eur is not None and rate is not None:
        text += f" ({eur:,} EUR at {rate:g} {props.get(money.get('currency', ''), '')}/EUR, {props.get(money.get('rate_date', ''), '')})"
    elif eur is not None and unit not in (None, "one"):
        text += f" ({eur:,} EUR)"
    if flag:
        text += f" [{flag}]"
    return text
