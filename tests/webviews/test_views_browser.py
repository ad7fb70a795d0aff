"""The views in a real browser (headless Chromium via Playwright): they draw,
load nothing from other hosts, show sources in tooltips, and run no injected script."""

from __future__ import annotations

import time
from urllib.parse import quote

from views_browser import canvas_size, drawn_labels, label_problems, node_point, open_page, painted_pixels, wait_ready
from views_hostile import CENTER, DOC_TITLE, HOSTILE_ID
from views_synth import HUB

SEED_DOC_TITLE = "Saxony and South Korea plan closer cooperation"  # doc:wfs-2022-05-17-tipa-loi


def test_explorer_search_and_entity_view(browser, seed_server):
    ctx, page, watch = open_page(browser, seed_server.url)
    try:
        page.goto(seed_server.url + "/")
        page.fill("#q", "WFS")
        page.click("form[role=search] button")
        page.wait_for_selector(".ex-results a")
        assert "q=WFS" in page.url
        page.click(".ex-results a[data-id='org:wfs']")
        page.wait_for_selector("#entity iframe")
        frame = page.frame_locator("#entity iframe")
        frame.locator("body[data-ready='1']").wait_for(timeout=20_000)
        # the timeline lists dated facts; the embed code is an escaped iframe tag
        assert page.locator(".ex-timeline li").count() > 0
        code = page.locator(".ex-embed-code").input_value()
        assert code.startswith('<iframe src="' + seed_server.url + "/view/entity/org:wfs")
        watch.assert_clean()
    finally:
        ctx.close()


def test_explorer_in_german_and_path_form(browser, seed_server):
    ctx, page, watch = open_page(browser, seed_server.url)
    try:
        page.goto(seed_server.url + "/?lang=de")
        assert page.locator("label[for=q]").inner_text() == "Suchen"
        page.fill("#from", "WFS")
        page.fill("#to", "TIPA")
        page.click("#path-form button")
        page.wait_for_selector("#path iframe")
        assert page.locator(".ex-paths li").count() >= 1
        frame = page.frame_locator("#path iframe")
        frame.locator("body[data-ready='1']").wait_for(timeout=20_000)
        assert "Verbindungen" in frame.locator("#rg-title").inner_text()
        watch.assert_clean()
    finally:
        ctx.close()


def test_entity_view_draws_and_tooltip_names_source(browser, seed_server):
    ctx, page, watch = open_page(browser, seed_server.url)
    try:
        page.goto(seed_server.url + "/view/entity/org:wfs")
        wait_ready(page)
        assert painted_pixels(page) > 2000
        # click the agreement: the info panel shows its tooltip with the source title
        x, y = node_point(page, "agreement:wfs-tipa-loi-2022")
        page.mouse.click(x, y)
        info = page.locator("#rg-info")
        info.wait_for(state="visible")
        assert "WFS\u2013TIPA letter of intent (2022)" in info.inner_text()
        assert SEED_DOC_TITLE in info.inner_text()
        # hovering shows vis-network's own tooltip, built from the same plain-text element
        page.mouse.move(x + 1, y + 1)
        tooltip = page.locator("div.vis-tooltip")
        tooltip.wait_for(state="visible", timeout=5_000)
        assert SEED_DOC_TITLE in tooltip.inner_text()
        watch.assert_clean()
    finally:
        ctx.close()


def test_path_view_highlights_the_paths(browser, seed_server):
    ctx, page, watch = open_page(browser, seed_server.url)
    try:
        page.goto(seed_server.url + "/view/path?source=org:wfs&target=org:tipa")
        wait_ready(page)
        assert painted_pixels(page) > 1000
        # every drawn edge lies on a path: drawn wide, in its relation type's colour; the ends are emphasised
        from graph.schema import default_schema

        drawn = page.evaluate("window.rgView.edges.get().map(e => [e.rgType, e.color, e.width])")
        assert drawn and all(c == default_schema().edges[t].color and w == 3 for t, c, w in drawn)
        ends = page.evaluate("window.rgView.nodes.get().filter(n => n.rgEmph === 2).map(n => n.id)")
        assert sorted(ends) == ["org:tipa", "org:wfs"]
        assert {"org:wfs", "org:tipa"} <= {l["id"] for l in drawn_labels(page)}
        watch.assert_clean()
    finally:
        ctx.close()


