"""Partial ISO dates (YYYY, YYYY-MM, YYYY-MM-DD) and validity at a date."""

from __future__ import annotations

import calendar
import re
from datetime import date

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def parse_partial(value: str) -> tuple[int, int | None, int | None]:
    """Parse 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'; raise ValueError naming the value."""
    m = _DATE.match(str(value).strip())
    if not m:
        raise ValueError(f"'{value}' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")
    y = int(m.group(1))
    mo = int(m.group(2)) if m.group(2) else None
    d = int(m.group(3)) if m.group(3) else None
    if mo is not None and not 1 <= mo <= 12:
        raise ValueError(f"'{value}' has month {mo}, not 1-12")
    if d is not None:
        date(y, mo, d)  # raises ValueError for 2023-02-30
    return y, mo, d


def normalize(value) -> str | None:
    """Return the canonical string of a partial date (accepts date objects), or None."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int):
        value = str(value)
    y, mo, d = parse_partial(value)
    if mo is None:
        return f"{y:04d}"
    if d is None:
        return f"{y:04d}-{mo:02d}"
    return f"{y:04d}-{mo:02d}-{d:02d}"


def lower_bound(value: str | None) -> str | None:
    """First day a partial date covers: '2022-05' -> '2022-05-01'."""
    if not value:
        return None
    y, mo, d = parse_partial(value)
    return f"{y:04d}-{mo or 1:02d}-{d or 1:02d}"


def upper_bound(value: str | None) -> str | None:
    """Last day a partial date covers: '2022-02' -> '2022-02-28'."""
    if not value:
        return None
    y, mo, d = parse_partial(value)
    mo = mo or 12
    d = d or calendar.monthrange(y, mo)[1]
    return f"{y:04d}-{mo:02d}-{d:02d}"


def valid_at(valid_from: str | None, valid_to: str | None, as_of: str | None) -> bool:
    """True when a fact valid from..to holds on day ``as_of`` (YYYY-MM-DD); None means always."""
    if as_of is None:
        return True
    lo = lower_bound(valid_from)
    hi = upper_bound(valid_to)
    if lo is not None and as_of < lo:
        return False
    if hi is not None and as_of > hi:
        return False
    return True


def as_of_day(value: str | None) -> str | None:
    """Normalize a query's as_of argument to a full day (partial dates: their first day)."""
    if value is None or value == "":
        return None
    return lower_bound(normalize(value))


FIRST_DAY, LAST_DAY = "0001-01-01", "9999-12-31"


def period(value) -> tuple[str, str] | None:
    """The days a partial date covers, as (first day, last day): '2022' -> ('2022-01-01', '2022-12-31')."""
    v = normalize(value)
    if v is None:
        return None
    return lower_bound(v), upper_bound(v)


def overlaps(lo: str | None, hi: str | None, span: tuple[str, str] | None) -> bool:
    """Whether a fact valid from ``lo`` to ``hi`` (partial dates, None: open) holds at any
    day of ``span`` (first day, last day); ``span`` None means always."""
    if span is None:
        return True
    a = lower_bound(lo) if lo else FIRST_DAY
    b = upper_bound(hi) if hi else LAST_DAY
    return a <= span[1] and b >= span[0]
