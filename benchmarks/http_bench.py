"""HTTP throughput and latency with 1 and 8 concurrent clients, for ``regiograph serve --workers N``.

    python benchmarks/http_bench.py [--edges 100000] [--workers 1,2] [--clients 1,8] [--requests 200]

Builds a generated graph in a temporary embedded store, starts ``regiograph serve``
on 127.0.0.1 with each worker count, and lets each client (a thread with its own
keep-alive connection) send a bounded number of requests per query kind; prints a
Markdown table (p50/p99 latency in ms, requests/s, and throughput relative to 1
client on the same server). Not a test: machines are noisy.
"""

from __future__ import annotations

import argparse
import http.client
import os
import platform
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph.generate import generate  # noqa: E402
from graph.store.embedded import EmbeddedStore  # noqa: E402


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_ready(port: int, proc: subprocess.Popen, timeout: float = 180) -> None:
    t = time.monotonic()
    while time.monotonic() - t < timeout:
        if proc.poll() is not None:
            raise RuntimeError(f"the server exited with code {proc.returncode}")
        try:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            c.request("GET", "/health")
            if c.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError("the server was not ready in time")


def run_clients(port: int, urls: list[str], clients: int, per_client: int) -> tuple[list[float], float, int]:
    """Latencies (ms) of all requests, wall seconds, bytes of the last answer."""
    lat: list[float] = []
    lock = threading.Lock()
    size = [0]

    def client(k: int) -> None:
        rnd = random.Random(k)
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        mine = []
        for _ in range(per_client):
            url = rnd.choice(urls)
            t = time.perf_counter()
            c.request("GET", url)
            r = c.getresponse()
            body = r.read()
            mine.append((time.perf_counter() - t) * 1000)
            if r.status != 200:
                raise RuntimeError(f"{url}: HTTP {r.status} {body[:200]!r}")
            size[0] = len(body)
        c.close()
        with lock:
            lat.extend(mine)

    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    t = time.perf_counter()
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    return lat, time.perf_counter() - t, size[0]


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def main() -> None:
    import signal

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))  # stop the server and remove the folder on kill
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--edges", type=int, default=100_000)
    ap.add_argument("--workers", default="1,2")
    ap.add_argument("--clients", default="1,8")
    ap.add_argument("--requests", type=int, default=200, help="requests per query kind and client count, in all")
    args = ap.parse_args()

    tmp = tempfile.mkdtemp(prefix="regiograph-http-bench-")
    t = time.perf_counter()
    nodes, edges = generate(args.edges)
    store = EmbeddedStore(tmp)
    store.write(nodes, edges)
    store.close()
    setup = time.perf_counter() - t
    rnd = random.Random(3)
    orgs = [n.id for n in nodes if n.type == "Organization"]
    kinds = {
        "neighbors depth 2 (org, default answer)": [f"/api/entities/{o}/neighbors?depth=2" for o in rnd.sample(orgs, 50)],
        "neighbors depth 2 (org, full=true)": [f"/api/entities/{o}/neighbors?depth=2&full=true" for o in rnd.sample(orgs, 50)],
        "paths k=3 (random orgs)": ["/api/paths?" + urlencode({"source": a, "target": b, "k": 3})
                                    for a, b in (rnd.sample(orgs, 2) for _ in range(50))],
    }
    lines = [f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
             f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; generated graph {len(nodes)} nodes, "
             f"{len(edges)} edges (built in {setup:.0f} s); {args.requests} requests per row.", "",
             "| workers | query | clients | p50 ms | p99 ms | requests/s | vs 1 client | answer bytes |",
             "|---:|---|---:|---:|---:|---:|---:|---:|"]
    env = dict(os.environ, REGIOGRAPH_DATA_DIR=tmp, REGIOGRAPH_LOAD_SEED="false",
               PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    try:
        for workers in [int(x) for x in args.workers.split(",")]:
            port = free_port()
            proc = subprocess.Popen([sys.executable, "-m", "regiograph.cli", "serve", "--port", str(port),
                                     "--workers", str(workers)], env=env,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            try:
                wait_ready(port, proc)
                for kind, urls in kinds.items():
                    run_clients(port, urls, 2, 5)  # warm every worker
                    base = None
                    for clients in [int(x) for x in args.clients.split(",")]:
                        per = max(1, args.requests // clients)
                        lat, wall, size = run_clients(port, urls, clients, per)
                        rate = len(lat) / wall
                        base = base or rate
                        lines.append(f"| {workers} | {kind} | {clients} | {statistics.median(lat):.1f} | "
                                     f"{pct(lat, 99):.1f} | {rate:.1f} | {rate / base:.2f}x | {size:,} |")
                        print(lines[-1], file=sys.stderr, flush=True)
            finally:
                proc.terminate()
                try:
                    proc.wait(30)
                except subprocess.TimeoutExpired:
                    proc.kill()
    finally:
        import shutil

        shutil.rmtree(tmp, ignore_errors=True)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
