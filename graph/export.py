"""Exports of a whole store or a subgraph: node-link JSON, GraphML, GEXF, CSV, record YAML.

``to_networkx`` is the one exporter behind GraphML, GEXF and CSV here and behind
the view exports (``views.export``), so all carry the same attributes."""

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
    """Node-link JSON with the edge list under "edges", the key networkx (>= 3.4)
    reads by default: ``nx.node_link_graph(json.load(f))``."""
    data = {
        "directed": True,
        "multigraph": True,
        "nodes": [n.to_dict() for n in nodes],
        "edges": [e.to_dict() for e in edges],
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


def csv_paths(output: str | Path) -> tuple[Path, Path]:
    """``graph.csv`` -> ``graph.nodes.csv`` and ``graph.edges.csv``."""
    out = Path(output)
    stem = out.with_suffix("") if out.suffix.lower() == ".csv" else out
    return stem.with_name(stem.name + ".nodes.csv"), stem.with_name(stem.name + ".edges.csv")


def write_csv(nodes: Iterable[Node], edges: Iterable[Edge], output: str | Path) -> tuple[Path, Path]:
    """Two tables with the exporter's attributes (Gephi's spreadsheet import reads
    Id/Label and Source/Target/Id/Label); nested values are JSON, as in GraphML."""
    import csv

    g = to_networkx(nodes, edges)
    node_path, edge_path = csv_paths(output)
    node_cols = ["type", "name", "aliases", "properties", "valid_from", "valid_to", "sources"]
    with node_path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["Id", "Label"] + node_cols)
        for node_id, d in g.nodes(data=True):
            w.writerow([node_id, d["label"]] + [d[c] for c in node_cols])
    edge_cols = ["type", "properties", "valid_from", "valid_to", "sources"]
    with edge_path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["Source", "Target", "Id", "Label"] + edge_cols)
        for a, b, d in g.edges(data=True):
            w.writerow([a, b, d["id"], d["label"]] + [d[c] for c in edge_cols])
    return node_path, edge_path


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
    elif fmt == "csv":
        write_csv(nodes, edges, out)
    else:
        raise ValueError(f"unknown export format '{fmt}'")
    return len(nodes), len(edges)
