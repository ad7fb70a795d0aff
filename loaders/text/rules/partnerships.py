"""Partnerships between regions ("die Partnerschaft mit der Provinz X", "partner region X",
"30 Jahre Partnerschaft A und B"): a German state and the foreign regions named in a sentence with a
partnership cue. The German side is the state the sentence names, else the document's home state.
Trade-partner words ("Handelspartner", "trading partner") are no cue."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

from graph.schema import default_schema

from .types import REGION

_CONFIG = Path(__file__).with_name("partnerships.yaml")
_COUNTRY_DE = "region:de"


@lru_cache(maxsize=1)
def _config() -> tuple[str, re.Pattern]:
    raw = yaml.safe_load(_CONFIG.read_text(encoding="utf-8"))
    edge = default_schema().edge_type(raw["edge"]).name  # checked against the schema
    cue = re.compile(r"(?<![\w-])(?:" + "|".join(raw["cues"]) + r")(?![\w-])", re.I)
    return edge, cue


def apply(doc, s, ms) -> None:
    edge, cue = _config()
    if not cue.search(s.text):
        return
    regions: list[str] = []
    for m in ms:
        if m.kind == "entity" and m.type == REGION and m.ref not in regions:
            regions.append(m.ref)
    german = [r for r in regions if doc.state_of(r) == r]
    foreign = [r for r in regions if r != _COUNTRY_DE and doc.state_of(r) is None and _COUNTRY_DE not in doc.ancestors(r)]
    home = german[0] if len(german) == 1 else (doc.home if not german else None)
    if not home or not foreign:
        return
    # partners are states and provinces where the sentence names one, else countries, else cities
    for levels in (("state", "province"), ("country",), ("city", "district")):
        chosen = [r for r in foreign if doc.region_level(r) in levels]
        if chosen:
            foreign = chosen
            break
    for r in foreign[:2]:
        doc.fact(edge, home, r, s.index)
