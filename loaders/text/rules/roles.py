"""Persons and roles: HOLDS_ROLE_AT from titles and appositions ("WFS-Geschäftsführer X",
"X, President of BEPA", "Geschäftsführer der HTAI X")."""

from __future__ import annotations

import re

from graph.text import fold

from ..sentences import Sentence
from .context import HON_GAP as _HON_GAP, OF_GAP as _OF_GAP, Doc, Mention, gap as _gap
from .types import COMPANY, HOLDS_ROLE_AT, ORGANIZATION, PERSON, REGION


def apply(d: Doc, s: Sentence, ms: list[Mention]) -> None:
    t = s.text
    for i, r in enumerate(ms):
        if r.kind != "role":
            continue
        person = _person_right_after(ms, i, t) or _person_before(ms, i, t) or _persons_after(ms, i, t)
        if person is None:
            continue
        target, tm = _role_target(d, ms, i, t)
        if target is None:
            # "Person, Role der ORG" was tried; "ORG-Role" too; ministers and heads of government: the region
            pass
        weak = target is None
        if target is None and re.match(r"(?i)netzwerk|cluster", r.text):
            clusters = []
            for kinds in (("cluster",), ("association",)):
                clusters = clusters or [m.ref for m in ms if m.kind == "entity" and d.entity(m.ref).properties.get("kind") in kinds]
                clusters = clusters or [u for u in d.node_sentences if d.gaz.get(u) and d.gaz.get(u).properties.get("kind") in kinds]
            if clusters:
                target, weak = clusters[0], False
        target = _resolve_minister(d, r.ref, target, t, r)
        if target is None:
            continue
        role = d.gaz.roles.get(r.ref)
        role_de = None
        if r.lang == "de" and role is not None:
            role_de = _german_role(r.text, role)
        f = d.fact(HOLDS_ROLE_AT, person.ref, target, s.index, role=r.ref, role_de=role_de)
        if weak and f is not None and person.ref not in d.role_of:
            d.weak_role[person.ref] = f
        d.role_of.setdefault(person.ref, target)



def _role_target(doc: Doc, ms: list[Mention], i: int, t: str) -> tuple[str | None, Mention | None]:
    """Organization or region of the role mention ms[i]: right before it ('WFS-Geschäftsführer',
    'Sachsens Wirtschaftsminister', 'der sächsische Wirtschaftsminister') or after it
    ('Geschäftsführer der HTAI', 'President of BEPA')."""
    r = ms[i]
    # before: entity/adjective directly in front (skipping other roles joined by 'und')
    j = i - 1
    while j >= 0 and ms[j].kind == "role" and re.fullmatch(r"\s*(?:und|and|,|-)?\s*", _gap(t, ms[j].end, ms[j + 1].start)):
        j -= 1
    if j >= 0:
        p = ms[j]
        g = _gap(t, p.end, ms[j + 1].start)
        if p.kind in ("entity", "adjective") and p.type in (ORGANIZATION, COMPANY, REGION) and re.fullmatch(r"[\s-]*|\s*(?:und|and)?\s*", g) and len(g) <= 2:
            return p.ref, p
    # after: "Role der ORG", possibly after the person ("Staatssekretär X vom Ministerium")
    k = i + 1
    while k < len(ms) and ms[k].kind in ("role",):
        k += 1
    after_person = False
    if k < len(ms) and ms[k].type == PERSON:
        g = _gap(t, ms[k - 1].end, ms[k].start)
        if _HON_GAP.match(g):
            k += 1
            after_person = True
    if k < len(ms) and ms[k].kind == "entity" and ms[k].type in (ORGANIZATION, COMPANY, REGION):
        g = _gap(t, ms[k - 1].end, ms[k].start)
        if after_person:
            # "Staatssekretär Paul Winterberg vom Hessischen Ministerium" (no comma: not a new clause)
            if re.fullmatch(r"\s+(?:vom|von der|von|of|at|from|der|des|of the|at the)\s+(?:the\s+)?", g):
                return ms[k].ref, ms[k]
        elif _OF_GAP.match(g) or re.fullmatch(r"\s+(?:[A-ZÄÖÜ][\w-]*\s+(?:&\s+|und\s+|and\s+)?){1,4}(?:der|des|of|at|bei)\s+(?:the\s+)?", g):
            return ms[k].ref, ms[k]
    # "Für die WFBB unterschrieb Geschäftsführer X", "für die ITP deren Präsidentin Y"
    clause_start = max(t.rfind(",", 0, r.start), t.rfind(";", 0, r.start), -1) + 1
    clause = t[clause_start:r.start]
    for m in ms[:i]:
        if m.kind == "entity" and m.type in (ORGANIZATION, COMPANY, REGION) and clause_start <= m.start < r.start:
            if re.search(r"(?:[Ff]ür|[Ff]or|on behalf of)\s+(?:die|den|das|the)?\s*$", t[clause_start:m.start]):
                return m.ref, m
    if re.search(r"\b(?:deren|dessen|ihre[mnr]?|seine[mnr]?|its|their)\s+$", clause):
        prev = [m for m in ms[:i] if m.kind == "entity" and m.type in (ORGANIZATION, COMPANY)]
        if prev:
            return prev[-1].ref, prev[-1]
    return None, None


