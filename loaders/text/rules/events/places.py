"""Where an event is: the places a trip visits (VISITED), where a forum or workshop is held (LOCATED_IN), and the
place tests the other event rules ask."""

from __future__ import annotations

import re

from ... import triggers as T
from ...sentences import Sentence
from ..context import LIST_GAP as _LIST_GAP, Doc, EventObj, Mention
from ..types import COMPANY, LOCATED_IN, ORGANIZATION, PERSON, REGION, VISITED
from .cues import _ACCOMPANY, _DURING
from .persons import _visitor
from .state import EventSentence


# a region named as the travellers' origin: "Ohio's ...", "Ohio businesses"
_ORIGIN_AFTER = re.compile(r"(?:'s|’s)\b|\s+(?:businesses|companies|firms|delegation|officials|Delegation|Unternehmen)\b")

# the words between an office and the body it is held at ("Präsident des X", "President of the X",
# "Staatssekretär im X", "Vorsitzender des Luft- und Raumfahrtclusters X": a few capitalised words that say
# what the body is)
_OFFICE_OF = re.compile(r"\s+(?:des|der|im|of|of\s+the|at\s+the|in\s+the)\s+(?:(?:[A-ZÄÖÜ][\w-]*|und|and)\s+){0,3}")


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
    """The trip went to the region or to a place inside it."""
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


# an invitation to a visit: "invited the minister to visit X", "an invitation for X to visit Y", "lud X zu einem
# Besuch in Y ein"
_INVITED_TO_VISIT = re.compile(r"\b(?:invit\w*|Einladung|eingeladen|lud)\s+(?:[\w.’'-]+\s+){0,6}?(?:to\s+visit|zu\s+(?:einem|einer)\s+"
                               r"(?:[\w-]+\s+)?(?:Besuch|Gegenbesuch|Reise)\s+(?:in|nach))\s+(?:the\s+)?$")


# a reporting verb, then "in X", then "that": the place where the news was told ("announced today in
# Y that ...", "kündigte am Montag in Kiel an, dass ...")
_SAID_IN = re.compile(r"\b(?:announced|said|told|stated|declared|explained|kündigte|sagte|erklärte|betonte|teilte)\s+"
                      r"(?:[\w.-]+\s+){0,4}?(?:in|im)\s+$")
_THAT_AFTER = re.compile(r"\s*(?:,?\s*(?:that|dass)\b|\s+an\s*,\s*dass\b|\s+mit\s*,\s*dass\b)")


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


def place_in_word(st: EventSentence) -> None:
    """"der China-Besuch", "die Japan-Reise": the trip visits the place its word names (not "die China-Reise
    des X" told on a trip elsewhere)."""
    d, ev, s, ms, t, key = st.d, st.ev, st.s, st.ms, st.t, st.key
    for m in ms:
        if m.kind == "event" and d.event_of(m) is ev and "-" in m.text:
            for x in ms:
                if x.kind == "entity" and x.type == REGION and m.start <= x.start and x.end < m.end and t[x.end] == "-" \
                        and (not ev.visited or _visits(d, ev, x.ref)):
                    d.fact(VISITED, key, x.ref, s.index)
                    if x.ref not in ev.visited:
                        ev.visited.append(x.ref)


def trip_places(st: EventSentence) -> None:
    """A trip: where the travellers come from, then the places and bodies it visits (VISITED)."""
    _trip_origin(st)
    cue = _visit_cue(st)
    if cue:
        _visited(st, cue)


def _trip_origin(st: EventSentence) -> None:
    """Where the group comes from: 'eine vietnamesische Delegation', 'a delegation from Saxony' (its home,
    not a stop); a participant or a traveller's office abroad makes the trip one from abroad."""
    d, ev, ms, t = st.d, st.ev, st.ms, st.t
    travellers = [m.ref for m in ms if m.type == PERSON and d.role_of.get(m.ref)] if not st.anaphoric else []
    for m in ms:
        if m.kind == "adjective" and not st.anaphoric \
                and any(x.kind == "event" and d.event_of(x) is ev and re.fullmatch(r"\s+", t[m.end:x.start]) for x in ms):
            # "eine vietnamesische Delegation", "a Korean business delegation": where the group comes from
            ev.foreign = ev.foreign or not (m.ref == "region:de" or m.ref.startswith("region:de-"))
            if m.ref not in ev.origin:
                ev.origin.append(m.ref)
    for p_ in st.participants:
        pe = d.gaz.get(p_)
        if pe is not None and pe.type == REGION and p_ not in ev.origin:
            ev.origin.append(p_)  # "a delegation from Saxony": its home, not a stop
    for p_ in list(st.participants) + [d.role_of[x] for x in travellers]:
        pe = d.gaz.get(p_)
        where = p_ if pe and pe.type == REGION else (pe.seat if pe else None)
        if where and not (where == "region:de" or where.startswith("region:de-")):
            ev.foreign = True


