"""Neo4j outages against a dedicated real server: frozen (SIGSTOP) and stopped. The API answers 503 with
Retry-After within about two seconds, /health names what is down, /api/cypher is 503 too, and service comes
back without restarting the API."""

import os
import signal
import time

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.outage import probe
from regiograph.keys import KeyStore
from regiograph.settings import Settings
from tests.neo4j_server import Neo4jServer

CONNECT_TIMEOUT = 2.0
BOUND = 4.5  # seconds: probe interval + connect timeout + slack on a shared, loaded machine


@pytest.fixture(scope="module")
def server():
    s = Neo4jServer()
    s.start(timeout=400)
    yield s
    s.stop()


def warm_up(uri):
    """A fresh server on a loaded machine answers its first requests slowly: connect once with the driver's
    default (long) timeouts and load the seed, as an operator's start-up does, before timing anything."""
    from neo4j import GraphDatabase

    from graph.store.neo4j import Neo4jStore
    from loaders import load_path
    from regiograph.seed import SEED_DIR

    with GraphDatabase.driver(uri) as driver:
        driver.verify_connectivity()
        store = Neo4jStore(driver)
        if not store.stats().to_dict()["total_nodes"]:
            store.load(load_path(SEED_DIR))


def wait_for(predicate, seconds):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.2)
    return False


def timed(c, method, url, **kw):
    t0 = time.monotonic()
    r = c.request(method, url, **kw)
    return r, time.monotonic() - t0


def assert_503(r, took):
    print(f"[outage] {r.request.method} {r.request.url.path}: {r.status_code} after {took:.2f} s")
    assert r.status_code == 503, r.text[:300]
    assert int(r.headers["Retry-After"]) >= 1
    assert r.json()["error"]["code"] in ("unavailable", "store_error")
    assert took < BOUND, took


def test_frozen_then_stopped_neo4j_gives_fast_503s_and_recovers(server, tmp_path):
    uri = server.uri
    key = KeyStore(tmp_path).create("read", "outage")[1]
    warm_up(uri)
    settings = Settings(data_dir=str(tmp_path), store="neo4j", neo4j_uri=uri, load_seed=False,
                        neo4j_connect_timeout=CONNECT_TIMEOUT, cypher=True)
    with TestClient(create_app(settings), headers={"X-API-Key": key}) as c:
        assert c.get("/health").json()["status"] == "ok"
        assert c.get("/api/stats").status_code == 200
        cypher = {"query": "MATCH (n) RETURN count(n) AS n"}
        assert c.post("/api/cypher", json=cypher).status_code == 200

        # --- frozen: the process exists and its port accepts connections, but nothing answers
        os.kill(server._proc.pid, signal.SIGSTOP)
        try:
            r, took = timed(c, "GET", "/api/search?q=sachsen")  # sent at once: in flight when the freeze is noticed
            assert_503(r, took)
            r, took = timed(c, "GET", "/api/entities/region:de-sn/neighbors")
            assert_503(r, took)
            r, took = timed(c, "POST", "/api/cypher", json=cypher)
            assert_503(r, took)
            r, took = timed(c, "GET", "/view/entity/region:de-sn")
            assert_503(r, took)
            h, took = timed(c, "GET", "/health")
            assert h.status_code == 503 and took < BOUND
            assert "neo4j" in h.json()["down"] and "frozen" in h.json()["down"]["neo4j"]["reason"]
        finally:
            os.kill(server._proc.pid, signal.SIGCONT)
        assert wait_for(lambda: c.get("/health").status_code == 200, 20)
        assert c.get("/api/search?q=sachsen").status_code == 200  # recovered, same app
        assert c.post("/api/cypher", json=cypher).status_code == 200

        # --- stopped: the port refuses connections
        port = int(uri.rsplit(":", 1)[1])
        server.stop()
        r, took = timed(c, "GET", "/api/stats")
        assert_503(r, took)
        r, took = timed(c, "POST", "/api/cypher", json=cypher)
        assert_503(r, took)
        h = c.get("/health")
        assert h.status_code == 503 and "cannot connect" in h.json()["down"]["neo4j"]["reason"]

        # --- back on the same port (a fresh, empty database): the API serves again without a restart
        server.port = port
        server.start(timeout=400)
        warm_up(server.uri)
        last = {}

        def healthy(url):
            r = last[url] = c.get(url)
            return r.status_code == 200

        assert wait_for(lambda: healthy("/health"), 90), last["/health"].text
        assert wait_for(lambda: healthy("/api/stats"), 60), last["/api/stats"].text
        assert c.post("/api/cypher", json=cypher).status_code == 200


def test_probe_reports_a_closed_port_at_once():
    t0 = time.monotonic()
    reason = probe("bolt://127.0.0.1:9", 1.0)
    assert reason and "cannot connect" in reason and time.monotonic() - t0 < 1.0
