"""Events, visits and participation: delegation visits, trips, forums and workshops with their dates,
places, organizers, participants and topics (ORGANIZED, PARTICIPATED_IN, VISITED, LOCATED_IN, FOCUSES_ON);
what a body or a region is strong in (FOCUSES_ON)."""

from __future__ import annotations

import re

from .. import triggers as T
from ..amounts import find_group_size
from ..dates import DateMention
from ..gazetteer import name_keys
from ..sentences import Sentence
from .context import HON_GAP, LIST_GAP as _LIST_GAP, Doc, EventObj, Mention
from .types import COMPANY, FOCUSES_ON, FUNDED, HOLDS_ROLE_AT, LOCATED_IN, ORGANIZATION, ORGANIZED, PARTICIPATED_IN, PERSON, REGION, VISITED

_WITH_BODIES = re.compile(
    r"\b(?:mit|with)\s+(?:der|dem|den|the)\s+(?P<plural>(?:[a-zäöü][\w-]*\s+)?(?:Universitäten|Hochschulen|Agenturen|Instituten|Verbänden|Kammern|Unternehmen|Firmen|Partnern|universities|agencies|institutes|associations|chambers|companies|firms|partners)\s+)?")
_GENITIVE_SINGULAR = re.compile(r"\b(?:des|eines|dieses|jenes|unseres|ihres|seines)\s+(?:[\w-]+\s+){0,2}$")


# words that say a person takes part (also in a sentence that does not name the event again)
# ("Auch X und Y sind dabei.": being there, said at the sentence's end)
_JOINS = re.compile(r"\b(?:teilnehm\w*|(?:nimmt|nahmen?|nehmen)\s[^!?;]{0,160}?\bteil|participat\w*|attend\w*|joined|begleite\w*|accompan\w*|mit dabei"
                    r"|(?:ist|sind|war|waren)\s+(?:auch\s+|ebenfalls\s+)?dabei(?=\s*[.!]?\s*$))\b", re.I)
# a region named as the travellers' origin: "Ohio's ...", "Ohio businesses"
_ORIGIN_AFTER = re.compile(r"(?:'s|’s)\b|\s+(?:businesses|companies|firms|delegation|officials|Delegation|Unternehmen)\b")


def _event_name(t: str, m: Mention) -> str | None:
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
    base = re.sub(r"(?<=[a-z])s$", "", word) if m.ref in ("forum", "workshop", "symposium", "project") else word
    name = " ".join(words + [base])
    name = re.sub(r"(?<=isch)(?:en|er|em)\b", "e", name)
    return name if len(name) > 4 else None


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


# "..., dass Bremen in der Windkraft führend bleiben wolle": a region's field in a
# reported clause (also in a sentence that names an event)
def _party_of_person(t: str, ms: list[Mention], m: Mention) -> bool:
    """A body in brackets right after a person's name: the person's party ("X (CDU)")."""
    return t[m.end:m.end + 1] == ")" and any(
        x.type == PERSON and x.end <= m.start and re.fullmatch(r"\s*\(\s*", t[x.end:m.start]) for x in ms)


# a participle before the event word names its organizer: "eine vom Land X ausgerichtete Konferenz", "die vom
# Ministerium mit der Kammer Y organisierte Reise"
_BY_PARTICIPLE = re.compile(r"\b(?:vom|von\s+(?:der|dem|den))\s+(?P<by>[^.;:!?]{1,120}?)\s+"
                            r"(?:organisierte|ausgerichtete|veranstaltete|initiierte|durchgeführte|koordinierte)[nrs]?\s+"
                            r"(?:[\w-]+\s+){0,2}$")


def _organized_before(d: Doc, s: Sentence, ms: list[Mention], trig: list[Mention]) -> None:
    t = s.text
    for m in trig:
        ev = d.trigger_event.get((s.index, m.start))
        if ev is None:
            continue
        a = max(0, m.start - 160)
        by = _BY_PARTICIPLE.search(t, a, m.start)
        if by is None:
            continue
        for x in ms:
            if x.kind == "entity" and x.type in (ORGANIZATION, COMPANY, REGION) and by.start("by") <= x.start and x.end <= by.end("by") \
                    and not re.search(r"\b(?:in|im|aus|bei)\s+$", t[max(0, x.start - 5):x.start]):  # "Kammern in China": where
                d.fact(ORGANIZED, x.ref, ("event", ev.key), s.index)


_QUOTED_NAME = re.compile(r"[„\"“‘'](.+)[“”\"’']")


# a trip said to last some days is a concrete one: "zu einer mehrtägigen Reise", "a four-day trip"
_LASTING_BEFORE = re.compile(r"\b[\w-]*(?:tägige|wöchige|day|week)[nrs]?\s+$")
_THAT = re.compile(r"\b(?:dass|that)\s+$")


def _said_leading(d: Doc, s: Sentence, ms: list[Mention]) -> None:
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


# "hat die Stadt X eine Delegationsreise ... angemeldet", "X schickt eine Delegation": the region sends it
_SENDS = re.compile(r"\s+(?:(?:hat|hatte|will|plant|schickt|entsendet|sendet|has|sends|is sending)\s+)?(?:eine|einen|ein|seine|ihre|a|an|its)\s+(?:[\w-]+\s+)?$")


def _region_sends(d: Doc, s: Sentence, ms: list[Mention]) -> None:
    t = s.text
    for i, m in enumerate(ms[:-1]):
        nxt = ms[i + 1]
        if m.kind != "entity" or m.type != REGION or nxt.kind != "event" or nxt.ref not in T.TRAVEL:
            continue
        ev = d.event_of(nxt)
        if ev is None or re.search(r"\b(?:in|im|nach|aus|von|to|from|in der|in die)\s+(?:der\s+|dem\s+|the\s+)?(?:[\w-]+\s+)?$", t[max(0, m.start - 30):m.start]):
            continue
        if _SENDS.fullmatch(t[m.end:nxt.start] + " ") or _SENDS.fullmatch(t[m.end:nxt.start]):
            d.fact(PARTICIPATED_IN, m.ref, ("event", ev.key), s.index)
            ev.foreign = ev.foreign or not (m.ref == "region:de" or m.ref.startswith("region:de-"))


_CONTINUED = re.compile(r"\b(?:Fortsetzung|Fortführung|continuation|follow-up)\s+(?:eines|einer|of|to)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?$"
                        r"|\bknüpf(?:t|te|e|en|ten)\s+(?:[a-zäöü]+\s+){0,2}an\s+(?:die|den|das|seine|ihre)\s+(?:[\w-]+\s+)?$"
                        r"|\b(?:follows?\s+up\s+on|builds?\s+on)\s+(?:the|his|her|their|an?)\s+(?:[\w-]+\s+)?$")
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


_CHAIR = re.compile(r",\s*(?:dessen|deren|whose)\s+$")


def _chair(d: Doc, s: Sentence, ms: list[Mention]) -> None:
    """'das Forum, dessen Ko-Vorsitz X innehat': the person holds that office at the event."""
    t = s.text
    for i, m in enumerate(ms):
        if m.kind != "event" or d.event_of(m) is None or i + 2 >= len(ms):
            continue
        role, person = ms[i + 1], ms[i + 2]
        if role.kind == "role" and person.type == PERSON and _CHAIR.search(t[m.end:role.start]) and HON_GAP.match(t[role.end:person.start]):
            d.fact(HOLDS_ROLE_AT, person.ref, ("event", d.event_of(m).key), s.index, role=role.ref)


# the words between an office and the body it is held at ("Präsident des X", "President of the X")
_OFFICE_OF = re.compile(r"\s+(?:des|der|of|of\s+the)\s+")


# "Japan, das der Minister 2017 besucht hat", "Korea, wohin er 2015 gereist ist": a person's earlier visit
_EARLIER_VISIT = re.compile(r"\s*,\s*(?:das|die|den|wohin|wo|which|where)\s+(?P<who>[^,;]{0,60}?)\b(?:besucht|bereist|gereist|visited|travell?ed)\b")
_WHO = re.compile(r"\b(?:er|sie|der Minister|die Ministerin|der Ministerpräsident|die Ministerpräsidentin|he|she|the minister)\b")


def _earlier_visits(d: Doc, s: Sentence, ms: list[Mention]) -> None:
    t = s.text
    for m in ms:
        if m.kind != "entity" or m.type != REGION:
            continue
        v = _EARLIER_VISIT.match(t, m.end)
        if v is None:
            continue
        named = [x for x in ms if x.type == PERSON and v.start("who") <= x.start < v.end("who")]
        if named:
            who = named[0].ref
        elif _WHO.search(v.group("who")):
            who = _latest_person(d, s, ms, m.start)
        else:
            continue
        if who:
            d.fact(VISITED, who, m.ref, s.index)


def _latest_person(d: Doc, s: Sentence, ms: list[Mention], before: int) -> str | None:
    """The person a pronoun or an office word stands for: the last one named before, in this sentence or
    the sentences before it (up to 25 back, a quote or an address block may stand between)."""
    here = [x.ref for x in ms if x.type == PERSON and x.start < before]
    if here:
        return here[-1]
    for i in range(s.index - 1, max(0, s.index - 26), -1):
        named = [x.ref for x in d.mentions[i] if x.type == PERSON]
        if named:
            return named[-1]
    return None


# "Das gilt zum Beispiel für X und Y", "The same applies to X": the topics of the sentence before, continued
_SAME_APPLIES = re.compile(r"\W*(?:Das|Dies|Gleiches|Das [Gg]leiche|Dasselbe|The same|This|That)\s+(?:gilt|trifft|applies|holds|is true)\b")


