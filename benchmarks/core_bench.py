"""Latency of the embedded store's queries, in process and over HTTP, on the bundled
dataset and on a generated graph; networkx's public API on the same graph as a reference.

    python benchmarks/core_bench.py                 # seed + 100k edges
    python benchmarks/core_bench.py --edges 1000000 # a bigger generated graph

Prints a Markdown table (median and p95 in milliseconds, and ratios measured in
the same run). Not a test: machines are noisy, compare ratios, not absolutes.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import socket
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import httpx  # noqa: E402
import networkx as nx  # noqa: E402
import uvicorn  # noqa: E402

from api.app import create_app  # noqa: E402
from graph.generate import generate  # noqa: E402
from graph.store.base import PARTNER_VIA  # noqa: E402
from graph.store.embedded import EmbeddedStore  # noqa: E402
from regiograph.seed import load_seed  # noqa: E402
from regiograph.settings import Settings  # noqa: E402


def timeit(fn, reps: int) -> tuple[float, float]:
    fn()  # warm up
    samples = []
    for _ in range(reps):
        t = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t) * 1000)
    samples.sort()
    return statistics.median(samples), samples[min(len(samples) - 1, int(len(samples) * 0.95))]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, store):
        self.port = free_port()
        app = create_app(Settings(data_dir=tempfile.mkdtemp()), store=store)
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self):
        self.thread.start()
        deadline = time.time() + 20
        while not self.server.started and time.time() < deadline:
            time.sleep(0.05)
        return f"http://127.0.0.1:{self.port}"

    def __exit__(self, *exc):
        self.server.should_exit = True
        self.thread.join(10)


def bench(name: str, store: EmbeddedStore, queries: dict, reps: int, rows: list) -> None:
    with Server(store) as base, httpx.Client(base_url=base, timeout=60) as client:
        for qname, (call, url) in queries.items():
            med, p95 = timeit(call, reps)
            hmed, hp95 = timeit(lambda: client.get(url).raise_for_status(), reps)
            rows.append((name, qname, med, p95, hmed, hp95))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--edges", type=int, default=100_000, help="size of the generated graph")
    ap.add_argument("--reps", type=int, default=30, help="repetitions per query")
    ap.add_argument("--out", type=Path, default=None, help="also write the table to this file")
    args = ap.parse_args()
    rows: list = []
    lines: list[str] = []

    # ---- bundled seed dataset
    with tempfile.TemporaryDirectory() as d:
        seed = EmbeddedStore(d)
        load_seed(seed)
        st = seed.stats().to_dict()
        lines.append(f"- bundled dataset: {st['total_nodes']} nodes, {st['total_edges']} edges")
        q = {
            "search 'sachsen'": (lambda: seed.search("sachsen"), "/api/search?q=sachsen"),
            "entity": (lambda: seed.get_node("org:wfs"), "/api/entities/org:wfs"),
            "neighbors depth 2": (lambda: seed.neighbors("region:de-sn", depth=2), "/api/entities/region:de-sn/neighbors?depth=2"),
            "paths k=3 Hessen-KOSME": (lambda: seed.paths("region:de-he", "org:kosme", k=3, via=PARTNER_VIA),
                                       "/api/paths?source=region:de-he&target=org:kosme&k=3"),
            "connections WFS-TIPA": (lambda: seed.connections("org:wfs", "org:tipa"), "/api/connections?a=org:wfs&b=org:tipa"),
            "timeline Saxony-Korea": (lambda: seed.timeline("region:de-sn", other="region:kr"),
                                      "/api/timeline?id=region:de-sn&other=region:kr"),
            "stats": (lambda: seed.stats(), "/api/stats"),
        }
        bench("seed", seed, q, args.reps, rows)
        seed.close()

    # ---- generated graph
    t0 = time.perf_counter()
    nodes, edges = generate(args.edges, seed=11)
    t_gen = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as d:
        store = EmbeddedStore(d)
        t0 = time.perf_counter()
        store.write(nodes, edges)
        t_write = time.perf_counter() - t0
        store.close()
        t0 = time.perf_counter()
        store = EmbeddedStore(d)
        t_open = time.perf_counter() - t0
        lines.append(f"- generated graph: {len(nodes)} nodes, {len(edges)} edges (generated in {t_gen:.1f} s); "
                     f"write {t_write:.1f} s ({len(edges) / t_write:,.0f} edges/s incl. nodes); reopen (load into memory) {t_open:.1f} s")
        rnd = random.Random(5)
        org_ids = [n.id for n in nodes if n.type == "Organization"]
        pairs = [tuple(rnd.sample(org_ids, 2)) for _ in range(args.reps + 1)]
        it = iter(pairs * 3)
        hub = "region:c00"
        hub_size = len(store.neighbors(hub, depth=2, limit=5000).nodes) + store.neighbors(hub, depth=2, limit=5000).omitted_nodes
        lines.append(f"- hub `{hub}` reaches {hub_size} nodes at depth 2 (capped at 500 in the answer)")
        q = {
            "search 'agency 12'": (lambda: store.search("agency 12"), "/api/search?q=agency%2012"),
            "entity": (lambda: store.get_node(org_ids[0]), f"/api/entities/{org_ids[0]}"),
            "neighbors depth 1 (org)": (lambda: store.neighbors(org_ids[1]), f"/api/entities/{org_ids[1]}/neighbors"),
            "neighbors depth 2 (hub, cap 500)": (lambda: store.neighbors(hub, depth=2), f"/api/entities/{hub}/neighbors?depth=2"),
            "paths k=3 (random orgs)": (lambda: store.paths(*next(it), k=3, max_hops=6, via=PARTNER_VIA),
                                        f"/api/paths?source={pairs[0][0]}&target={pairs[0][1]}&k=3"),
            "connections (random orgs)": (lambda: store.connections(*pairs[1]), f"/api/connections?a={pairs[1][0]}&b={pairs[1][1]}"),
            "stats": (lambda: store.stats(), "/api/stats"),
        }
        bench(f"generated {len(edges) // 1000}k", store, q, args.reps, rows)

        # issue 12: lists, brokers, recommendations (fewer repetitions: each is many searches)
        from graph import query as gq

        q12 = {
            "list agencies with agreement, party in hub": (
                lambda: gq.run(store, "entities", type="Organization", kind="agency", related="PARTY_TO:Agreement",
                               counterpart_in=hub, limit=50),
                f"/api/entities?type=Organization&kind=agency&related=PARTY_TO:Agreement&counterpart_in={hub}"),
            "list in hub region (page of 50)": (lambda: gq.run(store, "entities", within=hub, limit=50), f"/api/entities?in={hub}"),
            "brokers c00-c01 (sample 50 pairs)": (lambda: gq.run(store, "brokers", a=hub, b="region:c01", sample=50),
                                                  f"/api/brokers?a={hub}&b=region:c01&sample=50"),
            "recommend org in c01": (lambda: gq.run(store, "recommend", for_=org_ids[0], within="region:c01", limit=10),
                                     f"/api/recommendations?for={org_ids[0]}&in=region:c01"),
        }
        bench(f"generated {len(edges) // 1000}k", store, q12, max(3, args.reps // 10), rows)

        # networkx public API on the same graph, as the reference the issue measured
        g = store.graph
        ug = g.to_undirected(as_view=True)
        a, b = pairs[2]
        ours_sp = timeit(lambda: store.paths(a, b, k=1, max_hops=8), 5)[0]
        nx_sp = timeit(lambda: nx.shortest_path(ug, a, b), 5)[0]
        ours_ego = timeit(lambda: store.neighbors(hub, depth=2, limit=5000), 3)[0]
        nx_ego = timeit(lambda: nx.ego_graph(g, hub, radius=2, undirected=True), 3)[0]
        lines.append(f"- shortest path, one pair: ours {ours_sp:.2f} ms vs `nx.shortest_path` on an undirected view {nx_sp:.2f} ms "
                     f"(ratio {nx_sp / ours_sp:.1f}x)")
        lines.append(f"- depth-2 hub neighbourhood (5000 cap): ours {ours_ego:.1f} ms vs `nx.ego_graph(undirected=True)` {nx_ego:.1f} ms "
                     f"(ratio {nx_ego / ours_ego:.1f}x)")
        store.close()

    head = [
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()} "
        f"{platform.release()}; {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; {args.reps} repetitions per query.",
        "",
        *lines,
        "",
        "| dataset | query | in-process median ms | p95 | HTTP median ms | p95 | HTTP / in-process |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for ds, qn, m, p, hm, hp in rows:
        head.append(f"| {ds} | {qn} | {m:.3f} | {p:.3f} | {hm:.2f} | {hp:.2f} | {hm / max(m, 1e-6):.1f}x |")
    text = "\n".join(head)
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
