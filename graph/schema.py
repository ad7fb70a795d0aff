"""The schema as data: one YAML file per node type and per edge type.

``Schema.load()`` reads ``graph/schema/nodes/*.yaml`` and ``graph/schema/edges/*.yaml``
and checks them as a whole: every edge's source and target types exist, property
declarations are well-formed, id prefixes are unique. Any problem raises
``SchemaError`` naming the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from . import dates
from .errors import SchemaError

SCHEMA_DIR = Path(__file__).parent / "schema"
PROPERTY_TYPES = {"string", "integer", "number", "boolean", "date", "enum"}
_TYPE_NAME = re.compile(r"^[A-Z][A-Za-z]*$")
_EDGE_NAME = re.compile(r"^[A-Z][A-Z_]*$")
_PREFIX = re.compile(r"^[a-z][a-z0-9_]*$")
MAX_STRING = 10_000


@dataclass(frozen=True)
class PropertyDef:
    name: str
    type: str
    required: bool = False
    values: tuple[str, ...] = ()
    description: str = ""

    def check(self, value: Any) -> Any:
        """Return the value in canonical form, or raise ValueError saying what is wrong."""
        t = self.type
        if t == "string":
            if not isinstance(value, (str, int, float)) or isinstance(value, bool):
                raise ValueError(f"expected a string, got {type(value).__name__}")
            value = str(value)
            if len(value) > MAX_STRING:
                raise ValueError(f"string longer than {MAX_STRING} characters")
            return value
        if t == "integer":
            if isinstance(value, bool):
                raise ValueError("expected an integer, got a boolean")
            if isinstance(value, int):
                return value
            if isinstance(value, float) and value.is_integer():
                return int(value)
            if isinstance(value, str) and re.fullmatch(r"-?\d+", value.strip()):
                return int(value.strip())
            raise ValueError(f"expected an integer, got '{value}'")
        if t == "number":
            if isinstance(value, bool):
                raise ValueError("expected a number, got a boolean")
            if isinstance(value, (int, float)):
                return value
            if isinstance(value, str):
                try:
                    f = float(value.strip())
                except ValueError:
                    raise ValueError(f"expected a number, got '{value}'") from None
                return int(f) if f.is_integer() and "." not in value else f
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
    color: str = ""  # display hint (``display: {color: "#rrggbb"}``) for views and exports


@dataclass
class Schema:
    nodes: dict[str, NodeType] = field(default_factory=dict)
    edges: dict[str, EdgeType] = field(default_factory=dict)

    @property
    def prefixes(self) -> dict[str, str]:
        return {t.id_prefix: t.name for t in self.nodes.values()}

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
                n: {"id_prefix": t.id_prefix, "label": t.label, "description": t.description, "properties": props(t.properties)}
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
        return schema


def _read(f: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(f.read_text(encoding="utf-8"))
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
        out[name] = PropertyDef(
            name=name,
            type=spec["type"],
            required=bool(spec.get("required", False)),
            values=values,
            description=str(spec.get("description", "")),
        )
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
    return NodeType(
        name=data["name"],
        id_prefix=prefix,
        label=_label(f, data),
        description=str(data.get("description", "")),
        properties=_parse_props(f, data.get("properties")),
        file=str(f),
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
        color=str(color),
    )


_DEFAULT: Schema | None = None


def default_schema() -> Schema:
    """The bundled schema, loaded once per process."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Schema.load()
    return _DEFAULT
