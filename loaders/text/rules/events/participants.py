"""Who takes part in an event (PARTICIPATED_IN): persons, bodies and regions, and who only hosts, meets or
reports on the travellers; a person who chairs an event (HOLDS_ROLE_AT)."""

from __future__ import annotations

import re

from ... import triggers as T
from ...sentences import Sentence
from ..context import HON_GAP, LIST_GAP as _LIST_GAP, Doc, EventObj, Mention
from ..types import COMPANY, HOLDS_ROLE_AT, ORGANIZATION, PARTICIPATED_IN, PERSON, REGION
from .cues import (_ACCOMPANIED_BY, _BY_HOST, _CLAUSE_END, _DURING, _GREETS, _HOST_VERB, _JOINS, _LED_BY, _PASSIVE,
                   _POSSESSIVE_AFTER, _SAID_THAT)
from .state import EventSentence


_WITH_BODIES = re.compile(
    r"\b(?:mit|with)\s+(?:der|dem|den|the)\s+(?P<plural>(?:[a-zäöü][\w-]*\s+)?(?:Universitäten|Hochschulen|Agenturen|Instituten|Verbänden|Kammern|Unternehmen|Firmen|Partnern|universities|agencies|institutes|associations|chambers|companies|firms|partners)\s+)?")


def _party_of_person(t: str, ms: list[Mention], m: Mention) -> bool:
    """A body in brackets right after a person's name: the person's party ("X (CDU)")."""
    return t[m.end:m.end + 1] == ")" and any(
        x.type == PERSON and x.end <= m.start and re.fullmatch(r"\s*\(\s*", t[x.end:m.start]) for x in ms)


# "hat die Stadt X eine Delegationsreise ... angemeldet", "X schickt eine Delegation": the region sends it
_SENDS = re.compile(r"\s+(?:(?:hat|hatte|will|plant|schickt|entsendet|sendet|has|sends|is sending)\s+)?(?:eine|einen|ein|seine|ihre|a|an|its)\s+(?:[\w-]+\s+)?$")


def _region_sends(d: Doc, s: Sentence, ms: list[Mention]) -> None:
    """A region named as the subject that sends a trip ('X schickt eine Delegation') takes part in it."""
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


# "Unternehmen aus X ... im Rahmen eines Projekts", "companies ... as part of the forum": the frame of an event
_FRAME = re.compile(r"\b(?:im Rahmen|as part of)\s+(?:eines|einer|des|der|the|an?)\b")

_COMPANIES_AFTER = re.compile(r"\s+(?:(?:und|and|sowie)\s+[a-zäöü][\w-]*\s+)?(?:Unternehmen|Firmen|Betriebe|companies|firms|businesses)\b")

# the hosts of a delegation: "X meets with / welcomes / receives a delegation led by Y"
_HOSTS = re.compile(r"\b(?:meets?\s+with|met\s+with|welcom\w*|receiv\w*|greet\w*|hosts?|hosted|trifft|traf|empf(?:ä|a|i)ng\w*|begrüß\w*)\b", re.I)

# the object of a meeting verb: "trifft Gouverneur X", "traf in Tokio den Minister X", "met with Mayor X"
_MET_OBJECT = re.compile(r"\b(?:trifft|traf|trafen|treffen|meets?|met|meeting\s+with|sprach\s+mit|spricht\s+mit|Gespräche?n?\s+mit|talks\s+with|spoke\s+with)\s+(?:(?:with|mit|sich\s+mit)\s+)?(?:[\w.-]+\s+){0,4}$")

# a German meeting verb at the end of the clause after its objects
_MEET_LATER = re.compile(r"[^,;:.]{0,80}?\b(?:treffen\s+(?:wird|werden|will|wollen|möchte|soll)|trifft|traf|getroffen)\b")


# talks named earlier in the sentence, and their partner named after "mit dem"/"with the" (an office before
# the name): "Gespräche in Ministerien, darunter mit dem Minister X", "talks ..., among others with the Mayor X"
_TALKS = re.compile(r"\b(?:Gespräch\w*|Unterredung\w*|talks|discussions)\b")
_TALKS_WITH_OBJECT = re.compile(r"\b(?:darunter|unter anderem|u\.\s?a\.|auch|including|among others|also)?\s*(?:mit|with)\s+(?:dem|der|den|the)\s+(?:[\w-]+\s+){0,3}$")


