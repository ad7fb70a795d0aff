"""The order in which the event rules read one sentence: first the visits of persons, then the events the
sentence names (or, without an event word, the event it refers to), then the facts about each."""

from __future__ import annotations

import re

from ... import triggers as T
from ...sentences import Sentence
from ..context import Doc, EventObj, Mention
from ..types import FOCUSES_ON, PERSON, REGION, VISITED
from .cues import _ACCOMPANIED_BY, _ACCOMPANY, _GREETS, _JOINS, _PAID_BY, _POSSESSIVE_AFTER
from .facts import _event_sentence
from .organizers import _organized_before
from .participants import _chair, _region_sends
from .persons import _earlier_visits, _own_visit, _person_travels, _person_visits, _reception, _with_office_holders
from .places import _abroad, _opening_place, _trip_referred, _visits
from .resolve import events_named
from .topics import _continuation, _org_focus, _region_focus, _said_leading, _SAME_APPLIES, _same_applies


def apply(d: Doc, s: Sentence, ms: list[Mention]) -> None:
    """Reads one sentence: the visits of persons it tells, the events it names and what it says of them."""
    t = s.text
    d.cur_sentence = s.index
    ms = _with_office_holders(d, s, ms)
    _earlier_visits(d, s, ms)
    _reception(d, s, ms)
    _person_visits(d, s, ms)
    _person_travels(d, s, ms)
    _own_visit(d, s, ms)
    trig = [m for m in ms if m.kind == "event"]
    if not trig and _SAME_APPLIES.match(t):
        _same_applies(d, s, ms)
        return
    ev_here, earlier = events_named(d, s, ms, trig)
    _organized_before(d, s, ms, trig)
    if earlier and not ev_here:
        return
    _remember_speakers(d, s, ms)
    if not ev_here:
        trip = _trip_without_word(d, s, ms)
        if trip is not None:
            ev_here.append(trip)
    if not ev_here:
        _without_event_word(d, s, ms)
        return
    _with_events(d, s, ms, ev_here)


# "in ihrer Begrüßung", "in seiner Rede", "in his keynote": a person speaking at an event not yet named
_IN_SPEECH = re.compile(r"\b(?:in|bei)\s+(?:ihrer|seiner|der)\s+(?:[\w-]+\s+)?(?:Begrüßung|Rede|Eröffnungsrede|Ansprache|Festrede|Grußwort|Keynote|Impulsvortrag|Vortrag)\b"
                        r"|\b(?:in|during)\s+(?:his|her|the)\s+(?:[\w-]+\s+)?(?:speech|keynote|welcome address|opening address|opening remarks|welcoming remarks)\b")


def _remember_speakers(d: Doc, s: Sentence, ms: list[Mention]) -> None:
    """Before any event is named, the persons who speak ('in ihrer Begrüßung') are kept: the first event
    named later gets them as speakers (``resolve``)."""
    t = s.text
    if not d.events and _IN_SPEECH.search(t):
        d.pending_speakers = getattr(d, "pending_speakers", []) + [(m.ref, s.index) for m in ms if m.type == PERSON
                                                                    and not _POSSESSIVE_AFTER.match(t, m.end)]


def _trip_without_word(d: Doc, s: Sentence, ms: list[Mention]) -> EventObj | None:
    """"Minister X hat ... Südkorea, Japan und China besucht": a trip without the word for it (a travel verb,
    places abroad, a person or a delegation), when the text has no trip yet and the sentence no agreement."""
    t = s.text
    if any(e.kind in T.TRAVEL for e in d.events) or any(m.kind == "agreement" for m in ms):
        return None
    foreign = [m for m in ms if m.kind == "entity" and m.type == REGION and not d.state_of(m.ref) and m.ref != "region:de"
               and not m.ref.startswith("region:de-")]
    if T.TRAVEL_VERB.search(t) and foreign and (any(m.type == PERSON for m in ms) or re.search(r"Delegation|Vertreter|delegation", t)):
        kind = "delegation_visit" if re.search(r"Delegation|Vertreter|delegation|representatives", t) else "trip"
        ev = EventObj(len(d.events), kind, s.index)
        d.events.append(ev)
        return ev
    return None


