"""The explorer page at ``/``: search, entity views, partner paths, timelines.

Everything is rendered on the server with plain HTML forms (GET, so every
state is a permalink) and works without a network connection; the only
script is an optional "copy embed code" button.
"""

from __future__ import annotations

from graph.store.base import PARTNER_VIA

from dataclasses import dataclass
from html import escape
from importlib import resources
from typing import Any
from urllib.parse import urlencode

from jinja2 import Environment, FileSystemLoader, select_autoescape

from graph.errors import RegiographError
from graph.resolve import resolve_ref

from . import assets, labels
from .build import display_name
from .i18n import t
from .page import EXPORT_FORMATS
from .params import entity_params, parse_lang, path_params, split_list, subgraph_params

TEMPLATE_DIR = str(resources.files("views").joinpath("templates"))
SEARCH_LIMIT = 25
TIMELINE_LIMIT = 100
_env = Environment(loader=FileSystemLoader(TEMPLATE_DIR), autoescape=select_autoescape(default=True, default_for_string=True))


@dataclass(frozen=True)
class ExplorerArgs:
    q: str = ""
    id: str = ""
    ids: str = ""
    depth: str = ""
    source: str = ""
    target: str = ""
    edge_types: tuple[str, ...] = ()
    as_of: str = ""
    lang: str = "en"

    @classmethod
    def parse(cls, *, q=None, id=None, ids=None, depth=None, source=None, target=None, edge_types=None, as_of=None, lang=None) -> "ExplorerArgs":
        return cls(
            q=(q or "").strip(),
            id=(id or "").strip(),
            ids=(ids or "").strip(),
            depth=(depth or "").strip(),
            source=(source or "").strip(),
            target=(target or "").strip(),
            edge_types=split_list(edge_types) or (),
            as_of=(as_of or "").strip(),
            lang=parse_lang(lang),
        )

    def query(self, **changes: str) -> str:
        values = {"q": self.q, "id": self.id, "ids": self.ids, "depth": self.depth, "from": self.source, "to": self.target,
                  "edge_types": ",".join(self.edge_types), "as_of": self.as_of, "lang": self.lang}
        values.update(changes)
        if values.get("lang") == "en":
            values["lang"] = ""
        return "/?" + urlencode([(k, v) for k, v in values.items() if v])


def embed_snippet(base_url: str, view_url: str, title: str) -> str:
    """The iframe HTML a user copies; the template escapes it once more for display."""
    return (f'<iframe src="{escape(base_url + view_url, quote=True)}" title="{escape(title, quote=True)}" '
            'width="800" height="600" style="border:1px solid #ddd" loading="lazy"></iframe>')


def _view_block(p, base_url: str, title: str) -> dict[str, Any]:
    url = p.view_url()
    return {
        "url": url,
        "title": title,
        "embed": embed_snippet(base_url, url, title),
        "permalink": base_url + url,
        "exports": [{"url": p.export_url(f), "label": f.upper()} for f in EXPORT_FORMATS],
    }


def _entity_section(store, args: ExplorerArgs, cap: int, base_url: str) -> dict[str, Any]:
    node_id = resolve_ref(store, args.id)
    node = store.get_node(node_id)
    p = entity_params(node_id, depth=args.depth or None, edge_types=list(args.edge_types) or None,
                      as_of=args.as_of or None, lang=args.lang, cap=cap)
    name = display_name(node, args.lang)
    tl = store.timeline(node_id, limit=TIMELINE_LIMIT)
    timeline = [{"date": i.date, "label": i.label, "kind": i.kind,
                 "href": args.query(id=(i.node.id if i.node is not None and i.node.id != node_id else node_id), q="", **{"from": "", "to": ""})}
                for i in tl.items]
    return {
        "id": node_id,
        "name": name,
        "type": labels.node_type_label(node.type, args.lang),
        "depth": p.depth,
        "view": _view_block(p, base_url, t(args.lang, "entity_title", name=name)),
        "timeline": timeline,
        "timeline_truncated": tl.truncated,
    }


def _path_section(store, args: ExplorerArgs, cap: int, base_url: str) -> dict[str, Any]:
    source = resolve_ref(store, args.source, "from")
    target = resolve_ref(store, args.target, "to")
    p = path_params(source, target, edge_types=list(args.edge_types) or None, as_of=args.as_of or None, lang=args.lang)
    found = store.get_nodes([source, target])
    a, b = display_name(found[source], args.lang), display_name(found[target], args.lang)
    res = store.paths(source, target, k=p.k, max_hops=p.max_hops, edge_types=list(p.edge_types) if p.edge_types else None,
                      as_of=p.as_of, via=None if p.via_all else PARTNER_VIA)
    paths = []
    for path in res.paths:
        steps = []
        for i, n in enumerate(path.nodes):
            step = {"name": display_name(n, args.lang), "href": args.query(id=n.id, q="", **{"from": "", "to": ""})}
            if i < len(path.hops):
                hop = path.hops[i]
                step["edge"] = labels.edge_type_label(hop.edge.type, args.lang) + (" \u2192" if hop.direction == "forward" else " \u2190")
            steps.append(step)
        paths.append(steps)
    return {"view": _view_block(p, base_url, t(args.lang, "path_title", a=a, b=b)), "paths": paths, "max_hops": p.max_hops}


def _subgraph_section(args: ExplorerArgs, cap: int, base_url: str) -> dict[str, Any]:
    p = subgraph_params(args.ids, edge_types=list(args.edge_types) or None, as_of=args.as_of or None, lang=args.lang)
    return {"view": _view_block(p, base_url, t(args.lang, "subgraph_title", n=len(p.ids)))}


def _safe(section, errors: list[str]):
    try:
        return section()
    except RegiographError as exc:
        errors.append(exc.message)
        return None


def render(store, args: ExplorerArgs, *, cap: int, base_url: str) -> str:
    lang = args.lang
    errors: list[str] = []
    hits = []
    if args.q:
        hits = _safe(lambda: [
            {"name": display_name(h.node, lang), "matched": h.matched, "type": labels.node_type_label(h.node.type, lang),
             "id": h.node.id, "href": args.query(id=h.node.id)}
            for h in store.search(args.q, limit=SEARCH_LIMIT)
        ], errors) or []
    entity = _safe(lambda: _entity_section(store, args, cap, base_url), errors) if args.id else None
    path = _safe(lambda: _path_section(store, args, cap, base_url), errors) if (args.source or args.target) else None
    subgraph = _safe(lambda: _subgraph_section(args, cap, base_url), errors) if args.ids and not args.id else None
    stats = store.stats().to_dict()
    page = {
        "lang": lang,
        "s": lambda key, **kw: t(lang, key, **kw),
        "args": args,
        "hits": hits,
        "entity": entity,
        "path": path,
        "subgraph": subgraph,
        "errors": errors,
        "stats": t(lang, "stats", nodes=stats["total_nodes"], edges=stats["total_edges"]),
        "other_lang": "de" if lang == "en" else "en",
        "lang_url": args.query(lang="de" if lang == "en" else "en"),
        "edge_type_options": [{"name": e, "label": labels.edge_type_label(e, lang), "selected": e in args.edge_types} for e in labels.edge_types()],
        "css": assets.url("explorer.css"),
        "js": assets.url("explorer.js"),
    }
    return _env.get_template("explorer.html").render(**page)
