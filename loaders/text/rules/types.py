"""The type names the text rules use, read from ``types.yaml`` and checked against the schema:
``from .types import REGION, HOLDS_ROLE_AT`` instead of writing the names in code.
``ends(edge)`` gives an edge type's allowed (source types, target types) from the schema."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from graph.schema import default_schema

_FILE = Path(__file__).with_name("types.yaml")


def _load() -> dict[str, str]:
    raw = yaml.safe_load(_FILE.read_text(encoding="utf-8"))
    schema = default_schema()
    out: dict[str, str] = {}
    for const, name in (raw.get("nodes") or {}).items():
        if name not in schema.nodes:
            raise ValueError(f"{_FILE}: node type {name!r} ({const}) is not in the schema")
        out[const] = name
    for const, name in (raw.get("edges") or {}).items():
        if name not in schema.edges:
            raise ValueError(f"{_FILE}: edge type {name!r} ({const}) is not in the schema")
        out[const] = name
    return out


_NAMES = _load()
globals().update(_NAMES)

REGION: str
ORGANIZATION: str
COMPANY: str
PERSON: str
TOPIC: str
AGREEMENT: str
EVENT: str
DOCUMENT: str
FOCUSES_ON: str
HOLDS_ROLE_AT: str
LOCATED_IN: str
PART_OF: str
MEMBER_OF: str
ORGANIZED: str
PARTICIPATED_IN: str
PARTY_TO: str
SIGNED: str
SUBORDINATE_TO: str
TRADES_WITH: str
VISITED: str
PARTNER_OF: str
INVESTED_IN: str
FUNDED: str


@lru_cache(maxsize=None)
def ends(edge: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(source types, target types) the schema allows for an edge type."""
    e = default_schema().edge_type(edge)
    return tuple(e.source), tuple(e.target)


def type_of_id(id: str) -> str | None:
    """The node type an id's prefix names (``agreement:...`` -> the agreement type), if any."""
    prefix = id.split(":", 1)[0]
    return default_schema().prefixes.get(prefix)
