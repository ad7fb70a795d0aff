"""Companies from lists and reference data: enumerations and descriptions (``orgnames``), bodies a
sentence cues by an office holder, a seat or a parent, the stock-index companies (``refcompanies``), the
other names of a list that holds a known company, and bulleted lists of participants."""

from __future__ import annotations

import re

from graph.text import fold

from ..gazetteer import Gazetteer
from ..orgnames import (LIST_INTRO, PAIRS_INTRO, bullet_item, bullet_names, cued_bodies, described_companies,
                        enumerated_companies, headed_companies, is_common_noun, is_generic, name_like, name_lists)
from ..personnames import given_name_candidates
from ..refcompanies import listed_companies
from ..sentences import Sentence
from ..typenames import COMPANY, PERSON as PERSON_T, REGION, TOPIC
from .names import STOP
from .personshapes import HONORIFIC, _NAME_THEN_OFFICE
from .register import _register_org, classify


def _enumerated_companies(gaz: Gazetteer, t: str, lang: str) -> None:
    """Companies of an enumeration, a description ('the carmaker X') or a company head word (``orgnames``);
    longer names first: 'LG Chem' before 'LG' (a name containing a known body is not registered)."""
    for c in sorted(dict.fromkeys(enumerated_companies(t, lang) + described_companies(t, lang) + headed_companies(t)),
                    key=lambda n: -len(n)):
        if not any(e.type in (REGION, PERSON_T, TOPIC) for e in gaz.lookup(c, base=False)):
            _register_org(gaz, c, lang, type_override=COMPANY)


def _cued_bodies(gaz: Gazetteer, t: str, lang: str) -> None:
    """Bodies named by what a sentence says of them (``orgnames.cued_bodies``): a company's office holder
    "of" it, its seat ("Munich-based X", "X, headquartered in Y", "X mit Sitz in Y"), its parent. A company
    unless its head word says otherwise; not a person, a place or a topic; a seat must be a known region."""
    for name, place in cued_bodies(t, lang):
        if place is not None and not any(e.type == REGION for e in gaz.lookup(place)):
            continue
        if any(e.type in (REGION, PERSON_T, TOPIC) for e in gaz.lookup(name, base=False)) or any(
                e.type == REGION for e in gaz.lookup(name)):
            continue
        if any(c.start == 0 for c in given_name_candidates(name)) or fold(name.split()[0]) in STOP:
            continue  # "Sarah Cole, based in Munich": a person
        type_, kind = classify(name, gaz)
        e = _register_org(gaz, name, lang, type_override=COMPANY if kind in (None, "other") else None)
        if e is not None and name.endswith("-Gruppe") and name[:-7] not in e.all_names():
            gaz.add_alias(e.id, name[:-7], lang)  # "die WKW-Gruppe" ... "WKW"


def _reference_companies(gaz: Gazetteer, t: str, lang: str) -> None:
    """Listed companies (``refcompanies``: index constituents from ``pytickersymbols``) the sentence names
    with the guards of that module; never a name the text already has as a region, a person or a body."""
    for name in listed_companies(t, STOP):
        if any(e.type != COMPANY for e in gaz.lookup(name)):
            continue
        _register_org(gaz, name, lang, type_override=COMPANY)


def _company_companions(gaz: Gazetteer, sentences: list[Sentence], lang: str) -> None:
    """The other names of a list that names a company the gazetteer knows ('Bosch, Velden Tools and Orsbach
    Systems'): companies too, when no item is a region, a person, a body or a common word; in German only
    items written like names (``orgnames.name_like``), as every noun is capitalized there."""
    for s in sentences:
        for items in name_lists(s.text):
            kinds = []
            for it in items:
                known = gaz.lookup(it)
                kinds.append(known[0].type if known else None)
            if COMPANY not in kinds or any(k not in (None, COMPANY) for k in kinds):
                continue
            for it, k in zip(items, kinds):
                if k is not None or is_generic(it) or fold(it.split()[0]) in STOP:
                    continue
                if any(c.start == 0 for c in given_name_candidates(it)) or classify(it, gaz)[1] not in (None, "other"):
                    break  # a person or a body in the list: not a list of companies
                # a plain German word is a name too where two items or more are companies already
                # ("bei Velden, Orsbach und Kelmer"), unless it is written like a common noun
                if lang == "de" and not name_like(it) and (kinds.count(COMPANY) < 2 or is_common_noun(it)):
                    continue
                _register_org(gaz, it, lang, type_override=COMPANY)


def _listed_companies(gaz: Gazetteer, sentences: list[Sentence], lang: str) -> None:
    """Names in the bulleted lines after a line that announces companies ("Teilnehmende Unternehmen:"): a
    company each, or the body its head word says ("- Velden University"); the list ends at the first line
    without a bullet. A person ("- Dr. Jana Orlik", "- Jana Orlik, CEO") or a region is not made a company."""
    listing = None
    for s in sentences:
        item = bullet_item(s.text)
        if item is None:
            listing = "companies" if LIST_INTRO.search(s.text) else "parties" if PAIRS_INTRO.search(s.text) else None
            continue
        # a person in the list: a title before the name, or an office after it ("- Jana Orlik, CEO")
        if listing is None or re.match(HONORIFIC, item).end() or _NAME_THEN_OFFICE.search(s.text):
            continue
        names = bullet_names(s.text)
        if listing == "parties":  # only lines of names; a given name first may be a person there
            names = [n for n in names if not any(c.start == 0 for c in given_name_candidates(n))]
        elif not names:
            names = [item]
        for name in names:
            if any(e.type in (REGION, PERSON_T, TOPIC) for e in gaz.lookup(name, base=False)):
                continue
            type_, kind = classify(name, gaz)
            _register_org(gaz, name, lang, type_override=COMPANY if kind in (None, "other") else None)
