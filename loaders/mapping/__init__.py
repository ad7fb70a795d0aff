"""Any CSV table through a YAML mapping (``regiograph load mapping MAPPING.yaml FILE.csv...``).

A mapping names the dataset (its Document), how to read the CSV, and which node
and edge records each row gives; ``{column}`` in a value is replaced by the
row's cell (a value that is exactly ``{column}`` keeps the cell as it is), any
other text is a constant. See docs/SOURCES.md for the format::

    document: {title: ..., publisher: ..., url: ..., licence: ..., version: ...}
    csv: {delimiter: ";", encoding: utf-8}
    nodes:
      - ref: company                      # how edges of the same row name it
        type: Company
        name: {de: "{Firma}"}
        aliases: {en: "{English name}"}   # ';'-separated cells give several
        properties: {lei: "{LEI}", sector: "{Branche}"}
        place: "#iso_3166={Land}"         # tells namesakes apart
      - ref: cluster                      # no {column}: one node for the whole file
        type: Organization
        name: {de: Silicon Saxony}
        properties: {kind: cluster}
    edges:
      - {type: MEMBER_OF, source: company, target: cluster, properties: {since: "{Mitglied seit}"}}
      - {type: LOCATED_IN, source: company, target: "#iso_3166={Land}"}

A row whose node has an empty name gives no node and no edges with it.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Any, Iterator

import yaml

from graph.errors import LoadError
from graph.model import EdgeRecord, NodeRecord, Origin

from ..source import Dataset, RowProgress, Source, decode_error, fail, file_date, open_text

FIELD = re.compile(r"\{([^{}]+)\}")
MAPPING_KEYS = {"document", "csv", "nodes", "edges"}
NODE_KEYS = {"ref", "type", "id", "name", "aliases", "properties", "place", "valid_from", "valid_to"}
EDGE_KEYS = {"type", "source", "target", "properties", "valid_from", "valid_to"}
DOC_KEYS = {"title", "publisher", "url", "licence", "version", "retrieved", "dataset", "language", "id"}


class Template:
    """A mapping value: a constant, a whole cell, or text with {column} fields."""

    def __init__(self, raw: Any, where: str, file: str) -> None:
        if not isinstance(raw, (str, int, float, bool)):
            raise fail(file, None, where, f"expected text, got {type(raw).__name__}")
        self.raw = raw
        self.text = str(raw)
        self.fields = FIELD.findall(self.text) if isinstance(raw, str) else []
        self.whole = self.fields[0] if len(self.fields) == 1 and self.text == "{" + self.fields[0] + "}" else None

    def render(self, row: dict[str, str]) -> Any:
        if not self.fields:
            return self.raw
        if self.whole is not None:
            return row.get(self.whole, "").strip()
        values = {f: row.get(f, "").strip() for f in self.fields}
        if any(v == "" for v in values.values()):
            return ""  # a text with a missing part is missing
        return FIELD.sub(lambda m: values[m.group(1)], self.text)


def _mapping_of(raw: Any, where: str, file: str) -> dict[str, Template]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise fail(file, None, where, "expected a mapping")
    return {str(k): Template(v, f"{where}.{k}", file) for k, v in raw.items()}


class Mapping:
    def __init__(self, path: Path) -> None:
        file = str(path)
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as e:
            raise LoadError(f"{file}: cannot read the mapping: {e}") from None
        if not isinstance(data, dict):
            raise LoadError(f"{file}: a mapping file holds a mapping with 'document', 'nodes' and 'edges'")
        for k in set(data) - MAPPING_KEYS:
            raise fail(file, None, k, f"unknown key; allowed: {', '.join(sorted(MAPPING_KEYS))}")
        self.file = file
        doc = data.get("document") or {}
        if not isinstance(doc, dict) or not doc.get("title") or not doc.get("publisher"):
            raise fail(file, None, "document", "needs at least 'title' and 'publisher' of the dataset")
        for k in set(doc) - DOC_KEYS:
            raise fail(file, None, f"document.{k}", f"unknown key; allowed: {', '.join(sorted(DOC_KEYS))}")
        self.document = doc
        opts = data.get("csv") or {}
        self.delimiter = str(opts.get("delimiter", ","))
        self.encoding = str(opts.get("encoding", "utf-8-sig"))
        self.nodes: list[dict[str, Any]] = []
        refs: set[str] = set()
        for i, n in enumerate(data.get("nodes") or []):
            where = f"nodes[{i}]"
            if not isinstance(n, dict):
                raise fail(file, None, where, "expected a mapping")
            for k in set(n) - NODE_KEYS:
                raise fail(file, None, f"{where}.{k}", f"unknown key; allowed: {', '.join(sorted(NODE_KEYS))}")
            for k in ("ref", "type", "name"):
                if not n.get(k):
                    raise fail(file, None, f"{where}.{k}", "is required")
            if n["ref"] in refs:
                raise fail(file, None, f"{where}.ref", f"'{n['ref']}' is used twice")
            refs.add(n["ref"])
            spec = {"ref": str(n["ref"]), "type": str(n["type"]), "id": Template(n["id"], f"{where}.id", file) if n.get("id") else None,
                    "name": _mapping_of(n["name"], f"{where}.name", file),
                    "aliases": _mapping_of(n.get("aliases"), f"{where}.aliases", file),
                    "properties": _mapping_of(n.get("properties"), f"{where}.properties", file),
                    "place": Template(n["place"], f"{where}.place", file) if n.get("place") else None,
                    "valid_from": Template(n["valid_from"], f"{where}.valid_from", file) if n.get("valid_from") else None,
                    "valid_to": Template(n["valid_to"], f"{where}.valid_to", file) if n.get("valid_to") else None}
            spec["constant"] = not self._fields(spec)
            self.nodes.append(spec)
        self.edges: list[dict[str, Any]] = []
        for i, e in enumerate(data.get("edges") or []):
            where = f"edges[{i}]"
            if not isinstance(e, dict):
                raise fail(file, None, where, "expected a mapping")
            for k in set(e) - EDGE_KEYS:
                raise fail(file, None, f"{where}.{k}", f"unknown key; allowed: {', '.join(sorted(EDGE_KEYS))}")
            for k in ("type", "source", "target"):
                if not e.get(k):
                    raise fail(file, None, f"{where}.{k}", "is required")
            self.edges.append({"type": str(e["type"]),
                               "source": Template(e["source"], f"{where}.source", file),
                               "target": Template(e["target"], f"{where}.target", file),
                               "properties": _mapping_of(e.get("properties"), f"{where}.properties", file),
                               "valid_from": Template(e["valid_from"], f"{where}.valid_from", file) if e.get("valid_from") else None,
                               "valid_to": Template(e["valid_to"], f"{where}.valid_to", file) if e.get("valid_to") else None})
        self.refs = refs
        if not self.nodes and not self.edges:
            raise fail(file, None, "nodes", "the mapping gives no node and no edge")

    @staticmethod
    def _fields(spec: dict) -> set[str]:
        out: set[str] = set()
        for v in spec.values():
            if isinstance(v, Template):
                out |= set(v.fields)
            elif isinstance(v, dict):
                for t in v.values():
                    out |= set(t.fields)
        return out

    def columns(self) -> set[str]:
        out: set[str] = set()
        for spec in self.nodes + self.edges:
            out |= self._fields(spec)
        return out


def _node(spec: dict, row: dict[str, str], ref: str, ds: Dataset, origin: Origin, locator: str) -> NodeRecord | None:
    names = {k: v for k, t in spec["name"].items() if (v := t.render(row)) != ""}
    if not names:
        return None
    aliases = {}
    for lang, t in spec["aliases"].items():
        v = t.render(row)
        if v != "":
            aliases[lang] = [a.strip() for a in str(v).split(";") if a.strip()]
    props = {k: v for k, t in spec["properties"].items() if (v := t.render(row)) != ""}
    place = spec["place"].render(row) if spec["place"] else None
    rid = spec["id"].render(row) if spec["id"] else None
    return NodeRecord(type=spec["type"], name=names, id=rid or None, aliases=aliases, properties=props, ref=ref,
                      place=place or None,
                      valid_from=(spec["valid_from"].render(row) or None) if spec["valid_from"] else None,
                      valid_to=(spec["valid_to"].render(row) or None) if spec["valid_to"] else None,
                      sources=ds.source_at(locator), origin=origin)


def _read(paths: list[Path], opts: dict[str, Any], progress: RowProgress) -> Iterator:
    if len(paths) < 2 or paths[0].suffix.lower() not in (".yaml", ".yml"):
        raise LoadError("usage: regiograph load mapping MAPPING.yaml FILE.csv [FILE.csv ...] "
                        "(the mapping first, then the tables it maps)")
    m = Mapping(paths[0])
    for path in paths[1:]:
        file = str(path)
        doc = m.document
        ds = Dataset(source="mapping", title=str(doc["title"]), dataset=str(doc.get("dataset") or doc["title"]),
                     publisher=str(doc["publisher"]), version=str(doc["version"]) if doc.get("version") else opts.get("version"),
                     retrieved=str(doc.get("retrieved") or opts.get("retrieved") or file_date(path)),
                     url=doc.get("url") or opts.get("url"), licence=doc.get("licence"), language=doc.get("language"))
        yield ds.record(file)
        encoding = opts.get("encoding") if opts.get("encoding") not in (None, "utf-8-sig") else m.encoding
        stream = open_text(path, encoding)
        line = 1
        try:
            reader = csv.DictReader(stream, delimiter=m.delimiter)
            header = [h.strip() for h in (reader.fieldnames or [])]
            if not header:
                raise LoadError(f"{file}: the CSV file is empty; expected a header row")
            reader.fieldnames = header
            missing = sorted(m.columns() - set(header))
            if missing:
                raise fail(m.file, None, missing[0], f"the mapping names column '{missing[0]}', which {file} does not have "
                                                     f"(columns: {', '.join(header)})")
            constants: dict[str, str] = {}
            for spec in m.nodes:
                if spec["constant"]:
                    rec = _node(spec, {}, f"@{spec['ref']}", ds, Origin(m.file, None), f"mapping {spec['ref']}")
                    if rec is not None:
                        constants[spec["ref"]] = rec.ref
                        yield rec
            for row in reader:
                line = reader.line_num
                progress.tick()
                if None in row:
                    raise fail(file, line, "", "the row has more cells than the header")
                origin = Origin(file, line)
                present: dict[str, str] = dict(constants)
                for spec in m.nodes:
                    if spec["constant"]:
                        continue
                    ref = f"@{line}:{spec['ref']}"
                    rec = _node(spec, row, ref, ds, origin, f"row {line}")
                    if rec is not None:
                        present[spec["ref"]] = ref
                        yield rec
                for spec in m.edges:
                    ends = []
                    for side in ("source", "target"):
                        raw = spec[side].render(row)
                        ends.append(present.get(raw) if raw in m.refs else (raw or None))
                    if None in ends or "" in ends:
                        continue
                    props = {k: v for k, t in spec["properties"].items() if (v := t.render(row)) != ""}
                    yield EdgeRecord(type=spec["type"], source=ends[0], target=ends[1], properties=props,
                                     valid_from=(spec["valid_from"].render(row) or None) if spec["valid_from"] else None,
                                     valid_to=(spec["valid_to"].render(row) or None) if spec["valid_to"] else None,
                                     sources=ds.source_at(f"row {line}"), origin=origin)
        except UnicodeDecodeError as e:
            raise decode_error(path, line, e, encoding) from None
        except csv.Error as e:
            raise LoadError(f"{file}:{line}: malformed CSV: {e}") from None
        finally:
            stream.close()


SOURCE = Source(
    name="mapping",
    summary="any CSV table through a YAML mapping: regiograph load mapping MAPPING.yaml FILE.csv... (docs/SOURCES.md)",
    read=_read,
)
