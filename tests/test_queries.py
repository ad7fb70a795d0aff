"""Queries of the embedded store on the mini graph, and path lengths against networkx on random graphs."""

import networkx as nx
import pytest

from graph.errors import NotFoundError, QueryError
from graph.generate import generate
from graph.store.embedded import EmbeddedStore


def test_search_is_case_accent_and_language_insensitive(mini_store):
    assert mini_store.search("bayern")[0].node.id == "region:de-by"
    assert mini_store.search("BAVARIA")[0].node.id == "region:de-by"
    assert mini_store.search("erika muller")[0].node.id == "person:erika-muster"
    assert mini_store.search("Mueller")[0].node.id == "person:erika-muster"
    assert mini_store.search("日本貿易関係室")[0].node.id == "org:jtro"
    hits = mini_store.search("ja")
    assert [h.node.id for h in hits][:2] == ["region:jp", "org:jtro"]  # 'Japan' is a shorter prefix match than 'Japan Trade ...'
    assert mini_store.search("bavria")[0].node.id == "region:de-by"  # a typo falls back to fuzzy matching
    assert mini_store.search("bayern", types=["Organization"])[0].node.id == "org:bayern-intl"


def test_search_rejects_empty_and_unknown_types(mini_store):
    with pytest.raises(QueryError, match="'q' must contain"):
        mini_store.search("  !! ")
    with pytest.raises(QueryError, match="unknown type 'Planet'"):
        mini_store.search("x", types=["Planet"])


def test_neighbors_depth_filters_and_cap(mini_store):
    one = mini_store.neighbors("org:bayern-intl")
    assert {n.id for n in one.nodes} == {"org:bayern-intl", "region:de-by", "agreement:bi-jtro-mou",
                                          "person:erika-muster", "event:tokyo-mission-2023"}
    assert one.nodes[0].id == "org:bayern-intl" and not one.truncated
    only = mini_store.neighbors("org:bayern-intl", edge_types=["PARTY_TO"])
    assert {n.id for n in only.nodes} == {"org:bayern-intl", "agreement:bi-jtro-mou"}
    two = mini_store.neighbors("org:bayern-intl", depth=2, node_types=["Organization", "Agreement"])
    assert {n.id for n in two.nodes} == {"org:bayern-intl", "agreement:bi-jtro-mou", "org:jtro"}
    capped = mini_store.neighbors("org:bayern-intl", depth=3, limit=3)
    assert len(capped.nodes) == 3 and capped.truncated and capped.omitted_nodes > 0
    assert {e.source for e in capped.edges} | {e.target for e in capped.edges} <= {n.id for n in capped.nodes}


def test_neighbors_as_of(mini_store):
    later = mini_store.neighbors("person:erika-muster", as_of="2023-06-01")
    assert {n.id for n in later.nodes} == {"person:erika-muster", "agreement:bi-jtro-mou"}  # role ended 2022
    before = mini_store.neighbors("person:erika-muster", as_of="2020-06-01")
    assert {n.id for n in before.nodes} == {"person:erika-muster", "org:bayern-intl"}  # MoU not signed yet
    with pytest.raises(QueryError, match="'as_of'"):
        mini_store.neighbors("person:erika-muster", as_of="yesterday")