def _resolve_minister(doc: Doc, role_en: str, target: str | None, t: str, r: Mention) -> str | None:
    role = doc.gaz.roles.get(role_en)
    if role is None:
        return target
    if target and doc.gaz.get(target) and doc.gaz.get(target).type != REGION:
        return target
    region = target or doc.home
    if region is None:
        return None
    if role.government:
        return region
    if role.minister:
        econ = "wirtschaft" in fold(r.text) or "economic" in fold(r.text) or re.match(r"\s*für Wirtschaft|\s*of Economic|\s*for Economic", t[r.end:]) is not None
        if econ or role_en in ("Minister of Economic Affairs", "State Secretary", "Minister"):
            m = doc.gaz.economy_ministry(region)
            if m is not None:
                return m.id
        return region
    return target


def _persons_after(ms: list[Mention], i: int, t: str) -> Mention | None:
    k = i + 1
    while k < len(ms) and ms[k].kind == "role" and re.fullmatch(r"\s*(?:und|and|,)?\s*", _gap(t, ms[k - 1].end, ms[k].start)):
        k += 1
    if k < len(ms) and ms[k].type == PERSON and _HON_GAP.match(_gap(t, ms[k - 1].end, ms[k].start)):
        return ms[k]
    # "Role der ORG (ACR), Person"
    if k < len(ms) and ms[k].kind == "entity" and ms[k].type in (ORGANIZATION, COMPANY) and _OF_GAP.match(_gap(t, ms[k - 1].end, ms[k].start)):
        k2 = k + 1
        while k2 < len(ms) and ms[k2].kind == "entity" and ms[k2].ref == ms[k].ref:
            k2 += 1
        if k2 < len(ms) and ms[k2].type == PERSON and re.fullmatch(r"\s*(?:\([^)]*\))?\)?\s*,\s*", _gap(t, ms[k2 - 1].end, ms[k2].start)):
            return ms[k2]
    return None


_PORTFOLIO = re.compile(r"\s+(?:für|for|of)\s+[^.;:!?()»«\"]{2,110}?\s+")


def _person_right_after(ms: list[Mention], i: int, t: str) -> Mention | None:
    k = i + 1
    while k < len(ms) and ms[k].kind == "role" and re.fullmatch(r"\s*(?:und|and|,)?\s*", _gap(t, ms[k - 1].end, ms[k].start)):
        k += 1
    if k < len(ms) and ms[k].type == PERSON and _HON_GAP.match(_gap(t, ms[k - 1].end, ms[k].start)) and "," not in _gap(t, ms[k - 1].end, ms[k].start):
        return ms[k]
    # a long role title followed by honorifics and the name, e.g. "Ministerin für Bau, Verkehr und Wohnen Dr. Eva Beispiel"
    r = ms[k - 1]
    for j in range(k, len(ms)):
        if ms[j].type == PERSON:
            gap = re.sub(r"(?:(?:Prof\.|Professor|Dr\.(?:-Ing\.)?|Dipl\.-Ing\.)\s*)+$", "", _gap(t, r.end, ms[j].start))
            if _PORTFOLIO.fullmatch(gap):
                return ms[j]
            break
        if ms[j].kind not in ("topic",):
            break
    return None


def _person_before(ms: list[Mention], i: int, t: str) -> Mention | None:
    j = i - 1
    # "Person, Role": the person right before, separated by a comma
    if j >= 0 and ms[j].type == PERSON and re.fullmatch(r"\s*[,(]\s*", _gap(t, ms[j].end, ms[i].start)):
        return ms[j]
    # "Person, ORG Role": "Jane Doe, KIAT President"
    if j >= 1 and ms[j].kind == "entity" and ms[j - 1].type == PERSON and re.fullmatch(r"\s*,\s*", _gap(t, ms[j - 1].end, ms[j].start)) and re.fullmatch(r"[\s-]*", _gap(t, ms[j].end, ms[i].start)):
        return ms[j - 1]
    return None



def _german_role(surface: str, role) -> str:
    f = fold(surface)
    for form in role.de:
        if fold(form) == f:
            return form
    return role.de[0] if role.de else surface
