"""Assemble a complete view page: fetch, style, lay out, render.

``prepare`` does the data work shared by the HTML views and the exports
(fetch the capped graph, build records, compute positions: a start for the
browser's physics on small views, the final layout on big ones and on path
views); ``render_view`` turns it into HTML.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlencode

from . import labels
from .build import ViewData, apply_groups, build, display_name
from .colour import community_colours
from .group import find_groups, leaf_regions
from .i18n import t
from .layout import compute_layout, disc_around, path_layout, radial_layout
from .params import ViewParams
from .queries import ViewGraph, fetch
from .render import PHYSICS_MAX_NODES, render_page, static_urls, vis_options
from .style import edge_color, node_style

EXPORT_FORMATS = ("gexf", "graphml", "json", "svg")


@dataclass
class PreparedView:
    graph: ViewGraph
    data: ViewData
    physics: bool
    positions: dict[str, tuple[float, float]] | None


def entity_url(lang: str):
    suffix = "" if lang == "en" else "?" + urlencode({"lang": lang})

    def url(id: str) -> str:
        return "/view/entity/" + quote(id, safe=":") + suffix

    return url


def _sort_keys(data: ViewData) -> dict[str, tuple]:
    """Siblings on a ring sit together by type, then by name."""
    rank = {t: i for i, t in enumerate(labels.node_types())}
    return {n["id"]: (rank.get(n.get("group"), len(rank)), n.get("rgType") == "group", str(n.get("rgLabel", "")).lower())
            for n in data.nodes}


def prepare(store, params: ViewParams, cap: int, *, physics_max: int = PHYSICS_MAX_NODES, want_positions: bool = False) -> PreparedView:
    """Fetch, build records, group big neighbourhoods and lay out.

    Every view gets its final layout from the server (physics only when
    ``physics_max`` allows it): partner paths in lanes, views around a centre
    as rings (``radial_layout``) with large groups of leaves collapsed into
    group nodes, other views as balloons refined by a short spring run."""
    vg = fetch(store, params, cap)
    data = build(store, vg, cap=cap, entity_url=entity_url(params.lang))
    ids = [n["id"] for n in data.nodes]
    pairs = [(e["from"], e["to"]) for e in data.edges]
    angles: dict[str, float] = {}
    if params.kind == "path":
        # partner paths read best as lanes from source to target
        positions = path_layout([p.node_ids() for p in vg.paths], ids)
    elif vg.center:
        triples = [(e.id, e.source, e.target) for e in vg.edges]
        if params.group == "region":
            from .explorer import config

            kinds = [k for k in config().get("region_edges", []) if k in labels.edge_types()]
            keys = leaf_regions(store, [n.id for n in vg.nodes], triples, kinds)
            groups = find_groups(keys, triples, vg.center, view_size=len(vg.nodes))
            region_names = {i: display_name(n, params.lang) for i, n in store.get_nodes(sorted({g.type for g in groups})).items()}
        elif params.group == "none":
            groups, region_names = [], None
        else:
            groups = find_groups({n.id: n.type for n in vg.nodes}, triples, vg.center)
            region_names = None
        apply_groups(data, groups, params.lang, region_names)
        shown = [n["id"] for n in data.nodes if not n.get("hidden")]
        shown_pairs = [(e["from"], e["to"]) for e in data.edges if not e.get("hidden")]
        positions, angles = radial_layout(shown, shown_pairs, vg.center, _sort_keys(data))
        for g in groups:
            positions.update(disc_around(positions[g.id], positions[g.parent], list(g.members)))
    else:
        positions = compute_layout(ids, pairs, vg.center)
    if params.color == "community":
        data.communities = community_colours(store, data, params.lang)
    physics = len(data.nodes) <= physics_max
    for n in data.nodes:
        x, y = positions[n["id"]]
        n["x"], n["y"] = round(x, 1), round(y, 1)
        if n["id"] in angles:
            n["rgA"] = round(angles[n["id"]], 3)
        if n["id"] in vg.center and params.kind == "entity":
            n["fixed"] = True  # the centre stays put
    return PreparedView(vg, data, physics, positions)


def _types_text(p: ViewParams) -> str:
    if not p.edge_types:
        return t(p.lang, "all_edge_types")
    return ", ".join(labels.edge_type_label(e, p.lang) for e in p.edge_types)


def titles(pv: PreparedView) -> tuple[str, str]:
    vg, p = pv.graph, pv.graph.params
    lang = p.lang
    names = {n.id: display_name(n, lang) for n in vg.nodes}
    n_nodes, n_edges = len(vg.nodes), len(vg.edges)
    if p.kind == "entity":
        title = t(lang, "entity_title", name=names.get(p.id, p.id))
        sub = t(lang, "entity_sub", types=_types_text(p), depth=p.depth, n=n_nodes, m=n_edges)
    elif p.kind == "path":
        title = t(lang, "path_title", a=names.get(p.source, p.source), b=names.get(p.target, p.target))
        sub = t(lang, "path_sub", count=len(vg.paths), hops=p.max_hops, types=_types_text(p))
    elif p.kind == "list":
        title = t(lang, "list_title", filters=filters_text(p.filters, lang))
        sub = t(lang, "list_sub", n=len(vg.path_nodes), m=n_edges)
    else:
        title = t(lang, "subgraph_title", n=n_nodes)
        sub = t(lang, "subgraph_sub", n=n_nodes, m=n_edges, types=_types_text(p))
    when = time_text(p.as_of, p.since, p.until, lang)
    if when:
        sub += " · " + when
    return title, sub


def time_text(as_of: str | None, since: str | None, until: str | None, lang: str) -> str:
    if as_of:
        return t(lang, "as_of", date=as_of)
    if since and until:
        return t(lang, "since_until", since=since, until=until)
    if since:
        return t(lang, "since", date=since)
    if until:
        return t(lang, "until", date=until)
    return ""


def filters_text(filters, lang: str) -> str:
    """The list filters in words: "Organization (agency) · in South Korea · ..."."""
    f = dict(filters)
    parts = []
    if f.get("type"):
        parts.append(labels.node_type_label(f["type"], lang) + (f" ({f['kind']})" if f.get("kind") else ""))
    if f.get("in"):
        parts.append(t(lang, "filter_in", region=f["in"]))
    if f.get("related"):
        edge, _, node_type = f["related"].partition(":")
        text = t(lang, "filter_related", edge=labels.edge_type_label(edge, lang) if edge in labels.edge_types() else edge,
                 type=labels.node_type_label(node_type, lang) if node_type in labels.node_types() else node_type)
        if f.get("counterpart_in"):
            text += " " + t(lang, "filter_counterpart", region=f["counterpart_in"])
        parts.append(text)
    return " · ".join(parts)


def explorer_url(p: ViewParams) -> str:
    q: list[tuple[str, str]] = []
    if p.kind == "entity":
        q.append(("id", p.id or ""))
        if p.depth != 1:
            q.append(("depth", str(p.depth)))
    elif p.kind == "path":
        q += [("from", p.source or ""), ("to", p.target or "")]
    elif p.kind == "list":
        q += list(p.filters)
        for k in ("since", "until"):
            if getattr(p, k):
                q.append((k, getattr(p, k)))
        if p.lang != "en":
            q.append(("lang", p.lang))
        return "/explorer/list?" + urlencode(q)
    else:
        q.append(("ids", ",".join(p.ids)))
    if p.edge_types:
        q.append(("edge_types", ",".join(p.edge_types)))
    for k in ("as_of", "since", "until"):
        if getattr(p, k):
            q.append((k, getattr(p, k)))
    if p.kind == "entity" and p.group != "type":
        q.append(("group", p.group))
    if p.color != "type":
        q.append(("color", p.color))
    if p.lang != "en":
        q.append(("lang", p.lang))
    return "/?" + urlencode(q)


def page_context(pv: PreparedView, cap: int) -> dict[str, Any]:
    vg, p, data = pv.graph, pv.graph.params, pv.data
    lang = p.lang
    title, sub = titles(pv)
    notices: list[str] = []
    if vg.no_path:
        notices.append(t(lang, "no_path", hops=p.max_hops))
    if vg.omitted:
        agg_label = next((n["rgLabel"] for n in data.nodes if n.get("rgType") == "aggregate"), "")
        notices.append(t(lang, "omitted", n=vg.omitted, cap=vg.limit or cap, label=agg_label))
    if vg.truncated and not vg.omitted:  # a cut by the node cap is already explained above
        notices.append(t(lang, "truncated"))
    legend_nodes = []
    for type_ in data.node_types:
        st = node_style(type_)
        # coloured by community, the type shows only as the shape: the glyphs then go neutral
        legend_nodes.append({"glyph": st.glyph, "color": "#59636e" if data.communities else st.color,
                             "label": labels.node_type_label(type_, lang)})
    return {
        "lang": lang,
        "title": title,
        "subtitle": sub,
        "date_line": t(lang, "data_date", date=data.latest_source) if data.latest_source else t(lang, "no_data_date"),
        "notices": notices,
        "legend_nodes": legend_nodes,
        "legend_edges": [{"label": labels.edge_type_label(e, lang), "color": edge_color(e)} for e in data.edge_types],
        "legend_communities": data.communities,
        "legend_label": t(lang, "legend"),
        "canvas_label": t(lang, "canvas"),
        "open_label": t(lang, "open"),
        "list_label": t(lang, "as_list"),
        "explorer_url": explorer_url(p),
        "exports": [{"url": p.export_url(f), "label": f.upper()} for f in EXPORT_FORMATS],
        "static": static_urls(),
        "meta": {
            "physics": pv.physics,
            "kind": p.kind,
            "nodes": len(data.nodes),
            "docs": data.documents,
            "ui": {"sources": t(lang, "sources"), "close": t(lang, "close"), "open_entity": t(lang, "open_entity"),
                   "expand": t(lang, "expand")},
        },
    }


def render_view(store, params: ViewParams, cap: int, *, physics_max: int = PHYSICS_MAX_NODES, chrome: bool = True) -> str:
    """``chrome=False``: the title stays for screen readers but is not shown, and the
    download links are left out (the explorer frames the view with its own)."""
    pv = prepare(store, params, cap, physics_max=physics_max)
    options = vis_options(len(pv.data.nodes), pv.physics)
    ctx = page_context(pv, cap)
    ctx["chrome"] = chrome
    return render_page(pv.data.nodes, pv.data.edges, options, ctx)
