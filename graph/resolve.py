"""Turn what a user typed (an id or a name) into a node id."""

from __future__ import annotations

from .errors import NotFoundError
from .store.base import GraphStore


def resolve_ref(store: GraphStore, ref: str, field: str = "id") -> str:
    """An existing node id is returned as is; otherwise ``ref`` is searched as a
    name and must match exactly one node's name or alias (score 1.0), or be the
    single hit. Otherwise NotFoundError lists the candidates."""
    ref = (ref or "").strip()
    if not ref:
        raise NotFoundError(f"'{field}' is empty; give a node id or a name", details=[{"field": field, "value": ref}])
    if len(ref) > 200:
        raise NotFoundError(
            f"'{ref[:60]}...' is not in the graph: ids and names are at most 200 characters",
            details=[{"field": field, "value": ref[:200]}],
        )
    if store.get_nodes([ref]):
        return ref
    hits = store.search(ref, limit=5) if any(ch.isalnum() for ch in ref) else []
    exact = [h for h in hits if h.score >= 1.0]
    if len(exact) == 1 or (len(hits) == 1 and not exact):
        return (exact or hits)[0].node.id
    if hits:
        cands = ", ".join(f"{h.node.id} ({h.node.label})" for h in hits)
        raise NotFoundError(
            f"'{ref}' is not a node id and matches several nodes: {cands}; give one of these ids",
            details=[{"field": field, "value": ref, "candidates": [h.node.id for h in hits]}],
        )
    raise NotFoundError(
        f"node '{ref}' is not in the graph (no id or name matches); try /api/search?q=...",
        details=[{"field": field, "value": ref}],
    )
