"""Persons the gazetteer does not hold: a name after a cue (a role word, an honorific, a verb of saying,
an office) or by its shape alone (``personnames``), checked against the document's gazetteer and added to
it, so that the bare family name later in the text is recognized too."""

from __future__ import annotations

import re

from graph.text import fold

from ..gazetteer import Entry, Gazetteer, Hit, tokenize
from ..givennames import is_given_name
from ..personnames import family_after_office, family_first, given_name_candidates, lone_family_after_title
from ..sentences import Sentence
from ..typenames import COMPANY, ORGANIZATION, PERSON as PERSON_T, REGION, TOPIC
from .names import STOP, _new_id, title_case
from .personshapes import (HONORIFIC, PERSON, PERSON3, PERSON_INIT, PERSON_X, _AND_PERSON, _HON_PERSON, _LEAD_TITLE,
                           _MR, _NAMEWORD, _NAME_NEXT, _NAME_PARTY, _NAME_THEN_OFFICE, _OFFICE, _OFFICE_APPOS,
                           _OFFICE_APPOS_INITIALS, _OFFICE_BEFORE, _OFFICE_INITIALS, _OFFICE_PHRASE, _SAY, _SAY_CAPS,
                           _SHEIKH)

_OPEN_QUOTE, _CLOSE_QUOTE = "„“\"‚'»«", "“”\"‘'«»"


def _quoted(t: str, a: int, b: int) -> bool:
    """The name stands alone in quotation marks (a company or a title: „Hero Cycles“), not a person."""
    return a > 0 and t[a - 1] in _OPEN_QUOTE and t[b:b + 1] != "" and t[b] in _CLOSE_QUOTE


def _named_exactly(gaz: Gazetteer, w: str, types: tuple[str, ...], base: bool = False) -> list[Entry]:
    """Entries of these types one of whose names is ``w`` as written (after folding; a genitive -s allowed),
    not only after stemming ('Bösche' is not 'Bosch')."""
    f = fold(w)
    out = []
    for e in gaz.lookup(w, base=base):
        if e.type in types:
            names = {fold(n) for n in e.all_names()}
            if f in names or (f.endswith("s") and f[:-1] in names):
                out.append(e)
    return out


def _name_ok(given: str, family: str, gaz: Gazetteer, company_family: bool = False) -> bool:
    """Both words may be part of a person's name: no stop word, no adjective or event ending ('-ische',
    'forum', 'delegation'), no office, no month, and no region, body or topic the gazetteer names so
    (``company_family``: a company named after its founder does not rule the family name out)."""
    for w in (given, family):
        if w.lower() in STOP:
            return False
        if re.search(r"(?i)(?:ische[nrsm]?|forum|workshop|webinar|symposium|reise|delegation|programm|projekt|kolleg(?:e|en|in)?)$", w):
            return False
        if re.fullmatch(_OFFICE, w):
            return False
        # a given name may also be a place somewhere (Paul, Cape Verde): only the hand gazetteer counts
        hits = _named_exactly(gaz, w, (REGION, ORGANIZATION, COMPANY, TOPIC))
        if not hits and len(w) > 4 and w.endswith("s") and w[0].isupper():
            # a place in the genitive after an office ("Landwirtschaftsminister Minnesotas"): no family name
            hits = _named_exactly(gaz, w[:-1], (REGION,))
        if company_family and w == family:  # companies are named after their founders ("Vietz")
            hits = [e for e in hits if not (e.local and e.type == COMPANY)]
        if hits:
            return False
        if w.lower().rstrip(".") in ("januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september",
                                      "oktober", "november", "dezember", "january", "february", "march", "may", "june",
                                      "july", "october", "december"):
            return False
    return True


def _last_word_apart(doc: str, words: list[str]) -> bool:
    """The document names the next-to-last word alone ('Brenner sagte', 'Brenners') and the last word
    without it ('in Posen'): the last word follows the name without belonging to it."""
    if len(words) < 3:
        return False
    prev, last = re.escape(words[-2]), re.escape(words[-1])
    alone = re.search(rf"(?<!{re.escape(words[-3])}\s)(?<![\w-]){prev}(?!\s+{last})(?:s|’s|'s)?(?![\w-])", doc)
    apart = re.search(rf"(?<!{prev}\s)(?<![\w-]){last}(?![\w-])", doc)
    return bool(alone and apart)


def _coordinated_person(t: str, end: int, gaz: Gazetteer) -> re.Match | None:
    """'die Abgeordneten Jana Roth und Sven Kowalke Seite an Seite': a second name joined by 'und' to a name
    found by its office; its given name must be one the name list knows."""
    m = _AND_PERSON.match(t, end)
    if m is None or not is_given_name(m.group("given")) or not _name_ok(m.group("family"), m.group("family"), gaz):
        return None
    return m


