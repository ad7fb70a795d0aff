"""What lies in a region: the nodes that reach it over ``containment`` edges (the schema's
edge hint: LOCATED_IN, PART_OF), transitively, each with the edge that brought it in."""

from __future__ import annotations

from . import limits as L


def contained(store, region: str, as_of=None, cap: int = L.REACH_CAP) -> dict[str, object]:
    """{node id: the containment edge (``EdgeRef``) from it towards ``region``}; ``region``
    itself maps to None. Breadth-first over incoming containment edges, by edge id, so
    every store gives the same edges."""
    types = store.schema.edge_types_with("containment")
    via: dict[str, object] = {region: None}
    if not types:
        return via
    frontier = [region]
    for _ in range(L.CONTAINMENT_DEPTH):
        if not frontier or len(via) >= cap:
            break
        nxt = []
        for e in store.edges_at(frontier, types, "in", as_of, cap):
            if e.source not in via:
                via[e.source] = e
                nxt.append(e.source)
        frontier = sorted(nxt)
    return via


def chain(via: dict[str, object], nid: str) -> list:
    """The containment edges from ``nid`` up to the region (empty for the region itself)."""
    out = []
    while via.get(nid) is not None:
        e = via[nid]
        out.append(e)
        nid = e.target
    return out
