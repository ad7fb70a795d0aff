"""ECB euro foreign exchange reference rates -> the rate table for ``value_eur`` (``regiograph load ecb FILE``).

Reads the ECB's ``eurofxref-hist.csv`` (or the ``eurofxref-hist.zip`` it comes
in): header ``Date,USD,JPY,...``, one row per publication day, ``N/A`` where a
currency has no rate. The whole file is checked (errors name file, line and
column), the dataset is recorded as a Document node in the graph, and after
the load has committed the checked file becomes the installation's rate table
(``graph.rates``: ``<data folder>/rates/eurofxref-hist.csv``), which every
later load uses to give figures in other currencies their ``value_eur``.
A dry run checks and records nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

from graph import rates
from graph.errors import LoadError

from ..source import Dataset, RowProgress, Source, decode_error, fail, file_date, open_text

PUBLISHER = "European Central Bank"
URL = "https://www.ecb.europa.eu/stats/policy_and_exchange_rates/euro_reference_exchange_rates/html/index.en.html"
LICENCE = "ECB statistics: reuse free of charge with the source acknowledged"
PENDING = "_ecb_table"


def _read(paths: list[Path], opts: dict[str, Any], progress: RowProgress) -> Iterator:
    if len(paths) != 1:
        raise LoadError(f"give one rate file (eurofxref-hist.csv or .zip), got {len(paths)}")
    if rates.location() is None:
        raise LoadError("no folder for the rate table; load through the regiograph command, "
                        "or call graph.rates.configure(folder) first")
    path = paths[0]
    enc = opts["encoding"]
    stream = open_text(path, enc, (".csv",))
    try:
        text = stream.read()
    except UnicodeDecodeError as e:
        raise decode_error(path, None, e, enc) from None
    finally:
        stream.close()
    try:
        table = rates.parse(text, str(path))
    except rates.RateError as e:
        raise fail(str(path), e.line, e.field, e.message) from None
    progress.tick(len(text.splitlines()) - 1)
    opts[PENDING] = table
    ds = Dataset(source="ecb", title="ECB euro foreign exchange reference rates", dataset="ECB eurofxref-hist",
                 publisher=PUBLISHER, version=opts.get("version") or table.last_day,
                 retrieved=opts.get("retrieved") or file_date(path), url=opts.get("url") or URL, licence=LICENCE,
                 language="en")
    yield ds.record(str(path))
    progress.note(f"{path}: rates of {len(table.currencies)} currencies up to {table.last_day}; "
                  f"installed as the rate table when the load commits")


def _finish(opts: dict[str, Any]) -> None:
    table = opts.get(PENDING)
    if table is not None:
        rates.install(table)


SOURCE = Source(
    name="ecb",
    summary="ECB euro reference rates (eurofxref-hist.csv) -> the rate table that converts other currencies to value_eur",
    read=_read,
    finish=_finish,
)
