"""Mentions in a sentence: gazetteer names, roles, topics, agreement and event words; datelines."""

from __future__ import annotations

import re

from graph.text import fold, fold_variants

from .. import triggers as T
from ..dates import DateMention, find_dates
from ..gazetteer import Gazetteer, tokenize
from ..sentences import Sentence, split_sentences
from .context import Mention
from .types import COMPANY, ORGANIZATION, REGION, TOPIC


def sentence_mentions(s: Sentence, gaz: Gazetteer) -> list[Mention]:
    t = s.text
    out: list[Mention] = []
    for m in gaz.match(t, tokenize(t)):
        hits = m.hits
        ent = [h for h in hits if h.kind == "entity"]
        role = [h for h in hits if h.kind == "role"]
        adj = [h for h in hits if h.kind == "adjective"]
        top = [h for h in hits if h.kind == "topic"]
        a, b = m.start, m.end
        if ent and adj and ent[0].ref == adj[0].ref:
            e = gaz.entries[ent[0].ref]
            surface = fold(t[a:b])
            # the name as written, also transliterated ("Duesseldorf" for "Düsseldorf")
            names = {v for n in e.all_names() for v in fold_variants(n)}
            if surface not in names | {n + "s" for n in names}:
                ent = []  # "Leipziger", "Koreaner": the adjective, not the place itself
        if ent:
            e = gaz.entries[ent[0].ref]
            # names of places and bodies are capitalized (or acronyms); person names too -
            # except the lower-case names a text itself introduced ("saaris") or the gazetteer writes so ("dpa")
            if t[a].islower() and not (e.local and e.type in (ORGANIZATION, COMPANY)) and t[a:b] not in e.all_names():
                if not adj and not top:
                    continue
            else:
                out.append(Mention("entity", e.id, a, b, t[a:b], e.type, ent[0].lang))
                continue
        if role:
            out.append(Mention("role", role[0].ref, a, b, t[a:b], None, role[0].lang))
        elif adj:
            out.append(Mention("adjective", adj[0].ref, a, b, t[a:b], REGION, adj[0].lang))
        elif top:
            out.append(Mention("topic", top[0].ref, a, b, t[a:b], TOPIC, top[0].lang))
    _special_mentions(t, gaz, out)
    _drop_portfolios(t, gaz, out)
    _compound_roles(t, gaz, out)
    _elided_topics(t, gaz, out)
    for m in T.AGREEMENT.finditer(t):
        kind = m.lastgroup
        out.append(Mention("agreement", kind, m.start(), m.end(), m.group(0)))
    for m in T.EVENT.finditer(t):
        word = m.group(0)
        if T.NOT_EVENT.match(word):
            continue
        out.append(Mention("event", m.lastgroup, m.start(), m.end(), word))
    _quoted_fairs(t, out)
    out.sort(key=lambda x: (x.start, -x.end))
    return out


# "Neuromorphes bzw. Edge Computing", "Smart- und Edge-Computing": a word before a coordinator that
# shares the last word of the topic named after it
_ELIDED = re.compile(r"(?<![\w-])([A-ZÄÖÜa-zäöü][\w]+)-?\s+(?:bzw\.|und|oder|sowie|and|or)\s+$")


def _elided_topics(t: str, gaz: Gazetteer, out: list[Mention]) -> None:
    for m in [x for x in out if x.kind == "topic"]:
        parts = re.split(r"[\s-]+", m.text)
        if len(parts) < 2:
            continue
        e = _ELIDED.search(t[max(0, m.start - 40):m.start])
        if e is None:
            continue
        cand = e.group(1) + " " + " ".join(parts[1:])
        hits = gaz.match(cand, tokenize(cand))
        top = [h for x in hits if x.start == 0 and x.end == len(cand) for h in x.hits if h.kind == "topic"]
        if top and top[0].ref != m.ref:
            a = max(0, m.start - 40) + e.start(1)
            out.append(Mention("topic", top[0].ref, a, a + len(e.group(1)), e.group(1), TOPIC, top[0].lang))


# compound office words the gazetteer does not list ("Kulturminister", "Finanz-Staatssekretärin"):
# folded ending -> the English role
_COMPOUND_ROLES = (("staatssekretarin", "State Secretary"), ("staatssekretar", "State Secretary"),
                   ("ministerin", "Minister"), ("minister", "Minister"),
                   ("senatorin", "Senator"), ("senator", "Senator"))
_WORD = re.compile(r"(?<![\w-])[A-ZÄÖÜ][\w-]*+")


def _compound_roles(t: str, gaz: Gazetteer, out: list[Mention]) -> None:
    taken = [(m.start, m.end) for m in out]
    for w in _WORD.finditer(t):
        f = fold(w.group(0))
        for end, role in _COMPOUND_ROLES:
            if f.endswith(end) and len(f) > len(end) + 2 and role in gaz.roles:
                if not any(a < w.end() and w.start() < b for a, b in taken):
                    out.append(Mention("role", role, w.start(), w.end(), w.group(0), None, "de"))
                break


# fairs or conferences named in quotes after their plural: "auf den Messen „A“ und „B“", "the trade fairs 'A' and 'B'"
_PLURAL_NAMED = re.compile(r"\b(?P<kind>[\w-]*(?:[Mm]essen|[Kk]onferenzen|[Kk]ongresse[n]?)|(?:trade\s+)?(?:fairs|conferences|shows))"
                           r"\s+(?=[„\"“‘'])")
_QUOTED = re.compile(r"[„\"“‘'](?P<q>[^„\"“”‘’'\n]{1,60})[“”\"’']")
_LIST_GAP = re.compile(r"\s*(?:,|und|and|sowie|or|oder)\s*")


