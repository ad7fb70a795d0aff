"""Measure how long graph views take to draw in headless Chromium.

For each size, a synthetic ego network (tests/webviews/views_synth.py) is put
in an embedded store, the app is served with uvicorn on 127.0.0.1 (in a child
process), and the entity view of the hub (depth 2, every node drawn) is opened. The time is
``performance.now()`` when the page reports ready, i.e. at the first
vis-network ``afterDrawing`` after the final layout and the label placement - measured from navigation start, so
it includes the server's response time, script loading and drawing.

"cold": a fresh browser context per run (nothing cached); "warm": the same
context, vis-network already in the cache, the view itself fetched anew.

Chromium runs with its window UI preloading switched off (tests/webviews/views_live.py,
BROWSER_UI_PRELOAD): Chromium 156 starts the omnibox popup's WebUI in a renderer process of
its own for every new window, and every fresh context is a new window - a cost of opening a
browser window, not of the page, which a reader opening a view in a running browser does not
pay. ``--browser-ui`` measures a second browser with that preloading kept, in the same runs.

    python benchmarks/view_draw.py              # sizes 300 and 2000, 5 runs each
    python benchmarks/view_draw.py --sizes 100,300,2000 --runs 7
    python benchmarks/view_draw.py --table benchmarks/VIEW_DRAW.md   # also write the table there
    python benchmarks/view_draw.py --baseline /tmp/base --runs 9       # A/B against another checkout
    python benchmarks/view_draw.py --browser-ui --runs 9               # also with the browser's window UI preload

``--baseline DIR``: DIR is another checkout of the project (e.g. ``git archive
main | tar x -C /tmp/base``). Its app is served by a second child process (with
DIR first on the path), and every run opens both views in turn - in the same
browser, alternating which goes first - so both see the same machine load.
The table then has a "baseline" row per size and the ratio of the medians,
and the in-page phases (performance marks: ``rg-start`` when the page script
starts, i.e. vis-network is parsed and executed; ``rg-network`` after ``new
vis.Network``; ``rg-labels`` after the label pass, where the page has it; ``rg-ready``) are printed per variant.

The result is a Markdown table (printed, and written with ``--table``): per
size the cold and warm medians and maxima, the server's render time, drawn
nodes and labels, and whether the cold median meets the target (300 nodes
<= 0.5 s, 2,000 nodes <= 2 s), with the machine (CPUs, load average, Chromium).
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "webviews"))

from playwright.sync_api import sync_playwright  # noqa: E402

from api.app import create_app  # noqa: E402
from regiograph.settings import Settings  # noqa: E402
from views_live import free_port, launch_chromium  # noqa: E402
from views_synth import HUB, build_store  # noqa: E402

READY = "window.rgView && window.rgView.ready !== null"
VARIANT_NAMES = {"this": "hub, depth 2", "baseline": "baseline", "browser-ui": "hub, depth 2, browser UI preloaded"}
TARGET_COLD_MS = {300: 500, 2000: 2000}  # issue 13: cold draw time targets


def measure(page, url: str) -> dict:
    page.goto("about:blank")  # the renderer is up before the timed navigation starts
    page.goto(url)
    page.wait_for_function(READY, timeout=60_000)
    return page.evaluate(
        """() => ({ready: window.rgView.ready,
                   ttfb: performance.getEntriesByType('navigation')[0].responseStart,
                   render: (performance.getEntriesByType('navigation')[0].serverTiming.find(t => t.name === 'render') || {}).duration,
                   nodes: window.rgView.nodes.get().filter(n => n.rgType !== 'group').length,
                   drawn: window.rgView.nodes.get().filter(n => !n.hidden).length,
                   labels: window.rgView.labels ? window.rgView.labels().length : null,
                   physics: window.rgView.physics,
                   marks: Object.fromEntries(performance.getEntriesByType('mark').map(m => [m.name, m.startTime]))})"""
    )


def serve(n: int, port: int) -> None:
    """Child process: the app over a synthetic store of n nodes, on 127.0.0.1:port."""
    import uvicorn

    with tempfile.TemporaryDirectory() as d:
        store = build_store(Path(d) / "store", n)
        app = create_app(Settings(data_dir=d, load_seed=False, view_max_nodes=n), store=store)
        uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning")


class ServerProcess:
    """The app in its own process, so the browser driver does not share its interpreter."""

    def __init__(self, n: int, root: Path | None = None) -> None:
        """``root``: serve that checkout's app (its own benchmarks/view_draw.py, with it first on the path)."""
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        script, env = __file__, None
        if root is not None:
            script = str(Path(root) / "benchmarks" / "view_draw.py")
            env = dict(os.environ, PYTHONPATH=str(root))
        self.proc = subprocess.Popen([sys.executable, script, "--serve", str(n), "--port", str(self.port)], env=env)

    def __enter__(self) -> "ServerProcess":
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError("the benchmark server exited")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    return self
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("the benchmark server did not start")

    def __exit__(self, *exc) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=20)


