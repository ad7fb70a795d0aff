"""The explorer page at ``/``: a start page, search, entity pages, partner paths.

Everything is rendered on the server with plain HTML forms (GET, so every
state is a permalink) and works without a network connection. The page
script only adds what needs it: search-as-you-type suggestions
(``/explorer/suggest``, a combobox), "copy embed code" and the embed panel's
``REGIOGRAPH_FRAME_ANCESTORS`` helper. Errors and ambiguous names are shown
in the page's language; an ambiguous name is answered with its candidates.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from functools import lru_cache
from html import escape
from importlib import resources
from typing import Any
from urllib.parse import urlencode, urlsplit

import yaml
from jinja2 import Environment, FileSystemLoader, select_autoescape

from graph.errors import NotFoundError, QueryError, RegiographError
from graph.resolve import resolve_ref
from graph.store.base import PARTNER_VIA

from . import assets, labels
from .build import display_name
from .i18n import t
from .page import EXPORT_FORMATS
from .params import entity_params, parse_lang, path_params, split_list, subgraph_params

TEMPLATE_DIR = str(resources.files("views").joinpath("templates"))
SEARCH_LIMIT = 25
SUGGEST_LIMIT = 8
TIMELINE_LIMIT = 100
SOURCE_LIMIT = 60
_env = Environment(loader=FileSystemLoader(TEMPLATE_DIR), autoescape=select_autoescape(default=True, default_for_string=True))


@lru_cache(maxsize=None)
def config() -> dict[str, Any]:
    """views/explorer.yaml: example questions, region relations, identifier properties."""
    return yaml.safe_load(resources.files("views").joinpath("explorer.yaml").read_text(encoding="utf-8")) or {}


@dataclass(frozen=True)
class ExplorerArgs:
    q: str = ""
    id: str = ""
    ids: str = ""
    depth: str = ""
    source: str = ""
    target: str = ""
    edge_types: tuple[str, ...] = ()
    node_types: tuple[str, ...] = ()
    as_of: str = ""
    lang: str = "en"
    since: str = ""
    until: str = ""
    group: str = ""
    color: str = ""

    @classmethod
    def parse(cls, *, q=None, id=None, ids=None, depth=None, source=None, target=None, edge_types=None, node_types=None,
              as_of=None, lang=None, since=None, until=None, group=None, color=None) -> "ExplorerArgs":
        return cls(
            q=(q or "").strip(),
            id=(id or "").strip(),
            ids=(ids or "").strip(),
            depth=(depth or "").strip(),
            source=(source or "").strip(),
            target=(target or "").strip(),
            edge_types=split_list(edge_types) or (),
            node_types=split_list(node_types) or (),
            as_of=(as_of or "").strip(),
            lang=parse_lang(lang),
            since=(since or "").strip(),
            until=(until or "").strip(),
            group=(group or "").strip(),
            color=(color or "").strip(),
        )

    def span(self) -> dict[str, str | None]:
        """The time control and display options, as the view parameters take them."""
        return {"as_of": self.as_of or None, "since": self.since or None, "until": self.until or None,
                "color": self.color or None}

    @property
    def start(self) -> bool:
        return not (self.q or self.id or self.ids or self.source or self.target)

    def query(self, **changes: str) -> str:
        values = {"q": self.q, "id": self.id, "ids": self.ids, "depth": self.depth, "from": self.source, "to": self.target,
                  "edge_types": ",".join(self.edge_types), "node_types": ",".join(self.node_types), "as_of": self.as_of,
                  "since": self.since, "until": self.until, "group": self.group, "color": self.color, "lang": self.lang}
        values.update(changes)
        if values.get("lang") == "en":
            values["lang"] = ""
        return "/?" + urlencode([(k, v) for k, v in values.items() if v])

    def entity_href(self, node_id: str) -> str:
        return self.query(id=node_id, q="", ids="", depth="", edge_types="", node_types="", group="", **{"from": "", "to": ""})


# ------------------------------------------------------------------ errors


def explain(exc: RegiographError, lang: str) -> dict[str, Any]:
    """An error in the page's language; an ambiguous name with its candidates."""
    detail = exc.details[0] if exc.details else {}
    field, value = str(detail.get("field", "")), detail.get("value", "")
    if isinstance(exc, NotFoundError):
        if detail.get("candidates"):
            return {"kind": "ambiguous", "field": field, "value": value, "text": t(lang, "err_ambiguous", q=value)}
        return {"kind": "error", "text": t(lang, "err_not_found", q=value or field)}
    if isinstance(exc, QueryError):
        key = {"span": "err_span", "as_of": "err_date", "since": "err_date", "until": "err_date", "depth": "err_depth",
               "group": "err_choice", "color": "err_choice", "a": "err_required", "b": "err_required",
               "from": "err_year", "to": "err_year", "type": "err_list", "kind": "err_list", "related": "err_list",
               "counterpart_in": "err_list", "in": "err_list", "cursor": "err_list", "edge_types": "err_types", "node_types": "err_types",
               "source": "err_required", "target": "err_required", "ids": "err_required"}.get(field, "err_query")
        return {"kind": "error", "text": t(lang, key, field=t(lang, "field_" + field) if field else "", value=value)}
    return {"kind": "error", "text": t(lang, "err_other")}


