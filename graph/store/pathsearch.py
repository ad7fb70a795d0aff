"""The k-shortest-paths core both stores share: enumerate the simple paths of one
length with a distance bound, and rank them.

Each store supplies its own neighbourhood function (the embedded store walks its
in-memory adjacency, the Neo4j store a node-level graph fetched from the server),
so the enumeration, the caps and the ranking - hence the answers - are one code.
"""

from __future__ import annotations

from typing import Callable, Iterable

from ..model import Edge, Hop

PATH_WORK_CAP = 400_000  # expansions while enumerating paths of one length
PATHS_PER_LENGTH_CAP = 20_000


def simple_paths_of_length(
    s: str,
    t: str,
    length: int,
    neighbours: Callable[[str], Iterable[str]],
    bound: Callable[[str], int],
    admit: Callable[[str], bool] | None = None,
) -> tuple[list[tuple[str, ...]], bool]:
    """Every simple path of exactly ``length`` hops from ``s`` to ``t``.

    ``neighbours(u)``: the node ids next to ``u`` (repeats are harmless);
    ``bound(v)``: a lower bound of the distance from ``v`` to ``t``;
    ``admit(v)``: whether ``v`` may stand between the endpoints.
    Returns the paths and whether a cap cut the enumeration."""
    batch: list[tuple[str, ...]] = []
    work = 0
    stack = [(s, (s,), iter(neighbours(s)))]
    on_path = {s}
    while stack:
        u, path, it = stack[-1]
        v = next(it, None)
        if v is None:
            stack.pop()
            on_path.discard(u)
            continue
        work += 1
        if work > PATH_WORK_CAP:
            return batch, True
        i = len(path)  # hops after taking this step
        if v in on_path:
            continue
        if v == t:
            if i == length:
                batch.append(path + (v,))
                if len(batch) >= PATHS_PER_LENGTH_CAP:
                    return batch, True
            continue
        if i >= length or i + bound(v) > length or (admit is not None and not admit(v)):
            continue
        on_path.add(v)
        stack.append((v, path + (v,), iter(neighbours(v))))
    return batch, False


def rank_paths(
    batch: Iterable[tuple[str, ...]],
    hop_edge: Callable[[str, str], Edge],
    costs: dict[str, float],
) -> list[tuple[float, tuple[str, ...], list[Hop]]]:
    """(cost, node ids, hops) of each distinct path, ordered by (cost, node ids);
    ``hop_edge(a, b)`` names the edge a hop takes (the strongest between a and b)."""
    ranked = []
    for seq in set(batch):
        hops = [Hop(hop_edge(a, b), a, b) for a, b in zip(seq, seq[1:])]
        ranked.append((sum(costs.get(h.edge.type, 1.0) for h in hops), seq, hops))
    ranked.sort(key=lambda r: (r[0], r[1]))
    return ranked
