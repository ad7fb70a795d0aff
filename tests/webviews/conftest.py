"""Fixtures for the view tests: apps over the seed, hostile and synthetic stores,
a live uvicorn server per app and one headless Chromium for the browser tests."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from graph.store.embedded import EmbeddedStore
from views_hostile import hostile_graph
from views_live import LiveServer, launch_chromium, make_app
from views_synth import build_store


@pytest.fixture(scope="session")
def hostile_store(tmp_path_factory):
    store = EmbeddedStore(tmp_path_factory.mktemp("hostile"))
    nodes, edges = hostile_graph()
    store.write(nodes, edges)
    yield store
    store.close()


@pytest.fixture(scope="session")
def big_store(tmp_path_factory):
    """2,000 nodes around region:hub (tests/webviews/views_synth.py)."""
    store = build_store(tmp_path_factory.mktemp("big"), 2000)
    yield store
    store.close()


@pytest.fixture
def seed_client(seed_store, tmp_path):
    with TestClient(make_app(seed_store, tmp_path)) as c:
        yield c


@pytest.fixture
def hostile_client(hostile_store, tmp_path):
    with TestClient(make_app(hostile_store, tmp_path)) as c:
        yield c


@pytest.fixture(scope="session")
def seed_server(seed_store, tmp_path_factory):
    with LiveServer(make_app(seed_store, tmp_path_factory.mktemp("seed-srv"))) as srv:
        yield srv


@pytest.fixture(scope="session")
def hostile_server(hostile_store, tmp_path_factory):
    with LiveServer(make_app(hostile_store, tmp_path_factory.mktemp("hostile-srv"))) as srv:
        yield srv


def _host_app():
    """Another site (another origin: its own port) whose page frames the URL in ?src=."""
    from fastapi import FastAPI
    from fastapi.responses import HTMLResponse
    from html import escape

    app = FastAPI()

    @app.get("/")
    def host(src: str):
        return HTMLResponse(f'<!doctype html><title>host</title><link rel="icon" href="data:,">'
                            f'<iframe id="f" src="{escape(src)}" width="900" height="600"></iframe>')

    return app


@pytest.fixture(scope="session")
def host_site():
    with LiveServer(_host_app()) as srv:
        yield srv


@pytest.fixture(scope="session")
def embed_server(seed_store, host_site, tmp_path_factory):
    """The seed app with the host site allowed to frame its views."""
    app = make_app(seed_store, tmp_path_factory.mktemp("embed-srv"), frame_ancestors=f"'self' {host_site.url}")
    with LiveServer(app) as srv:
        yield srv


@pytest.fixture(scope="session")
def big_server(big_store, tmp_path_factory):
    with LiveServer(make_app(big_store, tmp_path_factory.mktemp("big-srv"), view_max_nodes=2000)) as srv:
        yield srv


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        try:
            b = launch_chromium(p)
        except RuntimeError as exc:
            pytest.fail(str(exc))
        yield b
        b.close()
