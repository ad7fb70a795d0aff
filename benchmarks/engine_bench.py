"""The engine at scale: ingest, reopen, memory, CLI, queries in process and over HTTP,
each beside baselines run in the same process (a numpy CSR breadth-first search - the
floor -, networkx and igraph on the same graph).

    python benchmarks/engine_bench.py --edges 100000
    python benchmarks/engine_bench.py --edges 1000000 --reps 10
    python benchmarks/engine_bench.py --only questions --edges 100000 --edges 1000000   # issue 12

The strategists' questions (lists, brokers, recommendations, communities; ``--only
questions`` runs just these) are timed three ways on the same store: the embedded store's
native version, the generic one over the port (``query.run(..., generic=True)``: what
they cost before), and the same question asked of networkx in the same process.

Prints a Markdown report (medians in milliseconds; ratios to the baselines of the same
run). Not a test: these machines are noisy, compare the ratios.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import json
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

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from graph.generate import generate  # noqa: E402
from graph.store.base import PARTNER_VIA  # noqa: E402
from graph.store.embedded import EmbeddedStore  # noqa: E402


def med(fn, reps: int) -> float:
    fn()
    xs = []
    for _ in range(reps):
        t = time.perf_counter()
        fn()
        xs.append((time.perf_counter() - t) * 1000)
    return statistics.median(xs)


# ------------------------------------------------------------------ baselines


class CSR:
    """The floor: an undirected CSR over int32 ids and a level-synchronous BFS."""

    def __init__(self, nodes, edges):
        self.ix = {n.id: i for i, n in enumerate(nodes)}
        self.ids = np.array(sorted(range(len(nodes)), key=lambda i: nodes[i].id))
        self.rank = np.empty(len(nodes), dtype=np.int64)
        self.rank[self.ids] = np.arange(len(nodes))
        s = np.array([self.ix[e.source] for e in edges], dtype=np.int32)
        t = np.array([self.ix[e.target] for e in edges], dtype=np.int32)
        u, v = np.concatenate([s, t]), np.concatenate([t, s])
        o = np.argsort(u, kind="stable")
        self.nbr = v[o]
        self.indptr = np.zeros(len(nodes) + 1, dtype=np.int64)
        np.cumsum(np.bincount(u, minlength=len(nodes)), out=self.indptr[1:])
        self.n = len(nodes)

    def level(self, f):
        st, ln = self.indptr[f], self.indptr[f + 1] - self.indptr[f]
        tot = int(ln.sum())
        idx = np.arange(tot) + np.repeat(st - np.concatenate(([0], np.cumsum(ln)[:-1])), ln)
        return np.unique(self.nbr[idx])

    def two_hop(self, node: str, cap: int = 500):
        seen = np.zeros(self.n, dtype=bool)
        c = self.ix[node]
        seen[c] = True
        out, f = [np.array([c])], np.array([c])
        for _ in range(2):
            nb = self.level(f)
            nb = nb[~seen[nb]]
            seen[nb] = True
            out.append(nb)
            f = nb
        allv = np.concatenate(out)
        if len(allv) > cap:
            allv = allv[np.argpartition(self.rank[allv], cap - 1)[:cap]]
        return allv

    def shortest(self, a: str, b: str, max_hops: int = 6):
        s, t = self.ix[a], self.ix[b]
        parent = np.full(self.n, -1, dtype=np.int64)
        parent[s] = s
        f = np.array([s])
        for _ in range(max_hops):
            st, ln = self.indptr[f], self.indptr[f + 1] - self.indptr[f]
            tot = int(ln.sum())
            idx = np.arange(tot) + np.repeat(st - np.concatenate(([0], np.cumsum(ln)[:-1])), ln)
            frm, nb = np.repeat(f, ln), self.nbr[idx]
            new = parent[nb] < 0
            nb, frm = nb[new], frm[new]
            nb, first = np.unique(nb, return_index=True)
            parent[nb] = frm[first]
            if parent[t] >= 0:
                return True
            f = nb
        return False


def rss_kb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


MEMORY_PROBE = r"""
import json, sys, time
sys.path.insert(0, {root!r})
from pathlib import Path
def rss():
    for l in Path('/proc/self/status').read_text().splitlines():
        if l.startswith('VmRSS:'): return int(l.split()[1])
