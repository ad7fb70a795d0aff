"""The views router: HTML graph views, exports, static files and the explorer.

Mount with ``app.include_router(router)``. Needs the dependencies
``api.deps.get_store`` and ``api.deps.get_settings``; reads the settings
``view_max_nodes`` (default 300) and ``frame_ancestors`` (default "'self'").
"""

from __future__ import annotations

import time
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response
from fastapi.responses import JSONResponse
from fastapi.concurrency import run_in_threadpool

from api.deps import get_settings, get_store
from graph.errors import NotFoundError, RegiographError

from . import assets, explorer, export
from .page import render_view
from .params import LIST_FILTERS, entity_params, list_params, params_for, path_params, subgraph_params
from .errorpage import error_page, wants_html
from .params import parse_lang
from .respond import ASSET_CACHE, VIEW_CACHE, cached_response, frame_ancestors, page_headers

# query parameters the graph views share (declared once: description and type)
Chrome = Annotated[str | None, Query(description="'0': no title and links (the explorer shows its own)")]
Color = Annotated[str | None, Query(description="node colour by 'type' (default) or 'community'")]
Since = Annotated[str | None, Query(description="only facts valid at any time from this date on (YYYY, YYYY-MM or YYYY-MM-DD)")]
Until = Annotated[str | None, Query(description="only facts valid at any time up to this date")]

router = APIRouter(tags=["views"])

DEFAULT_CAP = 300
HTML = "text/html; charset=utf-8"
ListParam = list[str] | None


def view_cap(settings) -> int:
    value = getattr(settings, "view_max_nodes", DEFAULT_CAP)
    try:
        return max(1, int(value))
    except (TypeError, ValueError):
        return DEFAULT_CAP


def _preload() -> str:
    """Let the browser fetch the scripts while the page itself still arrives."""
    return ", ".join(f"<{assets.url(name)}>; rel=preload; as=script" for name in ("vis-network.min.js", "view.js"))


async def _html(request: Request, settings, make, *, preload: bool = False, connect: bool = False) -> Response:
    started = time.perf_counter()
    html = await run_in_threadpool(make)
    headers = page_headers(settings, connect=connect)
    if preload:
        headers["Link"] = _preload()
    headers["Server-Timing"] = f"render;dur={(time.perf_counter() - started) * 1000:.1f}"
    return cached_response(request, html.encode("utf-8"), HTML, cache_control=VIEW_CACHE, headers=headers)


async def _guard(request: Request, settings, lang, answer) -> Response:
    """Errors of a view: a page in the reader's language for browsers, the API's JSON for the rest."""
    try:
        return await answer()
    except RegiographError as exc:
        if not wants_html(request):
            raise
        return error_page(exc, parse_lang(lang), settings)


async def _graph_view(request: Request, settings, store, lang, chrome, make_params) -> Response:
    """A graph view: ``make_params(cap)`` checks the arguments (errors as a page or the API's
    JSON), then the view is rendered off the event loop."""
    cap = view_cap(settings)

    async def answer():
        p = make_params(cap)
        return await _html(request, settings, lambda: render_view(store, p, cap, chrome=chrome != "0"), preload=True)

    return await _guard(request, settings, lang, answer)


@router.get("/view/entity/{id:path}", summary="Self-contained HTML view of an entity's neighbourhood")
async def view_entity(
    request: Request,
    id: str,
    depth: int | None = Query(None),
    edge_types: ListParam = Query(None),
    node_types: ListParam = Query(None),
    as_of: str | None = None,
    limit: int | None = Query(None),
    lang: str | None = None,
    chrome: Chrome = None,
    since: Since = None,
    until: Until = None,
    group: str | None = Query(None, description="large neighbourhoods: leaves grouped by 'type' (default), 'region' or 'none'"),
    color: Color = None,
    store=Depends(get_store),
    settings=Depends(get_settings),
):
    return await _graph_view(request, settings, store, lang, chrome, lambda cap: entity_params(
        id, depth=depth, edge_types=edge_types, node_types=node_types, as_of=as_of, limit=limit, lang=lang, cap=cap,
        since=since, until=until, group=group, color=color))


