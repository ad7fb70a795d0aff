"""Finding names the gazetteer does not know: acronym definitions, organization
and company names (legal forms, head nouns), and persons (next to a role word,
an honorific or a verb of saying). Found names are added to the document's own
copy of the gazetteer, so that later mentions (also the bare family name
'Dulig' or the acronym 'KOSME') are recognized.

One module a job: ``places`` (small towns, areas), ``organizations`` (the body and company recognizer
and its three passes: ``defined`` names by acronym or legal form, ``typewords`` names by a type word or
a cue, then ``headnames``, ``governments`` and ``institutions``), ``companies`` (companies from lists
and reference data), ``register`` (adding a body to the gazetteer), ``persons`` with ``personshapes``
(persons by cue or name shape), ``names`` (name shapes and helpers they share).

The names below are this package's interface. ``is_given_name`` and ``listed_companies`` are re-exported
for reading only: a module calls them through its own global, so a test or a benchmark that replaces one
patches it in the modules that use it (``places``, ``headnames``, ``persons``; ``companies``).
"""

from ..givennames import is_given_name
from ..refcompanies import listed_companies
from .defined import best_long_form
from .names import NAME_PREFIX_FAMILIES, STOP, UPPER, Found, strip_legal, title_case
from .organizations import discover_organizations
from .persons import discover_persons
from .personshapes import HONORIFIC, PERSON, PERSON3, PERSON_INIT, PERSON_X
from .places import discover_areas, discover_places
from .register import LEGAL_COMPANY, _register_org, classify

__all__ = [
    "HONORIFIC", "LEGAL_COMPANY", "NAME_PREFIX_FAMILIES", "PERSON", "PERSON3", "PERSON_INIT", "PERSON_X", "STOP",
    "UPPER", "Found", "_register_org", "best_long_form", "classify", "discover_areas", "discover_organizations",
    "discover_persons", "discover_places", "is_given_name", "listed_companies", "strip_legal", "title_case",
]
