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


_BETWEEN = re.compile(r"\b(?:Zusammenarbeit|Kooperation|cooperation|co-operation|collaboration|relations|Beziehungen)\s+(?:[\w-]++\s+){0,2}?(?:zwischen|between)\s+")


# cooperation that is only talked about is no partnership
_TALK = re.compile(r"möglich|diskutiert|erörtert|besprochen|sprachen über|discuss|explor|possib|could|könnte", re.I)


def apply(doc, s, ms) -> None:
    edge, cue = _config()
    between = _BETWEEN.search(s.text)
    if between and not _TALK.search(s.text):
        _between(doc, s, ms, between.end(), edge)
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


def _german_and_foreign(doc, regions: list[str]) -> tuple[str | None, list[str]]:
    german = [r for r in regions if doc.state_of(r) == r]
    foreign = [r for r in regions if r != _COUNTRY_DE and doc.state_of(r) is None and _COUNTRY_DE not in doc.ancestors(r)]
    return (german[0] if len(german) == 1 else None), foreign


def _between(doc, s, ms, pos: int, edge: str) -> None:
    """'die Zusammenarbeit zwischen Sachsen und Hebei', 'cooperation between Ohio and Hesse':
    the two regions named right after the cue, one of them a German state."""
    named = [m for m in ms if m.start >= pos and m.start - pos <= 80 and m.kind == "entity"][:2]
    if len(named) == 2 and all(m.type == REGION for m in named) and re.fullmatch(
            r"\s*(?:und|and|&)\s+(?:der\s+|dem\s+|the\s+)?", s.text[named[0].end:named[1].start]) and named[0].start == pos:
        home, foreign = _german_and_foreign(doc, [m.ref for m in named])
        if home and foreign:
            doc.fact(edge, home, foreign[0], s.index)


def from_parties(doc, parties: list[str], sentence: int) -> None:
    """Two regions party to one agreement, a German state and a foreign region, are partners."""
    edge, _ = _config()
    regions = [p for p in parties if doc.gaz.get(p) is not None and doc.gaz.get(p).type == REGION]
    home, foreign = _german_and_foreign(doc, regions)
    if home and len(foreign) == 1:
        doc.fact(edge, home, foreign[0], sentence)
