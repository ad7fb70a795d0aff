"""Visits of persons told without an event: 'X besucht die Firma Y', 'X reist nach Y', 'A empfing B in der
Staatskanzlei', a person's own or earlier visit, office words standing for a person."""

from __future__ import annotations

import re

from ...sentences import Sentence
from ..context import Doc, LIST_GAP as _LIST_GAP, Mention
from ..types import COMPANY, HOLDS_ROLE_AT, ORGANIZATION, PERSON, REGION, VISITED
from .cues import (_BY_HOST, _CLAUSE_END, _DEFINITE_BEFORE, _HOST_VERB, _LED_BY, _ON_BEHALF, _ORIGIN_BEFORE,
                   _PASSIVE, _POSSESSIVE_AFTER, _RECEIVE_WORDS)


# "Japan, das der Minister 2017 besucht hat", "Korea, wohin er 2015 gereist ist": a person's earlier visit
_EARLIER_VISIT = re.compile(r"\s*,\s*(?:das|die|den|wohin|wo|which|where)\s+(?P<who>[^,;]{0,60}?)\b(?:besucht|bereist|gereist|visited|travell?ed)\b")

_WHO = re.compile(r"\b(?:er|sie|der Minister|die Ministerin|der Ministerpräsident|die Ministerpräsidentin|he|she|the minister)\b")


def _earlier_visits(d: Doc, s: Sentence, ms: list[Mention]) -> None:
    """'Japan, das der Minister 2017 besucht hat': the person named (or the one a pronoun stands for) visited the
    region."""
    t = s.text
    for m in ms:
        if m.kind != "entity" or m.type != REGION:
            continue
        v = _EARLIER_VISIT.match(t, m.end)
        if v is None:
            continue
        named = [x for x in ms if x.type == PERSON and v.start("who") <= x.start < v.end("who")]
        if named:
            who = named[0].ref
        elif _WHO.search(v.group("who")):
            who = _latest_person(d, s, ms, m.start)
        else:
            continue
        if who:
            d.fact(VISITED, who, m.ref, s.index)


def _latest_person(d: Doc, s: Sentence, ms: list[Mention], before: int) -> str | None:
    """The person a pronoun or an office word stands for: the last one named before, in this sentence or
    the sentences before it (up to 25 back, a quote or an address block may stand between)."""
    here = [x.ref for x in ms if x.type == PERSON and x.start < before]
    if here:
        return here[-1]
    for i in range(s.index - 1, max(0, s.index - 26), -1):
        named = [x.ref for x in d.mentions[i] if x.type == PERSON]
        if named:
            return named[-1]
    return None


# arrival, a completed or present stay: "ist in X eingetroffen", "ist in X zu Gast", "arrived in X"
_ARRIVED = re.compile(r"\b(?:eingetroffen|angekommen|zu\s+Gast|zu\s+Besuch|arrived|arrives|will\s+arrive)\b")

# ("stopped in/into X": a short stop on a longer trip)
_VISIT_WORD = re.compile(r"\b(?:besucht|besuchte|besuchten|besuchen|bereist|bereiste|besichtigt|besichtigte|visits|visited|will\s+visit|toured"
                         r"|stopped\s+(?:in|into|over\s+in))\b|" + _ARRIVED.pattern)


def _visitor(t: str, ms: list[Mention], obj: Mention) -> str | None:
    """The person the sentence makes the subject of the visit verb before what is visited: 'X besucht Y',
    'X will ... Y besuchen', 'Am Montag besuchte Ministerpräsident X Y'."""
    verbs = [v for v in _VISIT_WORD.finditer(t)]
    if not verbs:
        return None
    persons = [x for x in ms if x.type == PERSON]
    for v in verbs:
        # "X besucht Y", "X visited Y": the person right before the verb (a role word or title between is fine)
        # (also with an apposition between: "X, a member of the cabinet, visited Y")
        before = [x for x in persons if x.end <= v.start() and re.fullmatch(r"\s*(?:\([^)]*\)\s*)?(?:,\s*(?:an?|the)\s[^,;()]{1,60},\s*)?(?:will\s+|wird\s+|hat\s+|has\s+)?", t[x.end:v.start()])]
        if before and _LED_BY.search(t, 0, before[-1].start):
            before = []  # "a mission led by X will visit Y": the mission is the subject, not X
        if before and before[-1].end <= obj.start and v.end() <= obj.start:
            return before[-1].ref
        # "Am Montag besuchte Ministerpräsident X die Region Y": verb, office, person, object
        after = [x for x in persons if x.start >= v.end() and re.fullmatch(r"\s*(?:(?:der|die|the)\s+)?(?:[\w-]+\s+){0,2}?(?:Dr\.\s+|Prof\.\s+)*", t[v.end():x.start])]
        if after and after[0].end <= obj.start and v.start() < 40 + t.find(" "):
            return after[0].ref
        # "X ist in Y eingetroffen", "X ist ... in Y zu Gast": arrived, the place right before the verb
        if v.start() >= obj.end and _ARRIVED.match(t, v.start()) and persons and persons[0].end <= obj.start \
                and re.fullmatch(r"\s*(?:[\w-]+\s+){0,2}", t[obj.end:v.start()]) and not _ORIGIN_BEFORE.search(t[max(0, obj.start - 30):obj.start]):
            return persons[0].ref
        # "X will ... Y besuchen": the sentence's subject before the object, the verb after it
        if v.start() >= obj.end and persons and persons[0].end <= obj.start and re.match(r"\s*(?:will|wird|möchte|plant)\b", t[persons[0].end:]):
            return persons[0].ref
    return None


