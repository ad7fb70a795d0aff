"""Adding a body or a company the text names to the document's gazetteer (``_register_org``): its type
and kind by its words (``classify``), its id, and the checks that it is no region, no topic and no longer
span around a body already known; also the tail of a run of words that is the name (``_best_tail``)."""

from __future__ import annotations

import re

from graph.text import fold

from ..gazetteer import Entry, Gazetteer, tokenize
from ..orgnames import COORD_EN, is_generic, split_coordinated
from ..typenames import COMPANY, ORGANIZATION, REGION, TOPIC
from .names import STOP, _HEAD_EN, _LEGAL, _LEGAL_LEAD, _new_id, _trim_left, strip_legal

LEGAL_COMPANY = re.compile(rf"(?<![\w])(?:{_LEGAL}|Co\.)(?![\w])")


# the kind of body a word in its (folded) name says, first match wins: a "Ministerium für Forschung" is a ministry
_KIND_WORDS = tuple((kind, re.compile(words)) for kind, words in (
    ("ministry", r"ministeri|ministry|departement|department of"),
    ("chamber", r"kammer|chamber|\bahk\b|\bihk\b"),
    ("cluster", r"cluster|netzwerk|network"),
    ("university", r"universit|hochschule|college"),
    ("research_institute", r"institut|fraunhofer|forschungszentrum|research|laborator|max planck|helmholtz|leibniz"),
    ("agency", r"agentur|agency|forderung|promotion|invest|accelerator|development|marketinggesellschaft|business center"),
    ("government", r"regierung|government|prefecture|metropolitan city|provinz|chancellery|kanzlei"),
    ("association", r"verband|association|verein|federation|\be v\b|society|alliance|council"),
))


def classify(name: str, gaz: Gazetteer) -> tuple[str, str | None]:
    """(node type, organization kind) for a name found in the text."""
    low = fold(name)
    # an Asian or Anglo-American company form at the end ("... Investment Management Co., Ltd."): a company,
    # whatever words it has ("Investment" would make it an agency)
    if re.search(r"(?:\bCo\.,?\s*Ltd|\bLtd|\bInc|\bLLC|\bCorp|\bPLC|\bPte\.?\s*Ltd|\bJSC)\.?$", name):
        return COMPANY, None
    for kind, words in _KIND_WORDS:
        if words.search(low):
            return ORGANIZATION, kind
    # "<Region> International GmbH" and the like: a public promotion agency
    first = name.split()[0] if name.split() else ""
    if re.search(r"\binternational\b|\bglobal\b", low) and any(e.type == REGION for e in gaz.lookup(first)):
        return ORGANIZATION, "agency"
    if LEGAL_COMPANY.search(name):
        return COMPANY, None
    return ORGANIZATION, "other"


def _names_it(e: Entry, name: str, type_override: str | None) -> bool:
    """Whether a region or topic the lookup found is really named so. Lookup also tries inflected forms
    ("Kelmer" -> a district "Kelmė"); a name a company cue stands by ("Maschinenbauer Kelmer") must be the
    region's own name, or a reference-data name of it, as written (folded) to be taken for it."""
    if type_override != COMPANY:
        return True
    return fold(name) in {fold(n) for n in e.all_names()}


def _register_org(gaz: Gazetteer, name: str, lang: str, acr: str | None = None, hint: str | None = None,
                  type_override: str | None = None) -> Entry | None:
    """Add the body or company ``name`` the text names to the document's gazetteer and return its entry
    (``acr``: its acronym; ``hint``: a word that says what it is, for ``classify``; ``type_override``: the
    type a cue decided). A body known by that name or acronym gets the name as an alias. Nothing for a
    span too short or generic, a region or a topic, or a span around a known body; two bodies joined by
    "and" are registered each on its own (and None is returned)."""
    name = name.strip(" ,")
    if (len(name) < 3 and not type_override) or is_generic(name) or COORD_EN.fullmatch(name):
        return None
    parts = split_coordinated(name) if not type_override else [name]
    if len(parts) > 1:  # two bodies joined by "and": each one on its own
        for p in parts:
            _register_org(gaz, p, lang, hint=hint)
        return None
    known = gaz.lookup(name)
    known = [e for e in known if e.type in (ORGANIZATION, COMPANY)] or ([] if not acr else [e for e in gaz.lookup(acr) if e.type in (ORGANIZATION, COMPANY)])
    if known:
        e = known[0]
        for n in (name, strip_legal(name), acr):
            if n and n not in e.all_names():
                gaz.add_alias(e.id, n, lang)
        return e
    if any(e.type in (REGION, TOPIC) and _names_it(e, name, type_override) for e in gaz.lookup(name)):
        return None
    if _spans_known_body(gaz, name, type_override):
        return None
    return _new_body(gaz, name, lang, acr, hint, type_override)