def test_k_shortest_paths_are_ordered_and_report_hops(mini_store):
    r = mini_store.paths("region:de-by", "org:jtro", k=4)
    assert [p.length for p in r.paths] == [2, 3, 4, 4]
    assert r.paths[0].node_ids() == ["region:de-by", "region:jp", "org:jtro"]
    assert r.paths[0].hops[0].edge.type == "TRADES_WITH"  # the first of the parallel trade edges by id
    assert r.paths[0].hops[1].direction == "backward"  # JTRO -LOCATED_IN-> Japan, walked against its direction
    assert r.paths[1].node_ids() == ["region:de-by", "org:bayern-intl", "agreement:bi-jtro-mou", "org:jtro"]
    # equal length: the stronger ties first (schema path_cost: VISITED 2, roles and signatures 1)
    assert r.paths[2].node_ids() == ["region:de-by", "org:bayern-intl", "person:erika-muster", "agreement:bi-jtro-mou", "org:jtro"]
    assert r.paths[3].node_ids() == ["region:de-by", "org:bayern-intl", "event:tokyo-mission-2023", "region:jp", "org:jtro"]
    # via: only these node types between the endpoints
    partner = mini_store.paths("region:de-by", "org:jtro", k=5, via=["Organization", "Agreement", "Person", "Event"])
    assert [p.node_ids()[1:-1] for p in partner.paths] == [
        ["org:bayern-intl", "agreement:bi-jtro-mou"],
        ["org:bayern-intl", "person:erika-muster", "agreement:bi-jtro-mou"],
    ]
    only = mini_store.paths("region:de-by", "org:jtro", k=3, edge_types=["LOCATED_IN", "PARTY_TO"])
    assert [p.node_ids() for p in only.paths] == [["region:de-by", "org:bayern-intl", "agreement:bi-jtro-mou", "org:jtro"]]
    none = mini_store.paths("region:de-by", "org:jtro", max_hops=1)
    assert none.paths == []


def test_paths_errors(mini_store):
    with pytest.raises(NotFoundError, match="node 'org:x' is not in the graph"):
        mini_store.paths("org:x", "org:jtro")
    with pytest.raises(QueryError, match="'k' must be an integer from 1 to 10"):
        mini_store.paths("region:de-by", "org:jtro", k=11)
    with pytest.raises(QueryError, match="same node"):
        mini_store.paths("org:jtro", "org:jtro")


def test_connections_and_timeline(mini_store):
    c = mini_store.connections("org:bayern-intl", "org:jtro")
    assert [n.id for n in c.common_neighbors] == ["agreement:bi-jtro-mou"]
    assert [n.id for n in c.agreements] == ["agreement:bi-jtro-mou"]
    assert [n.id for n in c.events] == []  # the mission reaches JTRO only through the country (a hub)
    assert c.shortest.length == 2
    t = mini_store.timeline("org:bayern-intl")
    assert [i.date for i in t.items] == ["2019-01-01", "2021-03-03", "2023-05-10"]
    between = mini_store.timeline("region:de-by", other="region:jp")
    assert [i.date for i in between.items] == ["2021", "2021-03-03", "2022", "2023-05-10"]


def test_stats(mini_store):
    s = mini_store.stats().to_dict()
    assert s["nodes"]["Region"] == 3 and s["edges"]["TRADES_WITH"] == 2
    assert s["total_nodes"] == 11 and s["total_edges"] == 12


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_path_lengths_match_networkx_on_random_graphs(tmp_path, seed):
    nodes, edges = generate(3_000, seed=seed, dated=False)
    store = EmbeddedStore(tmp_path)
    store.write(nodes, edges)
    ref = nx.Graph()
    ref.add_nodes_from(n.id for n in nodes)
    ref.add_edges_from((e.source, e.target) for e in edges)
    import random

    rnd = random.Random(seed)
    ids = [n.id for n in nodes if n.type != "Document"]
    for _ in range(25):
        a, b = rnd.sample(ids, 2)
        r = store.paths(a, b, k=3, max_hops=6)
        try:
            d = nx.shortest_path_length(ref, a, b)
        except nx.NetworkXNoPath:
            d = None
        if d is None or d > 6:
            assert r.paths == []
            continue
        assert r.paths[0].length == d
        lengths = [p.length for p in r.paths]
        assert lengths == sorted(lengths)
        for p in r.paths:
            ids_ = p.node_ids()
            assert len(set(ids_)) == len(ids_) and ids_[0] == a and ids_[-1] == b
            assert all(ref.has_edge(x, y) for x, y in zip(ids_, ids_[1:]))
        # all simple paths of the shortest length, in order, match networkx's
        expected = {tuple(p) for p in nx.all_shortest_paths(ref, a, b)}
        got = [tuple(p.node_ids()) for p in r.paths if p.length == d]
        assert set(got) <= expected and len(got) == min(3, len(expected))