def _office_holder(d: Doc, role: str, upto: int) -> str | None:
    """The one person the text gave this office (by its English role name) up to sentence `upto`."""
    holders = [f.source for f in d.facts if f.type == HOLDS_ROLE_AT and f.properties.get("role") == role and f.sentence <= upto]
    holders += [p for p, f in d.weak_role.items() if f.properties.get("role") == role and f.sentence <= upto]
    holders = list(dict.fromkeys(holders))
    return holders[0] if len(holders) == 1 else None


def _with_office_holders(d: Doc, s: Sentence, ms: list[Mention]) -> list[Mention]:
    """The sentence's mentions with an office word after a definite article that names no person
    ('Der Gouverneur ist ...', 'the Governor said') read as the person who holds that office."""
    t = s.text
    extra = []
    for i, m in enumerate(ms):
        if m.kind != "role" or not _DEFINITE_BEFORE.search(t[max(0, m.start - 30):m.start]):
            continue
        if any(x.kind == "entity" and x.start >= m.start and x.end <= m.end for x in ms):
            continue
        nxt = [x for x in ms[i + 1:] if x.kind in ("entity", "role") and x.start >= m.end]
        if nxt and nxt[0].start - m.end <= 80 and (nxt[0].type == PERSON or nxt[0].kind == "role"):
            continue  # "der Gouverneur John Miller": the name follows
        if nxt and nxt[0].type in (REGION, ORGANIZATION) and len(nxt) > 1 and nxt[1].type == PERSON and nxt[1].start - nxt[0].end <= 3:
            continue  # "der Gouverneur von Ohio, John Miller"
        who = _office_holder(d, m.ref, s.index)
        if who is None:
            continue
        extra.append(Mention("entity", who, m.start, m.end, m.text, PERSON))
    if not extra:
        return ms
    return sorted(ms + extra, key=lambda x: (x.start, -x.end))


# ------------------------------------------------------------------ a person visits a body
_VISITS = re.compile(r"\b(?:besucht|besuchte|besuchten|besichtigt|besichtigte|besichtigten|visits|visited|will\s+visit|toured)\b")

_GUEST_AT = re.compile(r"\bzu\s+Gast\s+(?:in|im|bei|beim)\s+(?:der\s+|dem\s+|den\s+)?(?:[A-ZÄÖÜ][\w-]*(?:er|en)\s+)?")


def _person_visits(d: Doc, s: Sentence, ms: list[Mention]) -> None:
    """'X besucht die Firma Y und den Sitz von Z', 'Am Montag besuchte X das Institut Y': the person
    visits the bodies the verb names in its clause; 'X war zu Gast in der Staatskanzlei': the host body."""
    t = s.text
    g = _GUEST_AT.search(t)
    if g is not None:
        body = next((m for m in ms if m.kind == "entity" and m.start == g.end() and m.type in (ORGANIZATION, COMPANY)), None)
        guest = next((m for m in ms if m.type == PERSON and m.end <= g.start() and not _POSSESSIVE_AFTER.match(t, m.end)), None)
        if body is not None and guest is not None:
            d.fact(VISITED, guest.ref, body.ref, s.index)
    for v in _VISITS.finditer(t):
        end = _CLAUSE_END.search(t, v.end())
        stop = end.start() if end else len(t)
        for m in ms:
            if m.kind != "entity" or m.type not in (ORGANIZATION, COMPANY) or not (v.end() <= m.start < stop):
                continue
            if _ORIGIN_BEFORE.search(t[max(0, m.start - 30):m.start]) or re.search(r"\b(?:in|im|bei|at|of|des|der)\s+$", t[max(0, m.start - 6):m.start]):
                continue  # "die Firma X aus Y", "der Sitz des Konzerns X" is fine below, "in der Y": a place
            who = _visitor(t, ms, m)
            if who is None:
                # "Zum Abschluss ... besuchte der Botschafter die Firma Y": the subject right after the verb
                after = next((x for x in ms if x.type == PERSON and v.end() <= x.start and x.end <= m.start), None)
                if after is not None and re.fullmatch(r"\s*(?:(?:der|die|the)\s+)?(?:[\w-]+\s+){0,2}?(?:Dr\.\s+|Prof\.\s+)*", t[v.end():after.start]):
                    who = after.ref
            if who is not None:
                d.fact(VISITED, who, m.ref, s.index)


