"""Storage primitives and graph answers checked per backend (``store`` runs once
per backend): upserts replace, names are found by every fold variant, loads are
idempotent, and path/neighbour distances match networkx on an undirected copy."""

from __future__ import annotations

import random

import networkx as nx

from graph.generate import generate
from graph.model import Edge, Node, Source
from graph.text import fold

from .graphs import tricky_graph

SRC = (Source("doc:t", "p1"),)


def _doc() -> Node:
    return Node("doc:t", "Document", {"en": "Test document"}, properties={"title": "t"})


def test_write_then_read_back_exactly(store):
    nodes, edges = tricky_graph(store.schema, seed=5, n_nodes=30, n_edges=50)
    store.write(nodes, edges)
    assert [n.to_dict() for n in store.iter_nodes()] == [n.to_dict() for n in sorted(nodes, key=lambda n: n.id)]
    assert [e.to_dict() for e in store.iter_edges()] == [e.to_dict() for e in edges]
    got = store.get_nodes([nodes[3].id, "org:missing", nodes[7].id])
    assert list(got) == [nodes[3].id, nodes[7].id] and got[nodes[3].id] == nodes[3]
    assert store.get_edges([edges[0].id, "x|Y|z"]) == {edges[0].id: edges[0]}
    stats = store.stats()
    assert sum(stats.nodes.values()) == len(nodes) and sum(stats.edges.values()) == len(edges)


def test_write_replaces_what_is_stored_under_an_id(store):
    old = Node("org:wfs", "Organization", {"de": "Wirtschaftsförderung Sachsen"}, {"en": ("WFS",)},
               {"kind": "agency"}, "1991", None, SRC)
    store.write([_doc(), old], [])
    assert store.find_by_names("Organization", ["wirtschaftsforderung sachsen"]) == {"wirtschaftsforderung sachsen": {"org:wfs"}}
    new = Node("org:wfs", "Organization", {"en": "Saxony Economic Development"}, {}, {"kind": "agency", "acronym": "WFS"},
               None, None, SRC)
    store.write([new], [])
    assert store.get_node("org:wfs") == new
    assert store.find_by_names("Organization", ["wirtschaftsforderung sachsen", "wfs"]) == {}
    assert [h.node.id for h in store.search("saxony economic")] == ["org:wfs"]
    assert store.search("wirtschaftsforderung") == []
    # a node may even change its type; counts follow
    store.write([Node("org:wfs", "Topic", {"en": "Now a topic"}, properties={"kind": "policy"}, sources=SRC)], [])
    assert store.stats().nodes == {"Document": 1, "Topic": 1}
    assert store.find_by_names("Topic", ["now a topic"]) == {"now a topic": {"org:wfs"}}


def test_find_by_names_uses_every_fold_variant_and_the_type(store):
    a = Node("person:a", "Person", {"de": "Jürgen Bösenberg"}, {"ko": ("뵈젠베르크",)}, sources=SRC)
    b = Node("org:b", "Organization", {"en": "Bosenberg"}, properties={"kind": "other"}, sources=SRC)
    c = Node("person:c", "Person", {"en": "Juergen Boesenberg"}, sources=SRC)
    store.write([_doc(), a, b, c], [])
    got = store.find_by_names("Person", ["jurgen bosenberg", "juergen boesenberg", "뵈젠베르크", "bosenberg", "nobody"])
    assert got == {
        "jurgen bosenberg": {"person:a"},
        "juergen boesenberg": {"person:a", "person:c"},
        "뵈젠베르크": {"person:a"},
    }
    assert store.find_by_names("Organization", ["bosenberg"]) == {"bosenberg": {"org:b"}}
    assert store.find_by_names("Organization", []) == {}


def test_loading_the_same_edges_twice_changes_nothing(store):
    nodes, edges = generate(n_edges=300, seed=3)
    store.write(nodes, edges)
    before = (store.stats().to_dict(), [e.to_dict() for e in store.iter_edges()])
    store.write(nodes, edges)
    assert (store.stats().to_dict(), [e.to_dict() for e in store.iter_edges()]) == before
    store.clear()
    assert store.stats().to_dict()["total_nodes"] == 0 and list(store.iter_edges()) == []


def test_progress_reports_every_row(store):
    nodes, edges = generate(n_edges=200, seed=4)
    seen: list[tuple[int, int]] = []
    store.write(nodes, edges, progress=lambda done, total: seen.append((done, total)))
    assert seen and seen[-1] == (len(nodes) + len(edges), len(nodes) + len(edges))
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def _undirected(store) -> nx.Graph:
    g = nx.Graph()
    g.add_nodes_from(n.id for n in store.iter_nodes())
    g.add_edges_from((e.source, e.target) for e in store.iter_edges())
    return g


