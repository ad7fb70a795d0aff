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
from graph.model import Edge, Node

from .page import EXPORT_FORMATS, PreparedView, prepare
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


def _sources(item: Node | Edge) -> str:
    return "; ".join(f"{s.document}@{s.locator}" if s.locator else s.document for s in item.sources)


def _attrs(item: Node | Edge) -> dict[str, str | int]:
    out: dict[str, Any] = {"type": item.type}
    for k, v in sorted(item.properties.items()):
        if v is not None:
            out[f"prop_{k}"] = v
    if item.valid_from:
        out["valid_from"] = item.valid_from
    if item.valid_to:
        out["valid_to"] = item.valid_to
    out["sources"] = _sources(item)
    return {k: _clean(v) for k, v in out.items()}


def to_networkx(pv: PreparedView) -> nx.MultiDiGraph:
    vg = pv.graph
    g = nx.MultiDiGraph()
    g.graph.update({"view": vg.params.kind, "omitted_nodes": vg.omitted, "truncated": int(vg.truncated)})
    for n in vg.nodes:
        attrs = _attrs(n)
        attrs["label"] = _clean(n.label)
        for lang, name in sorted(n.name.items()):
            attrs[f"name_{lang}"] = _clean(name)
        if n.id in vg.center:
            attrs["center"] = 1
        if pv.positions and n.id in pv.positions:
            x, y = pv.positions[n.id]
            attrs["x"], attrs["y"] = int(round(x)), int(round(y))
        g.add_node(_clean(n.id), **attrs)
    for e in vg.edges:
        attrs = _attrs(e)
        attrs["label"] = _clean(e.type)
        attrs["id"] = _clean(e.id)
        if e.id in vg.path_edges:
            attrs["on_path"] = 1
        g.add_edge(_clean(e.source), _clean(e.target), key=_clean(e.id), **attrs)
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
