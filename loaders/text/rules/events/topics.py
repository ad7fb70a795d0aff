"""What an event, a body or a region is about or strong in (FOCUSES_ON)."""

from __future__ import annotations

import re

from ... import triggers as T
from ...sentences import Sentence
from ..context import Doc, EventObj, Mention
from ..types import COMPANY, FOCUSES_ON, ORGANIZATION, ORGANIZED, REGION
from .places import _abroad
from .state import EventSentence


# "..., dass Bremen in der Windkraft führend bleiben wolle": a region's field in a
# reported clause (also in a sentence that names an event)
_THAT = re.compile(r"\b(?:dass|that)\s+$")


def _said_leading(d: Doc, s: Sentence, ms: list[Mention]) -> None:
    """A region in a reported clause ('..., dass X ... führend bleiben wolle') is strong in the topics after the cue."""
    t = s.text
    for i, m in enumerate(ms):
        if m.kind == "entity" and m.type == REGION and _THAT.search(t[max(0, m.start - 6):m.start]):
            rest = ms[i + 1:]
            cue = T.LEADING.search(t, m.end)
            if cue is None:
                return
            for x in rest:
                if x.kind == "topic" and x.start < cue.end() + 60:
                    d.fact(FOCUSES_ON, m.ref, x.ref, s.index)
            return


_CONTINUES = re.compile(r"\b(?:Fortsetzung|Fortführung|Folgeveranstaltung|continuation|follow-up)\s+(?:eines|einer|des|der|of|to)\b")


def _continuation(d: Doc, s: Sentence, ms: list[Mention], ev_here: list[EventObj]) -> None:
    """'Workshop B setzt Workshop A fort' ('B ist die Fortsetzung eines A, den X veranstaltet hat'): the
    two share their topics and their organizers."""
    c = _CONTINUES.search(s.text)
    if c is None or len(ev_here) < 2:
        return
    before = [d.event_of(m) for m in ms if m.kind == "event" and m.end <= c.start() and d.event_of(m) is not None]
    after = [d.event_of(m) for m in ms if m.kind == "event" and m.start >= c.end() and d.event_of(m) is not None]
    if not before or not after or before[-1] is after[0]:
        return
    new, old = ("event", before[-1].key), ("event", after[0].key)
    for f in list(d.facts):
        if f.type == FOCUSES_ON and f.source == new:
            d.fact(FOCUSES_ON, old, f.target, s.index)
        elif f.type == FOCUSES_ON and f.source == old:
            d.fact(FOCUSES_ON, new, f.target, s.index)
        elif f.type == ORGANIZED and f.target == old:
            d.fact(ORGANIZED, f.source, new, s.index)


# "Das gilt zum Beispiel für X und Y", "The same applies to X": the topics of the sentence before, continued
_SAME_APPLIES = re.compile(r"\W*(?:Das|Dies|Gleiches|Das [Gg]leiche|Dasselbe|The same|This|That)\s+(?:gilt|trifft|applies|holds|is true)\b")


def _same_applies(d: Doc, s: Sentence, ms: list[Mention]) -> None:
    """'Das gilt auch für X': whatever focused on topics in the sentence before focuses on these too."""
    topics = [m.ref for m in ms if m.kind == "topic"]
    owners = [f.source for f in d.facts if f.type == FOCUSES_ON and f.sentence == s.index - 1]
    for o in dict.fromkeys(owners):
        for ref in topics:
            d.fact(FOCUSES_ON, o, ref, s.index)


def _org_focus(d: Doc, s: Sentence, ms: list[Mention]) -> bool:
    """Sentences that say what a body works on ('Arbeitsschwerpunkt von X', 'Fokus des Clusters',
    'Ziel der X-Aktivitäten'). True when it applied."""
    t = s.text
    cue = T.ORG_FOCUS.search(t)
    topics = [m for m in ms if m.kind == "topic"]
    if not cue or not topics or any(m.kind in ("agreement", "event") for m in ms):
        return False
    org = None
    for m in ms:
        if m.kind == "entity" and m.type in (ORGANIZATION, COMPANY):
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
            d.fact(FOCUSES_ON, org, m.ref, s.index)
    return True