def test_path_lengths_match_networkx(store):
    nodes, edges = tricky_graph(store.schema, seed=21, n_nodes=70, n_edges=110)
    store.write(nodes, edges)
    g = _undirected(store)
    r = random.Random(21)
    ids = sorted(g.nodes)
    connected = 0
    for _ in range(60):
        s, t = r.sample(ids, 2)
        max_hops = r.choice([2, 4, 8])
        res = store.paths(s, t, k=4, max_hops=max_hops)
        try:
            dist = nx.shortest_path_length(g, s, t)
        except nx.NetworkXNoPath:
            dist = None
        if dist is None or dist > max_hops:
            assert res.paths == [], (s, t, dist, max_hops)
            continue
        connected += 1
        assert res.paths and res.paths[0].length == dist, (s, t)
        seqs = [tuple(p.node_ids()) for p in res.paths]
        assert len(set(seqs)) == len(seqs), "paths are distinct by node sequence"
        for p in res.paths:
            ids_ = p.node_ids()
            assert len(set(ids_)) == len(ids_), "paths are simple"
            assert ids_[0] == s and ids_[-1] == t and p.length <= max_hops
            for hop, a, b in zip(p.hops, ids_, ids_[1:]):
                assert {hop.edge.source, hop.edge.target} == {a, b} and (hop.from_id, hop.to_id) == (a, b)
        assert [p.length for p in res.paths] == sorted(p.length for p in res.paths)
        # every simple path networkx knows that is shorter than the last one returned was returned
        if len(res.paths) < 4:
            everything = {tuple(x) for x in nx.all_simple_paths(g, s, t, cutoff=max_hops)}
            assert everything == set(seqs), (s, t)
    assert connected >= 10


def test_neighbourhoods_match_networkx(store):
    nodes, edges = tricky_graph(store.schema, seed=22, n_nodes=70, n_edges=120)
    store.write(nodes, edges)
    g = _undirected(store)
    for centre in sorted(g.nodes)[::7]:
        for depth in (1, 2, 3):
            sub = store.neighbors(centre, depth=depth, limit=5000)
            want = nx.single_source_shortest_path_length(g, centre, cutoff=depth)
            assert [n.id for n in sub.nodes] == sorted(want, key=lambda i: (want[i], i))
            inside = set(want)
            assert {e.id for e in sub.edges} == {e.id for e in edges if e.source in inside and e.target in inside}
            assert not sub.truncated and sub.omitted_nodes == 0


def test_search_ranks_exact_before_prefix_before_words(store):
    names = ["Saxony", "Saxony Trade", "Free State of Saxony", "Saxonia"]
    nodes = [_doc()] + [
        Node(f"region:r{i}", "Region", {"en": n}, properties={"level": "state"}, sources=SRC) for i, n in enumerate(names)
    ]
    store.write(nodes, [])
    hits = store.search("saxony")
    assert [h.matched for h in hits] == ["Saxony", "Saxony Trade", "Free State of Saxony"]
    assert hits[0].score == 1.0 and hits[1].score > hits[2].score
    assert [h.node.id for h in store.search("saxonyy")] == ["region:r0"]  # fuzzy tier only when nothing else matched
    assert fold("Saxonia") not in {fold(h.matched) for h in hits}


def test_edges_keep_their_direction_in_hops(store):
    s = [_doc(),
         Node("region:a", "Region", {"en": "A"}, properties={"level": "state"}, sources=SRC),
         Node("org:b", "Organization", {"en": "B"}, properties={"kind": "agency"}, sources=SRC)]
    e = Edge("org:b|LOCATED_IN|region:a", "LOCATED_IN", "org:b", "region:a", sources=SRC)
    store.write(s, [e])
    hop = store.paths("region:a", "org:b").paths[0].hops[0]
    assert (hop.from_id, hop.to_id, hop.direction) == ("region:a", "org:b", "backward")


def test_parallel_edges_do_not_multiply_path_work(store):
    """A 4 x 6 grid of regions, twelve trade flows between each pair of
    neighbours: corner to corner there are C(8, 3) = 56 shortest routes but
    12^8 ways to pick one flow per hop. Paths are counted by node sequence, so
    the answer must come quickly and hold only distinct routes."""
    import time

    from graph.model import edge_id

    grid = [[f"region:g{i}-{j}" for j in range(6)] for i in range(4)]
    nodes = [_doc()] + [Node(n, "Region", {"en": n}, properties={"level": "city"}, sources=SRC) for row in grid for n in row]
    edges = []
    for i in range(4):
        for j in range(6):
            for a, b in ((grid[i][j], grid[i][j + 1] if j < 5 else None), (grid[i][j], grid[i + 1][j] if i < 3 else None)):
                if b is None:
                    continue
                for year in range(2018, 2024):
                    for direction in ("export", "import"):
                        props = {"year": year, "direction": direction, "value": 1.0, "currency": "EUR", "unit": "million"}
                        edges.append(Edge(edge_id(a, "TRADES_WITH", b, [year, direction]), "TRADES_WITH", a, b, props, sources=SRC))
    store.write(nodes, edges)
    started = time.monotonic()
    res = store.paths(grid[0][0], grid[3][5], k=10, max_hops=8)
    assert time.monotonic() - started < 60  # the relationship-level search took over ten minutes
    seqs = [tuple(p.node_ids()) for p in res.paths]
    assert len(seqs) == 10 == len(set(seqs)) and all(len(s) == 9 for s in seqs)
    assert seqs == sorted(seqs)  # equal length and cost: ordered by node ids
    assert all(h.edge.id.endswith("|2018|export") for p in res.paths for h in p.hops)  # first edge by (cost, type, id)


