"""Embedding: views inside an iframe on another site, allowed or refused by
the frame_ancestors setting, and the explorer's copy-embed-code button."""

from __future__ import annotations

from urllib.parse import quote

from views_browser import open_page, painted_pixels, wait_until

VIEW = "/view/entity/org:wfs?depth=2"


def _host_url(host_site, view_url: str) -> str:
    return f"{host_site.url}/?src={quote(view_url, safe='')}"


def test_allowed_site_can_embed(browser, embed_server, host_site):
    ctx, page, watch = open_page(browser, embed_server.url)
    try:
        page.goto(_host_url(host_site, embed_server.url + VIEW))
        frame = page.frame_locator("#f")
        frame.locator("body[data-ready='1']").wait_for(timeout=20_000)
        inner = next(f for f in page.frames if f.url.startswith(embed_server.url))
        assert painted_pixels(inner) > 2000
        assert watch.console_errors == [] and watch.page_errors == []
        assert [u for u in watch.foreign_requests() if not u.startswith(host_site.url)] == []
    finally:
        ctx.close()


def test_other_sites_are_refused_by_default(browser, seed_server, host_site):
    ctx, page, watch = open_page(browser, seed_server.url)
    try:
        page.goto(_host_url(host_site, seed_server.url + VIEW))
        page.wait_for_timeout(1500)
        inner = [f for f in page.frames if f.url.startswith(seed_server.url)]
        ready = [f.evaluate("!!(window.rgView && window.rgView.ready)") for f in inner]
        assert ready == [] or ready == [False]
        assert any("frame-ancestors" in e for e in watch.console_errors), watch.console_errors
    finally:
        ctx.close()


def test_copy_embed_code(browser, seed_server):
    ctx, page, watch = open_page(browser, seed_server.url)
    try:
        ctx.grant_permissions(["clipboard-read", "clipboard-write"], origin=seed_server.url)
        page.goto(seed_server.url + "/?id=org:wfs")
        page.click(".ex-embed summary")
        page.click(".ex-copy")
        wait_until(page, "document.querySelector('.ex-copy').textContent === 'Copied'")
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied == page.locator(".ex-embed-code").input_value()
        assert copied.startswith(f'<iframe src="{seed_server.url}/view/entity/org:wfs"')
        assert 'title="Network of Saxony Economic Development Corporation"' in copied
        watch.assert_clean()
    finally:
        ctx.close()