def _choices(store, err: dict[str, Any], exc: NotFoundError, args: ExplorerArgs, href=None) -> list[dict[str, str]]:
    """The candidates of an ambiguous name as links; ``href(field, id)`` makes a link
    (default: the explorer's own parameters)."""
    ids = next((d.get("candidates") for d in exc.details if d.get("candidates")), []) or []
    found = store.get_nodes(list(ids))
    if href is None:
        def href(field, i):
            param = {"id": "id", "from": "from", "to": "to", "source": "from", "target": "to"}.get(field, "id")
            return args.query(**{param: i})
    out = []
    for i in ids:
        if i in found:
            n = found[i]
            out.append({"name": display_name(n, args.lang), "type": labels.node_type_label(n.type, args.lang), "id": i,
                        "href": href(err["field"], i)})
    return out


class Collector:
    """Runs page sections; a failing one adds an error in the page's language, or
    its candidates when a name is ambiguous, and gives None."""

    def __init__(self, store, args: "ExplorerArgs", href=None):
        self.store, self.args, self.href = store, args, href
        self.errors: list[str] = []
        self.choices: list[dict[str, Any]] = []

    def __call__(self, section):
        try:
            return section()
        except RegiographError as exc:
            err = explain(exc, self.args.lang)
            if err["kind"] == "ambiguous":
                self.choices.append({"text": err["text"], "options": _choices(self.store, err, exc, self.args, self.href)})
            else:
                self.errors.append(err["text"])
            return None


# ------------------------------------------------------------- suggestions


def region_of(store, node_id: str, lang: str) -> str:
    """The name of the region a node is in (or, for a region, part of), or ''."""
    kinds = [e for e in config().get("region_edges", []) if e in labels.edge_types()]
    if not kinds:
        return ""
    sg = store.neighbors(node_id, depth=1, edge_types=kinds, limit=50)
    by_id = {n.id: n for n in sg.nodes}
    for kind in kinds:
        for e in sg.edges:
            if e.type == kind and e.source == node_id and e.target in by_id:
                return display_name(by_id[e.target], lang)
    return ""


def suggest(store, q: str, lang: str, limit: int = SUGGEST_LIMIT) -> list[dict[str, str]]:
    q = (q or "").strip()
    if len(q) < 2 or not any(ch.isalnum() for ch in q):
        return []
    out = []
    for h in store.search(q[:200], limit=limit):
        name = display_name(h.node, lang)
        out.append({
            "id": h.node.id,
            "name": name,
            "matched": h.matched if h.matched != name else "",
            "type": labels.node_type_label(h.node.type, lang),
            "region": region_of(store, h.node.id, lang),
            "href": ExplorerArgs(lang=lang).entity_href(h.node.id),
        })
    return out


# --------------------------------------------------------------- start page

_recent_cache: dict[int, tuple[tuple, list]] = {}


