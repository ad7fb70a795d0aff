"""The order in which the event rules read one sentence."""

from __future__ import annotations

import re

from ... import triggers as T
from ...gazetteer import name_keys
from ...sentences import Sentence
from ..context import Doc, EventObj, Mention
from ..types import COMPANY, FOCUSES_ON, ORGANIZATION, PARTICIPATED_IN, PERSON, REGION, VISITED
from .cues import _ACCOMPANIED_BY, _ACCOMPANY, _DEFINITE_BEFORE, _GREETS, _JOINS, _PAID_BY, _POSSESSIVE_AFTER
from .facts import _event_sentence
from .names import _compound_name, _event_name, _name_after, _PRESS_BEFORE, _QUOTED_NAME, _squeezed, _TIME_WORD
from .organizers import _organized_before
from .participants import _chair, _region_sends
from .persons import _earlier_visits, _own_visit, _person_travels, _person_visits, _reception, _with_office_holders
from .places import _abroad, _opening_place, _trip_referred, _visits
from .resolve import _CONTINUED, _EARLIER, _GENITIVE_SINGULAR, _indefinite, _LASTING_BEFORE, _overlaps, _RECALLED, _visit_named, _words_of
from .topics import _continuation, _org_focus, _region_focus, _said_leading, _SAME_APPLIES, _same_applies


