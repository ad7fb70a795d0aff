"""Undo: what to delete, and what only loses a source, when a node, an edge or a document is taken back.

Store-independent: plans are built with the store's public read methods and
carried out by the port primitive ``GraphStore.delete`` in one atomic step.

* a node: the node and every edge that touches it;
* an edge: that edge;
* a document (everything it stated): every node and edge whose *only* sources
  are that document is deleted (with the edges that touch deleted nodes);
  a fact stated by other documents too only loses this document's sources and
  stays; the Document node itself goes as well.

Every deletion is logged (logger ``regiograph.undo``) with its counts and ids.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace

from .errors import NotFoundError
from .model import Edge, Node
from .store.base import MAX_NEIGHBOR_LIMIT, GraphStore

log = logging.getLogger("regiograph.undo")


@dataclass
class UndoPlan:
    what: str
    delete_nodes: list[str] = field(default_factory=list)
    delete_edges: list[str] = field(default_factory=list)
    rewrite_nodes: list[Node] = field(default_factory=list)
    rewrite_edges: list[Edge] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"what": self.what, "deleted_nodes": sorted(self.delete_nodes), "deleted_edges": sorted(self.delete_edges),
                "source_removed_from_nodes": sorted(n.id for n in self.rewrite_nodes),
                "source_removed_from_edges": sorted(e.id for e in self.rewrite_edges)}


def _incident_edges(store: GraphStore, node_id: str) -> list[str]:
    sub = store.neighbors(node_id, depth=1, limit=MAX_NEIGHBOR_LIMIT)
    if not sub.truncated:
        return [e.id for e in sub.edges if node_id in (e.source, e.target)]
    return [e.id for e in store.iter_edges() if node_id in (e.source, e.target)]  # a hub: scan


def plan_node(store: GraphStore, node_id: str) -> UndoPlan:
    store.get_node(node_id)  # NotFoundError names the id
    return UndoPlan(f"node {node_id}", delete_nodes=[node_id], delete_edges=_incident_edges(store, node_id))


def plan_edge(store: GraphStore, edge_id: str) -> UndoPlan:
    if edge_id not in store.get_edges([edge_id]):
        raise NotFoundError(f"edge '{edge_id}' is not in the graph", details=[{"field": "id", "value": edge_id}])
    return UndoPlan(f"edge {edge_id}", delete_edges=[edge_id])


def plan_document(store: GraphStore, doc_id: str) -> UndoPlan:
    doc = store.get_node(doc_id)
    plan = UndoPlan(f"document {doc_id}", delete_nodes=[doc.id])
    gone: set[str] = {doc.id}
    for n in store.iter_nodes():
        if n.id == doc.id or not any(s.document == doc_id for s in n.sources):
            continue
        rest = tuple(s for s in n.sources if s.document != doc_id)
        if rest:
            plan.rewrite_nodes.append(replace(n, sources=rest))
        else:
            plan.delete_nodes.append(n.id)
            gone.add(n.id)
    for e in store.iter_edges():
        if e.source in gone or e.target in gone:
            plan.delete_edges.append(e.id)
            continue
        if not any(s.document == doc_id for s in e.sources):
            continue
        rest = tuple(s for s in e.sources if s.document != doc_id)
        if rest:
            plan.rewrite_edges.append(replace(e, sources=rest))
        else:
            plan.delete_edges.append(e.id)
    return plan


PLANNERS = {"node": plan_node, "edge": plan_edge, "document": plan_document}


def undo(store: GraphStore, kind: str, ref: str, *, dry_run: bool = False, by: str = "cli") -> UndoPlan:
    """Plan and (unless ``dry_run``) carry out one undo, all or nothing, and log it."""
    plan = PLANNERS[kind](store, ref)
    if dry_run:
        return plan
    store.delete(plan.delete_nodes, plan.delete_edges, rewrite_nodes=plan.rewrite_nodes, rewrite_edges=plan.rewrite_edges)
    log.warning("deleted %s by %s: %d nodes, %d edges deleted, a source removed from %d nodes and %d edges; nodes: %s",
                plan.what, by, len(plan.delete_nodes), len(plan.delete_edges), len(plan.rewrite_nodes),
                len(plan.rewrite_edges), ", ".join(sorted(plan.delete_nodes)[:20]))
    return plan
