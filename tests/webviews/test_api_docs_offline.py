"""/docs and /redoc work with every request off the app blocked (no CDN, no fonts)."""

from __future__ import annotations

from urllib.parse import urlsplit

from views_browser import open_page


def _offline(page, origin: str, blocked: list[str]) -> None:
    def handle(route):
        parts = urlsplit(route.request.url)
        if parts.scheme != "data" and f"{parts.scheme}://{parts.netloc}" != origin:
            blocked.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    page.route("**/*", handle)


def test_swagger_ui_offline(browser, seed_server):
    ctx, page, watch = open_page(browser, seed_server.url)
    blocked: list[str] = []
    try:
        _offline(page, seed_server.url, blocked)
        page.goto(seed_server.url + "/docs")
        page.wait_for_selector(".swagger-ui .info .title", timeout=20_000)
        assert "Regiograph API" in page.locator(".swagger-ui .info .title").inner_text()
        page.wait_for_selector(".opblock-summary-path", timeout=20_000)
        paths = page.locator(".opblock-summary-path").all_inner_texts()
        assert any("/api/search" in p for p in paths), paths
        assert blocked == [] and watch.foreign_requests() == []
        assert watch.page_errors == [] and watch.console_errors == []
    finally:
        ctx.close()


def test_redoc_offline(browser, seed_server):
    ctx, page, watch = open_page(browser, seed_server.url)
    blocked: list[str] = []
    try:
        _offline(page, seed_server.url, blocked)
        page.goto(seed_server.url + "/redoc")
        page.wait_for_selector("h1:has-text('Regiograph API')", timeout=30_000)
        assert "/api/search" in page.locator("body").inner_text()
        # the sidebar credit, whose logo came from a CDN, is drawn with the inline blank image
        logo = page.wait_for_selector("img[alt='redocly logo']", state="attached", timeout=20_000)
        assert logo.get_attribute("src").startswith("data:image/svg+xml")
        assert watch.page_errors == []
        # nothing off the app is even attempted: no request, no CSP report in the console
        assert blocked == [] and watch.foreign_requests() == []
        assert watch.console_errors == [], watch.console_errors
    finally:
        ctx.close()


def test_docs_files_are_served_by_the_app(seed_client):
    html = seed_client.get("/docs").text
    assert "cdn.jsdelivr" not in html and "fastapi.tiangolo.com" not in html
    assert "/static/apidocs/swagger-ui-bundle.js?v=" in html
    html = seed_client.get("/redoc").text
    assert "cdn.jsdelivr" not in html and "fonts.googleapis" not in html
    r = seed_client.get("/static/apidocs/redoc.standalone.js", headers={"Accept-Encoding": "gzip"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/javascript") and len(r.content) > 100_000
    assert "cdn.redoc.ly" not in r.text and "data:image/svg+xml" in r.text
    assert seed_client.get("/static/apidocs/../../etc/passwd").status_code == 404
    assert seed_client.get("/static/apidocs/core.py").status_code == 404