def apply(d: Doc, s: Sentence, ms: list[Mention]) -> None:
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
    ev_here: list[EventObj] = []
    earlier = False
    for m in trig:
        word = m.text
        # plural-looking words after a singular genitive article are one event: "eines Online-Workshops"
        if T.PLURAL_EVENT.search(word) and not word.lower().endswith(("delegation",)) and not _GENITIVE_SINGULAR.search(t[: m.start]):
            continue
        if any(x.kind == "entity" and x.type in (ORGANIZATION, COMPANY) and x.start <= m.start and m.end <= x.end
               and re.search(r"\b(?:e\.\s?V\.?|gGmbH|GmbH|AG|Verein|Stiftung)\b", x.text) for x in ms):
            continue  # "das Deutsch-Indische Kultur-Forum e.V.": a body's name, not an event
        if word == "Besuch" and re.search(r"\bzu\s+$", t[max(0, m.start - 4):m.start]):
            continue  # "X ist zu Besuch in Y": a person's stay (read as a visit of the person), not a trip
        kind = m.ref
        if kind == "trip" and re.search(r"[Dd]elegation", word):
            kind = "delegation_visit"
        rec = _RECALLED.search(t[max(0, m.start - 60):m.end]) if kind in T.TRAVEL else None
        if rec is not None and rec.end() == m.end - max(0, m.start - 60):
            # "X recalled his visit to Korea in 2014", "erinnerte an seinen Besuch in Japan": the person's earlier
            # visit, told for context
            who = next((x for x in ms if x.type == PERSON and x.end <= m.start), None)
            place = next((x for x in ms if x.kind == "entity" and x.type == REGION and x.start >= m.end
                          and re.fullmatch(r"\s+(?:to|in|nach)\s+(?:the\s+)?", t[m.end:x.start])), None)
            if who is not None and place is not None:
                d.fact(VISITED, who.ref, place.ref, s.index)
            earlier = True
            continue
        if kind in T.TRAVEL and any(e.kind in T.TRAVEL for e in d.events) and _indefinite(d, t[: m.start]) and _EARLIER.search(t):
            earlier = True
            continue  # "Im Januar hatte eine Delegation X die Insel besucht": an earlier visit, told for context
        generic_visit = word.lower() in ("visit", "besuch", "reise", "trip")
        name = _event_name(t, m) if kind not in T.TRAVEL else None
        if kind in T.NAMED_ONLY:
            # "die Messe Medica", "the Agritechnica Trade Show", "die Konferenz „X“": only a named one
            if _PRESS_BEFORE.search(t[max(0, m.start - 8):m.start]):
                continue
            quoted = _QUOTED_NAME.fullmatch(word)  # a name in quotes after "den Messen" (rules.mentions)
            name = quoted.group(1) if quoted else _name_after(t, m) or name or _compound_name(word)
            if not name or _TIME_WORD.match(name):
                continue  # "Last Week", "Nächste Woche": a time, not a name
        ev = None
        if not name and word == "event" and d.events:
            # "the event": the event the text is about, not a new one
            ev = max(d.events, key=lambda e: e.sentences[-1] if e.sentences else e.first_sentence)
        same = [e for e in d.events if (e.kind in T.TRAVEL and kind in T.TRAVEL) or e.kind == kind]
        if ev is None and not name and not same and word.lower() in ("empfang", "reception") \
                and re.search(r"\b(?:[Dd]er|[Dd]ie|[Dd]iese[rn]?|[Tt]he|[Tt]his)\s+$", t[max(0, m.start - 8):m.start]):
            # "... zum traditionellen Kirschblütenfest. Der Empfang ist ...": the named event just before
            recent = [e for e in d.events if e.kind not in T.TRAVEL and e.name and s.index - (e.sentences[-1] if e.sentences else e.first_sentence) <= 2]
            if len(recent) == 1:
                ev = recent[0]
        if name:
            ev = next((e for e in d.events if e.name and (name_keys(e.name) & name_keys(name) or _squeezed(e.name) == _squeezed(name))), None)
        acc = getattr(d, "accompanied", None)
        if ev is None and not name and kind in T.TRAVEL and acc is not None and s.index - acc[1] <= 2 \
                and not any(e.kind in T.TRAVEL for e in d.events) and _DEFINITE_BEFORE.search(t[max(0, m.start - 30):m.start]):
            # "Er wurde begleitet von A und B. ... waren C und D Mitglied der Delegation": the group that
            # accompanies is the delegation
            ev = acc[0]
        if ev is None and generic_visit and _DEFINITE_BEFORE.search(t[max(0, m.start - 12):m.start]):
            # "der Antrittsbesuch ... Gesprächsstoff für den Besuch": the visit named before
            ev = _visit_named(d)
        if ev is None and same and not name and kind not in T.NAMED_ONLY:
            cur = same[-1]
            dm = [x for x in d.dates[s.index] if x.kind in ("day", "range", "month")]
            conflict = bool(dm and cur.start and not _overlaps(cur, dm[0]))
            fresh = bool(T.NEW_EVENT.search(t[: m.start])) or bool(_CONTINUED.search(t[max(0, m.start - 60):m.start]))
            indef = _indefinite(d, t[: m.start])
            indefinite = kind not in T.TRAVEL and indef and not cur.name is None
            indefinite = indefinite or (kind not in T.TRAVEL and indef and bool(dm) and not cur.start)
            # "... Antrittsbesuch ... nahm er an einem Business-Lunch teil": another kind of meeting, a new one
            indefinite = indefinite or (kind == "meeting" and indef and word.lower() not in _words_of(d, cur))
            if not (conflict or fresh or indefinite):
                ev = cur
        if ev is None and same and name:
            cur = same[-1]
            if cur.name is None and cur.kind == kind and not generic_visit:
                cur.name = name
                ev = cur
        if ev is None:
            if generic_visit and kind == "trip" and not T.VISIT_CUE.search(t[m.end:]) and not d.dates[s.index] \
                    and not _LASTING_BEFORE.search(t, max(0, m.start - 40), m.start):
                continue
            ev = EventObj(len(d.events), kind, s.index, name=name)
            first_event = not d.events
            d.events.append(ev)
            if first_event and kind not in T.TRAVEL:
                # "X betonte in ihrer Begrüßung ...", then "Auf der Veranstaltung ...": the speakers named before
                for who, i in getattr(d, "pending_speakers", []):
                    if s.index - i <= 10:
                        d.fact(PARTICIPATED_IN, who, ("event", ev.key), i, role="speaker")
        elif kind != ev.kind and ev.kind == "trip" and kind in ("delegation_visit", "mission"):
            ev.kind = kind
        if ev not in ev_here:
            ev_here.append(ev)
        d.trigger_event[(s.index, m.start)] = ev
    _organized_before(d, s, ms, trig)
    if earlier and not ev_here:
        return
    if not d.events and _IN_SPEECH.search(t):
        d.pending_speakers = getattr(d, "pending_speakers", []) + [(m.ref, s.index) for m in ms if m.type == PERSON
                                                                    and not _POSSESSIVE_AFTER.match(t, m.end)]
    if not ev_here and not any(e.kind in T.TRAVEL for e in d.events) and not any(m.kind == "agreement" for m in ms):
        # "Minister X hat ... Südkorea, Japan und China besucht": a trip without the word for it
        foreign = [m for m in ms if m.kind == "entity" and m.type == REGION and not d.state_of(m.ref) and m.ref != "region:de"
                   and not m.ref.startswith("region:de-")]
        if T.TRAVEL_VERB.search(t) and foreign and (any(m.type == PERSON for m in ms) or re.search(r"Delegation|Vertreter|delegation", t)):
            kind = "delegation_visit" if re.search(r"Delegation|Vertreter|delegation|representatives", t) else "trip"
            ev = EventObj(len(d.events), kind, s.index)
            d.events.append(ev)
            ev_here.append(ev)
    if not ev_here:
        # sentences about "the group" or that organize/focus/visit without naming the event
        if _region_focus(d, s, ms):
            return
        if d.events and not any(m.kind == "agreement" for m in ms) and not _org_focus(d, s, ms):
            cur = max(d.events, key=lambda e: e.sentences[-1] if e.sentences else e.first_sentence)
            prev_t = d.sent(s.index - 1).text if s.index > 1 else ""
            continues = prev_t.rstrip("*").endswith(":") and bool(T.FOCUS.search(prev_t))
            trip = _trip_referred(d, t, ms)
            if trip is not None:
                cur = trip
            anaphor = cur.kind in T.TRAVEL and (T.TRAVEL_ANAPHOR.search(t) or trip is not None)
            cue = (T.ORGANIZE.search(t) or T.FOCUS.search(t) or T.PARTICIPATE_ORG.search(t) or _PAID_BY.search(t)
                   or (cur.kind in T.TRAVEL and (T.VISIT_VERB.search(t) or _ACCOMPANY.search(t))) or continues or anaphor
                   or ((_ACCOMPANIED_BY.search(t) or _JOINS.search(t)) and any(m.type == PERSON for m in ms))
                   or ((T.SPEAKER.search(t) or T.HEAD_OF.search(t) or (cur.kind not in T.TRAVEL and _GREETS.search(t)))
                       and any(m.type == PERSON for m in ms)))
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
        else:
            _org_focus(d, s, ms)
            _region_focus(d, s, ms)
        return
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


# "in ihrer Begrüßung", "in seiner Rede", "in his keynote": a person speaking at an event not yet named
_IN_SPEECH = re.compile(r"\b(?:in|bei)\s+(?:ihrer|seiner|der)\s+(?:[\w-]+\s+)?(?:Begrüßung|Rede|Eröffnungsrede|Ansprache|Festrede|Grußwort|Keynote|Impulsvortrag|Vortrag)\b"
                        r"|\b(?:in|during)\s+(?:his|her|the)\s+(?:[\w-]+\s+)?(?:speech|keynote|welcome address|opening address|opening remarks|welcoming remarks)\b")
