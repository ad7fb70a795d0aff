"""The body and company recognizer (``discover_organizations``): places first, then three passes over
the sentences, from the names a text defines to names by a head word or a body's kind."""

from __future__ import annotations

from ..gazetteer import Gazetteer
from ..sentences import Sentence
from .companies import _company_companions, _listed_companies
from .defined import _defined_names
from .governments import _governments_and_missions, _possessive_bodies, _region_offices, _senator_departments
from .headnames import _cooperation_bodies, _head_first_names, _head_names_en
from .institutions import _appositions, _chambers_and_universities, _foreign_bodies, _region_agencies
from .places import discover_areas, discover_places
from .typewords import _DocumentForms, _typed_names


def discover_organizations(gaz: Gazetteer, sentences: list[Sentence], lang: str) -> None:
    """Bodies and companies the gazetteer does not hold, added to the document's gazetteer, in three passes
    over the sentences: names a text defines (acronym, legal form), names by a type word or a cue, and names
    by an English head word or a body's kind (government, mission, chamber, university, apposition)."""
    # towns in context first: a body named after its town ("Hafen Kelmsund") then sees a region
    discover_places(gaz, sentences, lang)
    discover_areas(gaz, sentences, lang)
    # three passes, so that a name with a legal form or an acronym ('X-Cluster Y e. V.') is known before
    # a shorter type-word name inside it ('X-Cluster' in a headline) could claim the span
    for s in sentences:
        _defined_names(gaz, s.text, lang)
    forms = _DocumentForms(sentences)
    for s in sentences:
        _typed_names(gaz, s.text, lang, forms)
    _listed_companies(gaz, sentences, lang)
    _company_companions(gaz, sentences, lang)
    whole = "\n".join(s.text for s in sentences)
    for s in sentences:
        _headed_names(gaz, s.text, lang, whole)


def _headed_names(gaz: Gazetteer, t: str, lang: str, whole: str = "") -> None:
    """Third pass, one sentence: names by an English head word, governments and missions, chambers,
    universities, appositions and a region's offices and agencies (``whole``: the text's sentences joined)."""
    _head_names_en(gaz, t, lang, whole)
    _cooperation_bodies(gaz, t, lang)
    _head_first_names(gaz, t, lang)
    _governments_and_missions(gaz, t, lang)
    _possessive_bodies(gaz, t, lang)
    _chambers_and_universities(gaz, t, lang)
    _appositions(gaz, t, lang)
    _senator_departments(gaz, t, lang)
    _region_offices(gaz, t, lang)
    _foreign_bodies(gaz, t, lang)
    _region_agencies(gaz, t, lang)
