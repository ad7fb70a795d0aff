"""Which event an event word names: a new one, one told before, or none (an earlier visit told for context,
a body's name)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ... import triggers as T
from ...dates import MONTHS, DateMention
from ...gazetteer import name_keys
from ...sentences import Sentence
from ..context import Doc, EventObj, Mention
from ..types import COMPANY, ORGANIZATION, PARTICIPATED_IN, PERSON, REGION, VISITED
from .cues import _DEFINITE_BEFORE
from .names import _compound_name, _event_name, _name_after, _PRESS_BEFORE, _QUOTED_NAME, _squeezed, _TIME_WORD


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
    """The event's dates and the date said overlap."""
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


@dataclass
class _EventWord:
    """One event word of the sentence as read so far: its kind ('delegation_visit' for a trip word that names
    a delegation), the proper name it carries, and whether it is a bare 'Besuch' / 'visit' / 'Reise'."""

    m: Mention
    kind: str
    name: str | None

    @property
    def word(self) -> str:
        return self.m.text

    @property
    def generic_visit(self) -> bool:
        return self.word.lower() in ("visit", "besuch", "reise", "trip")


def events_named(d: Doc, s: Sentence, ms: list[Mention], trig: list[Mention]) -> tuple[list[EventObj], bool]:
    """The events the sentence's event words name, in order (a new event, or one told before; each word is
    remembered in ``d.trigger_event``), and whether a word only told of an earlier visit, for context."""
    t = s.text
    ev_here: list[EventObj] = []
    earlier = False
    for m in trig:
        if _not_an_event(t, ms, m):
            continue
        kind = m.ref
        if kind == "trip" and re.search(r"[Dd]elegation", m.text):
            kind = "delegation_visit"
        if _told_for_context(d, s, ms, m, kind):
            earlier = True
            continue
        ok, name = _name_of(t, m, kind)
        if not ok:
            continue
        w = _EventWord(m, kind, name)
        ev = _event_referred(d, s, w)
        if ev is None:
            ev = _new_event(d, s, w)
            if ev is None:
                continue
        elif kind != ev.kind and ev.kind == "trip" and kind in ("delegation_visit", "mission"):
            ev.kind = kind
        if ev not in ev_here:
            ev_here.append(ev)
        d.trigger_event[(s.index, m.start)] = ev
    return ev_here, earlier


def _not_an_event(t: str, ms: list[Mention], m: Mention) -> bool:
    """Event words that name no event of their own: a plural, a body's name, a person's stay."""
    word = m.text
    # plural-looking words after a singular genitive article are one event: "eines Online-Workshops"
    if T.PLURAL_EVENT.search(word) and not word.lower().endswith(("delegation",)) and not _GENITIVE_SINGULAR.search(t[: m.start]):
        return True
    if any(x.kind == "entity" and x.type in (ORGANIZATION, COMPANY) and x.start <= m.start and m.end <= x.end
           and re.search(r"\b(?:e\.\s?V\.?|gGmbH|GmbH|AG|Verein|Stiftung)\b", x.text) for x in ms):
        return True  # "das Deutsch-Indische Kultur-Forum e.V.": a body's name, not an event
    if word == "Besuch" and re.search(r"\bzu\s+$", t[max(0, m.start - 4):m.start]):
        return True  # "X ist zu Besuch in Y": a person's stay (read as a visit of the person), not a trip
    return False


def _told_for_context(d: Doc, s: Sentence, ms: list[Mention], m: Mention, kind: str) -> bool:
    """A trip word that tells of an earlier visit: one a person recalls (the person visited the place named
    after it), or an indefinite one in the pluperfect while the text is about another trip."""
    t = s.text
    rec = _RECALLED.search(t[max(0, m.start - 60):m.end]) if kind in T.TRAVEL else None
    if rec is not None and rec.end() == m.end - max(0, m.start - 60):
        # "X recalled his visit to Korea in 2014", "erinnerte an seinen Besuch in Japan": the person's earlier
        # visit, told for context
        who = next((x for x in ms if x.type == PERSON and x.end <= m.start), None)
        place = next((x for x in ms if x.kind == "entity" and x.type == REGION and x.start >= m.end
                      and re.fullmatch(r"\s+(?:to|in|nach)\s+(?:the\s+)?", t[m.end:x.start])), None)
        if who is not None and place is not None:
            d.fact(VISITED, who.ref, place.ref, s.index)
        return True
    # "Im Januar hatte eine Delegation X die Insel besucht": an earlier visit, told for context;
    # "Bereits im Mai hatte eine Delegation ...", "Already in June, X welcomed a delegation ...": a sentence
    # that opens with 'already' and a date tells of an earlier trip (the verb may stand far after a long list)
    if not (kind in T.TRAVEL and any(e.kind in T.TRAVEL for e in d.events) and _indefinite(d, t[: m.start])):
        return False
    return bool(_EARLIER.search(t)) or (_ALREADY_OPENS.match(t) is not None and bool(d.dates[s.index] or _WHEN.search(t)))


