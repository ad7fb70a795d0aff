"""Bodies named by a type word or a cue, the second pass of ``discover_organizations``: the candidates
of ``orgnames``, a body whose presidency passes or that is 'called' X, parties, and the companies of
``companies`` read in the same sentence."""

from __future__ import annotations

import re
from collections import Counter

from ..gazetteer import Gazetteer, token_forms, tokenize
from ..orgnames import org_candidates, party_names
from ..sentences import Sentence
from ..typenames import COMPANY, ORGANIZATION, PERSON as PERSON_T, REGION, TOPIC
from .companies import _cued_bodies, _enumerated_companies, _reference_companies
from .names import _RUN, _trim_left
from .register import _region_adjective, _register_org

# a body whose presidency or chair passes between its members ("die Präsidentschaft der „X für Y“", "the
# presidency of the X for Y"): the name after the cue, in quotes or as a run of capitalized words
_NAME_QUOTED = r"[„“\"»](?P<q>[A-ZÄÖÜ][^„“”\"«»]{2,60}?)[“”\"«]"
_PRESIDED_BODY = re.compile(rf"(?<![\w-])(?:[Pp]residency|[Cc]hairmanship|[Pp]räsidentschaft|[Vv]orsitz)\s+(?:of\s+the|der|des)\s+"
                            rf"(?:{_NAME_QUOTED}|(?P<name>{_RUN}))")
# a group of states or regions introduced by what it is and its name ("an alliance of regions called the X",
# "ein Netzwerk namens X"); the English article before the name is part of it as written
_CALLED_BODY = re.compile(rf"(?<![\w-])(?:alliance|network|association|group|league|Netzwerk|Bündnis|Verbund|Zusammenschluss)\s+"
                          rf"(?:of\s+(?:[a-z]+\s+){{1,3}})?(?:called|named|known\s+as|namens|mit\s+dem\s+Namen)\s+"
                          rf"(?:{_NAME_QUOTED}|(?:the\s+)?(?P<name>{_RUN}))")


def _stub_only_in_coordinations(stub: str, doc_forms: Counter, doc_text: str) -> bool:
    """True when the word ``stub`` ('Verkehrs') occurs in the document only as the first part of a coordinated
    compound ('Verkehrs-, Umwelt- und Finanzministerium'), so that it can stand for the whole compound.
    ``doc_forms`` counts the document's token forms (``token_forms``), ``doc_text`` is its sentences joined."""
    as_word = max(doc_forms[f] for f in token_forms(stub))
    as_stub = len(re.findall(rf"(?<![\w-]){re.escape(stub)}-(?=,|\s)", doc_text))
    return as_word == as_stub


def _form_counts(sentences: list[Sentence]) -> Counter:
    """How often each token form (``token_forms``) occurs in the document, counted once per token."""
    out: Counter = Counter()
    for s in sentences:
        for tok, _, _ in tokenize(s.text):
            out.update(set(token_forms(tok)))
    return out


class _DocumentForms:
    """The document's token-form counts and joined text, computed on first use (only the stub of a
    coordinated compound needs them)."""

    def __init__(self, sentences: list[Sentence]) -> None:
        self.sentences = sentences
        self.forms: Counter | None = None
        self.text = ""

    def stub_only_in_coordinations(self, stub: str) -> bool:
        """``_stub_only_in_coordinations`` for this document."""
        if self.forms is None:
            self.forms, self.text = _form_counts(self.sentences), "\n".join(x.text for x in self.sentences)
        return _stub_only_in_coordinations(stub, self.forms, self.text)


def _typed_names(gaz: Gazetteer, t: str, lang: str, forms: _DocumentForms) -> None:
    """Second pass, one sentence: names by type words and cues, parties, companies of enumerations,
    descriptions and reference lists."""
    _type_word_bodies(gaz, t, lang, forms)
    # (before companies by their head word: "the X Motors for Europe" is a network, not "X Motors")
    for rx in (_PRESIDED_BODY, _CALLED_BODY):
        for m in rx.finditer(t):
            _network_body(gaz, m.group("q") or m.group("name"), lang)
    for p in party_names(t):
        _register_org(gaz, p, lang, type_override=ORGANIZATION)
    _enumerated_companies(gaz, t, lang)
    _cued_bodies(gaz, t, lang)
    _reference_companies(gaz, t, lang)


def _type_word_bodies(gaz: Gazetteer, t: str, lang: str, forms: _DocumentForms) -> None:
    """Names by type words, coordinated compounds, parties, companies in enumerations (``orgnames``)."""
    for name, hint, alias in org_candidates(t, lambda n: any(e.type == REGION for e in gaz.lookup(n)), lang,
                                            lambda w: _region_adjective(gaz, w)):
        # the short form of a body found with its full name ('Chemie-Cluster' for 'Chemie-Cluster Nord e. V.')
        longer = [e for e in gaz.entries.maps[0].values() if e.local and e.type in (ORGANIZATION, COMPANY)
                  and any(n.startswith(name + " ") for n in e.all_names())] if hasattr(gaz.entries, "maps") else []
        if longer:
            if name not in longer[0].all_names():
                gaz.add_alias(longer[0].id, name, lang)
            continue
        # "Staatsministerium für Wirtschaft, Arbeit und Verkehr (SMWA)": the body the acronym names
        acr = re.search(re.escape(name) + r"\s*\((?P<a>[A-ZÄÖÜ][\w&-]{1,11})\)", t)
        by_acr = [x for x in gaz.lookup(acr.group("a")) if x.type in (ORGANIZATION, COMPANY)] if acr else []
        if by_acr and not any(x.type in (ORGANIZATION, COMPANY) for x in gaz.lookup(name)):
            gaz.add_alias(by_acr[0].id, name, lang)
            continue
        e = _register_org(gaz, name, lang, hint=hint)
        if alias and alias.endswith("-"):  # a part of a coordinated compound ("Verkehrs-, ... ministerium")
            alias = alias[:-1] if forms.stub_only_in_coordinations(alias[:-1]) else None
        if e is not None and alias and alias not in e.all_names():
            gaz.add_alias(e.id, alias, lang)


def _network_body(gaz: Gazetteer, name: str, lang: str) -> None:
    """A body named after a presidency or 'called': not a region or a body the text names otherwise, and at
    least two words ('the presidency of the European Union' finds the known union, 'of Lombardy' no body)."""
    name = _trim_left(name.strip())
    if len(name.split()) < 2 or any(e.type in (REGION, PERSON_T, TOPIC) for e in gaz.lookup(name)):
        return
    _register_org(gaz, name, lang)
