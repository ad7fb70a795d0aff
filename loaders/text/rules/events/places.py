"""Where an event is: the places a trip visits (VISITED), where a forum or workshop is held (LOCATED_IN), and the place tests the other event rules ask."""

from __future__ import annotations

import re

from ... import triggers as T
from ...sentences import Sentence
from ..context import Doc, EventObj, Mention
from ..types import COMPANY, ORGANIZATION, PERSON, REGION, VISITED


# a region named as the travellers' origin: "Ohio's ...", "Ohio businesses"
_ORIGIN_AFTER = re.compile(r"(?:'s|’s)\b|\s+(?:businesses|companies|firms|delegation|officials|Delegation|Unternehmen)\b")

# the words between an office and the body it is held at ("Präsident des X", "President of the X")
_OFFICE_OF = re.compile(r"\s+(?:des|der|of|of\s+the)\s+")


def _trip_referred(d: Doc, t: str, ms: list[Mention]) -> EventObj | None:
    """The trip a sentence without an event word is about: its programme ('Auf dem Japan-Programm
    des Ministers ...') or one of its stops named first ('In China stand ... im Fokus')."""
    trips = [e for e in d.events if e.kind in T.TRAVEL]
    if not trips:
        return None
    latest = max(trips, key=lambda e: e.sentences[-1] if e.sentences else e.first_sentence)
    if T.TRAVEL_ANAPHOR.search(t) or _TALKS.match(t):
        return latest
    first = _opening_place(t, ms)
    if first is not None and T.FOCUS.search(t):
        return next((e for e in reversed(trips) if _visits(d, e, first)), None)
    return None


def _abroad(d: Doc, ev: EventObj) -> bool:
    """A trip of the text's own state to places abroad (not a visit from abroad)."""
    if ev.foreign:
        return False
    for v in ev.visited:
        e = d.gaz.get(v)
        if e is not None and e.type == REGION and v != "region:de" and not v.startswith("region:de-"):
            return True
    return False


def _opening_place(t: str, ms: list[Mention]) -> str | None:
    """The region a sentence opens with: 'In China ...'."""
    first = next((m for m in ms if m.kind == "entity"), None)
    if first is not None and first.type == REGION and re.fullmatch(r"\s*(?:In|in)\s+", t[: first.start]):
        return first.ref
    return None


def _visits(d: Doc, ev: EventObj, region: str) -> bool:
    return region in ev.visited or bool(d.ancestors(region) & set(ev.visited))


# "Der politische Austausch ...", "The talks ...": a sentence about the trip's talks
_TALKS = re.compile(r"\s*(?:Der|Die|The)\s+(?:[\w-]+\s+)?(?:Austausch|Gespräche|talks|exchange)\b")

# "will visit X, Y and Z", "besucht X": a place named as what is visited, even the text's own state
_VISIT_OBJECT = re.compile(r"\b(?:visit|visits|visited|visiting|besucht|besuchte|besuchten|besuchen|bereist|bereiste|besichtigt|besichtigte|besichtigten|toured)\s+(?:the\s+|das\s+|den\s+|die\s+)?$")

# "eine Delegationsreise im Silicon Saxony", "Besuch bei X": the body the trip goes to
_AT_BODY_CUE = re.compile(r"(?<=[a-z] )(?:im|bei|beim)\s")

_AT_BODY = re.compile(r"(?:[Dd]elegation\w*|[Bb]esuch\w*|[Rr]eise\w*|visit\w*|trip)\s+(?:(?:[\w-]+\s+){0,2})?(?:im|bei|beim|at|to)\s+(?:der\s+|dem\s+|the\s+)?$"
                      r"|\b(?:[Bb]esuch|[Bb]esuchs|visit)\s+(?:des|der|eines|einer|of|of the)\s+(?:[\w-]+\s+){0,2}$")

# "the ambassador in Berlin", "Generalkonsul in München": a person's post, not a place visited
_POST_IN = re.compile(r"(?:[Aa]mbassador|[Bb]otschafter\w*|[Cc]onsul\w*|[Kk]onsul\w*|[Gg]eneralkonsul\w*|[Bb]otschaft|[Ee]mbassy|[Vv]ertretung|[Bb]üro|office|representative\w*)\s+(?:in|im|at)\s+$")

# "Hsinchu bei Taipeh", "Xiamen, Fujian province", "Sirio in Ma'anshan": what locates the name before it
_LOCATOR_GAP = re.compile(r"\s*(?:,|\(|\bbei|\bnahe|\bnear|\bin|\bim)\s*(?:(?:der|dem|the)\s+)?(?:(?:Provinz|Präfektur|province|prefecture|city of|state of)\s+)?", re.I)

