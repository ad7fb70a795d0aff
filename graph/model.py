"""Plain data types shared by loaders, stores, queries, the API and the views.

Nodes and edges are immutable dataclasses; ``to_dict`` gives the JSON shape used
everywhere (API responses, exports, the record format in docs/FORMAT.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable


@dataclass(frozen=True)
class Source:
    """Provenance of one fact: a Document node id plus where in it."""

    document: str
    locator: str = ""
    evidence: str | None = None  # the sentence that states the fact (text loader)
    span: tuple[int, int] | None = None  # character offsets in the document
    rule: str | None = None  # text loader: the extraction rule that read the fact from this source
    confidence: float | None = None  # text loader: that rule's measured precision (0-1), see loaders/text/confidence.py

    def key(self) -> tuple[str, str]:
        return (self.document, self.locator)

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"document": self.document, "locator": self.locator}
        if self.evidence is not None:
            d["evidence"] = self.evidence
        if self.span is not None:
            d["span"] = [self.span[0], self.span[1]]
        if self.rule is not None:
            d["rule"] = self.rule
        if self.confidence is not None:
            d["confidence"] = self.confidence
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Source":
        if len(d) <= 2 and d.keys() <= _PLAIN_KEYS:
            # most sources are a bare (document, locator): share one object per pair
            key = (d["document"], d.get("locator") or "")
            hit = _PLAIN_SOURCES.get(key)
            if hit is None:
                if len(_PLAIN_SOURCES) > 100_000:
                    _PLAIN_SOURCES.clear()
                hit = _PLAIN_SOURCES[key] = cls(document=key[0], locator=key[1])
            return hit
        span = d.get("span")
        return cls(
            document=d["document"],
            locator=d.get("locator") or "",
            evidence=d.get("evidence"),
            span=(int(span[0]), int(span[1])) if span else None,
            rule=d.get("rule"),
            confidence=d.get("confidence"),
        )


_PLAIN_KEYS = frozenset(("document", "locator"))
_PLAIN_SOURCES: dict[tuple[str, str], Source] = {}


def merge_sources(old: Iterable[Source], new: Iterable[Source]) -> tuple[Source, ...]:
    """Union by (document, locator), keeping first-seen order."""
    seen: dict[tuple[str, str], Source] = {}
    for s in list(old) + list(new):
        if s.key() not in seen:
            seen[s.key()] = s
    return tuple(seen.values())


@dataclass(frozen=True)
class Node:
    id: str
    type: str
    name: dict[str, str]
    aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)
    properties: dict[str, Any] = field(default_factory=dict)
    valid_from: str | None = None
    valid_to: str | None = None
    sources: tuple[Source, ...] = ()

    @property
    def label(self) -> str:
        """Display name: English, then German, then any."""
        for lang in ("en", "de"):
            if self.name.get(lang):
                return self.name[lang]
        return next(iter(self.name.values()), self.id)

    def all_names(self) -> list[str]:
        out: list[str] = []
        for v in self.name.values():
            if v not in out:
                out.append(v)
        for vs in self.aliases.values():
            for v in vs:
                if v not in out:
                    out.append(v)
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "label": self.label,
            "name": dict(self.name),
            "aliases": {k: list(v) for k, v in self.aliases.items()},
            "properties": dict(self.properties),
            "valid_from": self.valid_from,
            "valid_to": self.valid_to,
            "sources": [s.to_dict() for s in self.sources],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Node":
        # filled through __dict__: the frozen dataclass's __init__ costs a setattr per field,
        # and answers decode thousands of records
        obj = object.__new__(cls)
        aliases = d.get("aliases")
        srcs = d.get("sources")
        obj.__dict__.update(
            id=d["id"],
            type=d["type"],
            name=dict(d.get("name") or {}),
            aliases={k: tuple(v) for k, v in aliases.items()} if aliases else {},
            properties=dict(d.get("properties") or {}),
            valid_from=d.get("valid_from"),
            valid_to=d.get("valid_to"),
            sources=tuple(Source.from_dict(s) for s in srcs) if srcs else (),
        )
        return obj


@dataclass(frozen=True)
class Edge:
    id: str
    type: str
    source: str
    target: str
    properties: dict[str, Any] = field(default_factory=dict)
    valid_from: str | None = None
    valid_to: str | None = None
    sources: tuple[Source, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "source": self.source,
            "target": self.target,
            "properties": dict(self.properties),
            "valid_from": self.valid_from,
            "valid_to": self.valid_to,
            "sources": [s.to_dict() for s in self.sources],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Edge":
        obj = object.__new__(cls)  # see Node.from_dict
        srcs = d.get("sources")
        obj.__dict__.update(
            id=d["id"],
            type=d["type"],
            source=d["source"],
            target=d["target"],
            properties=dict(d.get("properties") or {}),
            valid_from=d.get("valid_from"),
            valid_to=d.get("valid_to"),
            sources=tuple(Source.from_dict(s) for s in srcs) if srcs else (),
        )
        return obj


def edge_id(source: str, type_: str, target: str, key_values: Iterable[Any] = ()) -> str:
    parts = [source, type_, target] + [str(v) for v in key_values]
    return "|".join(parts)


# ---------------------------------------------------------------- load input


@dataclass
class Origin:
    """Where a record came from, for error messages: file and line/row."""

    file: str = "<input>"
    line: int | None = None

    def __str__(self) -> str:
        return f"{self.file}:{self.line}" if self.line is not None else self.file


@dataclass
class NodeRecord:
    """A node as read from input, before validation. ``id`` may be None (resolve by name)."""

    type: str
    name: dict[str, str]
    id: str | None = None
    aliases: dict[str, list[str]] = field(default_factory=dict)
    properties: dict[str, Any] = field(default_factory=dict)
    valid_from: str | None = None
    valid_to: str | None = None
    sources: list[Source] = field(default_factory=list)
    origin: Origin = field(default_factory=Origin)
    # open-data loaders: a reference edges of the same batch may use instead of an
    # id ('#...'), and the node's place (an id or '#scheme=value') that tells
    # namesakes apart (graph.identity)
    ref: str | None = None
    place: str | None = None


@dataclass
class EdgeRecord:
    type: str
    source: str
    target: str
    properties: dict[str, Any] = field(default_factory=dict)
    valid_from: str | None = None
    valid_to: str | None = None
    sources: list[Source] = field(default_factory=list)
    origin: Origin = field(default_factory=Origin)


@dataclass
class Batch:
    """Records of one load: all of them are applied, or none."""

    nodes: list[NodeRecord] = field(default_factory=list)
    edges: list[EdgeRecord] = field(default_factory=list)
    label: str = "<input>"
    # ambiguous names become review items (the record is left out) instead of errors
    review_ambiguous: bool = False
    # the euro exchange rates for figures in other currencies (graph.rates.RateTable);
    # None: the installed table (graph.rates.active()), if any
    rates: Any = None

    def extend(self, other: "Batch") -> None:
        self.nodes.extend(other.nodes)
        self.edges.extend(other.edges)


@dataclass
class LoadReport:
    nodes_created: int = 0
    nodes_updated: int = 0
    nodes_unchanged: int = 0
    edges_created: int = 0
    edges_updated: int = 0
    edges_unchanged: int = 0
    # entities not merged because the match was not certain, for a person to decide (graph.identity)
    review: list[dict[str, Any]] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.nodes_created or self.nodes_updated or self.edges_created or self.edges_updated)

    def to_dict(self) -> dict[str, Any]:
        return {
            "nodes": {"created": self.nodes_created, "updated": self.nodes_updated, "unchanged": self.nodes_unchanged},
            "edges": {"created": self.edges_created, "updated": self.edges_updated, "unchanged": self.edges_unchanged},
            "changed": self.changed,
            **({"review": list(self.review)} if self.review else {}),
        }


# ------------------------------------------------------------- query results


@dataclass
class SearchHit:
    node: Node
    score: float
    matched: str  # the name or alias that matched

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.node.id,
            "type": self.node.type,
            "label": self.node.label,
            "matched": self.matched,
            "score": round(self.score, 4),
        }


@dataclass
class Subgraph:
    nodes: list[Node]
    edges: list[Edge]
    center: list[str] = field(default_factory=list)
    truncated: bool = False
    limit: int | None = None
    omitted_nodes: int = 0  # nodes reached but left out because of the limit

    def to_dict(self) -> dict[str, Any]:
        return {
            "center": list(self.center),
            "nodes": [n.to_dict() for n in self.nodes],
            "edges": [e.to_dict() for e in self.edges],
            "truncated": self.truncated,
            "limit": self.limit,
            "omitted_nodes": self.omitted_nodes,
        }


@dataclass
class Hop:
    edge: Edge
    from_id: str
    to_id: str

    @property
    def direction(self) -> str:
        return "forward" if self.edge.source == self.from_id else "backward"

    def to_dict(self) -> dict[str, Any]:
        return {"from": self.from_id, "to": self.to_id, "direction": self.direction, "edge": self.edge.to_dict()}


@dataclass
class Path:
    nodes: list[Node]
    hops: list[Hop]

    @property
    def length(self) -> int:
        return len(self.hops)

    def node_ids(self) -> list[str]:
        return [n.id for n in self.nodes]

    def to_dict(self) -> dict[str, Any]:
        return {
            "length": self.length,
            "nodes": [{"id": n.id, "type": n.type, "label": n.label} for n in self.nodes],
            "hops": [h.to_dict() for h in self.hops],
        }


@dataclass
class PathsResult:
    source: str
    target: str
    paths: list[Path]
    truncated: bool = False  # the search stopped at its work cap before finding k paths

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "target": self.target,
            "count": len(self.paths),
            "paths": [p.to_dict() for p in self.paths],
            "truncated": self.truncated,
        }


@dataclass
class TimelineItem:
    date: str
    kind: str  # "node" or "edge"
    label: str
    node: Node | None = None
    edge: Edge | None = None
    facts: list[Edge] = field(default_factory=list)  # further edges behind this line (merged or connecting), with sources

    def key(self) -> tuple:
        return (self.date, self.kind, self.node.id if self.node else self.edge.id if self.edge else "")

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"date": self.date, "kind": self.kind, "label": self.label}
        if self.node is not None:
            d["node"] = self.node.to_dict()
        if self.edge is not None:
            d["edge"] = self.edge.to_dict()
        if self.facts:
            d["facts"] = [e.to_dict() for e in self.facts]
        return d


@dataclass
class Timeline:
    items: list[TimelineItem]
    truncated: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"items": [i.to_dict() for i in self.items], "truncated": self.truncated}


@dataclass
class Connections:
    a: Node
    b: Node
    common_neighbors: list[Node]
    agreements: list[Node]
    events: list[Node]
    shortest: Path | None
    truncated: bool = False

    def to_dict(self) -> dict[str, Any]:
        brief = lambda n: {"id": n.id, "type": n.type, "label": n.label, "properties": dict(n.properties)}  # noqa: E731
        return {
            "a": brief(self.a),
            "b": brief(self.b),
            "common_neighbors": [brief(n) for n in self.common_neighbors],
            "agreements": [brief(n) for n in self.agreements],
            "events": [brief(n) for n in self.events],
            "shortest_path": self.shortest.to_dict() if self.shortest else None,
            "truncated": self.truncated,
        }


@dataclass
class Stats:
    nodes: dict[str, int]
    edges: dict[str, int]

    def to_dict(self) -> dict[str, Any]:
        return {
            "nodes": dict(sorted(self.nodes.items())),
            "edges": dict(sorted(self.edges.items())),
            "total_nodes": sum(self.nodes.values()),
            "total_edges": sum(self.edges.values()),
        }
