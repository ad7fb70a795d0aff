"""Breadth-first walks over the port's ``expand`` primitive, shared by the queries."""

from __future__ import annotations

from . import limits as L

FAR = 10**6  # distance bound for nodes a finished search never reached


def passable(ref, via: set[str] | None) -> bool:
    """Whether a node (a ``NodeRef``) may stand between the endpoints of a path."""
    if via is None or ref.type in via:
        return True
    return ref.subtype is not None and f"{ref.type}:{ref.subtype}" in via


class Ball:
    """Breadth-first distances from ``start``, grown one level at a time.
    With ``via``, nodes not allowed between endpoints are reached but not walked through."""

    def __init__(self, store, start: str, edge_types, node_types, as_of, via: set[str] | None,
                 cap: int = L.REACH_CAP) -> None:
        self.store, self.start = store, start
        self.edge_types, self.node_types, self.as_of, self.via, self.cap = edge_types, node_types, as_of, via, cap
        self.dist: dict[str, int] = {start: 0}
        self.refs: dict = {}
        self.frontier = [start]
        self.depth = 0
        self.capped = False

    def passable(self, nid: str) -> bool:
        return nid == self.start or passable(self.refs[nid], self.via)

    def grow(self, depth: int) -> None:
        while self.depth < depth and self.frontier and not self.capped:
            expand = [u for u in self.frontier if self.passable(u)] if self.via is not None else self.frontier
            found = self.store.expand(expand, self.edge_types, self.node_types, self.as_of) if expand else []
            nxt = []
            for r in found:
                if r.id not in self.dist:
                    self.dist[r.id] = self.depth + 1
                    self.refs[r.id] = r
                    nxt.append(r.id)
                    if len(self.dist) >= self.cap:
                        self.capped = True
                        break
            self.frontier = nxt
            self.depth += 1

    def bound(self, nid: str) -> int:
        """A lower bound of the distance from ``start`` (exact inside the ball)."""
        if nid in self.dist:
            return self.dist[nid]
        return self.depth + 1 if self.frontier else FAR


def all_edges_at(store, ids: list[str], edge_types=None, direction: str = "both", chunk: int = 1_000) -> list:
    """Every allowed edge at ``ids`` (``store.edges_at`` without a date filter), each once,
    sorted by id: asked in chunks small enough that no call meets the store's cap, so the
    answer does not depend on where a cap would cut."""
    got: dict[str, object] = {}
    for i in range(0, len(ids), chunk):
        part = store.edges_at(ids[i:i + chunk], edge_types, direction, None, L.LIST_SCAN_CAP)
        if len(part) >= L.LIST_SCAN_CAP and chunk > 1:
            return all_edges_at(store, ids, edge_types, direction, max(1, chunk // 10))
        got.update((e.id, e) for e in part)
    return [got[k] for k in sorted(got)]
