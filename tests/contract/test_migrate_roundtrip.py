"""A graph copied embedded -> Neo4j -> embedded comes back unchanged."""

from __future__ import annotations

from graph.generate import generate
from graph.migrate import migrate
from graph.schema import default_schema
from graph.store.embedded import EmbeddedStore
from graph.store.neo4j import Neo4jStore
from loaders import load_path
from regiograph.seed import SEED_DIR


def _dump(store):
    return [n.to_dict() for n in store.iter_nodes()], [e.to_dict() for e in store.iter_edges()]


def test_seed_and_synthetic_graph_survive_a_round_trip(tmp_path, neo4j_driver):
    source = EmbeddedStore(tmp_path / "a")
    source.load(load_path(SEED_DIR))
    nodes, edges = generate(n_edges=2_000, seed=9)
    source.write(nodes, edges)
    neo = Neo4jStore(neo4j_driver, default_schema())
    neo.clear()
    back = EmbeddedStore(tmp_path / "b")
    try:
        there = migrate(source, neo, batch_size=700)
        counts = source.stats().to_dict()
        assert (there.nodes, there.edges) == (counts["total_nodes"], counts["total_edges"])
        assert counts["total_edges"] > 2_000  # seed edges plus the synthetic ones
        again = migrate(source, neo, batch_size=700)  # idempotent: counts unchanged
        assert again.target_counts == there.target_counts
        migrate(neo, back, batch_size=500)
        assert _dump(back) == _dump(source)
        assert neo.stats().to_dict() == source.stats().to_dict()
    finally:
        neo.clear()
        source.close()
        back.close()
