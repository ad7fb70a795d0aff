"""The test Neo4j server really runs: Bolt answers, it is 5.26, writes are readable."""

from __future__ import annotations

import os
import uuid

from tests.conftest_neo4j import ENV_URI


def test_bolt_answers(neo4j_driver):
    records, _, _ = neo4j_driver.execute_query("RETURN 1 AS one")
    assert records[0]["one"] == 1


def test_server_is_neo4j_5_26(neo4j_driver):
    records, _, _ = neo4j_driver.execute_query(
        "CALL dbms.components() YIELD name, versions RETURN name, versions"
    )
    kernel = {r["name"]: r["versions"] for r in records}
    assert "Neo4j Kernel" in kernel
    if not os.environ.get(ENV_URI):  # an external server may run another 5.x
        assert kernel["Neo4j Kernel"][0].startswith("5.26")
    else:
        assert kernel["Neo4j Kernel"][0].startswith("5.")


def test_write_then_read_a_node(neo4j_driver):
    marker = f"launcher-test-{uuid.uuid4()}"
    with neo4j_driver.session() as session:
        session.execute_write(lambda tx: tx.run("CREATE (:LauncherProbe {marker: $m, n: 41 + 1})", m=marker).consume())
        found = session.execute_read(
            lambda tx: [r["n"] for r in tx.run("MATCH (p:LauncherProbe {marker: $m}) RETURN p.n AS n", m=marker)]
        )
        session.execute_write(lambda tx: tx.run("MATCH (p:LauncherProbe {marker: $m}) DELETE p", m=marker).consume())
        left = session.execute_read(
            lambda tx: tx.run("MATCH (p:LauncherProbe {marker: $m}) RETURN count(p) AS c", m=marker).single()["c"]
        )
    assert found == [42]
    assert left == 0


def test_server_restarts_on_a_fresh_directory():
    """The launcher itself (even when an external server is configured): a second,
    independent server comes up on its own port with an empty database."""
    from neo4j import GraphDatabase

    from tests.neo4j_server import Neo4jServer

    with Neo4jServer(say=lambda _m: None) as uri:
        with GraphDatabase.driver(uri, auth=None) as driver:
            records, _, _ = driver.execute_query("MATCH (n) RETURN count(n) AS c")
            assert records[0]["c"] == 0