def discover_persons(gaz: Gazetteer, sentences: list[Sentence], lang: str) -> None:
    """Persons the gazetteer does not hold, added to the document's gazetteer: names after a cue (a role
    word, an honorific, a verb of saying, an office), names by their shape alone, and at the end of the
    document a family name alone after an office."""
    lone_after_office: list = []
    doc = "\n".join(s.text for s in sentences)
    for s in sentences:
        t = s.text
        toks = tokenize(t)
        matches = gaz.match(t, toks)
        cued = _cued_persons(gaz, t, lang, matches, doc)
        lone_after_office += _shaped_persons(gaz, t, lang, matches, cued)
    # a family name alone after an office, once the whole document is read: not when a person of that
    # family name is named in full somewhere ("Ministerpräsident Wüst" in the headline, the full name later)
    for c, lg in lone_after_office:
        if not any(e.type == PERSON_T for e in gaz.lookup(c.family)) and _name_ok(c.family, c.family, gaz):
            _add_person(gaz, lg, "", c.family, None, c.family)


def _cue_starts(t: str, matches: list) -> tuple[list[int], set[int], set[int]]:
    """Where a name may start in the sentence ``t`` (``matches``: its gazetteer matches): after a role word
    or before one ("Name, Role ..."), after an honorific, a verb of saying or a leader cue. Also returned:
    the starts after an office or title that needs no gazetteer entry, and the starts of initials after one."""
    starts: list[int] = []
    for m in matches:
        if any(h.kind == "role" for h in m.hits):
            pm = PERSON.match(t, m.end + (1 if t[m.end:m.end + 1] in " \u00a0" else 0))
            if pm and t[m.end:pm.start()].strip() == "":
                starts.append(pm.start())
            # "Name, Role ..." : the name right before a role
            before = t[: m.start]
            bm = re.search(rf"(?P<p>{HONORIFIC}{_NAMEWORD}\s+(?:(?:von|van|de|zu)\s+)?{_NAMEWORD}),\s*(?:\w+\s+)?$", before)
            if bm:
                starts.append(bm.start("p"))
    for m in _HON_PERSON.finditer(t):
        starts.append(m.start())
    for m in _SAY.finditer(t):
        starts.append(m.end())
    for m in re.finditer(r"\b(?:unter (?:der )?Leitung von|angeführt von|led by|headed by)\s+", t):
        starts.append(m.end())
    for m in matches:
        if any(h.kind == "role" for h in m.hits):
            am = re.match(rf"[^.;:»«\"]{{0,120}}?\([\w&-]+\),\s+(?={_NAMEWORD}\s+{_NAMEWORD}\s*,)", t[m.end:])
            if am:
                starts.append(m.end + am.end())
    # office and title context that needs no gazetteer entry
    extra: set[int] = set()
    for rx in (_OFFICE_BEFORE, _OFFICE_APPOS, _MR, _SAY_CAPS, _SHEIKH):
        extra |= {m.end() for m in rx.finditer(t)}
    for rx in (_NAME_THEN_OFFICE, _NAME_PARTY):
        extra |= {m.start("p") for m in rx.finditer(t)}
    initials = {m.end() for rx in (_OFFICE_INITIALS, _OFFICE_APPOS_INITIALS) for m in rx.finditer(t)}
    starts += sorted(extra | initials)
    return starts, extra, initials


def _cued_persons(gaz: Gazetteer, t: str, lang: str, matches: list, doc: str) -> list[tuple[int, int]]:
    """The persons named after a cue in the sentence ``t`` (``doc``: the whole document), added to the
    gazetteer with a second name joined to them by 'und'; returns the spans they cover."""
    starts, extra, initials = _cue_starts(t, matches)
    role_starts = {m.start: m.end for m in matches if any(h.kind == "role" for h in m.hits)}
    headline = title_case(t, lang)
    cued: list[tuple[int, int]] = []  # names found by a cue: a shorter reading inside them is no second person
    for st in sorted(set(starts)):
        while st in role_starts:
            st = role_starts[st] + 1
        lead = _LEAD_TITLE.match(t, st)
        st = lead.end() if lead else st
        pm = _name_at(gaz, t, st, st in extra, st in initials, headline, doc)
        if not pm:
            continue
        if st in extra and re.search(r"(?i)ministeri|ministry|universit|institut|agentur|agency|gmbh", pm.group(0)):
            continue
        given, family = pm.group("given").strip(), pm.group("family")
        if not all(_name_ok(w, family, gaz) for w in given.split()) or _quoted(t, pm.start("given"), pm.end()):
            continue
        # an English headline in title case ("Governor Leads Trade Mission to X"): every word is capitalized,
        # so only a given name the name list knows or an East-Asian name makes a person
        if headline and not (is_given_name(given.split()[0]) or family_first(given.split()[0], family)):
            continue
        _add_person(gaz, lang, given, family, " ".join(pm.group("hon").split()) or None)
        cued.append((pm.start("given"), pm.end()))
        co = _coordinated_person(t, pm.end(), gaz)
        if co is not None:
            _add_person(gaz, lang, co.group("given"), co.group("family"), None)
            cued.append((co.start("given"), co.end("family")))
    return cued


