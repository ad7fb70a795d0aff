"""/docs (Swagger UI) and /redoc (ReDoc) without a CDN.

FastAPI's own pages load their scripts and styles from a CDN, so they stay
blank without internet. Here the same pages (FastAPI's HTML helpers) point at
files the app serves itself, taken from the ``fastapi-offline`` package (MIT;
it ships Swagger UI, Apache-2.0, and ReDoc, MIT). Google Fonts, the online
validator badge and the remote favicon are switched off; ReDoc's credit
logo (an image on cdn.redoc.ly) is replaced, in the served copy of the script,
by a blank inline image, so the page asks for nothing outside the app (and the
page's CSP, images from the app only, stays as a second guard).
Mount with ``app.include_router(router)`` on an app created with
``docs_url=None, redoc_url=None``.
"""

from __future__ import annotations

import gzip
import hashlib
from functools import lru_cache
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html, get_swagger_ui_oauth2_redirect_html
from fastapi.responses import HTMLResponse

from graph.errors import NotFoundError

from .respond import ASSET_CACHE, cached_response

PREFIX = "/static/apidocs"
FILES = {
    "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
    "swagger-ui.css": "text/css; charset=utf-8",
    "redoc.standalone.js": "text/javascript; charset=utf-8",
    "favicon.png": "image/png",
}

router = APIRouter(include_in_schema=False)
OPENAPI_URL = "/openapi.json"  # served by api.app behind read access (the app sets openapi_url=None)


def _static_dir() -> Path:
    try:
        import fastapi_offline
    except ImportError as exc:  # a declared dependency; say how to get it back
        raise RuntimeError("the API docs need the 'fastapi-offline' package: pip install fastapi-offline") from exc
    return Path(fastapi_offline.__file__).parent / "static"


# ReDoc's sidebar credit loads its logo from a CDN; the served script shows a blank inline image instead
BLANK_IMAGE = b"data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='1' height='1'/%3E"
PATCHES = {"redoc.standalone.js": [(b"https://cdn.redoc.ly/redoc/logo-mini.svg", BLANK_IMAGE)]}


@lru_cache(maxsize=None)
def _file(name: str) -> tuple[bytes, bytes, str]:
    body = (_static_dir() / name).read_bytes()
    for old, new in PATCHES.get(name, ()):
        body = body.replace(old, new)
    return body, gzip.compress(body, 6, mtime=0), hashlib.sha256(body).hexdigest()[:16]


def url(request: Request, name: str) -> str:
    return f"{request.scope.get('root_path', '')}{PREFIX}/{name}?v={_file(name)[2]}"


@router.get(PREFIX + "/{name}")
async def apidocs_file(request: Request, name: str):
    if name not in FILES:
        raise NotFoundError(f"no API docs file '{name}'", details=[{"field": "name", "value": name}])
    body, gz, _ = _file(name)
    return cached_response(request, body, FILES[name], cache_control=ASSET_CACHE, gzipped=gz,
                           headers={"X-Content-Type-Options": "nosniff"})


@router.get("/docs")
async def swagger_ui(request: Request) -> HTMLResponse:
    app = request.app
    root = request.scope.get("root_path", "")
    return get_swagger_ui_html(
        openapi_url=root + OPENAPI_URL,
        title=app.title + " - Swagger UI",
        oauth2_redirect_url=root + (app.swagger_ui_oauth2_redirect_url or "/docs/oauth2-redirect"),
        swagger_js_url=url(request, "swagger-ui-bundle.js"),
        swagger_css_url=url(request, "swagger-ui.css"),
        swagger_favicon_url=url(request, "favicon.png"),
        swagger_ui_parameters={"validatorUrl": None, **(app.swagger_ui_parameters or {})},
    )


@router.get("/docs/oauth2-redirect")
async def swagger_ui_redirect() -> HTMLResponse:
    return get_swagger_ui_oauth2_redirect_html()


@router.get("/redoc")
async def redoc(request: Request) -> HTMLResponse:
    app = request.app
    page = get_redoc_html(
        openapi_url=request.scope.get("root_path", "") + OPENAPI_URL,
        title=app.title + " - ReDoc",
        redoc_js_url=url(request, "redoc.standalone.js"),
        redoc_favicon_url=url(request, "favicon.png"),
        with_google_fonts=False,
    )
    # images from the app only (the credit logo is patched out of the script, above)
    page.headers["Content-Security-Policy"] = "img-src 'self' data:"
    return page
