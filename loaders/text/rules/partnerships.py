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


_BETWEEN = re.compile(r"\b(?:Zusammenarbeit|Kooperation|Partnerschaft|Freundschaft|(?i:cooperation|co-operation|collaboration|"
                      r"partnership|friendship)|relations|Beziehungen)\s+(?:[\w-]++,?\s+){0,4}?(?:zwischen|between)\s+")
# "A und B wollen ihre Zusammenarbeit ausbauen", "A and B agree on closer cooperation": the two regions
# the sentence starts with, and their cooperation in the same clause
_PAIR_START = re.compile(r"\s*(?:(?:Die|Der|Das|The|Heute|Today)\s+)?")
_PAIR_LINK = re.compile(r"\s+(?:und|and|&)\s+(?:(?:die|der|das|dem|the)\s+)?(?:(?:Provinz|Präfektur|Region|Bundesstaat|Staat|province|prefecture|state)\s+(?:of\s+)?)?")
_THEIR_COOPERATION = re.compile(r"^[^.;:!?]{0,80}?\b(?:ihre|their|closer|engere|enger|bilateral|bilaterale)\w*\s+(?:\w+\s+)?(?:Zusammenarbeit|Kooperation|Partnerschaft|cooperation|co-operation|collaboration|partnership)\b", re.I)


# cooperation that is only talked about is no partnership
_MAYBE = re.compile(r"\b(?:mögliche[nrs]?|possible|potential|potentielle[nrs]?|potenzielle[nrs]?|eventuelle[nrs]?)\s+$", re.I)
_TALK = re.compile(r"möglich|diskutiert|erörtert|besprochen|sprachen über|discuss|explor|possib|could|könnte", re.I)


def apply(doc, s, ms) -> None:
    edge, cue = _config()
    between = _BETWEEN.search(s.text)
    if between and not _TALK.search(s.text):
        _between(doc, s, ms, between.end(), edge)
    regions = [m for m in ms if m.kind == "entity" and m.type == REGION]
    if not _TALK.search(s.text):
        _pair_subject(doc, s, ms, edge)
    pairs: dict[str, list[str]] = {}
    for c in cue.finditer(s.text):
        if _MAYBE.search(s.text, max(0, c.start() - 30), c.start()):
            continue  # "eine mögliche Partnerschaft", "a potential partnership": not (yet) partners
        linked = _linked(s.text, regions, c)
        if not linked:
            continue
        german = [r for r in linked if doc.state_of(r) == r]
        if not german:
            # "Riga ist Partnerstadt von Leipzig": a German town named by the words is the German side
            german = [r for r in linked if doc.state_of(r) is not None and doc.region_level(r) in ("city", "district")]
        foreign = [r for r in linked if r != _COUNTRY_DE and doc.state_of(r) is None and _COUNTRY_DE not in doc.ancestors(r)]
        named_states = {m.ref for m in regions if doc.state_of(m.ref) == m.ref}
        # the German side: the state the partnership words name, else the text's own state when the
        # sentence names no other German state
        home = german[0] if german else (doc.home if not (named_states - {doc.home}) else None)
        if home and foreign:
            pairs.setdefault(home, []).extend(r for r in foreign if r not in pairs.get(home, []))
    if cue.search(s.text) and _TOWNS.search(s.text):
        _town_pairs(doc, s, regions, edge)
    for home, foreign in pairs.items():
        # partners are states and provinces where the sentence names one ("die Partnerschaft mit China und
        # mit der Partnerprovinz Zhejiang"), else countries, else cities
        for levels in (("state", "province"), ("country",), ("city", "district")):
            chosen = [r for r in foreign if doc.region_level(r) in levels]
            if chosen:
                foreign = chosen
                break
        for r in foreign:
            doc.fact(edge, home, r, s.index)


# what may stand between a partnership word and the regions it names: "Partnerregion Zhejiang",
# "Partnerschaft Hessens mit Wisconsin", "partnership between A and B", "partner province of A"
_AFTER = re.compile(r"\s*(?:(?:mit|with|zwischen|between|von|vom|of|zu|zur|zum|to|der|des|dem|den|die|the|"
                    r"Provinz|Präfektur|Region|Bundesstaat|Staat|Stadt|province|prefecture|region|state|city|"
                    r"[a-zäöü]+(?:ischen|ische|ischer|isches)|[A-Z][a-z]+(?:ese|an))\s+){0,4}")
# between two regions of one list: "A und B", "A, B and C", "A mit B", "Zhejiang (China)"
_LINK = re.compile(r"\s*(?:[,;(]\s*)?(?:(?:und|and|sowie|mit|with|&|as well as)\s+)?(?:(?:der|dem|den|die|the)\s+)?"
                   r"(?:(?:Provinz|Präfektur|Region|Bundesstaat|Staat|province|prefecture|region|state)\s+(?:of\s+)?)?")
