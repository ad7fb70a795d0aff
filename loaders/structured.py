"""Structured loaders: YAML, JSON and CSV files in the record format (docs/FORMAT.md) -> Batch.

Parsing only: the records are checked against the schema and the store by
``graph.ingest.prepare`` when the batch is loaded. Problems found here raise
``LoadError`` (unreadable file) or ``ValidationError`` (bad record shape), each
naming the file and line.
"""

from __future__ import annotations

import codecs
import csv
import io
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

import yaml

from graph import collector
from graph.errors import LoadError, ValidationError
from graph.model import Batch, EdgeRecord, NodeRecord, Origin

from .jsonstream import JsonRecords

Progress = Callable[[int, int], None]  # (done, total)

MAX_FILE_BYTES = 512 * 1024 * 1024  # YAML and CSV are read whole; JSON is streamed
CHUNK_BYTES = 1 << 20
FORMAT = "regiograph/1"
NODE_KEYS = {"id", "type", "name", "aliases", "properties", "valid_from", "valid_to", "sources", "evidence"}
EDGE_KEYS = {"id", "type", "source", "target", "properties", "valid_from", "valid_to", "sources", "evidence"}
LANGS_CSV = ("de", "en", "ko", "ja", "zh")


def _check_file(path: Path, limit: int | None = MAX_FILE_BYTES) -> int:
    try:
        size = path.stat().st_size
    except OSError as e:
        raise LoadError(f"{path}: cannot read the file: {e.strerror or e}") from None
    if path.is_dir():
        raise LoadError(f"{path}: is a folder; give files, or use load_path for a folder")
    if limit is not None and size > limit:
        raise LoadError(f"{path}: {size} bytes is larger than the limit of {limit}; split the file")
    return size


def _binary(path: Path, head: bytes) -> None:
    if b"\x00" in head[:8192]:
        raise LoadError(f"{path}: looks like a binary file (NUL bytes), not YAML, JSON or CSV text")


def _not_utf8(path: Path, data: bytes, start: int, lines_before: int = 0, offset_before: int = 0) -> LoadError:
    line = lines_before + data[:start].count(b"\n") + 1
    return LoadError(
        f"{path}:{line}: not valid UTF-8 (byte 0x{data[start]:02x} at offset {offset_before + start}); "
        "re-save the file as UTF-8"
    )


def read_text(path: Path) -> str:
    """Read a UTF-8 file (a BOM is accepted) or raise LoadError naming file and line."""
    _check_file(path)
    data = path.read_bytes()
    _binary(path, data)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise _not_utf8(path, data, e.start) from None


def read_chunks(path: Path, progress: Progress | None = None, chunk_bytes: int = CHUNK_BYTES) -> Iterator[str]:
    """The file's text in chunks of about ``chunk_bytes`` (UTF-8, a BOM is accepted), for streaming parsers;
    ``progress(bytes_read, size)`` after each chunk."""
    size = _check_file(path, None)
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    lines = offset = 0
    try:
        f = path.open("rb")
    except OSError as e:
        raise LoadError(f"{path}: cannot read the file: {e.strerror or e}") from None
    with f:
        while True:
            data = f.read(chunk_bytes)
            if offset == 0:
                _binary(path, data)
            try:
                text = decoder.decode(data, final=not data)
            except UnicodeDecodeError as e:
                start = max(0, min(e.start - len(e.object) + len(data), len(data) - 1))
                raise _not_utf8(path, data, start, lines, offset) from None
            lines += data.count(b"\n")
            offset += len(data)
            if progress:
                progress(offset, size)
            if text:
                yield text
            if not data:
                return


# ------------------------------------------------------------ YAML and JSON


_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when installed: about 10x faster


class _LineLoader(_SafeLoader):
    """SafeLoader (libyaml's when available) that remembers the line of every mapping (key '__line__')."""


def _construct_mapping(loader, node, deep=False):
    mapping = yaml.constructor.SafeConstructor.construct_mapping(loader, node, deep=deep)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
