"""Explorer pages for the strategists' questions: lists with filters and trade series.

``/explorer/list``: entities by type, kind, region (``in``), relation
(``related`` with ``counterpart_in``) and date range, each hit with why it
matched (the connecting facts, each with its sources), counts per type, cursor
pagination, and the hits drawn as a graph view (``/view/list``, embeddable).
``/explorer/trade``: the trade chart (SVG) with a data table beside it, and the
embeddable ``/view/trade``. Both in English and German; errors in the page's
language; ambiguous names offered as choices. Rendered with the explorer's
template (autoescaped)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from graph import query
from graph.resolve import resolve_ref

from . import labels
from .build import display_name
from .explorer import Collector, ExplorerArgs, _view_block, base_context, render_template
from .i18n import t
from .page import filters_text
from .params import LIST_FILTERS, list_params, parse_lang
from .queries import list_query
from .trade_chart import trade_chart_svg, trade_rows, words

LIST_PAGE_SIZE = 25
LIST_KEYS = LIST_FILTERS + ("since", "until")


@dataclass(frozen=True)
class ListArgs:
    values: tuple[tuple[str, str], ...] = ()
    cursor: str = ""
    lang: str = "en"

    @classmethod
    def parse(cls, params, lang=None) -> "ListArgs":
        vals = tuple((k, str(params.get(k)).strip()) for k in LIST_KEYS if str(params.get(k) or "").strip())
        return cls(vals, str(params.get("cursor") or "").strip(), parse_lang(lang))

    def get(self, key: str) -> str:
        return dict(self.values).get(key, "")

    def href(self, **changes: str) -> str:
        v = dict(self.values)
        v.update({k: x for k, x in changes.items() if k in LIST_KEYS})
        q = [(k, v[k]) for k in LIST_KEYS if v.get(k)]
        cursor = changes.get("cursor", "")
        if cursor:
            q.append(("cursor", cursor))
        lang = changes.get("lang", self.lang)
        if lang != "en":
            q.append(("lang", lang))
        return "/explorer/list?" + urlencode(q)


def _options(lang: str) -> dict[str, list[dict[str, str]]]:
    from graph.schema import default_schema

    schema = default_schema()
    types = [{"value": n, "label": labels.node_type_label(n, lang)} for n in labels.node_types()]
    kinds = [{"type": labels.node_type_label(name, lang),
              "values": [{"value": v, "label": nt.properties[nt.subtype_property].value_label(v, lang)}
                         for v in nt.properties[nt.subtype_property].values]}
             for name, nt in schema.nodes.items() if nt.subtype_property and nt.properties[nt.subtype_property].values]
    related = []
    for e in labels.edge_types():
        et = schema.edges.get(e)
        for target in (et.target if et else ()):
            related.append({"value": f"{e}:{target}",
                            "label": f"{labels.edge_type_label(e, lang)} \u2192 {labels.node_type_label(target, lang)}"})
    sorts = [{"value": k, "label": t(lang, "sort_" + k)} for k in ("id", "label", "date")]
    return {"types": types, "kinds": kinds, "related": related, "sorts": sorts}


def _fact(e, names: dict[str, str], lang: str, docs: dict, entity_href) -> dict[str, Any]:
    sources = []
    for s in e.sources[:5]:
        d = docs.get(s.document)
        sources.append({"title": str(d.properties.get("title") or d.label) if d else s.document,
                        "date": str(d.properties.get("published") or "") if d else "",
                        "href": entity_href(s.document), "evidence": s.evidence or ""})
    return {"text": f"{names.get(e.source, e.source)} \u2192 {labels.edge_type_label(e.type, lang)} \u2192 "
                    f"{names.get(e.target, e.target)}",
            "sources": sources}


def _list_section(store, la: ListArgs, ex: ExplorerArgs, base_url: str, cap: int) -> dict[str, Any] | None:
    filters = dict(la.values)
    if not any(filters.get(k) for k in ("type", "in", "related")):
        return {"empty": True}
    res = list_query(store, filters, since=filters.get("since"), until=filters.get("until"), cursor=la.cursor or None,
                     limit=LIST_PAGE_SIZE)
    edges = [e for h in res.items for r in h.why for e in r.edges]
    ids = {x for e in edges for x in (e.source, e.target)} | {s.document for e in edges for s in e.sources[:5]}
    found = store.get_nodes(sorted(ids)) if ids else {}
    names = {i: display_name(n, la.lang) for i, n in found.items()}
    items = []
    for h in res.items:
        names.setdefault(h.node.id, display_name(h.node, la.lang))
        why = []
        for r in h.why:
            if r.edges:
                why.extend(_fact(e, names, la.lang, found, ex.entity_href) for e in r.edges)
            elif r.kind == "where":
                why.append({"text": r.text, "sources": []})
        items.append({"name": display_name(h.node, la.lang), "href": ex.entity_href(h.node.id), "id": h.node.id,
                      "type": labels.node_type_label(h.node.type, la.lang), "why": why})
    resolved = dict(filters)
    picked = {}  # the region fields as the form shows them: name, and the id it submits
    for key in ("in", "counterpart_in"):
        if filters.get(key):
            rid = resolve_ref(store, filters[key], key)
            resolved[key] = rid
            region = store.get_node(rid)
            filters[key] = display_name(region, la.lang)
            picked[key] = {"name": filters[key], "id": rid}
    p = list_params(resolved, lang=la.lang, color=None)
    title = t(la.lang, "list_title", filters=filters_text(tuple(filters.items()), la.lang))
    return {
        "empty": False,
        "picked": picked,
        "title": title,
        "total": res.total,
        "truncated": res.truncated,
        "counts": [{"type": labels.node_type_label(k, la.lang), "n": v} for k, v in res.counts.items()],
        "hits": items,
        "next": la.href(cursor=res.next_cursor) if res.next_cursor else "",
        "first": la.href() if la.cursor else "",
        "view": _view_block(p, base_url, title),
        "api": "/api/entities?" + urlencode([(k, v) for k, v in resolved.items() if v]),
    }


def render_list(store, params, lang, *, cap: int, base_url: str, frame_ancestors: str) -> str:
    la = ListArgs.parse(params, lang)
    ex = ExplorerArgs(lang=la.lang)

    def href(field_, i):
        return la.href(**{field_: i})

    safe = Collector(store, ex, href)
    listing = safe(lambda: _list_section(store, la, ex, base_url, cap))
    ctx = base_context(store, ex, safe, frame_ancestors, la.href(lang="de" if la.lang == "en" else "en", cursor=la.cursor))
    ctx["listing"] = listing or {"empty": True}
    ctx["list_args"] = {k: la.get(k) for k in LIST_KEYS}
    ctx["list_options"] = _options(la.lang)
    ctx["page_title"] = (listing or {}).get("title") or t(la.lang, "list_page")
    return render_template(ctx)


# -------------------------------------------------------------------- trade


@dataclass(frozen=True)
class TradeArgs:
    a: str = ""
    b: str = ""
    start: str = ""
    end: str = ""
    lang: str = "en"
    extra: tuple = field(default=())

    @classmethod
    def parse(cls, params, lang=None) -> "TradeArgs":
        g = lambda k: str(params.get(k) or "").strip()  # noqa: E731
        return cls(g("a"), g("b"), g("from"), g("to"), parse_lang(lang))

    def query(self, **changes: str) -> list[tuple[str, str]]:
        v = {"a": self.a, "b": self.b, "from": self.start, "to": self.end, "lang": self.lang}
        v.update(changes)
        if v.get("lang") == "en":
            v["lang"] = ""
        return [(k, x) for k, x in v.items() if x]

    def href(self, page: str = "/explorer/trade", **changes: str) -> str:
        return page + "?" + urlencode(self.query(**changes))


def trade_data(store, ta: TradeArgs) -> dict[str, Any]:
    """The series, its chart and its table rows, in the page's language."""
    a = resolve_ref(store, ta.a, "a")
    b = resolve_ref(store, ta.b, "b")
    series = query.run(store, "trade", a=a, b=b, from_=ta.start or None, to=ta.end or None)
    names = (display_name(series.a, ta.lang), display_name(series.b, ta.lang))
    doc_ids = sorted({s.document for f in series.figures for s in f.edge.sources})
    docs = store.get_nodes(doc_ids) if doc_ids else {}
    w = words(ta.lang)
    title = w["title"].format(a=names[0], b=names[1])
    resolved = TradeArgs(a, b, ta.start, ta.end, ta.lang)
    return {"title": title, "a": names[0], "b": names[1], "a_id": a, "b_id": b,
            "svg": trade_chart_svg(series, lang=ta.lang, names=names, show_title=False),
            "rows": trade_rows(series, ta.lang, docs), "resolved": resolved,
            "doc_href": lambda i: ExplorerArgs(lang=ta.lang).entity_href(i)}