def _met(t: str, ms: list[Mention], m: Mention) -> bool:
    """The person is the object of a meeting verb: no other person stands between the verb and it."""
    lo = max(0, m.start - 60)
    cs = max(t.rfind(",", 0, m.start), t.rfind(";", 0, m.start), 0)
    if _MEET_LATER.match(t, m.end) and (re.search(r"\b(?:sie|er|wir)\b", t[cs:m.start])
                                        or any(x.type == PERSON and cs <= x.start and x.end <= m.start and x is not m for x in ms)):
        return True  # "..., wo sie den Präfekten X und danach Y treffen wird": the objects before the verb at the clause's end
    if re.search(r"\b(?:trifft|traf|trafen|treffen)\b", t[: m.start]) and re.search(r"\b(?:den|dem)\s+(?:[\w-]+\s+){0,2}$", t[max(0, m.start - 40):m.start]):
        return True  # "traf Weller in Tokio den Gouverneur X": the accusative object of the meeting
    if _TALKS_WITH_OBJECT.search(t[lo:m.start]) and _TALKS.search(t, 0, m.start):
        return True  # "Gespräche in mehreren Ministerien, darunter mit dem Minister X": the partner of the talks
    mo = _MET_OBJECT.search(t[lo:m.start])
    if mo is None:
        return False
    verb = lo + mo.start()
    if re.fullmatch(r"(?:trifft|traf|trafen|treffen|sprach|spricht)\s+", t[verb:m.start]):
        return False  # "traf Weller in Tokio ...": the subject after the verb
    return not any(x.type == PERSON and verb <= x.start and x.end <= m.start and x is not m for x in ms)


# "Zum Antrittsbesuch bei X hatten A und B ...", "Beim Empfang sprach X": those named take part
_AT_MEETING = re.compile(r"\b(?:[Zz]um|[Bb]eim)\s+(?:[\w-]+\s+)?(?:Antrittsbesuch|Höflichkeitsbesuch|Empfang|Festakt|Arbeitsessen|Business-Lunch|Neujahrsempfang)\b")

_INVITER_BEFORE = re.compile(r"\b(?:[Ii]nvitation|Einladung)\s+(?:extended\s+|issued\s+)?(?:by|of|from|von|vom|des|der)\s+(?:the\s+)?(?:[\w.-]+\s+){0,4}$")

_CONTACT_BEFORE = re.compile(r"\b(?:contact|contacting|kontaktieren|Kontakt|Ansprechpartner\w*|wenden?\s+(?:Sie\s+)?sich\s+(?:bitte\s+)?an|register\s+with|Anmeldung\s+bei)\s+(?:[\w.]+\s+){0,2}$")

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


def persons_taking_part(st: EventSentence) -> None:
    """PARTICIPATED_IN for the persons the sentence names: the traveller the trip's word names, a speaker, a
    person named during the event or with a participation word; not a host, one met, one who reports, the
    inviter or a contact."""
    d, ev, s, ms, t, key = st.d, st.ev, st.s, st.ms, st.t, st.key
    led = _LED_BY.search(t) if ev.kind in T.TRAVEL else None
    for m in ms:
        if m.type != PERSON:
            continue
        if st.several and _traveller_of_other(d, ev, ms, t, m):
            continue  # "Der Besuch der Delegation knüpft an die Reise von X nach Y an": X made the other trip
        if ev.kind in T.TRAVEL and not st.anaphoric and _traveller_of(d, ms, t, m) is ev:
            d.fact(PARTICIPATED_IN, m.ref, key, s.index)  # "die Reise von Ministerpräsident X nach Y", "the visit by X"
            continue
        if _not_taking_part(st, m, led):
            continue
        _person_takes_part(st, m)