def _region_focus(d: Doc, s: Sentence, ms: list[Mention]) -> bool:
    """'Südkorea zählt zu den Weltmarktführern, wie in der Mikroelektronik ...': a region's strengths."""
    t = s.text
    topics = [m for m in ms if m.kind == "topic"]
    if not topics or not T.LEADING.search(t) or any(m.kind in ("agreement", "event") for m in ms):
        return False
    subject = None
    for m in ms:
        if m.kind == "entity" and m.type == REGION and not re.search(r"\b(?:in|nach|aus|to|from|im)\s+$", t[max(0, m.start - 6):m.start]):
            subject = m.ref
            break
    if subject is None:
        return False
    for m in topics:
        d.fact(FOCUSES_ON, subject, m.ref, s.index)
    # "... will Sachsen in den Bereichen X und Y seine Kompetenzen in Japan und Südkorea vermarkten" during
    # a trip to those places: the trip is about the same fields
    cue = T.FOCUS.search(t)
    trips = [e for e in d.events if e.kind in T.TRAVEL and s.index - (e.sentences[-1] if e.sentences else e.first_sentence) <= 3]
    if cue and trips:
        trip = trips[-1]
        dest = [m for m in ms if m.kind == "entity" and m.type == REGION and m.ref in trip.visited and _abroad(d, trip)
                and re.search(r"\b(?:in|nach|to)\s+$", t[max(0, m.start - 6):m.start])]
        if dest:
            for m in topics:
                if m.start > cue.start():
                    d.fact(FOCUSES_ON, ("event", trip.key), m.ref, s.index)
    return True


# "X ... zum Inhalt", "X steht im Fokus": a cue after the topic
_FOCUS_AFTER = re.compile(r"[^.;:!?]{0,70}?\b(?:zum Inhalt|zum Gegenstand|im Fokus|im Mittelpunkt|im Vordergrund|in focus|at the cent(?:re|er))\b")

_THIS_FIELD = re.compile(r"\b(?:in|auf|aus)\s+(?:diesem|dem genannten)\s+(?:Bereich|Feld|Sektor|Segment|Gebiet)\b|\bin\s+this\s+(?:field|area|sector)\b")

# what may stand between two topics of one list: "X, Y und Z", "X und zur Y", "bei X und Y"
_TOPIC_LIST_GAP = re.compile(r"[\s,]*(?:(?:und|sowie|oder|and|or|as well as)\s+)?(?:(?:der|die|das|den|dem|zur|zum|zu|the|of)\s+)?(?:[a-zäöü]\w*\s+)?")


def event_topics(st: EventSentence) -> None:
    """FOCUSES_ON for the topics inside the event's name or introduced by a focus word ('zum Thema X',
    'zu X, Y und Z', 'X steht im Fokus'); with several events, only a topic right after this event's word."""
    d, ev, s, ms, t, key = st.d, st.ev, st.s, st.ms, st.t, st.key
    trig = [m for m in ms if m.kind == "event"]
    prev_cued = None
    for m in ms:
        if m.kind != "topic":
            continue
        inside = any(x.start <= m.start and m.end <= x.end for x in trig)
        before = t[: m.start]
        if st.several:
            # several events: only a topic right after this event's name ('Workshop ... zum Thema X')
            last = max((x for x in trig if x.end <= m.start), key=lambda x: x.end, default=None)
            if last is None or d.event_of(last) is not ev or not T.TOPIC_CUE.search(t[last.end:m.start]) or len(t[last.end:m.start]) > 120:
                continue
        cue = T.FOCUS.search(before) or T.TOPIC_CUE.search(before[-40:]) or re.search(r"\bzu\s+$", before) or st.continues
        if not cue and prev_cued is not None and _TOPIC_LIST_GAP.fullmatch(t[prev_cued:m.start]):
            cue = True  # the next item of a list of topics that a cue introduced ('zu X, Y und Z')
        prev_cued = m.end if (inside or cue) else None
        cue = cue or (not st.several and _FOCUS_AFTER.match(t, m.end))
        if inside or cue:
            if any(x.kind == "agreement" for x in ms) and not inside:
                continue
            d.fact(FOCUSES_ON, key, m.ref, s.index)


def field_named_before(st: EventSentence) -> None:
    """"ein Webinar über ... in diesem Bereich": the field (one or two topics) the sentences before named."""
    d, s, t, key = st.d, st.s, st.t, st.key
    if st.anaphoric or st.several or not _THIS_FIELD.search(t):
        return
    for i in range(s.index - 1, max(0, s.index - 4), -1):
        named = [m.ref for m in d.mentions[i] if m.kind == "topic"]
        if named:
            if len(set(named)) <= 2:
                for ref in named:
                    d.fact(FOCUSES_ON, key, ref, s.index)
            break
