"""JSON routes under /api: search, entities, neighbours, paths, connections, timeline, stats, records."""

from __future__ import annotations

from typing import Annotated

import anyio
from fastapi import APIRouter, Depends, Header, Query, Request, Response
from fastapi.concurrency import run_in_threadpool

from graph.errors import LoadError, ValidationError
from graph.query import run as run_query
from graph.query.limits import MAX_LIST_LIMIT
from graph.resolve import resolve_ref
from graph.text import slug
from graph.store.base import (
    DEFAULT_NEIGHBOR_LIMIT,
    MAX_DEPTH,
    MAX_HOPS,
    MAX_K,
    MAX_NEIGHBOR_LIMIT,
    MAX_SEARCH_LIMIT,
    PARTNER_VIA,
    GraphStore,
)
from loaders.structured import parse_document
from regiograph.settings import Settings

from . import validate
from .access import require_write
from . import compact
from .deps import get_settings, get_store, split_list
from .errors import ApiError
from .limits import read_limited
from .responses import FastJSON

router = APIRouter(prefix="/api", default_response_class=FastJSON)
Store = Annotated[GraphStore, Depends(get_store)]
Conf = Annotated[Settings, Depends(get_settings)]
AsOf = Annotated[str | None, Query(description="only facts valid on this date; a year (YYYY) or month (YYYY-MM) means "
                                             "valid at any time in it", max_length=10)]
Since = Annotated[str | None, Query(description="only facts valid at any time from this date on (YYYY, YYYY-MM or YYYY-MM-DD)", max_length=10)]
Until = Annotated[str | None, Query(description="only facts valid at any time up to this date (YYYY, YYYY-MM or YYYY-MM-DD)", max_length=10)]


@router.get("/search", summary="Search nodes by name or alias (any language, case- and accent-insensitive)")
def search(
    store: Store,
    q: Annotated[str, Query(min_length=1, max_length=200, description="name, alias or acronym")],
    types: Annotated[list[str] | None, Query(description="node types, repeated or comma-separated")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_SEARCH_LIMIT)] = 20,
):
    hits = store.search(q, types=split_list(types), limit=min(limit + 1, MAX_SEARCH_LIMIT))
    truncated = len(hits) > limit
    hits = hits[:limit]
    return FastJSON({"query": q, "count": len(hits), "truncated": truncated, "results": [h.to_dict() for h in hits]})


@router.get("/entities", summary="Lists and filters: entities by type, kind, region, relation, date and property; "
            "sorted, cursor-paginated, counts per type, each hit with why it matched")
def entities(
    store: Store,
    type: Annotated[str | None, Query(max_length=60, description="node type, e.g. Organization")] = None,
    kind: Annotated[str | None, Query(max_length=60, description="subtype of the node type, e.g. agency")] = None,
    in_: Annotated[str | None, Query(alias="in", max_length=200, description="region id or name: entities located in "
                                     "it or part of it, transitively")] = None,
    related: Annotated[str | None, Query(max_length=120, description="EDGE:NodeType, e.g. PARTY_TO:Agreement")] = None,
    counterpart_in: Annotated[str | None, Query(max_length=200, description="with 'related': another node on the same "
                                                "kind of edge lies in this region")] = None,
    since: Since = None,
    until: Until = None,
    where: Annotated[list[str] | None, Query(description="property:value, repeated")] = None,
    sort: Annotated[str, Query(description="id, label or date")] = "id",
    cursor: Annotated[str | None, Query(max_length=2000, description="next_cursor of the previous page")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIST_LIMIT)] = 50,
):
    within = resolve_ref(store, in_, "in") if in_ else None
    cp = resolve_ref(store, counterpart_in, "counterpart_in") if counterpart_in else None
    result = run_query(store, "entities", type=type, kind=kind, within=within, related=related, counterpart_in=cp,
                       since=since, until=until, where=where, sort=sort, cursor=cursor, limit=limit)
    return FastJSON(result.to_dict())