def _not_taking_part(st: EventSentence, m: Mention, led: re.Match | None) -> bool:
    """The person is named as someone other than a participant."""
    d, ev, ms, t = st.d, st.ev, st.ms, st.t
    if _POSSESSIVE_AFTER.match(t, m.end) or (led and m.end <= led.start() and _HOSTS.search(t, m.end, led.start())):
        return True  # "Aigner's ministry said", "X meets with a delegation led by Y": not a participant
    if _SAID_THAT.match(t, m.end):
        return True  # "X said that Y plans to send a delegation", "... to attend the opening": X reports, Y goes
    if ev.kind in T.TRAVEL and _receives_delegation(d, ev, t, ms, m):
        return True  # "Morgen empfängt Ministerpräsident X eine Delegation aus Y": the host, not a traveller
    if ev.kind in T.TRAVEL and _met(t, ms, m):
        return True  # "Die Delegation trifft Gouverneur X", "traf in Tokio den Gouverneur X": the host met, not a traveller
    if _INVITER_BEFORE.search(t[max(0, m.start - 70):m.start]):
        return True  # "accepted an invitation extended by Foreign Minister X", "auf Einladung von X": the host
    if _CONTACT_BEFORE.search(t[max(0, m.start - 50):m.start]):
        return True  # "Wer teilnehmen möchte, wendet sich an X", "should contact X": the contact, not a participant
    return False


def _person_takes_part(st: EventSentence, m: Mention) -> None:
    """A speech, a 'during the visit' frame or a participation word makes the person a participant
    (in a sentence that only refers to the event: a speaker, a head, one who joins or greets)."""
    d, ev, s, t, key = st.d, st.ev, st.s, st.t, st.key
    if not st.anaphoric and ev.kind not in T.TRAVEL and T.SPEECH.search(t):
        d.fact(PARTICIPATED_IN, m.ref, key, s.index, role="speaker")
        return
    if not st.anaphoric and (_DURING.search(t) or _AT_MEETING.search(t)):
        d.fact(PARTICIPATED_IN, m.ref, key, s.index)
        return
    if T.PARTICIPATE_PERSON.search(t):
        if st.anaphoric and not (T.SPEAKER.search(t) or T.HEAD_OF.search(t) or _JOINS.search(t)
                                 or (ev.kind not in T.TRAVEL and _GREETS.search(t))):
            return
        role = "head of delegation" if T.HEAD_OF.search(t) and ev.kind in T.TRAVEL else "speaker" if T.SPEAKER.search(t) else None
        d.fact(PARTICIPATED_IN, m.ref, key, s.index, role=role)


def companions(st: EventSentence) -> None:
    """Bodies that travel along: named after 'begleitet von' / 'accompanied by', or as the subject of
    'begleiten' / 'accompany'. A sentence saying who accompanies is remembered (``d.accompanied``)."""
    d, ev, s, ms, t, key = st.d, st.ev, st.s, st.ms, st.t, st.key
    acc_by = _ACCOMPANIED_BY.search(t)
    if acc_by:
        d.accompanied = (ev, s.index)
        if not st.several:
            # "begleitet von Minister A und Vertretern der B und der C": the bodies named among the companions
            for m in ms:
                if m.kind == "entity" and m.type in (ORGANIZATION, COMPANY) and m.start >= acc_by.end() and m.ref not in st.role_targets \
                        and not _CLAUSE_END.search(t, acc_by.end(), m.start) and m.ref not in st.organizers \
                        and not re.search(r"\(\s*$", t[max(0, m.start - 3):m.start]):  # "X (CDU)": a party
                    d.fact(PARTICIPATED_IN, m.ref, key, s.index)
    av = _ACCOMPANY_ACTIVE.search(t)
    if av is not None and not _ACCOMPANIED_BY.match(t, av.start()) and not st.several:
        # "Vertreter der A und der B begleiten den Minister", "Officials from A and B will accompany X": the
        # bodies named as the subject travel too
        for m in ms:
            if m.kind == "entity" and m.type in (ORGANIZATION, COMPANY) and m.end <= av.start() and m.ref not in st.role_targets \
                    and not _CLAUSE_END.search(t, m.end, av.start()) and len(t[m.end:av.start()]) <= 120 \
                    and not _party_of_person(t, ms, m):  # "von Minister X (SPD) begleitet": the person's party
                d.fact(PARTICIPATED_IN, m.ref, key, s.index)