def _visit_cue(st: EventSentence) -> re.Match | None:
    """The words that say the trip goes somewhere ('besucht', 'in X eingetroffen', 'bei', 'zurückgekehrt');
    a sentence that only refers to the trip needs a verb of visiting, travelling or accompanying."""
    t = st.t
    cue = T.VISIT_CUE.search(t) or (None if st.anaphoric else _AT_BODY_CUE.search(t) or _BACK_FROM.search(t))
    if cue and st.anaphoric and not (T.VISIT_VERB.search(t) or T.TRAVEL_VERB.search(t) or T.TRAVEL_ANAPHOR.search(t) or _ACCOMPANY.search(t)):
        return None  # a sentence about the trip that visits nothing ("Die Firma X in Y plant ...")
    return cue


def _home_ids(st: EventSentence) -> set[str]:
    """The text's home region and the regions above it; for a group from abroad, not the home's towns."""
    d, ev = st.d, st.ev
    home_ids = {d.home} if d.home and not ev.foreign else set()
    if d.home:
        home_ids |= d.ancestors(d.home)
        if not ev.foreign:  # a group from abroad visits the towns of the text's state
            home_ids |= {e.id for e in d.gaz.entries.values() if e.parent == d.home}
    return home_ids


def _visited(st: EventSentence, cue: re.Match) -> None:
    """The regions and bodies the sentence names as the trip's stops, each checked in turn."""
    d, ev, ms, t = st.d, st.ev, st.ms, st.t
    home_ids = _home_ids(st)
    offices = {d.role_of[m.ref] for m in ms if m.type == PERSON and m.ref in d.role_of}  # the travellers' own
    explicit_end = None  # end of a region named right after "visit" (the next items of its list are visited too)
    for m in st.entities:
        if _not_a_stop(st, m, cue, offices):
            continue
        pre = t[max(0, m.start - 40):m.start]
        explicit = _VISIT_OBJECT.search(pre) is not None or (explicit_end is not None and _LIST_GAP.fullmatch(t[explicit_end:m.start]) is not None)
        # "in Berlin, during a trade mission", "in Tokio im Rahmen seiner Reise": the trip's place
        explicit = explicit or (m.type == REGION and re.search(r"\b(?:in|im)\s+$", pre) is not None
                                and _DURING.match(t, m.end + len(re.match(r"[\s,]*", t[m.end:]).group(0))) is not None)
        if m.type == REGION and m.ref in home_ids and not re.search(r"\b(?:nach|to|into|ins|in\s+die|in\s+den)\s+$", pre) and not explicit:
            continue
        back = _BACK_FROM.search(t) is not None and re.search(r"\b(?:aus|from)\s+(?:den\s+|der\s+|dem\s+|the\s+)?$", pre) is not None \
            and not (d.home and (m.ref == d.home or m.ref in d.ancestors(d.home)))
        if (re.search(r"\b(?:aus|from)\s+(?:der\s+|dem\s+|den\s+|the\s+)?(?:(?:[a-zäöü][\w-]*|[\w-]*(?:stadt|metropole|provinz|region|präfektur|city|province|prefecture))\s+){0,3}$", pre) and not back) or re.search(r"(?:Delegation|delegation|Gruppe|group)\s+(?:der|des|of)\s+(?:[\w-]+\s+){0,3}$", pre):
            continue
        if m.type in (ORGANIZATION, COMPANY) and _body_not_visited(st, m, cue):
            continue
        if _INVITED_TO_VISIT.search(t[max(0, m.start - 80):m.start]):
            continue  # "invited X to visit Romania": a visit asked for, not a stop of the trip told
        if _SAID_IN.search(t[max(0, m.start - 80):m.start]) and _THAT_AFTER.match(t, m.end):
            continue  # "X said on Monday in Y that she would fly to Z": where it was said
        if m.start < cue.start() and not T.VISIT_VERB.search(t[m.end:]) and not back:
            continue
        if m.type == REGION and _locates_another(d, ev, ms, m, t):
            continue
        if m.type == REGION and ev.origin and ({m.ref} | d.ancestors(m.ref)) & set(ev.origin):
            continue  # a Vietnamese delegation does not visit Vietnam (a trip of the hosts told alongside)
        _visit(st, m)
        explicit_end = m.end if explicit or _VISIT_OBJECT.search(pre) else None


