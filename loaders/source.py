"""The source interface shared by the open-data loaders (wikidata, gleif, genesis, mapping).

A source module exposes ``SOURCE = Source(name, read, options)``; ``read(files,
options, progress)`` yields ``NodeRecord`` and ``EdgeRecord`` objects while it
streams its files. ``run`` collects them into one ``Batch`` (with the dataset's
Document record) and hands it to ``store.load``: validation, identifier
resolution and the write are those of every load (all-or-nothing, idempotent).

The registry is ``loaders/sources.yaml``; ``registry()`` reads it.
"""

from __future__ import annotations

import codecs
import datetime as _dt
import gzip
import importlib
import io
import sys
import time
import zipfile
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, TextIO

import yaml

from graph import collector
from graph.errors import LoadError, ValidationError
from graph.model import Batch, EdgeRecord, LoadReport, NodeRecord, Origin, Source as Prov
from graph.text import slug

REGISTRY_FILE = Path(__file__).parent / "sources.yaml"


# ------------------------------------------------------------------ errors


def fail(file: str, line: int | None, field_: str, message: str) -> ValidationError:
    """A ValidationError naming file, line or record, and field."""
    where = f"{file}:{line}" if line is not None else file
    return ValidationError(f"{where}: field '{field_}': {message}; nothing was loaded",
                           details=[{"file": file, "line": line, "field": field_, "message": message}])


# ---------------------------------------------------------------- progress


class RowProgress:
    """Counts rows read and prints the count and rate to stderr about once a second."""

    def __init__(self, label: str, stream: TextIO | None = sys.stderr, every_seconds: float = 1.0) -> None:
        self.label, self.stream, self.every = label, stream, every_seconds
        self.rows = 0
        self.notes: list[str] = []
        self.start = time.perf_counter()
        self._last = self.start
        self._next = 1024

    def tick(self, n: int = 1) -> None:
        self.rows += n
        if self.stream is not None and self.rows >= self._next:  # (readers tick per row or per batch)
            self._next = self.rows + 1024
            now = time.perf_counter()
            if now - self._last >= self.every:
                self._last = now
                self.stream.write(f"\r{self.label}: {self.rows:,} rows ({self.rate:,.0f} rows/s)")
                self.stream.flush()

    def note(self, text: str) -> None:
        """Something the user should know (skipped rows), reported with the load."""
        self.notes.append(text)

    @property
    def seconds(self) -> float:
        return time.perf_counter() - self.start

    @property
    def rate(self) -> float:
        return self.rows / max(self.seconds, 1e-9)

    def done(self) -> None:
        if self.stream is not None:
            self.stream.write(f"\r{self.label}: {self.rows:,} rows in {self.seconds:.1f} s ({self.rate:,.0f} rows/s)\n")
            self.stream.flush()


# ------------------------------------------------------------------- files


def open_text(path: Path, encoding: str = "utf-8-sig", member_suffixes: tuple[str, ...] = (".csv", ".json")) -> TextIO:
    """A streamed text reader over a file, a .gz file or the first matching member of a .zip."""
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise LoadError(f"{path}: unknown encoding '{encoding}'") from None
    return io.TextIOWrapper(open_binary(path, member_suffixes), encoding=encoding, newline="")


def open_binary(path: Path, member_suffixes: tuple[str, ...] = (".csv", ".json")) -> io.BufferedReader:
    """A buffered byte reader over a file, a .gz file or the first matching member of a .zip."""
    if not path.exists():
        raise LoadError(f"{path}: no such file")
    if path.is_dir():
        raise LoadError(f"{path}: is a folder; give the file")
    suffix = path.suffix.lower()
    if suffix == ".zip":
        try:
            zf = zipfile.ZipFile(path)
        except zipfile.BadZipFile as e:
            raise LoadError(f"{path}: not a readable zip archive: {e}") from None
        names = [n for n in zf.namelist() if n.lower().endswith(member_suffixes)]
        if not names:
            raise LoadError(f"{path}: the archive holds no {' or '.join(member_suffixes)} file")
        raw = zf.open(names[0])
    elif suffix == ".gz":
        raw = gzip.open(path, "rb")
    else:
        raw = open(path, "rb")
    return raw if isinstance(raw, io.BufferedReader) else io.BufferedReader(raw, 1 << 20)


def decode_error(path: Path, line: int | None, e: UnicodeDecodeError, encoding: str) -> LoadError:
    return LoadError(f"{path}:{line or '?'}: not valid {encoding} ({e.reason}); "
                     "pass --encoding with the file's encoding (e.g. cp1252 for older GENESIS downloads)")


# ----------------------------------------------------------------- dataset


def document_type() -> str:
    return registry_data()["document_type"]