def recent_documents(store, lang: str, stats_key: tuple) -> list[dict[str, str]]:
    """The most recently published documents (cached per store until its counts change)."""
    doc_type = config().get("document_type", "")
    cached = _recent_cache.get(id(store))
    if cached is None or cached[0] != stats_key:
        docs = [n for n in store.iter_nodes() if n.type == doc_type]
        docs.sort(key=lambda d: (str(d.properties.get("published") or ""), d.id), reverse=True)
        _recent_cache[id(store)] = (stats_key, docs[: int(config().get("recent_documents", 6))])
    args = ExplorerArgs(lang=lang)
    return [{"title": str(d.properties.get("title") or display_name(d, lang)), "date": str(d.properties.get("published") or ""),
             "publisher": str(d.properties.get("publisher") or ""), "href": args.entity_href(d.id)}
            for d in _recent_cache[id(store)][1]]


def examples(store, lang: str) -> list[dict[str, str]]:
    out = []
    items = config().get("examples", [])
    wanted = sorted({str(v) for ex in items for k, v in ex.items() if k in ("id", "from", "to")})
    present = store.get_nodes(wanted) if wanted else {}
    args = ExplorerArgs(lang=lang)
    for ex in items:
        refs = [str(ex[k]) for k in ("id", "from", "to") if k in ex]
        if not refs or any(r not in present for r in refs):
            continue
        if "id" in ex:
            href = args.query(id=str(ex["id"]), depth=str(ex.get("depth", "")))
        else:
            href = args.query(**{"from": str(ex["from"]), "to": str(ex["to"])})
        out.append({"text": str(ex.get(lang) or ex.get("en")), "href": href})
    return out


def start_page(store, stats: dict, lang: str) -> dict[str, Any]:
    counts = [{"type": labels.node_type_label(k, lang), "n": v} for k, v in sorted(stats["nodes"].items(), key=lambda kv: -kv[1])]
    key = (stats["total_nodes"], stats["total_edges"])
    return {"counts": counts, "recent": recent_documents(store, lang, key), "examples": examples(store, lang)}


# ------------------------------------------------------------ entity panel


def safe_url(value: Any) -> str:
    """Only http(s) links leave the app."""
    text = str(value or "").strip()
    parts = urlsplit(text)
    return text if parts.scheme in ("http", "https") and parts.netloc else ""


def _value(v: Any) -> str:
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def _rule_text(s) -> str:
    """'roles.apply 0.82': the text rule that read the fact and its confidence (empty for other sources)."""
    if not s.rule:
        return ""
    return f"{s.rule} {s.confidence:.2f}" if s.confidence is not None else s.rule


def entity_panel(store, node, args: ExplorerArgs) -> dict[str, Any]:
    """Names per language, identifiers, properties, and every source of the
    node and of its direct relations, with document title, date, evidence and link."""
    lang = args.lang
    ident_keys = set(config().get("identifier_properties", []))
    names = [{"lang": k, "name": v} for k, v in sorted(node.name.items())]
    aliases = [{"lang": k, "names": ", ".join(v)} for k, v in sorted(node.aliases.items()) if v]
    identifiers = [{"key": "id", "value": node.id}] + [{"key": k, "value": _value(v)} for k, v in sorted(node.properties.items()) if k in ident_keys]
    props = [{"key": k, "value": _value(v)} for k, v in sorted(node.properties.items()) if k not in ident_keys and v not in (None, "")]
    if node.valid_from or node.valid_to:
        props.append({"key": t(lang, "valid"), "value": (node.valid_from or "\u2026") + " \u2013 " + (node.valid_to or "\u2026")})
    sg = store.neighbors(node.id, depth=1, limit=500)
    others = {n.id: n for n in sg.nodes}
    facts: list[tuple[str, Any]] = [(t(lang, "fact_self", name=display_name(node, lang)), s) for s in node.sources]
    for e in sg.edges:
        a = others.get(e.source, node) if e.source != node.id else node
        b = others.get(e.target, node) if e.target != node.id else node
        text = f"{display_name(a, lang)} \u2192 {labels.edge_type_label(e.type, lang)} \u2192 {display_name(b, lang)}"
        facts.extend((text, s) for s in e.sources)
    doc_ids = sorted({s.document for _, s in facts})
    docs = store.get_nodes(doc_ids) if doc_ids else {}
    by_doc: dict[str, dict[str, Any]] = {}
    for text, s in facts[: SOURCE_LIMIT * 4]:
        d = docs.get(s.document)
        entry = by_doc.setdefault(s.document, {
            "title": str(d.properties.get("title") or display_name(d, lang)) if d else s.document,
            "date": str(d.properties.get("published") or "") if d else "",
            "publisher": str(d.properties.get("publisher") or "") if d else "",
            "url": safe_url(d.properties.get("url")) if d else "",
            "href": args.entity_href(s.document) if d else "",
            "facts": [],
        })
        if len(entry["facts"]) < 12:
            entry["facts"].append({"text": text, "evidence": s.evidence or "", "locator": s.locator or "",
                                   "rule": _rule_text(s)})
    sources = sorted(by_doc.values(), key=lambda x: x["date"], reverse=True)[:SOURCE_LIMIT]
    return {"names": names, "aliases": aliases, "identifiers": identifiers, "props": props, "sources": sources}


