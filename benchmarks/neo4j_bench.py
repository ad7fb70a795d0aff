"""Neo4j vs the embedded store: ingest rate by batch size, and query latencies.

    python benchmarks/neo4j_bench.py                  # starts a Neo4j 5.26 with the test launcher
    REGIOGRAPH_TEST_NEO4J_URI=bolt://127.0.0.1:7687 python benchmarks/neo4j_bench.py

Prints a Markdown table; every ratio compares numbers taken in the same run.
Not a test: machines are noisy.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import neo4j  # noqa: E402

import graph.store.neo4j as neo4j_store_module  # noqa: E402
from graph.generate import generate  # noqa: E402
from graph.schema import default_schema  # noqa: E402
from graph.store.base import PARTNER_VIA  # noqa: E402
from graph.store.embedded import EmbeddedStore  # noqa: E402
from graph.store.neo4j import Neo4jStore  # noqa: E402
from regiograph.seed import load_seed  # noqa: E402


def timeit(fn, reps: int) -> float:
    fn()
    samples = []
    for _ in range(reps):
        t = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t) * 1000)
    return statistics.median(samples)


def ingest(store: Neo4jStore, nodes, edges, batch: int) -> float:
    """Rows per second writing nodes then edges in transactions of ``batch`` rows."""
    store.clear()
    neo4j_store_module.WRITE_CHUNK = batch
    t = time.perf_counter()
    for i in range(0, len(nodes), batch):
        store.write(nodes[i : i + batch], [])
    for i in range(0, len(edges), batch):
        store.write([], edges[i : i + batch])
    return (len(nodes) + len(edges)) / (time.perf_counter() - t)


def queries(store, kind: str, pairs, hub):
    it = iter(pairs * 5)
    if kind == "seed":
        return {
            "search 'sachsen'": lambda: store.search("sachsen"),
            "entity": lambda: store.get_node("org:wfs"),
            "neighbors depth 2": lambda: store.neighbors("region:de-sn", depth=2),
            "paths k=3 Hessen-KOSME": lambda: store.paths("region:de-he", "org:kosme", k=3, via=PARTNER_VIA),
            "connections WFS-TIPA": lambda: store.connections("org:wfs", "org:tipa"),
            "timeline Saxony-Korea": lambda: store.timeline("region:de-sn", other="region:kr"),
            "stats": lambda: store.stats(),
        }
    return {
        "search 'agency 12'": lambda: store.search("agency 12"),
        "entity": lambda: store.get_node(pairs[0][0]),
        "neighbors depth 1": lambda: store.neighbors(pairs[1][0]),
        "neighbors depth 2 (hub, cap 500)": lambda: store.neighbors(hub, depth=2),
        "paths k=3 (random orgs)": lambda: store.paths(*next(it), k=3, max_hops=6, via=PARTNER_VIA),
        "connections": lambda: store.connections(*pairs[2]),
        "stats": lambda: store.stats(),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--edges", type=int, default=100_000)
    ap.add_argument("--reps", type=int, default=10)
    ap.add_argument("--batches", default="500,2000,5000,20000", help="batch sizes for the ingest test")
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args()

    server = None
    uri = os.environ.get("REGIOGRAPH_TEST_NEO4J_URI")
    if not uri:
        from neo4j_server import Neo4jServer

        server = Neo4jServer()
        uri = server.start()
    driver = neo4j.GraphDatabase.driver(uri, auth=None)
    try:
        rust = "yes" if _has_rust_ext() else "no"
        lines = [f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
                 f"neo4j driver {neo4j.__version__} (Rust extension: {rust}), server {_server_version(driver)}; "
                 f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; {args.reps} repetitions per query.", ""]
        neo = Neo4jStore(driver, default_schema())
        nodes, edges = generate(args.edges, seed=11)
        lines += [f"Ingest of the generated graph ({len(nodes)} nodes + {len(edges)} edges) into Neo4j, one transaction per batch:", "",
                  "| batch size (rows per transaction) | rows/s |", "|---:|---:|"]
        for b in [int(x) for x in args.batches.split(",")]:
            rate = ingest(neo, nodes, edges, b)
            lines.append(f"| {b} | {rate:,.0f} |")
            print(f"batch {b}: {rate:,.0f} rows/s", file=sys.stderr)
        with tempfile.TemporaryDirectory() as d:
            emb = EmbeddedStore(d)
            t = time.perf_counter()
            emb.write(nodes, edges)
            emb_rate = (len(nodes) + len(edges)) / (time.perf_counter() - t)
            lines += ["", f"Embedded store, same graph in one transaction: {emb_rate:,.0f} rows/s.", ""]
            rnd = random.Random(5)
            orgs = [n.id for n in nodes if n.type == "Organization"]
            pairs = [tuple(rnd.sample(orgs, 2)) for _ in range(args.reps + 1)]
            lines += ["| dataset | query | embedded median ms | Neo4j median ms | Neo4j / embedded |", "|---|---|---:|---:|---:|"]
            for label, e_store in (("generated", emb),):
                qe = queries(e_store, "gen", pairs, "region:c00")
                qn = queries(neo, "gen", pairs, "region:c00")
                for name in qe:
                    me, mn = timeit(qe[name], args.reps), timeit(qn[name], args.reps)
                    lines.append(f"| {label} {len(edges) // 1000}k | {name} | {me:.2f} | {mn:.2f} | {mn / max(me, 1e-6):.1f}x |")
                    print(lines[-1], file=sys.stderr)
            emb.close()
        with tempfile.TemporaryDirectory() as d:
            emb = EmbeddedStore(d)
            load_seed(emb)
            neo.clear()
            load_seed(neo)
            qe, qn = queries(emb, "seed", [], None), queries(neo, "seed", [], None)
            for name in qe:
                me, mn = timeit(qe[name], args.reps), timeit(qn[name], args.reps)
                lines.append(f"| seed | {name} | {me:.2f} | {mn:.2f} | {mn / max(me, 1e-6):.1f}x |")
            emb.close()
        neo.clear()
    finally:
        driver.close()
        if server:
            server.stop()
    text = "\n".join(lines)
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")


def _has_rust_ext() -> bool:
    try:
        import importlib.metadata as md

        md.version("neo4j-rust-ext")
        return True
    except Exception:  # noqa: BLE001 - not installed
        return False


def _server_version(driver) -> str:
    with driver.session() as s:
        rec = s.run("CALL dbms.components() YIELD versions RETURN versions[0] AS v").single()
        return rec["v"]


if __name__ == "__main__":
    main()
