"""The facts one sentence states about one event it names or refers to."""

from __future__ import annotations

import re

from ... import triggers as T
from ...amounts import find_group_size
from ...sentences import Sentence
from ..context import Doc, EventObj, LIST_GAP as _LIST_GAP, Mention
from ..types import COMPANY, FOCUSES_ON, FUNDED, HOLDS_ROLE_AT, LOCATED_IN, ORGANIZATION, ORGANIZED, PARTICIPATED_IN, PERSON, REGION, VISITED
from .cues import _ACCOMPANIED_BY, _ACCOMPANY, _CLAUSE_END, _DURING, _GREETS, _JOINS, _LED_BY, _PAID_BY, _POSSESSIVE_AFTER, _SAID_THAT
from .organizers import _HOSTS_TO, _INVITED_TO, _organizer_here, _PAID, _SUPPORT_BEFORE, _TO_EVENT
from .participants import _ACCOMPANY_ACTIVE, _AT_MEETING, _COMPANIES_AFTER, _CONTACT_BEFORE, _FRAME, _HOSTS, _INVITER_BEFORE, _meeting_with, _met, _party_of_person, _receives_delegation, _traveller_of, _traveller_of_other, _WITH_BODIES, _with_delegation
from .persons import _visitor
from .places import _abroad, _AT_BODY, _AT_BODY_CUE, _BACK_FROM, _locates_another, _near_event, _OFFICE_OF, _opening_place, _ORIGIN_AFTER, _SAID_AFTER, _trip_stop, _VISIT_OBJECT, _visits, _WHERE_CLAUSE
from .topics import _FOCUS_AFTER, _THIS_FIELD, _TOPIC_LIST_GAP


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