def _name_at(gaz: Gazetteer, t: str, st: int, after_office: bool, after_initials: bool, headline: bool,
             doc: str) -> re.Match | None:
    """The name that starts at ``st`` after a cue: three to five name words where they hold, else two; after an
    office also family names in capitals (``after_office``) or given names as initials (``after_initials``)."""
    pm = PERSON3.match(t, st)
    if pm and _last_word_apart(doc, pm.group("given").split() + [pm.group("family")]):
        pm = None  # "Minister Karl Brenner Posen" at a sentence end: the place he visited
    if pm and not all(_name_ok(w, pm.group("family"), gaz) for w in pm.group("given").split()):
        pm = None
    if pm and headline and not is_given_name(pm.group("given").split()[-1]):
        pm = None  # "Governor Tim Walz Leads ...": two name words in a headline
    if pm is None:
        pm = PERSON.match(t, st)
    if pm is None and after_office:
        pm = PERSON_X.match(t, st)
    if pm is None and after_initials:
        pm = PERSON_INIT.match(t, st)
    return pm


def _shaped_persons(gaz: Gazetteer, t: str, lang: str, matches: list, cued: list[tuple[int, int]]) -> list:
    """Persons by name shape alone in the sentence ``t``, added to the gazetteer: a given name the name list
    knows, an East-Asian family name first, or a lone family name after an office and a title
    (``personnames``); never inside a known body or place or a name a cue found (``cued``). Returns the lone
    family names right after an office, (candidate, language) each, to be judged once the document is read."""
    # (a company named after its founder may be the family name: "Eginhard Vietz" of the firm Vietz)
    covered = [(m.start, m.end, all(gaz.entries[h.ref].local and gaz.entries[h.ref].type == COMPANY
                                    for h in m.hits if h.kind == "entity"))
               for m in matches
               if any(h.kind == "entity" and gaz.entries[h.ref].type in (ORGANIZATION, COMPANY, REGION, TOPIC)
                      for h in m.hits)]
    office_ends = {m.end() for m in _OFFICE_PHRASE.finditer(t)}
    lone_after_office = [(c, lang) for c in family_after_office(t, office_ends)
                         if not any(a < c.end and c.start < b for a, b, _ in covered)
                         and not _NAME_NEXT.match(t, c.end)]
    for c in given_name_candidates(t) + lone_family_after_title(t, office_ends):
        if any(a < c.end and c.start < b and not (founder and b == c.end and t[a:b] == c.family)
               for a, b, founder in covered):
            continue
        if any(a < c.end and c.start < b for a, b in cued):
            continue
        words = c.given.split() + [c.family]
        if not all(_name_ok(w, c.family, gaz, company_family=True) for w in words) or _quoted(t, c.start, c.end):
            continue
        _add_person(gaz, lang, c.given, c.family, None, c.name)
        co = _coordinated_person(t, c.end, gaz)
        if co is not None and not any(a < co.end() and co.start("given") < b for a, b, _ in covered):
            _add_person(gaz, lang, co.group("given"), co.group("family"), None)
    return lone_after_office


def _add_person(gaz: Gazetteer, lang: str, given: str, family: str, hon: str | None, name: str | None = None) -> None:
    """A new person in the document's gazetteer (unless one of that name is known), with its given and
    family name and its honorific; the bare family name is indexed for the same person."""
    full = name or f"{given} {family}".strip()
    if name is None and " " not in given and family_first(given, family):  # as written: family name first
        given, family = family, given
    if [e for e in gaz.lookup(full) if e.type == PERSON_T]:
        return
    nid = _new_id("person", full, gaz)
    props = {"family_name": family.split()[-1]}
    if given:
        props = {"given_name": given, **props}
    if hon and hon not in ("Herr", "Herrn", "Frau", "Mr.", "Ms.", "Mrs."):
        props["honorific"] = hon
    e = Entry(nid, PERSON_T, {lang: full}, {}, props, local=True)
    gaz.add(e)
    # the bare family name refers to the same person within this document
    gaz._index(family.split()[-1], Hit("entity", nid, lang))
