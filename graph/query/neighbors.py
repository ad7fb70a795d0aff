"""Neighbourhood: the nodes within ``depth`` hops (centre included, the first ``limit``
by (distance, id)) and every allowed edge among them (sorted by id);
``omitted_nodes`` counts reached nodes left out by ``limit``. ``full=False`` gives the
records in their brief form (``graph.codec.brief``: no aliases, no sources), as the HTTP
answer does by default."""

from __future__ import annotations

from ..codec import brief
from ..model import Subgraph
from . import limits as L
from .checks import check_as_of, check_range, check_types, not_found
from .walk import Ball

NAME = "neighbors"


def check(schema, *, id, depth=1, edge_types=None, node_types=None, as_of=None, limit=None, full=True,
          since=None, until=None):
    limit = L.DEFAULT_NEIGHBOR_LIMIT if limit is None else limit
    check_range("depth", depth, 1, L.MAX_DEPTH)
    check_range("limit", limit, 1, L.MAX_NEIGHBOR_LIMIT)
    return {
        "id": id, "depth": depth, "limit": limit, "full": bool(full),
        "edge_types": check_types("edge_types", edge_types, schema.edges),
        "node_types": check_types("node_types", node_types, schema.nodes) or None,
        "as_of": check_as_of(as_of, since, until),
    }


def run(store, *, id, depth, edge_types, node_types, as_of, limit, full) -> Subgraph:
    if not store.node_refs([id]):
        raise not_found(id)
    ball = Ball(store, id, edge_types, node_types, as_of, None)
    ball.grow(depth)
    dist = ball.dist
    order = sorted(dist, key=lambda i: (dist[i], i))
    kept = order[:limit]
    refs = store.edges_among(kept, edge_types, as_of, L.EDGE_CAP + 1)
    eids = sorted({r.id for r in refs})
    edges = store.get_edges(eids[: L.EDGE_CAP])
    nodes = store.get_nodes(kept)
    omitted = len(order) - len(kept)
    shape = (lambda r: r) if full else (lambda r: brief(r, store.schema))
    return Subgraph(
        nodes=[shape(nodes[i]) for i in kept],
        edges=[shape(edges[e]) for e in eids[: L.EDGE_CAP]],
        center=[id],
        truncated=bool(omitted) or ball.capped or len(eids) > L.EDGE_CAP,
        limit=limit,
        omitted_nodes=omitted,
    )
