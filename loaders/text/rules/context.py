"""What every rule works on: the document (sentences, mentions, dates, facts so far) and the
mention and fact records."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from typing import Any

from ..dates import DateMention
from ..gazetteer import Entry, Gazetteer
from ..sentences import Sentence, split_sentences
from .types import COMPANY, HOLDS_ROLE_AT, ORGANIZATION, PERSON, REGION, TRADES_WITH


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
    old: bool = False  # named as signed long ago ("20 Jahre nach der Unterzeichnung der ..."): a new signing is another one


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
    origin: list[str] = field(default_factory=list)  # the region the travellers come from ("eine vietnamesische Delegation")


@dataclass
class Fact:
    type: str
    source: Any  # node id, or ("agreement", key) / ("event", key)
    target: Any
    sentence: int
    properties: dict[str, Any] = field(default_factory=dict)
    rule: str = ""  # the rule that first found the fact (``rule_id``); a rule finding it again is not recorded


def rule_id(frame) -> str:
    """'<module>.<function>' of a rule's frame, e.g. 'roles.apply' or 'members.body_members.member':
    the last part of the module name, the function's qualified name without '<locals>' and leading
    underscores. Derived, so ids follow the code when functions move or are renamed (rerun
    benchmarks/rule_precision.py --write then)."""
    module = frame.f_globals.get("__name__", "?").rsplit(".", 1)[-1]
    parts = [p.lstrip("_") for p in frame.f_code.co_qualname.split(".") if p != "<locals>"]
    return ".".join([module.lstrip("_")] + parts)


class Doc:
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
        self.trigger_event: dict[tuple[int, int], EventObj] = {}  # (sentence, start of the event word) -> event
        self.cur_sentence = 0  # the sentence the event rule is reading

    def event_of(self, m: Mention) -> EventObj | None:
        """The event an event word of the current sentence stands for."""
        return self.trigger_event.get((self.cur_sentence, m.start))

    def speaker_org(self, s: Sentence) -> str | None:
        """The organization of the person quoted in this paragraph."""
        for other in self.sentences:
            if other.paragraph != s.paragraph and abs(other.index - s.index) > 3:
                continue
            for m in self.mentions[other.index]:
                if m.type == PERSON and m.ref in self.role_of:
                    tgt = self.role_of[m.ref]
                    if self.entity(tgt).type in (ORGANIZATION, COMPANY):
                        return tgt
        return None

    def find_home(self) -> None:
        """The German state the text is about: the one its regions and bodies' seats point to most."""
        counts: dict[str, float] = {}
        for i, ms in self.mentions.items():
            for m in ms:
                if m.type == REGION:
                    st = self.state_of(m.ref)
                    if st:
                        counts[st] = counts.get(st, 0) + (2 if i <= 3 else 1)
                elif m.kind == "entity" and m.type in (ORGANIZATION,):
                    e = self.entity(m.ref)
                    if e.seat:
                        st = self.state_of(e.seat)
                        if st:
                            counts[st] = counts.get(st, 0) + 0.5
        if counts:
            self.home = max(sorted(counts), key=lambda k: counts[k])

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

    def fact(self, type_: str, source: Any, target: Any, sentence: int, rule: str | None = None, **props: Any) -> Fact | None:
        """Record a relation (or add properties to the same one found before). ``rule``: the id of
        the rule that found it; by default the calling function's (``rule_id``) - a helper that
        several rules share passes the id it should be credited to."""
        if source == target or source is None or target is None:
            return None
        for f in self.facts:
            if f.type == type_ and f.source == source and f.target == target and _key_props(type_, f.properties) == _key_props(type_, props):
                for k, v in props.items():
                    f.properties.setdefault(k, v)
                return f
        f = Fact(type_, source, target, sentence, {k: v for k, v in props.items() if v is not None},
                 rule or rule_id(sys._getframe(1)))
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


def _key_props(type_: str, props: dict) -> tuple:
    if type_ == TRADES_WITH:
        return (props.get("year"), props.get("direction"))
    if type_ == HOLDS_ROLE_AT:
        return (props.get("role"),)
    return ()


def gap(t: str, a: int, b: int) -> str:
    return t[a:b] if a <= b else ""


LIST_GAP = re.compile(r"\s*(?:\([^)]*\)\s*)?(?:,|;)?\s*(?:(?:und|and|sowie|as well as|or|oder|&)\s+)?(?:(?:die|der|das|dem|den|the)\s+)?")
# (a period first: the office was abbreviated, "Gov. X", "Sec. Y")
# (a diplomat's "S.E."/"I.E."/"H.E." or "His/Her Excellency" before the name too)
HON_GAP = re.compile(r"^\.?[\s,]*(?:(?:Prof\.|Professor|Dr\.(?:-Ing\.)?|Dipl\.-Ing\.|Mr\.|Ms\.|Mrs\.|Herrn|Herr|Frau|[SIH]\.\s?E\.|"
                     r"(?:His|Her|Seine|Ihre)\s+Exz?cellen(?:cy|z))\s*)*$")
OF_GAP = re.compile(r"^\s*(?:,\s*)?(?:der|des|of|at|bei|von|vom|beim|im|of the|at the)\s+(?:(?:[\w-]+|the)\s+){0,2}$")
