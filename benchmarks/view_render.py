"""Server-side render time of an entity view, with and without the codec's pause of the
cycle collector while it decodes a batch (``graph.codec.GC_PAUSE_AT``), A/B in one process.

    python benchmarks/view_render.py [--nodes 2000] [--runs 6]

Builds the synthetic ego network of the view benchmarks (tests/webviews/views_synth.py) in
an embedded store, renders the hub's depth-2 view once to warm up, then alternates the two
settings and prints the medians in ms and their ratio."""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "webviews"))

from graph import codec  # noqa: E402
from views.page import render_view  # noqa: E402
from views.params import entity_params  # noqa: E402
from views_synth import HUB, build_store  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--nodes", type=int, default=2000)
    ap.add_argument("--runs", type=int, default=6)
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        store = build_store(Path(d) / "store", a.nodes)
        p = entity_params(HUB, depth=2, edge_types=None, node_types=None, as_of=None, limit=None, lang="en",
                          cap=a.nodes, since=None, until=None, group=None, color=None)
        render_view(store, p, a.nodes, chrome=True)
        times: dict[str, list[float]] = {"paused": [], "plain": []}
        default = codec.GC_PAUSE_AT
        for _ in range(a.runs):
            for name, at in (("paused", default), ("plain", 10 ** 12)):
                codec.GC_PAUSE_AT = at
                t = time.perf_counter()
                render_view(store, p, a.nodes, chrome=True)
                times[name].append((time.perf_counter() - t) * 1000)
        codec.GC_PAUSE_AT = default
        store.close()
    med = {k: statistics.median(v) for k, v in times.items()}
    print(f"{a.nodes} nodes, {a.runs} runs each, load average {os.getloadavg()[0]:.1f}: "
          f"paused {med['paused']:.0f} ms, plain {med['plain']:.0f} ms, plain / paused {med['plain'] / med['paused']:.2f}")


if __name__ == "__main__":
    main()