# ----------------------------------------------------------------- sections

# Hook for signed embed links (built by the hardening work): a function that
# takes a view URL (path and query, e.g. "/view/entity/org:wfs?depth=2") and
# returns the signed URL to embed, or None. When one is set, the embed panel
# offers a second snippet with the signed URL.
_embed_signer = None


def set_embed_signer(signer) -> None:
    """Register (or, with None, remove) the function that signs embed URLs."""
    global _embed_signer
    _embed_signer = signer


def embed_snippet(base_url: str, view_url: str, title: str) -> str:
    """The iframe HTML a user copies; the template escapes it once more for display."""
    return (f'<iframe src="{escape(base_url + view_url, quote=True)}" title="{escape(title, quote=True)}" '
            'width="800" height="600" style="border:1px solid #ddd" loading="lazy"></iframe>')


def _view_block(p, base_url: str, title: str) -> dict[str, Any]:
    url = p.view_url()
    framed = url + ("&" if "?" in url else "?") + "chrome=0"
    signed = _embed_signer(url) if _embed_signer is not None else None
    return {
        "signed_embed": embed_snippet(base_url, signed, title) if signed else "",
        "url": url,
        "frame_url": framed,
        "title": title,
        "embed": embed_snippet(base_url, url, title),
        "permalink": base_url + url,
        "preview": "/embed/preview?" + urlencode({"src": url}),
        "exports": [{"url": p.export_url(f), "label": f.upper()} for f in EXPORT_FORMATS],
    }


def _chips(names: list[str], chosen: tuple[str, ...], label) -> list[dict[str, Any]]:
    return [{"name": n, "label": label(n), "on": n in chosen} for n in names]


def _entity_section(store, args: ExplorerArgs, cap: int, base_url: str) -> dict[str, Any]:
    node_id = resolve_ref(store, args.id)
    node = store.get_node(node_id)
    p = entity_params(node_id, depth=args.depth or None, edge_types=list(args.edge_types) or None,
                      node_types=list(args.node_types) or None, lang=args.lang, cap=cap, group=args.group or None,
                      **args.span())
    name = display_name(node, args.lang)
    tl = store.timeline(node_id, limit=TIMELINE_LIMIT, since=p.since, until=p.until or p.as_of)
    timeline = [{"date": i.date, "label": i.label, "kind": i.kind,
                 "href": args.entity_href(i.node.id if i.node is not None and i.node.id != node_id else node_id)}
                for i in tl.items]
    return {
        "id": node_id,
        "name": name,
        "type": labels.node_type_label(node.type, args.lang),
        "depth": p.depth,
        "view": _view_block(p, base_url, t(args.lang, "entity_title", name=name)),
        "timeline": timeline,
        "timeline_truncated": tl.truncated,
        "panel": entity_panel(store, node, args),
        "path_from": args.query(**{"from": node_id, "to": ""}, id="", q=""),
    }