# the word that names a group's home before the region, with up to three words between: "Delegation aus (der
# Region) X", "aus der koreanischen Hafenstadt X", "from the X", "of around 40 X entrepreneurs"; or the genitive
# right after the group word: "eine Delegation der Provinz X"
_ORIGIN_PREP = re.compile(r"\b(?:aus|von|from|of)\s+(?:[\w-]+\s+){0,3}$|\b[Dd]elegation(?:en)?\s+(?:der|des)\s+(?:[\w-]+\s+){0,3}$")


def bodies_after_cue(st: EventSentence) -> None:
    """PARTICIPATED_IN for the organizations (a list of them) named after a participation word ('nehmen teil:
    A, B und C') or the one region named as the group's origin right after 'eine Delegation aus X'."""
    if st.several:
        return
    d, s, ms, t, key = st.d, st.s, st.ms, st.t, st.key
    participants = st.participants
    last_end = 0
    for pm in T.PARTICIPATE_ORG.finditer(t):
        for m in st.entities:
            if m.start < pm.start() or m.type not in (ORGANIZATION, COMPANY, REGION) or m.ref in st.organizers or m.ref in st.role_targets:
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
                if _ORIGIN_PREP.search(t[max(0, m.start - 80):m.start]) is None:
                    continue  # "ein Teil der Delegation wird die Städte X und Y besuchen": a stop, not the origin
            elif len(between) > 100:
                continue
            elif participants and not re.fullmatch(r"[\s,]*(?:\([^)]*\))?[\s,]*(?:und|and|sowie|as well as|or|oder)?\s*(?:der|die|das|dem|den|the)?\s*", t[last_end:m.start]):
                break
            last_end = m.end
            participants.add(m.ref)
            # "eine Delegation aus X", "a delegation from X": the region the group comes from takes part as a
            # whole (the curated seed dataset and the team's sets read it so; the corpus gold does not)
            d.fact(PARTICIPATED_IN, m.ref, key, s.index)
            if m.type == REGION:
                break


def home_regions_of_companies(st: EventSentence) -> None:
    """"Unternehmen aus X ... im Rahmen eines Projekts": the region whose companies take part (as their home)."""
    d, ev, s, ms, t, key = st.d, st.ev, st.s, st.ms, st.t, st.key
    if ev.kind in T.TRAVEL or st.anaphoric or st.several:
        return
    frame = _FRAME.search(t)
    if frame:
        for m in ms:
            if m.kind == "adjective" and m.start < frame.start() and _COMPANIES_AFTER.match(t, m.end):
                d.fact(PARTICIPATED_IN, m.ref, key, s.index, role="home region of participating companies")


def bodies_with(st: EventSentence) -> None:
    """"mit der LEA", "mit den japanischen Universitäten Yamagata und Tohoku": the body, or the list of bodies
    after a plural word, named with 'mit/with' takes part in a forum or workshop (with several events, the
    one named last before)."""
    d, ev, ms, t = st.d, st.ev, st.ms, st.t
    if ev.kind in T.TRAVEL or st.anaphoric:
        return
    evtrig = sorted((x for x in ms if x.kind == "event" and d.event_of(x) is not None), key=lambda x: x.start)
    for wm in _WITH_BODIES.finditer(t):
        if re.search(r"gemeinsam|together|zusammen", t[max(0, wm.start() - 12):wm.start()]):
            continue
        if st.several:
            # several events: "with ..." belongs to the event named last before it
            last = [x for x in evtrig if x.end <= wm.start()]
            if not last or d.event_of(last[-1]) is not ev:
                continue
        _bodies_listed_after(st, wm)


def _bodies_listed_after(st: EventSentence, wm: re.Match) -> None:
    """The organizations right after 'mit der' (one, or a list after a plural word) take part."""
    d, s, t, key = st.d, st.s, st.t, st.key
    prev_end = None
    for m in st.entities:
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
        if m.ref not in st.organizers and m.ref not in st.role_targets:
            st.participants.add(m.ref)
            d.fact(PARTICIPATED_IN, m.ref, key, s.index)
        if not wm.group("plural"):
            break
