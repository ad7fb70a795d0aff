"""The schema as data: one YAML file per node type and per edge type.

``Schema.load()`` reads ``graph/schema/nodes/*.yaml`` and ``graph/schema/edges/*.yaml``
and checks them as a whole: every edge's source and target types exist, property
declarations are well-formed, id prefixes are unique. Any problem raises
``SchemaError`` naming the file.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from . import dates
from .errors import SchemaError

SCHEMA_DIR = Path(__file__).parent / "schema"
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when PyYAML was built with it
PROPERTY_TYPES = {"string", "integer", "number", "boolean", "date", "enum"}
_TYPE_NAME = re.compile(r"^[A-Z][A-Za-z]*$")
_EDGE_NAME = re.compile(r"^[A-Z][A-Z_]*$")
_PREFIX = re.compile(r"^[a-z][a-z0-9_]*$")
MAX_STRING = 10_000
MAX_SAFE_INT = 2**53 - 1  # integers beyond this lose precision in JavaScript (the views) and JSON tools
MONEY_ROLES = ("value", "unit", "currency", "eur", "flag", "date", "rate", "rate_date")


@dataclass(frozen=True)
class PropertyDef:
    name: str
    type: str
    required: bool = False
    values: tuple[str, ...] = ()
    description: str = ""
    pattern: str | None = None  # strings: a regular expression the whole value must match
    value_labels: dict[str, dict[str, str]] = field(default_factory=dict, hash=False, compare=False)  # enum value -> {lang: label}

    def value_label(self, value: Any, lang: str = "en") -> str:
        """The display name of an enum value in ``lang`` (schema ``labels:``), else English, else the value."""
        names = self.value_labels.get(str(value)) or {}
        return names.get(lang) or names.get("en") or str(value)

    def check(self, value: Any) -> Any:
        """Return the value in canonical form, or raise ValueError saying what is wrong."""
        t = self.type
        if t == "string":
            if not isinstance(value, (str, int, float)) or isinstance(value, bool):
                raise ValueError(f"expected a string, got {type(value).__name__}")
            if isinstance(value, float) and not math.isfinite(value):
                raise ValueError("NaN and infinities are not allowed")
            value = str(value)
            if len(value) > MAX_STRING:
                raise ValueError(f"string longer than {MAX_STRING} characters")
            if self.pattern is not None and not re.fullmatch(self.pattern, value):
                raise ValueError(f"'{value}' is not a valid {self.name} ({self.description or self.pattern})")
            return value
        if t == "integer":
            if isinstance(value, bool):
                raise ValueError("expected an integer, got a boolean")
            if isinstance(value, int):
                if not -MAX_SAFE_INT <= value <= MAX_SAFE_INT:
                    raise ValueError(f"integer out of range (at most {MAX_SAFE_INT} in size)")
                return value
            if isinstance(value, float) and math.isfinite(value) and value.is_integer():
                return int(value)
            if isinstance(value, str) and re.fullmatch(r"-?\d{1,15}", value.strip()):
                return int(value.strip())
            raise ValueError(f"expected an integer, got '{value}'")
        if t == "number":
            if isinstance(value, bool):
                raise ValueError("expected a number, got a boolean")
            if isinstance(value, int):
                if not -MAX_SAFE_INT <= value <= MAX_SAFE_INT:
                    raise ValueError(f"integer out of range (at most {MAX_SAFE_INT} in size); send it as a decimal number")
                return value
            if isinstance(value, float):
                if not math.isfinite(value) or abs(value) > 1e300:
                    raise ValueError("NaN, infinities and numbers beyond 1e300 are not allowed")
                return value
            if isinstance(value, str):
                try:
                    f = float(value.strip())
                except ValueError:
                    raise ValueError(f"expected a number, got '{value[:40]}'") from None
                if not math.isfinite(f) or abs(f) > 1e300:
                    raise ValueError(f"expected a finite number, got '{value[:40]}'")
                return int(f) if f.is_integer() and "." not in value and "e" not in value.lower() else f
            raise ValueError(f"expected a number, got {type(value).__name__}")
        if t == "boolean":
            if isinstance(value, bool):
                return value
            if isinstance(value, str) and value.strip().lower() in ("true", "false"):
                return value.strip().lower() == "true"
            raise ValueError(f"expected true or false, got '{value}'")
        if t == "date":
            return dates.normalize(value)
        if t == "enum":
            if value not in self.values:
                raise ValueError(f"'{value}' is not one of: {', '.join(self.values)}")
            return value
        raise ValueError(f"unknown property type {t}")  # pragma: no cover - schema checked at load


@dataclass(frozen=True)
class NodeType:
    name: str
    id_prefix: str
    label: dict[str, str]
    description: str
    properties: dict[str, PropertyDef]
    file: str = ""
    hints: dict[str, Any] = field(default_factory=dict)

    @property
    def subtype_property(self) -> str | None:
        """The property whose value is the node's subtype (``level``, ``kind``), if any."""
        return self.hints.get("subtype")

    @property
    def date_properties(self) -> tuple[str, ...]:
        """The properties that hold the date a node stands for, first present wins."""
        return tuple(self.hints.get("date", ()))
    # identifier schemes: names of string properties that identify an entity
    # (Wikidata QID, LEI, ISO 3166, ...); ingest merges records that share one
    identifiers: tuple[str, ...] = ()
    # edge types that tie a node to its place (used to tell namesakes apart)
    place_edges: tuple[str, ...] = ()
    display: dict[str, str] = field(default_factory=dict)  # display hints for views: color, border, shape, glyph