def _path_section(store, args: ExplorerArgs, cap: int, base_url: str) -> dict[str, Any]:
    source = resolve_ref(store, args.source, "from")
    target = resolve_ref(store, args.target, "to")
    p = path_params(source, target, edge_types=list(args.edge_types) or None, lang=args.lang, **args.span())
    found = store.get_nodes([source, target])
    a, b = display_name(found[source], args.lang), display_name(found[target], args.lang)
    res = store.paths(source, target, k=p.k, max_hops=p.max_hops, edge_types=list(p.edge_types) if p.edge_types else None,
                      as_of=p.as_of, since=p.since, until=p.until, via=None if p.via_all else PARTNER_VIA)
    paths = []
    for path in res.paths:
        steps = []
        for i, n in enumerate(path.nodes):
            step = {"name": display_name(n, args.lang), "href": args.entity_href(n.id)}
            if i < len(path.hops):
                hop = path.hops[i]
                step["edge"] = labels.edge_type_label(hop.edge.type, args.lang) + (" \u2192" if hop.direction == "forward" else " \u2190")
            steps.append(step)
        paths.append(steps)
    return {"view": _view_block(p, base_url, t(args.lang, "path_title", a=a, b=b)), "paths": paths, "max_hops": p.max_hops,
            "a": a, "b": b, "source": source, "target": target}


def _subgraph_section(args: ExplorerArgs, cap: int, base_url: str) -> dict[str, Any]:
    p = subgraph_params(args.ids, edge_types=list(args.edge_types) or None, lang=args.lang, **args.span())
    return {"view": _view_block(p, base_url, t(args.lang, "subgraph_title", n=len(p.ids)))}


def base_context(store, args: ExplorerArgs, safe: Collector, frame_ancestors: str, lang_url: str) -> dict[str, Any]:
    """What every explorer page shows: header, footer, chips, errors, choices."""
    lang = args.lang
    stats = store.stats().to_dict()
    other = "de" if lang == "en" else "en"
    return {
        "lang": lang,
        "s": lambda key, **kw: t(lang, key, **kw),
        "args": args,
        "start": None, "hits": [], "entity": None, "path": None, "subgraph": None, "listing": None, "trade": None,
        "errors": safe.errors,
        "choices": safe.choices,
        "stats_raw": stats,
        "stats": t(lang, "stats", nodes=stats["total_nodes"], edges=stats["total_edges"]),
        "other_lang": other,
        "lang_url": lang_url,
        "home": "/" if lang == "en" else "/?lang=" + lang,
        "edge_chips": _chips(labels.edge_types(), args.edge_types, lambda e: labels.edge_type_label(e, lang)),
        "node_chips": _chips(labels.node_types(), args.node_types, lambda n: labels.node_type_label(n, lang)),
        "suggest_url": "/explorer/suggest?" + urlencode({"lang": lang}),
        "frame_ancestors": frame_ancestors,
        "css": assets.url("explorer.css"),
        "js": assets.url("explorer.js"),
        "questions": question_links(lang),
    }


def question_links(lang: str) -> list[dict[str, str]]:
    """Links to the list and trade pages (``questions`` in views/explorer.yaml)."""
    out = []
    for q in config().get("questions", []):
        params = {k: str(v) for k, v in (q.get("params") or {}).items()}
        if lang != "en":
            params["lang"] = lang
        out.append({"text": str(q.get(lang) or q.get("en")), "href": str(q["page"]) + "?" + urlencode(params)})
    return out


def render_template(ctx: dict[str, Any]) -> str:
    return _env.get_template("explorer.html").render(**ctx)


def render(store, args: ExplorerArgs, *, cap: int, base_url: str, frame_ancestors: str = "'self'") -> str:
    lang = args.lang
    safe = Collector(store, args)

    hits = []
    if args.q:
        hits = safe(lambda: [
            {"name": display_name(h.node, lang), "matched": h.matched, "type": labels.node_type_label(h.node.type, lang),
             "id": h.node.id, "href": args.entity_href(h.node.id), "region": region_of(store, h.node.id, lang)}
            for h in store.search(args.q[:200], limit=SEARCH_LIMIT)
        ]) or []
    entity = safe(lambda: _entity_section(store, args, cap, base_url)) if args.id else None
    path = safe(lambda: _path_section(store, args, cap, base_url)) if (args.source or args.target) else None
    subgraph = safe(lambda: _subgraph_section(args, cap, base_url)) if args.ids and not args.id else None
    page = base_context(store, args, safe, frame_ancestors, args.query(lang="de" if lang == "en" else "en"))
    page.update({
        "start": start_page(store, page["stats_raw"], lang) if args.start else None,
        "hits": hits,
        "entity": entity,
        "path": path,
        "subgraph": subgraph,
        "group_choice": args.group or "type",
        "color_choice": args.color or "type",
    })
    return render_template(page)
