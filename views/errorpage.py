"""A view URL that cannot be answered, shown to a browser as a small page in
the reader's language (an embedded view then says what is wrong instead of
showing raw JSON); other clients keep the API's JSON error shape."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import HTMLResponse

from graph.errors import RegiographError

from . import assets
from .explorer import _env, explain
from .i18n import t
from .respond import page_headers

_TEMPLATE = _env.from_string("""<!doctype html>
<html lang="{{ lang }}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,"><title>{{ heading }} · Regiograph</title><link rel="stylesheet" href="{{ css }}"></head>
<body><main class="rg-error" role="alert"><h1>{{ heading }}</h1><p>{{ text }}</p>
<p><a href="{{ home }}" target="_blank" rel="noopener">{{ open }}</a></p></main></body></html>""")


def wants_html(request: Request) -> bool:
    return "text/html" in request.headers.get("accept", "")


def error_page(exc: RegiographError, lang: str, settings) -> HTMLResponse:
    err = explain(exc, lang)
    html = _TEMPLATE.render(lang=lang, heading=t(lang, "view_error"), text=err["text"], css=assets.url("view.css"),
                            home="/" if lang == "en" else "/?lang=" + lang, open=t(lang, "open"))
    return HTMLResponse(html, status_code=exc.http_status, headers=page_headers(settings))
