"""File loads end to end: ``regiograph load FILE`` of a generated records file into a fresh embedded store.

    python benchmarks/load_bench.py make FILE [--edges 100000] [--bad-first]   # write the records file
    python benchmarks/load_bench.py run FILE                                    # time one CLI load (fresh store)

``make`` writes a JSON records file (docs/FORMAT.md) from ``graph.generate``;
``--bad-first`` puts an unknown field into the first node record, so the load
must fail on record 1 (how long until the error is reported).
``run`` times ``regiograph load FILE`` into a new temporary data folder (a
subprocess: the wall clock a user sees) and prints the last lines of its output.
Not a test: machines are noisy.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph.generate import generate  # noqa: E402


def records(n_edges: int, bad_first: bool = False) -> dict:
    nodes, edges = generate(n_edges)
    nrecs = []
    for n in nodes:
        d = n.to_dict()
        d.pop("label")
        nrecs.append({k: v for k, v in d.items() if v not in (None, {}, [])})
    erecs = []
    for e in edges:
        d = e.to_dict()
        d.pop("id")
        erecs.append({k: v for k, v in d.items() if v not in (None, {}, [])})
    if bad_first:
        nrecs[0]["colour"] = "red"
    return {"format": "regiograph/1", "nodes": nrecs, "edges": erecs}


def make(path: Path, n_edges: int, bad_first: bool) -> None:
    data = records(n_edges, bad_first)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"wrote {path}: {len(data['nodes'])} nodes, {len(data['edges'])} edges, {path.stat().st_size / 1e6:.1f} MB")


def run(path: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, REGIOGRAPH_DATA_DIR=tmp, REGIOGRAPH_LOAD_SEED="false",
                   PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
        t = time.perf_counter()
        p = subprocess.run([sys.executable, "-m", "regiograph.cli", "load", str(path)], env=env,
                           capture_output=True, text=True)
        dt = time.perf_counter() - t
    lines = p.stderr.strip().splitlines()
    tail = [ln for ln in lines if ln.startswith(("loading:", "read ", "error:"))] or lines[-3:]
    print(f"{path.name}: exit {p.returncode} after {dt:.1f} s")
    for line in tail:
        print("  " + line[-300:])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    m = sub.add_parser("make")
    m.add_argument("file", type=Path)
    m.add_argument("--edges", type=int, default=100_000)
    m.add_argument("--bad-first", action="store_true")
    r = sub.add_parser("run")
    r.add_argument("file", type=Path)
    a = ap.parse_args()
    if a.cmd == "make":
        make(a.file, a.edges, a.bad_first)
    else:
        run(a.file)


if __name__ == "__main__":
    main()