def _same_applies(d: Doc, s: Sentence, ms: list[Mention]) -> None:
    topics = [m.ref for m in ms if m.kind == "topic"]
    owners = [f.source for f in d.facts if f.type == FOCUSES_ON and f.sentence == s.index - 1]
    for o in dict.fromkeys(owners):
        for ref in topics:
            d.fact(FOCUSES_ON, o, ref, s.index)


def _indefinite(d: Doc, before: str) -> bool:
    """An indefinite article before the event word ('ein Workshop', 'a forum'); in German text 'an'
    and 'a' are not articles ('an der Veranstaltung')."""
    m = T.INDEFINITE.search(before)
    if m is not None and d.lang == "de" and m.group(0).split()[0].lower() in ("an", "a"):
        m = T.INDEFINITE.search(before, m.start() + len(m.group(0).split()[0]))  # "an einem Lunch": 'einem' is the article
    return m is not None and not (d.lang == "de" and m.group(0).split()[0].lower() in ("an", "a"))


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


def _event_sentence(d: Doc, ev: EventObj, s: Sentence, ms: list[Mention], *, anaphoric: bool, several: bool = False,
                    continues: bool = False) -> None:
    t = s.text
    key = ("event", ev.key)
    ev.sentences.append(s.index)
    dates = d.dates[s.index]
    if several:
        # several events in one sentence: a date belongs to the event named last before it
        trig = sorted((x.start, d.event_of(x)) for x in ms if x.kind == "event" and d.event_of(x) is not None)
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
                if _PAID.search(fm.group(0)) and m.type in (ORGANIZATION, COMPANY, REGION):
                    d.fact(FUNDED, m.ref, key, s.index)
                break
        by = _PAID_BY.search(t)
        if by:
            payer = next((m for m in entities if m.start >= by.end() and m.start - by.end() < 5), None)
            if payer is not None and payer.type in (ORGANIZATION, COMPANY, REGION):
                funders.add(payer.ref)
                d.fact(FUNDED, payer.ref, key, s.index)
    # ORGANIZED
    if T.ORGANIZE.search(t) and several:
        # a planned event that continues an earlier one named in the genitive ("... Fortsetzung eines Webinars vom März")
        trig = next((x for x in ms if x.kind == "event" and d.event_of(x) is ev), None)
        om = T.ORGANIZE.search(t, trig.end) if trig else None
        if om and trig and om.start() - trig.end <= 60 and T.WE.search(t[trig.end:om.start()]):
            sp = d.speaker_org(s)
            if sp:
                organizers.add(sp)
                d.fact(ORGANIZED, sp, key, s.index)
    elif T.ORGANIZE.search(t):
        by = T.ORGANIZE_BY.search(t)
        for m in entities:
            if m.type not in (ORGANIZATION, COMPANY) or m.ref in funders:
                continue
            if by and m.start < by.start() and not re.search(r"gemeinsam mit|together with|zusammen mit|with", t[m.end:by.start()]):
                if not re.search(r"\bund\b|\band\b", t[m.end:m.end + 6]):
                    continue
            if re.search(r"\b(?:Vertreter\w*|representatives?)\s+(?:der|des|von|of)\s+(?:the\s+)?$", t[max(0, m.start - 25):m.start]):
                continue
            if _SUPPORT_BEFORE.search(t[max(0, m.start - 40):m.start]):
                continue  # "mit Unterstützung der X durchgeführt": X supports, it does not organize
            if not _organizer_here(d, ev, ms, t, m, by):
                continue
            organizers.add(m.ref)
            d.fact(ORGANIZED, m.ref, key, s.index)
        inv = _INVITED_TO.search(t)
        if not organizers and inv is not None and not anaphoric and ev.kind not in T.TRAVEL:
            # "Der Ministerpräsident hatte ... zu einem Empfang ... eingeladen", "X had invited guests to a dinner":
            # the person who invites hosts the event named in the invitation
            host = next((x for x in ms if x.type == PERSON and x.end <= inv.end() and not _POSSESSIVE_AFTER.match(t, x.end)
                         and not re.search(r"\b(?:von|vom|by|mit|with)\s+(?:[\w.-]+\s+){0,2}$", t[max(0, x.start - 30):x.start])), None)
            if host is not None and any(x.kind == "event" and d.event_of(x) is ev and inv.start() <= x.start <= inv.end()
                                        and re.search(r"\b(?:zu|zum|zur|to)\s+(?:einem|einer|dem|der|a|an|the\s+)?\s*(?:[\w-]+\s+){0,2}$", t[max(0, x.start - 40):x.start])
                                        for x in ms):
                d.fact(ORGANIZED, host.ref, key, s.index)
    if not anaphoric and not several and ev.kind not in T.TRAVEL and not T.ORGANIZE.search(t):
        for b in _HOSTS_TO.finditer(t):
            trig = next((x for x in ms if x.kind == "event" and d.event_of(x) is ev and x.start >= b.end()
                         and not re.search(r"besuch|visit", x.text, re.I)), None)
            if trig is None or not _TO_EVENT.search(t[max(b.end(), trig.start - 40):trig.start]) or _CLAUSE_END.search(t, b.end(), trig.start):
                continue
            # "A und B empfingen rund 200 Gäste zum Sommerfest", "X hosted guests at the reception": the hosts
            # the subject opens the sentence ("Die Landeshauptstadt X und Y, ..., empfingen"): its first name and
            # the names listed with it
            subj = [m for m in entities if m.end <= b.start()]
            if not subj or not re.fullmatch(r"\W*(?:(?:Die|Der|Das|The)\s+)?(?:[A-ZÄÖÜ][\w-]*\s+){0,2}", t[: subj[0].start]):
                break
            hosts = [subj[0]]
            for m in subj[1:]:
                if not _LIST_GAP.fullmatch(t[hosts[-1].end:m.start]):
                    break
                hosts.append(m)
            for m in hosts:
                if m.type in (ORGANIZATION, COMPANY, REGION) and m.ref not in funders:
                    organizers.add(m.ref)
                    d.fact(ORGANIZED, m.ref, key, s.index)
            break
    role_targets = {f.target for f in d.facts if f.type == HOLDS_ROLE_AT and f.sentence == s.index}
    # PARTICIPATED_IN: persons
    led = _LED_BY.search(t) if ev.kind in T.TRAVEL else None
    for m in ms:
        if m.type == PERSON and several and _traveller_of_other(d, ev, ms, t, m):
            continue  # "Der Besuch der Delegation knüpft an die Reise von X nach Y an": X made the other trip
        if m.type == PERSON and ev.kind in T.TRAVEL and not anaphoric and _traveller_of(d, ms, t, m) is ev:
            d.fact(PARTICIPATED_IN, m.ref, key, s.index)  # "die Reise von Ministerpräsident X nach Y", "the visit by X"
            continue
        if m.type == PERSON and (_POSSESSIVE_AFTER.match(t, m.end) or (led and m.end <= led.start() and _HOSTS.search(t, m.end, led.start()))):
            continue  # "Aigner's ministry said", "X meets with a delegation led by Y": not a participant
        if m.type == PERSON and _SAID_THAT.match(t, m.end):
            continue  # "X said that Y plans to send a delegation", "... to attend the opening": X reports, Y goes
        if m.type == PERSON and ev.kind in T.TRAVEL and _receives_delegation(d, ev, t, ms, m):
            continue  # "Morgen empfängt Ministerpräsident X eine Delegation aus Y": the host, not a traveller
        if m.type == PERSON and ev.kind in T.TRAVEL and _met(t, ms, m):
            continue  # "Die Delegation trifft Gouverneur X", "traf in Tokio den Gouverneur X": the host met, not a traveller
        if m.type == PERSON and _INVITER_BEFORE.search(t[max(0, m.start - 70):m.start]):
            continue  # "accepted an invitation extended by Foreign Minister X", "auf Einladung von X": the host
        if m.type == PERSON and _CONTACT_BEFORE.search(t[max(0, m.start - 50):m.start]):
            continue  # "Wer teilnehmen möchte, wendet sich an X", "should contact X": the contact, not a participant
        if m.type == PERSON and not anaphoric and ev.kind not in T.TRAVEL and T.SPEECH.search(t):
            d.fact(PARTICIPATED_IN, m.ref, key, s.index, role="speaker")
            continue
        if m.type == PERSON and not anaphoric and (_DURING.search(t) or _AT_MEETING.search(t)):
            d.fact(PARTICIPATED_IN, m.ref, key, s.index)
            continue
        if m.type == PERSON and T.PARTICIPATE_PERSON.search(t):
            if anaphoric and not (T.SPEAKER.search(t) or T.HEAD_OF.search(t) or _JOINS.search(t)
                                  or (ev.kind not in T.TRAVEL and _GREETS.search(t))):
                continue
            role = "head of delegation" if T.HEAD_OF.search(t) and ev.kind in T.TRAVEL else "speaker" if T.SPEAKER.search(t) else None
            d.fact(PARTICIPATED_IN, m.ref, key, s.index, role=role)
    if ev.kind == "meeting" and not anaphoric and not several:
        _meeting_with(d, ev, s, ms)
    if ev.kind in T.TRAVEL and not anaphoric:
        _with_delegation(d, ev, s, ms)
        for m in ms:
            if m.kind == "event" and d.event_of(m) is ev and "-" in m.text:
                # "der China-Besuch", "die Japan-Reise": the place the word names
                for x in ms:
                    if x.kind == "entity" and x.type == REGION and m.start <= x.start and x.end < m.end and t[x.end] == "-" \
                            and (not ev.visited or _visits(d, ev, x.ref)):  # not "die China-Reise des X" on a trip elsewhere
                        d.fact(VISITED, key, x.ref, s.index)
                        if x.ref not in ev.visited:
                            ev.visited.append(x.ref)
    acc_by = _ACCOMPANIED_BY.search(t)
    if acc_by:
        d.accompanied = (ev, s.index)
        if not several:
            # "begleitet von Minister A und Vertretern der B und der C": the bodies named among the companions
            for m in ms:
                if m.kind == "entity" and m.type in (ORGANIZATION, COMPANY) and m.start >= acc_by.end() and m.ref not in role_targets \
                        and not _CLAUSE_END.search(t, acc_by.end(), m.start) and m.ref not in organizers \
                        and not re.search(r"\(\s*$", t[max(0, m.start - 3):m.start]):  # "X (CDU)": a party
                    d.fact(PARTICIPATED_IN, m.ref, key, s.index)
    av = _ACCOMPANY_ACTIVE.search(t)
    if av is not None and not _ACCOMPANIED_BY.match(t, av.start()) and not several:
        # "Vertreter der A und der B begleiten den Minister", "Officials from A and B will accompany X": the
        # bodies named as the subject travel too
        for m in ms:
            if m.kind == "entity" and m.type in (ORGANIZATION, COMPANY) and m.end <= av.start() and m.ref not in role_targets \
                    and not _CLAUSE_END.search(t, m.end, av.start()) and len(t[m.end:av.start()]) <= 120:
                d.fact(PARTICIPATED_IN, m.ref, key, s.index)
    # PARTICIPATED_IN: organizations and regions after a participation cue
    participants: set[str] = set()
    last_end = 0
    for pm in (T.PARTICIPATE_ORG.finditer(t) if not several else ()):
        for m in entities:
            if m.start < pm.start() or m.type not in (ORGANIZATION, COMPANY, REGION) or m.ref in organizers or m.ref in role_targets:
                continue
            if _party_of_person(t, ms, m):
                continue  # "Minister X (SPD) nimmt teil": the person's party, not a participant
            between = t[pm.end():m.start]
            if re.search(r"\b(?:im|in\s+der|in\s+den)\s+$", t[max(0, m.start - 8):m.start]) and re.match(r"\s+[a-zäöü]+(?:enen|ierten|tretenen)\b", t[m.end:]):
                continue  # "Mitglieder der im Landtag vertretenen Fraktionen": the body only describes them
            if m.type == REGION:
                if not re.search(r"Delegation|delegation|Teilnehmer|participants", pm.group(0)) or len(between.split()) > 3 or "," in between:
                    continue
                if re.search(r"\b(?:in|im|nach|to|into)\s+$", between):
                    continue  # "eine Delegation aus Unternehmern in Hessen": where it goes, not where it comes from
            elif len(between) > 100:
                continue
            elif participants and not re.fullmatch(r"[\s,]*(?:\([^)]*\))?[\s,]*(?:und|and|sowie|as well as|or|oder)?\s*(?:der|die|das|dem|den|the)?\s*", t[last_end:m.start]):
                break
            last_end = m.end
            participants.add(m.ref)
            d.fact(PARTICIPATED_IN, m.ref, key, s.index)
            if m.type == REGION:
                break
    if ev.kind not in T.TRAVEL and not anaphoric and not several:
        frame = _FRAME.search(t)
        if frame:
            for m in ms:
                if m.kind == "adjective" and m.start < frame.start() and _COMPANIES_AFTER.match(t, m.end):
                    d.fact(PARTICIPATED_IN, m.ref, key, s.index, role="home region of participating companies")
    if ev.kind not in T.TRAVEL and not anaphoric:
        evtrig = sorted((x for x in ms if x.kind == "event" and d.event_of(x) is not None), key=lambda x: x.start)
        for wm in _WITH_BODIES.finditer(t):
            if re.search(r"gemeinsam|together|zusammen", t[max(0, wm.start() - 12):wm.start()]):
                continue
            if several:
                # several events: "with ..." belongs to the event named last before it
                last = [x for x in evtrig if x.end <= wm.start()]
                if not last or d.event_of(last[-1]) is not ev:
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
                if m.type not in (ORGANIZATION, COMPANY):
                    break
                prev_end = m.end
                if m.ref not in organizers and m.ref not in role_targets:
                    participants.add(m.ref)
                    d.fact(PARTICIPATED_IN, m.ref, key, s.index)
                if not wm.group("plural"):
                    break
    # VISITED (trips) or LOCATED_IN (forums, workshops ...)
    if ev.kind in T.TRAVEL:
        cue = T.VISIT_CUE.search(t) or (None if anaphoric else _AT_BODY_CUE.search(t) or _BACK_FROM.search(t))
        travellers = [m.ref for m in ms if m.type == PERSON and d.role_of.get(m.ref)] if not anaphoric else []
        for m in ms:
            if m.kind == "adjective" and not anaphoric \
                    and any(x.kind == "event" and d.event_of(x) is ev and re.fullmatch(r"\s+", t[m.end:x.start]) for x in ms):
                # "eine vietnamesische Delegation", "a Korean business delegation": where the group comes from
                ev.foreign = ev.foreign or not (m.ref == "region:de" or m.ref.startswith("region:de-"))
                if m.ref not in ev.origin:
                    ev.origin.append(m.ref)
        for p_ in participants:
            pe = d.gaz.get(p_)
            if pe is not None and pe.type == REGION and p_ not in ev.origin:
                ev.origin.append(p_)  # "a delegation from Saxony": its home, not a stop
        for p_ in list(participants) + [d.role_of[x] for x in travellers]:
            pe = d.gaz.get(p_)
            where = p_ if pe and pe.type == REGION else (pe.seat if pe else None)
            if where and not (where == "region:de" or where.startswith("region:de-")):
                ev.foreign = True
        if cue and anaphoric and not (T.VISIT_VERB.search(t) or T.TRAVEL_VERB.search(t) or T.TRAVEL_ANAPHOR.search(t) or _ACCOMPANY.search(t)):
            cue = None  # a sentence about the trip that visits nothing ("Die Firma X in Y plant ...")
        if cue:
            home_ids = {d.home} if d.home and not ev.foreign else set()
            if d.home:
                home_ids |= d.ancestors(d.home)
                if not ev.foreign:  # a group from abroad visits the towns of the text's state
                    home_ids |= {e.id for e in d.gaz.entries.values() if e.parent == d.home}
            offices = {d.role_of[m.ref] for m in ms if m.type == PERSON and m.ref in d.role_of}  # the travellers' own
            explicit_end = None  # end of a region named right after "visit" (the next items of its list are visited too)
            for m in entities:
                if m.type not in (REGION, ORGANIZATION, COMPANY) or m.ref in organizers or m.ref in participants or m.ref in role_targets or m.ref in funders:
                    continue
                if m.ref in offices or _ORIGIN_AFTER.match(t, m.end) or (m.start <= 2 and m.text.isupper() and len(m.text) > 3):
                    continue  # "Ohio's Governor", "Ohio companies", a dateline "KIEL -"
                if m.type != REGION and any(x.type == PERSON and re.fullmatch(r"\s*\(", t[x.end:m.start]) for x in ms if x.end <= m.start):
                    continue  # "Minister X (FDP)": the person's party, not a place of the trip
                if d.lang == "en" and m.start < cue.start():
                    continue  # English: what is visited follows the verb
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
                if m.type in (ORGANIZATION, COMPANY) and any(x.kind == "role" and 0 <= x.start - m.end <= 2 for x in ms):
                    continue  # "meet with TSMC Chairman X": the employer of a person met
                if m.type in (ORGANIZATION, COMPANY) and any(
                        x.kind == "role" and x.end <= m.start and _OFFICE_OF.fullmatch(t[x.end:m.start]) for x in ms):
                    continue  # "als Präsident des Bundesrats besuchte er X": the body of an office held, not visited
                if m.type in (ORGANIZATION, COMPANY) and _SAID_AFTER.match(t, m.end):
                    continue  # "..., the German Institute said": the source, not a place visited
                if m.type in (ORGANIZATION, COMPANY) and _WHERE_CLAUSE.search(t, cue.end(), m.start):
                    continue  # "den Park in X, wo auch die Firma Y sitzt": named as what is there, not visited
                if m.type in (ORGANIZATION, COMPANY):
                    e = d.entity(m.ref)
                    at_body = _AT_BODY.search(t[max(0, m.start - 60):m.start]) is not None
                    if e.seat and d.home and d.state_of(e.seat) == d.home and (not T.VISIT_VERB.search(t) or _abroad(d, ev)) and not at_body:
                        continue  # a body of the travellers' own state on a trip abroad travels, it is not visited
                    if not T.VISIT_VERB.search(t) and not at_body:
                        continue
                if m.start < cue.start() and not T.VISIT_VERB.search(t[m.end:]) and not back:
                    continue
                if m.type == REGION and _locates_another(d, ev, ms, m, t):
                    continue
                if m.type == REGION and ev.origin and ({m.ref} | d.ancestors(m.ref)) & set(ev.origin):
                    continue  # a Vietnamese delegation does not visit Vietnam (a trip of the hosts told alongside)
                d.fact(VISITED, key, m.ref, s.index)
                visitor = _visitor(t, ms, m)
                if visitor is not None:
                    d.fact(VISITED, visitor, m.ref, s.index)
                explicit_end = m.end if explicit or _VISIT_OBJECT.search(pre) else None
                if m.ref not in ev.visited:
                    ev.visited.append(m.ref)
    elif not anaphoric and not any(x.kind == "event" and d.event_of(x) is ev and re.match(r"[Vv]ideo", x.text) for x in ms):
        # (a video call has no place of its own)
        for m in entities:
            if m.type == REGION and re.search(r"\b(?:in|im)\s+$", t[max(0, m.start - 4):m.start]) and _near_event(d, ev, ms, m):
                d.fact(LOCATED_IN, key, m.ref, s.index)
                ev.place = ev.place or m.ref
                break
        opening = _opening_place(t, ms)
        if ev.place is None and opening is not None and not several:
            # "In Südkorea steht ... anlässlich eines Forums ...": the sentence's place is the event's
            d.fact(LOCATED_IN, key, opening, s.index)
            ev.place = opening
        _trip_stop(d, ev, s)
    # topics: inside the event's name, or introduced by a focus word
    trig = [m for m in ms if m.kind == "event"]
    prev_cued = None
    for m in ms:
        if m.kind != "topic":
            continue
        inside = any(x.start <= m.start and m.end <= x.end for x in trig)
        before = t[: m.start]
        if several:
            # several events: only a topic right after this event's name ('Workshop ... zum Thema X')
            last = max((x for x in trig if x.end <= m.start), key=lambda x: x.end, default=None)
            if last is None or d.event_of(last) is not ev or not T.TOPIC_CUE.search(t[last.end:m.start]) or len(t[last.end:m.start]) > 120:
                continue
        cue = T.FOCUS.search(before) or T.TOPIC_CUE.search(before[-40:]) or re.search(r"\bzu\s+$", before) or continues
        if not cue and prev_cued is not None and _TOPIC_LIST_GAP.fullmatch(t[prev_cued:m.start]):
            cue = True  # the next item of a list of topics that a cue introduced ('zu X, Y und Z')
        prev_cued = m.end if (inside or cue) else None
        cue = cue or (not several and _FOCUS_AFTER.match(t, m.end))
        if inside or cue:
            if any(x.kind == "agreement" for x in ms) and not inside:
                continue
            d.fact(FOCUSES_ON, key, m.ref, s.index)
    if not anaphoric and not several and _THIS_FIELD.search(t):
        # "ein Webinar über ... in diesem Bereich": the field the sentences before named
        for i in range(s.index - 1, max(0, s.index - 4), -1):
            named = [m.ref for m in d.mentions[i] if m.kind == "topic"]
            if named:
                if len(set(named)) <= 2:
                    for ref in named:
                        d.fact(FOCUSES_ON, key, ref, s.index)
                break