# "ist von einer Reise aus X zurückgekehrt", "returned from a trip to X": coming back, the place "aus/from" was the trip's
_BACK_FROM = re.compile(r"\b(?:zurückgekehrt|zurückgekommen|heimgekehrt|Rückkehr|returned\s+from|back\s+from)\b")

# "a mission to A and B to encourage investment in C", "to promote exports from C": a place inside the trip's
# purpose (an infinitive whose verb is not one of travelling or meeting) is what the trip is for, not a stop
_PURPOSE_OBJECT = re.compile(r"\bto\s+(?!(?:visit|meet|tour|travel|stop|see|attend|sign|hold|open|speak|take|join)\b)[a-z]+"
                             r"\s+(?:[a-z-]+\s+){0,5}(?:in|into|from|of)\s+(?:the\s+)?$")


def _locates_another(d: Doc, ev: EventObj, ms: list[Mention], m: Mention, t: str) -> bool:
    """A region that only locates another name is not a stop of the trip: the town of a body visited ('die
    Firma X in Y'), a post ('the ambassador in Berlin'), the larger region or the town nearby ('Xiamen,
    Fujian province', 'Hsinchu bei Taipeh'), the place of another event named nearer ('the visit follows
    their meeting in Edinburgh')."""
    if _POST_IN.search(t[max(0, m.start - 40):m.start]) or _PURPOSE_OBJECT.search(t[max(0, m.start - 70):m.start]):
        return True
    prev = [x for x in ms if x.kind == "entity" and x.end <= m.start]
    if prev:
        p = prev[-1]
        g = t[p.end:m.start]
        if _LOCATOR_GAP.fullmatch(g):
            if p.type in (ORGANIZATION, COMPANY) and re.fullmatch(r"\s*(?:,\s*)?(?:[Ii]n|[Ii]m)\s+", g):
                return True
            # a country stays visited ('Mumbai and Pune, India'): the trip went there
            # "Springfield (Illinois)": a state in brackets right after a town says where the town lies
            bracketed = "(" in g and t[m.end:m.end + 1] == ")"
            larger = d.region_level(m.ref) != "country" and (m.ref in d.ancestors(p.ref) or _PROVINCE_AFTER.match(t, m.end)
                                                             or _PROVINCE_END.search(m.text) or bracketed)
            if p.type == REGION and (larger or re.search(r"\b(?:bei|nahe|near)\b", g, re.I)):
                return True
    if re.search(r"\b(?:in|im)\s+$", t[max(0, m.start - 4):m.start]):
        for x in ms:
            other = d.event_of(x) if x.kind == "event" else None
            if other is not None and other is not ev and _near_event(d, other, ms, m, persons_between=True):
                return True
    return False


_PROVINCE_END = re.compile(r"\b(?:province|prefecture|Provinz|Präfektur)$")

_PROVINCE_AFTER = re.compile(r"\s+(?:province|prefecture|Provinz|Präfektur)\b")


def _near_event(d: Doc, ev: EventObj, ms: list[Mention], place: Mention, persons_between: bool = False) -> bool:
    """'in X' is the event's place when it stands near the event's word with no other name between them
    ('das Forum in Tokio', 'in Tokio das Forum'), not when it belongs to another name ('a reception ...
    with the embassy's envoy in Berlin', 'the opening of the X Desk in India')."""
    for tr in ms:
        if tr.kind != "event" or d.event_of(tr) is not ev:
            continue
        lo, hi = (tr.end, place.start) if tr.end <= place.start else (place.end, tr.start)
        limit = 80 if tr.end <= place.start else 40
        if 0 <= hi - lo <= limit and not any(x.kind == "entity" and lo <= x.start < hi and not (persons_between and x.type == PERSON) for x in ms):
            return True
    return False


def _trip_stop(d: Doc, ev: EventObj, s: Sentence) -> None:
    """An event held in a town of a country a trip abroad visits, in a sentence near the trip's: the trip
    stops there ("Zum Auftakt des Symposiums in Tokio ..." on a trip to Japan)."""
    if ev.place is None or d.region_level(ev.place) not in ("city", "district", "state", "province"):
        return
    for trip in reversed(d.events):
        if trip.kind not in T.TRAVEL or trip is ev or not _abroad(d, trip):
            continue
        last = trip.sentences[-1] if trip.sentences else trip.first_sentence
        if s.index - last <= 6 and ev.place not in trip.visited and d.ancestors(ev.place) & set(trip.visited):
            d.fact(VISITED, ("event", trip.key), ev.place, s.index)
            trip.visited.append(ev.place)
        return


# "..., the institute said": a body named as the source of what is told
_SAID_AFTER = re.compile(r"\s*(?:said|says|stated|announced|sagte|sagt|teilte|teilt|mitteilte|erklärte)\b")

_WHERE_CLAUSE = re.compile(r",\s*(?:wo|where|in dem|in der|in which|an dem)\b")
