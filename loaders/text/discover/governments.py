"""A region's governments, missions, ministries and offices, part of the third pass of
``discover_organizations``: 'Scottish Government', 'Botschaft der Republik Korea', "Bavaria's economy
ministry", 'Der Senator für ...', 'the Saxon liaison office'."""

from __future__ import annotations

import re

from ..gazetteer import Gazetteer, tokenize
from ..typenames import REGION
from .register import _region_adjective, _register_org

# "Scottish Government", "Indonesian Government": a national or regional adjective before Government/Parliament
_GOVERNMENT_EN = re.compile(r"(?<![\w-])(?P<name>(?:[A-Z][a-z]+(?:ish|ian|ese|an|ic|i|sh)|U\.S\.|US|UK|Basque|Thai|Swiss|Dutch|French|"
                            r"Greek|Czech|Catalan|Flemish|Walloon|Quebec)\s+(?:(?:State|Provincial|Federal|Regional|Municipal)\s+)?"
                            r"(?:Government|Parliament|National\s+Assembly|Senate|Embassy|Consulate(?:[- ]General)?))(?![\w-])"
                            # "the German Embassy in Ottawa": a mission's town belongs to its name as written
                            r"(?:[ \t]+in[ \t]+(?P<r>[A-Z][\w]*(?:-[A-Z][\w]*)*)(?![\w-]))?")
# "Botschaft der Republik Korea", "Generalkonsulat der Volksrepublik China", "Konsulat von Japan": a mission of a country
_MISSION_DE = re.compile(r"(?<![\w-])(?P<name>(?:Botschaft|Generalkonsulat|Konsulat)\s+(?:der|des|von)\s+(?:(?:Republik|Volksrepublik|"
                         r"Bundesrepublik|Königreichs?|Föderativen\s+Republik|Vereinigten\s+Staaten\s+von)\s+)?"
                         r"(?P<r>[A-ZÄÖÜ][\w]*(?:-[A-ZÄÖÜ][\w]*)*))(?![\w-])")
# "the Hamburg State Government": a region the text names, then its state government (a bare "X government"
# is the region X in the seed gold: "Busan Metropolitan City government")
_REGION_GOVERNMENT_EN = re.compile(r"(?<![\w-])(?P<r>[A-Z][\w]*(?:\s?-\s?[A-Z][\w]*|\s[A-Z][\w]*){0,2})\s+"
                                   r"(?:State|Provincial|state|provincial)\s+(?:Government|government)(?![\w-])")
# "das indische Generalkonsulat", "der Deutschen Botschaft": a country's mission named by the country's adjective
# ("der deutschen Botschaft in Lima": the town it sits in belongs to the name); so is a country's parliament
# ("die polnische Nationalversammlung", "das dänische Parlament", "der italienische Senat")
_MISSION_ADJ_DE = re.compile(r"(?<![\w-])(?P<name>(?P<adj>[A-Za-zÄÖÜäöü][a-zäöüß-]*(?:e|en|es|er|em))\s+"
                             r"(?:Generalkonsulat|Botschaft|Konsulat|Nationalversammlung|Parlament|Nationalrat|Senat)(?:e?s)?)(?![\w-])"
                             r"(?:[ \t]+in[ \t]+(?P<r>[A-ZÄÖÜ][\w]*(?:-[A-ZÄÖÜ][\w]*)*)(?![\w-]))?")
# "Bavaria's economy ministry", "Ohio's state economic development department": a region's body by its field
_POSSESSIVE_BODY = re.compile(r"(?<![\w-])(?P<r>[A-Z][\w]*(?:[ -][A-Z][\w]*)?)(?:'s|’s)\s+(?P<rest>(?:state\s+|regional\s+|provincial\s+)?"
                              r"(?P<field>economy|economics|economic(?:\s+affairs)?|finance|foreign|interior|science|education|"
                              r"environment|agriculture|health|transport|trade|labou?r|culture|digital)\s+"
                              r"(?:development\s+)?(?P<head>ministry|department|agency))\b")
# a city state's department named after its senator ("Der Senator für Wirtschaft und Häfen teilt mit"): the
# office with its fields and an article before it, no name after it or after a comma (then it is a person's office:
# "der Senatorin für Wirtschaft, Erika Muster")
_SENATOR_DEPT = re.compile(r"(?<![\w-])(?:[Dd]er|[Dd]ie|des|dem|den|beim|vom)\s+(?P<name>Senator(?:in|s)?\s+für\s+[A-ZÄÖÜ][\w-]*+"
                           r"(?:(?:,\s+|\s+und\s+)[A-ZÄÖÜ][\w-]*+){0,4}+)(?![\w-])(?![ \t]+[A-ZÄÖÜ]|,[ \t]+[A-ZÄÖÜ])")
# a region's office abroad, as English releases write it in lower case: "the Saxon liaison office", "a Lower
# Silesian office in Saxony", "its representation office in Montreal"; the town after "in" belongs to the name
_REGION_OFFICE_EN = re.compile(r"(?<![\w-])(?:(?P<adj>(?:(?:Lower|Upper|Northern|Southern|Eastern|Western)\s+)?[A-Z][a-z]+(?:ian|ish|an|ese|ic|on))"
                               r"|(?P<own>its|their))\s+(?P<kind>(?:liaison|representation|representative|trade)\s+)?office(?![\w-])"
                               r"(?:[ \t]+in[ \t]+(?P<r>[A-Z][\w]*(?:[ -][A-Z][\w]*)?)(?![\w-]))?")


