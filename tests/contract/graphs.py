"""Graphs for the contract suite: the seed dataset, the synthetic generator, and
small random graphs built to hit the awkward cases.

``tricky_graph(seed)`` makes nodes of every type with accented, transliterated,
shared and Hangul names, partial validity dates on nodes and edges, parallel
edges (several trade flows and roles between the same pair), subtypes for
``via`` and a few isolated nodes. Edges follow the schema's source/target types
and the id convention of ``graph.model.edge_id``.
"""

from __future__ import annotations

import random

from graph.model import Edge, Node, Source, edge_id
from graph.schema import Schema

DOC = "doc:contract"
SRC = (Source(DOC, "generated"),)

_WORDS = [
    "Sachsen", "Saxony", "Bösenberg", "Wirtschaftsförderung", "Straße", "Dresden", "Busan",
    "부산", "대구", "Nagoya", "Hessen", "Trade", "Invest", "Müller", "Mueller", "Zoë", "Agency",
    "Cluster", "Silicon", "Energy", "Hydrogen", "Mobility", "Forum", "Kosme", "Tipa", "C++", "AI/ML",
]

_PROPS = {
    "Region": lambda r: {"level": r.choice(["country", "state", "province", "city", "district"])},
    "Organization": lambda r: {"kind": r.choice(["agency", "ministry", "cluster", "university"])},
    "Topic": lambda r: {"kind": r.choice(["sector", "technology", "policy"])},
    "Agreement": lambda r: {"kind": "mou", **({"signed": f"20{r.randint(10, 24)}-0{r.randint(1, 9)}-1{r.randint(0, 9)}"} if r.random() < 0.7 else {})},
    "Event": lambda r: {"kind": "forum", **({"start": f"20{r.randint(10, 24)}-0{r.randint(1, 9)}"} if r.random() < 0.7 else {})},
    "Company": lambda r: {},
    "Person": lambda r: {},
    "Document": lambda r: {"title": "contract test document"},
}


def _date(r: random.Random) -> str:
    y = r.randint(2012, 2024)
    form = r.random()
    if form < 0.3:
        return f"{y}"
    if form < 0.6:
        return f"{y}-{r.randint(1, 12):02d}"
    return f"{y}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}"


def _validity(r: random.Random, share: float) -> tuple[str | None, str | None]:
    if r.random() >= share:
        return None, None
    a, b = sorted([_date(r), _date(r)])
    if r.random() < 0.3:
        return a, None
    if r.random() < 0.3:
        return None, b
    return a, b


def tricky_graph(schema: Schema, seed: int, n_nodes: int = 60, n_edges: int = 140) -> tuple[list[Node], list[Edge]]:
    r = random.Random(seed)
    prefixes = {name: t.id_prefix for name, t in schema.nodes.items()}
    types = sorted(t for t in schema.nodes if t != "Document")
    nodes: dict[str, Node] = {DOC: Node(DOC, "Document", {"en": "Contract test document"}, properties={"title": "x"})}
    by_type: dict[str, list[str]] = {t: [] for t in types}
    for i in range(n_nodes):
        t = types[i % len(types)] if i < 2 * len(types) else r.choice(types)
        words = r.sample(_WORDS, r.randint(1, 3))
        name = {"en": " ".join(words)}
        if r.random() < 0.4:
            name["de"] = " ".join(reversed(words))
        if r.random() < 0.15:
            name["ko"] = r.choice(["부산 광역시", "대구", "한국 무역"])
        aliases = {}
        if r.random() < 0.4:
            aliases["en"] = tuple(dict.fromkeys([r.choice(_WORDS) + " " + str(i % 4), words[0].upper()]))
        vf, vt = _validity(r, 0.25)
        nid = f"{prefixes[t]}:n{i:03d}"
        nodes[nid] = Node(nid, t, name, aliases, _PROPS[t](r), vf, vt, SRC)
        by_type[t].append(nid)
    edges: dict[str, Edge] = {}
    edge_types = sorted(schema.edges)
    attempts = 0
    while len(edges) < n_edges and attempts < n_edges * 50:
        attempts += 1
        et = schema.edges[r.choice(edge_types)]
        sources = [n for t in et.source for n in by_type.get(t, [])]
        targets = [n for t in et.target for n in by_type.get(t, [])]
        if not sources or not targets:
            continue
        s, o = r.choice(sources), r.choice(targets)
        if s == o:
            continue
        props: dict = {}
        if et.name == "TRADES_WITH":
            props = {"year": r.randint(2018, 2023), "direction": r.choice(["export", "import"]),
                     "value": round(r.uniform(1, 500), 1), "currency": "EUR", "unit": "million"}
        elif et.name == "HOLDS_ROLE_AT":
            props = {"role": r.choice(["director", "chair", "head"])}
        for pname, pdef in et.properties.items():  # other required enum properties (e.g. CONSOLIDATED_BY.kind)
            if pdef.required and pname not in props and pdef.values:
                props[pname] = r.choice(pdef.values)
        keys = [props[k] for k in et.key_properties]
        eid = edge_id(s, et.name, o, keys)
        vf, vt = _validity(r, 0.3)
        edges[eid] = Edge(eid, et.name, s, o, props, vf, vt, SRC)
        # parallel edges: more flows or roles between the same pair
        if et.key_properties and r.random() < 0.5:
            for _ in range(r.randint(1, 3)):
                p2 = dict(props)
                if "year" in p2:
                    p2["year"] = r.randint(2018, 2023)
                if "role" in p2:
                    p2["role"] = r.choice(["director", "chair", "head", "member"])
                e2 = edge_id(s, et.name, o, [p2[k] for k in et.key_properties])
                edges[e2] = Edge(e2, et.name, s, o, p2, *_validity(r, 0.3), SRC)
    return list(nodes.values()), sorted(edges.values(), key=lambda e: e.id)