# funding: "finanziert vom X", "X finanziert das Projekt", "funded by X"
_PAID = re.compile(r"finanziert|gefördert|funded|financed|sponsored", re.I)
_PAID_BY = re.compile(r"\b(?:finanziert|gefördert|funded|financed|sponsored)\s+(?:wird\s+|wurde\s+)?(?:vom|von\s+der|von\s+den|von|durch\s+die|durch\s+das|durch\s+den|durch|by)\s+(?:the\s+)?|\b(?:vom|von\s+der|by)\s+(?:the\s+)?(?=\S[^.;]{0,120}?\b(?:finanziert|gefördert|funded|financed)\b)")
# "Unternehmen aus X ... im Rahmen eines Projekts", "companies ... as part of the forum": the frame of an event
_FRAME = re.compile(r"\b(?:im Rahmen|as part of)\s+(?:eines|einer|des|der|the|an?)\b")
_COMPANIES_AFTER = re.compile(r"\s+(?:(?:und|and|sowie)\s+[a-zäöü][\w-]*\s+)?(?:Unternehmen|Firmen|Betriebe|companies|firms|businesses)\b")
# "Der politische Austausch ...", "The talks ...": a sentence about the trip's talks
_TALKS = re.compile(r"\s*(?:Der|Die|The)\s+(?:[\w-]+\s+)?(?:Austausch|Gespräche|talks|exchange)\b")
# "die den Minister nach X begleitet hatten": travelling with the trip
_ACCOMPANY = re.compile(r"\b(?:[Bb]egleite\w*|[Aa]ccompan\w*)\b")
# "will visit X, Y and Z", "besucht X": a place named as what is visited, even the text's own state
_VISIT_OBJECT = re.compile(r"\b(?:visit|visits|visited|visiting|besucht|besuchte|besuchten|besuchen|bereist|bereiste|besichtigt|besichtigte|besichtigten|toured)\s+(?:the\s+|das\s+|den\s+|die\s+)?$")
# "im Zuge des Besuchs", "during the visit": a person named there takes part in the event
_DURING = re.compile(r"\b(?:[Ii]m Zuge|[Ii]m Verlauf|[Ww]ährend|[Aa]nlässlich|[Zz]um Abschluss|[Zz]um Auftakt|[Dd]uring|[Ii]n the course of|[Aa]s part of|[Ii]m Rahmen|[Bb]ei|[Aa]uf|[Oo]n|[Aa]t the (?:end|start|close) of|[Oo]n the (?:first|last|final) day of)\s+(?:des|der|dieses|dieser|seines|ihres|seiner|ihrer|einer|eines|the|this|his|her|a|an)\s+(?:[\w-]+\s+)?[\w-]*(?:[Bb]esuch|[Rr]eise|[Dd]elegation|[Ff]orum|[Ww]orkshop|[Ss]ymposium|[Vv]isit|trip|mission|[Mm]ission|[Kk]onferenz|[Kk]ongress|[Mm]esse|Tage|[Ee]mpfang|[Vv]eranstaltung|[Cc]onference|[Ss]ummit|[Ff]air|[Ee]vent|[Rr]eception)\w*")
# "X ... zum Inhalt", "X steht im Fokus": a cue after the topic
_FOCUS_AFTER = re.compile(r"[^.;:!?]{0,70}?\b(?:zum Inhalt|zum Gegenstand|im Fokus|im Mittelpunkt|im Vordergrund|in focus|at the cent(?:re|er))\b")
_THIS_FIELD = re.compile(r"\b(?:in|auf|aus)\s+(?:diesem|dem genannten)\s+(?:Bereich|Feld|Sektor|Segment|Gebiet)\b|\bin\s+this\s+(?:field|area|sector)\b")
# "eine Delegationsreise im Silicon Saxony", "Besuch bei X": the body the trip goes to
_AT_BODY_CUE = re.compile(r"(?<=[a-z] )(?:im|bei|beim)\s")
_AT_BODY = re.compile(r"(?:[Dd]elegation\w*|[Bb]esuch\w*|[Rr]eise\w*|visit\w*|trip)\s+(?:(?:[\w-]+\s+){0,2})?(?:im|bei|beim|at|to)\s+(?:der\s+|dem\s+|the\s+)?$"
                      r"|\b(?:[Bb]esuch|[Bb]esuchs|visit)\s+(?:des|der|eines|einer|of|of the)\s+(?:[\w-]+\s+){0,2}$")