def _row(cold: list[dict], warm: list[dict], browser, runs: int, variant: str) -> dict:
    phases = {}
    for mark in ("rg-start", "rg-network", "rg-view", "rg-labels", "rg-ready"):
        values = [r["marks"].get(mark) for r in cold if r["marks"].get(mark) is not None]
        if values:
            phases[mark] = round(statistics.median(values))
    return {
        "variant": variant,
        "nodes": cold[0]["nodes"],
        "drawn_nodes": cold[0]["drawn"],  # after folding big neighbourhoods into groups
        "labels": cold[0]["labels"],
        "physics": cold[0]["physics"],
        "cold_ms_median": round(statistics.median(r["ready"] for r in cold)),
        "cold_ms_max": round(max(r["ready"] for r in cold)),
        "warm_ms_median": round(statistics.median(r["ready"] for r in warm)),
        "warm_ms_max": round(max(r["ready"] for r in warm)),
        "ttfb_ms_median": round(statistics.median(r["ttfb"] for r in cold)),
        "server_render_ms_median": round(statistics.median(r["render"] or 0 for r in cold)),
        "cold_phases_ms_median": phases,
        "load_average_1min": round(os.getloadavg()[0], 2),
        "chromium": browser.version,
        "cpus": os.cpu_count(),
        "runs": runs,
    }


def run(sizes: list[int], runs: int, baseline: Path | None = None, browser_ui: bool = False) -> list[dict]:
    """Per size, ``runs`` cold and warm loads; with ``baseline`` the same for that
    checkout's app, and with ``browser_ui`` the same in a second browser that keeps
    its window UI preloading, interleaved run by run (A B, B A, ...)."""
    results = []
    with sync_playwright() as p:
        page_only = launch_chromium(p)
        with_ui = launch_chromium(p, browser_ui=True) if browser_ui else None
        for n in sizes:
            # (name, checkout served, browser)
            variants = [("this", None, page_only)]
            if baseline is not None:
                variants.append(("baseline", baseline, page_only))
            if with_ui is not None:
                variants.append(("browser-ui", None, with_ui))
            servers = [ServerProcess(n, root) for _, root, _ in variants]
            try:
                for srv in servers:
                    srv.__enter__()
                urls = [f"{srv.url}/view/entity/{HUB}?depth=2" for srv in servers]
                for url, (_, _, browser) in zip(urls, variants):  # one unmeasured request warms each server
                    ctx = browser.new_context(viewport={"width": 1280, "height": 800})
                    measure(ctx.new_page(), url)
                    ctx.close()
                cold: list[list[dict]] = [[] for _ in variants]
                warm: list[list[dict]] = [[] for _ in variants]
                for i in range(runs):
                    order = list(range(len(variants)))
                    if i % 2:
                        order.reverse()
                    for v in order:
                        ctx = variants[v][2].new_context(viewport={"width": 1280, "height": 800})
                        cold[v].append(measure(ctx.new_page(), urls[v]))
                        ctx.close()
                pages = []
                for v, url in enumerate(urls):
                    ctx = variants[v][2].new_context(viewport={"width": 1280, "height": 800})
                    page = ctx.new_page()
                    measure(page, url)
                    pages.append((ctx, page))
                for i in range(runs):
                    order = list(range(len(variants))) if i % 2 == 0 else list(reversed(range(len(variants))))
                    for v in order:
                        # a new URL each time: not from the HTML cache
                        warm[v].append(measure(pages[v][1], f"{urls[v]}&lang={'de' if i % 2 else 'en'}"))
                for ctx, _ in pages:
                    ctx.close()
            finally:
                for srv in servers:
                    srv.__exit__()
            for v, (name, _, browser) in enumerate(variants):
                row = _row(cold[v], warm[v], browser, runs, name)
                results.append(row)
                print(json.dumps(row), flush=True)
        for browser in (page_only, with_ui):
            if browser is not None:
                browser.close()
    return results


