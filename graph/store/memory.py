"""The in-memory graph behind the embedded store: networkx plus hand-made indexes.

``MemoryGraph`` keeps

* ``nodes`` / ``edges``: id -> Node / Edge;
* ``g``: a ``networkx.MultiDiGraph`` keyed by edge id (exports, reference
  algorithms) - queries never copy or view it per request;
* ``adj``: undirected adjacency ``node -> neighbour -> [edge ids]`` and
  ``adj_by_type``: ``edge type -> node -> neighbour -> [edge ids]``, so a
  filtered traversal touches only the edges of the wanted types;
* a name index (folded name -> node ids) and a sorted word list for prefix search.

It is not thread-safe on its own; ``EmbeddedStore`` guards it with a
readers-writer lock.
"""

from __future__ import annotations

import bisect
from collections import Counter
from typing import Iterable, Iterator

import networkx as nx

from .. import dates
from ..ingest import folded_keys
from ..model import Edge, Node


class MemoryGraph:
    def __init__(self) -> None:
        self.nodes: dict[str, Node] = {}
        self.edges: dict[str, Edge] = {}
        self.g = nx.MultiDiGraph()
        self.adj: dict[str, dict[str, list[str]]] = {}
        self.adj_by_type: dict[str, dict[str, dict[str, list[str]]]] = {}
        self.node_bounds: dict[str, tuple[str | None, str | None]] = {}
        self.edge_bounds: dict[str, tuple[str | None, str | None]] = {}
        self.names: dict[str, set[str]] = {}  # folded name -> ids
        self.words: dict[str, set[str]] = {}  # folded word -> ids
        self._node_keys: dict[str, set[str]] = {}
        self._sorted_words: list[str] | None = None
        self.node_counts: Counter[str] = Counter()
        self.edge_counts: Counter[str] = Counter()

    # --------------------------------------------------------------- writes

    def put_node(self, node: Node) -> None:
        old = self.nodes.get(node.id)
        if old is not None:
            self.node_counts[old.type] -= 1
            for key in self._node_keys.pop(node.id, set()):
                self._unindex(self.names, key, node.id)
                for w in key.split():
                    self._unindex(self.words, w, node.id)
        self.nodes[node.id] = node
        self.node_counts[node.type] += 1
        if node.id not in self.g:
            self.g.add_node(node.id)
            self.adj.setdefault(node.id, {})
        keys = folded_keys(node)
        self._node_keys[node.id] = keys
        for key in keys:
            self.names.setdefault(key, set()).add(node.id)
            for w in key.split():
                self.words.setdefault(w, set()).add(node.id)
        self._sorted_words = None
        if node.valid_from or node.valid_to:
            self.node_bounds[node.id] = (dates.lower_bound(node.valid_from), dates.upper_bound(node.valid_to))
        else:
            self.node_bounds.pop(node.id, None)

    def put_edge(self, edge: Edge) -> None:
        old = self.edges.get(edge.id)
        if old is not None:
            self.edge_counts[old.type] -= 1
        else:
            self.g.add_edge(edge.source, edge.target, key=edge.id, type=edge.type)
            for u, v in ((edge.source, edge.target), (edge.target, edge.source)):
                self.adj.setdefault(u, {}).setdefault(v, []).append(edge.id)
                self.adj_by_type.setdefault(edge.type, {}).setdefault(u, {}).setdefault(v, []).append(edge.id)
        self.edges[edge.id] = edge
        self.edge_counts[edge.type] += 1
        if edge.valid_from or edge.valid_to:
            self.edge_bounds[edge.id] = (dates.lower_bound(edge.valid_from), dates.upper_bound(edge.valid_to))
        else:
            self.edge_bounds.pop(edge.id, None)

    @staticmethod
    def _unindex(index: dict[str, set[str]], key: str, nid: str) -> None:
        ids = index.get(key)
        if ids is not None:
            ids.discard(nid)
            if not ids:
                del index[key]

    # --------------------------------------------------------------- reads

    def node_ok(self, nid: str, node_types: set[str] | None, as_of: str | None) -> bool:
        if node_types is not None and self.nodes[nid].type not in node_types:
            return False
        if as_of is not None and nid in self.node_bounds:
            lo, hi = self.node_bounds[nid]
            if (lo and as_of < lo) or (hi and as_of > hi):
                return False
        return True

    def edge_ok(self, eid: str, as_of: str | None) -> bool:
        if as_of is not None and eid in self.edge_bounds:
            lo, hi = self.edge_bounds[eid]
            if (lo and as_of < lo) or (hi and as_of > hi):
                return False
        return True

    def neighbours(self, u: str, edge_types: list[str] | None, as_of: str | None) -> Iterator[tuple[str, list[str]]]:
        """(neighbour, allowed edge ids) pairs around ``u``; edges filtered by type and date."""
        if edge_types is None:
            sources: Iterable[dict[str, list[str]]] = (self.adj.get(u, {}),)
        else:
            sources = [self.adj_by_type[t].get(u, {}) for t in edge_types if t in self.adj_by_type]
        for nbrs in sources:
            for v, eids in nbrs.items():
                if as_of is not None:
                    eids = [e for e in eids if self.edge_ok(e, as_of)]
                    if not eids:
                        continue
                yield v, eids

    def ids_with_word_prefix(self, prefix: str) -> set[str]:
        if self._sorted_words is None:
            self._sorted_words = sorted(self.words)
        words = self._sorted_words
        out: set[str] = set()
        i = bisect.bisect_left(words, prefix)
        while i < len(words) and words[i].startswith(prefix):
            out |= self.words[words[i]]
            i += 1
        return out
