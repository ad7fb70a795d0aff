"""pytest fixtures for a real Neo4j server (tests/conftest.py registers this
module with ``pytest_plugins = ["tests.conftest_neo4j"]``).

``neo4j_uri`` (session): the bolt URI of a server started once per test session
by ``tests/neo4j_server.py``. Set ``REGIOGRAPH_TEST_NEO4J_URI`` to use an existing
server instead (with ``REGIOGRAPH_TEST_NEO4J_USER`` / ``REGIOGRAPH_TEST_NEO4J_PASSWORD``
if it needs authentication); tests clear that database, so never point it at real data.

``neo4j_auth`` (session): the auth tuple for the driver, or None.
``neo4j_driver`` (session): a driver connected to ``neo4j_uri``.
"""

from __future__ import annotations

import contextlib
import os
import sys

import pytest

ENV_URI = "REGIOGRAPH_TEST_NEO4J_URI"
ENV_USER = "REGIOGRAPH_TEST_NEO4J_USER"
ENV_PASSWORD = "REGIOGRAPH_TEST_NEO4J_PASSWORD"


def _uncaptured_say(config: pytest.Config):
    """A progress printer that shows up even while pytest captures output."""
    capman = config.pluginmanager.getplugin("capturemanager")

    def say(message: str) -> None:
        ctx = capman.global_and_fixture_disabled() if capman else contextlib.nullcontext()
        with ctx:
            print(f"\n[neo4j-test-server] {message}", file=sys.stderr, flush=True)

    return say


@pytest.fixture(scope="session")
def neo4j_uri(request: pytest.FixtureRequest):
    external = os.environ.get(ENV_URI)
    if external:
        yield external
        return
    from tests.neo4j_server import Neo4jServer

    server = Neo4jServer(say=_uncaptured_say(request.config))
    uri = server.start()
    try:
        yield uri
    finally:
        server.stop()


@pytest.fixture(scope="session")
def neo4j_auth():
    user = os.environ.get(ENV_USER)
    if os.environ.get(ENV_URI) and user:
        return (user, os.environ.get(ENV_PASSWORD, ""))
    return None


@pytest.fixture(scope="session")
def neo4j_driver(neo4j_uri, neo4j_auth):
    from neo4j import GraphDatabase

    driver = GraphDatabase.driver(neo4j_uri, auth=neo4j_auth)
    driver.verify_connectivity()
    try:
        yield driver
    finally:
        driver.close()
