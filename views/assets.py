"""The package's static files (vendored vis-network, page script and styles).

Files are served by the views router under ``STATIC_PREFIX`` with a content
hash in the URL (``?v=...``), so they can be cached for a year; gzip variants
are prepared once in memory.
"""

from __future__ import annotations

import gzip
import hashlib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

STATIC_PREFIX = "/static/views"

MEDIA_TYPES = {
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".NOTICE": "text/plain; charset=utf-8",
    ".LICENSE-MIT": "text/plain; charset=utf-8",
    ".LICENSE-APACHE-2.0": "text/plain; charset=utf-8",
}


@dataclass(frozen=True)
class Asset:
    name: str
    body: bytes
    gzipped: bytes
    media_type: str
    digest: str


def _media_type(name: str) -> str | None:
    for suffix, mt in MEDIA_TYPES.items():
        if name.endswith(suffix):
            return mt
    return None


@lru_cache(maxsize=None)
def asset(name: str) -> Asset | None:
    """The named file from views/static, or None (unknown names, no paths)."""
    if "/" in name or "\\" in name or name.startswith("."):
        return None
    media_type = _media_type(name)
    if media_type is None:
        return None
    entry = resources.files("views").joinpath("static", name)
    if not entry.is_file():
        return None
    body = entry.read_bytes()
    return Asset(name, body, gzip.compress(body, 6, mtime=0), media_type, hashlib.sha256(body).hexdigest()[:16])


def url(name: str) -> str:
    a = asset(name)
    if a is None:
        raise KeyError(name)
    return f"{STATIC_PREFIX}/{name}?v={a.digest}"
