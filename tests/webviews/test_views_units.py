"""Pure functions of the views package: parameters, permalinks, layouts, labels."""

from __future__ import annotations

import math

import pytest

from graph.errors import QueryError
from views import labels
from views.layout import balloon_layout, compute_layout, path_layout, spring_refine
from views.params import entity_params, path_params, split_list, subgraph_params
from views.respond import accepts_gzip
from views_synth import HUB, hub_graph


def test_split_list_accepts_commas_and_repeats():
    assert split_list(["A,B", "C", "A", " "]) == ("A", "B", "C")
    assert split_list("") is None and split_list(None) is None


def test_entity_params_validate_and_round_trip():
    p = entity_params("org:wfs", depth="2", edge_types=["PARTY_TO,SIGNED"], as_of="2023-05", limit="50", lang="de", cap=300)
    # a month stays a month: the store reads it as "valid at any time in May 2023" (issue 12)
    assert (p.depth, p.edge_types, p.as_of, p.limit, p.lang) == (2, ("PARTY_TO", "SIGNED"), "2023-05", 50, "de")
    assert p.view_url() == "/view/entity/org:wfs?depth=2&limit=50&edge_types=PARTY_TO%2CSIGNED&as_of=2023-05&lang=de"
    assert p.export_url("gexf").startswith("/view/export?format=gexf&view=entity&id=org%3Awfs&depth=2")
    with pytest.raises(QueryError, match="depth"):
        entity_params("org:wfs", depth=4, cap=300)
    with pytest.raises(QueryError, match="limit"):
        entity_params("org:wfs", limit=301, cap=300)
    with pytest.raises(QueryError, match="as_of"):
        entity_params("org:wfs", as_of="2023-13-01", cap=300)
    with pytest.raises(QueryError, match="node_types"):
        entity_params("org:wfs", node_types="Planet", cap=300)
    assert entity_params("org:wfs", lang="fr", cap=300).lang == "en"


def test_path_and_subgraph_params():
    p = path_params("org:a", "org:b", k="5", max_hops="3")
    assert p.view_url() == "/view/path?source=org%3Aa&target=org%3Ab&k=5&max_hops=3"
    with pytest.raises(QueryError, match="k must be"):
        path_params("org:a", "org:b", k=11)
    s = subgraph_params("org:a,org:b")
    assert s.ids == ("org:a", "org:b") and s.view_url() == "/view/subgraph?ids=org%3Aa%2Corg%3Ab"
    with pytest.raises(QueryError, match="ids is required"):
        subgraph_params("")


def test_entity_url_escapes_hostile_ids():
    p = entity_params('org:x"><b>', cap=10)
    assert p.view_url() == "/view/entity/org:x%22%3E%3Cb%3E"


def test_labels_come_from_the_schema():
    assert labels.node_type_label("Agreement", "de") == "Vereinbarung"
    assert labels.edge_type_label("TRADES_WITH", "en") == "trades with"
    assert "PARTNER_OF" in labels.edge_types() and "Topic" in labels.node_types()


def _graph(n):
    nodes, edges = hub_graph(n)
    ids = [x.id for x in nodes if x.type != "Document"]
    return ids, [(e.source, e.target) for e in edges]


def test_balloon_layout_is_deterministic_and_spreads_nodes():
    ids, pairs = _graph(500)
    a = balloon_layout(ids, pairs, [HUB])
    assert a == balloon_layout(ids, pairs, [HUB]) and set(a) == set(ids)
    # no two nodes on the same spot, neighbours of the hub all on one ring
    assert len({(round(x), round(y)) for x, y in a.values()}) == len(ids)
    hx, hy = a[HUB]
    first = [o for o in ids if o.startswith("org:")]
    radii = {round(math.hypot(a[o][0] - hx, a[o][1] - hy), 3) for o in first}
    assert len(radii) == 1
    # every node reached through an organisation lies further out than it
    ring = radii.pop()
    leaves = [i for i in ids if not i.startswith(("org:", "region:"))]
    assert all(math.hypot(a[i][0] - hx, a[i][1] - hy) > ring for i in leaves)


def test_balloon_layout_packs_components_apart():
    ids = ["a:1", "a:2", "b:1", "b:2", "c:1"]
    pos = balloon_layout(ids, [("a:1", "a:2"), ("b:1", "b:2")])
    assert len({tuple(map(round, p)) for p in pos.values()}) == 5


def test_spring_refine_keeps_neighbours_closer_than_strangers():
    ids, pairs = _graph(200)
    pos = spring_refine(ids, pairs, balloon_layout(ids, pairs))
    d = lambda a, b: math.hypot(pos[a][0] - pos[b][0], pos[a][1] - pos[b][1])  # noqa: E731
    linked = sum(d(a, b) for a, b in pairs) / len(pairs)
    others = [(ids[i], ids[-1 - i]) for i in range(50)]
    assert linked < sum(d(a, b) for a, b in others) / len(others)


