"""The query layer: every question the graph answers, written once over the storage port.

Each query is a ``Query``: a ``check`` that validates and normalizes the arguments
(errors name the field and the value) and a generic ``run`` over the primitives of
``graph.store.base.GraphStore``. ``run(store, name, **kwargs)`` checks once, then
calls the store's native version when it declares one (``native_queries``; the
contract suite proves it answers like the generic one), else the generic one.

Adding a query: one module with ``check`` and ``run``, one line in ``QUERIES``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from . import brokers, changes, communities, connections, entities, neighbors, paths, recommend, search, timeline, trade


@dataclass(frozen=True)
class Query:
    name: str
    check: Callable[..., dict[str, Any]]  # (schema, **arguments) -> normalized arguments
    run: Callable[..., Any]  # (store, **normalized arguments) -> answer


QUERIES: dict[str, Query] = {
    m.NAME: Query(m.NAME, m.check, m.run) for m in (search, neighbors, paths, connections, timeline, entities, trade, brokers, changes, communities, recommend)
}


def run(store, name: str, *, generic: bool = False, **kwargs) -> Any:
    """Answer query ``name`` on ``store``; ``generic=True`` skips a native version (tests)."""
    q = QUERIES[name]
    args = q.check(store.schema, **kwargs)
    impl = None if generic else store.native_queries().get(name)
    return (impl or q.run)(store, **args)