@dataclass(frozen=True)
class EdgeType:
    name: str
    label: dict[str, str]
    description: str
    source: tuple[str, ...]
    target: tuple[str, ...]
    properties: dict[str, PropertyDef]
    key_properties: tuple[str, ...] = ()
    path_cost: float = 1.0
    file: str = ""
    hints: dict[str, Any] = field(default_factory=dict)

    @property
    def date_properties(self) -> tuple[str, ...]:
        return tuple(self.hints.get("date", ()))
    color: str = ""  # display hint (``display: {color: "#rrggbb"}``) for views and exports
    # money: which properties hold the figure as written, its scale and
    # currency, the derived amount in euros and a quality flag (graph.money)
    money: dict[str, str] = field(default_factory=dict)


@dataclass
class Schema:
    nodes: dict[str, NodeType] = field(default_factory=dict)
    edges: dict[str, EdgeType] = field(default_factory=dict)

    @property
    def prefixes(self) -> dict[str, str]:
        return {t.id_prefix: t.name for t in self.nodes.values()}

    # ------------------------------------------------ hints read generically

    def types_with(self, hint: str) -> list[str]:
        """Node types whose schema file sets ``hints: {<hint>: true}``, sorted."""
        return sorted(n for n, t in self.nodes.items() if t.hints.get(hint))

    def edge_types_with(self, hint: str) -> list[str]:
        """Edge types whose schema file sets ``hints: {<hint>: true}``, sorted
        (``containment``: source is in / part of target; ``trade_flow``: yearly trade figures)."""
        return sorted(n for n, t in self.edges.items() if t.hints.get(hint))

    @property
    def document_type(self) -> str:
        """The node type that documents (the targets of every source) have."""
        docs = self.types_with("document")
        if len(docs) != 1:
            raise SchemaError(f"exactly one node type must set 'hints: {{document: true}}', found {docs}")
        return docs[0]

    @property
    def partner_via(self) -> list[str]:
        """The 'via' entries of a partner path: the node types (or Type:subtype) that may
        stand between its ends, from the ``partner_path`` hint (true, or a list of subtypes)."""
        out = []
        for n, t in sorted(self.nodes.items()):
            hint = t.hints.get("partner_path")
            if hint is True:
                out.append(n)
            elif isinstance(hint, list):
                out.extend(f"{n}:{sub}" for sub in hint)
        return out

    def subtype(self, node) -> str | None:
        nt = self.nodes.get(node.type)
        prop = nt.subtype_property if nt else None
        return node.properties.get(prop) if prop else None

    def node_date(self, node) -> str | None:
        """The date a node stands for (an agreement's signing, an event's start), else its validity start."""
        nt = self.nodes.get(node.type)
        for prop in nt.date_properties if nt else ():
            if node.properties.get(prop):
                return node.properties[prop]
        return node.valid_from

    def edge_date(self, edge) -> str | None:
        """An edge's validity start, else the first of its hinted date properties (a year as YYYY)."""
        if edge.valid_from:
            return edge.valid_from
        et = self.edges.get(edge.type)
        for prop in et.date_properties if et else ():
            v = edge.properties.get(prop)
            if v is not None and v != "":
                return f"{int(v):04d}" if isinstance(v, int) else v
        return None

    def edge_detail(self, edge) -> str:
        """The ``timeline_detail`` template of an edge's type filled from its properties
        ('' when the type has none or a property it names is missing)."""
        et = self.edges.get(edge.type)
        tpl = et.hints.get("timeline_detail") if et else None
        if not tpl:
            return ""
        values = _Strict(edge.properties)
        if et.money:  # one unit for money: the figure as written with its amount in euros
            from .money import display

            dict.__setitem__(values, "money", display(et.money, edge.properties))
        try:
            return tpl.format_map(values)
        except KeyError:
            return ""

    def node_type(self, name: str) -> NodeType:
        try:
            return self.nodes[name]
        except KeyError:
            raise SchemaError(f"unknown node type '{name}'; known: {', '.join(sorted(self.nodes))}") from None

    def edge_type(self, name: str) -> EdgeType:
        try:
            return self.edges[name]
        except KeyError:
            raise SchemaError(f"unknown edge type '{name}'; known: {', '.join(sorted(self.edges))}") from None

    def to_dict(self) -> dict[str, Any]:
        def props(p: dict[str, PropertyDef]):
            return {
                k: {"type": v.type, "required": v.required, **({"values": list(v.values)} if v.values else {})}
                for k, v in p.items()
            }

        return {
            "nodes": {
                n: {"id_prefix": t.id_prefix, "label": t.label, "description": t.description, "properties": props(t.properties),
                    **({"identifiers": list(t.identifiers)} if t.identifiers else {})}
                for n, t in sorted(self.nodes.items())
            },
            "edges": {
                n: {
                    "label": t.label,
                    "description": t.description,
                    "source": list(t.source),
                    "target": list(t.target),
                    "key_properties": list(t.key_properties),
                    "path_cost": t.path_cost,
                    "properties": props(t.properties),
                }
                for n, t in sorted(self.edges.items())
            },
        }

    # ------------------------------------------------------------ loading

    @classmethod
    def load(cls, directory: Path | str | None = None) -> "Schema":
        root = Path(directory) if directory else SCHEMA_DIR
        schema = cls()
        node_files = sorted((root / "nodes").glob("*.yaml"))
        edge_files = sorted((root / "edges").glob("*.yaml"))
        if not node_files:
            raise SchemaError(f"{root / 'nodes'}: no node type files (*.yaml) found")
        for f in node_files:
            nt = _parse_node_type(f)
            if nt.name in schema.nodes:
                raise SchemaError(f"{f}: node type '{nt.name}' is declared twice")
            if nt.id_prefix in schema.prefixes:
                raise SchemaError(
                    f"{f}: id_prefix '{nt.id_prefix}' is already used by {schema.prefixes[nt.id_prefix]}"
                )
            schema.nodes[nt.name] = nt
        for f in edge_files:
            et = _parse_edge_type(f)
            if et.name in schema.edges:
                raise SchemaError(f"{f}: edge type '{et.name}' is declared twice")
            for side, names in (("source", et.source), ("target", et.target)):
                for n in names:
                    if n not in schema.nodes:
                        raise SchemaError(
                            f"{f}: {side} names node type '{n}', which is not declared "
                            f"(known: {', '.join(sorted(schema.nodes))})"
                        )
            schema.edges[et.name] = et
        for nt in schema.nodes.values():
            for e in nt.place_edges:
                if e not in schema.edges:
                    raise SchemaError(f"{nt.file}: place_edges names edge type '{e}', which is not declared")
        return schema


