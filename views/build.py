"""Turn a ``ViewGraph`` into vis-network node and edge records.

Records are plain data. Colour and shape come from per-type vis-network
groups. Tooltips travel as structured ``tip`` objects (heading, type, key
properties, [document, locator] pairs) that the page's script turns into DOM
elements with ``textContent``; no record carries HTML. Source documents are resolved in
one ``store.get_nodes`` call so tooltips can name the document and its date.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from graph.model import Edge, Node, Source

from . import labels
from .i18n import t
from .queries import ViewGraph
from .style import AGGREGATE_STYLE, EMPHASIS, HIGHLIGHT, FALLBACK_STYLE, NODE_STYLES, edge_color, node_style

AGGREGATE_ID = "__more__"
MAX_LABEL = 40  # tooltips and path lists
SHORT_LABEL = 24  # labels drawn on the canvas (the full name shows on hover)
CENTER_SIZE = 30
MAX_SOURCES = 5
MAX_PROPS = 8

@lru_cache(maxsize=None)
def _first_properties() -> dict[str, list[str]]:
    """Properties worth showing first in a tooltip, per node or edge type
    (``tooltip_first`` in views/explorer.yaml); the rest follow alphabetically."""
    from .explorer import config

    return {str(k): [str(p) for p in v] for k, v in (config().get("tooltip_first") or {}).items()}

@dataclass
class ViewData:
    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]
    documents: dict[str, dict[str, str]]  # source document id -> title and date, for tooltips
    node_types: list[str]  # present in the view, for the legend
    edge_types: list[str]
    latest_source: str | None  # most recent publication date among the sources shown
    communities: list[dict[str, Any]] = field(default_factory=list)  # colour by community: the legend entries


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
    first = [k for k in _first_properties().get(type_, []) if k in props]
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


def node_size(degree: int) -> float:
    """Nodes grow with their number of edges in the view (12 for a leaf, at most 24)."""
    return round(min(24.0, 10.0 + 3.5 * math.log2(1 + degree)), 1)


def _node_record(n: Node, vg: ViewGraph, lang: str, entity_url, degree: dict[str, int]) -> dict[str, Any]:
    """One node; colour and shape come from its type's vis-network group.

    vis-network draws no labels (no ``label`` field): the page places the
    short ``rgLabel`` itself, so that no two labels overlap."""
    name = display_name(n, lang)
    emphasised = n.id in vg.center
    on_path = n.id in vg.path_nodes
    rec: dict[str, Any] = {
        "id": n.id,
        "rgLabel": _short(name, SHORT_LABEL),
        "size": node_size(degree.get(n.id, 0)),
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
        rec["color"] = {"background": st.color, "border": EMPHASIS, "highlight": {"background": st.color, "border": EMPHASIS}}
        rec["borderWidth"] = 4 if emphasised else 2
        rec["rgEmph"] = 2 if emphasised else 1
    if emphasised:
        rec["size"] = CENTER_SIZE
        rec["shadow"] = {"enabled": True, "size": 14, "x": 0, "y": 2, "color": "rgba(0,0,0,0.28)"}
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
    """One edge in its relation type's colour; its label (``rgLabel``) is drawn
    by the page on hover and selection only."""
    on_path = e.id in vg.path_edges
    type_label = labels.edge_type_label(e.type, lang)
    text = type_label
    if "year" in e.properties:
        text = f"{type_label} {e.properties['year']}"
    color = edge_color(e.type)
    rec = {
        "id": e.id,
        "from": e.source,
        "to": e.target,
        "rgLabel": text,
        "arrows": "to",
        "rgType": e.type,
        "color": color,  # vis-network uses it for hover and selection too
        "width": 3 if on_path else 1.5,
        "tip": {
            "heading": f"{names.get(e.source, e.source)} \u2192 {names.get(e.target, e.target)}",
            "kind": type_label,
            "id": e.id,
            "rows": _rows(e.type, e.properties, e.valid_from, e.valid_to, lang),
            "sources": _sources(e.sources),
        },
    }
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
        "rgLabel": text,
        "shape": AGGREGATE_STYLE.shape,
        "color": {"background": AGGREGATE_STYLE.color, "border": AGGREGATE_STYLE.border},
        "shapeProperties": {"borderDashes": [5, 4]},
        "size": 20,
        "rgType": "aggregate",
        "tip": {"heading": text, "kind": "", "id": "", "rows": [[t(lang, "more_tip", n=vg.omitted, cap=vg.limit or cap), ""]], "sources": []},
    }
    anchors = [c for c in vg.center if c in ids][:1]
    edges = [
        {"id": f"{agg_id}|{a}", "from": a, "to": agg_id, "dashes": True, "color": AGGREGATE_STYLE.border, "rgType": "aggregate"}
        for a in anchors
    ]
    return node, edges


GROUP_TIP_NAMES = 12


def apply_groups(data: ViewData, groups, lang: str, region_names: dict[str, str] | None = None) -> None:
    """Replace grouped leaves by one group node each (``views.group``): the
    members and their edges stay in the data, hidden, and the page shows them
    when the group is clicked. With ``region_names`` the groups are by region
    (``Group.type`` is then the region's id)."""
    if not groups:
        return
    by_id = {n["id"]: n for n in data.nodes}
    edge_by_id = {e["id"]: e for e in data.edges}
    for g in groups:
        by_region = region_names is not None
        st = node_style("" if by_region else g.type)
        if by_region:
            text = t(lang, "group_region", n=len(g.members), region=_short(region_names.get(g.type, g.type), SHORT_LABEL - 6))
        else:
            text = t(lang, "group", n=len(g.members), type=labels.node_type_label(g.type, lang))
        names = [by_id[m]["tip"]["heading"] for m in g.members if m in by_id]
        for m in g.members:
            by_id[m]["hidden"] = True
            by_id[m]["rgGroup"] = g.id
        for eid in g.edges:
            if eid in edge_by_id:
                edge_by_id[eid]["hidden"] = True
                edge_by_id[eid]["rgGroup"] = g.id
        rows = [[name, ""] for name in names[:GROUP_TIP_NAMES]]
        if len(names) > GROUP_TIP_NAMES:
            rows.append([t(lang, "more", n=len(names) - GROUP_TIP_NAMES), ""])
        data.nodes.append({
            "id": g.id,
            "rgLabel": text,
            "group": g.type if g.type in NODE_STYLES and not by_region else "_other",
            "size": node_size(len(g.members)),
            "borderWidth": 2,
            "shapeProperties": {"borderDashes": [4, 3]},
            "color": {"background": "#ffffff", "border": st.border, "highlight": {"background": "#ffffff", "border": HIGHLIGHT},
                      "hover": {"background": "#ffffff", "border": HIGHLIGHT}},
            "rgType": "group",
            "rgMembers": list(g.members),
            "tip": {"heading": text, "kind": t(lang, "group_tip"), "id": "", "rows": rows, "sources": []},
        })
        first = edge_by_id.get(g.edges[0]) if g.edges else None
        line = first["color"] if first else "#999999"
        data.edges.append({"id": g.id + "|edge", "from": g.parent, "to": g.id, "rgType": "group", "rgGroup": g.id,
                           "dashes": [6, 4], "width": 2, "color": line,
                           "rgLabel": first["rgLabel"] if first else ""})


def build(store, vg: ViewGraph, *, cap: int, entity_url) -> ViewData:
    lang = vg.params.lang
    docs = resolve_documents(store, vg)
    names = {n.id: _short(display_name(n, lang)) for n in vg.nodes}
    degree: dict[str, int] = {}
    for e in vg.edges:
        degree[e.source] = degree.get(e.source, 0) + 1
        degree[e.target] = degree.get(e.target, 0) + 1
    nodes = [_node_record(n, vg, lang, entity_url, degree) for n in vg.nodes]
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
