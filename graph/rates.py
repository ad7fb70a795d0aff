"""Euro exchange rates: the ECB euro foreign exchange reference rates, for ``value_eur``.

The table is data, not graph: one file, ``<folder>/eurofxref-hist.csv``, in the
ECB's own layout (``Date,USD,JPY,...`` - one row per publication day, the
units of each currency one euro buys, ``N/A`` where there is no rate; a
trailing comma adds an empty column). ``regiograph load ecb FILE`` checks a
downloaded file and puts it there (loaders/ecb); the folder is the data folder
of the installation (``regiograph.stores.open_store`` calls ``configure``).

``RateTable.rate(currency, when)`` gives the rate used for a figure:

* ``when`` a day ``YYYY-MM-DD``: that day's reference rate, or the last one
  published before it (weekends, holidays), at most ``MAX_GAP_DAYS`` back;
* ``when`` a year ``YYYY`` (annual trade figures): the mean of the year's
  daily rates - how the ECB computes its annual averages - and the first and
  last day used are recorded (``2021-01-04/2021-12-31``).
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
import os
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

FILE_NAME = "eurofxref-hist.csv"
MAX_GAP_DAYS = 7
CURRENCY = re.compile(r"^[A-Z]{3}$")
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
YEAR = re.compile(r"^\d{4}$")
MISSING = ("N/A", "")


class RateError(ValueError):
    """A rate file that is not in the ECB layout, at ``file`` and ``line`` (None: the whole file), column ``field``."""

    def __init__(self, file: str, line: int | None, field_: str, message: str) -> None:
        super().__init__(f"{file}{'' if line is None else f':{line}'}: field '{field_}': {message}")
        self.file, self.line, self.field, self.message = file, line, field_, message


@dataclass(frozen=True)
class Rate:
    rate: Decimal   # units of the currency per euro
    date: str       # the day used, or 'first/last' day of the days averaged
    days: int       # how many daily rates it stands for


@dataclass
class RateTable:
    """Daily reference rates by currency: sorted days and their rates."""

    days: dict[str, list[str]] = field(default_factory=dict)
    values: dict[str, list[Decimal]] = field(default_factory=dict)
    text: str = ""  # the file as read (kept to save it unchanged)

    @property
    def currencies(self) -> list[str]:
        return sorted(self.days)

    @property
    def last_day(self) -> str | None:
        return max((d[-1] for d in self.days.values() if d), default=None)

    def rate(self, currency: str, when: str | int | None) -> Rate | None:
        """The rate for a figure in ``currency`` dated ``when`` (a day or a year), or None."""
        days = self.days.get(str(currency or "").upper())
        if not days or when is None:
            return None
        when = str(when)
        vals = self.values[currency.upper()]
        if YEAR.match(when):
            lo, hi = bisect_right(days, f"{when}-00-00"), bisect_right(days, f"{when}-99-99")
            if lo == hi:
                return None
            total = sum(vals[lo:hi], Decimal(0))
            return Rate((total / (hi - lo)).quantize(Decimal("0.000001")), f"{days[lo]}/{days[hi - 1]}", hi - lo)
        if DAY.match(when):
            i = bisect_right(days, when) - 1
            if i < 0:
                return None
            gap = _dt.date.fromisoformat(when) - _dt.date.fromisoformat(days[i])
            if gap.days > MAX_GAP_DAYS:
                return None
            return Rate(vals[i], days[i], 1)
        return None


def parse(text: str, file: str = "<rates>") -> RateTable:
    """Read the ECB's eurofxref-hist.csv layout; errors name file, line and column."""
    reader = csv.reader(io.StringIO(text))
    try:
        header = next(reader)
    except StopIteration:
        raise RateError(file, None, "Date", "the file is empty; expected the header 'Date,USD,JPY,...'") from None
    header = [h.strip() for h in header]
    if not header or header[0] != "Date":
        raise RateError(file, 1, header[0] if header else "Date",
                        "the first column must be 'Date' (the ECB's eurofxref-hist.csv layout)")
    cols: list[tuple[int, str]] = []
    for i, h in enumerate(header[1:], 1):
        if h == "":
            continue  # the trailing comma of every line
        if not CURRENCY.match(h):
            raise RateError(file, 1, h, "not an ISO 4217 currency code (three capital letters)")
        cols.append((i, h))
    if not cols:
        raise RateError(file, 1, "Date", "no currency columns")
    rows: dict[str, list[tuple[str, Decimal]]] = {c: [] for _i, c in cols}
    seen: set[str] = set()
    for row in reader:
        line = reader.line_num
        if not row or not any(x.strip() for x in row):
            continue
        if len(row) > len(header):
            raise RateError(file, line, "", f"the row has {len(row)} cells, the header {len(header)}")
        day = row[0].strip()
        if not DAY.match(day):
            raise RateError(file, line, "Date", f"'{day}' is not a day YYYY-MM-DD")
        try:
            _dt.date.fromisoformat(day)
        except ValueError:
            raise RateError(file, line, "Date", f"'{day}' is not a calendar day") from None
        if day in seen:
            raise RateError(file, line, "Date", f"{day} appears twice")
        seen.add(day)
        for i, cur in cols:
            cell = row[i].strip() if i < len(row) else ""
            if cell in MISSING:
                continue
            try:
                value = Decimal(cell)
            except ArithmeticError:
                raise RateError(file, line, cur, f"'{cell}' is neither a rate nor N/A") from None
            if not value.is_finite() or value <= 0:
                raise RateError(file, line, cur, f"'{cell}' is not a positive rate")
            rows[cur].append((day, value))
    if not seen:
        raise RateError(file, None, "Date", "the file has a header but no rates")
    table = RateTable(text=text)
    for cur, pairs in rows.items():
        if pairs:
            pairs.sort()
            table.days[cur] = [d for d, _v in pairs]
            table.values[cur] = [v for _d, v in pairs]
    return table


# ------------------------------------------------------------- where it lives

_folder: Path | None = None
_cache: tuple[float, RateTable] | None = None


def configure(folder: str | Path | None) -> None:
    """Where the rate table of this installation lives (None: no table, no conversion)."""
    global _folder, _cache
    _folder = Path(folder) if folder is not None else None
    _cache = None


def location() -> Path | None:
    return _folder / FILE_NAME if _folder is not None else None


def active() -> RateTable | None:
    """The installed rate table (re-read when the file changes), or None."""
    global _cache
    path = location()
    if path is None or not path.exists():
        return None
    mtime = path.stat().st_mtime
    if _cache is None or _cache[0] != mtime:
        _cache = (mtime, parse(path.read_text(encoding="utf-8"), str(path)))
    return _cache[1]


def install(table: RateTable) -> Path:
    """Put a checked table in place (written beside it, then renamed: never half a file)."""
    path = location()
    if path is None:
        raise RuntimeError("no folder for the rate table: graph.rates.configure(folder) first")
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(table.text, encoding="utf-8")
    os.replace(tmp, path)
    return path

