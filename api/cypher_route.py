"""POST /api/cypher: ad-hoc read-only Cypher (Neo4j store only)."""

from __future__ import annotations

from typing import Annotated, Any

import anyio
from fastapi import APIRouter, Body, Depends

from graph.store.base import GraphStore
from regiograph.settings import Settings

from .deps import get_settings, get_store
from .errors import ApiError
from .responses import FastJSON

router = APIRouter(prefix="/api", default_response_class=FastJSON)


@router.post(
    "/cypher",
    summary="Run a read-only Cypher query with parameters (Neo4j store only; time limit and row cap)",
    responses={400: {"description": "refused or failed query"}, 408: {"description": "time limit"},
               501: {"description": "the embedded store has no Cypher"}},
)
async def cypher(
    store: Annotated[GraphStore, Depends(get_store)],
    settings: Annotated[Settings, Depends(get_settings)],
    query: Annotated[str, Body(max_length=20_000, description="a read-only Cypher query, e.g. MATCH (n:Agreement) RETURN n.id")],
    parameters: Annotated[dict[str, Any] | None, Body(description="query parameters ($name in the query)")] = None,
):
    driver = getattr(store, "driver", None)
    if driver is None:
        raise ApiError(
            501, "not_implemented",
            "the embedded store has no Cypher; set REGIOGRAPH_STORE=neo4j (and REGIOGRAPH_NEO4J_URI) to use POST /api/cypher, "
            "or use the query routes (/api/paths, /api/connections, ...)",
        )
    from graph.cypher_readonly import run_readonly

    result = await anyio.to_thread.run_sync(lambda: run_readonly(
        driver, getattr(store, "database", None), query, parameters,
        timeout=settings.cypher_timeout, max_rows=settings.cypher_max_rows,
    ))
    return FastJSON(result.to_dict())
