"""Who organizes or pays for an event (ORGANIZED, FUNDED)."""

from __future__ import annotations

import re

from ... import triggers as T
from ...sentences import Sentence
from ..context import LIST_GAP as _LIST_GAP, Doc, EventObj, Mention
from ..types import COMPANY, FUNDED, ORGANIZATION, ORGANIZED, PERSON, REGION
from .cues import _CLAUSE_END, _PAID_BY, _POSSESSIVE_AFTER
from .state import EventSentence


# a participle before the event word names its organizer: "eine vom Land X ausgerichtete Konferenz", "die vom
# Ministerium mit der Kammer Y organisierte Reise"
_BY_PARTICIPLE = re.compile(r"\b(?:vom|von\s+(?:der|dem|den))\s+(?P<by>[^.;:!?]{1,120}?)\s+"
                            r"(?:organisierte|ausgerichtete|veranstaltete|initiierte|durchgeführte|koordinierte)[nrs]?\s+"
                            r"(?:[\w-]+\s+){0,2}$")


def _organized_before(d: Doc, s: Sentence, ms: list[Mention], trig: list[Mention]) -> None:
    """The bodies named in a participle before an event word ('eine vom Land X ausgerichtete Konferenz') organize it."""
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


# funding: "finanziert vom X", "X finanziert das Projekt", "funded by X"
_PAID = re.compile(r"finanziert|gefördert|funded|financed|sponsored", re.I)

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


# "hatte ... zu einem Empfang ... eingeladen", "had invited ... to a dinner": the invitation names the event
_INVITED_TO = re.compile(r"\b(?:hat|hatte|hatten|haben|has|had)\s[^.;]{0,200}?\b(?:eingeladen|invited)\b")

# "A und B empfingen ... Gäste zum X", "A hosted guests at the X": the subject hosts the event
_HOSTS_TO = re.compile(r"\b(?:empfing|empfingen|empfängt|empfangen|begrüßte|begrüßten|hosted|welcomed|received)\b")

_TO_EVENT = re.compile(r"\b(?:zum|zur|zu\s+(?:einem|einer|dem|der)|at\s+(?:the|an?)|to\s+(?:the|an?)|for\s+(?:the|an?))\s+(?:[\w-]+\s+){0,2}$")


def funded_by(st: EventSentence) -> None:
    """FUNDED: the body named right after a funding word ('gefördert vom X', 'funded by the X'); every name
    there counts as a funder, so that it is not read as an organizer too."""
    d, ms, t, key, s = st.d, st.ms, st.t, st.key, st.s
    entities = st.entities
    for fm in T.FUNDED.finditer(t):
        for m in entities:
            if m.start > fm.end() and m.start - fm.end() < 40:
                st.funders.add(m.ref)
                if _PAID.search(fm.group(0)) and m.type in (ORGANIZATION, COMPANY, REGION):
                    d.fact(FUNDED, m.ref, key, s.index)
                break
        by = _PAID_BY.search(t)
        if by:
            payer = next((m for m in entities if m.start >= by.end() and m.start - by.end() < 5), None)
            if payer is not None and payer.type in (ORGANIZATION, COMPANY, REGION):
                st.funders.add(payer.ref)
                d.fact(FUNDED, payer.ref, key, s.index)


def organized_by(st: EventSentence) -> None:
    """ORGANIZED after an organizing word: with several events only 'we' (the text's own body) for the one
    the words follow; else the bodies the organizing words name, or the person who invited to the event."""
    if not T.ORGANIZE.search(st.t):
        return
    if st.several:
        _organized_by_us(st)
        return
    _organized_by_bodies(st)
    if not st.organizers:
        _invited_by(st)


def _organized_by_us(st: EventSentence) -> None:
    """A planned event that continues an earlier one named in the genitive ("... Fortsetzung eines Webinars
    vom März"): 'we' organize the event whose word the organizing verb follows."""
    d, ev, s, ms, t, key = st.d, st.ev, st.s, st.ms, st.t, st.key
    trig = next((x for x in ms if x.kind == "event" and d.event_of(x) is ev), None)
    om = T.ORGANIZE.search(t, trig.end) if trig else None
    if om and trig and om.start() - trig.end <= 60 and T.WE.search(t[trig.end:om.start()]):
        sp = d.speaker_org(s)
        if sp:
            st.organizers.add(sp)
            d.fact(ORGANIZED, sp, key, s.index)