def _quoted_fairs(t: str, out: list[Mention]) -> None:
    """One event per quoted name after a plural fair or conference word (the word itself is no event)."""
    for m in _PLURAL_NAMED.finditer(t):
        kind = "conference" if re.search(r"[Kk]onferenz|[Kk]ongress|conference", m.group("kind")) else "fair"
        pos = m.end()
        while (q := _QUOTED.match(t, pos)) is not None:
            out.append(Mention("event", kind, q.start(), q.end(), q.group(0)))
            gap = _LIST_GAP.match(t, q.end())
            if gap is None or gap.end() == q.end():
                break
            pos = gap.end()


# the words between a role and a continent that make the continent the role's portfolio: "Minister für
# Bundesrat, Europa und ...", "Bevollmächtigte beim Bund und für Europa", "Minister for Europe"
_PORTFOLIO_GAP = re.compile(r"[^.;:()\n]{0,50}\b(?:für|for)\s(?:[^.;:()\n]{0,30}[,&]\s|[^.;:()\n]{0,30}\s(?:und|and)\s)?")
_WIDE_LEVELS = ("continent", "area")


# a body right after an office and "für"/"for" is the office's portfolio ("Minister für Bundesrat und Europa")
_BODY_PORTFOLIO_GAP = re.compile(r"\s+(?:für|for)\s+(?:(?:den|die|das|the)\s+)?")


def _drop_portfolios(t: str, gaz: Gazetteer, out: list[Mention]) -> None:
    """A continent named as what a minister or envoy is responsible for is no place of the text, and a body
    named as a minister's portfolio ('Minister für Bundesrat') no body the text speaks of."""
    roles = [m for m in out if m.kind == "role"]
    for m in list(out):
        if m.kind == "entity" and m.type == ORGANIZATION and any(
                r.end <= m.start and _BODY_PORTFOLIO_GAP.fullmatch(t, r.end, m.start) for r in roles):
            out.remove(m)
            continue
        e = gaz.entries.get(m.ref) if m.kind == "entity" and m.type == REGION else None
        if e is None or e.properties.get("level") not in _WIDE_LEVELS:
            continue
        if any(r.end <= m.start and _PORTFOLIO_GAP.fullmatch(t, r.end, m.start) for r in roles):
            out.remove(m)


def _special_mentions(t: str, gaz: Gazetteer, out: list[Mention]) -> None:
    """Names the token matcher cannot see: 'die sächsische Landeshauptstadt' (the state's capital),
    'die Universitäten Yamagata und Tohoku' (two universities, not the prefecture)."""

    def replace(a: int, b: int, mention: Mention) -> None:
        out[:] = [m for m in out if m.end <= a or m.start >= b]
        out.append(mention)

    for m in re.finditer(r"\b(?P<adj>[a-zäöü-]+(?:e|en))\s+Landeshauptstadt\b", t):
        adj = [x for x in out if x.kind == "adjective" and x.start == m.start("adj")]
        if adj:
            caps = [e for e in gaz.entries.values() if e.parent == adj[0].ref and e.properties.get("capital")]
            if len(caps) == 1:
                replace(m.start(), m.end(), Mention("entity", caps[0].id, m.start(), m.end(), m.group(0), REGION, "de"))
    for m in re.finditer(r"\b(?:Universitäten|universities)\s+(?P<list>[A-ZÄÖÜ][\w-]+(?:\s*(?:,|und|and)\s*[A-ZÄÖÜ][\w-]+)+)", t):
        pos = m.start("list")
        for part in re.finditer(r"[A-ZÄÖÜ][\w-]+", m.group("list")):
            nm = part.group(0)
            found = [e for form in (f"{nm} University", f"Universität {nm}", f"{nm}-Universität") for e in gaz.lookup(form) if e.type == ORGANIZATION]
            if found:
                a, b = pos + part.start(), pos + part.end()
                replace(a, b, Mention("entity", found[0].id, a, b, nm, ORGANIZATION, "de"))
    out.sort(key=lambda x: (x.start, -x.end))


_DATELINE = re.compile(r"^\W*(?:[A-ZÄÖÜ][\w.]*(?:[ /-][A-ZÄÖÜ][\w.]*)*\s*,\s*)?(?:den\s+)?$")


def is_dateline(text: str, dm: DateMention) -> bool:
    """'München, 02.10.2024 – ...': the date of the release, not of the facts."""
    return dm.kind in ("day",) and bool(_DATELINE.match(text[: dm.start_char])) and bool(re.match(r"\s*(?:[–—-]|\.|\(|$|:)", text[dm.end_char:dm.end_char + 3]))


def dateline_date(text: str) -> str | None:
    """The release date in a dateline near the top of a text, if any."""
    for s in split_sentences(text)[:6]:
        for dm in find_dates(s.text, None):
            if is_dateline(s.text, dm):
                return dm.start
    return None


# a byline before the first sentence: "KIEL -", "HANNOVER/DPA -", "BERLIN (dpa) -": where the text was filed
# and the agency that filed it, not facts
_BYLINE = re.compile(r"(?:[A-ZÄÖÜ][A-ZÄÖÜ.]+(?:[/ -][A-ZÄÖÜ][A-ZÄÖÜ.]+)*(?:\s*\([\w/. ]{1,20}\))?\s+[-–—]\s+){1,3}")


def byline_end(text: str) -> int:
    """The end of a leading byline ('HANNOVER/DPA - '), else 0."""
    m = _BYLINE.match(text)
    return m.end() if m else 0