import numpy, graph.store.embedded, graph.query
from graph.store.base import PARTNER_VIA
before = rss()
t = time.perf_counter()
from graph.store.embedded import EmbeddedStore
s = EmbeddedStore({path!r})
s.neighbors({hub!r}, depth=2, full=False)
first = time.perf_counter() - t
for a, b in {pairs!r}:
    s.paths(a, b, k=3, via=PARTNER_VIA)
    s.neighbors(a, depth=2, full=False)
print(json.dumps({{"before_kb": before, "after_kb": rss(), "first_answer_s": first}}))
"""


# --------------------------------------------------------------------- HTTP

SERVER = r"""
import os, sys
sys.path.insert(0, {root!r})
os.environ.update(REGIOGRAPH_DATA_DIR={path!r}, REGIOGRAPH_LOAD_SEED="false", PYTHONPATH={root!r})
import uvicorn
uvicorn.run("api.app:create_app", factory=True, host="127.0.0.1", port={port}, log_level="warning", workers={workers})
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http_bench(path: str, urls: dict[str, list[str]], requests_per_client: int, workers: int) -> list[tuple]:
    import httpx

    port = free_port()
    proc = subprocess.Popen([sys.executable, "-c", SERVER.format(root=str(ROOT), path=path, port=port, workers=workers)])
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 120
        while time.time() < deadline:
            try:
                if httpx.get(base + "/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.3)
        rows = []
        for name, url_list in urls.items():
            for clients in (1, 8):
                lat: list[float] = []
                lock = threading.Lock()

                def work(k: int) -> None:
                    with httpx.Client(base_url=base, timeout=120) as c:
                        it = itertools.cycle(url_list[k::clients] or url_list)
                        for _ in range(requests_per_client):
                            t = time.perf_counter()
                            c.get(next(it)).raise_for_status()
                            with lock:
                                lat.append((time.perf_counter() - t) * 1000)

                t0 = time.perf_counter()
                ts = [threading.Thread(target=work, args=(k,)) for k in range(clients)]
                for t in ts:
                    t.start()
                for t in ts:
                    t.join()
                wall = time.perf_counter() - t0
                lat.sort()
                rows.append((name, workers, clients, statistics.median(lat), lat[min(len(lat) - 1, int(len(lat) * 0.99))],
                             len(lat) / wall))
        return rows
    finally:
        proc.terminate()
        proc.wait(20)


# ---------------------------------------------------------------- questions


class NxQuestions:
    """The strategists' questions asked of networkx over the same records: a typed
    MultiDiGraph (containment walked backwards, relations both ways) and an undirected
    simple graph for shortest paths (``nx.bidirectional_shortest_path`` restricted to the
    nodes that may stand between the ends). Not the same tie-breaks as ours; the same work."""

    def __init__(self, nodes, edges, schema):
        import networkx as nx

        self.nx, self.schema = nx, schema
        self.g = nx.MultiDiGraph()
        for n in nodes:
            self.g.add_node(n.id, type=n.type, sub=schema.subtype(n), date=schema.node_date(n))
        for e in edges:
            self.g.add_edge(e.source, e.target, key=e.id, type=e.type)
        self.u = nx.Graph(self.g)
        via = set(schema.partner_via)
        self.passable = {n.id for n in nodes if n.type in via or f"{n.type}:{schema.subtype(n)}" in via}
        self.contain = set(schema.edge_types_with("containment"))
        self.actor = {t for t, d in schema.nodes.items() if d.hints.get("partner_path") is True} - set(schema.types_with("links_parties"))
        self.topic = {t for t, d in schema.nodes.items() if not d.hints.get("partner_path")} - {"Document"}
        self.linking = set(schema.types_with("links_parties"))

    def inside(self, region):
        seen, f = {region}, [region]
        while f:
            nxt = []
            for v in f:
                for u, _v, t in self.g.in_edges(v, data="type"):
                    if t in self.contain and u not in seen:
                        seen.add(u)
                        nxt.append(u)
            f = nxt
        return seen

    def list_type(self, type_, kind, limit=50):
        return sorted(n for n, d in self.g.nodes(data=True) if d["type"] == type_ and d["sub"] == kind)[:limit]

    def list_in(self, region, limit=50):
        return sorted(self.inside(region) - {region})[:limit]

    def related(self, type_, edge, thing_type, region, limit=50):
        inside = self.inside(region)
        out = set()
        for m in inside:
            for t in self.u.neighbors(m):
                if self.g.nodes[t]["type"] != thing_type:
                    continue
                parties = [p for p in self.u.neighbors(t)
                           if any(d["type"] == edge for d in (self.g.get_edge_data(p, t) or self.g.get_edge_data(t, p)).values())]
                for p in parties:
                    if self.g.nodes[p]["type"] == type_ and any(q != p and q in inside for q in parties):
                        out.add(p)
        return sorted(out)[:limit]

    def path(self, x, y, max_hops=6):
        view = self.nx.subgraph_view(self.u, filter_node=lambda v: v in self.passable or v == x or v == y)
        try:
            p = self.nx.bidirectional_shortest_path(view, x, y)
        except self.nx.NetworkXNoPath:
            return None
        return p if len(p) - 1 <= max_hops else None

    def actors(self, region):
        return sorted(v for v in self.inside(region) if self.g.nodes[v]["type"] in self.actor)

    def brokers(self, a, b, sample=200):
        from graph.query.brokers import sample_pairs

        xs, ys = self.actors(a), self.actors(b)
        both = set(xs) & set(ys)
        counts = {}
        for x, y in sample_pairs([x for x in xs if x not in both], [y for y in ys if y not in both], sample):
            p = self.path(x, y)
            for v in (p or [])[1:-1]:
                if self.g.nodes[v]["type"] in self.actor:
                    counts[v] = counts.get(v, 0) + 1
        return sorted(counts, key=lambda v: (-counts[v], v))[:20]

    def recommend(self, me, region, topic, limit=10):
        def topics(v):
            out = set()
            for w in self.u.neighbors(v):
                t = self.g.nodes[w]["type"]
                if t in self.topic:
                    out.add(w)
                elif t in self.linking:
                    out.update(z for z in self.u.neighbors(w) if self.g.nodes[z]["type"] in self.topic)
            return out

        mine = topics(me)
        scored = []
        for c in self.actors(region):
            if c == me:
                continue
            ts = topics(c)
            dates = [self.g.nodes[w]["date"] for w in self.u.neighbors(c) if self.g.nodes[w]["type"] in self.linking]
            score = 2 * (topic in ts) + min(1, len(ts & mine) / 3) + (self.g.nodes[c]["sub"] == self.g.nodes[me]["sub"]) \
                + 0.5 * min(1, sum(1 for d in dates if d and d >= "2022") / 3)
            scored.append((-score, c))
        scored.sort()
        top = [c for _s, c in scored[: 3 * limit]]
        return [(c, self.path(me, c)) for c in top][:limit]

    def communities(self):
        g = self.u.subgraph(v for v in self.u if v in self.passable)
        return self.nx.community.louvain_communities(g, seed=42)


NX_LOUVAIN_MAX_EDGES = 200_000  # networkx Louvain took 330 s at 100k edges on the benchmark machine


def questions(store, nodes, edges, reps: int, out: list[str], say, communities_too: bool) -> None:
    """The issue-12 questions: native, generic (over the port) and networkx, same process."""
    from graph import query

    schema = store.schema
    regions = sorted(n.id for n in nodes if n.type == "Region" and n.properties.get("level") == "country")
    a, b = regions[0], regions[1]
    me = sorted(n.id for n in nodes if n.type == "Organization")[1]
    topic = sorted(n.id for n in nodes if n.type == "Topic")[1]
    cases = [
        ("list: agencies (type + kind), first page", "entities", dict(type="Organization", kind="agency")),
        (f"list: everything in {a} (transitive), first page", "entities", dict(within=a)),
        (f"list: organizations party to an agreement with a party in {b}", "entities",
         dict(type="Organization", related="PARTY_TO:Agreement", counterpart_in=b)),
        (f"brokers {a} - {b} (200 sampled pairs)", "brokers", dict(a=a, b=b)),
        (f"recommend for {me} in {b} on {topic}", "recommend", dict(for_=me, within=b, topic=topic)),
    ]
    say("networkx baseline graph ...")
    t = time.perf_counter()
    nxq = NxQuestions(nodes, edges, schema)
    say(f"  built in {time.perf_counter() - t:.1f} s")
    baselines = {
        cases[0][0]: lambda: nxq.list_type("Organization", "agency"),
        cases[1][0]: lambda: nxq.list_in(a),
        cases[2][0]: lambda: nxq.related("Organization", "PARTY_TO", "Agreement", b),
        cases[3][0]: lambda: nxq.brokers(a, b),
        cases[4][0]: lambda: nxq.recommend(me, b, topic),
    }
    rows = []
    for label, name, kw in cases:
        say(f"  {label} ...")
        r = query.run(store, name, **kw)
        assert r.to_dict() == query.run(store, name, generic=True, **kw).to_dict(), f"{label}: native and generic differ"
        nat = med(lambda: query.run(store, name, **kw), reps)
        gen = med(lambda: query.run(store, name, generic=True, **kw), max(1, reps // 5))
        base = med(baselines[label], max(1, reps // 5))
        rows.append((label, nat, gen, base))
    com = None
    if communities_too:
        say("  communities (first call computes, then cached by generation) ...")
        t = time.perf_counter()
        first = query.run(store, "communities")
        t_first = (time.perf_counter() - t) * 1000
        cached = med(lambda: query.run(store, "communities"), reps)
        t_nx, n_nx = None, 0
        if len(edges) <= NX_LOUVAIN_MAX_EDGES:
            t = time.perf_counter()
            n_nx = len(nxq.communities())
            t_nx = (time.perf_counter() - t) * 1000
        com = (t_first, cached, len(first.communities), len(first.membership), t_nx, n_nx)
    out += ["", f"Strategists' questions (issue 12), load average now {os.getloadavg()[0]:.1f}:", "",
            "| question (medians, ms) | native (array index) | generic (port) | generic / native | networkx | networkx / native |",
            "|---|---:|---:|---:|---:|---:|"]
    for label, nat, gen, base in rows:
        out.append(f"| {label} | {nat:.1f} | {gen:.1f} | {gen / nat:.1f}x | {base:.1f} | {base / nat:.1f}x |")
    if com:
        nxs = (f"networkx Louvain on the partner-path subgraph alone {com[4] / 1000:.1f} s ({com[5]} communities)"
               if com[4] is not None else f"networkx Louvain not run above {NX_LOUVAIN_MAX_EDGES:,} edges")
        out += ["", f"- communities: first call (Leiden over the partner-path nodes, {com[3]:,} of them in communities "
                    f"of 2 or more; computed and cached) {com[0] / 1000:.1f} s, {com[2]} communities; cached call "
                    f"{com[1]:.2f} ms; {nxs}"]
    out.append("")


# --------------------------------------------------------------------- main


def run(n_edges: int, reps: int, out: list[str], only: str = "all", communities_too: bool = True) -> None:
    say = lambda *a: print(*a, file=sys.stderr, flush=True)  # noqa: E731
    say(f"generating {n_edges} edges ...")
    nodes, edges = generate(n_edges, seed=11)
    # the generated records stay alive for the baselines: keep them out of the garbage
    # collector's scans, as a serving process (which never holds them) would be
    gc.collect()
    gc.freeze()
    d = tempfile.mkdtemp(prefix="regiograph-bench-")
    store = EmbeddedStore(d)
    say("writing ...")
    t = time.perf_counter()
    store.write(nodes, edges)
    t_write = time.perf_counter() - t
    store.close()
    if only == "questions":
        store = EmbeddedStore(d)
        out += [f"### {len(edges):,} edges, {len(nodes):,} nodes: the strategists' questions", "",
                f"- ingest (prepared records, one durable transaction): {t_write:.1f} s"]
        questions(store, nodes, edges, reps, out, say, communities_too)
        store.close()
        return
    rnd = random.Random(5)
    orgs = sorted(n.id for n in nodes if n.id.startswith("org:"))
    pairs = [tuple(rnd.sample(orgs, 2)) for _ in range(max(reps, 10) + 1)]
    hub = "region:c00"

    say("reopen and memory (child process) ...")
    probe = subprocess.run([sys.executable, "-c", MEMORY_PROBE.format(root=str(ROOT), path=d, hub=hub, pairs=pairs[:5])],
                           capture_output=True, text=True, check=True)
    mem = json.loads(probe.stdout.strip().splitlines()[-1])
    t = time.perf_counter()
    cli = subprocess.run([sys.executable, "-m", "regiograph.cli", "neighbors", orgs[0], "--depth", "2"],
                         capture_output=True, text=True, env={**os.environ, "REGIOGRAPH_DATA_DIR": d,
                                                               "REGIOGRAPH_LOAD_SEED": "false"})
    t_cli = time.perf_counter() - t
    if cli.returncode:
        say(cli.stderr)

    store = EmbeddedStore(d)
    say("queries ...")
    floor = CSR(nodes, edges)
    it = itertools.cycle(pairs)
    ours = {
        "2-hop of an organization (brief answer)": med(lambda: store.neighbors(orgs[1], depth=2, full=False), reps),
        "2-hop of a hub, capped at 500 (brief)": med(lambda: store.neighbors(hub, depth=2, full=False), reps),
        "k=1 path": med(lambda: store.paths(*next(it), k=1, via=PARTNER_VIA), reps),
        "k=5 paths": med(lambda: store.paths(*next(it), k=5, via=PARTNER_VIA), reps),
        "search 'agency 12'": med(lambda: store.search("agency 12"), reps),
        "connections": med(lambda: store.connections(*next(it)), max(3, reps // 3)),
        "timeline": med(lambda: store.timeline(orgs[2]), reps),
    }
    base_floor = {
        "2-hop of an organization (brief answer)": med(lambda: floor.two_hop(orgs[1]), reps),
        "2-hop of a hub, capped at 500 (brief)": med(lambda: floor.two_hop(hub), reps),
        "k=1 path": med(lambda: floor.shortest(*next(it)), reps),
    }
    say("networkx and igraph baselines ...")
    import networkx as nx

    g = nx.Graph()
    g.add_edges_from((e.source, e.target) for e in edges)
    base_nx = {
        "2-hop of an organization (brief answer)": med(lambda: nx.single_source_shortest_path_length(g, orgs[1], cutoff=2), reps),
        "2-hop of a hub, capped at 500 (brief)": med(lambda: nx.single_source_shortest_path_length(g, hub, cutoff=2), max(3, reps // 3)),
        "k=1 path": med(lambda: nx.shortest_path(g, *next(it)), reps),
        "k=5 paths": med(lambda: list(itertools.islice(nx.shortest_simple_paths(g, *next(it)), 5)), max(3, reps // 3)),
    }
    base_ig: dict[str, float] = {}
    try:
        import igraph as ig

        ixd = floor.ix
        gi = ig.Graph(n=len(nodes), edges=[(ixd[e.source], ixd[e.target]) for e in edges], directed=False)
        base_ig = {
            "2-hop of an organization (brief answer)": med(lambda: gi.neighborhood(ixd[orgs[1]], order=2), reps),
            "2-hop of a hub, capped at 500 (brief)": med(lambda: gi.neighborhood(ixd[hub], order=2), reps),
            "k=1 path": med(lambda: gi.get_shortest_paths(ixd[pairs[0][0]], ixd[pairs[0][1]]), reps),
            "k=5 paths": med(lambda: gi.get_k_shortest_paths(ixd[pairs[1][0]], ixd[pairs[1][1]], k=5), max(3, reps // 3)),
        }
    except ImportError:
        say("igraph is not installed (pip install '.[bench]'): its column stays empty")
    questions(store, nodes, edges, reps, out, say, communities_too)
    store.close()

    say("HTTP ...")
    urls = {
        "neighbours depth 2 (default answer)": [f"/api/entities/{o}/neighbors?depth=2" for o in orgs[:50]],
        "paths k=3": [f"/api/paths?source={a}&target={b}&k=3" for a, b in pairs],
    }
    http = []
    for workers in (1, 2):
        http += http_bench(d, urls, requests_per_client=max(20, reps * 2), workers=workers)

    n_e, n_n = len(edges), len(nodes)
    out += [
        f"### {n_e:,} edges, {n_n:,} nodes",
        "",
        f"- ingest (prepared records, one durable transaction): {t_write:.1f} s, {n_e / t_write:,.0f} edges/s "
        f"({(n_e + n_n) / t_write:,.0f} rows/s)",
        f"- reopen to first answer (open + depth-2 hub query, child process): {mem['first_answer_s']:.2f} s",
        f"- CLI `regiograph neighbors ORG --depth 2`, wall clock: {t_cli:.2f} s",
        f"- resident memory of a process serving queries: {mem['after_kb'] / 1024:.0f} MB in all, "
        f"{(mem['after_kb'] - mem['before_kb']) / 1024:.0f} MB for the store = "
        f"{(mem['after_kb'] - mem['before_kb']) * 1024 / n_e:.0f} B per edge "
        f"({mem['after_kb'] * 1024 / n_e:.0f} B per edge with the interpreter and libraries)",
        "",
        "| query (medians, ms) | Regiograph | CSR floor | ours / floor | networkx | igraph |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for q, v in ours.items():
        fl = base_floor.get(q)
        out.append(f"| {q} | {v:.2f} | {fl:.2f} | {v / fl:.1f}x | " if fl else f"| {q} | {v:.2f} | | | ")
        out[-1] += (f"{base_nx[q]:.2f} | " if q in base_nx else " | ") + (f"{base_ig[q]:.2f} |" if q in base_ig else " |")
    out += ["", "| HTTP | server workers | clients | p50 ms | p99 ms | requests/s |", "|---|---:|---:|---:|---:|---:|"]
    for name, workers, clients, p50, p99, rate in http:
        out.append(f"| {name} | {workers} | {clients} | {p50:.1f} | {p99:.1f} | {rate:.0f} |")
    out.append("")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--edges", type=int, action="append", help="graph sizes (repeatable; default 100000)")
    ap.add_argument("--reps", type=int, default=20)
    ap.add_argument("--out", type=Path, help="also write the report to this file")
    ap.add_argument("--only", choices=("all", "questions"), default="all",
                    help="'questions': only the strategists' questions of issue 12 (lists, brokers, recommendations, communities)")
    ap.add_argument("--no-communities", action="store_true", help="skip the communities timing (minutes at 1M edges)")
    args = ap.parse_args()
    try:
        import igraph
        igv = igraph.__version__
    except ImportError:
        igv = "not installed"
    import networkx

    out = [f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, numpy "
           f"{np.__version__}, networkx {networkx.__version__}, igraph {igv}; "
           f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; load average at start {os.getloadavg()[0]:.1f}.", ""]
    for n in args.edges or [100_000]:
        run(n, args.reps, out, args.only, not args.no_communities)
    text = "\n".join(out)
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