# a place preposition right before a body: the body is where the event is held, not who holds it
_VENUE_BEFORE = re.compile(r"\b(?:in|im|at|bei|beim)\s+(?:(?:der|dem|den|the)\s+)?(?:[a-zäöü][\w-]*\s+)?$")


def _organized_by_bodies(st: EventSentence) -> None:
    """The bodies the organizing words name for this event (not a funder, a body whose representatives
    come, or one that only supports)."""
    d, ev, s, ms, t, key = st.d, st.ev, st.s, st.ms, st.t, st.key
    by = T.ORGANIZE_BY.search(t)
    for m in st.entities:
        if m.type not in (ORGANIZATION, COMPANY) or m.ref in st.funders:
            continue
        if by and m.start < by.start() and not re.search(r"gemeinsam mit|together with|zusammen mit|with", t[m.end:by.start()]):
            if not re.search(r"\bund\b|\band\b", t[m.end:m.end + 6]):
                continue
        if re.search(r"\b(?:Vertreter\w*|representatives?)\s+(?:der|des|von|of)\s+(?:the\s+)?$", t[max(0, m.start - 25):m.start]):
            continue
        if _SUPPORT_BEFORE.search(t[max(0, m.start - 40):m.start]):
            continue  # "mit Unterstützung der X durchgeführt": X supports, it does not organize
        if _VENUE_BEFORE.search(t[max(0, m.start - 30):m.start]):
            continue  # "will in der Botschaft X einen Empfang ausrichten", "held ... at the University X": the venue
        if not _organizer_here(d, ev, ms, t, m, by):
            continue
        st.organizers.add(m.ref)
        d.fact(ORGANIZED, m.ref, key, s.index)


def _invited_by(st: EventSentence) -> None:
    """"Der Ministerpräsident hatte ... zu einem Empfang ... eingeladen", "X had invited guests to a dinner":
    the person who invites hosts the event named in the invitation."""
    d, ev, s, ms, t, key = st.d, st.ev, st.s, st.ms, st.t, st.key
    inv = _INVITED_TO.search(t)
    if inv is None or st.anaphoric or ev.kind in T.TRAVEL:
        return
    host = next((x for x in ms if x.type == PERSON and x.end <= inv.end() and not _POSSESSIVE_AFTER.match(t, x.end)
                 and not re.search(r"\b(?:von|vom|by|mit|with)\s+(?:[\w.-]+\s+){0,2}$", t[max(0, x.start - 30):x.start])), None)
    if host is not None and any(x.kind == "event" and d.event_of(x) is ev and inv.start() <= x.start <= inv.end()
                                and re.search(r"\b(?:zu|zum|zur|to)\s+(?:einem|einer|dem|der|a|an|the\s+)?\s*(?:[\w-]+\s+){0,2}$", t[max(0, x.start - 40):x.start])
                                for x in ms):
        d.fact(ORGANIZED, host.ref, key, s.index)


def hosted_by(st: EventSentence) -> None:
    """"A und B empfingen rund 200 Gäste zum Sommerfest", "X hosted guests at the reception": the subject
    that opens the sentence ("Die Landeshauptstadt X und Y, ..., empfingen"), its first name and the names
    listed with it, hosts the event (only where no organizing word is said)."""
    d, ev, s, ms, t, key = st.d, st.ev, st.s, st.ms, st.t, st.key
    if st.anaphoric or st.several or ev.kind in T.TRAVEL or T.ORGANIZE.search(t):
        return
    for b in _HOSTS_TO.finditer(t):
        trig = next((x for x in ms if x.kind == "event" and d.event_of(x) is ev and x.start >= b.end()
                     and not re.search(r"besuch|visit", x.text, re.I)), None)
        if trig is None or not _TO_EVENT.search(t[max(b.end(), trig.start - 40):trig.start]) or _CLAUSE_END.search(t, b.end(), trig.start):
            continue
        subj = [m for m in st.entities if m.end <= b.start()]
        if not subj or not re.fullmatch(r"\W*(?:(?:Die|Der|Das|The)\s+)?(?:[A-ZÄÖÜ][\w-]*\s+){0,2}", t[: subj[0].start]):
            return
        hosts = [subj[0]]
        for m in subj[1:]:
            if not _LIST_GAP.fullmatch(t[hosts[-1].end:m.start]):
                break
            hosts.append(m)
        for m in hosts:
            if m.type in (ORGANIZATION, COMPANY, REGION) and m.ref not in st.funders:
                st.organizers.add(m.ref)
                d.fact(ORGANIZED, m.ref, key, s.index)
        return