# "the ambassador in Berlin", "Generalkonsul in München": a person's post, not a place visited
_POST_IN = re.compile(r"(?:[Aa]mbassador|[Bb]otschafter\w*|[Cc]onsul\w*|[Kk]onsul\w*|[Gg]eneralkonsul\w*|[Bb]otschaft|[Ee]mbassy|[Vv]ertretung|[Bb]üro|office|representative\w*)\s+(?:in|im|at)\s+$")
# "Hsinchu bei Taipeh", "Xiamen, Fujian province", "Sirio in Ma'anshan": what locates the name before it
_LOCATOR_GAP = re.compile(r"\s*(?:,|\(|\bbei|\bnahe|\bnear|\bin|\bim)\s*(?:(?:der|dem|the)\s+)?(?:(?:Provinz|Präfektur|province|prefecture|city of|state of)\s+)?", re.I)


# arrival, a completed or present stay: "ist in X eingetroffen", "ist in X zu Gast", "arrived in X"
_ARRIVED = re.compile(r"\b(?:eingetroffen|angekommen|zu\s+Gast|zu\s+Besuch|arrived|arrives|will\s+arrive)\b")
_ORIGIN_BEFORE = re.compile(r"\b(?:aus|from|von)\s+(?:der\s+|dem\s+|den\s+|the\s+)?(?:[\w-]+\s+){0,2}$")
# ("stopped in/into X": a short stop on a longer trip)
_VISIT_WORD = re.compile(r"\b(?:besucht|besuchte|besuchten|besuchen|bereist|bereiste|besichtigt|besichtigte|visits|visited|will\s+visit|toured"
                         r"|stopped\s+(?:in|into|over\s+in))\b|" + _ARRIVED.pattern)


