"""Persons and roles: HOLDS_ROLE_AT from titles and appositions ("WFS-Geschäftsführer X",
"X, President of BEPA", "Geschäftsführer der HTAI X")."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

from graph.text import fold

from ..gazetteer import Role

from ..sentences import Sentence
from .context import HON_GAP as _HON_GAP, OF_GAP as _OF_GAP, Doc, Fact, Mention, gap as _gap
from .types import COMPANY, HOLDS_ROLE_AT, LOCATED_IN, ORGANIZATION, PERSON, REGION


def apply(d: Doc, s: Sentence, ms: list[Mention]) -> None:
    """HOLDS_ROLE_AT for each role word next to a person, with the body or region the text names
    for it. A role whose body or region the text does not name is kept aside (``doc.weak_role``):
    it becomes a fact only if the person signs for a party (``agreements``) - never a guess."""
    t = s.text
    for i, r in enumerate(ms):
        if r.kind != "role":
            continue
        person = _person_right_after(ms, i, t)
        before = _person_before(ms, i, t)
        if person is not None and before is not None and re.search(r",\s*$", t[r.end:person.start]):
            person = before  # "A, Director of Sales, B, Head of ...": the office follows its holder in a list
        person = person or before or _persons_after(ms, i, t, d)
        if person is None:
            continue
        # "des Landes, X" names the text's own state even after a region in the office's word ("Polen-Beauftragter")
        target, tm = (_own_state(d, ms, r, t), None) if _own_state(d, ms, r, t) else _role_target(d, ms, i, t)
        if target is None:
            target = _from_region(ms, person, t, d, r)
        if target is None:
            target = _on_behalf(ms, person, t)
        if target is None:
            target = _list_intro_body(ms, person, r, t)
        if target is None and re.match(r"(?i)netzwerk|cluster", r.text):
            clusters = []
            for kinds in (("cluster",), ("association",)):
                clusters = clusters or [m.ref for m in ms if m.kind == "entity" and d.entity(m.ref).properties.get("kind") in kinds]
                clusters = clusters or [u for u in d.node_sentences if d.gaz.get(u) and d.gaz.get(u).properties.get("kind") in kinds]
            if clusters:
                target = clusters[0]
        role = d.gaz.roles.get(r.ref)
        role_de = None
        if r.lang == "de" and role is not None:
            role_de = _german_role(r.text, role)
        if target is None:
            if person.ref not in d.role_of and person.ref not in d.weak_role:
                props = {k: v for k, v in (("role", r.ref), ("role_de", role_de)) if v is not None}
                d.weak_role[person.ref] = Fact(HOLDS_ROLE_AT, person.ref, None, s.index, props)
            continue
        region = target
        target = _ministry(d, r.ref, target, t, r)
        if target != region:
            # "Nordrhein-Westfalens Minister für Wirtschaft ...": the text names the ministry's state
            d.fact(LOCATED_IN, target, region, s.index)
        d.fact(HOLDS_ROLE_AT, person.ref, target, s.index, role=r.ref, role_de=role_de)
        d.role_of.setdefault(person.ref, target)
        d.weak_role.pop(person.ref, None)


def _from_region(ms: list[Mention], person: Mention, t: str, d: Doc, r: Mention) -> str | None:
    """'Gouverneur X aus Ohio', 'Chief Minister X von Kerala', 'Governor X of Ohio': an office of government
    (or a diplomat's) and the region named right after the person."""
    role = d.gaz.roles.get(r.ref)
    if role is None or not (role.government or role.minister):
        return None
    k = ms.index(person) + 1
    while k < len(ms) and ms[k].kind == "entity" and ms[k].ref == person.ref:
        k += 1
    if k < len(ms) and ms[k].kind == "entity" and ms[k].type == REGION and person.start > r.start:
        if re.fullmatch(r"\s+(?:aus|von|from|of)\s+(?:der\s+|dem\s+|the\s+)?", _gap(t, ms[k - 1].end, ms[k].start)):
            return ms[k].ref
    return None


# "die Ministerpräsidentin des Freistaates, X", "der Beauftragte des Landes, Y": the state the text is about,
# named only by the word for a state
_OF_THE_STATE = re.compile(r"\s+(?:des\s+(?:Landes|Freistaate?s)|of\s+the\s+(?:Free\s+)?State)\b(?!\s+[A-ZÄÖÜ])")


def _own_state(d: Doc, ms: list[Mention], r: Mention, t: str) -> str | None:
    role = d.gaz.roles.get(r.ref)
    if role is None or not (role.government or role.minister) or not d.home or not _OF_THE_STATE.match(t, r.end):
        return None
    return d.home


# head words of a body after an office ("of the Y Authority"), unlike a department ("Head of Sales")
_BODY_WORD = re.compile(r"\b(?:Authority|Agency|Office|Ministry|Council|Chamber|Association|Corporation|Company|University|"
                        r"Institute|Bank|Fund|Group|Centre|Center|Board|Commission|Government|Embassy|Consulate)\b")


def _list_intro_body(ms: list[Mention], person: Mention, r: Mention, t: str) -> str | None:
    """'two officials of the X Agency: Jane Roe, Head of Sales, John Doe, Senior Adviser': a body named before
    a colon that opens a list of people with their offices, and the office names no other body."""
    own = re.match(r"[^,;:()]*", t[r.end:r.end + 120]).group(0)
    cut = re.match(r"\s+of\s", own) and not t[r.end + len(own):].strip()  # "... of X" cut off by the sentence end
    if r.start < person.start or _BODY_WORD.search(own) or cut:
        return None  # ("Chairman of X Authority" names its own body, even when the gazetteer does not know it)
    for m in reversed([m for m in ms if m.end <= person.start]):
        if m.kind != "entity" or m.type not in (ORGANIZATION, COMPANY):
            continue
        rest = t[m.end:person.start]
        if re.match(r"\s*(?:\([^()]{1,20}\)\s*)?:", rest) and rest.count(":") == 1 and not re.search(r"[.;]\s", rest):
            return m.ref
        return None
    return None


_BEHALF = re.compile(r"\b(?:signed|unterzeichnete|unterschrieb)\s+(?:[\w-]++\s+){0,3}?(?:on behalf of\s+(?:the\s+)?|for\s+(?:the\s+)?|für\s+(?:die\s+|den\s+|das\s+)?)$")


def _on_behalf(ms: list[Mention], person: Mention, t: str) -> str | None:
    """'X, Senator, signed for Hamburg' / '... signed on behalf of Y' / '... on Y's behalf':
    the party a person signs for, in the same clause."""
    k = ms.index(person) + 1
    for m in ms[k:]:
        if m.kind == "entity" and m.type == PERSON and m.ref != person.ref:
            return None
        if m.kind == "entity" and m.type in (REGION, ORGANIZATION, COMPANY):
            pre = t[person.end:m.start]
            if len(pre) > 160:
                return None
            if _BEHALF.search(pre):
                return m.ref
            post = t[m.end:m.end + 10]
            if re.match(r"(?:'s|’s)?\s+behalf\b", post) and re.search(r"(?:signed|unterzeichnete)\b[^,;]*\bon\s+$", pre):
                return m.ref
    return None


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
        if p.kind in ("entity", "adjective") and p.type in (ORGANIZATION, COMPANY, REGION) and (
                (re.fullmatch(r"[\s-]*|\s*(?:und|and)?\s*", g) and len(g) <= 2) or re.fullmatch(r"(?:'s|’s|'|’)?\s+(?:state\s+|State\s+)?", g)):
            return p.ref, p
        # "die thüringische Kulturstaatsrätin und Europaministerin": a region's adjective before two offices
        # (written in lower case: a capitalised one is part of a name, "Bund Deutscher X und Minister Y")
        if p.kind == "adjective" and p.type == REGION and re.fullmatch(r"\s+[A-ZÄÖÜ][a-zäöüß-]+\s+und\s+", g) and p.text[:1].islower():
            return p.ref, p
    # "IHK-Präsidentin X" in a text that names the one "IHK Berlin": the acronym of a body named elsewhere
    acr = re.search(r"(?<![\w-])([A-ZÄÖÜ]{2,6})-$", t[max(0, r.start - 8):r.start])
    if acr and not (j >= 0 and ms[j].end >= r.start - len(acr.group(0))):
        hits = set()
        for u in doc.node_sentences:
            e = doc.gaz.get(u)
            if e is not None and e.type in (ORGANIZATION, COMPANY) and any(n.startswith(acr.group(1) + " ") for n in e.all_names()):
                hits.add(u)
        if len(hits) == 1:
            return hits.pop(), None
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
        if ms[k].type == REGION and k + 1 < len(ms) and ms[k + 1].kind == "entity" and ms[k + 1].type in (REGION, ORGANIZATION) \
                and re.fullmatch(r"(?:'s|’s|s)?\s+", _gap(t, ms[k].end, ms[k + 1].start)):
            k += 1  # "of Germany's Hesse": the second names it
        if ms[k].type == REGION and _REGION_OFFICE.match(t, ms[k].end):
            return None, None  # "head of the Korea desk at X": the region names the office, not the employer
        if after_person:
            # "Staatssekretär Paul Winterberg vom Hessischen Ministerium" (no comma: not a new clause)
            if re.fullmatch(r"\s+(?:vom|von der|von|of|at|from|der|des|of the|at the)\s+(?:the\s+)?", g):
                return ms[k].ref, ms[k]
        elif _OF_GAP.match(g) or _before_acronym(ms[k], g) or _genitive_region(doc, ms[k], g) or _portfolio_of(doc, r, ms[k], g) \
                or _listed_body(ms, i, k, t) or re.fullmatch(r"\s+(?:[A-ZÄÖÜ][\w-]*\s+(?:&\s+|und\s+|and\s+)?){1,4}(?:der|des|of|at|bei)\s+(?:the\s+)?", g):
            return ms[k].ref, ms[k]
    # "Für die WFBB unterschrieb Geschäftsführer X", "für die ITP deren Präsidentin Y"
    clause_start = max(t.rfind(",", 0, r.start), t.rfind(";", 0, r.start), -1) + 1
    clause = t[clause_start:r.start]
    for m in ms[:i]:
        if m.kind == "entity" and m.type in (ORGANIZATION, COMPANY, REGION) and clause_start <= m.start < r.start \
                and not any(x.type == PERSON for x in ms if clause_start <= x.start < r.start):  # "A für Bayern und Ministerin B"
            if re.search(r"(?:[Ff]ür|[Ff]or|on behalf of)\s+(?:die|den|das|the)?\s*$", t[clause_start:m.start]):
                return m.ref, m
    if re.search(r"\b(?:deren|dessen|ihre[mnr]?|seine[mnr]?|its|their)\s+$", clause):
        prev = [m for m in ms[:i] if m.kind == "entity" and m.type in (ORGANIZATION, COMPANY)]
        if prev:
            return prev[-1].ref, prev[-1]
    # "Minister of Economic Affairs, Transport and Digitalization for Lower Saxony", "Minister für Wirtschaft und
    # Verkehr des Landes Niedersachsen": a minister's portfolio, then the region
    role = doc.gaz.roles.get(r.ref)
    if role is not None and (role.minister or role.government):
        for n, m in enumerate(ms[i + 1:], i + 1):
            if m.kind == "entity" and m.type == REGION:
                if _PORTFOLIO_REGION.fullmatch(_gap(t, r.end, m.start)):
                    # "... of Germany's Hesse": the second region names it
                    if n + 1 < len(ms) and ms[n + 1].kind == "entity" and ms[n + 1].type == REGION \
                            and re.fullmatch(r"(?:'s|’s)\s+", _gap(t, m.end, ms[n + 1].start)):
                        return ms[n + 1].ref, ms[n + 1]
                    return m.ref, m
                break
            if m.kind == "entity" and m.type in (PERSON, ORGANIZATION, COMPANY):
                break
    return None, None


_REGION_OFFICE = re.compile(r"-?\s*(?:office|desk|branch|bureau|Büro|Repräsentanz|Niederlassung)\b")
_PORTFOLIO_REGION = re.compile(r"(?:\s+(?:of|for|für)\s+[^.;:!?()»«\"]{2,110}?|,(?:\s+(?:and\s+)?[A-Z][\w-]*,?){1,6})\s+(?:for|of|des|der|in)\s+"
                               r"(?:(?:the\s+)?(?:Free\s+)?(?:State\s+of|Province\s+of)\s+|Landes\s+|Freistaate?s\s+|Bundesstaate?s\s+|Provinz\s+|the\s+)?")


_EXTRA = Path(__file__).with_name("roles.yaml")


@lru_cache(maxsize=1)
def extra_roles() -> tuple[Role, ...]:
    """The offices of ``roles.yaml`` (read once)."""
    raw = yaml.safe_load(_EXTRA.read_text(encoding="utf-8")) or []
    return tuple(Role(x["en"], tuple(x.get("de") or ()), tuple(x.get("en_forms") or ()), bool(x.get("minister")),
                      bool(x.get("government"))) for x in raw)


def add_roles(gaz) -> None:
    """Add the offices of ``roles.yaml`` to a document's gazetteer copy (the gazetteer's own win)."""
    for r in extra_roles():
        if r.en not in gaz.roles:
            gaz.add_role(r)


def _ministry(d: Doc, role_en: str, target: str, t: str, r: Mention) -> str:
    """A minister of a region whose title names the ministry's portfolio ('Nordrhein-Westfalens
    Minister für Wirtschaft, Innovation, ...'): that ministry, when the gazetteer has one of that region
    with that portfolio in its name. Otherwise the region the text names."""
    role = d.gaz.roles.get(role_en)
    e = d.gaz.get(target)
    if role is None or not role.minister or e is None or e.type != REGION:
        return target
    after = fold(t[r.end:r.end + 160])
    if not re.match(r"\s*(?:fur|for|of)\s", after):
        return target
    own = d.gaz.entries.maps[0] if hasattr(d.gaz.entries, "maps") else d.gaz.entries
    best = None
    for o in own.values():
        if o.type != ORGANIZATION or o.seat != target:
            continue
        for n in o.all_names():
            m = re.search(r"\s(?:fur|for|of)\s(.{8,})$", fold(n))
            # the whole portfolio: "Ministerin fur Wirtschaft, Industrie, ..." is not the "Ministerium fur Wirtschaft"
            if m and re.match(r"\s*(?:fur|for|of)\s+" + re.escape(m.group(1)) + r"(?!,\s*\w|\s+(?:und|and)\s)", after):
                if best is None or len(m.group(1)) > best[0]:
                    best = (len(m.group(1)), o.id)
    return best[1] if best else target


def _persons_after(ms: list[Mention], i: int, t: str, doc: Doc) -> Mention | None:
    k = i + 1
    while k < len(ms) and ms[k].kind == "role" and re.fullmatch(r"\s*(?:und|and|,)?\s*", _gap(t, ms[k - 1].end, ms[k].start)):
        k += 1
    if k < len(ms) and ms[k].type == PERSON and _HON_GAP.match(_gap(t, ms[k - 1].end, ms[k].start)):
        return ms[k]
    # "Role der ORG (ACR), Person", "Gouverneur des Bundesstaates X, Person", "Governor of X Province Person",
    # "Botschafter der Republik X Herr Person"
    if k < len(ms) and ms[k].kind == "entity" and ms[k].type in (ORGANIZATION, COMPANY, REGION) and (
            _OF_GAP.match(_gap(t, ms[k - 1].end, ms[k].start)) or _before_acronym(ms[k], _gap(t, ms[k - 1].end, ms[k].start))
            or _genitive_region(doc, ms[k], _gap(t, ms[k - 1].end, ms[k].start))
            or _portfolio_of(doc, ms[k - 1], ms[k], _gap(t, ms[k - 1].end, ms[k].start))
            or (ms[k].type == REGION and k > 0 and ms[k - 1].kind == "role" and re.fullmatch(r"\s+in\s+", _gap(t, ms[k - 1].end, ms[k].start))
                and i > 0 and ms[i - 1].kind == "adjective" and re.fullmatch(r"\s+", _gap(t, ms[i - 1].end, ms[i].start)))):
        k2 = k + 1
        while k2 < len(ms) and ms[k2].kind == "entity" and ms[k2].ref == ms[k].ref:
            k2 += 1
        # "Generalkonsul der Volksrepublik X in Hamburg, Person", "des Unternehmens X aus Y, Person": the body's place;
        # "Ambassador of X to Germany, Person": the host country
        if k2 + 1 < len(ms) and ms[k2].kind == "entity" and ms[k2].type == REGION and ms[k2 + 1].type == PERSON \
                and re.fullmatch(r"\s+(?:in|aus|from|to)\s+(?:the\s+)?", _gap(t, ms[k2 - 1].end, ms[k2].start)):
            k2 += 1
        if k2 < len(ms) and ms[k2].type == PERSON:
            g = _gap(t, ms[k2 - 1].end, ms[k2].start)
            if _APPOSED_COMMA.fullmatch(g):
                return ms[k2]
            if ms[k].type == REGION and _APPOSED.fullmatch(g):
                return ms[k2]
    return None


# "der X (ACR), Person", "der Gyeonggi-Provinz, Herrn Person": a comma, then forms of address
_APPOSED_COMMA = re.compile(r"(?:-(?:Provinz|Province|Präfektur|Prefecture))?\s*(?:\([^)]*\))?\)?\s*,\s*"
                            r"(?:(?:Herrn|Herr|Frau|Mr\.?|Ms\.?|Mrs\.?|Dr\.(?:-Ing\.)?|Dr|Prof\.|Professor|Professorin|[HSI]\.\s?E\.|HE|"
                            r"(?:His|Her)\s+Excellency|(?:Seine|Ihre)\s+Exzellenz)\s*)*")


def _genitive_region(doc: Doc, m: Mention, g: str) -> bool:
    """'der Landwirtschaftsminister Minnesotas, X': a German genitive region right after the office."""
    if doc.lang != "de" or m.type != REGION or m.kind != "entity" or not re.fullmatch(r"\s+", g) or not m.text.endswith("s"):
        return False
    e = doc.gaz.get(m.ref)
    return e is not None and m.text not in e.all_names()


def _portfolio_of(doc: Doc, r: Mention, m: Mention, g: str) -> bool:
    """'the Minister for European Affairs of the Bavarian Government': a minister's portfolio, then the
    government or ministry (a body, not a region: that is ``_PORTFOLIO_REGION``)."""
    role = doc.gaz.roles.get(r.ref) if r.kind == "role" else None
    if role is None or not (role.minister or role.government) or m.type != ORGANIZATION:
        return False
    return bool(re.fullmatch(r"\s+(?:for|für)\s+[^.;:!?(),]{2,90}?\s+(?:of|der|des)\s+(?:the\s+)?", g))


def _listed_body(ms: list[Mention], i: int, k: int, t: str) -> bool:
    """'Jane Roe, Chargé d'Affaires, Embassy of X, Berlin;': in a list of people, person, office and body
    each between commas."""
    if k != i + 1 or ms[k].type not in (ORGANIZATION, COMPANY) or i == 0 or ms[i - 1].type != PERSON:
        return False
    if not re.fullmatch(r"\s*,\s*(?:(?:Acting|Interim|Deputy)\s+)?", _gap(t, ms[i - 1].end, ms[i].start)):
        return False
    return re.fullmatch(r"\s*,\s*", _gap(t, ms[i].end, ms[k].start)) is not None and re.match(r"\s*(?:[,;.]|$)", t[ms[k].end:ms[k].end + 3]) is not None


def _before_acronym(m: Mention, g: str) -> bool:
    """'Geschäftsführer der Wirtschaftsförderung (WFBB)': the body's words, then its acronym in brackets."""
    return bool(re.fullmatch(r"[A-ZÄÖÜ][A-ZÄÖÜ0-9.&-]{1,9}", m.text)) and bool(
        re.fullmatch(r"\s+(?:der|des|of the|of)\s+[A-ZÄÖÜ][\w-]*(?:\s+[\w-]+){0,3}\s+\(\s*", g))


# (a diplomat's "S.E."/"I.E."/"H.E." too: "Botschafterin der Republik X I.E. Person")
_APPOSED = re.compile(r"\s+(?:(?:Prefecture|Province|State|County|City)\s+)?(?:(?:Herrn|Herr|Frau|Mr\.?|Ms\.?|Mrs\.?|Dr\.|Prof\.|[HSI]\.\s?E\.)\s+)*")
_PORTFOLIO = re.compile(r"\s+(?:für|for|of)\s+[^.;:!?()»«\"]{2,110}?\s+")


def _person_right_after(ms: list[Mention], i: int, t: str) -> Mention | None:
    k = i + 1
    while k < len(ms) and ms[k].kind == "role" and re.fullmatch(r"\s*(?:und|and|,)?\s*", _gap(t, ms[k - 1].end, ms[k].start)):
        k += 1
    if k < len(ms) and ms[k].type == PERSON and _HON_GAP.match(_gap(t, ms[k - 1].end, ms[k].start)) and "," not in _gap(t, ms[k - 1].end, ms[k].start):
        return ms[k]
    # "der Europaminister, Anna Berg (SPD), und ...": a name set off by commas right after the office (or
    # ending the sentence: "..., war die Ministerin, Anna Berg.")
    if k < len(ms) and ms[k].type == PERSON and re.fullmatch(r"(?:\s+des\s+(?:Landes|Freistaate?s)|\s+of\s+the\s+(?:Free\s+)?State)?\s*,\s*",
                                                             _gap(t, ms[k - 1].end, ms[k].start)) \
            and re.match(r"\s*(?:\([^()]{1,30}\)\s*)?(?:,|[.!?]?\s*$)", t[ms[k].end:ms[k].end + 40]) \
            and not any(m.type == PERSON for m in ms[:k - 1] if re.fullmatch(r"\s*,\s*", _gap(t, m.end, ms[k - 1].start))):
        return ms[k]
    # a long role title followed by honorifics and the name, e.g. "Ministerin für Bau, Verkehr und Wohnen Dr. Eva Beispiel"
    r = ms[k - 1]
    for j in range(k, len(ms)):
        if ms[j].type == PERSON:
            gap = re.sub(r"(?:(?:Prof\.|Professor|Dr\.(?:-Ing\.)?|Dipl\.-Ing\.)\s*)+$", "", _gap(t, r.end, ms[j].start))
            # a comma before a lower-case word ends the title: a clause follows ("..., has held talks with X")
            if _PORTFOLIO.fullmatch(gap) and not re.search(r",\s*(?:and|und|sowie)\s|,\s+[a-zäöü]", gap):
                return ms[j]
            break
        if ms[j].kind not in ("topic",):
            break
    return None


# "Manfred Weber (CDU), Hessens Minister": a party in brackets between the person and the apposition
_PARTY_GAP = r"\s*\([^()]{1,30}\)\s*,\s*"


def _person_before(ms: list[Mention], i: int, t: str) -> Mention | None:
    role = ms[i]
    # a party in brackets after the person ("Anna Berg (SPD), Präsidentin ...") is no mention between them
    ms = [m for k, m in enumerate(ms) if not (k and ms[k - 1].type == PERSON and re.fullmatch(r"\s*\(\s*", _gap(t, ms[k - 1].end, m.start))
                                             and re.match(r"\s*\)", t[m.end:m.end + 3]))]
    i = ms.index(role)
    j = i - 1
    # "Person, Vice Premier and Minister for ...": the person before offices joined by 'and'
    while j >= 1 and ms[j].kind == "role" and re.fullmatch(r"\s*(?:and|und|,)\s*", _gap(t, ms[j].end, ms[j + 1].start)):
        j -= 1
    # "Person, Role": the person right before, separated by a comma
    if j >= 0 and ms[j].type == PERSON and re.fullmatch(r"\s*[,(]\s*(?:(?:Acting|Interim|Executive|Senior)\s+)?|" + _PARTY_GAP,
                                                       _gap(t, ms[j].end, ms[j + 1].start)):
        return ms[j]
    # "Tom Harris, the president of the X", "Anna Berg, die Präsidentin der X": an article before the role,
    # only with the role's body named right after it
    if j >= 0 and ms[j].type == PERSON and re.fullmatch(r"\s*,\s*(?:the|a|an|der|die|den|dem)\s+(?:(?:new|former|neue|neuen|ehemalige|ehemaligen)\s+)?",
                                                       _gap(t, ms[j].end, ms[j + 1].start)) \
            and re.match(r"\s+(?:of|at|der|des|von|vom|bei)\s", t[ms[i].end:ms[i].end + 6]):
        return ms[j]
    # "Person, ORG Role": "Jane Doe, KIAT President"; "Person, Bavarian State Minister": a region's adjective;
    # "Person, the Saxon representative"
    if j >= 1 and (ms[j].kind == "entity" or (ms[j].kind == "adjective" and ms[j].type == REGION)) and ms[j - 1].type == PERSON and re.fullmatch(r"\s*,\s*(?:the\s+)?|" + _PARTY_GAP, _gap(t, ms[j - 1].end, ms[j].start)) and re.fullmatch(r"[\s-]*|(?:'s|’s|'|’)\s+", _gap(t, ms[j].end, ms[j + 1].start)):
        return ms[j - 1]
    return None



def _german_role(surface: str, role) -> str:
    f = fold(surface)
    for form in role.de:
        if fold(form) == f:
            return form
    return role.de[0] if role.de else surface
