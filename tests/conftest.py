"""Shared fixtures: embedded stores on the hand-made mini graph and on the bundled seed dataset."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.store.embedded import EmbeddedStore
from loaders import load_path
from regiograph.seed import SEED_DIR

pytest_plugins = ["tests.conftest_neo4j"]

DATA = Path(__file__).parent / "data"
MINI = DATA / "mini.yaml"


@pytest.fixture
def empty_store(tmp_path):
    store = EmbeddedStore(tmp_path / "store")
    yield store
    store.close()


@pytest.fixture
def mini_store(tmp_path):
    store = EmbeddedStore(tmp_path / "mini")
    store.load(load_path(MINI))
    yield store
    store.close()


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory):
    """The bundled seed dataset in an embedded store; shared, so tests must not write to it."""
    store = EmbeddedStore(tmp_path_factory.mktemp("seed"))
    store.load(load_path(SEED_DIR))
    yield store
    store.close()
