"""The FastAPI application, built in a lifespan with the store injected.

``create_app(settings, store=None)``: with a store given (tests, embedding) the
app uses it and leaves closing it to the caller; otherwise the lifespan opens
the store the settings name, loads the seed dataset into an empty store (unless
``REGIOGRAPH_LOAD_SEED=false``) and closes it at shutdown. Nothing is opened at
import time.
"""

from __future__ import annotations

import logging
from contextlib import asynccontextmanager

from fastapi import Depends, FastAPI, Request
from fastapi.responses import JSONResponse

import regiograph
from graph.store.base import GraphStore
from regiograph.settings import Settings

from . import bodies, errors
from .access import AUTH_RESPONSES, Access, require_read
from .limits import BodyLimit
from .outage import OutageGuard
from .routes import router

log = logging.getLogger("regiograph.api")

COMMON_RESPONSES = {
    400: {"description": "a parameter or the body is malformed or out of range (the message names it)"},
    404: {"description": "no such node, edge or route"},
    413: {"description": "the body is larger than REGIOGRAPH_MAX_BODY_BYTES or carries too many records"},
    415: {"description": "the body is not application/json"},
    422: {"description": "validation failed (the message names the field)"},
    503: {"description": "the store is not available; see Retry-After"},
}

DESCRIPTION = """
Who is connected to whom in inter-regional economic relations - states, agencies,
ministries, clusters, companies, persons, agreements, events, topics and trade
flows - and who says so. Every node and edge carries its sources.

Errors always have the shape `{"error": {"status", "code", "message", "details"}}`.
Entity parameters accept a node id (e.g. `org:wfs`) or an unambiguous name (`WFS`).
"""


def create_app(settings: Settings | None = None, store: GraphStore | None = None, *,
               watch_store: bool | None = None) -> FastAPI:
    """``watch_store``: probe Neo4j in the background and answer 503 while it is down (default: when the
    app opens the store itself from the settings)."""
    settings = settings or Settings.from_env()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        owned = store is None
        s = store
        if s is None:
            from regiograph.seed import ensure_seed
            from regiograph.stores import open_store

            s = open_store(settings)
            if settings.load_seed:
                report = ensure_seed(s)
                if report is not None:
                    log.info("loaded the seed dataset: %s", report.to_dict())
        app.state.store = s
        app.state.settings = settings
        monitor = None
        if settings.store == "neo4j" and (watch_store if watch_store is not None else owned):
            from .outage import StoreMonitor

            monitor = app.state.monitor = StoreMonitor(settings.neo4j_uri, settings.neo4j_connect_timeout).start()
        try:
            yield
        finally:
            if monitor is not None:
                monitor.stop()
            extra = getattr(app.state, "cypher_driver", None)
            if extra is not None:
                extra.close()
            if owned:
                s.close()

    app = FastAPI(
        title="Regiograph API",
        version=regiograph.__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        docs_url=None,  # /docs and /redoc come from views.apidocs: served offline, behind read access
        redoc_url=None,
        openapi_url=None,  # /openapi.json behind read access (_include_docs)
    )
    app.state.settings = settings
    app.state.access = Access(settings)
    errors.install(app)
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    app.add_middleware(OutageGuard, get_monitor=lambda: getattr(app.state, "monitor", None))

    @app.get("/health", summary="Liveness and store summary (counts only for readers); 503 names what is down",
             responses={503: {"description": "the store (Neo4j) is down; see 'down' and Retry-After"}})
    def health(request: Request):
        body = {"status": "ok", "version": regiograph.__version__, "store": settings.store}
        monitor = getattr(app.state, "monitor", None)
        if monitor is not None and monitor.down:
            return JSONResponse({**body, "status": "unavailable", "down": monitor.status()}, status_code=503,
                                headers={"Retry-After": str(errors.RETRY_AFTER)})
        try:
            require_read(request)
        except errors.ApiError:
            return body
        st = app.state.store.stats().to_dict()
        return {**body, "nodes": st["total_nodes"], "edges": st["total_edges"]}

    app.include_router(router, dependencies=[Depends(require_read)], responses={**AUTH_RESPONSES, **COMMON_RESPONSES})
    _include_routers(app)
    _include_docs(app)
    bodies.install(app)
    return app


def _include_routers(app: FastAPI) -> None:
    from views.apidocs import router as apidocs_router
    from views.routes import router as views_router

    from .cypher_route import router as cypher_router
    from .embed_route import router as embed_router
    from .undo_route import router as undo_router

    app.include_router(cypher_router, responses={**AUTH_RESPONSES, **COMMON_RESPONSES})
    app.include_router(undo_router, responses={**AUTH_RESPONSES, **COMMON_RESPONSES})
    app.include_router(embed_router, responses={**AUTH_RESPONSES, **COMMON_RESPONSES})
    app.include_router(views_router, dependencies=[Depends(require_read)], responses={**AUTH_RESPONSES, **COMMON_RESPONSES})
    app.include_router(apidocs_router, dependencies=[Depends(require_read)])


def _include_docs(app: FastAPI) -> None:
    """/openapi.json behind the same read access as the API (/docs and /redoc: views.apidocs)."""

    @app.get("/openapi.json", include_in_schema=False, dependencies=[Depends(require_read)])
    def openapi_json():
        return app.openapi()
