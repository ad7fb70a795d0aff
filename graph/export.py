"""Exports of a whole store or a subgraph: node-link JSON, GraphML, GEXF, record YAML."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable

import networkx as nx
import yaml

from .model import Edge, Node


def to_networkx(nodes: Iterable[Node], edges: Iterable[Edge]) -> nx.MultiDiGraph:
    """A MultiDiGraph with scalar attributes only (GraphML/GEXF can't hold nested values):
    names, aliases, properties and sources are JSON strings."""
    g = nx.MultiDiGraph()
    for n in nodes:
        g.add_node(
            n.id,
            type=n.type,
            label=n.label,
            name=json.dumps(n.name, ensure_ascii=False),
            aliases=json.dumps({k: list(v) for k, v in n.aliases.items()}, ensure_ascii=False),
            properties=json.dumps(n.properties, ensure_ascii=False, sort_keys=True),
            valid_from=n.valid_from or "",
            valid_to=n.valid_to or "",
            sources=json.dumps([s.to_dict() for s in n.sources], ensure_ascii=False),
        )
    for e in edges:
        g.add_edge(
            e.source,
            e.target,
            key=e.id,
            id=e.id,
            type=e.type,
            label=e.type,
            properties=json.dumps(e.properties, ensure_ascii=False, sort_keys=True),
            valid_from=e.valid_from or "",
            valid_to=e.valid_to or "",
            sources=json.dumps([s.to_dict() for s in e.sources], ensure_ascii=False),
        )
    return g


def node_link_json(nodes: Iterable[Node], edges: Iterable[Edge]) -> str:
    data = {
        "directed": True,
        "multigraph": True,
        "nodes": [n.to_dict() for n in nodes],
        "links": [e.to_dict() for e in edges],
    }
    return json.dumps(data, ensure_ascii=False, indent=1)


def records_yaml(nodes: Iterable[Node], edges: Iterable[Edge]) -> str:
    def node_rec(n: Node) -> dict:
        d = n.to_dict()
        d.pop("label")
        return {k: v for k, v in d.items() if v not in (None, {}, [])}

    def edge_rec(e: Edge) -> dict:
        d = e.to_dict()
        d.pop("id")
        return {k: v for k, v in d.items() if v not in (None, {}, [])}

    doc = {"format": "regiograph/1", "nodes": [node_rec(n) for n in nodes], "edges": [edge_rec(e) for e in edges]}
    return yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=120)


def export_graph(store, output: str | Path, fmt: str) -> tuple[int, int]:
    nodes = list(store.iter_nodes())
    edges = list(store.iter_edges())
    out = Path(output)
    if fmt == "json":
        out.write_text(node_link_json(nodes, edges), encoding="utf-8")
    elif fmt == "graphml":
        nx.write_graphml(to_networkx(nodes, edges), out)
    elif fmt == "gexf":
        nx.write_gexf(to_networkx(nodes, edges), out)
    elif fmt == "records":
        out.write_text(records_yaml(nodes, edges), encoding="utf-8")
    else:
        raise ValueError(f"unknown export format '{fmt}'")
    return len(nodes), len(edges)
