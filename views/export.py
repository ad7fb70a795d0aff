"""Exports of a view's subgraph: GEXF and GraphML (networkx writers), JSON, SVG.

Exports carry the same nodes and edges the HTML view draws (same parameters,
same node cap). Data values are strings; only the layout coordinates and the
centre/path flags are integers, so every writer and reader agrees on the types; control characters that XML cannot
carry are dropped.
"""

from __future__ import annotations

import io
import json
import re
from typing import Any

import networkx as nx

from graph.errors import QueryError

from graph import export as graph_export

from .page import EXPORT_FORMATS, PreparedView, prepare
from .style import node_style
from .params import ViewParams
from .svg import render_svg

MEDIA_TYPES = {
    "gexf": "application/gexf+xml",
    "graphml": "application/graphml+xml",
    "json": "application/json",
    "svg": "image/svg+xml",
}
_XML_BAD = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def check_format(fmt: str) -> str:
    fmt = (fmt or "").lower()
    if fmt not in EXPORT_FORMATS:
        raise QueryError(f"format must be one of {', '.join(EXPORT_FORMATS)}, got '{fmt}'", details=[{"field": "format", "value": fmt}])
    return fmt


def filename(p: ViewParams, fmt: str) -> str:
    if p.kind == "entity":
        stem = p.id or "view"
    elif p.kind == "path":
        stem = f"{p.source}--{p.target}"
    else:
        stem = f"subgraph-{len(p.ids)}"
    return re.sub(r"[^A-Za-z0-9._-]+", "_", f"regiograph-{stem}")[:120] + "." + fmt


def _clean(value: Any) -> str:
    """Every data value as a string: a property may be an integer on one node and
    a number or text on another, and GEXF/GraphML declare one type per attribute."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return _XML_BAD.sub("", str(value))


def to_networkx(pv: PreparedView) -> nx.MultiDiGraph:
    """The whole-graph exporter's graph (``graph.export.to_networkx``: the same
    attributes in ``regiograph export`` and in view exports), plus what the view
    adds: layout coordinates, centre and path flags, display colours.
    Characters XML cannot carry are dropped."""
    vg = pv.graph
    base = graph_export.to_networkx(vg.nodes, vg.edges)
    colours = {n["id"]: (n.get("color") or {}).get("background") or node_style(n.get("group", "")).color for n in pv.data.nodes}
    edge_colours = {e["id"]: e.get("color") or "" for e in pv.data.edges}
    g = nx.MultiDiGraph()
    g.graph.update({"view": vg.params.kind, "omitted_nodes": vg.omitted, "truncated": int(vg.truncated)})
    for node_id, data in base.nodes(data=True):
        attrs: dict[str, Any] = {k: _clean(v) for k, v in data.items()}
        attrs["color"] = colours.get(node_id, "")
        if node_id in vg.center:
            attrs["center"] = 1
        if pv.positions and node_id in pv.positions:
            x, y = pv.positions[node_id]
            attrs["x"], attrs["y"] = int(round(x)), int(round(y))
        g.add_node(_clean(node_id), **attrs)
    for a, b, key, data in base.edges(keys=True, data=True):
        attrs = {k: _clean(v) for k, v in data.items()}
        attrs["color"] = edge_colours.get(key, "")
        if key in vg.path_edges:
            attrs["on_path"] = 1
        g.add_edge(_clean(a), _clean(b), key=_clean(key), **attrs)
    return g


def _json(pv: PreparedView) -> bytes:
    vg = pv.graph
    doc = {
        "view": vg.params.kind,
        "center": list(vg.center),
        "nodes": [n.to_dict() for n in vg.nodes],
        "edges": [e.to_dict() for e in vg.edges],
        "omitted_nodes": vg.omitted,
        "truncated": vg.truncated,
    }
    if vg.params.kind == "path":
        doc["paths"] = [p.to_dict() for p in vg.paths]
    return json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8")


def export_view(store, p: ViewParams, cap: int, fmt: str) -> tuple[bytes, str]:
    pv = prepare(store, p, cap, want_positions=fmt in ("gexf", "graphml", "svg"))
    if fmt == "json":
        body = _json(pv)
    elif fmt == "svg":
        body = render_svg(pv).encode("utf-8")
    else:
        g = to_networkx(pv)
        buf = io.BytesIO()
        if fmt == "gexf":
            nx.write_gexf(g, buf)
        else:
            nx.write_graphml(g, buf)
        body = buf.getvalue()
    return body, MEDIA_TYPES[fmt]
