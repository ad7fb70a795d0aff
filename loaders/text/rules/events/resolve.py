"""Which event an event word names: a new one, one told before, or none (an earlier visit told for context, a body's name)."""

from __future__ import annotations

import re

from ... import triggers as T
from ...dates import DateMention
from ..context import Doc, EventObj


_GENITIVE_SINGULAR = re.compile(r"\b(?:des|eines|dieses|jenes|unseres|ihres|seines)\s+(?:[\w-]+\s+){0,2}$")

# a trip said to last some days is a concrete one: "zu einer mehrtägigen Reise", "a four-day trip"
_LASTING_BEFORE = re.compile(r"\b[\w-]*(?:tägige|wöchige|day|week)[nrs]?\s+$")

_CONTINUED = re.compile(r"\b(?:Fortsetzung|Fortführung|continuation|follow-up)\s+(?:eines|einer|of|to)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?$"
                        r"|\bknüpf(?:t|te|e|en|ten)\s+(?:[a-zäöü]+\s+){0,2}an\s+(?:die|den|das|seine|ihre)\s+(?:[\w-]+\s+)?$"
                        r"|\b(?:follows?\s+up\s+on|builds?\s+on)\s+(?:the|his|her|their|an?)\s+(?:[\w-]+\s+)?$")


def _indefinite(d: Doc, before: str) -> bool:
    """An indefinite article before the event word ('ein Workshop', 'a forum'); in German text 'an'
    and 'a' are not articles ('an der Veranstaltung')."""
    m = T.INDEFINITE.search(before)
    if m is not None and d.lang == "de" and m.group(0).split()[0].lower() in ("an", "a"):
        m = T.INDEFINITE.search(before, m.start() + len(m.group(0).split()[0]))  # "an einem Lunch": 'einem' is the article
    return m is not None and not (d.lang == "de" and m.group(0).split()[0].lower() in ("an", "a"))


def _overlaps(ev: EventObj, dm: DateMention) -> bool:
    from graph.dates import lower_bound, upper_bound

    a1, b1 = lower_bound(ev.start), upper_bound(ev.end or ev.start)
    a2, b2 = lower_bound(dm.start), upper_bound(dm.end)
    return not (b1 < a2 or b2 < a1)


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
_EARLIER = re.compile(r"\b(?:hatte|hatten|had)\b[^.;]{0,160}?\b(?:besucht|bereist|gereist|visited|travell?ed)\b")
