"""Screenshots of the explorer, an entity, a partner path, a depth-2 region
view (grouped by region and coloured by community as well), the list page and
the trade chart at desktop (1400x900) and phone (390x844) size, written to the
test artefact folder ($REGIOGRAPH_TEST_ARTEFACTS, default
test-artefacts/screenshots, not committed) and checked: non-blank, labels of
every drawn graph (page or frame) and of every chart legible and not
overlapping, no request off the app, no console error."""

from __future__ import annotations

import base64
import os
from pathlib import Path

import pytest

from views_browser import READY, label_problems, open_page, wait_until

ROOT = Path(__file__).resolve().parents[2]
SIZES = {"desktop": (1400, 900), "phone": (390, 844)}
PAGES = {
    "explorer": "/",
    "entity": "/?id=org:wfs",
    "path": "/?from=region:kr-26&to=region:de-sn",
    "region-depth2": "/view/entity/region:de-sn?depth=2",
    "region-depth2-by-region-community": "/view/entity/region:de-sn?depth=2&group=region&color=community&lang=de",
    "list": "/explorer/list?type=Organization&kind=agency&related=PARTY_TO:Agreement&counterpart_in=region:kr",
    "trade": "/explorer/trade?a=region:de-sn&b=region:kr&lang=de",
}
NO_GRAPH = {"explorer", "trade"}  # pages without a graph drawing
CHARTS = {"trade"}  # pages with a trade chart


def artefact_dir() -> Path:
    d = Path(os.environ.get("REGIOGRAPH_TEST_ARTEFACTS") or ROOT / "test-artefacts") / "screenshots"
    d.mkdir(parents=True, exist_ok=True)
    return d


def _pixels(browser, png: bytes) -> dict:
    """Non-white pixels and distinct colours of a PNG, decoded by the browser itself."""
    ctx = browser.new_context()
    try:
        page = ctx.new_page()
        return page.evaluate(
            """async (src) => {
                const img = new Image(); img.src = src; await img.decode();
                const c = document.createElement('canvas'); c.width = img.width; c.height = img.height;
                const g = c.getContext('2d'); g.drawImage(img, 0, 0);
                const d = g.getImageData(0, 0, c.width, c.height).data;
                let ink = 0; const colours = new Set();
                for (let i = 0; i < d.length; i += 4) {
                    if (!(d[i] > 245 && d[i + 1] > 245 && d[i + 2] > 245)) ink++;
                    if (i % 40 === 0) colours.add((d[i] >> 3) + ',' + (d[i + 1] >> 3) + ',' + (d[i + 2] >> 3));
                }
                return {ink: ink / (d.length / 4), colours: colours.size, w: c.width, h: c.height};
            }""",
            "data:image/png;base64," + base64.b64encode(png).decode(),
        )
    finally:
        ctx.close()


def chart_problems(page) -> list[str]:
    """The chart's texts as drawn: each at least 11 px on screen, inside the chart, none overlapping another."""
    boxes = page.evaluate(
        """() => { const svg = document.querySelector('svg.rg-trade-chart'); if (!svg) return null;
            const outer = svg.getBoundingClientRect();
            return {outer: [outer.left, outer.top, outer.right, outer.bottom], texts: Array.from(svg.querySelectorAll('text')).map(t => {
                const r = t.getBoundingClientRect();
                return {text: t.textContent, x: r.left, y: r.top, w: r.width, h: r.height,
                        px: parseFloat(getComputedStyle(t).fontSize) * outer.width / svg.viewBox.baseVal.width}; })}; }"""
    )
    if boxes is None:
        return ["no chart"]
    out = []
    l, t, r, b = boxes["outer"]
    texts = boxes["texts"]
    for i, a in enumerate(texts):
        if a["px"] < 11:
            out.append(f"{a['text']!r} drawn at {a['px']:.1f} px")
        if a["x"] < l - 1 or a["x"] + a["w"] > r + 1 or a["y"] < t - 1 or a["y"] + a["h"] > b + 1:
            out.append(f"{a['text']!r} outside the chart")
        for c in texts[i + 1:]:
            if a["x"] < c["x"] + c["w"] and c["x"] < a["x"] + a["w"] and a["y"] < c["y"] + c["h"] and c["y"] < a["y"] + a["h"]:
                out.append(f"{a['text']!r} overlaps {c['text']!r}")
    return out


def _graph_frames(page):
    """The page itself and every frame that holds a graph view."""
    out = []
    for frame in page.frames:
        try:
            wait_until(frame, "document.readyState === 'complete'", timeout=20_000)
            if frame.evaluate("!!document.getElementById('rg-network')"):
                wait_until(frame, READY, timeout=30_000)
                out.append(frame)
        except Exception as exc:  # a frame that cannot be read is a failure, not a skip
            pytest.fail(f"frame {frame.url}: {exc}")
    return out


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("name", list(PAGES))
def test_screenshot(browser, seed_server, name, size):
    width, height = SIZES[size]
    ctx, page, watch = open_page(browser, seed_server.url)
    try:
        page.set_viewport_size({"width": width, "height": height})
        page.goto(seed_server.url + PAGES[name])
        frames = _graph_frames(page)
        if name not in NO_GRAPH:
            assert frames, "no graph drawn"
        if name in CHARTS:
            assert chart_problems(page) == []
        for frame in frames:
            labels = frame.evaluate(
                """() => {
                    const net = window.rgView.network, labels = window.rgView.labels();
                    const pos = net.getPositions(labels.map(l => l.id));
                    const ctx = document.createElement('canvas').getContext('2d');
                    return labels.map(l => { const p = net.canvasToDOM(pos[l.id]); ctx.font = l.font;
                        return {...l, nx: p.x, ny: p.y, tw: ctx.measureText(l.text).width}; });
                }"""
            )
            w, h = frame.evaluate("(() => { const r = document.getElementById('rg-network').getBoundingClientRect(); return [r.width, r.height]; })()")
            assert label_problems(labels, w, h) == []
            assert labels, "a graph without any label"
        page.wait_for_timeout(150)
        png = page.screenshot()
        (artefact_dir() / f"{name}-{size}-{width}x{height}.png").write_bytes(png)
        px = _pixels(browser, png)
        assert (px["w"], px["h"]) == (width, height)
        assert px["ink"] > 0.02 and px["colours"] > 12, px  # not blank
        watch.assert_clean()
    finally:
        ctx.close()
