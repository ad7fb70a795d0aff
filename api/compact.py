"""Compact answers sized for people: the fields a list or a drawing needs, not every source.

``subgraph(sub, schema)``: a neighbourhood with each node as id, type, label,
date (``Schema.node_date``) and validity, each edge as id, type, ends, date
(``Schema.edge_date``) and validity. Routes return it by default and the full
records (names, aliases, properties, sources) on ``?full=true``.
"""

from __future__ import annotations

from typing import Any

from graph.model import Edge, Node, Subgraph
from graph.schema import Schema


def node(n: Node, schema: Schema) -> dict[str, Any]:
    return {"id": n.id, "type": n.type, "label": n.label, "date": schema.node_date(n),
            "valid_from": n.valid_from, "valid_to": n.valid_to}


def edge(e: Edge, schema: Schema) -> dict[str, Any]:
    return {"id": e.id, "type": e.type, "source": e.source, "target": e.target, "date": schema.edge_date(e),
            "valid_from": e.valid_from, "valid_to": e.valid_to}


def subgraph(sub: Subgraph, schema: Schema) -> dict[str, Any]:
    return {
        "center": list(sub.center),
        "nodes": [node(n, schema) for n in sub.nodes],
        "edges": [edge(e, schema) for e in sub.edges],
        "truncated": sub.truncated,
        "limit": sub.limit,
        "omitted_nodes": sub.omitted_nodes,
        "full": False,
    }
