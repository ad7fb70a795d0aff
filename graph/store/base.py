"""The storage interface every backend implements (embedded and Neo4j).

The semantics below are the contract; ``tests/contract`` runs the same suite
against every backend and expects identical answers.

Shared conventions
------------------
* Traversals are **undirected** (an edge can be walked either way); every hop
  reports the edge's real direction.
* ``as_of`` (``YYYY-MM-DD``): only nodes and edges valid on that day take part
  (``graph.dates.valid_at`` on their ``valid_from``/``valid_to``).
* ``edge_types`` / ``node_types``: ``None`` means all. A node whose type is
  filtered out is neither returned nor walked through (query endpoints are
  always allowed).
* Orderings are total, so that every backend returns the same list:
  - neighbours: by (distance from the centre, node id);
  - paths: by (length, cost, tuple of node ids), where cost is the sum of the
    hops' ``path_cost`` (declared per edge type in the schema: lower = stronger
    tie); between two consecutive nodes the hop names the allowed edge that
    sorts first by (path_cost, type, id); paths are *simple* (no node twice)
    and distinct by node sequence; ``via`` restricts the nodes allowed
    *between* the endpoints to these types or type:subtype entries (None: all);
  - search: by (-score, folded label, id) with ``graph.search.score``;
  - timeline: by (date, kind, id).
* Every query has a cap; hitting it sets ``truncated`` in the result.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Callable, Iterable, Iterator

from ..errors import NotFoundError
from ..model import Batch, Connections, Edge, LoadReport, Node, PathsResult, SearchHit, Stats, Subgraph, Timeline
from ..schema import Schema

Progress = Callable[[int, int], None]  # (done, total)

MAX_DEPTH = 3
MAX_K = 10
MAX_HOPS = 8
# Partner paths step through actors, ties and sub-national regions by default,
# not through the hubs (countries, topics) that connect everything. A ``via``
# entry is a node type ("Organization") or a type with its subtype, the value
# of its ``level`` or ``kind`` property ("Region:state").
PARTNER_VIA = [
    "Agreement", "Company", "Event", "Organization", "Person",
    "Region:state", "Region:province", "Region:city", "Region:district",
]


def subtype(node) -> str | None:
    """The value of a node's ``level`` (regions) or ``kind`` property."""
    p = node.properties
    return p.get("level") or p.get("kind")


def via_ok(node, via: set[str] | None) -> bool:
    """Whether ``node`` may stand between the endpoints of a path."""
    if via is None or node.type in via:
        return True
    sub = subtype(node)
    return sub is not None and f"{node.type}:{sub}" in via


def check_via(schema, via: list[str] | None) -> list[str] | None:
    """Validate ``via`` entries ('Type' or 'Type:subtype') against the schema."""
    from ..errors import QueryError

    if via is None:
        return None
    for v in via:
        t, _, sub = v.partition(":")
        nt = schema.nodes.get(t)
        if nt is None:
            raise QueryError(f"'via' has unknown node type '{t}'; known: {', '.join(sorted(schema.nodes))}",
                             details=[{"field": "via", "value": v}])
        if sub:
            prop = nt.properties.get("level") or nt.properties.get("kind")
            if prop is None or sub not in prop.values:
                allowed = ", ".join(prop.values) if prop else "none"
                raise QueryError(f"'via' entry '{v}': {t} has no subtype '{sub}' (subtypes: {allowed})",
                                 details=[{"field": "via", "value": v}])
    return sorted(set(via))
DEFAULT_NEIGHBOR_LIMIT = 500
MAX_NEIGHBOR_LIMIT = 5000
DEFAULT_SEARCH_LIMIT = 20
MAX_SEARCH_LIMIT = 200
DEFAULT_TIMELINE_LIMIT = 200


