"""Chambers, universities and other bodies by their kind, part of the third pass of
``discover_organizations``: 'IHK Berlin', 'HTW Dresden', 'Universität X', a foreign type word ('Université
X'), a name in apposition to what it is, '<Region> Invest'."""

from __future__ import annotations

import re

from graph.text import fold

from ..gazetteer import Gazetteer
from ..orgnames import HEADS_FOREIGN
from ..typenames import ORGANIZATION, REGION
from .names import STOP, _CAPWORD, _RUN, _trim_left
from .register import _best_tail, _register_org

# "IHK Berlin", "HWK Dresden", "IHK zu Kiel"
_CHAMBER_ABBR = re.compile(rf"(?<![\w-])(?P<name>(?:IHK|HWK|AHK)\s+(?:(?:zu|für)\s+)?(?P<place>{_CAPWORD}))")
_UNI_ABBR = re.compile(rf"(?<![\w-])(?P<name>(?:TU|TH|FH|HS|BTU|HTW|HTWK|HAW|OTH|HfT|HfWU)\s+(?P<place>{_CAPWORD}))")
# "Tongji Universität": a name before the German head (not an adjective: "Technische Universität")
_UNI_BEFORE = re.compile(rf"(?<![\w-])(?P<name>[A-Z][\w]*+\s+Universität)(?![\w-])")
_UNI = re.compile(rf"(?P<name>(?:Technische\s+)?Universität\s+{_CAPWORD}|University\s+of\s+{_CAPWORD}|"
                  # "Dresden University of Applied Sciences": the field after "of" belongs to the name
                  rf"{_CAPWORD}\s+University(?:\s+of(?:\s+(?:the\s+)?{_CAPWORD}){{1,4}}(?:\s+and\s+{_CAPWORD})?)?|"
                  rf"Hochschule\s+{_CAPWORD}(?:\s+{_CAPWORD})?)")
# a foreign type word and the name after it, with the particles of those languages inside ("Université X",
# "Universidad de Y", "Istituto per la Z"): the name ends at its last capitalized word
_FOREIGN_BODY = re.compile(rf"(?<![\w-])(?P<name>{HEADS_FOREIGN}(?:[ \t]+(?:(?:de|del|della|delle|di|do|da|dos|das|du|des|la|le|per|para|pour)[ \t]+){{0,2}}{_CAPWORD}){{1,4}})")
_REGION_AGENCY = r"(?:Invest|International|Trade\s*&\s*Invest|Global\s+Business|Innovativ|Business\s+Development)"
_APPOSITION = re.compile(
    rf"(?P<name>{_RUN}),\s+(?:the|die|der|das|a|an|eine|ein)\s+(?:[\w'’-]+\s+){{0,4}}?(?P<head>agency|Agentur|Wirtschaftsförderung|Wirtschaftsfördergesellschaft|association|Verband|cluster|Cluster|network|Netzwerk|ministry|Ministerium|chamber|Kammer|institute|Institut|university|Universität)\b"
)


def _foreign_bodies(gaz: Gazetteer, t: str, lang: str) -> None:
    """"Université X", "Universidad de Y": a foreign type word and the name after it."""
    for m in _FOREIGN_BODY.finditer(t):
        _register_org(gaz, m.group("name"), lang)


def _region_agencies(gaz: Gazetteer, t: str, lang: str) -> None:
    """"<Region> Invest", "<Region> International": a region's promotion agency."""
    for m in re.finditer(rf"(?P<name>{_CAPWORD}(?:-{_CAPWORD})?\s+{_REGION_AGENCY})(?![\w])(?!\s+[A-Z])", t):
        first = m.group("name").split()[0]
        if any(e.type == REGION for e in gaz.lookup(first)):
            _register_org(gaz, m.group("name"), lang)


def _chambers_and_universities(gaz: Gazetteer, t: str, lang: str) -> None:
    """'IHK Berlin', 'BTU Cottbus-Senftenberg', 'Tongji Universität', 'Universität X', 'X University', and
    the universities of a list ('die japanischen Universitäten Yamagata und Tohoku')."""
    for m in _CHAMBER_ABBR.finditer(t):
        if any(e.type == REGION for e in gaz.lookup(m.group("place"))):
            _register_org(gaz, m.group("name"), lang, hint="Kammer")
    # "BTU Cottbus-Senftenberg", "HTW Dresden": a university's type acronym and its town
    for m in _UNI_ABBR.finditer(t):
        if any(e.type == REGION for e in gaz.lookup(m.group("place").split("-")[0])):
            _register_org(gaz, m.group("name"), lang, hint="Hochschule")
    for m in _UNI_BEFORE.finditer(t):
        first = m.group("name").split()[0]
        if not re.search(r"(?:e|en|er|es|em)$", first) and fold(first) not in STOP:
            _register_org(gaz, m.group("name"), lang)
    for m in _UNI.finditer(t):
        # "National Taiwan University": the run is read whole by ``_HEAD_NAME_EN``, not from its middle
        prev = re.search(r"(\S+)\s+$", t[max(0, m.start() - 40):m.start()])
        if prev and prev.group(1)[:1].isupper() and fold(prev.group(1)) not in STOP and not m.group("name").startswith(("University", "Universität", "Technische", "Hochschule")):
            continue
        _register_org(gaz, _trim_left(m.group("name")), lang)
    # "die japanischen Universitäten Yamagata und Tohoku"
    for m in re.finditer(rf"\b(?:Universitäten|universities)\s+(?P<list>{_CAPWORD}(?:\s*(?:,|und|and)\s*{_CAPWORD})+)", t):
        for nm in re.split(r"\s*(?:,|und|and)\s*", m.group("list")):
            known = [e for form in (f"{nm} University", f"Universität {nm}", f"{nm}-Universität") for e in gaz.lookup(form) if e.type == ORGANIZATION]
            if known:
                gaz.add_alias(known[0].id, f"Universität {nm}", lang)
            else:
                _register_org(gaz, f"Universität {nm}" if lang == "de" else f"{nm} University", lang)


def _appositions(gaz: Gazetteer, t: str, lang: str) -> None:
    """'X, the regional development agency': a name followed by what it is."""
    for m in _APPOSITION.finditer(t):
        name = _trim_left(m.group("name"))
        name = _best_tail(name, gaz)
        if name and (re.search(r"[A-Z]{2,}", name) or len(name.split()) >= 2):
            _register_org(gaz, name, lang, hint=m.group("head"))
    # "organised by saaris, the Saarland economic development agency": a lower-case name in apposition
    for m in re.finditer(r"\b(?:by|von|durch|with|mit)\s+(?P<name>[a-z][\w-]{2,}),\s+(?:the|die|der|das)\s+(?:[\w'’-]+\s+){0,4}?(?:agency|Agentur|Wirtschaftsförderung|association|Verband|cluster|network|Netzwerk|chamber|Kammer)\b", t):
        _register_org(gaz, m.group("name"), lang, hint=m.group(0).rsplit(" ", 1)[-1])