# the subject before the word: "A ist seit 2015 Partnerprovinz von B", "A und B pflegen seit 1999 eine
# Partnerschaft", "A and B have been partners", "Hessens Partnerregion X", "Hesse's partner region X"
_BEFORE = re.compile(r"(?:s|'s|’s)?\s+(?:(?:ist|sind|is|are|was|were|wurde|wurden|became|become|bleibt|remains|"
                     r"pflegen|pflegt|unterhalten|unterhält|feiern|feiert|celebrate|celebrates|verbindet|verbinden|"
                     r"have|has|haben|hat|share|teilen|unterzeichne\w*|schlossen|schließen|signed|sign|concluded|"
                     r"wollen|want|beschließen|beschlossen|vereinbaren|vereinbarten|agreed|agree)\b"
                     r"[^.;:,]{0,60}?)?$")
# "Die Partnerregionen Sachsens sind A und B", "Bavaria's partner regions are A and B"
_ARE = re.compile(r"\s*(?::|sind|ist|are|is|include|includes|umfassen)\s+(?:(?:die|der|the)\s+)?(?:(?:Provinz|Präfektur|Region|Bundesstaat|province|prefecture|region|state)\s+(?:of\s+)?)?")
_OF = re.compile(r"\s+(?:der|des|von|vom|für|of|for)\s+(?:(?:der|dem|the)\s+)?"
                 r"(?:[a-zäöü]+(?:ischen|ische|ischer|isches)\s+)?(?:(?:Stadt|Provinz|Präfektur|Region|city|province)\s+)?")
_NAME_GOES_ON = re.compile(r"[\s-]+(?:Messe|Fair|Expo|Universität|University|Hafen|Port|Airport|Flughafen)\b")
_HYPHEN = re.compile(r"\s?[-–/]\s?")
_COMPOUND_GAP = re.compile(r"-|\s+(?:[a-zäöü]+\s+)?")
# "A hat (am Montag) mit der Provinz B eine Partnerschaft ...": the 'mit' after the subject and a verb
_WITH_BEFORE = re.compile(r"^\s+(?:hat|haben|hatte|hatten|has|have|had|will|wollen|möchte|soll)\s+(?:[\w.-]+\s+){0,3}?(?:mit|with)\s+"
                          r"(?:(?:der|dem|den|the)\s+)?(?:[a-zäöü]+(?:ischen|ische|ischer|an|ese)\s+)?"
                          r"(?:(?:Provinz|Präfektur|Region|Bundesstaat|Staat|province|prefecture|region|state)\s+(?:of\s+)?)?$")
_WITH_THEN_CUE = re.compile(r"\s+(?:(?:province|prefecture|region|state)\s+)?(?:eine|einer|die|ihre|seine|a|an|its|their)\s+(?:[\w-]+\s+)?")
_IS = re.compile(r"\s+(?:is|was|has been|had been|remains|ist|war|bleibt)\s+(?:(?:seit|since)\s+\d{4}\s+)?")
_POSSESSIVE = re.compile(r"(?:s|'s|’s)\s+(?:(?:langjährige|neue|chinesische|long-standing|new)\w*\s+)?$")


def _linked(t: str, regions: list, c: re.Match) -> list[str]:
    """The regions a partnership word names: the list right after it and the subject list right before it."""
    out: list[str] = []
    of = _OF.match(t, c.end())
    if of and not any(m.start == of.end() and not _NAME_GOES_ON.match(t, m.end) for m in regions):
        return []  # "Partnerland der Hannover Messe", "partner state of the programme": partner of something else
    after = [m for m in regions if m.start >= c.end()]
    pos = c.end()
    for i, m in enumerate(after):
        g = t[pos:m.start]
        if not (_AFTER.fullmatch(g) if i == 0 else _LINK.fullmatch(g.rstrip(")")) or (i == 1 and _ARE.fullmatch(g))):
            break
        if m.ref not in out:
            out.append(m.ref)
        pos = m.end
        if t[pos:pos + 1] == ")":
            pos += 1
    before = _without_qualifiers(t, [m for m in regions if m.end <= c.start()])
    if len(before) >= 2 and _COMPOUND_GAP.fullmatch(t[before[-1].end:c.start()]) and \
            _HYPHEN.fullmatch(t[before[-2].end:before[-1].start]):
        # "the Ohio-Hessen sister-state partnership", "die Sachsen-Hebei-Partnerschaft"
        return [r for r in (before[-2].ref, before[-1].ref) if r not in out] + out
    if before and not out and _WITH_THEN_CUE.fullmatch(t[before[-1].end:c.start()]):
        # "A hat mit der Provinz B eine Partnerschaft vereinbart", "A und B haben ihre Partnerschaft ..." is elsewhere:
        # the region after "mit" and the subject region that opens the clause before it
        w = before[-1]
        k = len(before) - 1
        if k >= 1 and _WITH_BEFORE.search(t[before[k - 1].end:w.start]) and _subject_start(t, before[:k]):
            return [before[k - 1].ref, w.ref]
    if before:
        last = before[-1]
        g = t[last.end:c.start()]
        if _POSSESSIVE.fullmatch(g) or (_BEFORE.fullmatch(g) and _subject_start(t, before)):
            subj = [last.ref]
            if _POSSESSIVE.fullmatch(g) and len(before) > 1 and _IS.fullmatch(t[before[-2].end:last.start]):
                subj.insert(0, before[-2].ref)  # "Ohio has been Hesse's sister state": Ohio too
            k = len(before) - 1
            while k > 0 and _LINK.fullmatch(t[before[k - 1].end:before[k].start]):
                k -= 1
                subj.insert(0, before[k].ref)
            out = [r for r in subj if r not in out] + out
    return out