def _read(f: Path) -> dict[str, Any]:
    try:
        data = yaml.load(f.read_text(encoding="utf-8"), Loader=_LOADER)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as e:
        raise SchemaError(f"{f}: cannot read schema file: {e}") from None
    if not isinstance(data, dict):
        raise SchemaError(f"{f}: a schema file must hold a mapping")
    if data.get("name") != f.stem:
        raise SchemaError(f"{f}: 'name' must equal the file name '{f.stem}', got '{data.get('name')}'")
    return data


def _parse_props(f: Path, raw: Any) -> dict[str, PropertyDef]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise SchemaError(f"{f}: 'properties' must be a mapping")
    out = {}
    for name, spec in raw.items():
        if not isinstance(spec, dict) or spec.get("type") not in PROPERTY_TYPES:
            raise SchemaError(
                f"{f}: property '{name}' needs a 'type' out of {', '.join(sorted(PROPERTY_TYPES))}"
            )
        values = tuple(spec.get("values") or ())
        if spec["type"] == "enum" and not values:
            raise SchemaError(f"{f}: enum property '{name}' needs 'values'")
        pattern = spec.get("pattern")
        if pattern is not None:
            try:
                re.compile(str(pattern))
            except re.error as e:
                raise SchemaError(f"{f}: property '{name}' has an invalid pattern: {e}") from None
        out[name] = PropertyDef(
            name=name,
            type=spec["type"],
            required=bool(spec.get("required", False)),
            values=values,
            description=str(spec.get("description", "")),
            pattern=str(pattern) if pattern is not None else None,
            value_labels=_value_labels(f, name, values, spec.get("labels")),
        )
    return out


