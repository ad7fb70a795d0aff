"""Turn a ``ViewGraph`` into vis-network node and edge records.

Records are plain data. Colour and shape come from per-type vis-network
groups. Tooltips travel as structured ``tip`` objects (heading, type, key
properties, [document, locator] pairs) that the page's script turns into DOM
elements with ``textContent``; no record carries HTML. Source documents are resolved in
one ``store.get_nodes`` call so tooltips can name the document and its date.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from graph.model import Edge, Node, Source

from . import labels
from .i18n import t
from .queries import ViewGraph
from .style import AGGREGATE_STYLE, FALLBACK_STYLE, FONT_COLOR, HIGHLIGHT, NODE_STYLES, node_style

AGGREGATE_ID = "__more__"
MAX_LABEL = 40
MAX_SOURCES = 5
MAX_PROPS = 8

# properties worth showing first, per type; the rest follow alphabetically
KEY_PROPERTIES = {
    "Region": ["level", "iso_3166"],
    "Organization": ["kind", "acronym"],
    "Agreement": ["kind", "signed", "status"],
    "Event": ["kind", "start", "end", "place"],
    "Document": ["title", "publisher", "published"],
    "TRADES_WITH": ["year", "direction", "value_eur", "value", "unit", "currency", "quality"],
}

@dataclass
class ViewData:
    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]
    documents: dict[str, dict[str, str]]  # source document id -> title and date, for tooltips
    node_types: list[str]  # present in the view, for the legend
    edge_types: list[str]
    latest_source: str | None  # most recent publication date among the sources shown


def display_name(node: Node, lang: str) -> str:
    return node.name.get(lang) or node.label


def _short(text: str, n: int = MAX_LABEL) -> str:
    return text if len(text) <= n else text[: n - 1] + "\u2026"


def _value(v: Any, lang: str) -> str:
    if isinstance(v, bool):
        return t(lang, "yes" if v else "no")
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def _rows(type_: str, props: dict[str, Any], valid_from, valid_to, lang: str) -> list[list[str]]:
    first = [k for k in KEY_PROPERTIES.get(type_, []) if k in props]
    rest = sorted(k for k in props if k not in first)
    rows = [[k, _value(props[k], lang)] for k in (first + rest)[:MAX_PROPS]]
    if valid_from or valid_to:
        rows.append([t(lang, "valid"), (valid_from or "\u2026") + " \u2013 " + (valid_to or "\u2026")])
    return rows


def _sources(sources: tuple[Source, ...]) -> list[list[str]]:
    """[document id, locator] pairs; titles and dates travel once, in ``ViewData.documents``."""
    return [[s.document, s.locator or ""] for s in sources[:MAX_SOURCES]]


def document_table(docs: dict[str, Node], lang: str) -> dict[str, dict[str, str]]:
    return {
        id: {"title": str(d.properties.get("title") or display_name(d, lang)), "date": str(d.properties.get("published") or "")}
        for id, d in sorted(docs.items())
    }


def resolve_documents(store, vg: ViewGraph) -> dict[str, Node]:
    wanted: set[str] = set()
    for item in list(vg.nodes) + list(vg.edges):
        wanted.update(s.document for s in item.sources[:MAX_SOURCES])
    return store.get_nodes(sorted(wanted)) if wanted else {}


def _node_record(n: Node, vg: ViewGraph, lang: str, entity_url) -> dict[str, Any]:
    """One node; colour and shape come from its type's vis-network group."""
    name = display_name(n, lang)
    emphasised = n.id in vg.center
    on_path = n.id in vg.path_nodes
    rec: dict[str, Any] = {
        "id": n.id,
        "label": _short(name),
        "group": n.type if n.type in NODE_STYLES else "_other",
        "rgHref": entity_url(n.id),
        "tip": {
            "heading": name,
            "kind": labels.node_type_label(n.type, lang),
            "id": n.id,
            "rows": _rows(n.type, n.properties, n.valid_from, n.valid_to, lang),
            "sources": _sources(n.sources),
        },
    }
    if emphasised or on_path:
        st = node_style(n.type)
        rec["color"] = {"background": st.color, "border": HIGHLIGHT, "highlight": {"background": st.color, "border": HIGHLIGHT}}
        rec["borderWidth"] = 4 if emphasised else 3
    if emphasised:
        rec["size"] = 26
        rec["font"] = {"size": 16, "bold": True}
    return rec


