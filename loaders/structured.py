"""Structured loaders: YAML, JSON and CSV files in the record format (docs/FORMAT.md) -> Batch.

Parsing only: the records are checked against the schema and the store by
``graph.ingest.prepare`` when the batch is loaded. Problems found here raise
``LoadError`` (unreadable file) or ``ValidationError`` (bad record shape), each
naming the file and line.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any, Iterable

import yaml

from graph.errors import LoadError, ValidationError
from graph.model import Batch, EdgeRecord, NodeRecord, Origin

MAX_FILE_BYTES = 512 * 1024 * 1024
FORMAT = "regiograph/1"
NODE_KEYS = {"id", "type", "name", "aliases", "properties", "valid_from", "valid_to", "sources", "evidence"}
EDGE_KEYS = {"id", "type", "source", "target", "properties", "valid_from", "valid_to", "sources", "evidence"}
LANGS_CSV = ("de", "en", "ko", "ja", "zh")


def read_text(path: Path) -> str:
    """Read a UTF-8 file (a BOM is accepted) or raise LoadError naming file and line."""
    try:
        size = path.stat().st_size
    except OSError as e:
        raise LoadError(f"{path}: cannot read the file: {e.strerror or e}") from None
    if path.is_dir():
        raise LoadError(f"{path}: is a folder; give files, or use load_path for a folder")
    if size > MAX_FILE_BYTES:
        raise LoadError(f"{path}: {size} bytes is larger than the limit of {MAX_FILE_BYTES}; split the file")
    data = path.read_bytes()
    if b"\x00" in data[:8192]:
        raise LoadError(f"{path}: looks like a binary file (NUL bytes), not YAML, JSON or CSV text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        raise LoadError(
            f"{path}:{line}: not valid UTF-8 (byte 0x{data[e.start]:02x} at offset {e.start}); "
            "re-save the file as UTF-8"
        ) from None


# ------------------------------------------------------------ YAML and JSON


class _LineLoader(yaml.SafeLoader):
    """SafeLoader that remembers the line of every mapping (key '__line__')."""


def _construct_mapping(loader, node, deep=False):
    mapping = yaml.SafeLoader.construct_mapping(loader, node, deep=deep)
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


def parse_document(text: str, file: str, kind: str) -> Batch:
    """Parse YAML (``kind='yaml'``) or JSON text in the record format."""
    if kind == "json":
        try:
            plain = json.loads(text)
        except json.JSONDecodeError as e:
            raise LoadError(f"{file}:{e.lineno}: invalid JSON at column {e.colno}: {e.msg}") from None
        try:  # JSON is YAML too: re-read it only to learn each record's line
            data = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - SafeLoader subclass
            if _strip_lines(data) != plain:
                data = plain
        except yaml.YAMLError:
            data = plain
    else:
        try:
            data = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - SafeLoader subclass
        except yaml.YAMLError as e:
            mark = getattr(e, "problem_mark", None)
            line = f":{mark.line + 1}" if mark else ""
            raise LoadError(f"{file}{line}: invalid YAML: {getattr(e, 'problem', None) or e}") from None
    if data is None:
        raise LoadError(f"{file}: the file is empty; expected a mapping with 'nodes' and/or 'edges'")
    if not isinstance(data, dict):
        raise LoadError(f"{file}: expected a mapping with 'nodes' and/or 'edges' at the top, got a {type(data).__name__}")
    top_line = data.get("__line__")
    unknown = set(data) - {"nodes", "edges", "format", "__line__"}
    if unknown:
        raise ValidationError(
            f"{file}:{top_line or 1}: unknown top-level key '{sorted(unknown)[0]}'; allowed: format, nodes, edges",
            details=[{"file": file, "line": top_line, "field": sorted(unknown)[0], "message": "unknown top-level key"}],
        )
    if "format" in data and data["format"] != FORMAT:
        raise ValidationError(
            f"{file}: field 'format' is '{data['format']}', expected '{FORMAT}'",
            details=[{"file": file, "line": top_line, "field": "format", "message": "unsupported format"}],
        )
    batch = Batch(label=file)
    for section, keys, make in (("nodes", NODE_KEYS, _node), ("edges", EDGE_KEYS, _edge)):
        items = data.get(section) or []
        if not isinstance(items, list):
            raise ValidationError(
                f"{file}: '{section}' must be a list",
                details=[{"file": file, "line": top_line, "field": section, "message": "must be a list"}],
            )
        for i, raw in enumerate(items):
            line = raw.get("__line__") if isinstance(raw, dict) else None
            origin = Origin(file, line)
            where = f"{file}:{line}" if line else f"{file} {section}[{i}]"
            if not isinstance(raw, dict):
                raise ValidationError(
                    f"{where}: each entry of '{section}' must be a mapping",
                    details=[{"file": file, "line": line, "field": f"{section}[{i}]", "message": "not a mapping"}],
                )
            raw = _strip_lines(raw)
            extra = set(raw) - keys
            if extra:
                name = sorted(extra)[0]
                raise ValidationError(
                    f"{where}: unknown field '{name}' in {section[:-1]}; allowed: {', '.join(sorted(keys))}",
                    details=[{"file": file, "line": line, "field": name, "message": "unknown field"}],
                )
            getattr(batch, section).append(make(raw, origin))
    return batch


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


def load_file(path: str | Path) -> Batch:
    p = Path(path)
    kind = SUFFIXES.get(p.suffix.lower())
    if kind is None:
        raise LoadError(f"{p}: unknown file type '{p.suffix}'; use .yaml, .yml, .json or .csv")
    text = read_text(p)
    if kind == "csv":
        return parse_csv(text, str(p))
    return parse_document(text, str(p), kind)


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


def load_paths(paths: Iterable[str | Path]) -> Batch:
    """All records of the given files and folders as one batch (one all-or-nothing load).
    CSV node files are read before CSV edge files."""
    files = expand(paths)
    batch = Batch(label=", ".join(str(f) for f in files))
    for f in files:
        batch.extend(load_file(f))
    return batch
