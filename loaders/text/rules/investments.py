"""Investments (INVESTED_IN): a company builds, opens or invests in a site in a named place:
"X is building a plant in Y", "the opening of a new X office in the city of Y",
"X eröffnete ein Werk in Y". The company and a verb and a kind of site (``investments.yaml``) must be
in one stretch of the sentence that ends with "in <place>"; the place is a city, state or province.

Investors named as such (``investors`` in ``investments.yaml``): the companies of "the investment
decisions of A and B" / "Investitionen von A", and the countries of "firms and investors from A and B",
"koreanische Investoren", "Japanese direct investment", each with the place the sentence puts the
investment in ("in X", "auf X", "des Standorts X"; of two nested places the narrower one)."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

from graph.schema import default_schema

from ..sentences import Sentence
from .context import LIST_GAP, Doc, Mention
from .types import COMPANY, ORGANIZATION, REGION

_CONFIG = Path(__file__).with_name("investments.yaml")
_AFTER = 100  # characters after the place its verb and site may stand, in the same clause
_CLAUSE_END = re.compile(r"[;:]|\.\s|,\s+(?:und|and|but|aber|while|während)\s")
# the company's intention or action before the place: "X plant, in Y ...", "X will in Y ...", "X is to ... in Y"
_PLAN = re.compile(r"\b(?:plant|planen|will|wollen|beabsichtigt|möchte|intends?|plans?|is to|wants? to|"
                   r"hat|haben|has|have)\b")
_BEFORE = 120  # characters before the company a verb may stand ("die Eröffnung der Dependance des Unternehmens X")
_SPAN = 200  # characters from the company to the place
# what stands between the company and the place in "X baut (jetzt) in Y", "X eröffnet im Jahr 2025 in Y"
_DIRECT = re.compile(r"\s+(?:hat\s+|will\s+)?\w+(?:\s+(?:nun|jetzt|now|bald|derzeit|currently|soon|also|auch|\d{4}))?\s+(?:in|im)\s+(?:der\s+|dem\s+|the\s+)?(?:(?:[\w-]+\s+){0,3}?(?:city|state|town|province|Stadt|Landeshauptstadt)\s+(?:of\s+)?)?")
# "X will in Y", "X plant, in Y", "X, ein Verband von ..., will in Y": a body's own plan right after its name
_SUBJECT_PLAN = re.compile(r"[“”\"»«']?(?:\s*\([^()]{0,80}\))?(?:,\s[^,;:()]{3,100},)?,?\s+(?:will|wollen|plant|planen|möchte|beabsichtigt|intends\s+to|plans\s+to|wants\s+to|is\s+to)"
                           r",?\s+(?:[\w-]+\s+){0,3}?(?:in|im)\s+(?:der\s+|dem\s+|the\s+)?(?:(?:[\w-]+\s+){0,3}?(?:city|state|town|province|Stadt|Landeshauptstadt)\s+(?:of\s+)?)?")
_IN = re.compile(r"\b(?:in|im)\s+(?:der\s+|dem\s+|the\s+)?(?:(?:[\w-]++\s+){0,3}?(?:city|state|town|province|Stadt|Landeshauptstadt)\s+(?:of\s+)?)?$")


@lru_cache(maxsize=1)
def _config() -> tuple[str, re.Pattern, re.Pattern]:
    raw = yaml.safe_load(_CONFIG.read_text(encoding="utf-8"))
    edge = default_schema().edge_type(raw["edge"]).name  # checked against the schema
    verbs = re.compile(r"(?<![\w-])(?:" + "|".join(raw["verbs"]) + r")(?![\w-])")
    # also the tail of a hyphenated compound: "Elektroauto-Fabrik", "R&D-Zentrum"
    sites = re.compile(r"(?<![\w-])(?:[\w&]+-)?(?:" + "|".join(raw["sites"]) + r")(?![\w-])", re.I)
    return edge, verbs, sites


@lru_cache(maxsize=1)
def _investors() -> tuple[re.Pattern, re.Pattern]:
    raw = yaml.safe_load(_CONFIG.read_text(encoding="utf-8"))
    words = "|".join(raw["investors"])
    word = re.compile(r"(?<![\w-])(?:" + words + r")(?![\w-])")
    # "Investitionsentscheidungen von A und B", "investments by A": the companies that invest
    by = re.compile(r"(?<![\w-])(?:" + words + r")\s+(?:von|der|des|by|of|from)\s+(?:the\s+)?$")
    return word, by


# what stands before the place an investment goes to: "in Sachsen", "auf Hessen", "des Standorts Sachsen"
_INTO = re.compile(r"(?:\b(?:in|im|nach|auf|into|to)|[Ss]tandort\w*|location)\s+(?:der\s+|dem\s+|den\s+|die\s+|the\s+)?$")
# "Firmen und Investoren aus A und B": the countries investors come from
_FROM = re.compile(r"\b(?:aus|from)\s+(?:der\s+|dem\s+|den\s+|the\s+)?$")
_BEFORE_WORD = re.compile(r"\s+(?:(?:[\w-]+\s+)?(?:Firmen|Unternehmen|companies|firms|businesses)\s+(?:und|and|sowie)\s+)?$")
# "Investoren aus", "companies from the": what stands before a country named as the investors
_INVESTORS_FROM = re.compile(r"(?:Investor\w*|investors?|Firmen|Unternehmen|companies|firms|businesses)\s+(?:\w+\s+)?(?:aus|from)\s+(?:der\s+|dem\s+|den\s+|the\s+)?$")


def _with_list_rest(t: str, ms: list[Mention], i: int) -> list[Mention]:
    """``ms[i]`` and the mentions of its kind and type that continue its list ("A, B und C")."""
    m = ms[i]
    out, end = [m], m.end
    for y in ms[i + 1:]:
        if y.kind != m.kind or y.type != m.type or not LIST_GAP.fullmatch(t[end:y.start]):
            break
        out.append(y)
        end = y.end
    return out


def _investors_of(d: Doc, s: Sentence, ms: list[Mention], edge: str) -> None:
    word, by = _investors()
    t = s.text
    first = word.search(t)
    if first is None:
        return
    regions = [m for m in ms if m.kind == "entity" and m.type == REGION]
    sources: list[Mention] = []
    for i, m in enumerate(ms):
        if m.kind == "entity" and m.type == COMPANY and by.search(t[max(0, m.start - 60):m.start]):
            sources += _with_list_rest(t, ms, i)  # "von A und B": the rest of the list
        elif m.kind == "adjective" and m.type == REGION:
            w = word.match(t, m.end + 1) if t[m.end:m.end + 1] == " " else None
            g = _BEFORE_WORD.match(t, m.end)
            if w or (g and word.match(t, g.end())):
                sources.append(m)
        elif m.kind == "entity" and m.type == REGION and _FROM.search(t[max(0, m.start - 12):m.start]):
            if _INVESTORS_FROM.search(t[max(0, m.start - 80):m.start]):
                sources += _with_list_rest(t, ms, i)
    if not sources:
        return
    src_refs = {m.ref for m in sources}
    first_src, last_src = min(m.start for m in sources), max(m.end for m in sources)
    targets = [m for m in regions if m.start > first_src and m.ref not in src_refs
               and _INTO.search(t[max(0, m.start - 30):m.start]) and (m.start > last_src or m.start > first.start())]
    if not targets:
        return
    # of two nested places the narrower one ("in Deutschland ... auf Hessen" -> Hessen)
    refs = [m.ref for m in targets]
    narrow = [r for r in refs if not any(r in d.ancestors(o) for o in refs if o != r)]
    if len(set(narrow)) != 1:
        return
    for m in sources:
        d.fact(edge, m.ref, narrow[0], s.index)


# a joint venture and its owners: "A, B und C gründeten das Gemeinschaftsunternehmen X", "A and B formed the joint
# venture X", "X, ein Joint Venture von A und B", "X, a joint venture of/between A and B"
_JV = r"(?:Gemeinschaftsunternehmen|Gemeinschaftsfirma|[Jj]oint[- ][Vv]enture)"
_JV_BEFORE = re.compile(_JV + r"\s+(?:namens\s+|called\s+|named\s+)?[„“\"]?$")
_JV_AFTER = re.compile(r"\s*(?:\([^()]{0,40}\)\s*)?,\s+(?:ein|das|a|the)\s+(?:[\w-]+\s+)?" + _JV + r"\s+(?:von|der|des|zwischen|of|between|by)\s+(?:(?:der|dem|den|the)\s+)?")
_FOUNDED = re.compile(r"\b(?:gründe\w*|gegründet|formed|form|founded|found|established|establish|set\s+up|launched|riefen)\b", re.I)


def _owners_before(t: str, ms: list[Mention], end: int) -> list[Mention]:
    """The list of companies that ends last before ``end`` ("A, B und C")."""
    # an acronym in brackets after a name ("A (AB), B") is the name again, not a list item
    cos = [m for m in ms if m.kind == "entity" and m.type == COMPANY and m.end <= end and t[max(0, m.start - 1):m.start] != "("]
    if not cos:
        return []
    out = [cos[-1]]
    for m in reversed(cos[:-1]):
        if not LIST_GAP.fullmatch(t[m.end:out[0].start]):
            break
        out.insert(0, m)
    return out


def _joint_venture(d: Doc, s: Sentence, ms: list[Mention], edge: str) -> None:
    t = s.text
    for i, m in enumerate(ms):
        if m.kind != "entity" or m.type != COMPANY:
            continue
        jv = _JV_BEFORE.search(t, max(0, m.start - 40), m.start)  # offsets in t: the owners end before the word
        owners: list[Mention] = []
        if jv and _FOUNDED.search(t):
            owners = _owners_before(t, ms[:i], jv.start())
        else:
            after = _JV_AFTER.match(t, m.end)
            nxt = [x for x in ms[i + 1:] if x.kind == "entity" and x.type == COMPANY]
            if after and nxt and nxt[0].start == after.end():
                owners = _with_list_rest(t, ms, ms.index(nxt[0]))
        for o in owners:
            if o.ref != m.ref:
                d.fact(edge, o.ref, m.ref, s.index)


def apply(d: Doc, s: Sentence, ms: list[Mention]) -> None:
    edge, verbs, sites = _config()
    t = s.text
    _investors_of(d, s, ms, edge)
    _joint_venture(d, s, ms, edge)
    if not verbs.search(t):
        return
    places = [m for m in ms if m.kind == "entity" and m.type == REGION and d.region_level(m.ref) in ("city", "district", "state", "province")
              and _IN.search(t[max(0, m.start - 60):m.start])]
    # a body (chamber, association, agency) as the subject of "will in Y eine Repräsentanz einrichten" too
    companies = [m for m in ms if m.kind == "entity" and m.type in (COMPANY, ORGANIZATION)]
    for c in companies:
        # "X (headquarters in Y)", "X (Sitz in Y)": the place in brackets after the company is its seat
        br = re.match(r"\s*\([^()]{0,80}\)", t[c.end:])
        c_end = c.end + br.end() if br else c.end
        for p in places:
            if p.start <= c_end or p.start - c_end > _SPAN:
                continue
            between = t[c_end:p.start]
            if re.search(r"[;:]", between) or any(m.kind == "entity" and m.type == REGION and c_end <= m.start < p.start for m in ms):
                break  # another place first, or another clause
            stretch = t[max(0, c.start - _BEFORE):p.start]
            # "X plant, in Y eine Fabrik zu errichten": the verb and the site may follow the place in its clause
            after = _CLAUSE_END.split(t[p.end:p.end + _AFTER], maxsplit=1)[0]
            # "X baut in Y ein Werk", "X eröffnet in Y eine Niederlassung": the finite verb right after the company
            direct = _DIRECT.fullmatch(between) is not None and verbs.search(between) is not None
            if c.type != COMPANY:
                # a body invests only as the subject of its own verb: "X will in Y ...", "X eröffnet in Y ..."
                lead = between.lstrip()
                own = len(between) <= 60 and not re.search(r",|\b(?:und|and|sowie)\b", between) and bool(
                    _PLAN.match(lead) or verbs.match(lead)) and bool(verbs.search(between) and sites.search(between))
                if own or ((direct or _SUBJECT_PLAN.fullmatch(between)) and verbs.search(between + after) and sites.search(after)):
                    d.fact(edge, c.ref, p.ref, s.index)
                break
            if (verbs.search(stretch) and sites.search(stretch)) or (
                    (verbs.search(stretch) or verbs.search(after)) and sites.search(after) and (_PLAN.search(stretch) or direct)):
                d.fact(edge, c.ref, p.ref, s.index)
            break
