"""The one record codec: nodes and edges to and from their stored JSON text.

Both stores keep each node and edge as this JSON (key order kept: the order of
names and aliases is meaningful, the first is preferred)."""

from __future__ import annotations

import json
import math

from . import collector
from .model import Edge, Node


try:  # orjson writes the same compact UTF-8 JSON (key order kept) several times faster
    import orjson

    def _dumps(d: dict) -> str:
        props = d.get("properties")
        if not (props and any(isinstance(v, float) and not math.isfinite(v) for v in props.values())):
            try:  # (orjson would write NaN and infinities as null)
                return orjson.dumps(d).decode()
            except TypeError:  # values orjson refuses (e.g. integers beyond 64 bits)
                pass
        return json.dumps(d, ensure_ascii=False, separators=(",", ":"))
except ImportError:  # pragma: no cover - orjson is a dependency, but the stdlib suffices
    def _dumps(d: dict) -> str:
        return json.dumps(d, ensure_ascii=False, separators=(",", ":"))


def encode(obj: Node | Edge) -> str:
    return _dumps(obj.to_dict())


def _loads(text: str):
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:  # what orjson refuses (e.g. huge integers) the standard parser reads
        return json.loads(text)


def decode_node(text: str) -> Node:
    return Node.from_dict(_loads(text))


def decode_edge(text: str) -> Edge:
    return Edge.from_dict(_loads(text))


GC_PAUSE_AT = collector.PAUSE_AT  # records decoded in one call from which the cycle collector waits


def decode_nodes(texts: list[str]) -> list[Node]:
    """Many at once: one parse over all rows is several times faster than one per row."""
    if not texts:
        return []
    with collector.paused(len(texts) >= GC_PAUSE_AT):
        return [Node.from_dict(d) for d in _loads("[" + ",".join(texts) + "]")]


def decode_edges(texts: list[str]) -> list[Edge]:
    if not texts:
        return []
    with collector.paused(len(texts) >= GC_PAUSE_AT):
        return [Edge.from_dict(d) for d in _loads("[" + ",".join(texts) + "]")]


def day_number(day: str | None, default: int) -> int:
    """'2022-05-17' -> 20220517 (dates compare as integers in the array index)."""
    return int(day[:4] + day[5:7] + day[8:10]) if day else default


def brief(obj: Node | Edge, schema) -> Node | Edge:
    """The compact form of a record in a large answer: ids, type, names, validity and the
    properties that give its subtype and date (schema hints); no aliases, no sources."""
    if isinstance(obj, Node):
        nt = schema.nodes.get(obj.type)
        keep = ((nt.subtype_property,) if nt and nt.subtype_property else ()) + (nt.date_properties if nt else ())
        return Node(obj.id, obj.type, dict(obj.name), {}, {k: obj.properties[k] for k in keep if k in obj.properties},
                    obj.valid_from, obj.valid_to, ())
    et = schema.edges.get(obj.type)
    keep = et.date_properties if et else ()
    return Edge(obj.id, obj.type, obj.source, obj.target, {k: obj.properties[k] for k in keep if k in obj.properties},
                obj.valid_from, obj.valid_to, ())


def encode_brief(obj: Node | Edge, schema) -> str:
    return encode(brief(obj, schema))


def day_span(as_of: tuple[str, str] | None) -> tuple[int, int] | None:
    """A query period (first day, last day) as day numbers for the array index; None stays None."""
    return (day_number(as_of[0], 0), day_number(as_of[1], 0)) if as_of else None