class GraphStore(ABC):
    """A typed property graph with provenance. Backends implement the abstract methods."""

    schema: Schema

    # ----------------------------------------------------------- primitives

    @abstractmethod
    def get_nodes(self, ids: Iterable[str]) -> dict[str, Node]:
        """The nodes among ``ids`` that exist, by id (missing ids are simply absent)."""

    @abstractmethod
    def get_edges(self, ids: Iterable[str]) -> dict[str, Edge]:
        """The edges among ``ids`` that exist, by id."""

    @abstractmethod
    def find_by_names(self, type_: str, folded_names: Iterable[str]) -> dict[str, set[str]]:
        """For each folded name (``graph.text.fold``), the ids of nodes of ``type_``
        that carry it as a name or alias (in any of its fold variants)."""

    @abstractmethod
    def write(self, nodes: list[Node], edges: list[Edge], progress: Progress | None = None) -> None:
        """Upsert these final nodes and edges atomically: all of them, or none.
        ``nodes`` and ``edges`` are complete objects (already merged with what was
        stored); the backend replaces what it has under those ids."""

    @abstractmethod
    def delete(self, node_ids: Iterable[str], edge_ids: Iterable[str], *,
               rewrite_nodes: list[Node] = (), rewrite_edges: list[Edge] = ()) -> None:
        """Remove these nodes (with every edge that touches them) and these edges, and upsert
        ``rewrite_nodes`` / ``rewrite_edges`` (complete objects, e.g. with one source taken away), in one
        atomic step: all of it, or nothing. Ids that do not exist are ignored. (graph.undo plans it.)"""

    @abstractmethod
    def iter_nodes(self) -> Iterator[Node]:
        """Every node, ordered by id."""

    @abstractmethod
    def iter_edges(self) -> Iterator[Edge]:
        """Every edge, ordered by id."""

    @abstractmethod
    def clear(self) -> None:
        """Remove everything (tests, migrate --replace)."""

    def close(self) -> None:  # pragma: no cover - backends override when they hold resources
        pass

    # -------------------------------------------------------------- queries

    @abstractmethod
    def search(self, q: str, *, types: list[str] | None = None, limit: int = DEFAULT_SEARCH_LIMIT) -> list[SearchHit]:
        """Nodes whose names or aliases match ``q``, best first (``graph.search``)."""

    @abstractmethod
    def neighbors(
        self,
        id: str,
        *,
        depth: int = 1,
        edge_types: list[str] | None = None,
        node_types: list[str] | None = None,
        as_of: str | None = None,
        limit: int = DEFAULT_NEIGHBOR_LIMIT,
    ) -> Subgraph:
        """The nodes within ``depth`` hops (centre included, first ``limit`` by
        (distance, id)) and every allowed edge among them (sorted by id).
        ``omitted_nodes`` counts reached nodes left out by ``limit``."""

    @abstractmethod
    def paths(
        self,
        source: str,
        target: str,
        *,
        k: int = 3,
        max_hops: int = 6,
        edge_types: list[str] | None = None,
        as_of: str | None = None,
        via: list[str] | None = None,
    ) -> PathsResult:
        """Up to ``k`` shortest simple paths of at most ``max_hops`` hops whose
        inner nodes are of the ``via`` types."""

    @abstractmethod
    def connections(self, a: str, b: str, *, as_of: str | None = None, limit: int = 50) -> Connections:
        """How two entities are connected: common neighbours (sorted by (type, id)),
        Agreement and Event nodes within two hops of both (sorted by (date, id);
        the middle node of a two-hop link must be of a ``PARTNER_VIA`` type),
        and the shortest path (max 6 hops, ``via=PARTNER_VIA``)."""

    @abstractmethod
    def timeline(self, id: str, *, other: str | None = None, limit: int = DEFAULT_TIMELINE_LIMIT) -> Timeline:
        """Dated facts around ``id`` (its own start, its dated edges, the agreements
        and events next to it); with ``other``: the trade flows between the two and
        the agreements and events that connect them."""

    @abstractmethod
    def stats(self) -> Stats:
        """Node and edge counts per type."""

    # ------------------------------------------------------ shared helpers

    def get_node(self, id: str) -> Node:
        found = self.get_nodes([id])
        if id not in found:
            raise NotFoundError(f"node '{id}' is not in the graph", details=[{"field": "id", "value": id}])
        return found[id]

    def load(self, batch: Batch, *, progress: Progress | None = None, dry_run: bool = False) -> LoadReport:
        """Validate, resolve and merge ``batch`` against the store, then write it
        atomically. Raises ``ValidationError`` (nothing written) on any problem."""
        from ..ingest import prepare

        plan = prepare(batch, self.schema, self)
        if not dry_run and (plan.nodes or plan.edges):
            self.write(plan.nodes, plan.edges, progress=progress)
        return plan.report