def _spans_known_body(gaz: Gazetteer, name: str, type_override: str | None) -> bool:
    """A span that contains a known body ("Verbände World Class 300 und High Potential ... Association") is
    not one name, unless the rest makes it a body of its own: a branch in a region, a field after "of", a
    company named after a known one."""
    short = strip_legal(name)
    # (the name after a legal form in front, "PT <Company> Indonesia", is read as the name itself)
    seen = short if re.match(_LEGAL_LEAD, name) else name
    for mm in gaz.match(seen, tokenize(seen)):
        if any(h.kind == "entity" and gaz.entries[h.ref].type in (ORGANIZATION, COMPANY) for h in mm.hits):
            # a company's branch in a region is a company of its own: "<Company> Sachsen GmbH"
            rest = short[mm.end:].strip()
            branch = (mm.start == 0 and short != name and rest
                      and any(e.type == REGION for e in gaz.lookup(rest)))
            # "National Velden University of Science and Technology" is not "National Velden University"
            # ("X Chamber of Commerce of the Southern States": a regional chapter of a known body, named in full)
            field = (mm.start == 0 and re.match(r"(?:of|for)\s+(?:the\s+)?[A-Z]", rest)
                     and not any(e.type == REGION for e in gaz.lookup(re.sub(r"^(?:of|for)\s+(?:the\s+)?", "", rest))))
            # "Siemens Energy" in a list of companies: a company named after a known one
            sister = (type_override == COMPANY and mm.start == 0 and len(rest.split()) == 1 and rest[:1].isupper()
                      and any(gaz.entries[h.ref].type == COMPANY for h in mm.hits if h.kind == "entity"))
            branch = branch or bool(field) or sister
            if mm.end - mm.start < len(short) - 1 and not branch:
                return True
    return False


def _new_body(gaz: Gazetteer, name: str, lang: str, acr: str | None, hint: str | None,
              type_override: str | None) -> Entry:
    """A new local entry for the body or company: type and kind by ``classify`` (with the hint word where
    the name alone says too little), an id from the acronym or the name without its legal form, the
    acronym and the legal form as properties, the acronym and the short name as aliases."""
    type_, kind = classify(name, gaz)
    if hint and kind in ("other", "association", None):
        type_, kind = classify(f"{hint} {name}", gaz)
    if type_override:
        type_, kind = type_override, (None if type_override == COMPANY else kind)
    prefix = "company" if type_ == COMPANY else "org"
    short = strip_legal(name)
    nid = _new_id(prefix, acr or short, gaz)
    props = {}
    if kind:
        props["kind"] = kind
    if acr:
        props["acronym"] = acr
    m = re.search(rf"{_LEGAL}$", name)
    if m:
        props["legal_form"] = m.group(0)
    aliases = [a for a in (acr, short if short != name else None) if a]
    e = Entry(nid, type_, {lang: name}, {lang: aliases} if aliases else {}, props, local=True)
    gaz.add(e)
    return e


def _region_adjective(gaz: Gazetteer, word: str, level: str | None = None) -> bool:
    """The word is, as a whole, the adjective of a region the gazetteer knows (of that level, if given)."""
    return any(h.kind == "adjective" and (level is None or gaz.entries[h.ref].properties.get("level") == level)
               for mm in gaz.match(word, tokenize(word)) if mm.start == 0 and mm.end == len(word) for h in mm.hits)


_DESCRIPTOR_ALWAYS = {"firma", "unternehmen", "company", "firm", "hersteller", "zulieferer", "start-up", "startup"}
# a German compound that says what the company is ("des Automobilzulieferers X", "des Pharmaunternehmens X")
_DESCRIPTOR_COMPOUND = re.compile(r"^[a-zäöüß-]{3,}(?:zulieferers?|herstellers?|unternehmens?|konzerns?|dienstleisters?|anbieters?|produzenten)$")
_DESCRIPTOR = re.compile(r"(?i)(?:netzwerk|network|cluster|verband|verein|association|initiative)$")


def _best_tail(name: str, gaz: Gazetteer) -> str:
    """Drop leading words that are generic nouns or other entities ('Vertreter der X GmbH' -> 'X GmbH',
    'Jenaer Firma Optovis GmbH' -> 'Optovis GmbH', 'Medizintechnik-Netzwerk MedTech Thüringen' -> 'MedTech Thüringen')."""
    words = name.split()
    for i in range(len(words) - 2, -1, -1):
        w = words[i].strip(",").lower()
        nxt = words[i + 1]
        # "Political Network STRING": an English head inside a capitalized run is part of the name
        in_run = i > 0 and words[i][:1].isupper() and " " not in w and words[i - 1][:1].isupper() \
            and words[i - 1].lower() not in STOP and re.fullmatch(r"(?i)network|cluster|association|initiative", w)
        if w in _DESCRIPTOR_ALWAYS or _DESCRIPTOR_COMPOUND.search(w) or (_DESCRIPTOR.search(w) and not in_run and not any(e.type == REGION for e in gaz.lookup(nxt)) and re.search(r"[A-Z].*[A-Z]|^[A-Z]{2}", nxt)):
            words = words[i + 1:]
            break
    # cut at the last lowercase connector followed by a new capitalized run that starts a name
    for i in range(len(words) - 1, 0, -1):
        if words[i - 1] in ("der", "des", "die", "dem", "den", "von", "vom", "the", "of", "bei", "mit") and i >= 1:
            # "Department of Commerce", "Port of X Authority": what follows "of" after a head belongs to the name
            if words[i - 1] in ("of", "for") and i >= 2 and re.fullmatch(rf"{_HEAD_EN}|Port|Bank|Government", words[i - 2]):
                continue
            head = " ".join(words[:i - 1])
            # "X Agency and the Y Institute": two names; the tail is this one (the head one is read on its own)
            if words[i - 1] in ("the", "der", "die", "das", "dem", "den") and i >= 2 and words[i - 2] in ("and", "und", "sowie"):
                words = words[i:]
                break
            if head and not re.search(rf"(?i)institut|ministeri|universit|kammer|verband|{_HEAD_EN}", head):
                words = words[i:]
                break
    return _trim_left(" ".join(words))