# "X reist mit einer Delegation nach Y", "Nun reist X nach Y", "X ist am Sonntag nach Y gereist", "X startet zu einer
# Reise nach Y und Z", "X will travel to Y": the subject of the travel verb goes to the places named after "nach"/"to"
_TRAVELS = re.compile(r"\b(?:reist|reiste|reisten|gereist|fliegt|flog|geflogen|startet|brach|bricht|travels|travell?ed|travell?ing|will\s+travel|flew|flies)\b")

_TO_PLACE = re.compile(r"\b(?:nach|to)\s+$")

_SUBJECT_GAP = re.compile(r"\s*(?:\([^()]{1,30}\)\s*)?(?:,\s*(?:an?|the)\s[^,;()]{1,60},\s*)?(?:ist|sind|war|waren|will|is|has|had|wird)?\s*")


def _travel_subject(t: str, ms: list[Mention], v: re.Match, german: bool) -> Mention | None:
    """The person before the verb (a party, an apposition or an auxiliary between), or, when the verb comes second
    in a German clause ("Nun reist Ministerpräsident X ..."), the person right after it."""
    persons = [x for x in ms if x.type == PERSON and not _POSSESSIVE_AFTER.match(t, x.end)]
    before = [x for x in persons if x.end <= v.start()]
    if before and _SUBJECT_GAP.fullmatch(t[before[-1].end:v.start()]):
        return before[-1]
    if before and re.search(r"\bge\w+$", v.group(0)):
        # "X ist am Sonntag mit einer Delegation nach Y gereist": the auxiliary after the subject, the participle at the end
        aux = re.match(r"\s*(?:\([^()]{1,30}\)\s*)?(?:ist|sind|war|waren)\s", t[before[0].end:])
        if aux is not None and not any(x.type == PERSON for x in ms if before[0].end <= x.start < v.start()):
            return before[0]
    after = [x for x in persons if x.start >= v.end()]
    if after and re.fullmatch(r"\s*(?:(?:der|die)\s+)?(?:[\w-]+\s+){0,2}?(?:Dr\.\s+|Prof\.\s+)*", t[v.end():after[0].start]) \
            and german and not before and re.fullmatch(r"[^;:]{0,80}", t[:v.start()]) \
            and not re.search(r"\b(?:dass|wenn|als|weil|nachdem|ob|wo|die|der|das)\s", t[:v.start()]):
        return after[0]
    return None


def _person_travels(d: Doc, s: Sentence, ms: list[Mention]) -> None:
    """The subject of a travel verb visits the regions named after 'nach' / 'to' in its clause (not the way home)."""
    t = s.text
    for v in _TRAVELS.finditer(t):
        who = _travel_subject(t, ms, v, d.lang == "de")
        if who is None:
            continue
        clause_end = _CLAUSE_END.search(t, v.end())
        stop = clause_end.start() if clause_end else len(t)
        start = t.rfind(",", 0, v.start()) if not v.group(0).startswith("ge") else who.end
        prev_end = None
        for m in ms:
            if m.kind != "entity" or m.type != REGION or m.start < max(start, who.end) or m.start >= max(stop, v.end() + 1) + 200:
                continue
            if m.start > stop and m.start > v.end():
                break
            to = _TO_PLACE.search(t[max(0, m.start - 8):m.start])
            listed = prev_end is not None and _LIST_GAP.fullmatch(t[prev_end:m.start])
            if not (to or listed) or (d.home and (m.ref == d.home or m.ref in d.ancestors(d.home))):
                prev_end = None
                continue
            if re.search(r"\b(?:zurück|back|home|heim)\s+(?:nach|to)\s+$", t[max(0, m.start - 16):m.start]):
                continue  # "kehrt zurück nach X": the way home
            d.fact(VISITED, who.ref, m.ref, s.index)
            prev_end = m.end


