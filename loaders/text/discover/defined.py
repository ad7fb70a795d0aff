"""Names a text defines, the first pass of ``discover_organizations``: an acronym with its long form in
brackets (or the long form after the acronym), a name before a legal form ('GmbH', 'Co.') or after one ('PT')."""

from __future__ import annotations

import re

from graph.text import fold

from ..gazetteer import Gazetteer, tokenize
from ..typenames import COMPANY, ORGANIZATION, PERSON as PERSON_T, REGION
from .names import NAME_PREFIX_FAMILIES, STOP, UPPER, _HEAD_EN, _LEGAL, _LEGAL_LEAD, _RUN, _RUN_NL, _trim_left
from .register import _best_tail, _register_org

_ACRONYM_DEF = re.compile(rf"(?P<long>{_RUN}(?:\s+{_LEGAL})?)\s*\((?P<acr>[{UPPER}][A-Za-z0-9&_\-]{{1,11}})\)")
_LEGAL_NAME = re.compile(rf"(?P<name>{_RUN_NL})\s+(?P<legal>{_LEGAL})(?![\w])")
_NAME_JOIN = re.compile(r",\s+|\s+(?:and|und|sowie|&)\s+")
# a company's short name written in capitals ("BASF", "SCHOTT"), not an acronym of two letters
_CAPS_NAME = re.compile(r"[A-ZÄÖÜ]{3,}")
# a name of hyphen-joined capitalized parts ("Rhein-Port", "Main-Nord-Hub"): a name of its own before "and"
_JOINED_NAME = re.compile(r"[A-ZÄÖÜ][\w]*(?:-[A-ZÄÖÜ0-9][\w]*)+")


def _cut_joined_names(full: str, gaz: Gazetteer, lang: str) -> str:
    """The last name of a run of names before a legal form ("BASF und Velden AG" -> "Velden"): a known body,
    a short name in capitals ("BASF") or a hyphen-joined name ("Rhein-Port") before "und"/"and" is a name of
    its own (the latter two are registered as companies); cut as often as the run holds such names."""
    cut = True
    while cut:
        cut = False
        for j in _NAME_JOIN.finditer(full):
            first = full[:j.start()]
            if any(e.type in (ORGANIZATION, COMPANY) for e in gaz.lookup(first)):
                full, cut = full[j.end():], True
                break
            if (_CAPS_NAME.fullmatch(first) or _JOINED_NAME.fullmatch(first)) \
                    and j.group(0).strip() in ("und", "and", "sowie") and not gaz.lookup(first):
                _register_org(gaz, first, lang, type_override=COMPANY)
                full, cut = full[j.end():], True
                break
    return full


_LEAD_LEGAL_NAME = re.compile(rf"(?<![\w.-])(?P<name>{_LEGAL_LEAD}[A-Z][\w&'’-]*(?:[ \t]+(?:&[ \t]+)?[A-Z][\w&'’-]*){{0,3}})")
# "Velden Foods Co.": "Co." after a name (not the start of "Co., Ltd." or "Co. KG", read as legal forms)
_CO_NAME = re.compile(rf"(?P<name>{_RUN_NL})\s+Co\.(?![\w])(?!,?\s*(?:Ltd|KG|Kg|LLC|Inc)\b)")
_ACRONYM_FIRST = re.compile(rf"(?<![\w-])(?P<acr>[{UPPER}][A-Z0-9&]{{1,11}})\s*\((?P<long>{_RUN})\)")


def _initials(words: list[str]) -> str:
    """The first letters of the capitalized words, legal forms left out ('Velden Trade Agency' -> 'VTA')."""
    return "".join(w[0] for w in words if w and w[0].isupper() and not re.fullmatch(_LEGAL, w))


def _is_subsequence(acr: str, text: str) -> bool:
    """Every letter of the acronym occurs in the text, in its order (not necessarily side by side)."""
    it = iter(text)
    return all(ch in it for ch in acr)


def best_long_form(run: str, acr: str) -> str | None:
    """The part of a capitalized run that the acronym abbreviates ('Vertreter der Japan
    External Trade Organization' + 'JETRO' -> 'Japan External Trade Organization')."""
    words = run.split()
    a = acr.lower().replace("-", "").replace("_", "").replace("&", "")
    cands = []
    for i, w in enumerate(words):
        if not w[:1].isupper() or w[0].lower() != a[:1]:
            continue
        cand = words[i:]
        if cand[0].lower().strip(",") in STOP:
            continue
        ini = _initials(cand).lower()
        text = " ".join(cand).lower()
        if ini == a:
            cands.append((0, i))
        elif _is_subsequence(a, text.replace(" ", "")):
            cands.append((1, -i))
    if not cands:
        # acronyms of another language ('IKTS' for 'Fraunhofer Institute for Ceramic
        # Technologies and Systems'): the whole run when it names an institution
        run2 = _trim_left(run)
        if len(run2.split()) >= 3 and re.search(_HEAD_EN + r"|Institut|Agentur|Gesellschaft|Verband|Kammer", run2) and a[:1] in _initials(run2.split()).lower():
            words2 = run2.split()
            # start at the first word whose initial is the acronym's or that opens a research-family name
            for i, w in enumerate(words2):
                if fold(w) in NAME_PREFIX_FAMILIES or (w[:1].isupper() and w[0].lower() == a[:1]):
                    return " ".join(words2[i:])
            return run2
        return None
    cands.sort()
    tier, i = cands[0]
    i = abs(i)
    # research family names in front: "Fraunhofer Institute for ..."
    if i > 0 and fold(words[i - 1]) in NAME_PREFIX_FAMILIES:
        i -= 1
    out = " ".join(words[i:]).strip(" ,")
    return out if len(out) > len(acr) else None