def _trade_section(store, ta: TradeArgs, base_url: str) -> dict[str, Any] | None:
    if not (ta.a or ta.b):
        return {"empty": True}
    data = trade_data(store, ta)
    r = data["resolved"]
    view_url = r.href("/view/trade")
    from .explorer import embed_snippet

    # the page shows the chart itself: the view is offered as a permalink and for embedding, not framed twice
    return {**data, "empty": False,
            "view": {"url": view_url, "frame_url": "", "title": data["title"],
                     "embed": embed_snippet(base_url, view_url, data["title"]), "permalink": base_url + view_url,
                     "preview": "/embed/preview?" + urlencode({"src": view_url}), "exports": [], "signed_embed": ""}}


def render_trade(store, params, lang, *, base_url: str, frame_ancestors: str) -> str:
    ta = TradeArgs.parse(params, lang)
    ex = ExplorerArgs(lang=ta.lang)

    def href(field_, i):
        return ta.href(**{field_: i})

    safe = Collector(store, ex, href)
    trade = safe(lambda: _trade_section(store, ta, base_url))
    ctx = base_context(store, ex, safe, frame_ancestors, ta.href(lang="de" if ta.lang == "en" else "en"))
    ctx["trade"] = trade or {"empty": True}
    ctx["trade_args"] = ta
    ctx["page_title"] = (trade or {}).get("title") or t(ta.lang, "trade_page")
    return render_template(ctx)
