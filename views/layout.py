"""Server-side node positions for views too large for in-browser physics.

``radial_layout`` is linear in the graph size: nodes sit on rings by their
breadth-first distance from the centre (or from one root per connected
component), ordered around each ring by their parent's angle so that
neighbourhoods stay together. ``compute_layout`` refines it with a short
networkx Fruchterman-Reingold run while that stays cheap (dense method, fewer
than ``SPRING_MAX_NODES`` nodes); above that the radial layout is used as is.
"""

from __future__ import annotations

import math
from collections import defaultdict, deque
from typing import Iterable

SPRING_MAX_NODES = 500  # networkx switches to a scipy-only method at 500
SPRING_ITERATIONS = 25
MIN_GAP = 46.0  # minimum arc distance between neighbours on a ring, in canvas units
RING_GAP = 170.0


def _adjacency(ids: list[str], pairs: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    inside = set(ids)
    adj: dict[str, set[str]] = defaultdict(set)
    for a, b in pairs:
        if a in inside and b in inside and a != b:
            adj[a].add(b)
            adj[b].add(a)
    return {i: sorted(adj.get(i, ())) for i in ids}


def radial_layout(ids: list[str], pairs: Iterable[tuple[str, str]], centers: Iterable[str] = ()) -> dict[str, tuple[float, float]]:
    """Positions on concentric rings around the centres (deterministic)."""
    if not ids:
        return {}
    adj = _adjacency(ids, pairs)
    level: dict[str, int] = {}
    parent: dict[str, str | None] = {}
    roots = [c for c in centers if c in adj]
    # remaining components get their best-connected node as root
    order = roots + sorted(ids, key=lambda i: (-len(adj[i]), i))
    queue: deque[str] = deque()
    for root in order:
        if root in level:
            continue
        level[root] = 0 if not level else 1
        parent[root] = None
        queue.append(root)
        while queue:
            cur = queue.popleft()
            for nb in adj[cur]:
                if nb not in level:
                    level[nb] = level[cur] + 1
                    parent[nb] = cur
                    queue.append(nb)
    rings: dict[int, list[str]] = defaultdict(list)
    for i in ids:
        rings[level[i]].append(i)
    pos: dict[str, tuple[float, float]] = {}
    angle: dict[str, float] = {}
    radius = 0.0
    for lv in sorted(rings):
        members = rings[lv]
        if lv == 0 and len(members) == 1:
            pos[members[0]] = (0.0, 0.0)
            angle[members[0]] = 0.0
            continue
        members.sort(key=lambda i: (angle.get(parent[i], -1.0) if parent[i] else -1.0, i))
        radius = max(radius + RING_GAP, len(members) * MIN_GAP / (2 * math.pi))
        step = 2 * math.pi / len(members)
        for j, i in enumerate(members):
            a = j * step
            angle[i] = a
            pos[i] = (radius * math.cos(a), radius * math.sin(a))
    return pos


def compute_layout(ids: list[str], pairs: list[tuple[str, str]], centers: Iterable[str] = ()) -> dict[str, tuple[float, float]]:
    """Radial start, refined by a short spring run when the graph is small enough."""
    start = radial_layout(ids, pairs, centers)
    if len(ids) < 3 or len(ids) >= SPRING_MAX_NODES:
        return start
    import networkx as nx

    g = nx.Graph()
    g.add_nodes_from(ids)
    g.add_edges_from((a, b) for a, b in pairs if a in start and b in start and a != b)
    extent = max(max(abs(x), abs(y)) for x, y in start.values()) or 1.0
    seeded = {i: (x / extent, y / extent) for i, (x, y) in start.items()}
    refined = nx.spring_layout(g, pos=seeded, iterations=SPRING_ITERATIONS, seed=7, method="force")
    scale = max(400.0, math.sqrt(len(ids)) * 75.0)
    return {i: (float(p[0]) * scale, float(p[1]) * scale) for i, p in refined.items()}


LAYER_GAP = 260.0
LANE_GAP = 120.0


def path_layout(paths: list[list[str]], ids: list[str]) -> dict[str, tuple[float, float]]:
    """Partner paths left to right: a node's column is its hop index, each path its own lane.

    A node on several paths keeps the place of its first path; the lanes are
    centred around the line from source to target.
    """
    pos: dict[str, tuple[float, float]] = {}
    if paths:
        longest = max(len(p) for p in paths) - 1 or 1
        for lane, path in enumerate(paths):
            y = ((lane + 1) // 2) * LANE_GAP * (1 if lane % 2 else -1)
            last = len(path) - 1 or 1
            for i, node in enumerate(path):
                if node in pos:
                    continue
                # spread shorter paths over the full width so that the ends line up
                x = (i / last) * longest * LAYER_GAP
                if i == 0 or i == len(path) - 1:
                    y_here = 0.0
                else:
                    y_here = y
                pos[node] = (x, y_here)
    rest = [i for i in ids if i not in pos]
    for j, node in enumerate(rest):
        pos[node] = (j * LAYER_GAP, 2 * LANE_GAP + LANE_GAP * (len(paths) // 2))
    return pos
