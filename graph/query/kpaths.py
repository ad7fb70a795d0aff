"""The k shortest simple paths core every store shares: a best-first search.

Paths are ordered by (length, cost, node ids), where cost is the sum of the hops'
``path_cost`` and each hop takes the allowed edge that sorts first by
(path_cost, type, id) between its two nodes. A partial path is keyed by
(its length + a lower bound of the hops still needed, its cost + that bound times
the cheapest hop cost, its node keys): no completion sorts before its prefix's
key, so the first k complete paths taken from the heap are the k best, and only
partial paths that sort before the k-th answer are ever expanded - not every path
one hop longer than the shortest.

The search is generic over node keys: a store passes keys whose order is the
order of node ids (the ids themselves, or their ranks).
"""

from __future__ import annotations

import heapq
from typing import Callable, Hashable, Iterable

from . import limits as L

Key = Hashable


def k_best(
    s: Key,
    t: Key,
    k: int,
    max_len: int,
    neighbours: Callable[[Key], Iterable[tuple[Key, float]]],
    bound: Callable[[Key], int],
    admit: Callable[[Key], bool],
    min_cost: float,
    work_cap: int = L.PATH_WORK_CAP,
    budgeted: bool = False,
) -> tuple[list[tuple[int, float, tuple]], bool]:
    """Up to ``k`` (length, cost, node keys) of simple paths ``s``..``t`` of at most
    ``max_len`` hops, best first; and whether the work cap stopped the search.

    ``neighbours(u)``: distinct (v, cheapest hop cost) pairs; ``bound(v)``: a lower bound
    of the hops from ``v`` to ``t``; ``admit(v)``: whether ``v`` may stand between the ends.
    ``budgeted``: ``neighbours(u, budget)`` is called instead and may leave out every ``v``
    other than ``t`` whose bound exceeds ``budget`` (they would be skipped here anyway)."""
    found: list[tuple[int, float, tuple]] = []
    b = bound(s)
    if b > max_len:
        return found, False
    heap: list = [(b, b * min_cost, (s,), 0.0)]
    work = 0
    while heap:
        lb_len, _lb_cost, seq, cost = heapq.heappop(heap)
        u = seq[-1]
        if u == t:
            found.append((len(seq) - 1, cost, seq))
            if len(found) >= k:
                return found, False
            continue
        n = len(seq)  # hops after the next step
        for v, c in (neighbours(u, max_len - n) if budgeted else neighbours(u)):
            if v in seq:
                continue
            if v == t:
                heapq.heappush(heap, (n, cost + c, seq + (v,), cost + c))
            else:
                bv = bound(v)
                if n + bv > max_len or not admit(v):
                    continue
                heapq.heappush(heap, (n + bv, cost + c + bv * min_cost, seq + (v,), cost + c))
            work += 1
            if work > work_cap:
                return found, True
    return found, False