def _visitor(t: str, ms: list[Mention], obj: Mention) -> str | None:
    """The person the sentence makes the subject of the visit verb before what is visited: 'X besucht Y',
    'X will ... Y besuchen', 'Am Montag besuchte Ministerpräsident X Y'."""
    verbs = [v for v in _VISIT_WORD.finditer(t)]
    if not verbs:
        return None
    persons = [x for x in ms if x.type == PERSON]
    for v in verbs:
        # "X besucht Y", "X visited Y": the person right before the verb (a role word or title between is fine)
        # (also with an apposition between: "X, a member of the cabinet, visited Y")
        before = [x for x in persons if x.end <= v.start() and re.fullmatch(r"\s*(?:\([^)]*\)\s*)?(?:,\s*(?:an?|the)\s[^,;()]{1,60},\s*)?(?:will\s+|wird\s+|hat\s+|has\s+)?", t[x.end:v.start()])]
        if before and _LED_BY.search(t, 0, before[-1].start):
            before = []  # "a mission led by X will visit Y": the mission is the subject, not X
        if before and before[-1].end <= obj.start and v.end() <= obj.start:
            return before[-1].ref
        # "Am Montag besuchte Ministerpräsident X die Region Y": verb, office, person, object
        after = [x for x in persons if x.start >= v.end() and re.fullmatch(r"\s*(?:(?:der|die|the)\s+)?(?:[\w-]+\s+){0,2}?(?:Dr\.\s+|Prof\.\s+)*", t[v.end():x.start])]
        if after and after[0].end <= obj.start and v.start() < 40 + t.find(" "):
            return after[0].ref
        # "X ist in Y eingetroffen", "X ist ... in Y zu Gast": arrived, the place right before the verb
        if v.start() >= obj.end and _ARRIVED.match(t, v.start()) and persons and persons[0].end <= obj.start \
                and re.fullmatch(r"\s*(?:[\w-]+\s+){0,2}", t[obj.end:v.start()]) and not _ORIGIN_BEFORE.search(t[max(0, obj.start - 30):obj.start]):
            return persons[0].ref
        # "X will ... Y besuchen": the sentence's subject before the object, the verb after it
        if v.start() >= obj.end and persons and persons[0].end <= obj.start and re.match(r"\s*(?:will|wird|möchte|plant)\b", t[persons[0].end:]):
            return persons[0].ref
    return None


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


_SAID_THAT = re.compile(r"\s*(?:said|says|added|stated|sagte|sagt|erklärte|erklärt|betonte|betont)\b(?:\s+that\b|,?\s+dass\b|,?\s+(?:es|man|sie|er)\s)")
_TOGETHER_WITH = re.compile(r"(?:\b(?:gemeinsam|zusammen)\s+mit\s+(?:der\s+|dem\s+|den\s+)?|\b(?:together|jointly)\s+with\s+(?:the\s+)?"
                            r"|\bin\s+(?:Zusammenarbeit|Kooperation|cooperation|partnership)\s+(?:mit|with)\s+(?:der\s+|dem\s+|den\s+|the\s+)?)"
                            r"(?:[\w-]+\s+){0,3}(?:\(\s*)?$")
_SUPPORT_BEFORE = re.compile(r"\b(?:mit\s+(?:der\s+)?Unterstützung|unterstützt\s+(?:von|durch)|with\s+(?:the\s+)?support|supported\s+by)\s+(?:der|des|dem|von|vom|of|by|the)?\s*(?:the\s+)?$", re.I)
# a clause boundary between a body and the organizing verb: "X, die ... anbietet", "X, which offers"
_OTHER_CLAUSE = re.compile(r"[;:]|,\s*(?:die|der|das|welche\w*|which|that|who|wo|where|dass)\b|\s(?:und|and|sowie)\s+(?:[\w-]+\s+){0,3}?(?:hat|haben|ist|sind|has|have|is|are)\b")


def _organizer_here(d: Doc, ev: EventObj, ms: list[Mention], t: str, m: Mention, by) -> bool:
    """The body is the one the organizing words name for this event: after 'organisiert von' / 'hosted by'
    right behind the event's word, or the subject of the organizing verb in the same clause."""
    trig = [x for x in ms if x.kind == "event" and d.event_of(x) is ev]
    if by is not None and m.start >= by.end():
        if t[max(0, by.start() - 3):by.start()].strip().endswith(",") or re.match(r"\s*,", t[by.start() - 2:by.start()] or ""):
            # "das Forum, organisiert von X": the participle belongs to the noun right before it
            return any(0 <= by.start() - x.end <= 40 for x in trig)
        return True
    if re.search(r"\b(?:von|vom|durch|by)\s+(?:der\s+|dem\s+|den\s+|the\s+)?$", t[max(0, m.start - 12):m.start]) or \
            _TOGETHER_WITH.search(t[max(0, m.start - 60):m.start]):
        # "Organisiert wird die Reise von X", "X organisiert die Reise gemeinsam mit Y": the agent (or the
        # partner) of an organizing verb before it in the same clause
        before = [c for c in T.ORGANIZE.finditer(t, 0, m.start)]
        if before and not _OTHER_CLAUSE.search(t, before[-1].end(), m.start):
            return True
    cue = None
    for c in T.ORGANIZE.finditer(t):
        if c.end() > m.end:
            cue = c
            break
    if cue is None:
        return by is not None
    if m.start >= cue.start() and not (m.end <= cue.end()):
        return False
    return not _OTHER_CLAUSE.search(t, m.end, max(m.end, cue.start()))


# a person named in a possessive ("Aigner's ministry", "Marx's hometown") is not the one who takes part
_POSSESSIVE_AFTER = re.compile(r"(?:'s|’s|')(?!\w)")
# "a delegation led by X", "angeführt von X", "unter (der) Leitung von X": the delegation's head
_LED_BY = re.compile(r"\b(?:led|headed|spearheaded)\s+by\b|\b[Aa]ngeführt\s+von\b|\bunter\s+(?:der\s+)?Leitung\s+(?:von|des|der)\b")
# the hosts of a delegation: "X meets with / welcomes / receives a delegation led by Y"
_HOSTS = re.compile(r"\b(?:meets?\s+with|met\s+with|welcom\w*|receiv\w*|greet\w*|hosts?|hosted|trifft|traf|empf(?:ä|a|i)ng\w*|begrüß\w*)\b", re.I)


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


# what may stand between two topics of one list: "X, Y und Z", "X und zur Y", "bei X und Y"
_TOPIC_LIST_GAP = re.compile(r"[\s,]*(?:(?:und|sowie|oder|and|or|as well as)\s+)?(?:(?:der|die|das|den|dem|zur|zum|zu|the|of)\s+)?(?:[a-zäöü]\w*\s+)?")
_EVENT_STOP = {"die", "der", "das", "den", "dem", "des", "ein", "eine", "einer", "einen", "eines", "einem", "the", "a", "an", "im", "am", "zum", "beim", "auf", "in", "vom", "mit", "bei", "geplante", "geplanten", "nächste", "ersten", "erste", "this", "our", "unser", "unseren", "seinem"}
_COMMON_NOUN = {"delegation", "wirtschaftsdelegation", "unternehmen", "vertreter", "zum", "auftakt", "programm", "rahmen", "teilnehmer", "abschluss"}


def _overlaps(ev: EventObj, dm: DateMention) -> bool:
    from graph.dates import lower_bound, upper_bound

    a1, b1 = lower_bound(ev.start), upper_bound(ev.end or ev.start)
    a2, b2 = lower_bound(dm.start), upper_bound(dm.end)
    return not (b1 < a2 or b2 < a1)


# "in ihrer Begrüßung", "in seiner Rede", "in his keynote": a person speaking at an event not yet named
_IN_SPEECH = re.compile(r"\b(?:in|bei)\s+(?:ihrer|seiner|der)\s+(?:[\w-]+\s+)?(?:Begrüßung|Rede|Eröffnungsrede|Ansprache|Festrede|Grußwort|Keynote|Impulsvortrag|Vortrag)\b"
                        r"|\b(?:in|during)\s+(?:his|her|the)\s+(?:[\w-]+\s+)?(?:speech|keynote|welcome address|opening address|opening remarks|welcoming remarks)\b")


# the object of a meeting verb: "trifft Gouverneur X", "traf in Tokio den Minister X", "met with Mayor X"
_MET_OBJECT = re.compile(r"\b(?:trifft|traf|trafen|treffen|meets?|met|meeting\s+with|sprach\s+mit|spricht\s+mit|Gespräche?n?\s+mit|talks\s+with|spoke\s+with)\s+(?:(?:with|mit|sich\s+mit)\s+)?(?:[\w.-]+\s+){0,4}$")
# a German meeting verb at the end of the clause after its objects
_MEET_LATER = re.compile(r"[^,;:.]{0,80}?\b(?:treffen\s+(?:wird|werden|will|wollen|möchte|soll)|trifft|traf|getroffen)\b")


def _met(t: str, ms: list[Mention], m: Mention) -> bool:
    """The person is the object of a meeting verb: no other person stands between the verb and it."""
    lo = max(0, m.start - 60)
    cs = max(t.rfind(",", 0, m.start), t.rfind(";", 0, m.start), 0)
    if _MEET_LATER.match(t, m.end) and (re.search(r"\b(?:sie|er|wir)\b", t[cs:m.start])
                                        or any(x.type == PERSON and cs <= x.start and x.end <= m.start and x is not m for x in ms)):
        return True  # "..., wo sie den Präfekten X und danach Y treffen wird": the objects before the verb at the clause's end
    if re.search(r"\b(?:trifft|traf|trafen|treffen)\b", t[: m.start]) and re.search(r"\b(?:den|dem)\s+(?:[\w-]+\s+){0,2}$", t[max(0, m.start - 40):m.start]):
        return True  # "traf Weller in Tokio den Gouverneur X": the accusative object of the meeting
    mo = _MET_OBJECT.search(t[lo:m.start])
    if mo is None:
        return False
    verb = lo + mo.start()
    if re.fullmatch(r"(?:trifft|traf|trafen|treffen|sprach|spricht)\s+", t[verb:m.start]):
        return False  # "traf Weller in Tokio ...": the subject after the verb
    return not any(x.type == PERSON and verb <= x.start and x.end <= m.start and x is not m for x in ms)


