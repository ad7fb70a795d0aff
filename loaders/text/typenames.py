"""The node and edge type names the recognizers and the gazetteer use, read from the text rules'
``rules/types.yaml`` and checked against the schema (``graph/schema``), so that no type name is
written in code. (``rules.types`` reads the same file for the rule modules; this module imports
nothing from ``rules`` so that ``gazetteer`` and ``discover`` can use it without an import cycle.)"""

from __future__ import annotations

from pathlib import Path

import yaml

from graph.schema import default_schema

_FILE = Path(__file__).with_name("rules") / "types.yaml"


def _load() -> dict[str, str]:
    raw = yaml.safe_load(_FILE.read_text(encoding="utf-8")) or {}
    schema = default_schema()
    out: dict[str, str] = {}
    for section, known in (("nodes", schema.nodes), ("edges", schema.edges)):
        for const, name in (raw.get(section) or {}).items():
            if name not in known:
                raise ValueError(f"{_FILE}: {section[:-1]} type {name!r} ({const}) is not in the schema; "
                                 "fix the name or add the type to graph/schema/")
            out[const] = name
    return out


_NAMES = _load()
globals().update(_NAMES)  # REGION, ORGANIZATION, ..., SUBORDINATE_TO, ... as module constants

REGION: str
ORGANIZATION: str
COMPANY: str
PERSON: str
TOPIC: str
SUBORDINATE_TO: str
LOCATED_IN: str
PART_OF: str
MEMBER_OF: str
