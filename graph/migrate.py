"""Copy a whole graph from one store to another (embedded <-> Neo4j).

Nodes first, then edges, in batches; every batch is one write transaction of
the target store, and writes are upserts by id, so an interrupted migration is
finished by running it again (idempotent). At the end the counts per type are
compared; a mismatch raises StoreError naming the types that differ.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterator, TypeVar

from .errors import StoreError
from .store.base import GraphStore

T = TypeVar("T")


@dataclass
class MigrationReport:
    nodes: int
    edges: int
    target_counts: dict

    def to_dict(self) -> dict:
        return {"nodes_copied": self.nodes, "edges_copied": self.edges, "target": self.target_counts}


def _chunks(items: Iterator[T], size: int) -> Iterator[list[T]]:
    chunk: list[T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def migrate(
    source: GraphStore,
    target: GraphStore,
    *,
    batch_size: int = 5_000,
    progress: Callable[[int, int], None] | None = None,
) -> MigrationReport:
    src_stats = source.stats().to_dict()
    total = src_stats["total_nodes"] + src_stats["total_edges"]
    done = 0
    n_nodes = n_edges = 0
    for chunk in _chunks(source.iter_nodes(), batch_size):
        target.write(chunk, [])
        n_nodes += len(chunk)
        done += len(chunk)
        if progress:
            progress(done, total)
    for chunk in _chunks(source.iter_edges(), batch_size):
        target.write([], chunk)
        n_edges += len(chunk)
        done += len(chunk)
        if progress:
            progress(done, total)
    dst = target.stats().to_dict()
    short = sorted(
        f"{kind} {t}: {n} in the source, {dst[kind].get(t, 0)} in the target"
        for kind in ("nodes", "edges")
        for t, n in src_stats[kind].items()
        if dst[kind].get(t, 0) < n
    )
    if short:
        raise StoreError("migration incomplete, run it again: " + "; ".join(short))
    return MigrationReport(n_nodes, n_edges, dst)