@router.get("/entities/{id}", summary="One entity: properties, names, aliases, sources and edge counts")
def entity(store: Store, id: str):
    node = store.get_node(resolve_ref(store, id))
    doc_ids = sorted({s.document for s in node.sources})
    docs = store.get_nodes(doc_ids)
    sub = store.neighbors(node.id, depth=1, limit=MAX_NEIGHBOR_LIMIT)
    degree: dict[str, int] = {}
    for e in sub.edges:
        if node.id in (e.source, e.target):
            degree[e.type] = degree.get(e.type, 0) + 1
    body = node.to_dict()
    body["documents"] = [
        {"id": d, "title": docs[d].properties.get("title", docs[d].label), "published": docs[d].properties.get("published"),
         "publisher": docs[d].properties.get("publisher"), "url": docs[d].properties.get("url")}
        for d in doc_ids if d in docs
    ]
    body["edge_counts"] = dict(sorted(degree.items()))
    return FastJSON(body)


@router.get("/entities/{id}/neighbors", summary="Neighbourhood to depth 1-3, filtered by edge type, node type and date")
def neighbors(
    store: Store,
    id: str,
    depth: Annotated[int, Query(ge=1, le=MAX_DEPTH)] = 1,
    edge_types: Annotated[list[str] | None, Query()] = None,
    node_types: Annotated[list[str] | None, Query()] = None,
    as_of: AsOf = None,
    limit: Annotated[int, Query(ge=1, le=MAX_NEIGHBOR_LIMIT)] = DEFAULT_NEIGHBOR_LIMIT,
    full: Annotated[bool, Query(description="full records (names, aliases, properties, sources); "
                                            "default: id, type, label and dates of each node and edge")] = False,
    since: Since = None,
    until: Until = None,
):
    nid = resolve_ref(store, id)
    sub = store.neighbors(  # brief records unless full: the store then decodes no aliases and sources
        nid, depth=depth, edge_types=split_list(edge_types), node_types=split_list(node_types), as_of=as_of, limit=limit,
        full=full, since=since, until=until,
    )
    return FastJSON({**sub.to_dict(), "full": True} if full else compact.subgraph(sub, store.schema))


@router.get("/paths", summary="Partner paths: the k shortest paths between two entities")
def paths(
    store: Store,
    source: Annotated[str, Query(max_length=200, description="node id or name")],
    target: Annotated[str, Query(max_length=200, description="node id or name")],
    k: Annotated[int, Query(ge=1, le=MAX_K)] = 3,
    max_hops: Annotated[int, Query(ge=1, le=MAX_HOPS)] = 6,
    types: Annotated[list[str] | None, Query(description="edge types allowed on the path")] = None,
    as_of: AsOf = None,
    via: Annotated[list[str] | None, Query(description="node types allowed between the endpoints; 'all' for any "
                                                       "(default: Agreement, Company, Event, Organization, Person)")] = None,
    since: Since = None,
    until: Until = None,
):
    s = resolve_ref(store, source, "source")
    t = resolve_ref(store, target, "target")
    via_types = split_list(via)
    via_types = None if via_types and "all" in via_types else (via_types or PARTNER_VIA)
    result = store.paths(s, t, k=k, max_hops=max_hops, edge_types=split_list(types), as_of=as_of, via=via_types,
                         since=since, until=until)
    return FastJSON({**result.to_dict(), "via": via_types})


@router.get("/connections", summary="How are A and B connected: common neighbours, agreements, events, shortest path")
def connections(
    store: Store,
    a: Annotated[str, Query(max_length=200)],
    b: Annotated[str, Query(max_length=200)],
    as_of: AsOf = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 50,
    since: Since = None,
    until: Until = None,
):
    return FastJSON(store.connections(resolve_ref(store, a, "a"), resolve_ref(store, b, "b"), as_of=as_of, limit=limit,
                                      since=since, until=until).to_dict())


@router.get("/timeline", summary="Dated facts around an entity, or between two entities, in order")
def timeline(
    store: Store,
    id: Annotated[str, Query(max_length=200, description="node id or name")],
    other: Annotated[str | None, Query(max_length=200, description="second entity: facts between the two")] = None,
    limit: Annotated[int, Query(ge=1, le=5000)] = 200,
    since: Since = None,
    until: Until = None,
):
    nid = resolve_ref(store, id)
    oid = resolve_ref(store, other, "other") if other else None
    t = store.timeline(nid, other=oid, limit=limit, since=since, until=until)
    return FastJSON({"id": nid, "other": oid, **t.to_dict()})