# dates stay strings ('2022-05-17'): the schema checks them, and a bad one
# ('2022-13-01') becomes a field error instead of a YAML crash
_LineLoader.yaml_implicit_resolvers = {
    ch: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for ch, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _strip_lines(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _strip_lines(v) for k, v in value.items() if k != "__line__"}
    if isinstance(value, list):
        return [_strip_lines(v) for v in value]
    return value


class _Records:
    """Builds a Batch record by record, checking each one's shape at once (so an
    error in the first record is reported before the rest of the file is read)."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.batch = Batch(label=file)
        self.top_line: int | None = None

    def key(self, key: Any, line: int | None) -> None:
        file = self.file
        if key not in ("nodes", "edges", "format"):
            raise ValidationError(
                f"{file}:{line or 1}: unknown top-level key '{key}'; allowed: format, nodes, edges",
                details=[{"file": file, "line": line, "field": str(key), "message": "unknown top-level key"}],
            )

    def format(self, value: Any, line: int | None) -> None:
        if value != FORMAT:
            raise ValidationError(
                f"{self.file}: field 'format' is '{value}', expected '{FORMAT}'",
                details=[{"file": self.file, "line": line, "field": "format", "message": "unsupported format"}],
            )

    def section(self, section: str, items: Any, line: int | None) -> None:
        if items is None:
            return
        if not isinstance(items, list):
            raise ValidationError(
                f"{self.file}: '{section}' must be a list",
                details=[{"file": self.file, "line": line, "field": section, "message": "must be a list"}],
            )

    def record(self, section: str, i: int, raw: Any, line: int | None) -> None:
        file = self.file
        where = f"{file}:{line}" if line else f"{file} {section}[{i}]"
        if not isinstance(raw, dict):
            raise ValidationError(
                f"{where}: each entry of '{section}' must be a mapping",
                details=[{"file": file, "line": line, "field": f"{section}[{i}]", "message": "not a mapping"}],
            )
        keys = NODE_KEYS if section == "nodes" else EDGE_KEYS
        if not raw.keys() <= keys:
            name = sorted(set(raw) - keys)[0]
            raise ValidationError(
                f"{where}: unknown field '{name}' in {section[:-1]}; allowed: {', '.join(sorted(keys))}",
                details=[{"file": file, "line": line, "field": name, "message": "unknown field"}],
            )
        origin = Origin(file, line)
        if section == "nodes":
            self.batch.nodes.append(_node(raw, origin))
        else:
            self.batch.edges.append(_edge(raw, origin))


def _top_mismatch(file: str, data: Any) -> LoadError:
    if data is None:
        return LoadError(f"{file}: the file is empty; expected a mapping with 'nodes' and/or 'edges'")
    return LoadError(f"{file}: expected a mapping with 'nodes' and/or 'edges' at the top, got a {type(data).__name__}")


def parse_json_chunks(chunks: Iterable[str], file: str) -> Batch:
    """JSON records from text chunks, streamed: each record parsed by the C JSON decoder
    (which reports the position of a syntax error itself) and checked as soon as it is read."""
    out = _Records(file)
    key = None
    seen = False
    for ev in JsonRecords(iter(chunks), file).events():
        kind = ev[0]
        if kind == "record":
            _, section, i, raw, line = ev
            out.record(section, i, raw, line)
        elif kind == "key":
            seen = True
            key, line = ev[1], ev[2]
            out.key(key, line)
            if key in ("nodes", "edges"):
                getattr(out.batch, key).clear()  # a repeated key counts once, as in json.loads
        elif key is None:  # the whole document is not a mapping
            if not seen:
                raise _top_mismatch(file, ev[1])
        elif key == "format":
            out.format(ev[1], ev[2])
        else:
            out.section(key, ev[1], ev[2])
    return out.batch


def parse_document(text: str, file: str, kind: str) -> Batch:
    """Parse YAML (``kind='yaml'``) or JSON text in the record format."""
    with collector.paused():  # many objects, no cycles: no full collections meanwhile (graph/collector.py)
        return _parse_document(text, file, kind)


def _parse_document(text: str, file: str, kind: str) -> Batch:
    if kind == "json":
        return parse_json_chunks([text], file)
    try:
        data = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - SafeLoader subclass
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        raise LoadError(f"{file}{line}: invalid YAML: {getattr(e, 'problem', None) or e}") from None
    if not isinstance(data, dict):
        raise _top_mismatch(file, data)
    out = _Records(file)
    top_line = data.get("__line__")
    for key in data:
        if key != "__line__":
            out.key(key, top_line)
    if "format" in data:
        out.format(data["format"], top_line)
    for section in ("nodes", "edges"):
        items = data.get(section)
        out.section(section, items, top_line)
        for i, raw in enumerate(items or []):
            line = raw.pop("__line__", None) if isinstance(raw, dict) else None
            out.record(section, i, _strip_lines(raw), line)
    return out.batch


def _node(raw: dict, origin: Origin) -> NodeRecord:
    return NodeRecord(
        type=raw.get("type"),
        name=raw.get("name"),
        id=raw.get("id"),
        aliases=raw.get("aliases") or {},
        properties=raw.get("properties") or {},
        valid_from=raw.get("valid_from"),
        valid_to=raw.get("valid_to"),
        sources=raw.get("sources") if raw.get("sources") is not None else [],
        origin=origin,
    )


def _edge(raw: dict, origin: Origin) -> EdgeRecord:
    return EdgeRecord(
        type=raw.get("type"),
        source=raw.get("source"),
        target=raw.get("target"),
        properties=raw.get("properties") or {},
        valid_from=raw.get("valid_from"),
        valid_to=raw.get("valid_to"),
        sources=raw.get("sources") if raw.get("sources") is not None else [],
        origin=origin,
    )


# --------------------------------------------------------------------- CSV


def _split(cell: str) -> list[str]:
    return [p.strip() for p in cell.split(";") if p.strip()]


def _sources(cell: str) -> list[dict]:
    out = []
    for part in _split(cell):
        doc, _, loc = part.partition("@")
        out.append({"document": doc.strip(), "locator": loc.strip()})
    return out


def parse_csv(text: str, file: str) -> Batch:
    """A nodes file or an edges file (told apart by the 'source'/'target' columns)."""
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = reader.fieldnames
    if not header:
        raise LoadError(f"{file}: the CSV file is empty; expected a header row")
    header = [h.strip() for h in header]
    reader.fieldnames = header
    is_edges = "source" in header and "target" in header
    required = ("type", "source", "target") if is_edges else ("type",)
    for col in required:
        if col not in header:
            raise ValidationError(
                f"{file}:1: missing column '{col}'",
                details=[{"file": file, "line": 1, "field": col, "message": "missing column"}],
            )
    known = (
        {"type", "source", "target", "valid_from", "valid_to", "sources"}
        if is_edges
        else {"id", "type", "valid_from", "valid_to", "sources"}
        | {f"name_{lang}" for lang in LANGS_CSV}
        | {f"aliases_{lang}" for lang in LANGS_CSV}
    )
    for col in header:
        if col not in known and not col.startswith("prop."):
            raise ValidationError(
                f"{file}:1: unknown column '{col}'; property columns are named 'prop.<name>'",
                details=[{"file": file, "line": 1, "field": col, "message": "unknown column"}],
            )
    batch = Batch(label=file)
    try:
        for row in reader:
            line = reader.line_num
            origin = Origin(file, line)
            if None in row:
                raise ValidationError(
                    f"{file}:{line}: the row has more cells than the header",
                    details=[{"file": file, "line": line, "field": "", "message": "too many cells"}],
                )
            cells = {k: (v or "").strip() for k, v in row.items()}
            if not any(cells.values()):
                continue
            props = {k[5:]: v for k, v in cells.items() if k.startswith("prop.") and v != ""}
            common = dict(
                properties=props,
                valid_from=cells.get("valid_from") or None,
                valid_to=cells.get("valid_to") or None,
                sources=_sources(cells.get("sources", "")),
                origin=origin,
            )
            if is_edges:
                batch.edges.append(EdgeRecord(type=cells["type"], source=cells["source"], target=cells["target"], **common))
            else:
                names = {lang: cells[f"name_{lang}"] for lang in LANGS_CSV if cells.get(f"name_{lang}")}
                aliases = {lang: _split(cells[f"aliases_{lang}"]) for lang in LANGS_CSV if cells.get(f"aliases_{lang}")}
                batch.nodes.append(
                    NodeRecord(type=cells["type"], name=names, id=cells.get("id") or None, aliases=aliases, **common)
                )
    except csv.Error as e:
        raise LoadError(f"{file}:{reader.line_num}: malformed CSV: {e}") from None
    return batch


# -------------------------------------------------------------------- files

SUFFIXES = {".yaml": "yaml", ".yml": "yaml", ".json": "json", ".csv": "csv"}


def load_file(path: str | Path, progress: Progress | None = None) -> Batch:
    """One record file as a Batch; ``progress(bytes_read, size)`` while it is read (JSON is streamed)."""
    p = Path(path)
    kind = SUFFIXES.get(p.suffix.lower())
    if kind is None:
        raise LoadError(f"{p}: unknown file type '{p.suffix}'; use .yaml, .yml, .json or .csv")
    if kind == "json":
        return parse_json_chunks(read_chunks(p, progress), str(p))
    text = read_text(p)
    batch = parse_csv(text, str(p)) if kind == "csv" else parse_document(text, str(p), kind)
    if progress:
        size = p.stat().st_size
        progress(size, size)
    return batch


def expand(paths: Iterable[str | Path]) -> list[Path]:
    """Files named, with folders replaced by their record files (sorted)."""
    out: list[Path] = []
    for path in paths:
        p = Path(path)
        if p.is_dir():
            files = sorted(f for f in p.iterdir() if f.suffix.lower() in SUFFIXES and f.is_file())
            if not files:
                raise LoadError(f"{p}: the folder holds no .yaml, .yml, .json or .csv files")
            out.extend(files)
        elif not p.exists():
            raise LoadError(f"{p}: no such file or folder")
        else:
            out.append(p)
    return out


def load_paths(paths: Iterable[str | Path], progress: Progress | None = None) -> Batch:
    """All records of the given files and folders as one batch (one all-or-nothing load).
    CSV node files are read before CSV edge files. ``progress(bytes_read, total_bytes)`` over all files."""
    files = expand(paths)
    batch = Batch(label=", ".join(str(f) for f in files))
    total = sum(f.stat().st_size for f in files)
    done = 0
    for f in files:
        each = (lambda n, _size, base=done: progress(base + n, total)) if progress else None
        batch.extend(load_file(f, each))
        done += f.stat().st_size
    return batch
