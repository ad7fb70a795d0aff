"""POST /api/cypher: ad-hoc read-only Cypher (Neo4j store only), off unless REGIOGRAPH_CYPHER=on.

Needs a key with the ``read`` role (even when other reads are public). The
query passes the clause allow-list and the server's own classification
(graph.cypher_readonly); it runs as ``REGIOGRAPH_CYPHER_USER`` when that is set
(a Neo4j user that can only read), with a time limit the server enforces (the
transaction timeout) and the client too (the answer comes at the limit even if
the server is slow to stop), a row cap and a byte cap.
"""

from __future__ import annotations

import threading
from typing import Annotated, Any

import anyio
from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, ConfigDict, Field

from graph.store.base import GraphStore
from regiograph.settings import Settings

from .access import require_read_key
from .deps import get_settings, get_store
from .errors import ApiError
from .responses import FastJSON

router = APIRouter(prefix="/api", default_response_class=FastJSON)
CLIENT_GRACE = 1.0  # seconds the client waits past the server's transaction timeout
_driver_lock = threading.Lock()


class CypherRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    query: str = Field(min_length=1, max_length=20_000,
                       description="a read-only Cypher query, e.g. MATCH (n:Agreement) RETURN n.id",
                       examples=["MATCH (n:Agreement) RETURN n.id AS id LIMIT 5"])
    parameters: dict[str, Any] | None = Field(None, description="query parameters ($name in the query)")


def _driver(request: Request, store: GraphStore, settings: Settings):
    """The store's driver, or one logged in as REGIOGRAPH_CYPHER_USER (made once, closed with the app)."""
    if not settings.cypher_user:
        return store.driver
    with _driver_lock:
        driver = getattr(request.app.state, "cypher_driver", None)
        if driver is None:
            from regiograph.stores import neo4j_driver

            driver = neo4j_driver(settings, user=settings.cypher_user, password=settings.cypher_password)
            request.app.state.cypher_driver = driver
        return driver


@router.post(
    "/cypher",
    summary="Run a read-only Cypher query with parameters (Neo4j store only, REGIOGRAPH_CYPHER=on, a read key)",
    responses={400: {"description": "refused or failed query"}, 403: {"description": "switched off, or the key's role"},
               408: {"description": "time limit"}, 501: {"description": "the embedded store has no Cypher"},
               503: {"description": "Neo4j is not reachable; see Retry-After"}},
    dependencies=[Depends(require_read_key)],
)
async def cypher(
    request: Request,
    body: CypherRequest,
    store: Annotated[GraphStore, Depends(get_store)],
    settings: Annotated[Settings, Depends(get_settings)],
):
    if not settings.cypher:
        raise ApiError(403, "forbidden", "POST /api/cypher is switched off; set REGIOGRAPH_CYPHER=on on the server "
                       "(and REGIOGRAPH_CYPHER_USER to a Neo4j user that can only read) to enable it")
    if getattr(store, "driver", None) is None:
        raise ApiError(
            501, "not_implemented",
            "the embedded store has no Cypher; set REGIOGRAPH_STORE=neo4j (and REGIOGRAPH_NEO4J_URI) to use POST /api/cypher, "
            "or use the query routes (/api/paths, /api/connections, ...)",
        )
    from graph.cypher_readonly import CypherTimeout, run_readonly

    driver = _driver(request, store, settings)
    limit = settings.cypher_timeout
    try:
        with anyio.fail_after(limit + CLIENT_GRACE):
            result = await anyio.to_thread.run_sync(lambda: run_readonly(
                driver, getattr(store, "database", None), body.query, body.parameters,
                timeout=limit, max_rows=settings.cypher_max_rows, max_bytes=settings.cypher_max_bytes,
            ), abandon_on_cancel=True)
    except TimeoutError:
        raise CypherTimeout(f"the query ran longer than {limit:g} s (REGIOGRAPH_CYPHER_TIMEOUT); the server ends it; "
                            "narrow it or add LIMIT") from None
    return FastJSON(result.to_dict())