@dataclass
class Dataset:
    """The Document node that records where one load's facts come from."""

    source: str
    title: str
    dataset: str
    publisher: str
    version: str | None = None
    retrieved: str | None = None
    url: str | None = None
    licence: str | None = None
    language: str | None = None

    @property
    def id(self) -> str:
        key = (self.dataset, self.version, self.retrieved)
        if self.__dict__.get("_id_key") != key:
            self.__dict__["_id_key"] = key
            self.__dict__["_id"] = "doc:" + slug(f"{self.dataset}-{self.version or self.retrieved or 'undated'}")[:190]
        return self.__dict__["_id"]

    def record(self, file: str) -> NodeRecord:
        props = {"title": self.title, "publisher": self.publisher, "kind": "dataset", "dataset": self.dataset,
                 "version": self.version, "retrieved": self.retrieved, "url": self.url, "licence": self.licence,
                 "language": self.language}
        return NodeRecord(type=document_type(), id=self.id, name={"en": self.title},
                          properties={k: v for k, v in props.items() if v}, origin=Origin(file, None))

    def source_at(self, locator: str) -> list[Prov]:
        return [Prov(self.id, locator)]


def file_date(path: Path) -> str:
    """The file's modification day (the download day when the file was not touched since)."""
    return _dt.datetime.fromtimestamp(path.stat().st_mtime, _dt.timezone.utc).date().isoformat()


# ------------------------------------------------------------------ source


@dataclass(frozen=True)
class Option:
    """A source-specific command-line option (``--name VALUE``)."""

    name: str
    help: str
    default: Any = None
    flag: bool = False


COMMON_OPTIONS = (
    Option("version", "dataset version or data date as the publisher states it (default: from the file, if it says)"),
    Option("retrieved", "day the file was downloaded, YYYY-MM-DD (default: the file's modification day)"),
    Option("url", "where the file was downloaded from (default: the source's download page)"),
    Option("encoding", "text encoding of the files", default="utf-8-sig"),
)

Record = NodeRecord | EdgeRecord
Reader = Callable[[list[Path], dict[str, Any], RowProgress], Iterator[Record]]


@dataclass(frozen=True)
class Source:
    name: str
    summary: str
    read: Reader
    options: tuple[Option, ...] = ()
    # called with the options after a load has committed (not after a dry run): work
    # outside the graph that must happen only when the load did (the ECB rate table)
    finish: Callable[[dict[str, Any]], None] | None = None

    def all_options(self) -> tuple[Option, ...]:
        return COMMON_OPTIONS + self.options


_REGISTRY: dict | None = None


def registry_data() -> dict:
    global _REGISTRY
    if _REGISTRY is None:
        _REGISTRY = yaml.safe_load(REGISTRY_FILE.read_text(encoding="utf-8"))
    return _REGISTRY


def registry() -> dict[str, Source]:
    """Every source with a module, by name (in the order of loaders/sources.yaml)."""
    out = {}
    for name, entry in registry_data()["sources"].items():
        if entry.get("module"):
            out[name] = importlib.import_module(entry["module"]).SOURCE
    return out


def get(name: str) -> Source:
    sources = registry()
    if name not in sources:
        raise LoadError(f"unknown source '{name}'; known: {', '.join(registry_data()['sources'])}")
    return sources[name]


# --------------------------------------------------------------------- run


CHUNK_RECORDS = 50_000  # records prepared and written at a time by a streamed load


@dataclass
class ReadResult:
    batch: Batch | None  # the whole batch (``read``); None for a streamed load, which keeps no batch
    rows: int
    seconds: float
    documents: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    node_records: int = 0
    edge_records: int = 0
    chunks: int = 1

    def to_dict(self) -> dict[str, Any]:
        return {"rows": self.rows, "seconds": round(self.seconds, 3),
                "rows_per_second": round(self.rows / max(self.seconds, 1e-9)),
                "node_records": self.node_records, "edge_records": self.edge_records,
                "chunks": self.chunks, "documents": self.documents, **({"notes": self.notes} if self.notes else {})}


def _options(source: Source, options: dict[str, Any] | None) -> dict[str, Any]:
    opts = {o.name: o.default for o in source.all_options()}
    opts.update({k: v for k, v in (options or {}).items() if v is not None})
    return opts


def _paths(files: Iterable[str | Path]) -> list[Path]:
    paths = [Path(f) for f in files]
    for p in paths:
        if not p.exists():
            raise LoadError(f"{p}: no such file")
    return paths