# a sentence opening with "Bereits"/"Schon"/"Already" (after at most one word)
_ALREADY_OPENS = re.compile(r"\s*(?:\w+\s+)?(?:[Bb]ereits|[Ss]chon|[Aa]lready)\b")

# a month or a year named ("in early June", "im Mai 2013")
_WHEN = re.compile(r"\b(?:(?:19|20)\d{2}|" + "|".join(k.capitalize() for k in MONTHS if len(k) > 3) + r"|Mai|May)\b")


def _name_of(t: str, m: Mention, kind: str) -> tuple[bool, str | None]:
    """The event's proper name (none for a trip). A fair or conference counts only with a name ("die Messe
    Medica", "the Agritechnica Trade Show", "die Konferenz „X“"): False when it has none."""
    word = m.text
    name = _event_name(t, m) if kind not in T.TRAVEL else None
    if kind in T.NAMED_ONLY:
        if _PRESS_BEFORE.search(t[max(0, m.start - 8):m.start]):
            return False, None
        quoted = _QUOTED_NAME.fullmatch(word)  # a name in quotes after "den Messen" (rules.mentions)
        name = quoted.group(1) if quoted else _name_after(t, m) or name or _compound_name(word)
        if not name or _TIME_WORD.match(name):
            return False, None  # "Last Week", "Nächste Woche": a time, not a name
    return True, name


def _event_referred(d: Doc, s: Sentence, w: _EventWord) -> EventObj | None:
    """The event told before that the word names: the one of the same name, 'the event', 'der Empfang' after
    a named one, the group that accompanies, the visit named before, or the latest of the same kind."""
    t, m, kind, name, word = s.text, w.m, w.kind, w.name, w.word
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
    if ev is None and w.generic_visit and _DEFINITE_BEFORE.search(t[max(0, m.start - 12):m.start]):
        # "der Antrittsbesuch ... Gesprächsstoff für den Besuch": the visit named before
        ev = _visit_named(d)
    if ev is None and same and not name and kind not in T.NAMED_ONLY:
        ev = _same_kind_continued(d, s, w, same[-1])
    if ev is None and same and name:
        cur = same[-1]
        if cur.name is None and cur.kind == kind and not w.generic_visit:
            cur.name = name  # an event of this kind told before without its name: the name is its
            ev = cur
    return ev


def _same_kind_continued(d: Doc, s: Sentence, w: _EventWord, cur: EventObj) -> EventObj | None:
    """The latest event of the same kind, unless the word starts another: other dates, a new-event word or
    a continuation ('Fortsetzung eines ...'), an indefinite article where the latest has a name or no date,
    or another kind of meeting ("... Antrittsbesuch ... nahm er an einem Business-Lunch teil")."""
    t, m, kind, word = s.text, w.m, w.kind, w.word
    dm = [x for x in d.dates[s.index] if x.kind in ("day", "range", "month")]
    conflict = bool(dm and cur.start and not _overlaps(cur, dm[0]))
    fresh = bool(T.NEW_EVENT.search(t[: m.start])) or bool(_CONTINUED.search(t[max(0, m.start - 60):m.start]))
    indef = _indefinite(d, t[: m.start])
    indefinite = kind not in T.TRAVEL and indef and not cur.name is None
    indefinite = indefinite or (kind not in T.TRAVEL and indef and bool(dm) and not cur.start)
    indefinite = indefinite or (kind == "meeting" and indef and word.lower() not in _words_of(d, cur))
    return None if (conflict or fresh or indefinite) else cur


def _new_event(d: Doc, s: Sentence, w: _EventWord) -> EventObj | None:
    """A new event (none for a bare 'visit' / 'Reise' with no place, date or length said). The first event
    that is no trip gets the speakers named before it ("X betonte in ihrer Begrüßung ...", then "Auf der
    Veranstaltung ...")."""
    t, m, kind = s.text, w.m, w.kind
    if w.generic_visit and kind == "trip" and not T.VISIT_CUE.search(t[m.end:]) and not d.dates[s.index] \
            and not _LASTING_BEFORE.search(t, max(0, m.start - 40), m.start):
        return None
    ev = EventObj(len(d.events), kind, s.index, name=w.name)
    first_event = not d.events
    d.events.append(ev)
    if first_event and kind not in T.TRAVEL:
        for who, i in getattr(d, "pending_speakers", []):
            if s.index - i <= 10:
                d.fact(PARTICIPATED_IN, who, ("event", ev.key), i, role="speaker")
    return ev