# "hatte ... zu einem Empfang ... eingeladen", "had invited ... to a dinner": the invitation names the event
_INVITED_TO = re.compile(r"\b(?:hat|hatte|hatten|haben|has|had)\s[^.;]{0,200}?\b(?:eingeladen|invited)\b")
# "A und B empfingen ... Gäste zum X", "A hosted guests at the X": the subject hosts the event
_HOSTS_TO = re.compile(r"\b(?:empfing|empfingen|empfängt|empfangen|begrüßte|begrüßten|hosted|welcomed|received)\b")
_TO_EVENT = re.compile(r"\b(?:zum|zur|zu\s+(?:einem|einer|dem|der)|at\s+(?:the|an?)|to\s+(?:the|an?)|for\s+(?:the|an?))\s+(?:[\w-]+\s+){0,2}$")
# "A und B begrüßten die Gäste", "X welcomed the guests": the hosts of the event told about just before
_GREETS = re.compile(r"\bbegrüß(?:t|te|ten)\s+(?:[\w-]+\s+){0,2}?(?:die|alle|zahlreiche|rund|über)\s+(?:[\w-]+\s+)?(?:Gäste|Teilnehmer\w*|Besucher\w*)\b"
                     r"|\bwelcom(?:ed|es)\s+(?:the\s+|all\s+)?(?:[\w-]+\s+)?(?:guests|participants|attendees|visitors)\b")
# "Zum Antrittsbesuch bei X hatten A und B ...", "Beim Empfang sprach X": those named take part
_AT_MEETING = re.compile(r"\b(?:[Zz]um|[Bb]eim)\s+(?:[\w-]+\s+)?(?:Antrittsbesuch|Höflichkeitsbesuch|Empfang|Festakt|Arbeitsessen|Business-Lunch|Neujahrsempfang)\b")
_INVITER_BEFORE = re.compile(r"\b(?:[Ii]nvitation|Einladung)\s+(?:extended\s+|issued\s+)?(?:by|of|from|von|vom|des|der)\s+(?:the\s+)?(?:[\w.-]+\s+){0,4}$")
_CONTACT_BEFORE = re.compile(r"\b(?:contact|contacting|kontaktieren|Kontakt|Ansprechpartner\w*|wenden?\s+(?:Sie\s+)?sich\s+(?:bitte\s+)?an|register\s+with|Anmeldung\s+bei)\s+(?:[\w.]+\s+){0,2}$")


def _words_of(d: Doc, ev: EventObj) -> set[str]:
    """The words the text used for an event so far ('antrittsbesuch', 'empfang')."""
    out = set()
    for (i, start), e in d.trigger_event.items():
        if e is ev:
            out |= {x.text.lower() for x in d.mentions.get(i, []) if x.kind == "event" and x.start == start}
    return out


def _visit_named(d: Doc) -> EventObj | None:
    """The latest event whose word is a kind of visit ('Antrittsbesuch', 'Höflichkeitsbesuch')."""
    for (i, start), ev in sorted(d.trigger_event.items(), key=lambda kv: kv[0], reverse=True):
        word = next((x.text for x in d.mentions.get(i, []) if x.kind == "event" and x.start == start), "")
        if re.search(r"besuch|visit", word, re.I) and word.lower() not in ("besuch", "besuchs", "visit"):
            return ev
    return None


_RECALLED = re.compile(r"\b(?:recalled|recalls|remembered|erinnerte\s+(?:sich\s+)?an|erinnert\s+(?:sich\s+)?an)\s+(?:his|her|their|seinen|ihren|den|the)\s+(?:[\w-]+\s+)?[\w-]*(?:visit|trip|Besuch|Reise)$")


# pluperfect of a visit: "hatte ... besucht", "had visited"
_SAID_AFTER = re.compile(r"\s*(?:said|says|stated|announced|sagte|sagt|teilte|teilt|mitteilte|erklärte)\b")
_WHERE_CLAUSE = re.compile(r",\s*(?:wo|where|in dem|in der|in which|an dem)\b")
_EARLIER = re.compile(r"\b(?:hatte|hatten|had)\b[^.;]{0,160}?\b(?:besucht|bereist|gereist|visited|travell?ed)\b")


# ------------------------------------------------------------------ named fairs and conferences
_PRESS_BEFORE = re.compile(r"\b(?:press|Presse|news)[\s-]*$", re.I)
# the name after the word: "die Messe Medica in Düsseldorf", "die Konferenz „Zukunft X“"; a capitalized
# word after a German noun is only a name where a place, a date or the clause's end follows it
_NAME_AFTER = re.compile(r"\s+(?:[„\"“](?P<q>[^„\"“”\n]{3,90})[“”\"]"
                         r"|(?P<n>[A-Z][\w&+.-]*(?:\s+[A-Z0-9][\w&+-]*){0,2})(?=\s+(?:in|im|auf|at|on|vom|from|20\d\d)\b|\s*[,.;:()]|\s*$))")
_TIME_WORD = re.compile(r"(?:Last|Next|Every|Each|Whole|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|A|Any|Same|Previous|Following|Letzte|Nächste|Diese|Jede|Ganze|Vier|Fünf|Drei|Zwei|Sechs|Sieben)\b|\d")
_NOT_NAME = re.compile(r"(?:Die|Der|Das|The|This|In|Im|Auf|An|Am|Zum|Zur|Für|For|At|On|Mit|With|Und|And)$")


# a compound names its fair or conference ("Optikmesse", "Kirschblütenfest", "Wasserstoffkonferenz"), unless
# its first part is generic ("Fachmesse", "Pressekonferenz", "Sommerfest")
_GENERIC_PART = re.compile(r"(?:Fach|Leit|Welt|Haupt|Verbraucher|Publikums|Presse|Video|Telefon|Online|Jahres|Sommer|Winter|Herbst|Frühlings|Weihnachts|Stadt|Dorf|Vereins|Familien|Kinder|Straßen|Volks|Partner|Abschluss|Auftakt|Fach-)", re.I)


def _squeezed(name: str) -> str:
    """'Deutsch-Indische Kultur-Forum' and 'Deutsch-Indische Kulturforum' are one name."""
    return re.sub(r"[\s-]", "", name.lower())


def _compound_name(word: str) -> str | None:
    m = re.fullmatch(r"([A-ZÄÖÜ][\w-]{3,}?)-?(?:[Mm]esse|[Ff]est|[Kk]onferenz|[Kk]ongress)", word)
    if m is None or _GENERIC_PART.fullmatch(m.group(1)):
        return None
    return word


def _name_after(t: str, m: Mention) -> str | None:
    a = _NAME_AFTER.match(t, m.end)
    if a is None:
        return None
    name = (a.group("q") or a.group("n") or "").strip()
    if not name or _NOT_NAME.match(name.split()[0]):
        return None
    return name


# ------------------------------------------------------------------ office words standing for a person
# "Der Gouverneur ist ... zu Gast", "besuchte der Botschafter die Firma X": the office holder named before
_DEFINITE_BEFORE = re.compile(r"\b(?:der|die|den|dem|des|the)\s+(?:[a-zäöü][\w-]*\s+)?$", re.I)


def _office_holder(d: Doc, role: str, upto: int) -> str | None:
    """The one person the text gave this office (by its English role name) up to sentence `upto`."""
    holders = [f.source for f in d.facts if f.type == HOLDS_ROLE_AT and f.properties.get("role") == role and f.sentence <= upto]
    holders += [p for p, f in d.weak_role.items() if f.properties.get("role") == role and f.sentence <= upto]
    holders = list(dict.fromkeys(holders))
    return holders[0] if len(holders) == 1 else None


def _with_office_holders(d: Doc, s: Sentence, ms: list[Mention]) -> list[Mention]:
    """The sentence's mentions with an office word after a definite article that names no person
    ('Der Gouverneur ist ...', 'the Governor said') read as the person who holds that office."""
    t = s.text
    extra = []
    for i, m in enumerate(ms):
        if m.kind != "role" or not _DEFINITE_BEFORE.search(t[max(0, m.start - 30):m.start]):
            continue
        if any(x.kind == "entity" and x.start >= m.start and x.end <= m.end for x in ms):
            continue
        nxt = [x for x in ms[i + 1:] if x.kind in ("entity", "role") and x.start >= m.end]
        if nxt and nxt[0].start - m.end <= 80 and (nxt[0].type == PERSON or nxt[0].kind == "role"):
            continue  # "der Gouverneur John Miller": the name follows
        if nxt and nxt[0].type in (REGION, ORGANIZATION) and len(nxt) > 1 and nxt[1].type == PERSON and nxt[1].start - nxt[0].end <= 3:
            continue  # "der Gouverneur von Ohio, John Miller"
        who = _office_holder(d, m.ref, s.index)
        if who is None:
            continue
        extra.append(Mention("entity", who, m.start, m.end, m.text, PERSON))
    if not extra:
        return ms
    return sorted(ms + extra, key=lambda x: (x.start, -x.end))


# "after a video call with Minister X", "bei einem Treffen mit X": the partner named after the meeting's word
_MEETING_WITH = re.compile(r"\s+(?:with|mit)\s+(?:(?:the|der|dem|den)\s+)?(?:[\w.-]+\s+){0,8}?$")


