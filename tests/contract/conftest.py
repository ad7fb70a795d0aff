"""Fixtures for the contract suite: the same queries against every backend.

``store`` - an empty store, once per backend ("embedded", "neo4j").
``pair`` - both backends loaded with the same graph, once per graph ("seed",
"synthetic", "tricky-1", "tricky-2"); module-scoped because Neo4j community
holds one database, so graphs are loaded one after the other.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from graph.schema import default_schema
from graph.store.embedded import EmbeddedStore
from graph.store.neo4j import Neo4jStore

BACKENDS = ["embedded", "neo4j"]
GRAPHS = ["seed", "synthetic", "tricky-1", "tricky-2"]


def open_store(kind: str, request, path):
    if kind == "embedded":
        return EmbeddedStore(path)
    driver = request.getfixturevalue("neo4j_driver")
    store = Neo4jStore(driver, default_schema())
    store.clear()
    return store


@pytest.fixture(params=BACKENDS)
def store(request, tmp_path):
    s = open_store(request.param, request, tmp_path / "store")
    yield s
    if request.param == "neo4j":
        s.clear()
    s.close()


@dataclass
class Pair:
    graph: str
    embedded: EmbeddedStore
    neo4j: Neo4jStore
    generic: EmbeddedStore  # the same embedded store answering with the generic queries only


def fill(store, graph: str) -> None:
    schema = store.schema
    if graph == "seed":
        from loaders import load_path
        from regiograph.seed import SEED_DIR

        store.load(load_path(SEED_DIR))
    elif graph == "synthetic":
        from graph.generate import generate

        nodes, edges = generate(n_edges=1500, seed=11)
        store.write(nodes, edges)
    else:
        from .graphs import tricky_graph

        nodes, edges = tricky_graph(schema, seed=int(graph.split("-")[1]))
        store.write(nodes, edges)


@pytest.fixture(scope="module", params=GRAPHS)
def pair(request, tmp_path_factory):
    folder = tmp_path_factory.mktemp("contract")
    emb = EmbeddedStore(folder)
    neo = open_store("neo4j", request, None)
    fill(emb, request.param)
    fill(neo, request.param)
    generic = EmbeddedStore(folder, native=False)
    yield Pair(request.param, emb, neo, generic)
    neo.clear()
    generic.close()
    emb.close()