def test_identifiers_are_found_and_merged_on_every_backend(store):
    """graph.identity looks identifiers up through find_by_names ('#scheme=VALUE' keys):
    a record with a known LEI joins its node whatever its name; search is not disturbed."""
    from graph import identity
    from graph.model import Batch, NodeRecord

    a = Node("company:a", "Company", {"de": "Alpha Werke GmbH"},
             properties={"lei": "529900TESTALPHA00001", "register_id": "RA000201/HRB 12"}, sources=SRC)
    store.write([_doc(), a], [])
    key = identity.key("lei", "529900TESTALPHA00001")
    assert store.find_by_names("Company", [key]) == {key: {"company:a"}}
    reg = identity.key("register_id", "RA000201/HRB 12")
    assert store.find_by_names("Company", [reg]) == {reg: {"company:a"}}
    assert store.find_by_names("Organization", [key]) == {}
    report = store.load(Batch(nodes=[NodeRecord(type="Company", name={"en": "Alpha Works Ltd"},
                                                properties={"lei": "529900TESTALPHA00001"},
                                                sources=[{"document": "doc:t"}])]))
    assert report.nodes_updated == 1 and report.nodes_created == 0
    assert store.get_node("company:a").name == {"de": "Alpha Werke GmbH", "en": "Alpha Works Ltd"}
    assert [h.node.id for h in store.search("alpha works")] == ["company:a"]
    assert store.search("529900TESTALPHA00001") == []


def test_name_and_identifier_keys_are_found_exactly(store):
    """find_by_names matches whole keys only (no phrase inside a longer name, no unfolded
    spelling), identifier keys as well as names; nodes_by_keys gives each node once, by id;
    a deleted node's keys match nothing."""
    from graph import identity

    org = Node("org:wfs", "Organization", {"de": "Wirtschaftsförderung Sachsen GmbH"}, {"en": ("WFS",)},
               {"kind": "agency"}, sources=SRC)
    region = Node("region:de-sn", "Region", {"de": "Sachsen"}, properties={"level": "state", "iso_3166": "DE-SN"},
                  sources=SRC)
    company = Node("company:a", "Company", {"en": "Sachsen Holding"}, properties={"lei": "529900TESTALPHA00001"},
                   sources=SRC)
    store.write([_doc(), org, region, company], [])
    lei, iso = identity.key("lei", "529900TESTALPHA00001"), identity.key("iso_3166", "DE-SN")
    assert store.find_by_names("Organization", ["wirtschaftsforderung sachsen gmbh", "wirtschaftsforderung sachsen",
                                                "sachsen", "gmbh", "Wirtschaftsförderung Sachsen GmbH", "wfs"]) == {
        "wirtschaftsforderung sachsen gmbh": {"org:wfs"}, "wfs": {"org:wfs"}}
    assert store.find_by_names("Region", ["sachsen", iso, iso.upper(), "#iso_3166=de"]) == {
        "sachsen": {"region:de-sn"}, iso: {"region:de-sn"}}
    assert store.find_by_names("Company", [lei, lei[:-1], "sachsen holding", "sachsen"]) == {
        lei: {"company:a"}, "sachsen holding": {"company:a"}}
    assert [n.id for n in store.nodes_by_keys(["sachsen holding", lei, "wfs", "sachsen", "wirtschaftsforderung sachsen gmbh"])] \
        == ["company:a", "org:wfs", "region:de-sn"]
    store.delete(["company:a"], [])
    assert store.find_by_names("Company", [lei, "sachsen holding"]) == {}
    assert store.nodes_by_keys([lei]) == []


def test_keys_written_in_a_transaction_are_found_in_it_and_gone_after_a_rollback(store):
    """A streamed load resolves later chunks against earlier ones inside one write
    transaction: the keys it wrote are found there, and nowhere once it rolls back."""
    from graph import identity

    company = Node("company:a", "Company", {"en": "Alpha Werke"}, properties={"lei": "529900TESTALPHA00001"},
                   sources=SRC)
    lei = identity.key("lei", "529900TESTALPHA00001")
    try:
        with store.writing() as w:
            w.write([_doc(), company], [])
            assert w.find_by_names("Company", [lei, "alpha werke", "alpha"]) == {lei: {"company:a"}, "alpha werke": {"company:a"}}
            raise KeyboardInterrupt  # an interruption: the whole transaction rolls back
    except KeyboardInterrupt:
        pass
    assert store.find_by_names("Company", [lei, "alpha werke"]) == {}
    assert store.get_nodes(["company:a"]) == {}