def _hostile_pages(origin: str) -> list[str]:
    ident = quote(HOSTILE_ID, safe=":")
    return [
        f"/view/entity/{CENTER}",
        f"/view/entity/{ident}",
        f"/view/entity/{CENTER}?lang=de",
        f"/view/subgraph?ids={quote(CENTER)},{quote(HOSTILE_ID)},topic:evil",
        f"/view/path?source={quote(HOSTILE_ID)}&target=topic:evil",
        "/?q=" + quote("<script>window.__pwned=9</script>"),
        "/?id=" + quote(CENTER),
        "/?id=" + quote(HOSTILE_ID),
        "/?id=" + quote("<script>window.__pwned=10</script>"),
        "/?from=" + quote("<img src=x onerror=window.__pwned=11>") + "&to=topic:evil",
    ]


def _probe_hostile(browser, server, **context_options):
    ctx, page, watch = open_page(browser, server.url, **context_options)
    try:
        for url in _hostile_pages(server.url):
            page.goto(server.url + url)
            if url.startswith("/view/"):
                wait_ready(page)
                # hover and click every node and edge so tooltips and the info panel are built
                for node_id in page.evaluate("window.rgView.nodes.getIds()"):
                    page.evaluate("document.getElementById('rg-info').hidden = true")  # it may cover the next node
                    x, y = node_point(page, node_id)
                    page.mouse.move(x, y)
                    page.wait_for_timeout(250)
                    page.mouse.click(x, y)
                assert DOC_TITLE in page.locator("#rg-info").inner_text()
                # the payload is shown as text, not interpreted
                assert page.locator("div.vis-tooltip img").count() == 0
                assert page.locator("#rg-info img, #rg-info a[href^='javascript']").count() == 0
                page.click("#rg-list-toggle")  # the node list is built from the same data
                assert page.locator("#rg-list li").count() > 0
                assert page.locator("#rg-list img, #rg-list script, #rg-list a[href^='javascript']").count() == 0
            else:
                page.wait_for_timeout(300)
                for frame in page.frames:
                    assert frame.evaluate("typeof window.__pwned") == "undefined"
            assert page.evaluate("typeof window.__pwned") == "undefined", url
        assert watch.dialogs == []
        assert watch.foreign_requests() == []
        return watch
    finally:
        ctx.close()


def test_hostile_data_runs_no_script_without_csp(browser, hostile_server):
    """With the CSP bypassed, escaping alone must keep every payload inert."""
    watch = _probe_hostile(browser, hostile_server, bypass_csp=True)
    assert watch.page_errors == []


def test_hostile_data_runs_no_script_with_csp(browser, hostile_server):
    watch = _probe_hostile(browser, hostile_server)
    assert watch.page_errors == []
    assert watch.console_errors == []  # no CSP violation reports either: nothing tried to run


def test_two_thousand_nodes_draw_without_physics(browser, big_server):
    ctx, page, watch = open_page(browser, big_server.url)
    try:
        started = time.monotonic()
        page.goto(f"{big_server.url}/view/entity/{HUB}?depth=2")
        ready_ms = wait_ready(page, timeout=60_000)
        assert page.evaluate("window.rgView.nodes.get().filter(n => n.rgType !== 'group').length") == 2000
        assert page.evaluate("window.rgView.physics") is False
        assert painted_pixels(page) > 5000
        # a bound for a heavily loaded machine; benchmarks/view_draw.py records the real numbers
        assert ready_ms < 15000, ready_ms  # (measured at load average 20-28 on 2 cores: 5.5-8 s, the code before this issue alike)
        assert time.monotonic() - started < 30
        watch.assert_clean()
    finally:
        ctx.close()


def test_capped_view_shows_aggregate_node(browser, big_server):
    ctx, page, watch = open_page(browser, big_server.url)
    try:
        page.goto(f"{big_server.url}/view/entity/{HUB}?depth=2&limit=250")
        wait_ready(page)
        labels = page.evaluate("window.rgView.nodes.get().filter(n => n.rgType !== 'group').map(n => n.rgLabel)")
        assert len(labels) == 251
        assert "1750 more" in labels
        assert "1750 more nodes" in page.locator(".rg-notice").inner_text()
        watch.assert_clean()
    finally:
        ctx.close()


