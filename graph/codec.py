"""The one record codec: nodes and edges to and from their stored JSON text.

Both stores keep each node and edge as this JSON (key order kept: the order of
names and aliases is meaningful, the first is preferred)."""

from __future__ import annotations

import json

from .model import Edge, Node


def encode(obj: Node | Edge) -> str:
    return json.dumps(obj.to_dict(), ensure_ascii=False, separators=(",", ":"))


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


def day_span(as_of: tuple[str, str] | None) -> tuple[int, int] | None:
    """A query period (first day, last day) as day numbers for the array index; None stays None."""
    return (day_number(as_of[0], 0), day_number(as_of[1], 0)) if as_of else None