def groups() -> dict[str, Any]:
    """vis-network groups: one per node type (plus a fallback), carrying colour and shape."""
    out: dict[str, Any] = {}
    for type_, st in list(NODE_STYLES.items()) + [("_other", FALLBACK_STYLE)]:
        out[type_] = {
            "shape": st.shape,
            "size": 16,
            "color": {
                "background": st.color,
                "border": st.border,
                "highlight": {"background": st.color, "border": HIGHLIGHT},
                "hover": {"background": st.color, "border": HIGHLIGHT},
            },
        }
    return out


def _edge_record(e: Edge, vg: ViewGraph, names: dict[str, str], lang: str) -> dict[str, Any]:
    on_path = e.id in vg.path_edges
    type_label = labels.edge_type_label(e.type, lang)
    text = type_label
    if e.type == "TRADES_WITH" and "year" in e.properties:
        text = f"{type_label} {e.properties['year']}"
    rec = {
        "id": e.id,
        "from": e.source,
        "to": e.target,
        "label": text,
        "arrows": "to",
        "rgType": e.type,
        "tip": {
            "heading": f"{names.get(e.source, e.source)} \u2192 {names.get(e.target, e.target)}",
            "kind": type_label,
            "id": e.id,
            "rows": _rows(e.type, e.properties, e.valid_from, e.valid_to, lang),
            "sources": _sources(e.sources),
        },
    }
    if on_path:
        rec["color"] = {"color": HIGHLIGHT, "highlight": HIGHLIGHT, "hover": HIGHLIGHT}
        rec["width"] = 3
    return rec


def aggregate_node(vg: ViewGraph, cap: int, lang: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The visible stand-in for nodes left out by the cap, linked to the centre."""
    ids = {n.id for n in vg.nodes}
    agg_id = AGGREGATE_ID
    while agg_id in ids:
        agg_id = "_" + agg_id
    text = t(lang, "more", n=vg.omitted)
    node = {
        "id": agg_id,
        "label": text,
        "shape": AGGREGATE_STYLE.shape,
        "color": {"background": AGGREGATE_STYLE.color, "border": AGGREGATE_STYLE.border},
        "shapeProperties": {"borderDashes": [5, 4]},
        "font": {"color": FONT_COLOR, "size": 14},
        "rgType": "aggregate",
        "tip": {"heading": text, "kind": "", "id": "", "rows": [[t(lang, "more_tip", n=vg.omitted, cap=vg.limit or cap), ""]], "sources": []},
    }
    anchors = [c for c in vg.center if c in ids][:1]
    edges = [
        {"id": f"{agg_id}|{a}", "from": a, "to": agg_id, "dashes": True, "color": {"color": AGGREGATE_STYLE.border}, "rgType": "aggregate"}
        for a in anchors
    ]
    return node, edges


def build(store, vg: ViewGraph, *, cap: int, entity_url) -> ViewData:
    lang = vg.params.lang
    docs = resolve_documents(store, vg)
    names = {n.id: _short(display_name(n, lang)) for n in vg.nodes}
    nodes = [_node_record(n, vg, lang, entity_url) for n in vg.nodes]
    edges = [_edge_record(e, vg, names, lang) for e in vg.edges]
    if vg.omitted > 0:
        agg, agg_edges = aggregate_node(vg, cap, lang)
        nodes.append(agg)
        edges.extend(agg_edges)
    dates = [str(d.properties.get("published")) for d in docs.values() if d.properties.get("published")]
    return ViewData(
        nodes=nodes,
        edges=edges,
        documents=document_table(docs, lang),
        node_types=sorted({n.type for n in vg.nodes}),
        edge_types=sorted({e.type for e in vg.edges}),
        latest_source=max(dates) if dates else None,
    )