def _not_a_stop(st: EventSentence, m: Mention, cue: re.Match, offices: set[str]) -> bool:
    """Names the earlier steps gave another part (organizer, participant, funder, office), an origin, a
    dateline, a person's party, or (in English) a name before the verb."""
    d, ms, t = st.d, st.ms, st.t
    if m.type not in (REGION, ORGANIZATION, COMPANY) or m.ref in st.organizers or m.ref in st.participants or m.ref in st.role_targets or m.ref in st.funders:
        return True
    if m.ref in offices or _ORIGIN_AFTER.match(t, m.end) or (m.start <= 2 and m.text.isupper() and len(m.text) > 3):
        return True  # "Ohio's Governor", "Ohio companies", a dateline "KIEL -"
    if m.type != REGION and any(x.type == PERSON and re.fullmatch(r"\s*\(", t[x.end:m.start]) for x in ms if x.end <= m.start):
        return True  # "Minister X (FDP)": the person's party, not a place of the trip
    if d.lang == "en" and m.start < cue.start():
        return True  # English: what is visited follows the verb
    return False


def _body_not_visited(st: EventSentence, m: Mention, cue: re.Match) -> bool:
    """An organization or company the trip does not visit: a person's employer or office, the source of what
    is said, what lies at a place visited, a body of the travellers' own state, or one with no visiting word."""
    d, ev, ms, t = st.d, st.ev, st.ms, st.t
    if any(x.kind == "role" and 0 <= x.start - m.end <= 2 for x in ms):
        return True  # "meet with TSMC Chairman X": the employer of a person met
    if any(x.kind == "role" and x.end <= m.start and _OFFICE_OF.fullmatch(t[x.end:m.start]) for x in ms):
        return True  # "als Präsident des Bundesrats besuchte er X": the body of an office held, not visited
    if _SAID_AFTER.match(t, m.end):
        return True  # "..., the German Institute said": the source, not a place visited
    if _WHERE_CLAUSE.search(t, cue.end(), m.start):
        return True  # "den Park in X, wo auch die Firma Y sitzt": named as what is there, not visited
    e = d.entity(m.ref)
    at_body = _AT_BODY.search(t[max(0, m.start - 60):m.start]) is not None
    if e.seat and d.home and d.state_of(e.seat) == d.home and (not T.VISIT_VERB.search(t) or _abroad(d, ev)) and not at_body:
        return True  # a body of the travellers' own state on a trip abroad travels, it is not visited
    return not T.VISIT_VERB.search(t) and not at_body


def _visit(st: EventSentence, m: Mention) -> None:
    """The trip visits the name; so does the person the sentence makes the subject of the visit verb."""
    d, ev, s, ms, t, key = st.d, st.ev, st.s, st.ms, st.t, st.key
    d.fact(VISITED, key, m.ref, s.index)
    visitor = _visitor(t, ms, m)
    if visitor is not None:
        d.fact(VISITED, visitor, m.ref, s.index)
    if m.ref not in ev.visited:
        ev.visited.append(m.ref)


def event_place(st: EventSentence) -> None:
    """A forum, workshop or meeting (not a video call): held 'in X' near its word, else in the place the
    sentence opens with (LOCATED_IN); a town on a trip's way becomes a stop of the trip."""
    d, ev, s, ms, t, key = st.d, st.ev, st.s, st.ms, st.t, st.key
    if st.anaphoric or any(x.kind == "event" and d.event_of(x) is ev and re.match(r"[Vv]ideo", x.text) for x in ms):
        return
    for m in st.entities:
        if m.type == REGION and re.search(r"\b(?:in|im)\s+$", t[max(0, m.start - 4):m.start]) and _near_event(d, ev, ms, m):
            d.fact(LOCATED_IN, key, m.ref, s.index)
            ev.place = ev.place or m.ref
            break
    opening = _opening_place(t, ms)
    if ev.place is None and opening is not None and not st.several:
        # "In Südkorea steht ... anlässlich eines Forums ...": the sentence's place is the event's
        d.fact(LOCATED_IN, key, opening, s.index)
        ev.place = opening
    _trip_stop(d, ev, s)
