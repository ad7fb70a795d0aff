"""Server-side node positions: the start for in-browser physics on small views,
the final layout (physics off) on big ones.

``balloon_layout`` is linear in the graph size: the centre (or, per connected
component, its best-connected node) in the middle, its neighbours on a ring,
and everything reached through one neighbour in a sunflower disc just outside
it. ``compute_layout`` uses it as is for views around a centre and refines it
with a short Fruchterman-Reingold run (numpy) for other views up to
``SPRING_MAX_NODES`` nodes. ``ring_layout`` (rings by distance from the
centre) is the start for in-browser physics. ``path_layout`` puts partner
paths in lanes.
"""

from __future__ import annotations

import math
from collections import defaultdict, deque
from typing import Iterable

SPRING_MAX_NODES = 400  # above this the n x n spring step costs more than it is worth
SPRING_ITERATIONS = 25
MIN_GAP = 46.0  # minimum distance between neighbours on a ring, in canvas units
RING_GAP = 220.0  # smallest radius of the ring around a centre
RING_STEP = 170.0  # distance between rings in ring_layout
DISC_SPACING = 40.0  # node spacing inside a sunflower disc
GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))


def _adjacency(ids: list[str], pairs: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    inside = set(ids)
    adj: dict[str, set[str]] = defaultdict(set)
    for a, b in pairs:
        if a in inside and b in inside and a != b:
            adj[a].add(b)
            adj[b].add(a)
    return {i: sorted(adj.get(i, ())) for i in ids}


def _components(ids: list[str], adj: dict[str, list[str]], centers: list[str]) -> list[tuple[str, dict[str, str | None], dict[str, int]]]:
    """Breadth-first trees, one per connected component: (root, parent, depth).

    A component's root is a centre if it holds one, else its best-connected
    node (ties by id); the centre's component comes first."""
    seen: set[str] = set()
    out = []
    for root in centers + sorted(ids, key=lambda i: (-len(adj[i]), i)):
        if root in seen:
            continue
        parent: dict[str, str | None] = {root: None}
        depth = {root: 0}
        queue = deque([root])
        seen.add(root)
        while queue:
            cur = queue.popleft()
            for nb in adj[cur]:
                if nb not in seen:
                    seen.add(nb)
                    parent[nb] = cur
                    depth[nb] = depth[cur] + 1
                    queue.append(nb)
        out.append((root, parent, depth))
    return out


def _balloon(root: str, parent: dict[str, str | None], depth: dict[str, int]) -> tuple[dict[str, tuple[float, float]], float]:
    """One component around ``root`` at the origin; returns positions and the radius used.

    The root's neighbours sit on a ring; everything further out from one
    neighbour fills a sunflower disc just outside it, nearer nodes inside,
    so each neighbourhood reads as one cluster."""
    pos: dict[str, tuple[float, float]] = {root: (0.0, 0.0)}
    first = sorted(i for i, p in parent.items() if p == root)
    if not first:
        return pos, MIN_GAP
    branch: dict[str, list[str]] = {f: [] for f in first}
    for node in sorted(parent, key=lambda i: (depth[i], i)):
        if depth[node] >= 2:
            anc = node
            while depth[anc] > 1:
                anc = parent[anc]
            branch[anc].append(node)
    disc = {f: (DISC_SPACING * math.sqrt(len(b)) + DISC_SPACING / 2 if b else 0.0) for f, b in branch.items()}
    width = {f: max(MIN_GAP, 2 * disc[f] + MIN_GAP / 2) for f in first}
    total = sum(width.values())
    ring = max(RING_GAP, total / (2 * math.pi))
    angle = 0.0
    extent = ring
    for f in first:
        share = 2 * math.pi * width[f] / total
        a = angle + share / 2
        angle += share
        ux, uy = math.cos(a), math.sin(a)
        pos[f] = (ring * ux, ring * uy)
        if branch[f]:
            dist = ring + MIN_GAP + disc[f]
            cx, cy = dist * ux, dist * uy
            for k, node in enumerate(branch[f]):
                r = DISC_SPACING * math.sqrt(k + 0.5)
                t = k * GOLDEN_ANGLE + a
                pos[node] = (cx + r * math.cos(t), cy + r * math.sin(t))
            extent = max(extent, dist + disc[f])
    return pos, extent


def balloon_layout(ids: list[str], pairs: Iterable[tuple[str, str]], centers: Iterable[str] = ()) -> dict[str, tuple[float, float]]:
    """Deterministic, linear-time positions: each component as a balloon, components in rows."""
    if not ids:
        return {}
    adj = _adjacency(ids, pairs)
    parts = [_balloon(*c) for c in _components(ids, adj, [c for c in centers if c in adj])]
    pos: dict[str, tuple[float, float]] = {}
    # shelf packing: rows of components, the first (centre's) component top left
    row_width = max(2 * parts[0][1], math.sqrt(sum((2 * r) ** 2 for _, r in parts)) * 1.2)
    x = y = row_height = 0.0
    for placed, radius in parts:
        d = 2 * radius + MIN_GAP
        if x > 0 and x + d > row_width:
            x, y = 0.0, y + row_height
            row_height = 0.0
        ox, oy = x + d / 2, y + d / 2
        for node, (px, py) in placed.items():
            pos[node] = (px + ox, py + oy)
        x += d
        row_height = max(row_height, d)
    return pos


def ring_layout(ids: list[str], pairs: Iterable[tuple[str, str]], centers: Iterable[str] = ()) -> dict[str, tuple[float, float]]:
    """Concentric rings by breadth-first distance from the centre, each ring
    ordered by the parents' angles: an even, uncrowded start for physics."""
    if not ids:
        return {}
    adj = _adjacency(ids, pairs)
    level: dict[str, int] = {}
    parent: dict[str, str | None] = {}
    for k, (_, par, dep) in enumerate(_components(ids, adj, [c for c in centers if c in adj])):
        for node, d in dep.items():
            level[node] = d + (1 if k else 0)  # further components start on the first ring
            parent[node] = par[node]
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
        radius = max(radius + RING_STEP, len(members) * MIN_GAP / (2 * math.pi))
        step = 2 * math.pi / len(members)
        for j, i in enumerate(members):
            angle[i] = j * step
            pos[i] = (radius * math.cos(j * step), radius * math.sin(j * step))
    return pos


def spring_refine(ids: list[str], pairs: Iterable[tuple[str, str]], start: dict[str, tuple[float, float]],
                  iterations: int = SPRING_ITERATIONS) -> dict[str, tuple[float, float]]:
    """Fruchterman-Reingold from ``start``, vectorized with numpy.

    The same force model as networkx's ``spring_layout`` (repulsion k^2/d,
    attraction d^2/k along edges, linear cooling), written with n x n matrix
    products instead of n x n x 2 arrays: about 4x faster at 300 nodes.
    """
    import numpy as np

    n = len(ids)
    index = {i: j for j, i in enumerate(ids)}
    adj = np.zeros((n, n))
    for a, b in pairs:
        if a in index and b in index and a != b:
            adj[index[a], index[b]] = adj[index[b], index[a]] = 1.0
    pos = np.array([start[i] for i in ids], dtype=float)
    pos /= np.abs(pos).max() or 1.0
    k = math.sqrt(1.0 / n)
    temp = 0.2
    cool = temp / (iterations + 1)
    for _ in range(iterations):
        sq = (pos * pos).sum(1)
        d2 = sq[:, None] + sq[None, :] - 2.0 * (pos @ pos.T)
        np.maximum(d2, 1e-4, out=d2)
        force = k * k / d2 - adj * np.sqrt(d2) / k
        disp = pos * force.sum(1)[:, None] - force @ pos
        length = np.sqrt((disp * disp).sum(1))
        length[length < 0.01] = 0.1
        pos += disp * (temp / length)[:, None]
        temp -= cool
    pos -= pos.mean(0)
    pos /= np.abs(pos).max() or 1.0
    scale = max(400.0, math.sqrt(n) * 75.0)
    return {i: (float(pos[j, 0]) * scale, float(pos[j, 1]) * scale) for j, i in enumerate(ids)}


def compute_layout(ids: list[str], pairs: list[tuple[str, str]], centers: Iterable[str] = ()) -> dict[str, tuple[float, float]]:
    """The finished server-side layout.

    Views around a centre get the balloon layout as is (it is made for ego
    networks); other views start from it and, while that is cheap, are
    refined by a short spring run."""
    centers = [c for c in centers if c in set(ids)]
    start = balloon_layout(ids, pairs, centers)
    if centers or len(ids) < 3 or len(ids) > SPRING_MAX_NODES:
        return start
    try:
        return spring_refine(ids, pairs, start)
    except ImportError:  # numpy missing: the balloon layout is still a complete layout
        return start


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


RADIAL_ARC = 44.0  # canvas units between neighbours on a ring of the radial layout
RADIAL_FIRST = 250.0  # smallest radius of the first ring
RADIAL_STEP = 250.0  # smallest distance between rings (room for the inner ring's labels)
RADIAL_MAX_BANDS = 6  # a crowded outer ring is staggered over at most this many bands
RADIAL_BAND = 70.0  # distance between the bands


def radial_layout(ids: list[str], pairs: Iterable[tuple[str, str]], centers: Iterable[str] = (),
                  order: dict[str, tuple] | None = None) -> tuple[dict[str, tuple[float, float]], dict[str, float]]:
    """Rings by breadth-first distance from the centre; each node's children share
    its angular wedge (in proportion to the leaves below them), so subtrees stay
    together and no edge of the tree crosses another. Ring radii grow with the
    number of nodes on them so neighbours keep ``RADIAL_ARC`` apart; a crowded
    outer ring is staggered over up to ``RADIAL_MAX_BANDS`` bands, and inner
    rings spread out in proportion.

    Returns positions and, per node, the angle of its ring position (the page
    puts labels on the outside of the ring). ``order``: sort keys of siblings
    (e.g. type, then name), so nodes of one type sit together. Components
    without the centre are laid out as balloons to the right."""
    if not ids:
        return {}, {}
    order = order or {}
    adj = _adjacency(ids, pairs)
    comps = _components(ids, adj, [c for c in centers if c in adj])
    root, parent, depth = comps[0]
    children: dict[str, list[str]] = defaultdict(list)
    for node, par in parent.items():
        if par is not None:
            children[par].append(node)
    for kids in children.values():
        kids.sort(key=lambda i: (order.get(i, ()), i))
    weight: dict[str, float] = {}
    for node in sorted(parent, key=lambda i: -depth[i]):
        weight[node] = max(1.0, sum(weight[c] for c in children.get(node, ())))
    on_ring: dict[int, int] = defaultdict(int)
    for d in depth.values():
        if d:
            on_ring[d] += 1
    # rings grow with the nodes on them; the outermost one with the total leaf
    # weight, which fixes the angular step of its (densest) wedges
    total = weight[root] if children.get(root) else 1.0
    outer = max(on_ring, default=0)
    radius: dict[int, float] = {0: 0.0}
    bands = 1
    for d in sorted(on_ring):
        least = radius[d - 1] + (RADIAL_FIRST if d == 1 else RADIAL_STEP)
        need = max(on_ring[d], total if d == outer else 0) * RADIAL_ARC / (2 * math.pi)
        if d == outer and need > least + RADIAL_STEP:
            # a crowded outer ring is staggered over a few bands instead of growing huge
            bands = min(RADIAL_MAX_BANDS, math.ceil(need / (least + RADIAL_STEP)))
            need /= bands
        radius[d] = max(least, need)
    for d in sorted(on_ring):  # inner rings spread out when the outer one is big
        if d < outer:
            radius[d] = max(radius[d], radius[outer] * d / outer * 0.85)
    pos: dict[str, tuple[float, float]] = {root: (0.0, 0.0)}
    angle: dict[str, float] = {}
    band_of: dict[str, int] = {}
    stack = [(root, -math.pi / 2, 2 * math.pi)]  # start at the top, clockwise
    while stack:
        node, start, span = stack.pop()
        kids = children.get(node, [])
        w = sum(weight[k] for k in kids) or 1.0
        a = start
        for k in kids:
            share = span * weight[k] / w
            mid = a + share / 2
            r = radius[depth[k]]
            if bands > 1 and depth[k] == outer:
                band_of[k] = len(band_of) % bands
                r += band_of[k] * RADIAL_BAND
            pos[k] = (r * math.cos(mid), r * math.sin(mid))
            angle[k] = mid
            stack.append((k, a, share))
            a += share
    extent = max(radius.values()) + RADIAL_STEP / 2
    rest = [i for i in ids if i not in pos]
    if rest:
        others = balloon_layout(rest, pairs)
        minx = min(x for x, _ in others.values())
        miny = min(y for _, y in others.values())
        for node, (x, y) in others.items():
            pos[node] = (extent + RADIAL_STEP + x - minx, -extent + y - miny)
    return pos, angle


def disc_around(anchor: tuple[float, float], away_from: tuple[float, float], members: list[str],
                spacing: float = DISC_SPACING * 1.3) -> dict[str, tuple[float, float]]:
    """A sunflower disc of ``members`` just beyond ``anchor``, on the side away
    from ``away_from`` (where an expanded group's members appear)."""
    ax, ay = anchor
    dx, dy = ax - away_from[0], ay - away_from[1]
    d = math.hypot(dx, dy) or 1.0
    r_disc = spacing * math.sqrt(len(members)) + spacing / 2
    cx, cy = ax + dx / d * (r_disc + spacing), ay + dy / d * (r_disc + spacing)
    out = {}
    for k, node in enumerate(members):
        r = spacing * math.sqrt(k + 0.5)
        t = k * GOLDEN_ANGLE
        out[node] = (cx + r * math.cos(t), cy + r * math.sin(t))
    return out
