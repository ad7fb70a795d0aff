"""Name search scoring, shared by every store so that rankings agree.

A query and every name/alias are folded (``graph.text.fold``: case, accents,
punctuation; 'ö' also as 'oe'). Tiers, best first:

=====  ==========================================================  ===========
tier   the folded query ...                                        score
=====  ==========================================================  ===========
exact  equals a folded name                                        1.0
prefix is the start of a folded name                               0.8 - 0.9
words  each query word starts a word of the name (any order)       0.6 - 0.7
fuzzy  only when no name matched above: similarity >= 85 (0-100)  0.3 - 0.4
=====  ==========================================================  ===========

The small spread inside a tier prefers names close in length to the query.
Hits sort by (-score, folded label, id).
"""

from __future__ import annotations

from rapidfuzz import fuzz

from .model import Node
from .text import fold, fold_variants

FUZZY_MIN = 85.0
MAX_QUERY = 200


def _closeness(q: str, f: str) -> float:
    return len(q) / max(len(f), len(q))


def exact_score(q: str, f: str) -> float | None:
    """Score of the non-fuzzy tiers for folded query ``q`` against folded name ``f``."""
    if f == q:
        return 1.0
    if f.startswith(q):
        return 0.8 + 0.1 * _closeness(q, f)
    words = f.split()
    qwords = q.split()
    if qwords and all(any(w.startswith(qw) for w in words) for qw in qwords):
        return 0.6 + 0.1 * _closeness(q, f)
    return None


def fuzzy_score(q: str, f: str) -> float | None:
    if len(q) < 4:
        return None
    r = fuzz.ratio(q, f)
    if r >= FUZZY_MIN:
        return 0.3 + 0.1 * (r / 100.0)
    return None


def score(query: str, node: Node, *, fuzzy: bool = False) -> tuple[float, str] | None:
    """Best (score, matched name) of ``node`` for ``query``, or None.
    ``fuzzy=False`` scores the exact tiers only; ``fuzzy=True`` the fuzzy tier only."""
    q = fold(query)
    if not q:
        return None
    best: tuple[float, str] | None = None
    for name in node.all_names():
        for f in fold_variants(name):
            s = fuzzy_score(q, f) if fuzzy else exact_score(q, f)
            if s is not None and (best is None or s > best[0]):
                best = (round(s, 6), name)
    return best


def sort_key(hit) -> tuple:
    return (-hit.score, fold(hit.node.label), hit.node.id)


def query_tokens(query: str) -> list[str]:
    return fold(query).split()