def _trade(store, a, b, from_, to):
    return run_query(store, "trade", a=resolve_ref(store, a, "a"), b=resolve_ref(store, b, "b"), from_=from_, to=to)


TradeA = Annotated[str, Query(max_length=200, description="region id or name (directions are seen from it)")]
TradeB = Annotated[str, Query(max_length=200, description="partner region id or name")]
Year = Annotated[int | None, Query(ge=1900, le=2100, description="first / last year")]


@router.get("/trade", summary="Trade series: exports and imports of A with B by year, in euros, each with its source")
def trade(store: Store, a: TradeA, b: TradeB, from_: Annotated[Year, Query(alias="from")] = None, to: Year = None):
    return FastJSON(_trade(store, a, b, from_, to).to_dict())


@router.get("/trade.svg", summary="The trade series as an SVG bar chart (no scripts)", response_class=Response,
            responses={200: {"content": {"image/svg+xml": {}}}})
def trade_svg(store: Store, a: TradeA, b: TradeB, from_: Annotated[Year, Query(alias="from")] = None, to: Year = None):
    from views.trade_chart import trade_chart_svg

    return Response(trade_chart_svg(_trade(store, a, b, from_, to)), media_type="image/svg+xml")


@router.get("/brokers", summary="Brokers: organizations and persons most often on the shortest partner paths between "
            "the actors of region A and those of region B (sampled for large sets), each with an example path")
def brokers(
    store: Store,
    a: Annotated[str, Query(max_length=200, description="region id or name")],
    b: Annotated[str, Query(max_length=200, description="region id or name")],
    sample: Annotated[int | None, Query(ge=1, le=5000, description="most actor pairs searched")] = None,
    limit: Annotated[int | None, Query(ge=1, le=200)] = None,
):
    r = run_query(store, "brokers", a=resolve_ref(store, a, "a"), b=resolve_ref(store, b, "b"), sample=sample, limit=limit)
    return FastJSON(r.to_dict())


@router.get("/changes", summary="What changed: facts stated by documents published since a date, by document "
            "(added, or updated when older documents stated them too)")
def changes(
    store: Store,
    since: Annotated[str, Query(max_length=10, description="YYYY, YYYY-MM or YYYY-MM-DD")],
    about: Annotated[str | None, Query(max_length=200, description="only facts touching this entity or what lies in it")] = None,
    limit: Annotated[int | None, Query(ge=1, le=5000)] = None,
):
    ab = resolve_ref(store, about, "about") if about else None
    return FastJSON(run_query(store, "changes", since=since, about=ab, limit=limit).to_dict())


@router.get("/communities", summary="Communities: clusters of actors (Leiden, fixed seed; recomputed when the graph "
            "changes) with members, dominant regions and topics")
def communities(
    store: Store,
    min_size: Annotated[int | None, Query(ge=1, le=1000, description="smallest community shown")] = None,
    limit: Annotated[int | None, Query(ge=1, le=1000, description="members listed per community")] = None,
):
    return FastJSON(run_query(store, "communities", min_size=min_size, limit=limit).to_dict())


@router.get("/recommendations", summary="Partner recommendations: actors in a region ranked by topic, shared topics, "
            "kind, activity and introduction path, each with reasons and evidence")
def recommendations(
    store: Store,
    for_: Annotated[str, Query(alias="for", max_length=200, description="the actor looking for partners (id or name)")],
    in_: Annotated[str, Query(alias="in", max_length=200, description="target region (id or name)")],
    topic: Annotated[str | None, Query(max_length=200, description="topic (id or name)")] = None,
    limit: Annotated[int | None, Query(ge=1, le=200)] = None,
):
    r = run_query(store, "recommend", for_=resolve_ref(store, for_, "for"), within=resolve_ref(store, in_, "in"),
                  topic=resolve_ref(store, topic, "topic") if topic else None, limit=limit)
    return FastJSON(r.to_dict())


@router.get("/stats", summary="Counts of nodes and edges per type")
def stats(store: Store):
    return FastJSON(store.stats().to_dict())


@router.get("/schema", summary="The node and edge types (the schema as data)")
def schema(store: Store):
    return FastJSON(store.schema.to_dict())


