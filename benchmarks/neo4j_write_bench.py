"""Neo4j batched writes of the store against plain ``UNWIND`` loads of the same rows, in one run.

    python benchmarks/neo4j_write_bench.py [--edges 100000] [--batch 5000] [--rounds 2]
    REGIOGRAPH_TEST_NEO4J_URI=bolt://127.0.0.1:7687 python benchmarks/neo4j_write_bench.py

For each round, on an emptied database: (1) ``Neo4jStore.write`` of the generated
nodes and edges in transactions of ``--batch`` rows (Node/Edge objects in, rows
built by the store: folded name keys, JSON, validity bounds); (2) the plain
idempotent load of the same prebuilt rows (``UNWIND $rows MERGE (n:Entity {id})
SET n += row``; relationships ``MATCH`` both ends, ``MERGE`` by id, ``SET``);
(3) the plainest ``UNWIND ... CREATE`` of the same rows. Prints rows/s and
the ratios (store time / plain time). Not a test: machines are noisy.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import neo4j  # noqa: E402

import graph.store.neo4j as neo4j_store_module  # noqa: E402
from graph.generate import generate  # noqa: E402
from graph.schema import default_schema  # noqa: E402
from graph.store.neo4j import Neo4jStore, _edge_row, _node_row  # noqa: E402

# the baselines (fixed text; relationship types come from the schema, as in cypher/write_edges.cypher)
MERGE_NODES = "UNWIND $rows AS row MERGE (n:Entity {id: row.id}) SET n += row"
MERGE_EDGES = ("UNWIND $rows AS row MATCH (a:Entity {id: row.source}) MATCH (b:Entity {id: row.target}) "
               "MERGE (a)-[r:%s {id: row.id}]->(b) SET r.data = row.data, r.vf = row.vf, r.vt = row.vt")
CREATE_NODES = "UNWIND $rows AS row CREATE (n:Entity) SET n = row"
CREATE_EDGES = ("UNWIND $rows AS row MATCH (a:Entity {id: row.source}) MATCH (b:Entity {id: row.target}) "
                "CREATE (a)-[r:%s]->(b) SET r.id = row.id, r.data = row.data, r.vf = row.vf, r.vt = row.vt")


def store_write(store: Neo4jStore, nodes, edges, batch: int) -> float:
    neo4j_store_module.WRITE_CHUNK = batch
    t = time.perf_counter()
    for i in range(0, len(nodes), batch):
        store.write(nodes[i:i + batch], [])
    for i in range(0, len(edges), batch):
        store.write([], edges[i:i + batch])
    return time.perf_counter() - t


def plain(driver, node_rows, edge_rows, batch: int, nodes_q: str, edges_q: str) -> float:
    by_type: dict[str, list] = {}
    for t_, r in edge_rows:
        by_type.setdefault(t_, []).append(r)
    t = time.perf_counter()
    with driver.session() as s:
        for i in range(0, len(node_rows), batch):
            s.execute_write(lambda tx, rows=node_rows[i:i + batch]: tx.run(nodes_q, rows=rows).consume())
        for et, rows in by_type.items():
            q = edges_q % et
            for i in range(0, len(rows), batch):
                s.execute_write(lambda tx, rows=rows[i:i + batch]: tx.run(q, rows=rows).consume())
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--edges", type=int, default=100_000)
    ap.add_argument("--batch", type=int, default=5000)
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args()
    server = None
    uri = os.environ.get("REGIOGRAPH_TEST_NEO4J_URI")
    if not uri:
        from neo4j_server import Neo4jServer

        server = Neo4jServer()
        uri = server.start()
    driver = neo4j.GraphDatabase.driver(uri, auth=None)
    try:
        schema = default_schema()
        store = Neo4jStore(driver, schema)
        nodes, edges = generate(args.edges, seed=11)
        rows = len(nodes) + len(edges)
        node_rows = [_node_row(n, schema) for n in nodes]
        edge_rows = [(e.type, _edge_row(e)) for e in edges]
        results: dict[str, list[float]] = {"store": [], "merge": [], "create": []}
        for r in range(args.rounds):
            for kind in ("store", "merge", "create"):
                store.clear()
                if kind == "store":
                    dt = store_write(store, nodes, edges, args.batch)
                elif kind == "merge":
                    dt = plain(driver, node_rows, edge_rows, args.batch, MERGE_NODES, MERGE_EDGES)
                else:
                    dt = plain(driver, node_rows, edge_rows, args.batch, CREATE_NODES, CREATE_EDGES)
                results[kind].append(dt)
                print(f"round {r + 1} {kind}: {rows / dt:,.0f} rows/s", file=sys.stderr, flush=True)
        store.clear()
        best = {k: min(v) for k, v in results.items()}
        lines = [f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
                 f"neo4j driver {neo4j.__version__}; {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; "
                 f"{len(nodes)} nodes + {len(edges)} edges, {args.batch} rows per transaction, "
                 f"best of {args.rounds} rounds.", "",
                 "| load | rows/s | store time / this time |", "|---|---:|---:|"]
        for k, label in (("store", "`Neo4jStore.write` (rows built from Node/Edge objects)"),
                         ("merge", "plain `UNWIND ... MERGE` by id of the prebuilt rows"),
                         ("create", "plain `UNWIND ... CREATE` of the prebuilt rows")):
            lines.append(f"| {label} | {rows / best[k]:,.0f} | {best['store'] / best[k]:.2f}x |")
        print("\n".join(lines))
    finally:
        driver.close()
        if server:
            server.stop()


if __name__ == "__main__":
    main()
