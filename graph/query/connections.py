"""How two entities are connected: common neighbours (sorted by (type, id)), the nodes
of ``links_parties`` types (agreements, events) within two hops of both (sorted by
(date, id); the middle node of a two-hop link must be a partner-path type), and the
shortest partner path."""

from __future__ import annotations

from ..errors import QueryError
from . import limits as L
from .checks import check_as_of, check_range, not_found
from .walk import Ball

NAME = "connections"


def check(schema, *, a, b, as_of=None, limit=50, since=None, until=None):
    check_range("limit", limit, 1, L.MAX_CONNECTIONS_LIMIT)
    return {"a": a, "b": b, "as_of": check_as_of(as_of, since, until), "limit": limit}


def linking_nodes(schema, nodes) -> dict[str, list]:
    """The nodes of each ``links_parties`` type among ``nodes``, each sorted by (date, id), undated last."""
    key = lambda n: (schema.node_date(n) or "9999", n.id)  # noqa: E731
    nodes = list(nodes)
    return {t: sorted((n for n in nodes if n.type == t), key=key) for t in schema.types_with("links_parties")}


def linked(store, a, b, as_of, via) -> dict[str, list]:
    """The linking nodes within two hops of both ``a`` and ``b``."""
    via_set = set(via) if via is not None else None
    da, db = Ball(store, a, None, None, as_of, via_set), Ball(store, b, None, None, as_of, via_set)
    da.grow(2)
    db.grow(2)
    both = set(da.dist) & set(db.dist)
    return linking_nodes(store.schema, store.get_nodes(both).values()), da, db


def run(store, *, a, b, as_of, limit):
    from ..model import Connections

    refs = store.node_refs([a, b])
    if a not in refs:
        raise not_found(a, "a")
    if b not in refs:
        raise not_found(b, "b")
    if a == b:
        raise QueryError("'a' and 'b' are the same node", details=[{"field": "b", "value": b}])
    via = store.schema.partner_via
    links, da, db = linked(store, a, b, as_of, via)
    near_a = {i for i, d in da.dist.items() if d == 1}
    near_b = {i for i, d in db.dist.items() if d == 1}
    common_ids = (near_a & near_b) - {a, b}
    nodes = store.get_nodes(common_ids | {a, b})
    common = sorted((nodes[i] for i in common_ids), key=lambda n: (n.type, n.id))
    shortest = None
    if as_of is None or len(store.valid_ids([a, b], as_of)) == 2:
        sp = store.paths(a, b, k=1, max_hops=L.CONNECTIONS_PATH_HOPS, as_of=as_of, via=via)
        shortest = sp.paths[0] if sp.paths else None
    agreements, events = _two(links)
    return Connections(
        a=nodes[a], b=nodes[b],
        common_neighbors=common[:limit],
        agreements=agreements[:limit],
        events=events[:limit],
        shortest=shortest,
        truncated=len(common) > limit or any(len(v) > limit for v in links.values()),
    )


def _two(links: dict[str, list]) -> tuple[list, list]:
    """The answer's two lists (``agreements``, ``events``): the linking types in schema order."""
    lists = [links[t] for t in sorted(links)]
    while len(lists) < 2:
        lists.append([])
    return lists[0], [n for rest in lists[1:] for n in rest]