def _possessive_bodies(gaz: Gazetteer, t: str, lang: str) -> None:
    """"Bavaria's economy ministry": a region's body by its field (``_possessive_body``)."""
    for m in _POSSESSIVE_BODY.finditer(t):
        _possessive_body(gaz, m, lang)


def _senator_departments(gaz: Gazetteer, t: str, lang: str) -> None:
    """"Der Senator für Wirtschaft und Häfen teilt mit": a city state's department (German texts)."""
    for m in _SENATOR_DEPT.finditer(t) if lang == "de" else ():
        _register_org(gaz, m.group("name"), lang, hint="ministry")


def _region_offices(gaz: Gazetteer, t: str, lang: str) -> None:
    """"the Saxon liaison office": a region's office abroad (English texts; ``_region_office``)."""
    for m in _REGION_OFFICE_EN.finditer(t) if lang == "en" else ():
        _region_office(gaz, m, lang)


def _governments_and_missions(gaz: Gazetteer, t: str, lang: str) -> None:
    """'Scottish Government', 'Botschaft der Republik Korea', 'the Hamburg State Government', 'das indische
    Generalkonsulat': a government, parliament or mission of a region the text names."""
    for m in _GOVERNMENT_EN.finditer(t):
        e = _register_org(gaz, m.group("name"), lang, hint="government")
        if e is not None and m.group("r") and re.search(r"Embassy|Consulate", m.group("name")) \
                and any(x.type == REGION for x in gaz.lookup(m.group("r"))):
            gaz.add_alias(e.id, m.group(0), lang)  # the mission with its town names it too
    for m in _MISSION_DE.finditer(t):
        if any(e.type == REGION for e in gaz.lookup(m.group("r"))):
            _register_org(gaz, m.group("name"), lang, hint="government")
    for m in _REGION_GOVERNMENT_EN.finditer(t) if lang == "en" else ():
        words = re.split(r"(?<=\w)\s(?=[A-Z])", m.group("r"))
        if len(words) > 1 and words[-1] in ("State", "Provincial"):
            words = words[:-1]  # the regex's greedy run took the body's own word
        for k in range(len(words)):
            r = " ".join(words[k:])
            if any(e.type == REGION for e in gaz.lookup(r)):
                _register_org(gaz, t[m.start("r") + m.group("r").index(r):m.end()], lang, hint="government")
                break
    for m in _MISSION_ADJ_DE.finditer(t) if lang == "de" else ():
        adj = m.group("adj")
        if any(h.kind == "adjective" and gaz.entries[h.ref].properties.get("level") == "country"
               for mm in gaz.match(adj, tokenize(adj)) if mm.start == 0 and mm.end == len(adj) for h in mm.hits):
            e = _register_org(gaz, m.group("name"), lang, hint="government")
            if e is not None and m.group("r") and any(x.type == REGION for x in gaz.lookup(m.group("r"))):
                gaz.add_alias(e.id, m.group(0), lang)  # the mission with its town names it too


def _region_office(gaz: Gazetteer, m: re.Match, lang: str) -> None:
    """A region's office: after a known state's or region's adjective ('Saxon liaison office'; a country's says
    as often where the office is: 'a German trade office'); after another adjective
    or 'its' only with a known region after 'in' and, for 'its', a kind word ('its liaison office in X')."""
    place = m.group("r")
    if place and not any(e.type == REGION for e in gaz.lookup(place)):
        place = place.split()[0] if any(e.type == REGION for e in gaz.lookup(place.split()[0])) else None
    known_adj = m.group("adj") is not None and _region_adjective(gaz, m.group("adj"))
    if known_adj and _region_adjective(gaz, m.group("adj"), "country"):
        known_adj = False  # "a Japanese office" of a company, "to open a German trade office" (where it will be)
    if not (known_adj or (place and (m.group("adj") or m.group("kind")))):
        return
    head = m.group(0)[m.start("kind") - m.start():] if m.group("own") else m.group(0)
    head = head[:head.index(" office") + 7]
    _register_org(gaz, f"{head} in {place}" if place else head, lang, hint="office")


def _possessive_body(gaz: Gazetteer, m: re.Match, lang: str) -> None:
    """'Bavaria's economy ministry': the region's economy ministry of the gazetteer when the field is the
    economy (the text's words become an alias), else a body of that name; nothing when X is no region."""
    regions = [e for e in gaz.lookup(m.group("r")) if e.type == REGION]
    if not regions:
        return
    name = m.group(0)
    ministry = gaz.economy_ministry(regions[0].id) if m.group("head") == "ministry" and m.group("field").startswith("econom") else None
    if ministry is not None:
        if name not in ministry.all_names():
            gaz.add_alias(ministry.id, name, lang)
        return
    _register_org(gaz, name, lang, hint="ministry" if m.group("head") == "ministry" else "agency")