def _without_event_word(d: Doc, s: Sentence, ms: list[Mention]) -> None:
    """A sentence that names no event: what a region or a body is strong in, or a sentence about the latest
    event ("the group", organizing, focusing or visiting without naming the event)."""
    if _region_focus(d, s, ms):
        return
    if d.events and not any(m.kind == "agreement" for m in ms) and not _org_focus(d, s, ms):
        _about_latest_event(d, s, ms)
    else:
        _org_focus(d, s, ms)
        _region_focus(d, s, ms)


def _about_latest_event(d: Doc, s: Sentence, ms: list[Mention]) -> None:
    """The latest event (or the trip the sentence refers to) gets the sentence's facts when a cue says the
    sentence is about it and it was told near; a town opening the sentence can be a stop of the trip."""
    t = s.text
    cur = max(d.events, key=lambda e: e.sentences[-1] if e.sentences else e.first_sentence)
    prev_t = d.sent(s.index - 1).text if s.index > 1 else ""
    continues = prev_t.rstrip("*").endswith(":") and bool(T.FOCUS.search(prev_t))
    trip = _trip_referred(d, t, ms)
    if trip is not None:
        cur = trip
    anaphor = cur.kind in T.TRAVEL and (T.TRAVEL_ANAPHOR.search(t) or trip is not None)
    cue = _refers_to(cur, t, ms) or continues or anaphor
    near = s.index - (cur.sentences[-1] if cur.sentences else cur.first_sentence) <= 3
    place = _opening_place(t, ms)
    if place is not None and cur.kind in T.TRAVEL and cur.visited and not _visits(d, cur, place):
        cue = None  # 'In Chile ...' after a trip to Japan and Vietnam: about another place
    if cue and (near or anaphor):
        _event_sentence(d, cur, s, ms, anaphoric=True, continues=continues)
    if place is not None and cur.kind in T.TRAVEL and near and _abroad(d, cur) and place not in cur.visited \
            and d.ancestors(place) & set(cur.visited) and d.region_level(place) in ("city", "district"):
        # "In Yokohama (Präfektur Kanagawa) trifft sie ..." on a trip to Kanagawa: a stop
        d.fact(VISITED, ("event", cur.key), place, s.index)
        cur.visited.append(place)


def _refers_to(cur: EventObj, t: str, ms: list[Mention]) -> bool:
    """Words that make a sentence without an event word one about the event: organizing, focus, taking part,
    paying, visiting or accompanying on a trip, a person who joins, speaks, heads or greets."""
    persons = any(m.type == PERSON for m in ms)
    return bool(T.ORGANIZE.search(t) or T.FOCUS.search(t) or T.PARTICIPATE_ORG.search(t) or _PAID_BY.search(t)
                or (cur.kind in T.TRAVEL and (T.VISIT_VERB.search(t) or _ACCOMPANY.search(t)))
                or ((_ACCOMPANIED_BY.search(t) or _JOINS.search(t)) and persons)
                or ((T.SPEAKER.search(t) or T.HEAD_OF.search(t) or (cur.kind not in T.TRAVEL and _GREETS.search(t)))
                    and persons))


def _with_events(d: Doc, s: Sentence, ms: list[Mention], ev_here: list[EventObj]) -> None:
    """The facts about each event the sentence names, then the facts that join them (a continuation, a
    region's field, a region that sends a delegation, a chair, a stop of a trip told before)."""
    t = s.text
    for ev in ev_here:
        _event_sentence(d, ev, s, ms, anaphoric=False, several=len(ev_here) > 1)
    _continuation(d, s, ms, ev_here)
    _said_leading(d, s, ms)
    _region_sends(d, s, ms)
    _chair(d, s, ms)
    place = _opening_place(t, ms)
    trips = [e for e in d.events if e.kind in T.TRAVEL and e not in ev_here]
    if place is not None and trips and all(e.kind not in T.TRAVEL for e in ev_here) and _visits(d, trips[-1], place):
        # "In Südkorea steht ... anlässlich eines Forums ... und Gesprächen über X": a stop of the trip,
        # whose topics are the trip's too
        for m in ms:
            if m.kind == "topic" and (T.FOCUS.search(t[: m.start]) or T.TOPIC_CUE.search(t[max(0, m.start - 40):m.start])):
                d.fact(FOCUSES_ON, ("event", trips[-1].key), m.ref, s.index)