def read(source: Source, files: Iterable[str | Path], options: dict[str, Any] | None = None,
         progress: RowProgress | None = None) -> ReadResult:
    """Stream the files through the source into one batch (nothing is written)."""
    paths = _paths(files)
    progress = progress or RowProgress(source.name, stream=None)
    progress.start = progress._last = time.perf_counter()
    batch = Batch(label=", ".join(str(p) for p in paths), review_ambiguous=True)
    docs = []
    for rec in source.read(paths, _options(source, options), progress):
        if isinstance(rec, NodeRecord):
            batch.nodes.append(rec)
            if rec.type == document_type() and rec.id:
                docs.append(rec.id)
        else:
            batch.edges.append(rec)
    progress.done()
    return ReadResult(batch, progress.rows, progress.seconds, docs, list(progress.notes),
                      len(batch.nodes), len(batch.edges))


class _DryRun(Exception):
    """Raised inside the write transaction of a streamed dry run, so that it rolls back."""


def _add(total: LoadReport, part: LoadReport) -> None:
    from graph.identity import MAX_REVIEW

    for f in ("nodes_created", "nodes_updated", "nodes_unchanged", "edges_created", "edges_updated", "edges_unchanged"):
        setattr(total, f, getattr(total, f) + getattr(part, f))
    more = next((r for r in total.review if r.get("kind") == "more"), None)
    items = [r for r in total.review if r.get("kind") != "more"]
    counts = dict(more["counts"]) if more else {}
    for r in part.review:
        if r.get("kind") == "more":
            for k, v in r["counts"].items():
                counts[k] = counts.get(k, 0) + v
        elif len(items) < MAX_REVIEW:
            items.append(r)
        else:
            counts[r["kind"]] = counts.get(r["kind"], 0) + 1
    total.review[:] = items + ([{"kind": "more", "message": "further review items, counted by kind", "counts": counts}]
                               if counts else [])


def run(store, source: Source | str, files: Iterable[str | Path], options: dict[str, Any] | None = None, *,
        dry_run: bool = False, progress: RowProgress | None = None, write_progress=None,
        chunk_records: int = CHUNK_RECORDS) -> tuple[ReadResult, LoadReport]:
    """Read the files and load them as one all-or-nothing load; returns what was read and the load report.

    Records are taken from the source's stream ``chunk_records`` at a time. A load that fits
    in one chunk is read first and written as one batch (``store.load``). A larger one is
    **streamed**: one write transaction of the store (``store.writing()``) is opened, and
    each chunk is checked, resolved and merged against what the transaction sees (the
    committed graph plus the chunks before it) and written into it; memory holds one chunk.
    Any error - a bad record in a late chunk, an interruption - rolls the whole transaction
    back: the graph is as it was. A streamed dry run does the same and rolls back at the end.
    Sources yield a node before the edges that name it (chunks are cut in stream order)."""
    from graph.ingest import prepare
    from graph.progress import stage

    if isinstance(source, str):
        source = get(source)
    paths = _paths(files)
    progress = progress or RowProgress(source.name, stream=None)
    progress.start = progress._last = time.perf_counter()
    label = ", ".join(str(p) for p in paths)
    opts = _options(source, options)
    stream = iter(source.read(paths, opts, progress))
    docs: list[str] = []
    counts = {"nodes": 0, "edges": 0}

    def chunk() -> Batch | None:
        b = Batch(label=label, review_ambiguous=True)
        for rec in stream:
            if isinstance(rec, NodeRecord):
                b.nodes.append(rec)
                counts["nodes"] += 1
                if rec.type == document_type() and rec.id:
                    docs.append(rec.id)
            else:
                b.edges.append(rec)
                counts["edges"] += 1
            if len(b.nodes) + len(b.edges) >= chunk_records:
                return b
        return b if (b.nodes or b.edges) else None

    first = chunk() or Batch(label=label, review_ambiguous=True)
    nxt = chunk() if len(first.nodes) + len(first.edges) >= chunk_records else None
    n_chunks = 1
    if nxt is None:  # one chunk: read first, then one batch write
        progress.done()
        with collector.paused():
            report = store.load(first, progress=write_progress, dry_run=dry_run)
    else:
        report = LoadReport()
        try:
            with store.writing() as w, getattr(w, "bulk", nullcontext)():
                current: Batch | None = first
                while current is not None:
                    with collector.paused():
                        plan = prepare(current, store.schema, w, write_progress)
                        _add(report, plan.report)
                        if plan.nodes or plan.edges:
                            stage(write_progress, "writing")
                            w.write(plan.nodes, plan.edges, progress=write_progress)
                        del plan
                    current, nxt = (nxt if nxt is not None else chunk()), None
                    n_chunks += current is not None
                progress.done()
                if dry_run:
                    raise _DryRun
        except _DryRun:
            pass
    if source.finish is not None and not dry_run:
        source.finish(opts)
    result = ReadResult(None if n_chunks > 1 else first, progress.rows, progress.seconds, docs, list(progress.notes),
                        counts["nodes"], counts["edges"], n_chunks)
    return result, report