def test_compute_layout_handles_every_size():
    for n in (1, 2, 3, 50, 450, 2000):
        ids, pairs = _graph(n) if n > 2 else ([f"n:{i}" for i in range(n)], [])
        pos = compute_layout(ids, pairs, [HUB] if HUB in ids else [])
        assert set(pos) == set(ids)
        assert all(math.isfinite(x) and math.isfinite(y) for x, y in pos.values())


def test_path_layout_lanes():
    pos = path_layout([["s", "a", "t"], ["s", "b", "c", "t"]], ["s", "a", "b", "c", "t"])
    assert pos["s"] == (0.0, 0.0)
    assert pos["t"][1] == 0.0 and pos["t"][0] == max(x for x, _ in pos.values())
    assert pos["a"][1] != pos["b"][1]  # each path its own lane


def test_accepts_gzip():
    class R:
        def __init__(self, v):
            self.headers = {"accept-encoding": v}

    assert accepts_gzip(R("gzip, deflate, br"))
    assert not accepts_gzip(R("br"))
    assert not accepts_gzip(R("gzip;q=0"))


def test_settings_fallbacks():
    from types import SimpleNamespace

    from views.routes import view_cap

    assert view_cap(SimpleNamespace()) == 300
    assert view_cap(SimpleNamespace(view_max_nodes=50)) == 50
    assert view_cap(SimpleNamespace(view_max_nodes="oops")) == 300


def test_display_hints_come_from_the_schema(tmp_path):
    """Node and edge colours are display hints in the schema files; a bad one is
    refused naming the file."""
    import shutil

    import pytest as _pytest

    from graph.errors import SchemaError
    from graph.schema import SCHEMA_DIR, Schema, default_schema
    from views.style import NODE_STYLES, edge_color

    schema = default_schema()
    assert all(NODE_STYLES[n].color == t.display["color"] for n, t in schema.nodes.items())
    assert all(edge_color(n) == t.color for n, t in schema.edges.items())
    assert len({t.color for t in schema.edges.values()}) == len(schema.edges)  # one colour per relation type
    shutil.copytree(SCHEMA_DIR, tmp_path / "schema")
    f = tmp_path / "schema" / "edges" / "VISITED.yaml"
    f.write_text(f.read_text().replace('display: {color: "#CC79A7"}', 'display: {color: "pink"}'))
    with _pytest.raises(SchemaError, match="VISITED.yaml"):
        Schema.load(tmp_path / "schema")


def test_radial_layout_rings_and_wedges():
    import math

    from views.layout import RADIAL_ARC, radial_layout

    ids = ["c"] + [f"a{i}" for i in range(5)] + [f"b{i}.{j}" for i in range(5) for j in range(8)]
    pairs = [("c", f"a{i}") for i in range(5)] + [(f"a{i}", f"b{i}.{j}") for i in range(5) for j in range(8)]
    pos, angle = radial_layout(ids, pairs, ["c"])
    assert pos["c"] == (0.0, 0.0)
    r1 = {round(math.hypot(*pos[f"a{i}"]), 6) for i in range(5)}
    r2 = {round(math.hypot(*pos[f"b{i}.{j}"]), 6) for i in range(5) for j in range(8)}
    assert len(r1) == 1 and len(r2) == 1 and min(r2) > max(r1)
    # every child sits next to its parent: nearer to it than to any other first-ring node
    for i in range(5):
        for j in range(8):
            d = {k: math.dist(pos[f"b{i}.{j}"], pos[f"a{k}"]) for k in range(5)}
            assert min(d, key=d.get) == i
    # neighbours on the outer ring keep their distance
    outer = sorted((angle[n], pos[n]) for n in ids if n.startswith("b"))
    gaps = [math.dist(outer[k][1], outer[k + 1][1]) for k in range(len(outer) - 1)]
    assert min(gaps) >= RADIAL_ARC * 0.99


def test_groups_fold_only_leaves_of_big_views():
    from views.group import GROUP_MIN, VIEW_MIN, find_groups

    types = {"c": "Region", "o": "Organization"}
    edges = [("e-co", "c", "o")]
    for i in range(VIEW_MIN):
        types[f"t{i}"] = "Topic"
        edges.append((f"e{i}", "o", f"t{i}"))
    types["x"] = "Topic"  # tied to two nodes: never folded
    edges += [("ex1", "o", "x"), ("ex2", "c", "x")]
    groups = find_groups(types, edges, ["c"])
    assert len(groups) == 1
    g = groups[0]
    assert g.parent == "o" and g.type == "Topic" and len(g.members) == VIEW_MIN and "x" not in g.members
    assert set(g.edges) == {f"e{i}" for i in range(VIEW_MIN)}
    small = {k: v for k, v in list(types.items())[: GROUP_MIN + 3]}
    assert find_groups(small, [e for e in edges if e[1] in small and e[2] in small], ["c"]) == []
