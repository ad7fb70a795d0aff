"""Synthetic graphs of a realistic shape, for benchmarks and the contract tests.

A few countries and states act as hubs (as real regions do: everything is
located in them); organizations, companies and persons hang off them;
agreements and events join organizations; topics are shared. Deterministic
for a given seed.
"""

from __future__ import annotations

import random

from .model import Edge, Node, Source, edge_id

DOC = "doc:synthetic"


def generate(n_edges: int = 100_000, seed: int = 7, dated: bool = True) -> tuple[list[Node], list[Edge]]:
    from .schema import default_schema

    schema = default_schema()
    rnd = random.Random(seed)
    src = (Source(DOC, "generated"),)
    nodes: list[Node] = [Node(DOC, "Document", {"en": "Synthetic data"}, properties={"title": "Synthetic data"})]
    edges: dict[str, Edge] = {}

    def add_edge(t: str, s: str, o: str, props=None, vf=None, vt=None) -> None:
        props = props or {}
        keys = [props[k] for k in schema.edges[t].key_properties]
        eid = edge_id(s, t, o, keys)
        if eid not in edges:
            edges[eid] = Edge(eid, t, s, o, props, vf, vt, src)

    scale = max(1, n_edges // 10)
    n_countries, n_states = 12, 60
    countries = [f"region:c{i:02d}" for i in range(n_countries)]
    states = [f"region:s{i:03d}" for i in range(n_states)]
    for i, c in enumerate(countries):
        nodes.append(Node(c, "Region", {"en": f"Country {i}", "de": f"Land {i}"}, properties={"level": "country"}, sources=src))
    for i, s in enumerate(states):
        nodes.append(Node(s, "Region", {"en": f"State {i}"}, properties={"level": "state"}, sources=src))
        add_edge("PART_OF", s, countries[i % n_countries])
    topics = [f"topic:t{i:03d}" for i in range(40)]
    for i, t in enumerate(topics):
        nodes.append(Node(t, "Topic", {"en": f"Topic {i}"}, properties={"kind": "technology"}, sources=src))
    n_orgs = max(20, scale // 2)
    n_comp = max(20, scale // 2)
    n_pers = max(10, scale // 3)
    n_agr = max(10, scale // 4)
    n_evt = max(10, scale // 4)
    orgs = [f"org:o{i:06d}" for i in range(n_orgs)]
    comps = [f"company:k{i:06d}" for i in range(n_comp)]
    pers = [f"person:p{i:06d}" for i in range(n_pers)]
    agrs = [f"agreement:a{i:06d}" for i in range(n_agr)]
    evts = [f"event:e{i:06d}" for i in range(n_evt)]
    kinds = ["agency", "ministry", "chamber", "association", "cluster", "university"]
    for i, o in enumerate(orgs):
        nodes.append(Node(o, "Organization", {"en": f"Agency {i}"}, aliases={"en": (f"AG{i}",)},
                          properties={"kind": kinds[i % len(kinds)]}, sources=src))
        add_edge("LOCATED_IN", o, rnd.choice(states))
    for i, c in enumerate(comps):
        nodes.append(Node(c, "Company", {"en": f"Company {i}"}, sources=src))
        add_edge("LOCATED_IN", c, rnd.choice(states))
    for i, p in enumerate(pers):
        nodes.append(Node(p, "Person", {"en": f"Person {i}"}, sources=src))
    for i, a in enumerate(agrs):
        y = 2015 + i % 10
        nodes.append(Node(a, "Agreement", {"en": f"Agreement {i}"},
                          properties={"kind": "mou", "signed": f"{y}-0{1 + i % 9}-1{i % 10}"},
                          valid_from=f"{y}" if dated else None, sources=src))
    for i, e in enumerate(evts):
        y = 2015 + i % 10
        nodes.append(Node(e, "Event", {"en": f"Event {i}"}, properties={"kind": "forum", "start": f"{y}-0{1 + i % 9}-01"}, sources=src))
    years = list(range(2015, 2025))
    # the unions drawn from, made once (concatenating them per edge made 1M edges take minutes)
    comps_orgs, agrs_evts, states_countries, countries_states = comps + orgs, agrs + evts, states + countries, countries + states
    while len(edges) < n_edges:
        r = rnd.random()
        if r < 0.2:
            add_edge("PARTY_TO", rnd.choice(orgs), rnd.choice(agrs))
        elif r < 0.3:
            add_edge("PARTY_TO", rnd.choice(comps), rnd.choice(agrs))
        elif r < 0.45:
            add_edge("PARTICIPATED_IN", rnd.choice(comps_orgs), rnd.choice(evts))
        elif r < 0.5:
            add_edge("ORGANIZED", rnd.choice(orgs), rnd.choice(evts))
        elif r < 0.6:
            add_edge("FOCUSES_ON", rnd.choice(agrs_evts), rnd.choice(topics))
        elif r < 0.7:
            y = rnd.choice(years)
            vf = f"{y}-01-01" if dated else None
            vt = f"{y + rnd.randint(0, 4)}-12-31" if dated else None
            add_edge("HOLDS_ROLE_AT", rnd.choice(pers), rnd.choice(orgs), {"role": rnd.choice(["director", "chair", "head"])}, vf, vt)
        elif r < 0.75:
            add_edge("SIGNED", rnd.choice(pers), rnd.choice(agrs))
        elif r < 0.85:
            add_edge("MEMBER_OF", rnd.choice(comps), rnd.choice(orgs))
        elif r < 0.9:
            add_edge("VISITED", rnd.choice(evts), rnd.choice(states_countries))
        elif r < 0.95:
            a, b = rnd.sample(countries_states, 2)
            add_edge("TRADES_WITH", a, b, {"year": rnd.choice(years), "direction": rnd.choice(["export", "import"]),
                                           "value": round(rnd.uniform(1, 900), 1), "currency": "EUR", "unit": "million"})
        else:
            add_edge("SUBORDINATE_TO", rnd.choice(orgs), rnd.choice(orgs))
    # drop self-loops (SUBORDINATE_TO o->o) to keep paths simple
    out_edges = [e for e in edges.values() if e.source != e.target]
    return nodes, sorted(out_edges, key=lambda e: e.id)