@router.get("/view/path", summary="Self-contained HTML view of the partner paths between two entities")
async def view_path(
    request: Request,
    source: str | None = None,
    target: str | None = None,
    k: int | None = Query(None),
    max_hops: int | None = Query(None),
    edge_types: ListParam = Query(None),
    as_of: str | None = None,
    lang: str | None = None,
    via: str | None = Query(None, description="'partner' (default: no countries or topics between the ends) or 'all'"),
    chrome: Chrome = None,
    since: Since = None,
    until: Until = None,
    color: Color = None,
    store=Depends(get_store),
    settings=Depends(get_settings),
):
    return await _graph_view(request, settings, store, lang, chrome, lambda cap: path_params(
        source, target, k=k, max_hops=max_hops, edge_types=edge_types, as_of=as_of, lang=lang, via=via,
        since=since, until=until, color=color))


@router.get("/view/subgraph", summary="Self-contained HTML view of the given nodes and the edges among them")
async def view_subgraph(
    request: Request,
    ids: ListParam = Query(None),
    edge_types: ListParam = Query(None),
    as_of: str | None = None,
    lang: str | None = None,
    chrome: Chrome = None,
    since: Since = None,
    until: Until = None,
    color: Color = None,
    store=Depends(get_store),
    settings=Depends(get_settings),
):
    return await _graph_view(request, settings, store, lang, chrome, lambda cap: subgraph_params(
        ids, edge_types=edge_types, as_of=as_of, lang=lang, since=since, until=until, color=color))


