"""File-level integrity of the embedded store, its backup and its restore.

Nothing here replaces a damaged store silently:

* ``check_file(path)`` (called before the store is opened) refuses a zero-byte,
  truncated, foreign or corrupt SQLite file with a ``DamagedStoreError`` that
  names the file and the way out;
* ``find_bad_row(path)`` names the first node or edge row whose JSON cannot be
  read (called when opening failed on a row);
* ``full_check(path)`` is ``regiograph check``: the SQLite integrity check plus
  every row parsed;
* ``backup(path, target)`` copies a live store with SQLite's online backup API
  (consistent while the server runs) and checks the copy;
* ``restore(backup, path)`` checks the backup and copies it in: over a healthy
  store in place (a running server reloads it), or next to a damaged one,
  which is kept under a new name.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ..errors import StoreError

HEADER = b"SQLite format 3\x00"
TABLES = ("nodes", "edges", "meta")
WAY_OUT = ("Nothing was changed. Ways out: 'regiograph check' shows the details; 'regiograph restore BACKUP' "
           "puts back a copy made with 'regiograph backup'; or move the file away to start an empty store.")


class DamagedStoreError(StoreError):
    code = "damaged_store"


@dataclass
class CheckReport:
    path: str
    ok: bool = True
    problems: list[str] = field(default_factory=list)
    nodes: int = 0
    edges: int = 0

    def add(self, problem: str) -> None:
        self.ok = False
        self.problems.append(problem)

    def to_dict(self) -> dict:
        return {"path": self.path, "ok": self.ok, "problems": self.problems, "nodes": self.nodes, "edges": self.edges}


def _damaged(path: Path, what: str) -> DamagedStoreError:
    return DamagedStoreError(f"the embedded store {path} is damaged: {what}. {WAY_OUT}",
                             details=[{"file": str(path), "field": "store", "message": what}])


def header_problem(path: Path) -> str | None:
    """What is wrong with the file as an SQLite database, judged from its size and header (no SQLite needed)."""
    size = path.stat().st_size
    if size == 0:
        return "the file has zero bytes"
    if size < 100:
        return f"the file has only {size} bytes (truncated)"
    with open(path, "rb") as f:
        head = f.read(100)
    if head[:16] != HEADER:
        return "the file is not an SQLite database (wrong header)"
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        return f"the header names an impossible page size ({page_size})"
    pages = int.from_bytes(head[28:32], "big")
    valid = head[24:28] == head[92:96]
    if valid and pages and size < pages * page_size:
        return f"the file is truncated: {size} bytes, the header says {pages} pages of {page_size} bytes"
    if size % page_size:
        return f"the file is truncated: {size} bytes is not a whole number of {page_size}-byte pages"
    return None


def _ro(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)


def check_file(path: str | Path, *, thorough: bool = False) -> None:
    """Raise DamagedStoreError unless ``path`` is missing (a new store) or a healthy store file."""
    path = Path(path)
    if not path.exists():
        return
    problem = header_problem(path)
    if problem is None:
        problem = _sqlite_problem(path, "integrity_check" if thorough else "quick_check")
    if problem:
        raise _damaged(path, problem)


def _sqlite_problem(path: Path, pragma: str) -> str | None:
    try:
        db = _ro(path)
        try:
            rows = [r[0] for r in db.execute(f"PRAGMA {pragma}")]  # pragma: one of two fixed names
            if rows != ["ok"]:
                return f"SQLite {pragma}: " + "; ".join(map(str, rows[:5]))
            names = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        finally:
            db.close()
    except sqlite3.DatabaseError as e:
        return f"SQLite cannot read it ({e})"
    missing = [t for t in TABLES if t not in names]
    if missing and names:
        return f"it is not a Regiograph store (no table {', '.join(missing)})"
    return None


def _read_rows(db):
    """Every node and edge row parsed, in table and id order: (table, None) for a readable row,
    (table, what is wrong) for one whose stored JSON is not a node or edge."""
    from ..model import Edge, Node

    for table, make in (("nodes", Node.from_dict), ("edges", Edge.from_dict)):
        for rid, data in db.execute(f"SELECT id, data FROM {table} ORDER BY id"):  # table: fixed names
            try:
                make(json.loads(data))
            except (ValueError, TypeError, KeyError, AttributeError, IndexError) as e:
                yield table, f"{table} row '{rid}' cannot be read ({type(e).__name__}: {str(e)[:200]})"
            else:
                yield table, None


def find_bad_row(path: str | Path) -> str | None:
    """The first row whose stored JSON cannot be read as a node or edge, described by table and id."""
    db = _ro(Path(path))
    try:
        return next((problem for _table, problem in _read_rows(db) if problem), None)
    finally:
        db.close()


def bad_row_error(path: str | Path) -> DamagedStoreError | None:
    found = find_bad_row(path)
    return _damaged(Path(path), found) if found else None


def full_check(path: str | Path) -> CheckReport:
    """Everything: header, SQLite integrity_check, tables, and every row parsed."""
    path = Path(path)
    report = CheckReport(str(path))
    if not path.exists():
        report.add("the file does not exist (a new store is created at the first start)")
        return report
    problem = header_problem(path) or _sqlite_problem(path, "integrity_check")
    if problem:
        report.add(problem)
        return report
    db = _ro(path)
    try:
        for table, problem in _read_rows(db):
            if problem:
                report.add(problem)
            elif table == "nodes":
                report.nodes += 1
            else:
                report.edges += 1
    finally:
        db.close()
    return report


Progress = Callable[[int, int], None]


def _copy(src: sqlite3.Connection, dst: sqlite3.Connection, progress: Progress | None) -> None:
    def step(status, remaining, total):
        if progress:
            progress(total - remaining, total)

    src.backup(dst, pages=256, progress=step)


def backup(path: str | Path, target: str | Path, progress: Progress | None = None) -> CheckReport:
    """Copy the live store at ``path`` to ``target`` with the online backup API, then check the copy."""
    path, target = Path(path), Path(target)
    check_file(path)
    if not path.exists():
        raise StoreError(f"there is no embedded store at {path} to back up; check REGIOGRAPH_DATA_DIR")
    if target.exists():
        raise StoreError(f"{target} exists; choose a new file name for the backup")
    tmp = target.with_name(target.name + ".partial")
    tmp.unlink(missing_ok=True)
    src, dst = _ro(path), sqlite3.connect(tmp)
    try:
        _copy(src, dst, progress)
    finally:
        src.close()
        dst.close()
    report = full_check(tmp)
    if not report.ok:
        tmp.unlink(missing_ok=True)
        raise StoreError(f"the backup copy failed its check ({report.problems[0]}); nothing was kept")
    os.replace(tmp, target)
    report.path = str(target)
    return report


def restore(source: str | Path, path: str | Path, progress: Progress | None = None) -> dict:
    """Put the backup ``source`` in place of the store at ``path``. A damaged store is kept aside, renamed."""
    source, path = Path(source), Path(path)
    report = full_check(source)
    if not report.ok:
        raise StoreError(f"the backup {source} is damaged ({report.problems[0]}); nothing was changed")
    kept = None
    damaged = path.exists() and (header_problem(path) or _sqlite_problem(path, "quick_check"))
    if damaged:
        kept = path.with_name(f"{path.name}.damaged-{time.strftime('%Y%m%d-%H%M%S')}")
        os.replace(path, kept)
        for side in ("-wal", "-shm"):
            extra = path.with_name(path.name + side)
            if extra.exists():
                os.replace(extra, kept.with_name(kept.name + side))
    path.parent.mkdir(parents=True, exist_ok=True)
    old_epoch = 0
    if path.exists():
        with sqlite3.connect(path, timeout=30) as live:
            row = live.execute("SELECT value FROM meta WHERE key='epoch'").fetchone()
            old_epoch = int(row[0]) if row else 0
    src, dst = _ro(source), sqlite3.connect(path, timeout=30)
    try:
        _copy(src, dst, progress)
        row = dst.execute("SELECT value FROM meta WHERE key='epoch'").fetchone()
        new_epoch = int(row[0]) if row else 0
        # a running server and the saved array index follow the epoch: moving it forward makes
        # both rebuild from the restored database instead of applying a change log that no longer fits
        dst.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('epoch', ?)", (str(max(old_epoch, new_epoch) + 1),))
        dst.commit()
    finally:
        src.close()
        dst.close()
    return {"restored": str(path), "from": str(source), "nodes": report.nodes, "edges": report.edges,
            "damaged_store_kept_as": str(kept) if kept else None}