def test_region_view_labels_are_legible_and_never_overlap(browser, seed_server):
    """Saxony at depth 2 (59 nodes, 123 edges): the labels drawn at the initial
    zoom are at least 11 px, hold their text, sit next to their node and no two
    overlap; the centre's label is drawn; edges carry their type's colour."""
    for size in ({"width": 1400, "height": 900}, {"width": 390, "height": 844}):
        ctx, page, watch = open_page(browser, seed_server.url)
        try:
            page.set_viewport_size(size)
            page.goto(seed_server.url + "/view/entity/region:de-sn?depth=2")
            wait_ready(page)
            labels = drawn_labels(page)
            assert label_problems(labels, *canvas_size(page)) == []
            assert "region:de-sn" in {l["id"] for l in labels}
            assert len(labels) >= (40 if size["width"] > 1000 else 12), len(labels)
            # zooming in shows more labels, still without overlaps
            x, y = node_point(page, "region:de-sn")
            page.mouse.move(x, y)
            scale = page.evaluate("window.rgView.network.getScale()")
            for _ in range(10):
                page.mouse.wheel(0, -400)
                page.wait_for_timeout(100)
            page.wait_for_timeout(300)
            assert page.evaluate("window.rgView.network.getScale()") > scale * 1.5
            more = drawn_labels(page)
            assert label_problems(more, *canvas_size(page)) == []
            watch.assert_clean()
        finally:
            ctx.close()


def test_edge_label_only_on_selection(browser, seed_server):
    ctx, page, watch = open_page(browser, seed_server.url)
    try:
        page.goto(seed_server.url + "/view/entity/org:wfs")
        wait_ready(page)
        before = painted_pixels(page)
        edge = page.evaluate("window.rgView.edges.get().find(e => e.rgType === 'PARTY_TO').id")
        page.evaluate(f"window.rgView.network.selectEdges([{edge!r}]); window.rgView.network.redraw()")
        page.wait_for_timeout(100)
        assert painted_pixels(page) > before + 200  # the label pill of the selected edge
        watch.assert_clean()
    finally:
        ctx.close()


def test_large_neighbourhoods_are_grouped_and_expand(browser, big_server):
    ctx, page, watch = open_page(browser, big_server.url)
    try:
        page.goto(f"{big_server.url}/view/entity/{HUB}?depth=2&limit=250")
        wait_ready(page)
        groups = page.evaluate("window.rgView.nodes.get().filter(n => n.rgType === 'group' && !n.hidden).map(n => n.id)")
        assert groups
        visible = page.evaluate("window.rgView.nodes.get().filter(n => !n.hidden).length")
        assert visible < 150  # the tangle is folded
        assert label_problems(drawn_labels(page), *canvas_size(page)) == []
        x, y = node_point(page, groups[0])
        page.mouse.click(x, y)
        page.wait_for_timeout(300)
        members = page.evaluate(f"window.rgView.nodes.get({groups[0]!r}).rgMembers")
        shown = page.evaluate(f"window.rgView.nodes.get({members!r}).filter(n => !n.hidden).length")
        assert shown == len(members) and page.evaluate(f"window.rgView.nodes.get({groups[0]!r}).hidden") is True
        assert label_problems(drawn_labels(page), *canvas_size(page)) == []
        watch.assert_clean()
    finally:
        ctx.close()


def test_nodes_as_a_list_for_keyboards_and_screen_readers(browser, seed_server):
    ctx, page, watch = open_page(browser, seed_server.url)
    try:
        page.goto(seed_server.url + "/view/entity/org:wfs?lang=de")
        wait_ready(page)
        toggle = page.locator("#rg-list-toggle")
        assert toggle.inner_text() == "Knoten als Liste" and toggle.get_attribute("aria-expanded") == "false"
        toggle.focus()
        page.keyboard.press("Enter")
        assert toggle.get_attribute("aria-expanded") == "true"
        items = page.locator("#rg-list li").all_inner_texts()
        assert len(items) == page.evaluate("window.rgView.nodes.length")
        assert any(i.startswith("Wirtschaftsförderung Sachsen GmbH") for i in items)
        assert page.locator("#rg-list a[href='/view/entity/region:de-sn?lang=de']").count() == 1
        watch.assert_clean()
    finally:
        ctx.close()