def table(rows: list[dict]) -> str:
    """The rows as a Markdown table with the targets and the machine they were measured on."""
    import platform

    head = ("| view | nodes | drawn (groups folded) | labels at start | cold median | cold max | warm median "
            "| server render | target (cold) | met |")
    out = [head, "|" + "---|" * (head.count("|") - 1)]
    for r in rows:
        target = TARGET_COLD_MS.get(r["nodes"]) or TARGET_COLD_MS.get(r["nodes"] - 1)
        met = "" if target is None else ("yes" if r["cold_ms_median"] <= target else "no")
        name = VARIANT_NAMES[r.get("variant", "this")]
        out.append(f"| {name} | {r['nodes']:,} | {r['drawn_nodes']:,} | {r['labels']} | {r['cold_ms_median'] / 1000:.2f} s "
                   f"| {r['cold_ms_max'] / 1000:.2f} s | {r['warm_ms_median'] / 1000:.2f} s | {r['server_render_ms_median']} ms "
                   f"| {'' if target is None else f'{target / 1000:.1f} s'} | {met} |")
    ratios = [(a, b) for a in rows for b in rows
              if a.get("variant") == "this" and b.get("variant") != "this" and a["nodes"] == b["nodes"]]
    if ratios:
        out.append("")
        for a, b in ratios:
            out.append(f"{a['nodes']:,} nodes, this / {b['variant']} (same runs, interleaved): cold median "
                       f"{a['cold_ms_median'] / b['cold_ms_median']:.2f}, warm median {a['warm_ms_median'] / b['warm_ms_median']:.2f}; "
                       f"cold phases (ms, median) this {a['cold_phases_ms_median']}, {b['variant']} {b['cold_phases_ms_median']}")
    if rows:
        r = rows[-1]
        out.append("")
        out.append(f"Machine: {platform.machine()}, {r['cpus']} CPUs, {platform.python_implementation()} "
                   f"{platform.python_version()}, Chromium {r['chromium']}; load average (1 min) at the end: "
                   f"{r['load_average_1min']}. Medians of {r.get('runs', '?')} runs per size.")
    return "\n".join(out) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="300,2000")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--out", help="also write the result rows to this JSON file")
    ap.add_argument("--table", help="also write the Markdown table to this file")
    ap.add_argument("--baseline", help="another checkout of the project to measure in the same runs (A/B)")
    ap.add_argument("--browser-ui", action="store_true",
                    help="also measure in a Chromium that preloads its window UI for each new context (as it does "
                         "by default), in the same runs")
    ap.add_argument("--serve", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--port", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.serve:
        serve(args.serve, args.port)
        return
    started = time.time()
    baseline = Path(args.baseline).resolve() if args.baseline else None
    if baseline is not None and not (baseline / "benchmarks" / "view_draw.py").is_file():
        ap.error(f"--baseline {args.baseline}: no benchmarks/view_draw.py there; give a checkout of the project")
    rows = run([int(s) for s in args.sizes.split(",")], args.runs, baseline, args.browser_ui)
    if args.out:
        Path(args.out).write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")
    text = table(rows)
    print(text)
    if args.table:
        Path(args.table).write_text(text, encoding="utf-8")
    print(f"done in {time.time() - started:.1f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
