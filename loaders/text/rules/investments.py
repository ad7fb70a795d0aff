"""Investments (INVESTED_IN): a company builds, opens or invests in a site in a named place:
"X is building a plant in Y", "the opening of a new X office in the city of Y",
"X eröffnete ein Werk in Y". The company and a verb and a kind of site (``investments.yaml``) must be
in one stretch of the sentence that ends with "in <place>"; the place is a city, state or province."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

from graph.schema import default_schema

from ..sentences import Sentence
from .context import Doc, Mention
from .types import COMPANY, REGION

_CONFIG = Path(__file__).with_name("investments.yaml")
_BEFORE = 120  # characters before the company a verb may stand ("die Eröffnung der Dependance des Unternehmens X")
_SPAN = 200  # characters from the company to the place
_IN = re.compile(r"\b(?:in|im)\s+(?:der\s+|dem\s+|the\s+)?(?:(?:[\w-]++\s+){0,3}?(?:city|state|town|province|Stadt|Landeshauptstadt)\s+(?:of\s+)?)?$")


@lru_cache(maxsize=1)
def _config() -> tuple[str, re.Pattern, re.Pattern]:
    raw = yaml.safe_load(_CONFIG.read_text(encoding="utf-8"))
    edge = default_schema().edge_type(raw["edge"]).name  # checked against the schema
    verbs = re.compile(r"(?<![\w-])(?:" + "|".join(raw["verbs"]) + r")(?![\w-])")
    sites = re.compile(r"(?<![\w-])(?:" + "|".join(raw["sites"]) + r")(?![\w-])", re.I)
    return edge, verbs, sites


def apply(d: Doc, s: Sentence, ms: list[Mention]) -> None:
    edge, verbs, sites = _config()
    t = s.text
    if not verbs.search(t):
        return
    places = [m for m in ms if m.kind == "entity" and m.type == REGION and d.region_level(m.ref) in ("city", "district", "state", "province")
              and _IN.search(t[max(0, m.start - 60):m.start])]
    companies = [m for m in ms if m.kind == "entity" and m.type == COMPANY]
    for c in companies:
        for p in places:
            if p.start <= c.end or p.start - c.end > _SPAN:
                continue
            between = t[c.end:p.start]
            if re.search(r"[;:]", between) or any(m.kind == "entity" and m.type == REGION and c.end <= m.start < p.start for m in ms):
                break  # another place first, or another clause
            stretch = t[max(0, c.start - _BEFORE):p.start]
            if verbs.search(stretch) and sites.search(stretch):
                d.fact(edge, c.ref, p.ref, s.index)
            break