@router.post(
    "/records",
    summary="Load a batch of records (JSON in the record format); requires a key with the write role",
    responses={413: {"description": "body too large"}},
    dependencies=[Depends(require_write)],
)
async def records(
    request: Request,
    store: Store,
    settings: Conf,
    dry_run: bool = False,
):
    text = await _json_body(request, settings)
    data = await run_in_threadpool(validate.loads, text)  # off the event loop: /health answers meanwhile
    if isinstance(data, dict):
        n = sum(len(data.get(k) or []) for k in ("nodes", "edges") if isinstance(data.get(k), list))
        if n > settings.max_records:
            raise ApiError(413, "too_large", f"{n} records is more than the limit of {settings.max_records} "
                           "(REGIOGRAPH_MAX_RECORDS); split the batch")
    batch = await run_in_threadpool(parse_document, text, "request body", "json")
    n = len(batch.nodes) + len(batch.edges)
    if n == 0:
        raise ValidationError("request body: no records; send {\"nodes\": [...], \"edges\": [...]}",
                              details=[{"file": "request body", "line": None, "field": "nodes", "message": "empty"}])
    report = await anyio.to_thread.run_sync(lambda: store.load(batch, dry_run=dry_run))
    return FastJSON({"dry_run": dry_run, "records": n, **report.to_dict()})



async def _json_body(request: Request, settings: Settings) -> str:
    """Check the content type, read the body within the size limit, decode it (the key is checked by require_write)."""
    ctype = request.headers.get("content-type", "")
    if "json" not in ctype:
        raise ApiError(415, "unsupported_media_type", f"send application/json, not '{ctype or 'nothing'}'")
    raw = await read_limited(request, settings.max_body_bytes)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise LoadError(f"request body: not valid UTF-8 at byte {e.start}") from None


TEXT_FIELDS = {"text", "doc_id", "published", "title", "source_url", "format", "language"}


@router.post(
    "/texts",
    summary="Extract and load one press release (plain text, Markdown or HTML); requires a key with the write role",
    responses={413: {"description": "body too large"}},
    dependencies=[Depends(require_write)],
)
async def texts(
    request: Request,
    store: Store,
    settings: Conf,
    dry_run: bool = False,
):
    """Body: ``{"text": "...", "title": "...", "published": "YYYY-MM-DD", "source_url": "...",
    "doc_id": "doc:...", "format": "text|markdown|html", "language": "de|en"}``; only ``text`` is required.
    With ``dry_run=true`` nothing is written and the answer lists every record with its evidence sentence.
    Relations whose rule's confidence is below REGIOGRAPH_TEXT_MIN_CONFIDENCE are not loaded; ``held`` lists them."""
    from loaders.text import load_text  # imported on use: its rule tables cost 0.15 s at start-up

    raw = await _json_body(request, settings)
    body = await run_in_threadpool(validate.loads, raw)
    if not isinstance(body, dict) or not isinstance(body.get("text"), str):
        raise ValidationError("request body: field 'text' (a string) is required",
                              details=[{"file": "request body", "line": None, "field": "text", "message": "required"}])
    unknown = sorted(set(body) - TEXT_FIELDS)
    if unknown:
        raise ValidationError(f"request body: unknown field '{unknown[0]}'; allowed: {', '.join(sorted(TEXT_FIELDS))}",
                              details=[{"file": "request body", "line": None, "field": unknown[0], "message": "unknown field"}])
    for name in sorted(TEXT_FIELDS):
        if body.get(name) is not None and not isinstance(body[name], str):
            raise ValidationError(f"request body: field '{name}' must be a string, got {type(body[name]).__name__}",
                                  details=[{"file": "request body", "line": None, "field": name, "message": "not a string"}])
    title = body.get("title")
    doc_id = body.get("doc_id") or "doc:" + slug(title or " ".join(body["text"].split()[:8]))[:80]
    result = await anyio.to_thread.run_sync(lambda: load_text(
        body["text"], store, doc_id=doc_id, published=body.get("published"), title=title,
        source_url=body.get("source_url"), language=body.get("language"), fmt=body.get("format"), dry_run=dry_run,
        min_confidence=settings.text_min_confidence,
    ))
    return FastJSON({**result.to_dict(), "document": doc_id, "changes": result.changes})