def _value_labels(f: Path, prop: str, values: tuple[str, ...], raw: Any) -> dict[str, dict[str, str]]:
    """``labels: {value: {en: .., de: ..}}`` of an enum property; every key must be one of its values."""
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise SchemaError(f"{f}: 'labels' of property '{prop}' must map values to {{lang: label}}")
    out = {}
    for value, names in raw.items():
        if str(value) not in values:
            raise SchemaError(f"{f}: 'labels' of property '{prop}' names '{value}', which is not one of its values")
        if not isinstance(names, dict) or not all(isinstance(v, str) for v in names.values()):
            raise SchemaError(f"{f}: label of '{value}' in property '{prop}' must be a mapping {{lang: text}}")
        out[str(value)] = {str(k): v for k, v in names.items()}
    return out


def _label(f: Path, data: dict) -> dict[str, str]:
    label = data.get("label") or {}
    if not isinstance(label, dict) or "en" not in label:
        raise SchemaError(f"{f}: 'label' must be a mapping with at least 'en'")
    return {str(k): str(v) for k, v in label.items()}


def _parse_node_type(f: Path) -> NodeType:
    data = _read(f)
    if not _TYPE_NAME.match(data["name"]):
        raise SchemaError(f"{f}: node type names are CamelCase, got '{data['name']}'")
    prefix = data.get("id_prefix")
    if not isinstance(prefix, str) or not _PREFIX.match(prefix):
        raise SchemaError(f"{f}: 'id_prefix' must be lowercase letters, digits or _, got '{prefix}'")
    props = _parse_props(f, data.get("properties"))
    identifiers = data.get("identifiers") or []
    if not isinstance(identifiers, list):
        raise SchemaError(f"{f}: 'identifiers' must be a list of property names")
    for i in identifiers:
        if i not in props or props[i].type != "string":
            raise SchemaError(f"{f}: identifier '{i}' must be declared as a string property")
    place_edges = data.get("place_edges") or []
    if not isinstance(place_edges, list):
        raise SchemaError(f"{f}: 'place_edges' must be a list of edge types")
    return NodeType(
        name=data["name"],
        id_prefix=prefix,
        label=_label(f, data),
        description=str(data.get("description", "")),
        properties=props,
        file=str(f),
        hints=_parse_hints(f, data, NODE_HINTS, props),
        identifiers=tuple(str(i) for i in identifiers),
        place_edges=tuple(str(e) for e in place_edges),
        display=_display(f, data),
    )


def _display(f: Path, data: dict) -> dict[str, str]:
    """``display: {color: "#rrggbb", border: "#rrggbb", shape: ..., glyph: ...}`` (all optional)."""
    raw = data.get("display") or {}
    if not isinstance(raw, dict):
        raise SchemaError(f"{f}: 'display' must be a mapping, got {raw!r}")
    out = {str(k): str(v) for k, v in raw.items()}
    for key in ("color", "border"):
        if key in out and not re.fullmatch(r"#[0-9A-Fa-f]{6}", out[key]):
            raise SchemaError(f"{f}: display.{key} must be '#rrggbb', got {out[key]!r}")
    return out


