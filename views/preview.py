"""The embed preview page: a view framed by a plain page, as another site shows it.

``src`` must be one of the app's own view URLs (``/view/...``); anything else
is refused with the API's 400 error, so the page cannot frame other sites.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from graph.errors import QueryError

from . import assets
from .explorer import _env, embed_snippet
from .i18n import t


def check_src(src: str) -> str:
    parts = urlsplit(src or "")
    if parts.scheme or parts.netloc or not parts.path.startswith("/view/") or parts.path.startswith("/view/export"):
        raise QueryError("src must be a view URL of this app, e.g. /view/entity/org:wfs", details=[{"field": "src", "value": src}])
    return src


def render_preview(src: str, lang: str, base_url: str, frame_ancestors: str) -> str:
    src = check_src(src)
    title = t(lang, "preview_title")
    return _env.get_template("embed_preview.html").render(
        lang=lang, s=lambda key, **kw: t(lang, key, **kw), title=title, src=src,
        embed=embed_snippet(base_url, src, title), frame_ancestors=frame_ancestors, css=assets.url("explorer.css"),
        home="/" if lang == "en" else "/?lang=" + lang,
    )
