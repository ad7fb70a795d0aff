"""The storage port every backend implements (embedded and Neo4j), and the
query methods every store offers through the one query layer (``graph.query``).

A store does storage only: nodes and edges by id, nodes by folded name, one
breadth-first level with type and date filters, the edges among a set of nodes,
the edges around one node, name-search candidates, counts, and an atomic write
of a prepared batch inside a write transaction. Search, neighbours, paths,
connections and timeline are written once above these primitives
(``graph.query``), with their arguments checked once. A store may answer a
query natively (``native_queries``) only when the contract suite
(``tests/contract``) proves the same answers as the generic query.

Shared conventions
------------------
* Traversals are **undirected** (an edge can be walked either way); every hop
  reports the edge's real direction.
* ``as_of``: a period ``(first day, last day)`` as YYYY-MM-DD strings, or None.
  Only nodes and edges valid at any day of it take part: valid from <= last day
  and valid to >= first day (``graph.dates.overlaps``). The query layer makes the
  period from the user's ``as_of`` (a day, month or year) or ``since``/``until``
  (``graph.query.checks.check_as_of``).
* ``edge_types`` / ``node_types``: ``None`` means all.
* Orderings are total, so that every backend returns the same list (see
  ``graph.query``).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Callable, Iterable, Iterator, NamedTuple

from ..errors import NotFoundError
from ..model import Batch, Edge, LoadReport, Node, Stats
from ..progress import stage
from ..schema import Schema

Progress = Callable[[int, int], None]  # (done, total)


class NodeRef(NamedTuple):
    """A node as a traversal sees it: id, type and subtype (``Schema.subtype``)."""

    id: str
    type: str
    subtype: str | None


class EdgeRef(NamedTuple):
    """An edge as a traversal sees it, without its payload."""

    id: str
    type: str
    source: str
    target: str


class WriteView(ABC):
    """What a load sees inside a store's write transaction: the latest committed
    state (no other writer can commit until this one ends) and the write itself."""

    @abstractmethod
    def get_nodes(self, ids: Iterable[str]) -> dict[str, Node]: ...

    @abstractmethod
    def get_edges(self, ids: Iterable[str]) -> dict[str, Edge]: ...

    @abstractmethod
    def find_by_names(self, type_: str, folded_names: Iterable[str]) -> dict[str, set[str]]: ...

    @abstractmethod
    def write(self, nodes: list[Node], edges: list[Edge], progress: Progress | None = None) -> None: ...

    @abstractmethod
    def neighbors(self, id: str, **kwargs): ...


class GraphStore(ABC):
    """A typed property graph with provenance. Backends implement the abstract methods."""

    schema: Schema

    # ----------------------------------------------------------- the port

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
    def node_refs(self, ids: Iterable[str]) -> dict[str, NodeRef]:
        """The id, type and subtype of the nodes among ``ids`` that exist."""

    @abstractmethod
    def valid_ids(self, ids: Iterable[str], as_of: tuple[str, str] | None) -> set[str]:
        """The ids among ``ids`` of nodes that exist and are valid in the period ``as_of`` (None: all)."""

    @abstractmethod
    def expand(self, frontier: list[str], edge_types: list[str] | None, node_types: list[str] | None,
               as_of: tuple[str, str] | None) -> list[NodeRef]:
        """One breadth-first level: each node next to a frontier node over an allowed edge
        (type, validity), itself allowed (type, validity), once. May include frontier nodes."""

    @abstractmethod
    def edges_among(self, ids: list[str], edge_types: list[str] | None, as_of: tuple[str, str] | None, cap: int) -> list[EdgeRef]:
        """The allowed edges whose both ends are among ``ids`` (at most ``cap``, any order)."""

    @abstractmethod
    def edges_at(self, ids: list[str], edge_types: list[str] | None, direction: str,
                 as_of: tuple[str, str] | None, cap: int) -> list[EdgeRef]:
        """The allowed edges (type, validity) at the nodes ``ids``: ``direction`` "out" - the
        node is the edge's source, "in" - its target, "both" - either. Each edge once, sorted
        by id, at most ``cap``. (Directed walks: containment, parties of an agreement.)"""

    @abstractmethod
    def nodes_of_type(self, type_: str, subtype: str | None, after: str, limit: int) -> list[Node]:
        """Up to ``limit`` nodes of ``type_`` (and ``subtype`` when given) whose id sorts after
        ``after`` ('' for the first page), ordered by id."""

    @abstractmethod
    def cited(self, documents: list[str], cap: int) -> tuple[list[Node], list[Edge]]:
        """The nodes and the edges whose sources name any of ``documents``, each sorted by id,
        at most ``cap`` of each (what changed: the facts a new document states)."""

    @abstractmethod
    def generation(self) -> str:
        """A token that changes whenever a write commits (caches of whole-graph answers,
        such as communities, are keyed by it)."""

    @abstractmethod
    def incident(self, id: str, other: str | None = None) -> list[Edge]:
        """Every edge touching ``id`` (any type, any date); only those to ``other`` when given."""

    @abstractmethod
    def search_candidates(self, words: list[str], types: list[str] | None, cap: int) -> list[Node]:
        """Nodes that have, for each folded word, a folded name word starting with it."""

    @abstractmethod
    def name_keys(self) -> list[str]:
        """Every distinct folded name or alias (the fuzzy search tier scores them)."""

    @abstractmethod
    def nodes_by_keys(self, keys: list[str]) -> list[Node]:
        """The nodes that carry any of these folded names."""

    @abstractmethod
    def stats(self) -> Stats:
        """Node and edge counts per type."""

    @abstractmethod
    def writing(self):
        """A context manager around one write transaction, yielding a ``WriteView``:
        reads through it see the latest committed state, and no other writer (thread or
        process) commits in between, so a read-merge-write never loses a concurrent write.
        Leaving it normally commits; an exception rolls everything back."""

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

    def native_queries(self) -> dict[str, Callable]:
        """Queries this store answers natively, by name (``graph.query.QUERIES``).
        Each must give the generic query's answers (checked by the contract suite)."""
        return {}

    # ------------------------------------------------------------- writes

    def write(self, nodes: list[Node], edges: list[Edge], progress: Progress | None = None) -> None:
        """Upsert these final nodes and edges atomically: all of them, or none."""
        with self.writing() as w:
            w.write(nodes, edges, progress)

    def load(self, batch: Batch, *, progress: Progress | None = None, dry_run: bool = False) -> LoadReport:
        """Validate, resolve and merge ``batch`` against the store, then write it
        atomically - the reads and the write in one write transaction, so concurrent
        loads of the same nodes keep every alias and source. Raises ``ValidationError``
        (nothing written) on any problem."""
        from .. import collector
        from ..ingest import prepare

        # a batch allocates many objects and no cycles: without the pause, full collections
        # stall every other thread (the API's /health) for 0.1-0.25 s each (graph/collector.py)
        with collector.paused(len(batch.nodes) + len(batch.edges) >= collector.PAUSE_AT):
            if dry_run:
                return prepare(batch, self.schema, self, progress).report
            with self.writing() as w:
                plan = prepare(batch, self.schema, w, progress)
                if plan.nodes or plan.edges:
                    stage(progress, "writing")
                    w.write(plan.nodes, plan.edges, progress=progress)
            return plan.report

    # ------------------------------------------------------------ queries

    def get_node(self, id: str) -> Node:
        found = self.get_nodes([id])
        if id not in found:
            raise NotFoundError(f"node '{id}' is not in the graph", details=[{"field": "id", "value": id}])
        return found[id]

    def search(self, q, *, types=None, limit=None):
        from .. import query
        return query.run(self, "search", q=q, types=types, limit=limit)

    def neighbors(self, id, *, depth=1, edge_types=None, node_types=None, as_of=None, limit=None, full=True,
                  since=None, until=None):
        from .. import query
        return query.run(self, "neighbors", id=id, depth=depth, edge_types=edge_types, node_types=node_types,
                         as_of=as_of, limit=limit, full=full, since=since, until=until)

    def paths(self, source, target, *, k=3, max_hops=6, edge_types=None, as_of=None, via=None,
              since=None, until=None):
        from .. import query
        return query.run(self, "paths", source=source, target=target, k=k, max_hops=max_hops,
                         edge_types=edge_types, as_of=as_of, via=via, since=since, until=until)

    def connections(self, a, b, *, as_of=None, limit=50, since=None, until=None):
        from .. import query
        return query.run(self, "connections", a=a, b=b, as_of=as_of, limit=limit, since=since, until=until)

    def timeline(self, id, *, other=None, limit=None, since=None, until=None):
        from .. import query
        return query.run(self, "timeline", id=id, other=other, limit=limit, since=since, until=until)


# Limits and defaults live with the query layer; re-exported for the API, views and CLI.
from ..query.limits import (  # noqa: E402,F401
    DEFAULT_NEIGHBOR_LIMIT,
    DEFAULT_SEARCH_LIMIT,
    DEFAULT_TIMELINE_LIMIT,
    MAX_DEPTH,
    MAX_HOPS,
    MAX_K,
    MAX_NEIGHBOR_LIMIT,
    MAX_SEARCH_LIMIT,
)


def __getattr__(name: str):
    """``PARTNER_VIA``: the bundled schema's default for partner paths (its ``partner_path``
    hints: actors, ties and sub-national regions, not hubs), read when first asked for."""
    if name == "PARTNER_VIA":
        from ..schema import default_schema

        return default_schema().partner_via
    raise AttributeError(name)