@router.get("/view/export", summary="The subgraph of any view as GEXF, GraphML, JSON or SVG")
async def view_export(
    request: Request,
    format: str = "json",
    view: str = "entity",
    id: str | None = None,
    ids: ListParam = Query(None),
    source: str | None = None,
    target: str | None = None,
    depth: int | None = Query(None),
    k: int | None = Query(None),
    max_hops: int | None = Query(None),
    edge_types: ListParam = Query(None),
    node_types: ListParam = Query(None),
    as_of: str | None = None,
    limit: int | None = Query(None),
    lang: str | None = None,
    via: str | None = None,
    since: Since = None,
    until: Until = None,
    group: str | None = None,
    color: str | None = None,
    store=Depends(get_store),
    settings=Depends(get_settings),
):
    cap = view_cap(settings)
    values = dict(id=id, ids=ids, source=source, target=target, depth=depth, k=k, max_hops=max_hops,
                  edge_types=edge_types, node_types=node_types, as_of=as_of, limit=limit, lang=lang, via=via,
                  since=since, until=until, group=group, color=color,
                  **{k: request.query_params.get(k) for k in LIST_FILTERS})
    p = params_for(view, values, cap=cap)
    fmt = export.check_format(format)
    body, media_type = await run_in_threadpool(lambda: export.export_view(store, p, cap, fmt))
    headers = {"Content-Disposition": f'attachment; filename="{export.filename(p, fmt)}"', "X-Content-Type-Options": "nosniff"}
    if fmt == "svg":
        headers["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
    return cached_response(request, body, media_type, cache_control=VIEW_CACHE, headers=headers)


@router.get("/static/views/{name}", include_in_schema=False)
async def static_file(request: Request, name: str):
    a = assets.asset(name)
    if a is None:
        raise NotFoundError(f"no static file '{name}'", details=[{"field": "name", "value": name}])
    return cached_response(request, a.body, a.media_type, cache_control=ASSET_CACHE, gzipped=a.gzipped,
                           headers={"X-Content-Type-Options": "nosniff"})


@router.get("/", summary="The explorer: search, entity views, partner paths, timelines", include_in_schema=False)
async def explorer_page(
    request: Request,
    q: str | None = None,
    id: str | None = None,
    ids: str | None = None,
    depth: str | None = None,
    edge_types: ListParam = Query(None),
    node_types: ListParam = Query(None),
    as_of: str | None = None,
    lang: str | None = None,
    since: str | None = None,
    until: str | None = None,
    group: str | None = None,
    color: str | None = None,
    store=Depends(get_store),
    settings=Depends(get_settings),
):
    source = request.query_params.get("from")
    target = request.query_params.get("to")
    cap = view_cap(settings)
    args = explorer.ExplorerArgs.parse(q=q, id=id, ids=ids, depth=depth, source=source, target=target,
                                      edge_types=edge_types, node_types=node_types, as_of=as_of, lang=lang,
                                      since=since, until=until, group=group, color=color)
    base = str(request.base_url).rstrip("/")
    fa = frame_ancestors(settings)
    return await _html(request, settings, lambda: explorer.render(store, args, cap=cap, base_url=base, frame_ancestors=fa),
                       connect=True)


@router.get("/explorer/suggest", summary="Search-as-you-type suggestions for the explorer (name, type, region)")
async def explorer_suggest(q: str = "", lang: str | None = None, limit: int = Query(explorer.SUGGEST_LIMIT, ge=1, le=20),
                           store=Depends(get_store)):
    items = await run_in_threadpool(lambda: explorer.suggest(store, q, parse_lang(lang), limit))
    return JSONResponse({"items": items}, headers={"Cache-Control": "no-store", "X-Content-Type-Options": "nosniff"})


@router.get("/embed/preview", summary="A view inside a plain page, as an embedding site shows it", include_in_schema=False)
async def embed_preview(request: Request, src: str = "", lang: str | None = None, settings=Depends(get_settings)):
    from .preview import render_preview

    lang = parse_lang(lang)
    base = str(request.base_url).rstrip("/")
    return await _html(request, settings, lambda: render_preview(src, lang, base, frame_ancestors(settings)))


@router.get("/view/list", summary="Self-contained HTML view of a list: the hits of the list filters and the facts that connect them")
async def view_list(
    request: Request,
    type: str | None = Query(None, description="node type, e.g. Organization"),
    kind: str | None = Query(None, description="subtype of the node type, e.g. agency"),
    related: str | None = Query(None, description="EDGE:NodeType, e.g. PARTY_TO:Agreement"),
    counterpart_in: str | None = Query(None, description="with 'related': another node on the same kind of edge lies in this region"),
    sort: str | None = Query(None, description="id, label or date"),
    lang: str | None = None,
    chrome: Chrome = None,
    since: Since = None,
    until: Until = None,
    color: Color = None,
    store=Depends(get_store),
    settings=Depends(get_settings),
):
    """Takes the filters of ``GET /api/entities`` (``in`` as well: a region id or name)."""
    values = {"type": type, "kind": kind, "in": request.query_params.get("in"), "related": related,
              "counterpart_in": counterpart_in, "sort": sort, "since": since, "until": until}
    return await _graph_view(request, settings, store, lang, chrome, lambda cap: list_params(values, lang=lang, color=color))


@router.get("/view/trade", summary="Self-contained HTML view of a trade series: the SVG chart and its data table")
async def view_trade(
    request: Request,
    a: str | None = Query(None, description="region id or name (directions are seen from it)"),
    b: str | None = Query(None, description="partner region id or name"),
    lang: str | None = None,
    chrome: Chrome = None,
    store=Depends(get_store),
    settings=Depends(get_settings),
):
    """Also takes ``from`` and ``to`` (first and last year)."""
    from .trade_view import render_trade_view

    async def answer():
        return await _html(request, settings, lambda: render_trade_view(store, request.query_params, lang, chrome=chrome != "0"))

    return await _guard(request, settings, lang, answer)


@router.get("/explorer/list", summary="The explorer's list page: entities by type, kind, region, relation and date",
            include_in_schema=False)
async def explorer_list(request: Request, lang: str | None = None, store=Depends(get_store), settings=Depends(get_settings)):
    from .questions import render_list

    cap = view_cap(settings)
    base = str(request.base_url).rstrip("/")
    fa = frame_ancestors(settings)
    return await _html(request, settings, lambda: render_list(store, request.query_params, lang, cap=cap, base_url=base,
                                                              frame_ancestors=fa), connect=True)


@router.get("/explorer/trade", summary="The explorer's trade page: the chart and the figures of two regions' trade",
            include_in_schema=False)
async def explorer_trade(request: Request, lang: str | None = None, store=Depends(get_store), settings=Depends(get_settings)):
    from .questions import render_trade

    base = str(request.base_url).rstrip("/")
    fa = frame_ancestors(settings)
    return await _html(request, settings, lambda: render_trade(store, request.query_params, lang, base_url=base,
                                                               frame_ancestors=fa), connect=True)
