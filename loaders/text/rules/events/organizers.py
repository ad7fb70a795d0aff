"""Who organizes or pays for an event (ORGANIZED, FUNDED)."""

from __future__ import annotations

import re

from ... import triggers as T
from ...sentences import Sentence
from ..context import Doc, EventObj, Mention
from ..types import COMPANY, ORGANIZATION, ORGANIZED, REGION


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
