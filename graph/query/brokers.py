"""Brokers: who connects the actors of region A to those of region B?

The actors of a region are the nodes inside it (``regions.contained``) of the actor
types: partner-path types (``partner_path: true``) that are not linking types
(agreements, events) - organizations, companies, persons. For each pair (actor in A,
actor in B) the shortest partner path is found (the ``paths`` query, k=1); every actor
standing between the ends counts once for that pair. Brokers are ranked by the number
of pairs whose path runs through them, each with the first such path as its example
(every hop an edge with its sources).

Large sets are sampled: at most ``sample`` pairs, taken at even steps through the pairs
in id order (deterministic, the same on every store). The answer states the number of
pairs, the sample and the standard error of a broker's share (at most 0.5/sqrt(n))."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from ..errors import QueryError
from . import limits as L
from .checks import check_range, not_found
from .regions import contained

NAME = "brokers"


@dataclass
class Broker:
    node: Any
    pairs: int
    share: float
    example: Any  # a Path

    def to_dict(self) -> dict[str, Any]:
        return {"node": self.node.to_dict(), "pairs": self.pairs, "share": round(self.share, 4),
                "example": self.example.to_dict()}


@dataclass
class Brokers:
    a: str
    b: str
    actors_a: int
    actors_b: int
    pairs_total: int
    pairs_sampled: int
    pairs_connected: int
    brokers: list[Broker] = field(default_factory=list)

    @property
    def standard_error(self) -> float | None:
        """Upper bound of the standard error of a share estimated from the sample (0 when complete)."""
        if self.pairs_sampled == 0:
            return None
        if self.pairs_sampled >= self.pairs_total:
            return 0.0
        return round(0.5 / math.sqrt(self.pairs_sampled), 4)

    def to_dict(self) -> dict[str, Any]:
        return {"a": self.a, "b": self.b, "actors_a": self.actors_a, "actors_b": self.actors_b,
                "pairs_total": self.pairs_total, "pairs_sampled": self.pairs_sampled,
                "pairs_connected": self.pairs_connected, "sampled": self.pairs_sampled < self.pairs_total,
                "standard_error": self.standard_error, "brokers": [x.to_dict() for x in self.brokers]}


def actor_types(schema) -> set[str]:
    linking = set(schema.types_with("links_parties"))
    return {n for n, t in schema.nodes.items() if t.hints.get("partner_path") is True and n not in linking}


def check(schema, *, a, b, sample=None, max_hops=None, limit=None):
    sample = L.BROKER_SAMPLE if sample is None else sample
    max_hops = L.BROKER_HOPS if max_hops is None else max_hops
    limit = L.DEFAULT_BROKER_LIMIT if limit is None else limit
    check_range("sample", sample, 1, L.MAX_BROKER_SAMPLE)
    check_range("max_hops", max_hops, 2, L.MAX_HOPS)
    check_range("limit", limit, 1, L.MAX_BROKER_LIMIT)
    return {"a": a, "b": b, "sample": sample, "max_hops": max_hops, "limit": limit}


def region_actors(store, region: str, field_: str) -> list[str]:
    if not store.node_refs([region]):
        raise not_found(region, field_)
    inside = contained(store, region)
    refs = store.node_refs(inside)
    types = actor_types(store.schema)
    return sorted(i for i in inside if i != region and refs[i].type in types)


def sample_pairs(xs: list[str], ys: list[str], n: int) -> list[tuple[str, str]]:
    """At most ``n`` pairs of (x, y), x != y, at even steps through all pairs in order."""
    total = len(xs) * len(ys)
    step = max(1, total / n) if total > n else 1
    out, i = [], 0.0
    while int(i) < total and len(out) < n:
        k = int(i)
        x, y = xs[k // len(ys)], ys[k % len(ys)]
        if x != y:
            out.append((x, y))
        i += step
    return out


def run(store, *, a, b, sample, max_hops, limit) -> Brokers:
    if a == b:
        raise QueryError("'a' and 'b' are the same region", details=[{"field": "b", "value": b}])
    xs, ys = region_actors(store, a, "a"), region_actors(store, b, "b")
    both = set(xs) & set(ys)
    xs, ys = [x for x in xs if x not in both], [y for y in ys if y not in both]
    pairs = sample_pairs(xs, ys, sample)
    types = actor_types(store.schema)
    via = store.schema.partner_via
    counts: dict[str, int] = {}
    examples: dict[str, Any] = {}
    connected = 0
    for x, y in pairs:
        found = store.paths(x, y, k=1, max_hops=max_hops, via=via)
        if not found.paths:
            continue
        connected += 1
        p = found.paths[0]
        for n in p.nodes[1:-1]:
            if n.type in types:
                counts[n.id] = counts.get(n.id, 0) + 1
                examples.setdefault(n.id, p)
    ranked = sorted(counts, key=lambda i: (-counts[i], i))[:limit]
    nodes = store.get_nodes(ranked)
    brokers = [Broker(nodes[i], counts[i], counts[i] / connected, examples[i]) for i in ranked]
    return Brokers(a, b, len(xs), len(ys), len(xs) * len(ys), len(pairs), connected, brokers)