def _meeting_with(d: Doc, ev: EventObj, s: Sentence, ms: list[Mention]) -> None:
    """The partner after 'a meeting with' takes part, and so does the person named last before the meeting's word
    (the one who met the partner: 'X said after a video call with Y'); only when both are named."""
    t = s.text
    for m in ms:
        if m.kind != "event" or d.event_of(m) is not ev:
            continue
        partner = next((x for x in ms if x.type == PERSON and x.start >= m.end), None)
        if partner is None or not _MEETING_WITH.fullmatch(t[m.end:partner.start]) \
                or any(x.kind == "entity" and x.type != PERSON and m.end <= x.start and x.end <= partner.start
                       and not any(r.kind == "role" for r in ms if x.end <= r.start <= partner.start) for x in ms):
            continue
        before = [x for x in ms if x.type == PERSON and x.end <= m.start and m.start - x.end <= 120]
        if not before or _POSSESSIVE_AFTER.match(t, before[-1].end):
            return  # both sides must be named ("X's meeting with Y" names the meeting of another event, often)
        d.fact(PARTICIPATED_IN, partner.ref, ("event", ev.key), s.index)
        d.fact(PARTICIPATED_IN, before[-1].ref, ("event", ev.key), s.index)
        return


# ------------------------------------------------------------------ travelling with a delegation
_ACCOMPANIED_BY = re.compile(r"\b(?:[Bb]egleitet\s+(?:wird\s+|wurde\s+|werden\s+|wurden\s+)?(?:(?:der|die|den|das|er|sie|the)\s+)?(?:[\w-]+\s+)?(?:von|durch)|[Ii]n\s+Begleitung\s+(?:von|des|der)|[Aa]ccompanied\s+by)\b")
_ACCOMPANY_ACTIVE = re.compile(r"\b(?:accompan(?:y|ies|ied)|begleite[nt]?|begleiteten)\b")
# "mit einer großen Delegation", "with a business delegation": the word of the trip after "mit"/"with"
_WITH_GROUP = re.compile(r"\b(?:[Mm]it|[Ww]ith)\s+(?:(?:einer|einem|seiner|ihrer|der|a|an|his|her|its|the)\s+)?(?:[\w-]+\s+){0,2}$")
_TOGETHER_PERSON = re.compile(r"\W*(?:[Gg]emeinsam|[Zz]usammen|[Tt]ogether)\s+(?:mit|with)\s+(?:(?:der|dem|the)\s+)?(?:[\w.-]+\s+){0,3}")
# "met with the delegation", "traf sich mit der Delegation", "Gespräche mit der Delegation": the hosts
_MEET_BEFORE = re.compile(r"\b(?:meets?|met|meeting|talks?|talked|spoke|speaks|sprach|spricht|trifft|traf|trafen|treffen|Treffen|Gespräch\w*|Austausch|sich)\s+$")


def _with_delegation(d: Doc, ev: EventObj, s: Sentence, ms: list[Mention]) -> None:
    """'X reist mit einer Delegation nach Y', 'Mit großer Delegation ist X in Y eingetroffen', 'X plans to
    visit Y with a business delegation': the sentence's subject travels with the group."""
    t = s.text
    for x in ms:
        if x.type == PERSON and x.start <= 60 and _TOGETHER_PERSON.fullmatch(t[: x.start]):
            # "Gemeinsam mit Minister X will eine Delegation ...", "Together with Governor X, a delegation ..."
            d.fact(PARTICIPATED_IN, x.ref, ("event", ev.key), s.index)
    for m in ms:
        w = _WITH_GROUP.search(t[max(0, m.start - 50):m.start]) if m.kind == "event" and d.event_of(m) is ev else None
        if w is None or _MEET_BEFORE.search(t[max(0, m.start - 50):m.start][: w.start()]):
            continue
        persons = [x for x in ms if x.type == PERSON and not _POSSESSIVE_AFTER.match(t, x.end)]
        before = [x for x in persons if x.end <= m.start]
        if before:
            who = before[0]
        elif re.match(r"\s*(?:Mit|With)\b", t) and persons:
            who = persons[0]  # "Mit großer Delegation ist X ...": the subject after the verb
        else:
            continue
        if _BY_HOST.search(t[max(0, who.start - 60):who.start]) or _SAID_THAT.match(t, who.end):
            continue
        d.fact(PARTICIPATED_IN, who.ref, ("event", ev.key), s.index)
        return


# ------------------------------------------------------------------ a person visits a body
_VISITS = re.compile(r"\b(?:besucht|besuchte|besuchten|besichtigt|besichtigte|besichtigten|visits|visited|will\s+visit|toured)\b")
_CLAUSE_END = re.compile(r"[;:]|,\s*(?:die|der|das|den|wo|wie|which|who|where|when|als|um|and\s+(?:he|she|they)|und\s+(?:er|sie))\b|\s(?:und|and)\s+(?:wurde|wird|trifft|traf|meets?|met)\b")


_GUEST_AT = re.compile(r"\bzu\s+Gast\s+(?:in|im|bei|beim)\s+(?:der\s+|dem\s+|den\s+)?(?:[A-ZÄÖÜ][\w-]*(?:er|en)\s+)?")


def _person_visits(d: Doc, s: Sentence, ms: list[Mention]) -> None:
    """'X besucht die Firma Y und den Sitz von Z', 'Am Montag besuchte X das Institut Y': the person
    visits the bodies the verb names in its clause; 'X war zu Gast in der Staatskanzlei': the host body."""
    t = s.text
    g = _GUEST_AT.search(t)
    if g is not None:
        body = next((m for m in ms if m.kind == "entity" and m.start == g.end() and m.type in (ORGANIZATION, COMPANY)), None)
        guest = next((m for m in ms if m.type == PERSON and m.end <= g.start() and not _POSSESSIVE_AFTER.match(t, m.end)), None)
        if body is not None and guest is not None:
            d.fact(VISITED, guest.ref, body.ref, s.index)
    for v in _VISITS.finditer(t):
        end = _CLAUSE_END.search(t, v.end())
        stop = end.start() if end else len(t)
        for m in ms:
            if m.kind != "entity" or m.type not in (ORGANIZATION, COMPANY) or not (v.end() <= m.start < stop):
                continue
            if _ORIGIN_BEFORE.search(t[max(0, m.start - 30):m.start]) or re.search(r"\b(?:in|im|bei|at|of|des|der)\s+$", t[max(0, m.start - 6):m.start]):
                continue  # "die Firma X aus Y", "der Sitz des Konzerns X" is fine below, "in der Y": a place
            who = _visitor(t, ms, m)
            if who is None:
                # "Zum Abschluss ... besuchte der Botschafter die Firma Y": the subject right after the verb
                after = next((x for x in ms if x.type == PERSON and v.end() <= x.start and x.end <= m.start), None)
                if after is not None and re.fullmatch(r"\s*(?:(?:der|die|the)\s+)?(?:[\w-]+\s+){0,2}?(?:Dr\.\s+|Prof\.\s+)*", t[v.end():after.start]):
                    who = after.ref
            if who is not None:
                d.fact(VISITED, who, m.ref, s.index)


# "X reist mit einer Delegation nach Y", "Nun reist X nach Y", "X ist am Sonntag nach Y gereist", "X startet zu einer
# Reise nach Y und Z", "X will travel to Y": the subject of the travel verb goes to the places named after "nach"/"to"
_TRAVELS = re.compile(r"\b(?:reist|reiste|reisten|gereist|fliegt|flog|geflogen|startet|brach|bricht|travels|travell?ed|travell?ing|will\s+travel|flew|flies)\b")
_TO_PLACE = re.compile(r"\b(?:nach|to)\s+$")
_SUBJECT_GAP = re.compile(r"\s*(?:\([^()]{1,30}\)\s*)?(?:,\s*(?:an?|the)\s[^,;()]{1,60},\s*)?(?:ist|sind|war|waren|will|is|has|had|wird)?\s*")


def _travel_subject(t: str, ms: list[Mention], v: re.Match, german: bool) -> Mention | None:
    """The person before the verb (a party, an apposition or an auxiliary between), or, when the verb comes second
    in a German clause ("Nun reist Ministerpräsident X ..."), the person right after it."""
    persons = [x for x in ms if x.type == PERSON and not _POSSESSIVE_AFTER.match(t, x.end)]
    before = [x for x in persons if x.end <= v.start()]
    if before and _SUBJECT_GAP.fullmatch(t[before[-1].end:v.start()]):
        return before[-1]
    if before and re.search(r"\bge\w+$", v.group(0)):
        # "X ist am Sonntag mit einer Delegation nach Y gereist": the auxiliary after the subject, the participle at the end
        aux = re.match(r"\s*(?:\([^()]{1,30}\)\s*)?(?:ist|sind|war|waren)\s", t[before[0].end:])
        if aux is not None and not any(x.type == PERSON for x in ms if before[0].end <= x.start < v.start()):
            return before[0]
    after = [x for x in persons if x.start >= v.end()]
    if after and re.fullmatch(r"\s*(?:(?:der|die)\s+)?(?:[\w-]+\s+){0,2}?(?:Dr\.\s+|Prof\.\s+)*", t[v.end():after[0].start]) \
            and german and not before and re.fullmatch(r"[^;:]{0,80}", t[:v.start()]) \
            and not re.search(r"\b(?:dass|wenn|als|weil|nachdem|ob|wo|die|der|das)\s", t[:v.start()]):
        return after[0]
    return None