# "A and the B in South Africa have ...", "A und B (Polen) pflegen ...": the country after a region qualifies it
_QUALIFIER = re.compile(r"\s+(?:in|im)\s+(?:(?:the|der|dem)\s+)?$|\s*\($")


class _Span:
    """A region mention whose end reaches over the country that qualifies it."""

    def __init__(self, m, end: int):
        self.ref, self.start, self.end = m.ref, m.start, end


def _without_qualifiers(t: str, before: list) -> list:
    out: list = []
    for m in before:
        if out and _QUALIFIER.search(t[out[-1].end:m.start]) and t[out[-1].end:m.start].count(" ") <= 3:
            end = m.end + (1 if t[m.end:m.end + 1] == ")" else 0)
            out[-1] = _Span(out[-1], end)
            continue
        out.append(m)
    return out


def _subject_start(t: str, before: list) -> bool:
    """The regions before a partnership word stand at the start of the sentence or clause (the subject)."""
    first = before[0]
    k = 0
    while k + 1 < len(before) and _LINK.fullmatch(t[before[k].end:before[k + 1].start]):
        k += 1
    lead = t[:before[0].start] if k == len(before) - 1 else t[:before[k].start]
    return _SUBJECT_LEAD.fullmatch(lead) is not None and first is not None


# what may open a clause before its subject regions: an article, a time, a quotation mark, and the region's kind
# with its adjective ("Die polnische Woiwodschaft X und Y wollen ...", "„A und B verbindet ...")
_SUBJECT_LEAD = re.compile(
    r"(?:.*[,;:]\s*|\s*)[„“\"»«']?(?:(?:Die|Der|Das|The|Auch|Also|Heute|Today|Seit\s+\d{4}(?:\s+(?:ist|sind|war|waren))?|"
    r"Since\s+\d{4},?)\s+)?(?:[a-zäöü]+(?:e|en|er|es|an|ese|ish)\s+)?"
    r"(?:(?:Provinz|Präfektur|Region|Bundesstaat|Staat|Woiwodschaft|Wojewodschaft|Oblast|province|prefecture|region|state|"
    r"voivodeship|oblast)\s+)?")


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


def _pair_subject(doc, s, ms, edge: str) -> None:
    ents = [m for m in ms if m.kind == "entity"]
    if len(ents) < 2 or ents[0].type != REGION or ents[1].type != REGION:
        return
    a, b = ents[0], ents[1]
    t = s.text
    if not _PAIR_START.fullmatch(t[:a.start]) or not _PAIR_LINK.fullmatch(t[a.end:b.start]) or not _THEIR_COOPERATION.search(t[b.end:]):
        return
    home, foreign = _german_and_foreign(doc, [a.ref, b.ref])
    if home and foreign:
        doc.fact(edge, home, foreign[0], s.index)


def _region_of(doc, party: str) -> str | None:
    """A party that is a region, or a region's government ("the Government of X") standing for it."""
    e = doc.gaz.get(party)
    if e is None:
        return None
    if e.type == REGION:
        return e.id
    return e.seat if e.local and e.properties.get("kind") == "government" else None


def from_parties(doc, parties: list[str], sentence: int) -> None:
    """Two regions party to one agreement, a German state and a foreign region, are partners."""
    edge, _ = _config()
    regions = [r for r in (_region_of(doc, p) for p in parties) if r]
    home, foreign = _german_and_foreign(doc, regions)
    if home and len(foreign) == 1:
        doc.fact(edge, home, foreign[0], sentence)


# "Partnerschaften zwischen Städten, etwa A und B oder C und D", "twin towns such as A and B": pairs of towns
_TOWNS = re.compile(r"\b(?:Städte\w*|Kommunen|Gemeinden|Städtepartnerschaft\w*|cities|towns|municipalities|twin\s+towns?)\b", re.I)
_TOWN_PAIR = re.compile(r"\s*(?:und|and|[-–/])\s*")


def _town_pairs(doc, s, regions: list, edge: str) -> None:
    for a, b in zip(regions, regions[1:]):
        if not _TOWN_PAIR.fullmatch(s.text[a.end:b.start]):
            continue
        if not all(doc.region_level(r.ref) in ("city", "district") for r in (a, b)):
            continue
        german = [r.ref for r in (a, b) if doc.state_of(r.ref) is not None]
        if len(german) == 1:
            foreign = a.ref if german[0] == b.ref else b.ref
            doc.fact(edge, german[0], foreign, s.index)
