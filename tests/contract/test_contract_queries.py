"""Both backends answer every query of the interface identically.

For each graph (``pair`` fixture) a deterministic set of calls - normal ones,
filtered ones, small limits that force truncation, and invalid ones - runs
against the embedded and the Neo4j store; results (``to_dict``) or errors
(class and message) must be equal. Each family also checks that its cases are
not all empty, so the comparison cannot pass on trivial answers.
"""

from __future__ import annotations

import json
import random
import zlib
from typing import Any, Callable

import pytest

from graph.errors import RegiographError
from graph.store.base import PARTNER_VIA
from graph.text import fold

Call = Callable[[Any], Any]


def canon(x: Any) -> Any:
    if hasattr(x, "to_dict"):
        return x.to_dict()
    if isinstance(x, dict):
        return {k: canon(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [canon(v) for v in x]
    if isinstance(x, set):
        return sorted(x)
    return x


def outcome(call: Call, store) -> tuple:
    try:
        return ("ok", canon(call(store)))
    except RegiographError as e:
        return ("error", type(e).__name__, e.message)


def compare(pair, cases: list[tuple[str, Call]]) -> list[tuple]:
    """Run every case on both stores - and on the embedded store's generic queries, to prove
    its native ones (``native_queries``) answer alike; return the embedded outcomes, fail on
    any difference."""
    mismatches = []
    outcomes = []
    for label, call in cases:
        a = outcome(call, pair.embedded)
        b = outcome(call, pair.neo4j)
        g = outcome(call, pair.generic)
        outcomes.append(a)
        if a != b:
            mismatches.append((label, "embedded", a, "neo4j", b))
        elif a != g:
            mismatches.append((label, "embedded native", a, "embedded generic", g))
    if mismatches:
        label, na, a, nb, b = mismatches[0]
        pytest.fail(
            f"{len(mismatches)} of {len(cases)} calls differ on graph '{pair.graph}'; first: {label}\n"
            f"{na}: {json.dumps(a, ensure_ascii=False)[:1500]}\n"
            f"{nb}: {json.dumps(b, ensure_ascii=False)[:1500]}"
        )
    return outcomes


def rng(pair, family: str) -> random.Random:
    return random.Random(zlib.crc32(f"{pair.graph}/{family}".encode()))


def node_ids(pair) -> list[str]:
    return [n.id for n in pair.embedded.iter_nodes()]


def some_date(r: random.Random) -> str:
    return f"{r.randint(2012, 2025)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}"


def test_primitives_agree(pair):
    r = rng(pair, "primitives")
    ids = node_ids(pair)
    eids = [e.id for e in pair.embedded.iter_edges()]
    some = r.sample(ids, min(25, len(ids))) + ["org:does-not-exist"]
    some_e = r.sample(eids, min(25, len(eids))) + ["org:a|PART_OF|org:b", "not-an-edge-id"]
    nodes = pair.embedded.get_nodes(some)
    cases: list[tuple[str, Call]] = [
        ("stats", lambda s: s.stats()),
        ("iter_nodes", lambda s: list(s.iter_nodes())),
        ("iter_edges", lambda s: list(s.iter_edges())),
        ("get_nodes", lambda s: s.get_nodes(some)),
        ("get_edges", lambda s: s.get_edges(some_e)),
        ("get_nodes empty", lambda s: s.get_nodes([])),
        ("get_node missing", lambda s: s.get_node("topic:nope")),
    ]
    for n in nodes.values():
        names = [fold(x) for x in n.all_names()] + ["no such name at all"]
        cases.append((f"find_by_names {n.id}", lambda s, n=n, names=names: s.find_by_names(n.type, names)))
        cases.append((f"find_by_names other type {n.id}", lambda s, names=names: s.find_by_names("Person", names)))
    out = compare(pair, cases)
    assert out[0][1]["total_nodes"] == len(ids) and len(out[1][1]) == len(ids)
    assert len(out[4][1]) == len(some_e) - 2  # every existing edge found, the two made-up ones not
    assert any(o[1] for o in out[7:] if o[0] == "ok"), "no name lookup found anything"


def test_search_agrees(pair):
    r = rng(pair, "search")
    nodes = list(pair.embedded.iter_nodes())
    queries: list[tuple[str, dict]] = []
    for n in r.sample(nodes, min(30, len(nodes))):
        name = r.choice(n.all_names())
        words = name.split()
        queries.append((name, {}))
        queries.append((words[0][:3], {}))
        queries.append((" ".join(w[:4] for w in words[:2]), {"limit": 3}))
        queries.append((name, {"types": [n.type]}))
        if len(name) > 6:  # a typo for the fuzzy tier
            i = r.randrange(1, len(name) - 1)
            queries.append((name[:i] + name[i + 1 :], {}))
    queries += [
        ("strasse", {}), ("Straße", {}), ("boesenberg", {}), ("Bösenberg", {}), ("부산", {}), ("C++", {}),
        ("AI/ML", {}), ('"quoted" (paren) [x]', {}), ("sa", {"types": ["Region", "Organization"]}), ("s", {"limit": 1}),
        ("", {}), ("!!!", {}), ("x" * 201, {}), ("saxony", {"limit": 0}), ("saxony", {"types": ["Planet"]}),
        ("saxony", {"types": []}),
    ]
    cases = [(f"search {q!r} {kw}", lambda s, q=q, kw=kw: s.search(q, **kw)) for q, kw in queries]
    out = compare(pair, cases)
    assert sum(1 for o in out if o[0] == "ok" and o[1]) >= len(out) // 3, "too few searches found anything"
    assert any(o[0] == "error" for o in out)


def test_neighbors_agree(pair):
    r = rng(pair, "neighbors")
    ids = node_ids(pair)
    schema = pair.embedded.schema
    edge_types, node_types = sorted(schema.edges), sorted(schema.nodes)
    cases: list[tuple[str, Call]] = []
    for nid in r.sample(ids, min(25, len(ids))):
        for depth in (1, 2, 3):
            cases.append((f"nb {nid} d{depth}", lambda s, nid=nid, d=depth: s.neighbors(nid, depth=d)))
        kw = {
            "depth": r.randint(1, 3),
            "edge_types": r.sample(edge_types, r.randint(1, 6)) if r.random() < 0.5 else None,
            "node_types": r.sample(node_types, r.randint(1, 5)) if r.random() < 0.5 else None,
            "as_of": some_date(r) if r.random() < 0.6 else None,
            "limit": r.choice([1, 3, 10, 500]),
            "full": r.random() < 0.6,
        }
        cases.append((f"nb {nid} {kw}", lambda s, nid=nid, kw=kw: s.neighbors(nid, **kw)))
    nid = ids[0]
    cases += [
        ("nb missing", lambda s: s.neighbors("org:nope")),
        ("nb depth 4", lambda s: s.neighbors(nid, depth=4)),
        ("nb limit 0", lambda s: s.neighbors(nid, limit=0)),
        ("nb bad type", lambda s: s.neighbors(nid, edge_types=["LIKES"])),
        ("nb bad date", lambda s: s.neighbors(nid, as_of="2020-13-01")),
        ("nb partial date", lambda s: s.neighbors(nid, depth=2, as_of="2019-06")),
        ("nb empty edge types", lambda s: s.neighbors(nid, edge_types=[])),
        ("nb empty node types", lambda s: s.neighbors(nid, node_types=[])),
    ]
    out = compare(pair, cases)
    oks = [o[1] for o in out if o[0] == "ok"]
    assert any(len(o["nodes"]) > 3 for o in oks), "no neighbourhood had more than three nodes"
    assert any(o["truncated"] for o in oks), "no case hit the limit"


def test_paths_agree(pair):
    r = rng(pair, "paths")
    ids = node_ids(pair)
    schema = pair.embedded.schema
    edge_types = sorted(schema.edges)
    vias = [None, PARTNER_VIA, ["Organization", "Region:state"], []]
    cases: list[tuple[str, Call]] = []
    for _ in range(40):
        a, b = r.sample(ids, 2)
        cases.append((f"paths {a} {b}", lambda s, a=a, b=b: s.paths(a, b)))
        kw = {
            "k": r.choice([1, 2, 5, 10]),
            "max_hops": r.choice([1, 2, 3, 4, 6, 8]),
            "edge_types": r.sample(edge_types, r.randint(3, 10)) if r.random() < 0.3 else None,
            "as_of": some_date(r) if r.random() < 0.4 else None,
            "via": r.choice(vias),
        }
        cases.append((f"paths {a} {b} {kw}", lambda s, a=a, b=b, kw=kw: s.paths(a, b, **kw)))
    a, b = ids[0], ids[1]
    cases += [
        ("paths same", lambda s: s.paths(a, a)),
        ("paths missing source", lambda s: s.paths("org:nope", b)),
        ("paths missing target", lambda s: s.paths(a, "org:nope")),
        ("paths k 0", lambda s: s.paths(a, b, k=0)),
        ("paths hops 9", lambda s: s.paths(a, b, max_hops=9)),
        ("paths bad via", lambda s: s.paths(a, b, via=["Planet"])),
        ("paths bad subtype", lambda s: s.paths(a, b, via=["Region:galaxy"])),
    ]
    out = compare(pair, cases)
    found = [o[1] for o in out if o[0] == "ok" and o[1]["paths"]]
    assert len(found) >= 5, "too few path queries found a path"
    assert any(o["count"] > 1 for o in found), "no query found several paths"


def test_connections_and_timeline_agree(pair):
    r = rng(pair, "connections")
    ids = node_ids(pair)
    cases: list[tuple[str, Call]] = []
    for _ in range(25):
        a, b = r.sample(ids, 2)
        as_of = some_date(r) if r.random() < 0.4 else None
        limit = r.choice([1, 2, 50])
        cases.append((f"conn {a} {b} {as_of} {limit}", lambda s, a=a, b=b, o=as_of, lim=limit: s.connections(a, b, as_of=o, limit=lim)))
        cases.append((f"timeline {a}", lambda s, a=a: s.timeline(a)))
        cases.append((f"timeline {a} {b}", lambda s, a=a, b=b: s.timeline(a, other=b)))
        cases.append((f"timeline {a} limit 2", lambda s, a=a: s.timeline(a, limit=2)))
    a = ids[0]
    cases += [
        ("conn same", lambda s: s.connections(a, a)),
        ("conn missing", lambda s: s.connections(a, "org:nope")),
        ("conn limit 0", lambda s: s.connections(a, ids[1], limit=0)),
        ("timeline missing", lambda s: s.timeline("org:nope")),
        ("timeline missing other", lambda s: s.timeline(a, other="org:nope")),
        ("timeline same", lambda s: s.timeline(a, other=a)),
        ("timeline limit 0", lambda s: s.timeline(a, limit=0)),
    ]
    out = compare(pair, cases)
    oks = [o[1] for o in out if o[0] == "ok"]
    assert any(o.get("items") for o in oks), "no timeline had items"
    assert any(o.get("common_neighbors") or o.get("shortest_path") for o in oks), "no two nodes were connected"


def test_periods_and_directed_primitives_agree(pair):
    """Issue 12: year/month periods and since/until on every query, and the primitives
    the new queries use (``edges_at``, ``nodes_of_type``)."""
    r = rng(pair, "periods")
    ids = node_ids(pair)
    schema = pair.embedded.schema
    cases: list[tuple[str, Call]] = []
    for _ in range(15):
        a, b = r.sample(ids, 2)
        y = str(r.randint(2012, 2025))
        m = f"{y}-{r.randint(1, 12):02d}"
        cases.append((f"nb {a} as_of {y}", lambda s, a=a, y=y: s.neighbors(a, depth=2, as_of=y)))
        cases.append((f"nb {a} as_of {m}", lambda s, a=a, m=m: s.neighbors(a, depth=2, as_of=m)))
        cases.append((f"nb {a} since {y}", lambda s, a=a, y=y: s.neighbors(a, depth=2, since=y)))
        cases.append((f"paths {a} {b} until {m}", lambda s, a=a, b=b, m=m: s.paths(a, b, until=m, via=PARTNER_VIA)))
        cases.append((f"conn {a} {b} {y}", lambda s, a=a, b=b, y=y: s.connections(a, b, as_of=y)))
        cases.append((f"timeline {a} since {y}", lambda s, a=a, y=y: s.timeline(a, since=y)))
        some = r.sample(ids, min(8, len(ids)))
        for d in ("in", "out", "both"):
            et = r.sample(sorted(schema.edges), 4) if r.random() < 0.5 else None
            span = (f"{y}-01-01", f"{y}-12-31") if r.random() < 0.3 else None
            cases.append((f"edges_at {d} {some} {et} {span}", lambda s, some=some, d=d, et=et, span=span:
                          s.edges_at(some, et, d, span, 1000)))
    for t in sorted(schema.nodes):
        cases.append((f"nodes_of_type {t}", lambda s, t=t: s.nodes_of_type(t, None, "", 1000)))
        cases.append((f"nodes_of_type {t} page", lambda s, t=t: s.nodes_of_type(t, None, ids[len(ids) // 2], 3)))
    cases += [
        ("nodes_of_type sub", lambda s: s.nodes_of_type("Organization", "agency", "", 1000)),
        ("nb as_of and since", lambda s: s.neighbors(ids[0], as_of="2020", since="2019")),
        ("timeline since after until", lambda s: s.timeline(ids[0], since="2022", until="2021")),
    ]
    out = compare(pair, cases)
    oks = [o[1] for o in out if o[0] == "ok"]
    assert any(isinstance(o, list) and o for o in oks), "no primitive call found anything"
    assert any(isinstance(o, dict) and len(o.get("nodes", [])) > 2 for o in oks), "no period neighbourhood"


def test_lists_agree(pair):
    """Issue 12: lists and filters (type, kind, region, relation with counterpart, dates,
    properties, sorts and cursor pages) give the same answers on both stores."""
    from graph import query

    r = rng(pair, "lists")
    schema = pair.embedded.schema
    nodes = list(pair.embedded.iter_nodes())
    regions = sorted(n.id for n in nodes if n.type == "Region")
    linking = schema.types_with("links_parties")
    cases: list[tuple[str, Call]] = []

    def q(**kw):
        return lambda s: query.run(s, "entities", **kw)

    for t in sorted(schema.nodes):
        cases.append((f"type {t}", q(type=t, limit=500)))
        cases.append((f"type {t} label page", q(type=t, sort="label", limit=3)))
        cases.append((f"type {t} date", q(type=t, sort="date", since="2018", limit=20)))
    for reg in r.sample(regions, min(8, len(regions))):
        cases.append((f"in {reg}", q(within=reg, limit=500)))
        for lt in linking:
            for et in sorted(e for e, d in schema.edges.items() if lt in d.target):
                cases.append((f"{et}:{lt} counterpart {reg}", q(related=f"{et}:{lt}", counterpart_in=reg, limit=500)))
    for lt in linking:
        for et in sorted(e for e, d in schema.edges.items() if lt in d.target):
            cases.append((f"{et}:{lt}", q(related=f"{et}:{lt}", limit=500)))
            cases.append((f"{et}:{lt} 2020", q(related=f"{et}:{lt}", since="2020", until="2022", limit=500)))
    def second_page(**kw):  # follow the cursor of the first page (each store its own)
        return lambda s: query.run(s, "entities", **kw, cursor=query.run(s, "entities", **kw).next_cursor)

    for reg in regions[:3]:
        cases.append((f"in {reg} page 2", second_page(within=reg, limit=2)))
        cases.append((f"in {reg} page 2 by label", second_page(within=reg, limit=2, sort="label")))
    cases += [
        ("type page 2", second_page(type="Organization", limit=2)),
        ("kind", q(type="Organization", kind="agency", limit=500)),
        ("where", q(type="Region", where=["level:state"], limit=500)),
        ("bad", q(type="Planet")),
        ("missing region", q(within="region:nope")),
    ]
    out = compare(pair, cases)
    oks = [o[1] for o in out if o[0] == "ok"]
    assert any(o["total"] > 3 for o in oks), "no list had more than three entities"
    assert any(o["items"] and o["items"][0]["why"] and o["items"][0]["why"][0]["edges"] for o in oks), "no reasons"


def test_trade_agrees(pair):
    """Issue 12: trade series (figures in euros, direction seen from ``a``) agree."""
    from graph import query

    r = rng(pair, "trade")
    regions = sorted(n.id for n in pair.embedded.iter_nodes() if n.type == "Region")
    flows = sorted({(e.source, e.target) for e in pair.embedded.iter_edges() if e.type == "TRADES_WITH"})
    pairs = r.sample(flows, min(10, len(flows))) + [tuple(r.sample(regions, 2)) for _ in range(3)]
    cases: list[tuple[str, Call]] = []
    for a, b in pairs:
        cases.append((f"trade {a} {b}", lambda s, a=a, b=b: query.run(s, "trade", a=a, b=b)))
        cases.append((f"trade {b} {a} 2020-2021", lambda s, a=a, b=b: query.run(s, "trade", a=b, b=a, from_=2020, to=2021)))
    out = compare(pair, cases)
    assert any(o[0] == "ok" and o[1]["figures"] for o in out), "no trade figures"


def test_brokers_agree(pair):
    """Issue 12: brokers between two regions (a small sample of actor pairs) agree."""
    from graph import query

    r = rng(pair, "brokers")
    regions = sorted(n.id for n in pair.embedded.iter_nodes() if n.type == "Region")
    cases: list[tuple[str, Call]] = []
    for _ in range(4):
        a, b = r.sample(regions, 2)
        cases.append((f"brokers {a} {b}", lambda s, a=a, b=b: query.run(s, "brokers", a=a, b=b, sample=12)))
    if pair.graph == "seed":
        cases.append(("brokers sn kr", lambda s: query.run(s, "brokers", a="region:de-sn", b="region:kr", sample=20)))
    out = compare(pair, cases)
    assert all(o[0] == "ok" for o in out)


def test_changes_agree(pair):
    """Issue 12: what changed since a date (facts by citing document) agrees."""
    from graph import query

    cases: list[tuple[str, Call]] = [
        (f"changes {since}", lambda s, since=since: query.run(s, "changes", since=since))
        for since in ("2000", "2019-09", "2022-05-17", "2023", "2030")
    ]
    regions = sorted(n.id for n in pair.embedded.iter_nodes() if n.type == "Region")[:3]
    cases += [(f"changes about {r_}", lambda s, r_=r_: query.run(s, "changes", since="2015", about=r_, limit=20))
              for r_ in regions]
    out = compare(pair, cases)
    assert all(o[0] == "ok" for o in out)


def test_communities_and_recommendations_agree(pair):
    """Issue 12: communities (same clusters from the same graph) and recommendations agree;
    the generation token changes with a write on both stores."""
    from graph import query

    r = rng(pair, "recommend")
    nodes = list(pair.embedded.iter_nodes())
    regions = sorted(n.id for n in nodes if n.type == "Region")
    actors = sorted(n.id for n in nodes if n.type in ("Organization", "Company"))
    topics = sorted(n.id for n in nodes if n.type == "Topic")
    def clusters(s):  # the generation token is each store's own
        return {k: v for k, v in query.run(s, "communities", min_size=1, limit=1000).to_dict().items() if k != "generation"}

    cases: list[tuple[str, Call]] = [("communities", clusters)]
    for _ in range(3):
        a, reg = r.choice(actors), r.choice(regions)
        t = r.choice(topics) if topics and r.random() < 0.6 else None
        cases.append((f"recommend {a} {reg} {t}", lambda s, a=a, reg=reg, t=t:
                      query.run(s, "recommend", for_=a, within=reg, topic=t, limit=5)))
    if pair.graph == "seed":
        cases.append(("recommend wfs", lambda s: query.run(s, "recommend", for_="org:wfs", within="region:kr",
                                                           topic="topic:hydrogen")))
    out = compare(pair, cases)
    assert out[0][0] == "ok" and out[0][1]["count"] > 1
    assert pair.embedded.generation() == pair.embedded.generation()
    assert pair.neo4j.generation() == pair.neo4j.generation()
