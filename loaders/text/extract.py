"""Press release text -> graph records (one Document node plus entities and relations).

The work is rule based and runs offline: the gazetteer finds known names,
``discover`` adds names the text defines or signals, and sentence-level rules
read the relations. Every record carries the sentence it comes from
(``Source(document, 'sentence N', evidence, span)``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from graph.model import Batch, EdgeRecord, NodeRecord, Origin, Source
from graph.text import fold, slug

from . import triggers as T
from .amounts import find_amounts, find_group_size, find_percentages, find_rank, parse_number
from .dates import DateMention, find_dates
from .discover import discover_organizations, discover_persons
from .rules import partnerships
from .gazetteer import Entry, Gazetteer, default_gazetteer, name_keys, tokenize
from .model import Extraction
from .reading import to_plain
from .sentences import Sentence, split_sentences

# ---------------------------------------------------------------- mentions


@dataclass
class Mention:
    kind: str  # entity | adjective | topic | role | agreement | event
    ref: str  # entry id, topic id, role (en), agreement kind, event kind
    start: int  # offsets inside the sentence
    end: int
    text: str
    type: str | None = None  # node type for entities
    lang: str | None = None
    dateline: bool = False  # part of "München, 02.10.2024 -": where the release was issued, not a fact


@dataclass
class AgreementObj:
    key: int
    kind: str
    first_sentence: int
    parties: list[str] = field(default_factory=list)
    signers: list[tuple[str, str | None]] = field(default_factory=list)
    signed: str | None = None
    place: str | None = None
    status: str | None = None
    sentences: list[int] = field(default_factory=list)


@dataclass
class EventObj:
    key: int
    kind: str
    first_sentence: int
    name: str | None = None  # a proper name from the text
    start: str | None = None
    end: str | None = None
    place: str | None = None
    participants: int | None = None
    sentences: list[int] = field(default_factory=list)
    visited: list[str] = field(default_factory=list)
    foreign: bool = False  # the travellers come from abroad (then the home region can be visited)


@dataclass
class Fact:
    type: str
    source: Any  # node id, or ("agreement", key) / ("event", key)
    target: Any
    sentence: int
    properties: dict[str, Any] = field(default_factory=dict)


_DE_WORDS = {"der", "die", "und", "das", "mit", "für", "von", "den", "ist", "sich", "auch", "nicht", "eine", "wird", "zu", "im"}
_EN_WORDS = {"the", "and", "of", "to", "with", "for", "is", "are", "was", "this", "that", "will", "on", "by", "in"}


def detect_language(text: str) -> str:
    words = re.findall(r"[a-zäöüß]+", text.lower())
    de = sum(w in _DE_WORDS for w in words)
    en = sum(w in _EN_WORDS for w in words)
    return "en" if en > de else "de"


_ENTITY_TYPES = ("Region", "Organization", "Company", "Person")


def _sentence_mentions(s: Sentence, gaz: Gazetteer) -> list[Mention]:
    t = s.text
    out: list[Mention] = []
    for m in gaz.match(t, tokenize(t)):
        hits = m.hits
        ent = [h for h in hits if h.kind == "entity"]
        role = [h for h in hits if h.kind == "role"]
        adj = [h for h in hits if h.kind == "adjective"]
        top = [h for h in hits if h.kind == "topic"]
        a, b = m.start, m.end
        if ent and adj and ent[0].ref == adj[0].ref:
            e = gaz.entries[ent[0].ref]
            surface = fold(t[a:b])
            if surface not in {fold(n) for n in e.all_names()} | {fold(n) + "s" for n in e.all_names()}:
                ent = []  # "Leipziger", "Koreaner": the adjective, not the place itself
        if ent:
            e = gaz.entries[ent[0].ref]
            # names of places and bodies are capitalized (or acronyms); person names too -
            # except the lower-case names a text itself introduced ("saaris") or the gazetteer writes so ("dpa")
            if t[a].islower() and not (e.local and e.type in ("Organization", "Company")) and t[a:b] not in e.all_names():
                if not adj and not top:
                    continue
            else:
                out.append(Mention("entity", e.id, a, b, t[a:b], e.type, ent[0].lang))
                continue
        if role:
            out.append(Mention("role", role[0].ref, a, b, t[a:b], None, role[0].lang))
        elif adj:
            out.append(Mention("adjective", adj[0].ref, a, b, t[a:b], "Region", adj[0].lang))
        elif top:
            out.append(Mention("topic", top[0].ref, a, b, t[a:b], "Topic", top[0].lang))
    _special_mentions(t, gaz, out)
    for m in T.AGREEMENT.finditer(t):
        kind = m.lastgroup
        out.append(Mention("agreement", kind, m.start(), m.end(), m.group(0)))
    for m in T.EVENT.finditer(t):
        word = m.group(0)
        if T.NOT_EVENT.match(word):
            continue
        out.append(Mention("event", m.lastgroup, m.start(), m.end(), word))
    out.sort(key=lambda x: (x.start, -x.end))
    return out


def _special_mentions(t: str, gaz: Gazetteer, out: list[Mention]) -> None:
    """Names the token matcher cannot see: 'die sächsische Landeshauptstadt' (the state's capital),
    'die Universitäten Yamagata und Tohoku' (two universities, not the prefecture)."""

    def replace(a: int, b: int, mention: Mention) -> None:
        out[:] = [m for m in out if m.end <= a or m.start >= b]
        out.append(mention)

    for m in re.finditer(r"\b(?P<adj>[a-zäöü-]+(?:e|en))\s+Landeshauptstadt\b", t):
        adj = [x for x in out if x.kind == "adjective" and x.start == m.start("adj")]
        if adj:
            caps = [e for e in gaz.entries.values() if e.parent == adj[0].ref and e.properties.get("capital")]
            if len(caps) == 1:
                replace(m.start(), m.end(), Mention("entity", caps[0].id, m.start(), m.end(), m.group(0), "Region", "de"))
    for m in re.finditer(r"\b(?:Universitäten|universities)\s+(?P<list>[A-ZÄÖÜ][\w-]+(?:\s*(?:,|und|and)\s*[A-ZÄÖÜ][\w-]+)+)", t):
        pos = m.start("list")
        for part in re.finditer(r"[A-ZÄÖÜ][\w-]+", m.group("list")):
            nm = part.group(0)
            found = [e for form in (f"{nm} University", f"Universität {nm}", f"{nm}-Universität") for e in gaz.lookup(form) if e.type == "Organization"]
            if found:
                a, b = pos + part.start(), pos + part.end()
                replace(a, b, Mention("entity", found[0].id, a, b, nm, "Organization", "de"))
    out.sort(key=lambda x: (x.start, -x.end))


# ---------------------------------------------------------------- extractor


class _Doc:
    def __init__(self, text: str, doc_id: str, published: str | None, language: str, gaz: Gazetteer):
        self.text = text
        self.doc_id = doc_id
        self.published = published
        self.lang = language
        self.gaz = gaz
        self.sentences = split_sentences(text)
        self.mentions: dict[int, list[Mention]] = {}
        self.node_sentences: dict[str, list[int]] = {}  # entity id -> sentences mentioning it
        self.used: set[str] = set()  # entity ids that must become nodes
        self.agreements: list[AgreementObj] = []
        self.events: list[EventObj] = []
        self.facts: list[Fact] = []
        self.home: str | None = None
        self.node_props: dict[str, dict[str, Any]] = {}
        self.dates: dict[int, list[DateMention]] = {}
        self.trade_ctx: dict[str, Any] = {}
        self.last_trade: Fact | None = None
        self.role_of: dict[str, str] = {}  # person id -> org/region id of their role
        self.weak_role: dict[str, "Fact"] = {}  # roles guessed from the document's home region

    # ------------------------------------------------------------ helpers
    def sent(self, i: int) -> Sentence:
        return self.sentences[i - 1]

    def entity(self, id: str) -> Entry:
        return self.gaz.entries[id]

    def use(self, id: str, sentence: int | None = None) -> str:
        self.used.add(id)
        if sentence is not None:
            lst = self.node_sentences.setdefault(id, [])
            if sentence not in lst:
                lst.append(sentence)
        return id

    def fact(self, type_: str, source: Any, target: Any, sentence: int, **props: Any) -> Fact | None:
        if source == target or source is None or target is None:
            return None
        for f in self.facts:
            if f.type == type_ and f.source == source and f.target == target and _key_props(type_, f.properties) == _key_props(type_, props):
                for k, v in props.items():
                    f.properties.setdefault(k, v)
                return f
        f = Fact(type_, source, target, sentence, {k: v for k, v in props.items() if v is not None})
        self.facts.append(f)
        for end in (source, target):
            if isinstance(end, str):
                self.use(end, sentence)
        return f

    def region_level(self, rid: str) -> str | None:
        e = self.gaz.get(rid)
        return e.properties.get("level") if e else None

    def state_of(self, rid: str) -> str | None:
        """The German state a region id is (or lies in)."""
        e = self.gaz.get(rid)
        while e is not None:
            if e.id.startswith("region:de-") and e.properties.get("level") == "state":
                return e.id
            e = self.gaz.get(e.parent) if e.parent else None
        return None

    def ancestors(self, rid: str) -> set[str]:
        out = set()
        e = self.gaz.get(rid)
        while e is not None and e.parent:
            out.add(e.parent)
            e = self.gaz.get(e.parent)
        return out


_DATELINE = re.compile(r"^\W*(?:[A-ZÄÖÜ][\w.]*(?:[ /-][A-ZÄÖÜ][\w.]*)*\s*,\s*)?(?:den\s+)?$")


def _dateline(text: str, dm: DateMention) -> bool:
    """'München, 02.10.2024 – ...': the date of the release, not of the facts."""
    return dm.kind in ("day",) and bool(_DATELINE.match(text[: dm.start_char])) and bool(re.match(r"\s*(?:[–—-]|\.|\(|$|:)", text[dm.end_char:dm.end_char + 3]))


def dateline_date(text: str) -> str | None:
    """The release date in a dateline near the top of a text, if any."""
    for s in split_sentences(text)[:6]:
        for dm in find_dates(s.text, None):
            if _dateline(s.text, dm):
                return dm.start
    return None


def _key_props(type_: str, props: dict) -> tuple:
    if type_ == "TRADES_WITH":
        return (props.get("year"), props.get("direction"))
    if type_ == "HOLDS_ROLE_AT":
        return (props.get("role"),)
    return ()


def _gap(t: str, a: int, b: int) -> str:
    return t[a:b] if a <= b else ""


_WITH_BODIES = re.compile(
    r"\b(?:mit|with)\s+(?:der|dem|den|the)\s+(?P<plural>(?:[a-zäöü][\w-]*\s+)?(?:Universitäten|Hochschulen|Agenturen|Instituten|Verbänden|Kammern|Unternehmen|Firmen|Partnern|universities|agencies|institutes|associations|chambers|companies|firms|partners)\s+)?")
_GENITIVE_SINGULAR = re.compile(r"\b(?:eines|dieses|jenes|unseres|ihres|seines)\s+(?:[\w-]+\s+)?$")
_LIST_GAP = re.compile(r"\s*(?:\([^)]*\)\s*)?(?:,|;)?\s*(?:(?:und|and|sowie|as well as|or|oder|&)\s+)?(?:(?:die|der|das|dem|den|the)\s+)?")
_ITEM_GAP = re.compile(r"\s*(?:(?:die|der|das|dem|den|the)\s+)?(?:(?:[Ff]irma|[Uu]nternehmen|[Ff]irmen|companies|company|firms?|start-ups?|Start-ups?)\s+)?")
_HAS_MEMBERS = re.compile(r"\.?\s*(?:\([^)]*\)\s*)?(?:e\.\s?V\.\s*)?(?:hat|zählt|vereint|umfasst|has|counts|unites|brings together|includes?)\s+(?:(?:rund|über|mehr als|etwa|ca\.|knapp|around|about|over|more than|some|inzwischen|now|heute|today)\s+)*(?:[\d.,]+\s+)?")
_MEMBER_BEFORE = re.compile(r"\s*(?:\([^)]*\)\s*)?(?:(?:aus|from|in)\s+[\w.()-]+(?:\s+[\w.()-]+)?\s*)?,?\s*(?:(?:ist|sind|is|are|war|was|were|wurde|became|seit \d{4}|since \d{4}|auch|also|selbst|itself|ebenfalls|ein|eine|einer|a|an|beide|both|alle|all|langjähriges|long-standing|neues|new)\s+)*")
_HON_GAP = re.compile(r"^[\s,]*(?:(?:Prof\.|Professor|Dr\.(?:-Ing\.)?|Dipl\.-Ing\.|Mr\.|Ms\.|Mrs\.|Herr|Frau)\s*)*$")
_OF_GAP = re.compile(r"^\s*(?:,\s*)?(?:der|des|of|at|bei|von|vom|beim|im|of the|at the)\s+(?:(?:[\w-]+|the)\s+){0,2}$")


def _role_target(doc: _Doc, ms: list[Mention], i: int, t: str) -> tuple[str | None, Mention | None]:
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
        if p.kind in ("entity", "adjective") and p.type in ("Organization", "Company", "Region") and re.fullmatch(r"[\s-]*|\s*(?:und|and)?\s*", g) and len(g) <= 2:
            return p.ref, p
    # after: "Role der ORG", possibly after the person ("Staatssekretär X vom Ministerium")
    k = i + 1
    while k < len(ms) and ms[k].kind in ("role",):
        k += 1
    after_person = False
    if k < len(ms) and ms[k].type == "Person":
        g = _gap(t, ms[k - 1].end, ms[k].start)
        if _HON_GAP.match(g):
            k += 1
            after_person = True
    if k < len(ms) and ms[k].kind == "entity" and ms[k].type in ("Organization", "Company", "Region"):
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
        if m.kind == "entity" and m.type in ("Organization", "Company", "Region") and clause_start <= m.start < r.start:
            if re.search(r"(?:[Ff]ür|[Ff]or|on behalf of)\s+(?:die|den|das|the)?\s*$", t[clause_start:m.start]):
                return m.ref, m
    if re.search(r"\b(?:deren|dessen|ihre[mnr]?|seine[mnr]?|its|their)\s+$", clause):
        prev = [m for m in ms[:i] if m.kind == "entity" and m.type in ("Organization", "Company")]
        if prev:
            return prev[-1].ref, prev[-1]
    return None, None


def _resolve_minister(doc: _Doc, role_en: str, target: str | None, t: str, r: Mention) -> str | None:
    role = doc.gaz.roles.get(role_en)
    if role is None:
        return target
    if target and doc.gaz.get(target) and doc.gaz.get(target).type != "Region":
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
    if k < len(ms) and ms[k].type == "Person" and _HON_GAP.match(_gap(t, ms[k - 1].end, ms[k].start)):
        return ms[k]
    # "Role der ORG (ACR), Person"
    if k < len(ms) and ms[k].kind == "entity" and ms[k].type in ("Organization", "Company") and _OF_GAP.match(_gap(t, ms[k - 1].end, ms[k].start)):
        k2 = k + 1
        while k2 < len(ms) and ms[k2].kind == "entity" and ms[k2].ref == ms[k].ref:
            k2 += 1
        if k2 < len(ms) and ms[k2].type == "Person" and re.fullmatch(r"\s*(?:\([^)]*\))?\)?\s*,\s*", _gap(t, ms[k2 - 1].end, ms[k2].start)):
            return ms[k2]
    return None


_PORTFOLIO = re.compile(r"\s+(?:für|for|of)\s+[^.;:!?()»«\"]{2,110}?\s+")


def _person_right_after(ms: list[Mention], i: int, t: str) -> Mention | None:
    k = i + 1
    while k < len(ms) and ms[k].kind == "role" and re.fullmatch(r"\s*(?:und|and|,)?\s*", _gap(t, ms[k - 1].end, ms[k].start)):
        k += 1
    if k < len(ms) and ms[k].type == "Person" and _HON_GAP.match(_gap(t, ms[k - 1].end, ms[k].start)) and "," not in _gap(t, ms[k - 1].end, ms[k].start):
        return ms[k]
    # a long role title followed by honorifics and the name, e.g. "Ministerin für Bau, Verkehr und Wohnen Dr. Eva Beispiel"
    r = ms[k - 1]
    for j in range(k, len(ms)):
        if ms[j].type == "Person":
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
    if j >= 0 and ms[j].type == "Person" and re.fullmatch(r"\s*[,(]\s*", _gap(t, ms[j].end, ms[i].start)):
        return ms[j]
    # "Person, ORG Role": "Jane Doe, KIAT President"
    if j >= 1 and ms[j].kind == "entity" and ms[j - 1].type == "Person" and re.fullmatch(r"\s*,\s*", _gap(t, ms[j - 1].end, ms[j].start)) and re.fullmatch(r"[\s-]*", _gap(t, ms[j].end, ms[i].start)):
        return ms[j - 1]
    return None


class Extractor:
    def __init__(self, doc: _Doc):
        self.d = doc
        self._trigger_event: dict[tuple[int, int], EventObj] = {}
        self._cur_sentence = 0

    def _event_of(self, m: Mention) -> EventObj | None:
        return self._trigger_event.get((self._cur_sentence, m.start))

    # ------------------------------------------------------------ passes
    def run(self) -> None:
        d = self.d
        discover_organizations(d.gaz, d.sentences, d.lang)
        discover_persons(d.gaz, d.sentences, d.lang)
        for s in d.sentences:
            d.mentions[s.index] = _sentence_mentions(s, d.gaz)
            all_dates = find_dates(s.text, d.published)
            d.dates[s.index] = [x for x in all_dates if not _dateline(s.text, x)]
            for x in all_dates:
                if _dateline(s.text, x):
                    for m in d.mentions[s.index]:
                        if m.end <= x.start_char:
                            m.dateline = True
            d.mentions[s.index] = [m for m in d.mentions[s.index] if not (m.dateline and m.kind != "entity")]
        self._home_region()
        for s in d.sentences:
            ms = d.mentions[s.index]
            for m in ms:
                if m.kind == "entity":
                    d.use(m.ref, s.index)
                elif m.kind == "topic":
                    d.use(m.ref, s.index)
            self._roles(s, [m for m in ms if not m.dateline])
        for s in d.sentences:
            ms = [m for m in d.mentions[s.index] if not m.dateline]
            self._agreements(s, ms)
            self._events(s, ms)
            self._org_relations(s, ms)
            self._trade(s, ms)
            self._org_properties(s, ms)
            partnerships.apply(d, s, ms)

    def _home_region(self) -> None:
        d = self.d
        counts: dict[str, float] = {}
        for i, ms in d.mentions.items():
            for m in ms:
                if m.type == "Region":
                    st = d.state_of(m.ref)
                    if st:
                        counts[st] = counts.get(st, 0) + (2 if i <= 3 else 1)
                elif m.kind == "entity" and m.type in ("Organization",):
                    e = d.entity(m.ref)
                    if e.seat:
                        st = d.state_of(e.seat)
                        if st:
                            counts[st] = counts.get(st, 0) + 0.5
        if counts:
            d.home = max(sorted(counts), key=lambda k: counts[k])

    # ------------------------------------------------------------ persons and roles
    def _roles(self, s: Sentence, ms: list[Mention]) -> None:
        d, t = self.d, s.text
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
            f = d.fact("HOLDS_ROLE_AT", person.ref, target, s.index, role=r.ref, role_de=role_de)
            if weak and f is not None and person.ref not in d.role_of:
                d.weak_role[person.ref] = f
            d.role_of.setdefault(person.ref, target)

    # ------------------------------------------------------------ agreements
    def _agreements(self, s: Sentence, ms: list[Mention]) -> None:
        d, t = self.d, s.text
        trig = [m for m in ms if m.kind == "agreement"]
        anaphor = T.PARTNERS_ANAPHOR.search(t)
        persons = [m for m in ms if m.type == "Person"]
        recent = bool(d.agreements) and s.index - max(d.agreements[-1].sentences or [0]) <= 2
        sign_only = not trig and bool(T.SIGN.search(t)) and persons and recent
        if not trig and not sign_only:
            if anaphor and d.agreements:
                ag = d.agreements[-1]
                self._focus(ag, s, ms, key=("agreement", ag.key))
            elif recent and T.AIM.match(t) and d.sent(s.index - 1).paragraph == s.paragraph:
                # "Ziel ist es, ..." right after the agreement: what it is about
                ag = d.agreements[-1]
                self._focus(ag, s, ms, key=("agreement", ag.key))
            return
        real = [m for m in trig if m.ref != "anaphor"]
        if not real and not d.agreements:
            return
        kind = max((m.ref for m in real), key=lambda k: T.KIND_RANK[k]) if real else None
        sign = T.SIGN.search(t)
        signed = bool(sign)
        # parties named in this sentence: bodies; regions only when no body is named ("Bavaria and Jiangsu signed")
        orgs = [m for m in ms if m.kind == "entity" and m.type in ("Organization", "Company")]
        parties: list[str] = []
        for m in orgs:
            if m.ref not in parties:
                parties.append(m.ref)
        if not orgs and not persons and sign:
            for m in ms:
                if m.kind == "entity" and m.type == "Region" and m.start < sign.start() and not re.search(r"\b(?:in|im|nach|aus|from|to)\s+(?:der\s+|dem\s+|the\s+)?$", t[max(0, m.start - 8):m.start]):
                    if m.ref not in parties:
                        parties.append(m.ref)
        for p in persons:
            org = d.role_of.get(p.ref)
            if org and org not in parties and p.ref not in d.weak_role and d.entity(org).type in ("Organization", "Company", "Region"):
                parties.append(org)
        ag = None
        if d.agreements:
            cur = d.agreements[-1]
            new_parties = [p for p in parties if p not in cur.parties]
            if not (len(parties) >= 2 and len(new_parties) == len(parties) and cur.parties) or sign_only:
                ag = cur
        if ag is None:
            if kind is None:
                return
            ag = AgreementObj(len(d.agreements), kind, s.index)
            d.agreements.append(ag)
        elif kind and T.KIND_RANK[kind] > T.KIND_RANK[ag.kind]:
            ag.kind = kind
        ag.sentences.append(s.index)
        if signed or len(parties) >= 2 or not ag.parties:
            if len(parties) < 2 and not ag.parties and T.WE.search(t):
                sp = self._speaker_org(s)
                if sp and sp not in parties:
                    parties.append(sp)
            if len(parties) < 2 and not ag.parties and s.index > 1:
                prev = d.sent(s.index - 1)
                if prev.paragraph == s.paragraph:
                    for m in d.mentions[prev.index]:
                        if m.kind == "entity" and m.type in ("Organization", "Company") and m.ref not in parties:
                            parties.append(m.ref)
            for p in parties:
                if p not in ag.parties:
                    ag.parties.append(p)
                    d.use(p, s.index)
        if signed:
            ag.status = "signed"
            self._assign_weak_roles(ag, persons)
            for p in persons:
                ag.signers.append((p.ref, d.role_of.get(p.ref)))
                d.use(p.ref, s.index)
                d.fact("SIGNED", p.ref, ("agreement", ag.key), s.index, on_behalf_of=d.role_of.get(p.ref))
                tgt = d.role_of.get(p.ref)
                if tgt and tgt not in ag.parties and d.entity(tgt).type in ("Organization", "Company", "Region"):
                    ag.parties.append(tgt)
            for dm in d.dates[s.index]:
                if dm.kind in ("day", "relative", "month") and ag.signed is None:
                    ag.signed = dm.start
            for m in ms:
                if m.kind == "entity" and m.type == "Region" and re.search(r"\b(?:in|im)\s+$", t[max(0, m.start - 4):m.start]):
                    if ag.place is None and d.region_level(m.ref) in ("city", "state", "province"):
                        ag.place = m.ref
        self._focus(ag, s, ms, key=("agreement", ag.key), agreement=True)

    def _assign_weak_roles(self, ag: AgreementObj, persons: list[Mention]) -> None:
        """Signers whose role named no body ('Governor Wei Zhang') sign for the parties not yet
        represented, in the order both are named."""
        d = self.d
        strong = {d.role_of.get(p.ref) for p in persons if p.ref not in d.weak_role}
        free = [p for p in ag.parties if p not in strong]
        for p in persons:
            f = d.weak_role.get(p.ref)
            if f is None or not free:
                continue
            party = free.pop(0)
            target = party
            role = d.gaz.roles.get(f.properties.get("role"))
            if role is not None and role.minister and d.gaz.get(party) and d.gaz.get(party).type == "Region":
                m = d.gaz.economy_ministry(party)
                target = m.id if m else party
            f.target = target
            d.role_of[p.ref] = party
            del d.weak_role[p.ref]

    def _speaker_org(self, s: Sentence) -> str | None:
        """The organization of the person quoted in this paragraph."""
        d = self.d
        for other in d.sentences:
            if other.paragraph != s.paragraph and abs(other.index - s.index) > 3:
                continue
            for m in d.mentions[other.index]:
                if m.type == "Person" and m.ref in d.role_of:
                    tgt = d.role_of[m.ref]
                    if d.entity(tgt).type in ("Organization", "Company"):
                        return tgt
        return None

    def _focus(self, obj, s: Sentence, ms: list[Mention], key, agreement: bool = False) -> None:
        d, t = self.d, s.text
        first_trig = min((m.start for m in ms if m.kind == "agreement"), default=None)
        for i, m in enumerate(ms):
            if m.kind != "topic":
                continue
            if agreement and first_trig is not None:
                # the agreement's subject matter: after the agreement is named, or after a focus word;
                # not the topic in a body's description ("das Medizintechnik-Netzwerk X")
                nxt = ms[i + 1] if i + 1 < len(ms) else None
                if nxt is not None and nxt.kind == "entity" and re.fullmatch(r"[\s-]*(?:[Nn]etzwerk|network|[Cc]luster|[Vv]erband|association)\s+", _gap(t, m.end, nxt.start)):
                    continue
                if m.start < first_trig and not T.FOCUS.search(t[: m.start]):
                    continue
            d.fact("FOCUSES_ON", key, m.ref, s.index)

    # ------------------------------------------------------------ events
    def _event_name(self, t: str, m: Mention) -> str | None:
        """A proper name ending in the trigger: 'Deutsch-Japanisches Wasserstoff-Forum'."""
        before = t[: m.start]
        run = re.search(r"((?:[A-ZÄÖÜ][\w]*(?:-[\w]+)*\s+){1,4})$", before)
        word = m.text
        words = []
        if run:
            words = [w for w in run.group(1).split()]
            while words and (words[0].lower() in _EVENT_STOP or not words[0][0].isupper()):
                words = words[1:]
            words = [w for w in words if w.lower() not in _EVENT_STOP]
        proper = bool(words) and all(re.match(r"[A-ZÄÖÜ]", w) for w in words) and any("-" in w or w.lower() not in _COMMON_NOUN for w in words)
        hyphen_named = "-" in word and word.split("-")[0][:1].isupper() and word.split("-")[0].lower() not in ("online", "company", "e", "business")
        if not proper and not hyphen_named:
            return None
        if not proper:
            words = []
        base = re.sub(r"(?<=[a-z])s$", "", word) if m.ref in ("forum", "workshop", "symposium") else word
        name = " ".join(words + [base])
        name = re.sub(r"(?<=isch)(?:en|er|em)\b", "e", name)
        return name if len(name) > 4 else None

    def _events(self, s: Sentence, ms: list[Mention]) -> None:
        d, t = self.d, s.text
        self._cur_sentence = s.index
        trig = [m for m in ms if m.kind == "event"]
        ev_here: list[EventObj] = []
        for m in trig:
            word = m.text
            # plural-looking words after a singular genitive article are one event: "eines Online-Workshops"
            if T.PLURAL_EVENT.search(word) and not word.lower().endswith(("delegation",)) and not _GENITIVE_SINGULAR.search(t[: m.start]):
                continue
            kind = m.ref
            if kind == "trip" and re.search(r"[Dd]elegation", word):
                kind = "delegation_visit"
            generic_visit = word.lower() in ("visit", "besuch", "reise", "trip")
            name = self._event_name(t, m) if kind not in T.TRAVEL else None
            ev = None
            same = [e for e in d.events if (e.kind in T.TRAVEL and kind in T.TRAVEL) or e.kind == kind]
            if name:
                ev = next((e for e in d.events if e.name and name_keys(e.name) & name_keys(name)), None)
            if ev is None and same and not name:
                cur = same[-1]
                dm = [x for x in d.dates[s.index] if x.kind in ("day", "range", "month")]
                conflict = bool(dm and cur.start and not _overlaps(cur, dm[0]))
                fresh = bool(T.NEW_EVENT.search(t[: m.start]))
                indefinite = kind not in T.TRAVEL and bool(T.INDEFINITE.search(t[: m.start])) and not cur.name is None
                indefinite = indefinite or (kind not in T.TRAVEL and bool(T.INDEFINITE.search(t[: m.start])) and bool(dm) and not cur.start)
                if not (conflict or fresh or indefinite):
                    ev = cur
            if ev is None and same and name:
                cur = same[-1]
                if cur.name is None and cur.kind == kind and not generic_visit:
                    cur.name = name
                    ev = cur
            if ev is None:
                if generic_visit and kind == "trip" and not T.VISIT_CUE.search(t[m.end:]) and not d.dates[s.index]:
                    continue
                ev = EventObj(len(d.events), kind, s.index, name=name)
                d.events.append(ev)
            elif kind != ev.kind and ev.kind == "trip" and kind in ("delegation_visit", "mission"):
                ev.kind = kind
            if ev not in ev_here:
                ev_here.append(ev)
            self._trigger_event[(s.index, m.start)] = ev
        if not ev_here and not any(e.kind in T.TRAVEL for e in d.events) and not any(m.kind == "agreement" for m in ms):
            # "Minister X hat ... Südkorea, Japan und China besucht": a trip without the word for it
            foreign = [m for m in ms if m.kind == "entity" and m.type == "Region" and not d.state_of(m.ref) and m.ref != "region:de"]
            if T.TRAVEL_VERB.search(t) and foreign and (any(m.type == "Person" for m in ms) or re.search(r"Delegation|Vertreter|delegation", t)):
                kind = "delegation_visit" if re.search(r"Delegation|Vertreter|delegation|representatives", t) else "trip"
                ev = EventObj(len(d.events), kind, s.index)
                d.events.append(ev)
                ev_here.append(ev)
        if not ev_here:
            # sentences about "the group" or that organize/focus/visit without naming the event
            if self._region_focus(s, ms):
                return
            if d.events and not any(m.kind == "agreement" for m in ms) and not self._org_focus(s, ms):
                cur = max(d.events, key=lambda e: e.sentences[-1] if e.sentences else e.first_sentence)
                prev_t = d.sent(s.index - 1).text if s.index > 1 else ""
                continues = prev_t.rstrip("*").endswith(":") and bool(T.FOCUS.search(prev_t))
                anaphor = cur.kind in T.TRAVEL and T.TRAVEL_ANAPHOR.search(t)
                cue = (T.ORGANIZE.search(t) or T.FOCUS.search(t) or T.PARTICIPATE_ORG.search(t)
                       or (cur.kind in T.TRAVEL and T.VISIT_VERB.search(t)) or continues or anaphor
                       or ((T.SPEAKER.search(t) or T.HEAD_OF.search(t)) and any(m.type == "Person" for m in ms)))
                near = s.index - (cur.sentences[-1] if cur.sentences else cur.first_sentence) <= 3
                if cue and (near or anaphor):
                    self._event_sentence(cur, s, ms, anaphoric=True, continues=continues)
            else:
                self._org_focus(s, ms)
                self._region_focus(s, ms)
            return
        for ev in ev_here:
            self._event_sentence(ev, s, ms, anaphoric=False, several=len(ev_here) > 1)

    def _org_focus(self, s: Sentence, ms: list[Mention]) -> bool:
        """Sentences that say what a body works on ('Arbeitsschwerpunkt von X', 'Fokus des Clusters',
        'Ziel der X-Aktivitäten'). True when it applied."""
        d, t = self.d, s.text
        cue = T.ORG_FOCUS.search(t)
        topics = [m for m in ms if m.kind == "topic"]
        if not cue or not topics or any(m.kind in ("agreement", "event") for m in ms):
            return False
        org = None
        for m in ms:
            if m.kind == "entity" and m.type in ("Organization", "Company"):
                if (m.start < cue.start() and cue.start() - m.end < 25) or (0 <= m.start - cue.end() <= 25):
                    org = m.ref
                    break
        if org is None and re.search(r"(?:des|of the)\s+(?:Clusters|Netzwerks|Vereins|cluster|network)\b", t[cue.end():cue.end() + 25]):
            cl = [u for u in d.node_sentences if d.gaz.get(u) and d.gaz.get(u).properties.get("kind") == "cluster"]
            org = max(cl, key=lambda u: len(d.node_sentences[u])) if cl else None
        if org is None:
            return False
        for m in topics:
            if m.start > cue.start():
                d.fact("FOCUSES_ON", org, m.ref, s.index)
        return True

    def _region_focus(self, s: Sentence, ms: list[Mention]) -> bool:
        """'Südkorea zählt zu den Weltmarktführern, wie in der Mikroelektronik ...': a region's strengths."""
        d, t = self.d, s.text
        topics = [m for m in ms if m.kind == "topic"]
        if not topics or not T.LEADING.search(t) or any(m.kind in ("agreement", "event") for m in ms):
            return False
        subject = None
        for m in ms:
            if m.kind == "entity" and m.type == "Region" and not re.search(r"\b(?:in|nach|aus|to|from|im)\s+$", t[max(0, m.start - 6):m.start]):
                subject = m.ref
                break
        if subject is None:
            return False
        for m in topics:
            d.fact("FOCUSES_ON", subject, m.ref, s.index)
        return True

    def _event_sentence(self, ev: EventObj, s: Sentence, ms: list[Mention], *, anaphoric: bool, several: bool = False,
                        continues: bool = False) -> None:
        d, t = self.d, s.text
        key = ("event", ev.key)
        ev.sentences.append(s.index)
        dates = d.dates[s.index]
        if several:
            # several events in one sentence: a date belongs to the event named last before it
            trig = sorted((x.start, self._event_of(x)) for x in ms if x.kind == "event" and self._event_of(x) is not None)
            if trig:
                def owner(dm):
                    before = [e for p, e in trig if p < dm.start_char]
                    return before[-1] if before else trig[0][1]
                dates = [dm for dm in dates if owner(dm) is ev]
        # dates
        for dm in dates:
            if dm.kind == "range":
                ev.start = ev.start or dm.start
                ev.end = ev.end or dm.end
                break
            if dm.kind in ("day", "month", "relative", "season") and ev.start is None:
                if re.search(r"(?:bis zum|bis|until|till|through)\s*$", t[: dm.start_char]):
                    ev.end = ev.end or dm.end
                    continue
                if dm.kind == "relative" and len(dm.start) == 4:
                    continue
                ev.start = dm.start
                break
            if dm.kind == "year" and ev.start is None and not anaphoric and not several and len(dates) == 1:
                ev.start = dm.start
        if ev.start and not ev.end:
            for dm in dates:
                if re.search(r"(?:bis zum|bis|until)\s*$", t[: dm.start_char]) and dm.end >= ev.start:
                    ev.end = dm.end
        size = find_group_size(t)
        if size and ev.participants is None:
            ev.participants = size
        entities = [m for m in ms if m.kind == "entity"]
        organizers: set[str] = set()
        funders: set[str] = set()
        for fm in T.FUNDED.finditer(t):
            for m in entities:
                if m.start > fm.end() and m.start - fm.end() < 40:
                    funders.add(m.ref)
                    break
        # ORGANIZED
        if T.ORGANIZE.search(t) and several:
            # a planned event that continues an earlier one named in the genitive ("... Fortsetzung eines Webinars vom März")
            trig = next((x for x in ms if x.kind == "event" and self._event_of(x) is ev), None)
            om = T.ORGANIZE.search(t, trig.end) if trig else None
            if om and trig and om.start() - trig.end <= 60 and T.WE.search(t[trig.end:om.start()]):
                sp = self._speaker_org(s)
                if sp:
                    organizers.add(sp)
                    d.fact("ORGANIZED", sp, key, s.index)
        elif T.ORGANIZE.search(t):
            by = T.ORGANIZE_BY.search(t)
            for m in entities:
                if m.type not in ("Organization", "Company") or m.ref in funders:
                    continue
                if by and m.start < by.start() and not re.search(r"gemeinsam mit|together with|zusammen mit|with", t[m.end:by.start()]):
                    if not re.search(r"\bund\b|\band\b", t[m.end:m.end + 6]):
                        continue
                if re.search(r"\b(?:Vertreter\w*|representatives?)\s+(?:der|des|von|of)\s+(?:the\s+)?$", t[max(0, m.start - 25):m.start]):
                    continue
                organizers.add(m.ref)
                d.fact("ORGANIZED", m.ref, key, s.index)
        role_targets = {f.target for f in d.facts if f.type == "HOLDS_ROLE_AT" and f.sentence == s.index}
        # PARTICIPATED_IN: persons
        for m in ms:
            if m.type == "Person" and not anaphoric and ev.kind not in T.TRAVEL and T.SPEECH.search(t):
                d.fact("PARTICIPATED_IN", m.ref, key, s.index, role="speaker")
                continue
            if m.type == "Person" and T.PARTICIPATE_PERSON.search(t):
                if anaphoric and not (T.SPEAKER.search(t) or T.HEAD_OF.search(t)):
                    continue
                role = "head of delegation" if T.HEAD_OF.search(t) and ev.kind in T.TRAVEL else "speaker" if T.SPEAKER.search(t) else None
                d.fact("PARTICIPATED_IN", m.ref, key, s.index, role=role)
        # PARTICIPATED_IN: organizations and regions after a participation cue
        participants: set[str] = set()
        last_end = 0
        for pm in (T.PARTICIPATE_ORG.finditer(t) if not several else ()):
            for m in entities:
                if m.start < pm.start() or m.type not in ("Organization", "Company", "Region") or m.ref in organizers or m.ref in role_targets:
                    continue
                between = t[pm.end():m.start]
                if m.type == "Region":
                    if not re.search(r"Delegation|delegation|Teilnehmer|participants", pm.group(0)) or len(between.split()) > 3 or "," in between:
                        continue
                elif len(between) > 100:
                    continue
                elif participants and not re.fullmatch(r"[\s,]*(?:\([^)]*\))?[\s,]*(?:und|and|sowie|as well as|or|oder)?\s*(?:der|die|das|dem|den|the)?\s*", t[last_end:m.start]):
                    break
                last_end = m.end
                participants.add(m.ref)
                d.fact("PARTICIPATED_IN", m.ref, key, s.index)
                if m.type == "Region":
                    break
        if ev.kind not in T.TRAVEL and not anaphoric:
            evtrig = sorted((x for x in ms if x.kind == "event" and self._event_of(x) is not None), key=lambda x: x.start)
            for wm in _WITH_BODIES.finditer(t):
                if re.search(r"gemeinsam|together|zusammen", t[max(0, wm.start() - 12):wm.start()]):
                    continue
                if several:
                    # several events: "with ..." belongs to the event named last before it
                    last = [x for x in evtrig if x.end <= wm.start()]
                    if not last or self._event_of(last[-1]) is not ev:
                        continue
                # "mit der LEA", "mit den japanischen Universitäten Yamagata und Tohoku": one body or a list
                prev_end = None
                for m in entities:
                    if m.start < wm.end():
                        continue
                    if prev_end is None:
                        if m.start != wm.end():
                            break
                    elif not _LIST_GAP.fullmatch(t[prev_end:m.start]):
                        break
                    if m.type not in ("Organization", "Company"):
                        break
                    prev_end = m.end
                    if m.ref not in organizers and m.ref not in role_targets:
                        participants.add(m.ref)
                        d.fact("PARTICIPATED_IN", m.ref, key, s.index)
                    if not wm.group("plural"):
                        break
        # VISITED (trips) or LOCATED_IN (forums, workshops ...)
        if ev.kind in T.TRAVEL:
            cue = T.VISIT_CUE.search(t)
            for p_ in participants:
                pe = d.gaz.get(p_)
                where = p_ if pe and pe.type == "Region" else (pe.seat if pe else None)
                if where and not (where == "region:de" or where.startswith("region:de-")):
                    ev.foreign = True
            if cue:
                home_ids = {d.home} if d.home and not ev.foreign else set()
                if d.home:
                    home_ids |= d.ancestors(d.home)
                    home_ids |= {e.id for e in d.gaz.entries.values() if e.parent == d.home}
                for m in entities:
                    if m.type not in ("Region", "Organization", "Company") or m.ref in organizers or m.ref in participants or m.ref in role_targets or m.ref in funders:
                        continue
                    pre = t[max(0, m.start - 40):m.start]
                    if m.type == "Region" and m.ref in home_ids and not re.search(r"\b(?:nach|to|into|ins)\s+$", pre):
                        continue
                    if re.search(r"\b(?:aus|from)\s+(?:der\s+|dem\s+|den\s+|the\s+)?(?:(?:[a-zäöü][\w-]*|[\w-]*(?:stadt|metropole|provinz|region|präfektur|city|province|prefecture))\s+){0,3}$", pre) or re.search(r"(?:Delegation|delegation|Gruppe|group)\s+(?:der|des|of)\s+(?:[\w-]+\s+){0,3}$", pre):
                        continue
                    if m.type in ("Organization", "Company"):
                        e = d.entity(m.ref)
                        if e.seat and d.home and d.state_of(e.seat) == d.home and not T.VISIT_VERB.search(t):
                            continue
                        if not T.VISIT_VERB.search(t):
                            continue
                    if m.start < cue.start() and not T.VISIT_VERB.search(t[m.end:]):
                        continue
                    d.fact("VISITED", key, m.ref, s.index)
                    if m.ref not in ev.visited:
                        ev.visited.append(m.ref)
        elif not anaphoric:
            for m in entities:
                if m.type == "Region" and re.search(r"\b(?:in|im)\s+$", t[max(0, m.start - 4):m.start]):
                    d.fact("LOCATED_IN", key, m.ref, s.index)
                    ev.place = ev.place or m.ref
                    break
        # topics: inside the event's name, or introduced by a focus word
        trig = [m for m in ms if m.kind == "event"]
        for m in ms:
            if m.kind != "topic":
                continue
            inside = any(x.start <= m.start and m.end <= x.end for x in trig)
            before = t[: m.start]
            if several:
                # several events: only a topic right after this event's name ('Workshop ... zum Thema X')
                last = max((x for x in trig if x.end <= m.start), key=lambda x: x.end, default=None)
                if last is None or self._event_of(last) is not ev or not T.TOPIC_CUE.search(t[last.end:m.start]) or len(t[last.end:m.start]) > 120:
                    continue
            cue = T.FOCUS.search(before) or T.TOPIC_CUE.search(before[-40:]) or continues
            if inside or cue:
                if any(x.kind == "agreement" for x in ms) and not inside:
                    continue
                d.fact("FOCUSES_ON", key, m.ref, s.index)

    # ------------------------------------------------------------ organizations
    def _org_relations(self, s: Sentence, ms: list[Mention]) -> None:
        d, t = self.d, s.text
        orgs = [m for m in ms if m.kind == "entity" and m.type in ("Organization", "Company")]
        # SUBORDINATE_TO
        cue = T.SUBORDINATE.search(t)
        anaphor_subject = False
        if cue and s.index > 1 and re.match(
                r"\s*(?:Die|Der|Das|The|This)\s+(?:Agentur|Organisation|Gesellschaft|Einrichtung|Behörde|Institution|Institut|Stiftung|agency|organi[sz]ation|institute|body|foundation)\b|\s*(?:It|Sie|Es)\b", t):
            prev = [m for m in self.d.mentions[s.index - 1] if m.kind == "entity" and m.type == "Organization"]
            after = [m for m in ms if m.kind == "entity" and m.type in ("Organization", "Region") and m.start > cue.start() - 120]
            if prev and after and after[0].ref != prev[0].ref:
                d.fact("SUBORDINATE_TO", prev[0].ref, after[0].ref, s.index)
                anaphor_subject = True
        if cue and orgs and not anaphor_subject:
            x = orgs[0]
            if x.start < cue.start():
                after_x = [m for m in ms if m.kind == "entity" and m.start > x.end and m.type in ("Organization", "Region") and m.ref != x.ref]
                if after_x:
                    d.fact("SUBORDINATE_TO", x.ref, after_x[0].ref, s.index)
        # MEMBER_OF
        self._members(s, ms)
        # LOCATED_IN: "die südkoreanische Regierungsagentur TIPA", "X aus/in Y", "Y-based X"
        for i, m in enumerate(ms):
            if m.kind == "adjective":
                rest = [x for x in ms[i + 1:] if x.kind != "topic"]
                nxt = rest[0] if rest else None
                if nxt and nxt.kind == "entity" and nxt.type in ("Organization", "Company"):
                    g = _gap(t, m.end, nxt.start)
                    if len(g.split()) <= 2 and re.fullmatch(r"\s+(?:[\w-]+\s+){0,2}", g) and (not g.strip() or g.strip()[0].isupper() or g.strip()[0].islower()):
                        d.fact("LOCATED_IN", nxt.ref, m.ref, s.index)
                        # "der koreanischen Verbände X und Y": a plural descriptor covers the list
                        prev_end = nxt.end
                        if not re.search(r"(?:e|en|s)\s+$", g) or re.search(r"(?:ur|ung|ion|tät)\s+$", g):
                            continue
                        for y in rest[1:]:
                            if y.kind == "entity" and y.ref == nxt.ref:
                                prev_end = y.end
                                continue
                            if y.kind == "entity" and y.type in ("Organization", "Company") and re.fullmatch(
                                    r"\s*(?:\([^)]*\))?\s*(?:,|und|and|sowie|or|oder)\s*(?:die|der|das|the)?\s*", _gap(t, prev_end, y.start)):
                                d.fact("LOCATED_IN", y.ref, m.ref, s.index)
                                prev_end = y.end
                                continue
                            break
        for i, m in enumerate(ms):
            # "das Medizintechnik-Netzwerk MedTech", "the photonics network OptoNet": what the body works on
            if m.kind == "topic" and i + 1 < len(ms):
                nxt = ms[i + 1]
                g = _gap(t, m.end, nxt.start)
                if nxt.kind == "entity" and nxt.type in ("Organization", "Company") and re.fullmatch(
                        r"[\s-]*(?:[Nn]etzwerk|network|[Cc]luster|[Vv]erband|association|[Ii]nitiative)\s+", g):
                    d.fact("FOCUSES_ON", nxt.ref, m.ref, s.index)
        for i, m in enumerate(ms):
            if m.kind == "entity" and m.type in ("Organization", "Company"):
                k = i + 1
                while k < len(ms) and ms[k].kind == "entity" and ms[k].ref == m.ref:
                    k += 1
                if k < len(ms) and ms[k].kind == "entity" and ms[k].type == "Region":
                    g = _gap(t, ms[k - 1].end, ms[k].start)
                    if T.LOCATED.match(g):
                        after = t[ms[k].end:]
                        plain_in = re.fullmatch(r"\s*(?:,\s*)?in\s+", g) is not None
                        # "X in Y" only as a noun phrase ("the agency in Busan,"), not "X signs in Y a ..."
                        if plain_in and not re.match(r"\s*(?:[,.;)]|$|\(|besucht|visited|\bist\b|\bis\b|\bhat\b|\bhas\b)", after):
                            continue
                        d.fact("LOCATED_IN", m.ref, ms[k].ref, s.index)
        for m in re.finditer(r"(?P<r>[A-ZÄÖÜ][\w]+)-based\s+", t):
            r_ms = [x for x in ms if x.kind == "entity" and x.type == "Region" and x.start == m.start("r")]
            o_ms = [x for x in ms if x.kind == "entity" and x.type in ("Organization", "Company") and 0 <= x.start - m.end() <= 20]
            if r_ms and o_ms:
                d.fact("LOCATED_IN", o_ms[0].ref, r_ms[0].ref, s.index)

    def _members(self, s: Sentence, ms: list[Mention]) -> None:
        """MEMBER_OF from membership words, one member or a list of them:
        'Mitglieder von X e. V., darunter A' / 'members of X such as A and B' (list after the body);
        'X-Mitglied A', 'X members such as A and B', 'das Clustermitglied A' (body before the word);
        'X hat rund 120 Mitglieder, darunter A' / 'X has 90 members, including A and B';
        'A, Mitglied von X' / 'A und B, beide Mitglieder des X' / 'A is a member of X' (members before)."""
        d, t = self.d, s.text
        ents = [m for m in ms if m.kind == "entity"]
        bodies = ("Company", "Organization")

        def listed(i: int) -> list[Mention]:
            """The org/company mentions from ents[i] on that form one list ('A, B und C')."""
            out = [ents[i]]
            j = i + 1
            while j < len(ents):
                x = ents[j]
                if x.ref == out[-1].ref:  # "Silicon Saxony e. V. (SiSax)"
                    j += 1
                    continue
                if x.type in bodies and _LIST_GAP.fullmatch(_gap(t, ents[j - 1].end, x.start)):
                    out.append(x)
                    j += 1
                    continue
                break
            return [m for m in out if m.type in bodies]

        def first_after(pos: int, gap: re.Pattern) -> int | None:
            for i, x in enumerate(ents):
                if x.start >= pos:
                    return i if gap.fullmatch(t[pos:x.start]) and x.type in bodies else None
            return None

        def member(a: Mention, body: Mention) -> None:
            if a.ref != body.ref and body.type == "Organization":
                d.fact("MEMBER_OF", a.ref, body.ref, s.index)

        for mm in T.MEMBER.finditer(t):
            word = mm.group(0).lower()
            before = [x for x in ents if x.end <= mm.start()]
            # the body right before the word: "Silicon Saxony Mitglied A", "OptoNet members such as A"
            body_before = before[-1] if before and before[-1].type == "Organization" and re.fullmatch(r"\.?[\s-]?", _gap(t, before[-1].end, mm.start())) else None
            if word.startswith(("clustermitglied", "netzwerkmitglied")) and body_before is None:
                i = first_after(mm.end(), _ITEM_GAP)
                clusters = [e for e in d.used if d.gaz.get(e) and d.gaz.get(e).properties.get("kind") == "cluster"]
                if i is not None and clusters:
                    best = sorted(clusters, key=lambda c: -len(d.node_sentences.get(c, [])))[0]
                    for a in listed(i):
                        if a.ref != best:
                            d.fact("MEMBER_OF", a.ref, best, s.index)
                continue
            if body_before is not None:
                cue = T.MEMBER_LIST_CUE.match(t, mm.end())
                i = first_after(cue.end() if cue else mm.end(), _ITEM_GAP)
                if i is not None:
                    for a in listed(i):
                        member(a, body_before)
                continue
            # "Its member companies such as A and B": the body named last before (this or the previous sentence)
            if re.search(r"\b(?:its|their|seine|ihre|dessen|deren)\s+$", t[max(0, mm.start() - 8):mm.start()], re.I):
                cue = T.MEMBER_LIST_CUE.match(t, mm.end())
                i = first_after(cue.end(), _ITEM_GAP) if cue else None
                prev = [x for x in before if x.type == "Organization"]
                if not prev and s.index > 1 and d.sent(s.index - 1).paragraph == s.paragraph:
                    prev = [x for x in d.mentions[s.index - 1] if x.kind == "entity" and x.type == "Organization"]
                if i is not None and prev:
                    for a in listed(i):
                        member(a, prev[-1])
                continue
            # "X hat rund 120 Mitglieder, darunter A": the body is the subject before the count
            subj = before[-1] if before and before[-1].type == "Organization" else None
            if subj is not None and _HAS_MEMBERS.fullmatch(_gap(t, subj.end, mm.start())):
                cue = T.MEMBER_LIST_CUE.match(t, mm.end())
                i = first_after(cue.end(), _ITEM_GAP) if cue else None
                if i is not None:
                    for a in listed(i):
                        member(a, subj)
                continue
            # "Mitglieder des X (, u.a. A und B)" / "A, Mitglied von X"
            m_of = re.match(r"\s+(?:des|der|im|in|of|vom|von|bei|beim)\s+(?:the\s+)?", t[mm.end():])
            if not m_of:
                continue
            j = first_after(mm.end() + m_of.end(), re.compile(r"\s{0,2}"))
            if j is None or ents[j].type != "Organization":
                continue
            body = ents[j]
            k = j
            while k + 1 < len(ents) and ents[k + 1].ref == body.ref:
                k += 1
            cue = T.MEMBER_LIST_CUE.match(t, ents[k].end)
            if cue:
                i = first_after(cue.end(), _ITEM_GAP)
                if i is not None:
                    for a in listed(i):
                        member(a, body)
                    continue
            # members named before the word: the closest body (or list of bodies) in front
            cands = [x for x in before if x.type in bodies and x.ref != body.ref]
            if not cands or not _MEMBER_BEFORE.fullmatch(_gap(t, cands[-1].end, mm.start())):
                continue
            group = [cands[-1]]
            for x in reversed(cands[:-1]):
                if _LIST_GAP.fullmatch(_gap(t, x.end, group[-1].start)):
                    group.append(x)
                elif x.ref != group[-1].ref:
                    break
            if len(group) > 1 and not re.search(r"\b(?:beide|both|alle|all|sind|are|were|waren)\b", _gap(t, cands[-1].end, mm.start())):
                group = group[:1]
            for a in group:
                member(a, body)

    def _trade_followup(self, s: Sentence) -> None:
        """Rank and change of the trade flow stated just before."""
        d, t = self.d, s.text
        f = d.last_trade
        rank = find_rank(t)
        if rank:
            f.properties.setdefault("rank", rank)
        pct = find_percentages(t, d.lang)
        if pct and re.search(r"Plus|Zuwachs|Anstieg|Rückgang|Minus|gestiegen|gesunken|increase|decline|growth|rise|fell|up|down", t, re.I):
            f.properties.setdefault("change_pct", pct[0][2])

    def _org_properties(self, s: Sentence, ms: list[Mention]) -> None:
        d, t = self.d, s.text
        orgs = [m for m in ms if m.kind == "entity" and m.type == "Organization"]
        if not orgs:
            return
        if T.BUDGET.search(t):
            am = find_amounts(t, d.lang)
            if am:
                a = am[0]
                scale = {"one": 1, "thousand": 1e3, "million": 1e6, "billion": 1e9}[a.unit]
                props = d.node_props.setdefault(orgs[0].ref, {})
                props["budget"] = round(a.value * scale, 2)
                props["budget_currency"] = a.currency
                yrs = [x for x in d.dates[s.index] if x.kind in ("year", "relative") and len(x.start) == 4]
                if yrs:
                    props["budget_year"] = int(yrs[0].start)
        mc = T.MEMBERS_COUNT.search(t)
        if mc:
            try:
                n = int(parse_number(mc.group("n"), d.lang))
                d.node_props.setdefault(orgs[0].ref, {})["members"] = n
            except ValueError:
                pass
        fm = T.FOUNDED.search(t)
        if fm and fm.group("y"):
            d.node_props.setdefault(orgs[0].ref, {})["founded"] = int(fm.group("y"))

    # ------------------------------------------------------------ trade
    def _trade(self, s: Sentence, ms: list[Mention]) -> None:
        d, t = self.d, s.text
        exp, imp = T.EXPORT.search(t), T.IMPORT.search(t)
        amounts = [a for a in find_amounts(t, d.lang)]
        ctx = d.trade_ctx
        if (exp or imp) and not amounts and d.last_trade and s.index - d.last_trade.sentence <= 2 and (find_rank(t) or find_percentages(t, d.lang)):
            self._trade_followup(s)
            return
        if exp or imp:
            ctx["direction"] = "import" if imp and (not exp or imp.start() < exp.start()) else "export"
            ctx["sentence"] = s.index
            regions = [m for m in ms if m.type == "Region" and m.kind in ("entity", "adjective")]
            src = None
            for m in regions:
                if d.state_of(m.ref) == m.ref or (m.ref.startswith("region:de-") and d.region_level(m.ref) == "state"):
                    src = m.ref
                    break
            src = src or ctx.get("source") or d.home
            partner = None
            for m in regions:
                if m.kind != "entity" or m.ref == src or d.region_level(m.ref) != "country" or m.ref == "region:de":
                    continue
                pre = t[max(0, m.start - 10):m.start]
                if re.search(r"\b(?:nach|aus|to|from|mit|with|into)\s+$", pre):
                    partner = m.ref
                    break
            if partner is None:
                for m in regions:
                    if m.kind == "entity" and m.ref != src and d.region_level(m.ref) == "country" and m.ref != "region:de":
                        partner = m.ref
                        break
            ctx["source"] = src
            if partner:
                ctx["partner"] = partner
            yrs = [x for x in d.dates[s.index] if x.kind in ("year", "relative") and len(x.start) == 4]
            if yrs:
                ctx["year"] = int(yrs[0].start)
        elif not amounts or not ctx or s.index - ctx.get("sentence", -9) > 1:
            # "Das entspricht einem Plus von 8 Prozent." / "... belegte Japan Platz 17."
            if not amounts and d.last_trade and s.index - d.last_trade.sentence <= 2:
                self._trade_followup(s)
            return
        else:
            ctx["sentence"] = s.index
        if not amounts or not ctx.get("source") or not ctx.get("partner") or not ctx.get("year"):
            return
        a = amounts[0]
        props = {"year": ctx["year"], "direction": ctx["direction"], "value": a.value, "currency": a.currency, "unit": a.unit}
        pct = find_percentages(t, d.lang)
        if pct:
            props["change_pct"] = pct[0][2]
        rank = find_rank(t)
        if rank:
            props["rank"] = rank
        f = d.fact("TRADES_WITH", ctx["source"], ctx["partner"], s.index, **props)
        d.last_trade = f
        if f is not None:
            d.use(ctx["source"], s.index)
            d.use(ctx["partner"], s.index)


def _german_role(surface: str, role) -> str:
    f = fold(surface)
    for form in role.de:
        if fold(form) == f:
            return form
    return role.de[0] if role.de else surface


_EVENT_STOP = {"die", "der", "das", "den", "dem", "des", "ein", "eine", "einer", "einen", "eines", "einem", "the", "a", "an", "im", "am", "zum", "beim", "auf", "in", "vom", "mit", "bei", "geplante", "geplanten", "nächste", "ersten", "erste", "this", "our", "unser", "unseren", "seinem"}
_COMMON_NOUN = {"delegation", "wirtschaftsdelegation", "unternehmen", "vertreter", "zum", "auftakt", "programm", "rahmen", "teilnehmer", "abschluss"}


def _overlaps(ev: EventObj, dm: DateMention) -> bool:
    from graph.dates import lower_bound, upper_bound

    a1, b1 = lower_bound(ev.start), upper_bound(ev.end or ev.start)
    a2, b2 = lower_bound(dm.start), upper_bound(dm.end)
    return not (b1 < a2 or b2 < a1)


# ---------------------------------------------------------------- records


def _label(d: _Doc, id: str) -> str:
    e = d.gaz.get(id)
    return e.short() if e else id


def _party_order(d: _Doc, ag: AgreementObj) -> list[str]:
    """Parties, German side first, else in the order the text names them."""

    def german(p: str) -> bool:
        e = d.gaz.get(p)
        where = p if p.startswith("region:") else (e.seat if e else None)
        return bool(where and (where == "region:de" or where.startswith("region:de-")))

    return sorted(ag.parties, key=lambda p: (0 if german(p) else 1, ag.parties.index(p)))


def _agreement_id(d: _Doc, ag: AgreementObj) -> str:
    """agreement:<parties, German side first>-<kind>[-<year signed>], e.g. agreement:wfs-tipa-loi-2022."""
    order = _party_order(d, ag)
    parts = [slug(_label(d, p)) for p in order][:4]
    base = "-".join(parts) if parts else slug(d.doc_id.split(":", 1)[-1])
    year = f"-{ag.signed[:4]}" if ag.signed else ""
    return f"agreement:{base}-{ag.kind}{year}"


def _event_name(d: _Doc, ev: EventObj) -> dict[str, str]:
    when = (ev.start or "")[:7]
    if ev.name:
        return {d.lang: f"{ev.name} {when[:4]}".strip()}
    de, en = T.EVENT_LABEL.get(ev.kind, ("Ereignis", "Event"))
    regions = [v for v in ev.visited if (d.gaz.get(v) and d.gaz.get(v).type == "Region")][:3]
    places = [_place_name(d, v, "de") for v in regions]
    places_en = [_place_name(d, v, "en") for v in regions]
    where_de = f" nach {', '.join(places)}" if places and ev.kind in T.TRAVEL else ""
    where_en = f" to {', '.join(places_en)}" if places_en and ev.kind in T.TRAVEL else ""
    if not where_de and ev.place:
        where_de = f" in {_place_name(d, ev.place, 'de')}"
        where_en = f" in {_place_name(d, ev.place, 'en')}"
    org = next((f.source for f in d.facts if f.type == "ORGANIZED" and f.target == ("event", ev.key)), None)
    by = f" ({_label(d, org)})" if org else ""
    suffix = f" {when}" if when else ""
    return {"de": f"{de}{where_de}{by}{suffix}".strip(), "en": f"{en}{where_en}{by}{suffix}".strip()}


def _place_name(d: _Doc, id: str, lang: str) -> str:
    e = d.gaz.get(id)
    if e is None:
        return id
    return e.name.get(lang) or e.label


def _source(d: _Doc, i: int) -> Source:
    s = d.sent(i)
    return Source(document=d.doc_id, locator=f"sentence {i}", evidence=s.text, span=(s.start, s.end))


def _build(d: _Doc, title: str | None, source_url: str | None, fmt_note: str | None, reference: bool = True) -> Batch:
    origin = Origin(d.doc_id)
    b = Batch(label=d.doc_id)
    first = d.sentences[0].text if d.sentences else d.doc_id
    doc_title = title or (first[:200])
    props: dict[str, Any] = {"title": doc_title, "language": d.lang, "kind": "press_release"}
    if d.published:
        props["published"] = d.published
    if source_url:
        props["url"] = source_url
    b.nodes.append(NodeRecord(type="Document", id=d.doc_id, name={d.lang: doc_title}, properties=props, origin=origin))

    # ids of agreements and events
    key_ids: dict[tuple, str] = {}
    ag_nodes = []
    for ag in d.agreements:
        if not ag.parties and not ag.signers:
            continue
        aid = _agreement_id(d, ag)
        key_ids[("agreement", ag.key)] = aid
        de, en = T.AGREEMENT_LABEL[ag.kind]
        plabels = " – ".join(_label(d, p) for p in _party_order(d, ag)[:4])
        name = {"de": f"{de} {plabels}".strip(), "en": f"{en} {plabels}".strip()}
        aprops: dict[str, Any] = {"kind": ag.kind}
        if ag.signed:
            aprops["signed"] = ag.signed
        if ag.place:
            aprops["signed_place"] = _place_name(d, ag.place, d.lang)
        if ag.status:
            aprops["status"] = ag.status
        ag_nodes.append(NodeRecord(type="Agreement", id=aid, name=name, properties=aprops, valid_from=ag.signed,
                                   sources=[_source(d, i) for i in dict.fromkeys(ag.sentences)], origin=origin))
        for p in ag.parties:
            d.fact("PARTY_TO", p, ("agreement", ag.key), ag.sentences[0])
    ev_nodes = []
    for ev in d.events:
        name = _event_name(d, ev)
        label = name.get("en") or next(iter(name.values()))
        eid = f"event:{slug(label)}"[:120]
        n = 2
        while eid in key_ids.values():
            eid, n = f"event:{slug(label)}-{n}", n + 1
        key_ids[("event", ev.key)] = eid
        eprops: dict[str, Any] = {"kind": ev.kind}
        for k in ("start", "end", "participants"):
            if getattr(ev, k):
                eprops[k] = getattr(ev, k)
        if ev.place:
            eprops["place"] = _place_name(d, ev.place, d.lang)
        if d.published and ev.start:
            eprops["status"] = "held" if (ev.end or ev.start) < d.published[: len(ev.end or ev.start)] else "planned"
        ev_nodes.append(NodeRecord(type="Event", id=eid, name=name, properties=eprops,
                                   sources=[_source(d, i) for i in dict.fromkeys(ev.sentences)], origin=origin))

    def resolve(x):
        return key_ids.get(x) if isinstance(x, tuple) else x

    edges: list[EdgeRecord] = []
    for f in d.facts:
        src, tgt = resolve(f.source), resolve(f.target)
        if not src or not tgt or src == tgt:
            continue
        props = dict(f.properties)
        if f.type == "SIGNED" and props.get("on_behalf_of") is None:
            props.pop("on_behalf_of", None)
        if not _allowed(d, f.type, src, tgt, key_ids):
            continue
        edges.append(EdgeRecord(type=f.type, source=src, target=tgt, properties={k: v for k, v in props.items() if v is not None},
                                sources=[_source(d, f.sentence)], origin=origin))
        d.used.update(x for x in (src, tgt) if not x.startswith(("agreement:", "event:")))

    for id in sorted(d.used, key=lambda x: (min(d.node_sentences.get(x, [10**6])), x)):
        e = d.gaz.get(id)
        if e is None:
            continue
        sents = d.node_sentences.get(id) or [next((f.sentence for f in d.facts if id in (f.source, f.target)), 1)]
        props = {k: v for k, v in e.properties.items() if k in _NODE_PROPS.get(e.type, ())}
        props.update(d.node_props.get(id, {}))
        if e.type == "Topic" and "kind" not in props:
            props["kind"] = "sector"
        names = {k: v for k, v in e.name.items()}
        b.nodes.append(NodeRecord(type=e.type, id=e.id, name=names, aliases={k: list(v) for k, v in e.aliases.items() if v},
                                  properties=props, sources=[_source(d, i) for i in sorted(set(sents))[:8]], origin=origin))
    b.nodes.extend(ag_nodes)
    b.nodes.extend(ev_nodes)
    b.edges.extend(edges)
    if reference:
        _add_reference(d, b, origin)
    return b


REFERENCE_DOC = "doc:regiograph-reference"
REFERENCE_TITLE = "Regiograph reference data: regions and codes"


def reference_document() -> NodeRecord:
    """The Document node reference facts cite (the same id and title as the bundled dataset's)."""
    return NodeRecord(type="Document", id=REFERENCE_DOC, name={"en": REFERENCE_TITLE},
                      properties={"title": REFERENCE_TITLE, "publisher": "Regiograph", "kind": "dataset", "language": "en"},
                      origin=Origin("gazetteer"))


def is_reference(rec) -> bool:
    """A record whose only source is the reference data (not a statement of the text)."""
    return bool(rec.sources) and all(s.document == REFERENCE_DOC for s in rec.sources)


def _add_reference(d: _Doc, b: Batch, origin: Origin) -> None:
    """Facts the gazetteer holds about what the text names: the state or ministry a known body
    belongs to and the city of its seat (``home``), and the region hierarchy (``parent``) of every
    region in the batch. They cite ``doc:regiograph-reference``, not the release; an edge the
    text states itself is not repeated. Nodes they need and the text does not name are added
    with the same source."""
    have = {n.id for n in b.nodes}
    stated = {(e.type, e.source, e.target) for e in b.edges}
    new_nodes: list[NodeRecord] = []
    new_edges: list[EdgeRecord] = []

    def node(id: str, locator: str) -> bool:
        e = d.gaz.get(id)
        if e is None or e.local:
            return False
        if id not in have:
            have.add(id)
            props = {k: v for k, v in e.properties.items() if k in _NODE_PROPS.get(e.type, ())}
            new_nodes.append(NodeRecord(type=e.type, id=e.id, name=dict(e.name),
                                        aliases={k: list(v) for k, v in e.aliases.items() if v}, properties=props,
                                        sources=[Source(REFERENCE_DOC, locator)], origin=origin))
        return True

    def edge(type_: str, src: str, tgt: str, locator: str) -> None:
        if (type_, src, tgt) in stated or src == tgt:
            return
        ends = _EDGE_ENDS.get(type_)
        ts, tt = d.gaz.get(src), d.gaz.get(tgt)
        if ts is None or tt is None or (ends and (ts.type not in ends[0] or tt.type not in ends[1])):
            return
        if not node(tgt, locator):
            return
        stated.add((type_, src, tgt))
        new_edges.append(EdgeRecord(type=type_, source=src, target=tgt, sources=[Source(REFERENCE_DOC, locator)], origin=origin))

    named = [n.id for n in b.nodes if n.id and not n.id.startswith(("doc:", "agreement:", "event:"))]
    for id in named:
        e = d.gaz.get(id)
        if e is not None and not e.local and e.type in ("Organization", "Company"):
            for rel, tgt in e.home:
                edge(rel, id, tgt, "gazetteer: organizations")
    # region hierarchy: every region in the batch up to its country
    i = 0
    regions = [id for id in named if d.gaz.get(id) and d.gaz.get(id).type == "Region"]
    regions += [n.id for n in new_nodes if n.type == "Region"]
    seen: set[str] = set()
    while i < len(regions):
        rid = regions[i]
        i += 1
        if rid in seen:
            continue
        seen.add(rid)
        e = d.gaz.get(rid)
        if e is not None and e.parent:
            edge("PART_OF", rid, e.parent, "gazetteer: regions")
            regions.append(e.parent)
    if new_nodes or new_edges:
        b.nodes.insert(1, reference_document())
        b.nodes.extend(new_nodes)
        b.edges.extend(new_edges)


_NODE_PROPS = {
    "Region": ("level", "iso_3166", "nuts", "capital"),
    "Organization": ("kind", "acronym", "legal_form", "website", "founded", "members", "budget", "budget_currency", "budget_year"),
    "Company": ("sector", "legal_form", "website"),
    "Person": ("honorific", "family_name", "given_name"),
    "Topic": ("kind",),
}
_EDGE_ENDS = {
    "FOCUSES_ON": (("Agreement", "Event", "Organization", "Company", "Region"), ("Topic",)),
    "HOLDS_ROLE_AT": (("Person",), ("Organization", "Company", "Region", "Event")),
    "LOCATED_IN": (("Organization", "Company", "Person", "Event"), ("Region",)),
    "PART_OF": (("Region", "Organization", "Event"), ("Region", "Organization", "Agreement", "Event")),
    "MEMBER_OF": (("Company", "Organization"), ("Organization",)),
    "ORGANIZED": (("Organization", "Company", "Person", "Region"), ("Event",)),
    "PARTICIPATED_IN": (("Person", "Organization", "Company", "Region"), ("Event",)),
    "PARTY_TO": (("Organization", "Company", "Region"), ("Agreement",)),
    "SIGNED": (("Person",), ("Agreement",)),
    "SUBORDINATE_TO": (("Organization",), ("Organization", "Region")),
    "TRADES_WITH": (("Region",), ("Region",)),
    "VISITED": (("Event", "Person"), ("Region", "Organization", "Company")),
}


def _allowed(d: _Doc, type_: str, src: str, tgt: str, key_ids: dict) -> bool:
    def typ(x: str) -> str | None:
        if x.startswith("agreement:"):
            return "Agreement"
        if x.startswith("event:"):
            return "Event"
        e = d.gaz.get(x)
        return e.type if e else None

    ends = _EDGE_ENDS.get(type_)
    return ends is None or (typ(src) in ends[0] and typ(tgt) in ends[1])


# ---------------------------------------------------------------- public


def extract(
    text: str,
    *,
    doc_id: str,
    published: str | None = None,
    title: str | None = None,
    source_url: str | None = None,
    language: str | None = None,
    known: Gazetteer | None = None,
    fmt: str | None = "text",
    reference: bool = True,
) -> Extraction:
    """Extract records from one press release.

    ``text`` is plain text, or HTML/Markdown when ``fmt`` says so (``None``: guess);
    spans refer to the plain text (``Extraction.text``). ``published`` (YYYY,
    YYYY-MM or YYYY-MM-DD) resolves 'heute', 'im letzten Jahr' and years left out.
    ``known`` is the gazetteer (default: the bundled one). ``reference``: add the
    gazetteer's reference facts about what the text names (seats, parent bodies,
    region hierarchy), cited as ``doc:regiograph-reference``.
    """
    plain, markup_title = to_plain(text, fmt)
    lang = language or detect_language(plain)
    gaz = (known or default_gazetteer()).local_copy()
    if not doc_id.startswith("doc:"):
        doc_id = f"doc:{slug(doc_id)}"
    if published is None:
        published = dateline_date(plain)
    d = _Doc(plain, doc_id, published, lang, gaz)
    Extractor(d).run()
    batch = _build(d, title or markup_title, source_url, None, reference=reference)
    return Extraction(doc_id=doc_id, batch=batch, text=plain, language=lang)
