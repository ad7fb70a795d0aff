"""Helpers for the browser tests: a watched page and canvas/tooltip probes."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

READY = "window.rgView && window.rgView.ready !== null"


@dataclass
class Watch:
    origin: str
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def foreign_requests(self) -> list[str]:
        """Requests to any host but the app (data: URLs never leave the page)."""
        out = []
        for url in self.requests:
            parts = urlsplit(url)
            if parts.scheme == "data":
                continue
            if f"{parts.scheme}://{parts.netloc}" != self.origin:
                out.append(url)
        return out

    def assert_clean(self) -> None:
        assert self.console_errors == [], self.console_errors
        assert self.page_errors == [], self.page_errors
        assert self.foreign_requests() == [], self.foreign_requests()
        assert self.dialogs == [], self.dialogs


def open_page(browser, origin: str, **context_options):
    """A new context and page that record console errors, requests and dialogs."""
    ctx = browser.new_context(viewport={"width": 1200, "height": 800}, **context_options)
    page = ctx.new_page()
    watch = Watch(origin)
    page.on("console", lambda m: watch.console_errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: watch.page_errors.append(str(e)))
    page.on("request", lambda r: watch.requests.append(r.url))

    def on_dialog(d):
        watch.dialogs.append(d.message)
        d.dismiss()

    page.on("dialog", on_dialog)
    return ctx, page, watch


def wait_until(page, expression: str, timeout: int = 30_000, interval: float = 0.05) -> None:
    """Poll a JavaScript expression from Python until it is true. Not ``wait_for_function``: on a page
    whose CSP forbids eval (ours), Playwright's in-page polling evaluates the predicate string again
    on later frames, which the CSP refuses ("EvalError ... 'unsafe-eval'"; microsoft/playwright#7395,
    fixed upstream only in later versions) - so it fails whenever the page is not ready at the first
    check, e.g. on a loaded machine. ``page.evaluate`` is one DevTools evaluation and is allowed."""
    deadline = time.monotonic() + timeout / 1000
    while not page.evaluate(f"Boolean({expression})"):
        if time.monotonic() > deadline:
            raise TimeoutError(f"not true after {timeout} ms: {expression}")
        time.sleep(interval)


def wait_ready(page, timeout: int = 30_000) -> float:
    wait_until(page, READY, timeout)
    return page.evaluate("window.rgView.ready")


def painted_pixels(page) -> int:
    """Canvas pixels that are not background (transparent or white)."""
    return page.evaluate(
        """() => {
            const c = document.querySelector('#rg-network canvas');
            const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
            let n = 0;
            for (let i = 0; i < d.length; i += 4) {
                if (d[i + 3] > 0 && !(d[i] > 250 && d[i + 1] > 250 && d[i + 2] > 250)) n++;
            }
            return n;
        }"""
    )


def node_point(page, node_id: str) -> tuple[float, float]:
    """Viewport coordinates of a node's centre."""
    return tuple(page.evaluate(
        """(id) => {
            const net = window.rgView.network;
            const p = net.canvasToDOM(net.getPositions([id])[id]);
            const r = document.getElementById('rg-network').getBoundingClientRect();
            return [r.left + p.x, r.top + p.y];
        }""",
        node_id,
    ))


def drawn_labels(page) -> list[dict]:
    """The labels the page drew, each with its node's drawn position and the
    width of its text measured afresh with the label's font."""
    return page.evaluate(
        """() => {
            const net = window.rgView.network;
            const labels = window.rgView.labels();
            const pos = net.getPositions(labels.map(l => l.id));
            const ctx = document.createElement('canvas').getContext('2d');
            return labels.map(l => {
                const p = net.canvasToDOM(pos[l.id]);
                ctx.font = l.font;
                return {...l, nx: p.x, ny: p.y, tw: ctx.measureText(l.text).width};
            });
        }"""
    )


def label_problems(labels: list[dict], width: float, height: float, near: float = 60.0) -> list[str]:
    """Overlapping boxes, fonts under 11 px, boxes too narrow for their text,
    boxes away from their node or outside the canvas."""
    out = []
    for l in labels:
        if l["px"] < 11:
            out.append(f"{l['text']}: {l['px']} px")
        if l["w"] < l["tw"]:
            out.append(f"{l['text']}: box {l['w']} narrower than text {l['tw']:.1f}")
        dx = max(l["x"] - l["nx"], 0, l["nx"] - (l["x"] + l["w"]))
        dy = max(l["y"] - l["ny"], 0, l["ny"] - (l["y"] + l["h"]))
        if (dx * dx + dy * dy) ** 0.5 > near:
            out.append(f"{l['text']}: {dx:.0f},{dy:.0f} px from its node")
        if l["x"] < -0.5 or l["y"] < -0.5 or l["x"] + l["w"] > width + 0.5 or l["y"] + l["h"] > height + 0.5:
            out.append(f"{l['text']}: outside the canvas")
    for i, a in enumerate(labels):
        for b in labels[i + 1:]:
            if a["x"] < b["x"] + b["w"] and b["x"] < a["x"] + a["w"] and a["y"] < b["y"] + b["h"] and b["y"] < a["y"] + a["h"]:
                out.append(f"overlap: {a['text']} / {b['text']}")
    return out


def canvas_size(page) -> tuple[float, float]:
    return tuple(page.evaluate("(() => { const r = document.getElementById('rg-network').getBoundingClientRect(); return [r.width, r.height]; })()"))