def _defined_names(gaz: Gazetteer, t: str, lang: str) -> None:
    """First pass, one sentence: names the text defines, by an acronym in brackets or a legal form."""
    _acronym_definitions(gaz, t, lang)
    _legal_form_names(gaz, t, lang)
    _acronyms_first(gaz, t, lang)
    for m in _LEAD_LEGAL_NAME.finditer(t):
        _register_org(gaz, m.group("name"), lang, type_override=COMPANY)
    _co_names(gaz, t, lang)


def _acronym_definitions(gaz: Gazetteer, t: str, lang: str) -> None:
    """'Long Name (ACR)': the long form the acronym abbreviates, a new body or an alias of the known one."""
    for m in _ACRONYM_DEF.finditer(t):
        acr = m.group("acr")
        if acr.isdigit() or not re.search(r"[A-Z].*[A-Z]|^[A-Z]{2,}", acr):
            continue
        long = best_long_form(m.group("long"), acr)
        acr_known = [e for e in gaz.lookup(acr) if e.type in (ORGANIZATION, COMPANY)]
        if long is None:
            continue
        long_known = [e for e in gaz.lookup(long) if e.type in (ORGANIZATION, COMPANY)]
        if acr_known and not long_known:
            long = _best_tail(long, gaz)
            inner = [h for mm in gaz.match(long, tokenize(long)) for h in mm.hits
                     if h.kind == "entity" and gaz.entries[h.ref].type in (ORGANIZATION, COMPANY)]
            if long and not inner and len(long.split()) <= 12:
                gaz.add_alias(acr_known[0].id, long, lang)
        elif not acr_known:
            _new_acronym_body(gaz, m.group("long"), long, acr, lang)


def _new_acronym_body(gaz: Gazetteer, run: str, long: str, acr: str, lang: str) -> None:
    """A body first met with its acronym. "Nebraska Department of Economic Development (DED)": a region right
    before the words the acronym abbreviates belongs to the name; the shorter form is an alias."""
    head = run[: len(run) - len(long)].split() if run.endswith(long) else []
    region = next((" ".join(head[-k:]) for k in (1, 2) if len(head) >= k
                   and any(x.type == REGION for x in gaz.lookup(" ".join(head[-k:])))), None)
    if region and re.match(_HEAD_EN, long):
        e = _register_org(gaz, f"{region} {long}", lang, acr)
        if e is not None and long not in e.all_names():
            gaz.add_alias(e.id, long, lang)
    else:
        _register_org(gaz, long, lang, acr)


def _legal_form_names(gaz: Gazetteer, t: str, lang: str) -> None:
    """A name before a legal form ('Velden Tools GmbH'), with the word in front as a hint of its kind."""
    for m in _LEGAL_NAME.finditer(t):
        full = _trim_left(m.group("name"))
        if not full or not full[0].isupper():
            continue
        # "Toyota Motor Corporation and Velden Tools GmbH": a known body before "and" is a name of its own
        # ("BASF und Velden AG": so is a single word in capitals, a company's short name of its own)
        # ("Nord-Fonds, Rhein-Port und Velden Systeme GmbH": a cut name may be followed by more of them)
        full = _cut_joined_names(full, gaz, lang)
        name = _best_tail(full, gaz)
        if name:
            dropped = full[: len(full) - len(name)].strip()
            # the word in front says what it is: "the photonics network OptoNet e. V."
            before = re.search(r"([\w-]+)\s+$", t[: m.start()])
            hint = " ".join(x for x in (dropped, before.group(1) if before else "") if x)
            _register_org(gaz, f"{name} {m.group('legal')}", lang, hint=hint or None)


def _acronyms_first(gaz: Gazetteer, t: str, lang: str) -> None:
    """"KOTRA (Korea Trade-Investment Promotion Agency)": a known body's acronym, then its long form in brackets."""
    for m in _ACRONYM_FIRST.finditer(t):
        known = [e for e in gaz.lookup(m.group("acr")) if e.type in (ORGANIZATION, COMPANY)]
        long = m.group("long")
        if known and len(long.split()) >= 2 and not any(e.type in (ORGANIZATION, COMPANY, REGION) for e in gaz.lookup(long)):
            gaz.add_alias(known[0].id, long, lang)


def _co_names(gaz: Gazetteer, t: str, lang: str) -> None:
    """'Velden Foods Co.': a company, or an alias of a known 'X Company' ("Co." short for "Company")."""
    for m in _CO_NAME.finditer(t):
        full = _best_tail(_trim_left(m.group("name")), gaz)
        words = (full or "").split()
        same = [(w, e) for k in range(len(words)) for w in [" ".join(words[k:])]
                for e in gaz.lookup(f"{w} Company") if e.type in (ORGANIZATION, COMPANY)]
        if same:
            gaz.add_alias(same[0][1].id, f"{same[0][0]} Co.", lang)
        elif full and full[0].isupper() and not any(e.type in (REGION, PERSON_T) for e in gaz.lookup(full)):
            e = _register_org(gaz, f"{full} Co.", lang, type_override=COMPANY)
            if e is not None and full not in e.all_names():
                gaz.add_alias(e.id, full, lang)  # the name without "Co." names it too
