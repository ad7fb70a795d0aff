"""HTTP details of the HTML views: gzip, ETag, Cache-Control and the CSP.

The CSP allows scripts and styles from the app itself only (plus inline style
attributes), frames from the app (the explorer shows views), no connections, images from the app and data: URLs (vis-network's
CSS), and embedding by the origins in the ``frame_ancestors`` setting.
"""

from __future__ import annotations

import gzip
import hashlib

from fastapi import Request, Response

DEFAULT_FRAME_ANCESTORS = "'self'"
VIEW_CACHE = "public, max-age=60, must-revalidate"
ASSET_CACHE = "public, max-age=31536000, immutable"
GZIP_MIN_BYTES = 1024


def frame_ancestors(settings) -> str:
    value = getattr(settings, "frame_ancestors", None)
    value = str(value).strip() if value else ""
    # a CSP directive value must not be able to open another directive
    if not value or any(c in value for c in ";,\r\n"):
        return DEFAULT_FRAME_ANCESTORS
    return value


def csp(settings, *, connect: bool = False) -> str:
    """``connect``: the page may fetch from the app (the explorer's suggestions)."""
    return "; ".join(
        [
            "default-src 'none'",
            "script-src 'self'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'" if connect else "connect-src 'none'",
            "frame-src 'self'",
            "form-action 'self'",
            "base-uri 'none'",
            f"frame-ancestors {frame_ancestors(settings)}",
        ]
    )


def accepts_gzip(request: Request) -> bool:
    header = request.headers.get("accept-encoding", "")
    for part in header.split(","):
        token, _, params = part.strip().partition(";")
        if token.strip().lower() in ("gzip", "*"):
            return params.replace(" ", "") not in ("q=0", "q=0.0", "q=0.00", "q=0.000")
    return False


def etag_of(body: bytes) -> str:
    return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


def _matches(request: Request, etag: str) -> bool:
    header = request.headers.get("if-none-match")
    if not header:
        return False
    tags = [t.strip().removeprefix("W/") for t in header.split(",")]
    return "*" in tags or etag in tags or etag[:-1] + '-gz"' in tags


def cached_response(
    request: Request,
    body: bytes,
    media_type: str,
    *,
    cache_control: str,
    headers: dict[str, str] | None = None,
    gzipped: bytes | None = None,
) -> Response:
    """200 with the body (gzip when accepted), or 304 when If-None-Match matches."""
    etag = etag_of(body)
    base = {"Cache-Control": cache_control, "Vary": "Accept-Encoding", **(headers or {})}
    if _matches(request, etag):
        return Response(status_code=304, headers={**base, "ETag": etag})
    if len(body) >= GZIP_MIN_BYTES and accepts_gzip(request):
        data = gzipped if gzipped is not None else gzip.compress(body, 6, mtime=0)
        return Response(data, media_type=media_type, headers={**base, "ETag": etag[:-1] + '-gz"', "Content-Encoding": "gzip"})
    return Response(body, media_type=media_type, headers={**base, "ETag": etag})


def page_headers(settings, *, connect: bool = False) -> dict[str, str]:
    return {
        "Content-Security-Policy": csp(settings, connect=connect),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
    }
