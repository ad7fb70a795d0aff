"""The bundled seed dataset (regiograph/data/seed): facts from five press releases."""

from __future__ import annotations

from pathlib import Path

from graph.model import LoadReport
from graph.store.base import GraphStore, Progress

SEED_DIR = Path(__file__).parent / "data" / "seed"


def load_seed(store: GraphStore, progress: Progress | None = None) -> LoadReport:
    from loaders import load_path

    return store.load(load_path(SEED_DIR), progress=progress)


def ensure_seed(store: GraphStore) -> LoadReport | None:
    """Load the seed dataset if the store is empty; return the report, or None if it was not empty."""
    if store.stats().to_dict()["total_nodes"]:
        return None
    return load_seed(store)
