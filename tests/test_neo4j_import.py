"""The bulk path into Neo4j: ``regiograph export --format neo4j-import DIR`` writes the CSV files
that ``neo4j-admin database import full`` takes; a real Neo4j 5.26 imports them into a fresh
database, which then holds the same nodes and edges (counts per type, records) as the source store."""

import csv

import neo4j
from click.testing import CliRunner

from graph.generate import generate
from graph.neo4j_import import FILES, NODE_HEADER, REL_HEADER, import_args
from graph.store.embedded import EmbeddedStore
from graph.store.neo4j import Neo4jStore
from loaders import load_path
from regiograph.cli import cli
from tests.conftest import MINI
from tests.neo4j_server import Neo4jServer, neo4j_admin


def test_export_neo4j_import_files_and_import_them_into_a_fresh_database(tmp_path):
    data = tmp_path / "store"
    src = EmbeddedStore(data)
    src.load(load_path(MINI))
    nodes, edges = generate(3000, seed=5)
    src.write(nodes, edges)
    want = src.stats().to_dict()
    sample = sorted(n.id for n in nodes)[::97] + ["org:jtro"]
    want_nodes = src.get_nodes(sample)
    want_edges = src.get_edges([e.id for e in edges[::101]])
    src.close()

    out = tmp_path / "import"
    r = CliRunner().invoke(cli, ["export", "--format", "neo4j-import", str(out)],
                           env={"REGIOGRAPH_DATA_DIR": str(data), "REGIOGRAPH_LOAD_SEED": "false"})
    assert r.exit_code == 0, r.output
    assert "neo4j-admin database import full" in r.output
    assert all((out / f).is_file() for f in FILES)
    with open(out / "nodes_header.csv", newline="") as f:
        assert next(csv.reader(f)) == NODE_HEADER
    with open(out / "relationships_header.csv", newline="") as f:
        assert next(csv.reader(f)) == REL_HEADER
    with open(out / "nodes.csv", newline="") as f:
        assert sum(1 for _ in csv.reader(f)) == want["total_nodes"]

    home = tmp_path / "neo4j-home"
    done = neo4j_admin(home, *import_args(out))
    assert done.returncode == 0 and "IMPORT DONE" in done.stdout, done.stdout[-3000:]

    server = Neo4jServer(home=home)
    uri = server.start(timeout=600)  # a loaded machine may need minutes
    try:
        with neo4j.GraphDatabase.driver(uri, auth=None) as driver:
            store = Neo4jStore(driver)  # creates the constraints and indexes over the imported data
            assert store.stats().to_dict() == want
            assert store.get_nodes(sample) == want_nodes
            assert store.get_edges(list(want_edges)) == want_edges
            assert store.search("jtro")[0].node.id == "org:jtro"
            # the import holds no (:EntityKey) name key nodes: the setup back-filled them
            assert store.find_by_names("Organization", ["jtro", "japan trade relations office"]) == {
                "jtro": {"org:jtro"}, "japan trade relations office": {"org:jtro"}}
            assert {n.id for n in store.neighbors("org:jtro").nodes} >= {"org:jtro", "region:jp"}
    finally:
        server.stop()
