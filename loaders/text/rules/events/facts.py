"""The facts one sentence states about one event it names or refers to: its dates and size, then who
organizes and pays, who takes part, where it is, what it is about (each in its own module, in this order)."""

from __future__ import annotations

import re

from ... import triggers as T
from ...amounts import find_group_size
from ...dates import DateMention
from ...sentences import Sentence
from ..context import Doc, EventObj, Mention
from ..types import HOLDS_ROLE_AT
from .organizers import funded_by, hosted_by, organized_by
from .participants import (_meeting_with, _with_delegation, bodies_after_cue, bodies_with, companions,
                           home_regions_of_companies, persons_taking_part)
from .places import event_place, place_in_word, trip_places
from .state import EventSentence
from .topics import event_topics, field_named_before


def _event_sentence(d: Doc, ev: EventObj, s: Sentence, ms: list[Mention], *, anaphoric: bool, several: bool = False,
                    continues: bool = False) -> None:
    """Reads sentence ``s`` for event ``ev``. The order matters: organizers and funders are found first, so
    that they are not read as participants, and participants before the places a trip visits."""
    st = EventSentence(d, ev, s, ms, anaphoric, several, continues)
    ev.sentences.append(s.index)
    _dates(st)
    size = find_group_size(st.t)
    if size and ev.participants is None:
        ev.participants = size
    funded_by(st)
    organized_by(st)
    hosted_by(st)
    st.role_targets = {f.target for f in d.facts if f.type == HOLDS_ROLE_AT and f.sentence == s.index}
    persons_taking_part(st)
    if ev.kind == "meeting" and not anaphoric and not several:
        _meeting_with(d, ev, s, ms)
    if ev.kind in T.TRAVEL and not anaphoric:
        _with_delegation(d, ev, s, ms)
        place_in_word(st)
    companions(st)
    bodies_after_cue(st)
    home_regions_of_companies(st)
    bodies_with(st)
    if ev.kind in T.TRAVEL:
        trip_places(st)
    else:
        event_place(st)
    event_topics(st)
    field_named_before(st)


def _own_dates(st: EventSentence) -> list[DateMention]:
    """The sentence's dates; with several events in it, a date belongs to the event named last before it."""
    d, ev, ms = st.d, st.ev, st.ms
    dates = d.dates[st.s.index]
    if not st.several:
        return dates
    trig = sorted((x.start, d.event_of(x)) for x in ms if x.kind == "event" and d.event_of(x) is not None)
    if not trig:
        return dates

    def owner(dm: DateMention) -> EventObj:
        before = [e for p, e in trig if p < dm.start_char]
        return before[-1] if before else trig[0][1]
    return [dm for dm in dates if owner(dm) is ev]


def _dates(st: EventSentence) -> None:
    """The event's start and end: a range, the first day or month (a date after 'bis/until' ends it), a
    year alone only in a sentence that names the one event."""
    ev, t = st.ev, st.t
    dates = _own_dates(st)
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
        if dm.kind == "year" and ev.start is None and not st.anaphoric and not st.several and len(dates) == 1:
            ev.start = dm.start
    if ev.start and not ev.end:
        for dm in dates:
            if re.search(r"(?:bis zum|bis|until)\s*$", t[: dm.start_char]) and dm.end >= ev.start:
                ev.end = dm.end
