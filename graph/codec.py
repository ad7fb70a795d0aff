"""The one record codec: nodes and edges to and from their stored JSON text.

Both stores keep each node and edge as this JSON (key order kept: the order of
names and aliases is meaningful, the first is preferred)."""

from __future__ import annotations

import json
import math

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


def decode_node(text: str) -> Node:
    return Node.from_dict(json.loads(text))


def decode_edge(text: str) -> Edge:
    return Edge.from_dict(json.loads(text))


def decode_nodes(texts: list[str]) -> list[Node]:
    """Many at once: one ``json.loads`` over all rows is several times faster than one per row."""
    return [Node.from_dict(d) for d in json.loads("[" + ",".join(texts) + "]")] if texts else []


def decode_edges(texts: list[str]) -> list[Edge]:
    return [Edge.from_dict(d) for d in json.loads("[" + ",".join(texts) + "]")] if texts else []


def day_number(day: str | None, default: int) -> int:
    """'2022-05-17' -> 20220517 (dates compare as integers in the array index)."""
    return int(day[:4] + day[5:7] + day[8:10]) if day else default