def _person_travels(d: Doc, s: Sentence, ms: list[Mention]) -> None:
    t = s.text
    for v in _TRAVELS.finditer(t):
        who = _travel_subject(t, ms, v, d.lang == "de")
        if who is None:
            continue
        clause_end = _CLAUSE_END.search(t, v.end())
        stop = clause_end.start() if clause_end else len(t)
        start = t.rfind(",", 0, v.start()) if not v.group(0).startswith("ge") else who.end
        prev_end = None
        for m in ms:
            if m.kind != "entity" or m.type != REGION or m.start < max(start, who.end) or m.start >= max(stop, v.end() + 1) + 200:
                continue
            if m.start > stop and m.start > v.end():
                break
            to = _TO_PLACE.search(t[max(0, m.start - 8):m.start])
            listed = prev_end is not None and _LIST_GAP.fullmatch(t[prev_end:m.start])
            if not (to or listed) or (d.home and (m.ref == d.home or m.ref in d.ancestors(d.home))):
                prev_end = None
                continue
            if re.search(r"\b(?:zurück|back|home|heim)\s+(?:nach|to)\s+$", t[max(0, m.start - 16):m.start]):
                continue  # "kehrt zurück nach X": the way home
            d.fact(VISITED, who.ref, m.ref, s.index)
            prev_end = m.end


def _traveller_of(d: Doc, ms: list[Mention], t: str, m: Mention) -> EventObj | None:
    """The trip whose word the person follows as its traveller ('die Reise von X', 'the trip of Governor X',
    'the visit by X')."""
    trig = [x for x in ms if x.kind == "event" and x.ref in T.TRAVEL and x.end <= m.start and d.event_of(x) is not None]
    if not trig or not re.fullmatch(r"\s+(?:von|vom|des|der|of|by)\s+(?:[\w.-]+\s+){0,2}", t[trig[-1].end:m.start]):
        return None
    return d.event_of(trig[-1])


def _traveller_of_other(d: Doc, ev: EventObj, ms: list[Mention], t: str, m: Mention) -> bool:
    """The person is named right after another event's word as its traveller."""
    other = _traveller_of(d, ms, t, m)
    return other is not None and other is not ev


# ------------------------------------------------------------------ a person's own visit
# "during her visit to Hamburg", "zu dessen Antrittsbesuch im Rathaus", "seines Aufenthaltes im Saarland",
# "for his inaugural visit to the State of X": the visit word with a possessive, then the place or body
_OWN_VISIT = re.compile(r"\b(?P<pos>his|her|seine[mns]?|ihre[mns]?|dessen|deren)\s+(?:[\w-]+\s+)?"
                        r"(?:[Aa]ntrittsbesuch(?:e?s)?|[Bb]esuch(?:e?s)?|[Aa]ufenthalt(?:e?s)?|visit|stay)\s+"
                        r"(?:to|in|im|nach)\s+(?:the\s+|der\s+|dem\s+|die\s+|den\s+)?"
                        r"(?:(?:Bundesland|[Ss]tate|Free\s+State|Freistaat|[Cc]ity|Land|Hansestadt)\s+(?:of\s+)?)?$")


def _own_visit(d: Doc, s: Sentence, ms: list[Mention]) -> None:
    """'A received B for his inaugural visit to X', 'A met B during her visit to X': the one whose visit it is
    visits X. 'dessen/deren' and a guest after a host verb: the person named last before; else the sentence's
    subject (its first person, not one met or named after 'mit/with/von/by')."""
    t = s.text
    for m in ms:
        if m.kind != "entity" or m.type not in (REGION, ORGANIZATION, COMPANY):
            continue
        v = _OWN_VISIT.search(t[max(0, m.start - 90):m.start])
        if v is None:
            continue
        vstart = max(0, m.start - 90) + v.start()
        if re.search(r"\b(?:welcomed|welcomes|begrüßte|begrüßt|lobte|praised)\s+$", t[max(0, vstart - 20):vstart]):
            continue  # "X welcomed her visit to Y": the host speaks of the guest's visit
        persons = [x for x in ms if x.type == PERSON and not _POSSESSIVE_AFTER.match(t, x.end)
                   and not _ON_BEHALF.search(t[max(0, x.start - 60):x.start])]
        before = [x for x in persons if x.end <= vstart]
        if v.group("pos") in ("dessen", "deren") or (before and _HOST_VERB.search(t, before[0].end, vstart)):
            who = before[-1] if before else None
        else:
            subj = [x for x in persons if not (x.start <= m.start and x.start >= vstart)
                    and not re.search(r"\b(?:mit|with|von|vom|by|und|and)\s+(?:[\w.-]+\s+){0,3}$", t[max(0, x.start - 40):x.start])]
            who = subj[0] if subj else None
        if who is not None:
            d.fact(VISITED, who.ref, m.ref, s.index)


# ------------------------------------------------------------------ receptions
# the verbs of receiving a guest; a host also "hosts" and, in the plural, "begrüßten"
_RECEIVE_WORDS = r"empf(?:ängt|ing|ingen|angen)|begrüßt|begrüßte|received|receives|welcomed|welcomes"
_HOST_VERB = re.compile(rf"\b(?:{_RECEIVE_WORDS}|begrüßten|hosted|hosts)\b")
_WITH_BEFORE = re.compile(r"\b(?:mit|with)\s+(?:(?:einer|einem|der|dem|seiner|ihrer|the|a|an|his|her)\s+)?(?:[\w-]+\s+){0,2}$")


def _receives_delegation(d: Doc, ev, t: str, ms: list[Mention], person: Mention) -> bool:
    """The person receives the travelling group the sentence names ('empfängt X eine Delegation aus Y',
    'X welcomed a delegation from Y', 'Die Delegation wurde von X empfangen'): a host, not a traveller."""
    verb = _HOST_VERB.search(t)
    if verb is None:
        return False
    for m in ms:
        if m.kind != "event" or d.event_of(m) is not ev or _WITH_BEFORE.search(t[max(0, m.start - 40):m.start]):
            continue
        if person.end <= m.start and verb.start() < m.start:
            return True  # active: the host before the group it receives
        if person.end <= m.start and verb.start() >= m.end and not _BY_HOST.search(t[max(0, person.start - 60):person.start]) \
                and not re.search(r",\s*(?:die|der|das|which|who|that|wo|where)\b|\b(?:wurde|wurden|wird|werden|was|were|is|are|be|been)\b", t[m.end:verb.start()]) \
                and not _BY_HOST.search(t[m.end:verb.start()]) \
                and re.search(r"\b(?:wird|werde|will|hat|hatte|haben|möchte|soll|wollte|would|has|had)\b", t[person.end:m.start]):
            return True  # "X werde am Mittwoch eine Delegation aus Y empfangen": the host, verb at the clause's end
        if m.end <= person.start and _BY_HOST.search(t[max(0, person.start - 60):person.start]) and _PASSIVE.search(t):
            return True  # passive: "Die Delegation wurde von X empfangen"
    return False
# "A empfing B in der Staatskanzlei", "B wurde von A im Rathaus empfangen", "A received B at the ministry"
_RECEIVE = re.compile(rf"\b(?:{_RECEIVE_WORDS})\b")
_BY_HOST = re.compile(r"\b(?:von|vom|by)\s+(?:[\w.-]+\s+){0,3}$")
_PASSIVE = re.compile(r"\b(?:wurde|wurden|wird|werden|was|were|is|are)\b")
_AT_PLACE = re.compile(r"\b(?:in|im|at)\s+(?:der\s+|dem\s+|the\s+)?(?:[A-ZÄÖÜa-zäöü][\w-]*(?:er|en)\s+)?$")
# "Sie empfing X ...", "He welcomed X ...": the host named by a pronoun before the verb, the person named the guest
_PRONOUN_HOST = re.compile(r"\W*(?:Sie|Er|She|He)\s+(?:(?:hat|hatte|has|had)\s+)?$")


_ON_BEHALF = re.compile(r"\b(?:in\s+Vertretung\s+(?:von|des|der)|im\s+Auftrag\s+(?:von|des|der)|on\s+behalf\s+of|"
                        r"representing)\s+(?:[\w.-]+\s+){0,3}$", re.I)


def _reception(d: Doc, s: Sentence, ms: list[Mention]) -> None:
    """The guest of a reception visits the body where it is received ('A empfing B in der Staatskanzlei')."""
    t = s.text
    rv = _RECEIVE.search(t)
    if rv is None:
        return
    # the person on whose behalf the host acts is neither host nor guest ("in Vertretung von Ministerpräsident X")
    persons = [m for m in ms if m.type == PERSON and not _POSSESSIVE_AFTER.match(t, m.end)
               and not _ON_BEHALF.search(t[max(0, m.start - 60):m.start])]
    pronoun_host = len({m.ref for m in persons}) == 1 and _PRONOUN_HOST.fullmatch(t[: rv.start()]) is not None
    if len(persons) < 2 and not pronoun_host:
        return
    host_by = next((m for m in persons if _BY_HOST.search(t[max(0, m.start - 60):m.start])
                    and _PASSIVE.search(t, 0, m.start)), None)
    if host_by is not None:
        # passive: "B wurde von A ... empfangen", "B was received by A"
        guests = [m for m in persons if m.end <= host_by.start]
        if not guests:
            return
        guest = guests[0]
    else:
        # active: "A empfängt B", "A hat B ... empfangen": the host first, the guest the next person
        guest = persons[0] if pronoun_host else next((m for m in persons if m.ref != persons[0].ref), None)
        if guest is None:
            return
    for m in ms:
        if m.kind == "entity" and m.type in (ORGANIZATION, COMPANY) and m.start > guest.end and _AT_PLACE.search(t[max(0, m.start - 40):m.start]):
            d.fact(VISITED, guest.ref, m.ref, s.index)
            break
