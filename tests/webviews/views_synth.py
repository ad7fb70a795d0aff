"""Synthetic graphs of a chosen size for view tests and the draw benchmark.

``hub_graph(n)`` is an ego network around ``region:hub``: about sqrt(n)
organisations located in the hub, the rest (companies, persons, events,
topics) attached to one organisation each, plus cross links between them -
so ``neighbors(region:hub, depth=2)`` reaches exactly ``n`` nodes. Every node
and edge cites one of a handful of documents.
"""

from __future__ import annotations

import math
import random

from graph.model import Edge, Node, Source, edge_id

HUB = "region:hub"
LEAF_TYPES = [
    ("Company", "company", "MEMBER_OF", False),
    ("Person", "person", "HOLDS_ROLE_AT", False),
    ("Event", "event", "ORGANIZED", True),  # org -> event
    ("Topic", "topic", "FOCUSES_ON", True),  # org -> topic
]


def _src(i: int) -> tuple[Source, ...]:
    return (Source(f"doc:synth-{i % 7}", f"para {i % 11 + 1}"),)


def hub_graph(n: int, seed: int = 1) -> tuple[list[Node], list[Edge]]:
    rnd = random.Random(seed)
    docs = [
        Node(f"doc:synth-{i}", "Document", {"en": f"Synthetic release {i}"},
             properties={"title": f"Synthetic release {i}", "published": f"2024-0{i + 1}-15"})
        for i in range(7)
    ]
    nodes = [Node(HUB, "Region", {"en": "Hub region", "de": "Knotenregion"}, properties={"level": "state"}, sources=_src(0))]
    edges: list[Edge] = []
    n_orgs = max(1, int(math.sqrt(n)))
    orgs = []
    for i in range(min(n_orgs, n - 1)):
        oid = f"org:o{i:04d}"
        orgs.append(oid)
        nodes.append(Node(oid, "Organization", {"en": f"Agency {i}", "de": f"Agentur {i}"}, properties={"kind": "agency"}, sources=_src(i)))
        edges.append(Edge(edge_id(oid, "LOCATED_IN", HUB), "LOCATED_IN", oid, HUB, sources=_src(i)))
    leaves: dict[str, list[str]] = {t: [] for t, *_ in LEAF_TYPES}
    for j in range(n - 1 - len(orgs)):
        type_, prefix, etype, org_is_source = LEAF_TYPES[j % len(LEAF_TYPES)]
        lid = f"{prefix}:l{j:05d}"
        props = {"kind": "sector"} if type_ == "Topic" else ({"kind": "forum"} if type_ == "Event" else {})
        nodes.append(Node(lid, type_, {"en": f"{type_} {j}"}, properties=props, sources=_src(j)))
        leaves[type_].append(lid)
        org = orgs[j % len(orgs)]
        a, b = (org, lid) if org_is_source else (lid, org)
        eprops = {"role": "member"} if etype == "HOLDS_ROLE_AT" else {}
        key = ["member"] if etype == "HOLDS_ROLE_AT" else []
        edges.append(Edge(edge_id(a, etype, b, key), etype, a, b, properties=eprops, sources=_src(j)))
    # cross links: companies and persons take part in events
    events = leaves["Event"]
    if events:
        for lid in leaves["Company"] + leaves["Person"]:
            if rnd.random() < 0.5:
                ev = rnd.choice(events)
                edges.append(Edge(edge_id(lid, "PARTICIPATED_IN", ev), "PARTICIPATED_IN", lid, ev, sources=_src(len(edges))))
    return docs + nodes, edges


def build_store(path, n: int):
    from graph.store.embedded import EmbeddedStore

    store = EmbeddedStore(path)
    nodes, edges = hub_graph(n)
    store.write(nodes, edges)
    return store
