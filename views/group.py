"""Group large neighbourhoods by type or by region instead of drawing them as a tangle.

Around a centred view, the leaves of one node (nodes whose only edge in the
view goes to that node) are counted per type; in views of more than
``VIEW_MIN`` nodes, when one node has more than ``GROUP_MIN`` leaves of one type, they are drawn as a single group node
("14 × Topic") that the page expands on click. Only leaves are grouped, so
hiding them hides no edge to any other visible node. Grouping by region
(``leaf_regions``) buckets the leaves by the region they are located in or part of.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

GROUP_MIN = 6  # more leaves than this, of one type at one node, become a group
VIEW_MIN = 40  # views up to this many nodes are drawn in full


@dataclass(frozen=True)
class Group:
    id: str
    parent: str
    type: str
    members: tuple[str, ...]
    edges: tuple[str, ...]  # the members' edges to the parent


def find_groups(node_types: dict[str, str], edges: list[tuple[str, str, str]], centers: list[str],
                group_min: int = GROUP_MIN, view_size: int | None = None) -> list[Group]:
    """``node_types``: id -> the key leaves are grouped by (their type, or their region
    when grouping by region; nodes left out are not grouped); ``edges``: (edge id,
    source, target); ``view_size``: the number of nodes in the view (default: len(node_types)).
    Centres are never grouped."""
    if not centers or (len(node_types) if view_size is None else view_size) <= VIEW_MIN:
        return []
    touching: dict[str, set[str]] = defaultdict(set)
    edge_of: dict[str, list[str]] = defaultdict(list)
    for eid, a, b in edges:
        if a == b:
            continue
        touching[a].add(b)
        touching[b].add(a)
        edge_of[a].append(eid)
        edge_of[b].append(eid)
    fixed = set(centers)
    buckets: dict[tuple[str, str], list[str]] = defaultdict(list)
    for node, others in touching.items():
        if node in fixed or len(others) != 1 or node not in node_types:
            continue
        (parent,) = others
        if len(touching[parent]) > 1 or parent in fixed:  # a pair on its own is not a neighbourhood
            buckets[(parent, node_types[node])].append(node)
    taken = set(node_types)
    groups = []
    for (parent, type_), members in sorted(buckets.items()):
        if len(members) <= group_min:
            continue
        gid = f"group:{parent}:{type_}"
        while gid in taken:
            gid = "_" + gid
        taken.add(gid)
        members = sorted(members)
        groups.append(Group(gid, parent, type_, tuple(members), tuple(sorted(e for m in members for e in edge_of[m]))))
    return groups


def leaf_regions(store, node_ids: list[str], edges: list[tuple[str, str, str]], region_edges: list[str]) -> dict[str, str]:
    """{leaf id: the region it is in}: the target of its first outgoing edge of the
    first of ``region_edges`` (e.g. LOCATED_IN, then PART_OF), read in one store call.
    Only leaves (one neighbour in the view) are looked up."""
    touching: dict[str, set[str]] = defaultdict(set)
    for _eid, a, b in edges:
        if a != b:
            touching[a].add(b)
            touching[b].add(a)
    leaves = sorted(i for i in node_ids if len(touching.get(i, ())) == 1)
    if not leaves or not region_edges:
        return {}
    rank = {e: i for i, e in enumerate(region_edges)}
    best: dict[str, tuple[int, str, str]] = {}
    for e in store.edges_at(leaves, list(region_edges), "out", None, 50 * len(leaves) + 100):
        key = (rank.get(e.type, len(rank)), e.id, e.target)
        if e.source not in best or key < best[e.source]:
            best[e.source] = key
    return {i: k[2] for i, k in best.items()}