def _parse_edge_type(f: Path) -> EdgeType:
    data = _read(f)
    if not _EDGE_NAME.match(data["name"]):
        raise SchemaError(f"{f}: edge type names are UPPER_SNAKE_CASE, got '{data['name']}'")
    src, tgt = data.get("source"), data.get("target")
    for side, v in (("source", src), ("target", tgt)):
        if not isinstance(v, list) or not v:
            raise SchemaError(f"{f}: '{side}' must be a non-empty list of node types")
    props = _parse_props(f, data.get("properties"))
    keys = tuple(data.get("key_properties") or ())
    for k in keys:
        if k not in props or not props[k].required:
            raise SchemaError(f"{f}: key property '{k}' must be declared as a required property")
    cost = data.get("path_cost", 1)
    if isinstance(cost, bool) or not isinstance(cost, (int, float)) or cost <= 0:
        raise SchemaError(f"{f}: 'path_cost' must be a positive number, got {cost!r}")
    display = data.get("display") or {}
    color = display.get("color", "") if isinstance(display, dict) else None
    if color is None or (color and not re.fullmatch(r"#[0-9A-Fa-f]{6}", str(color))):
        raise SchemaError(f"{f}: 'display' must be a mapping whose 'color' is '#rrggbb', got {data.get('display')!r}")
    money = data.get("money") or {}
    if not isinstance(money, dict):
        raise SchemaError(f"{f}: 'money' must be a mapping")
    for role, pname in money.items():
        if role not in MONEY_ROLES:
            raise SchemaError(f"{f}: 'money' has unknown key '{role}'; allowed: {', '.join(MONEY_ROLES)}")
        if pname not in props:
            raise SchemaError(f"{f}: 'money.{role}' names property '{pname}', which is not declared")
    return EdgeType(
        name=data["name"],
        label=_label(f, data),
        description=str(data.get("description", "")),
        source=tuple(src),
        target=tuple(tgt),
        properties=props,
        key_properties=keys,
        path_cost=float(cost),
        file=str(f),
        hints=_parse_hints(f, data, EDGE_HINTS, props),
        color=str(color),
        money={str(k): str(v) for k, v in money.items()},
    )


class _Strict(dict):
    def __missing__(self, key):  # a missing or empty property leaves the detail out
        raise KeyError(key)

    def __getitem__(self, key):
        v = dict.get(self, key)
        if v is None or v == "":
            raise KeyError(key)
        return v


NODE_HINTS = {"subtype", "date", "partner_path", "links_parties", "document", "color", "shape", "symbol"}
EDGE_HINTS = {"date", "timeline_detail", "color", "containment", "trade_flow"}


def _parse_hints(f: Path, data: dict, known: set[str], props: dict[str, PropertyDef]) -> dict[str, Any]:
    hints = data.get("hints") or {}
    if not isinstance(hints, dict):
        raise SchemaError(f"{f}: 'hints' must be a mapping")
    unknown = sorted(set(hints) - known)
    if unknown:
        raise SchemaError(f"{f}: unknown hint '{unknown[0]}'; known hints: {', '.join(sorted(known))}")
    if "subtype" in hints and hints["subtype"] not in props:
        raise SchemaError(f"{f}: hint 'subtype' names property '{hints['subtype']}', which is not declared")
    dates_ = hints.get("date", [])
    if isinstance(dates_, str):
        dates_ = hints["date"] = [dates_]
    for d in dates_:
        if d not in props:
            raise SchemaError(f"{f}: hint 'date' names property '{d}', which is not declared")
    pp = hints.get("partner_path")
    if isinstance(pp, list):
        sub = props.get(hints.get("subtype", ""))
        bad = [v for v in pp if sub is None or v not in sub.values]
        if bad:
            raise SchemaError(f"{f}: hint 'partner_path' names subtype '{bad[0]}', which the 'subtype' property does not allow")
    elif pp is not None and not isinstance(pp, bool):
        raise SchemaError(f"{f}: hint 'partner_path' must be true, false or a list of subtypes")
    return dict(hints)


_DEFAULT: Schema | None = None


def default_schema() -> Schema:
    """The bundled schema, loaded once per process."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Schema.load()
    return _DEFAULT