# ------------------------------------------------------------------ a person's own visit
# "during her visit to Hamburg", "zu dessen Antrittsbesuch im Rathaus", "seines Aufenthaltes im Saarland",
# "for his inaugural visit to the State of X": the visit word with a possessive, then the place or body
_OWN_VISIT = re.compile(r"\b(?P<pos>his|her|seine[mns]?|ihre[mns]?|dessen|deren)\s+(?:[\w-]+\s+)?"
                        r"(?:[Aa]ntrittsbesuch(?:e?s)?|[Bb]esuch(?:e?s)?|[Aa]ufenthalt(?:e?s)?|visit|stay)\s+"
                        r"(?:to|in|im|nach)\s+(?:the\s+|der\s+|dem\s+|die\s+|den\s+)?"
                        r"(?:(?:Bundesland|[Ss]tate|Free\s+State|Freistaat|[Cc]ity|Land|Hansestadt)\s+(?:of\s+)?)?$")


def _own_visit(d: Doc, s: Sentence, ms: list[Mention]) -> None:
    """'A received B for his inaugural visit to X', 'A met B during her visit to X': the one whose visit it is
    visits X. 'dessen/deren' and a guest after a host verb: the person named last before; else the sentence's
    subject (its first person, not one met or named after 'mit/with/von/by')."""
    t = s.text
    for m in ms:
        if m.kind != "entity" or m.type not in (REGION, ORGANIZATION, COMPANY):
            continue
        v = _OWN_VISIT.search(t[max(0, m.start - 90):m.start])
        if v is None:
            continue
        vstart = max(0, m.start - 90) + v.start()
        if re.search(r"\b(?:welcomed|welcomes|begrüßte|begrüßt|lobte|praised)\s+$", t[max(0, vstart - 20):vstart]):
            continue  # "X welcomed her visit to Y": the host speaks of the guest's visit
        persons = [x for x in ms if x.type == PERSON and not _POSSESSIVE_AFTER.match(t, x.end)
                   and not _ON_BEHALF.search(t[max(0, x.start - 60):x.start])]
        before = [x for x in persons if x.end <= vstart]
        if v.group("pos") in ("dessen", "deren") or (before and _HOST_VERB.search(t, before[0].end, vstart)):
            who = before[-1] if before else None
        else:
            subj = [x for x in persons if not (x.start <= m.start and x.start >= vstart)
                    and not re.search(r"\b(?:mit|with|von|vom|by|und|and)\s+(?:[\w.-]+\s+){0,3}$", t[max(0, x.start - 40):x.start])]
            who = subj[0] if subj else None
        if who is not None:
            d.fact(VISITED, who.ref, m.ref, s.index)


# "A empfing B in der Staatskanzlei", "B wurde von A im Rathaus empfangen", "A received B at the ministry"
_RECEIVE = re.compile(rf"\b(?:{_RECEIVE_WORDS})\b")

_AT_PLACE = re.compile(r"\b(?:in|im|at)\s+(?:der\s+|dem\s+|the\s+)?(?:[A-ZÄÖÜa-zäöü][\w-]*(?:er|en)\s+)?$")

# "Sie empfing X ...", "He welcomed X ...": the host named by a pronoun before the verb, the person named the guest
_PRONOUN_HOST = re.compile(r"\W*(?:Sie|Er|She|He)\s+(?:(?:hat|hatte|has|had)\s+)?$")


def _reception(d: Doc, s: Sentence, ms: list[Mention]) -> None:
    """The guest of a reception visits the body where it is received ('A empfing B in der Staatskanzlei')."""
    t = s.text
    rv = _RECEIVE.search(t)
    if rv is None:
        return
    # the person on whose behalf the host acts is neither host nor guest ("in Vertretung von Ministerpräsident X")
    persons = [m for m in ms if m.type == PERSON and not _POSSESSIVE_AFTER.match(t, m.end)
               and not _ON_BEHALF.search(t[max(0, m.start - 60):m.start])]
    pronoun_host = len({m.ref for m in persons}) == 1 and _PRONOUN_HOST.fullmatch(t[: rv.start()]) is not None
    if len(persons) < 2 and not pronoun_host:
        return
    host_by = next((m for m in persons if _BY_HOST.search(t[max(0, m.start - 60):m.start])
                    and _PASSIVE.search(t, 0, m.start)), None)
    if host_by is not None:
        # passive: "B wurde von A ... empfangen", "B was received by A"
        guests = [m for m in persons if m.end <= host_by.start]
        if not guests:
            return
        guest = guests[0]
    else:
        # active: "A empfängt B", "A hat B ... empfangen": the host first, the guest the next person
        guest = persons[0] if pronoun_host else next((m for m in persons if m.ref != persons[0].ref), None)
        if guest is None:
            return
    for m in ms:
        if m.kind == "entity" and m.type in (ORGANIZATION, COMPANY) and m.start > guest.end and _AT_PLACE.search(t[max(0, m.start - 40):m.start]):
            d.fact(VISITED, guest.ref, m.ref, s.index)
            break
