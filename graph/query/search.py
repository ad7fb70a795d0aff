"""Name search: candidates by word prefix from the store, ranked by ``graph.search``
(exact, prefix, words tiers; a fuzzy tier only when nothing else matched)."""

from __future__ import annotations

from rapidfuzz import fuzz, process

from .. import search as scoring
from ..model import SearchHit
from . import limits as L
from .checks import check_query_text, check_range, check_types

NAME = "search"


def check(schema, *, q, types=None, limit=None):
    limit = L.DEFAULT_SEARCH_LIMIT if limit is None else limit
    check_range("limit", limit, 1, L.MAX_SEARCH_LIMIT)
    types = check_types("types", types, schema.nodes)
    folded = check_query_text(q)
    return {"q": q, "folded": folded, "types": types or None, "limit": limit}


def run(store, *, q, folded, types, limit) -> list[SearchHit]:
    hits: list[SearchHit] = []
    for node in store.search_candidates(folded.split(), types, L.SEARCH_CANDIDATE_CAP):
        s = scoring.score(q, node)
        if s:
            hits.append(SearchHit(node, s[0], s[1]))
    if not hits and len(folded) >= 4:
        keys = store.name_keys()
        best = process.extract(folded, keys, scorer=fuzz.ratio, score_cutoff=scoring.FUZZY_MIN, limit=L.FUZZY_KEYS)
        seen: set[str] = set()
        for node in store.nodes_by_keys([k for k, _r, _i in best]):
            if node.id in seen or (types and node.type not in types):
                continue
            seen.add(node.id)
            s = scoring.score(q, node, fuzzy=True)
            if s:
                hits.append(SearchHit(node, s[0], s[1]))
    hits.sort(key=scoring.sort_key)
    return hits[:limit]
