"""Press release text -> graph records (one Document node plus entities and relations).

The work is rule based and runs offline: the gazetteer finds known names,
``discover`` adds names the text defines or signals, and the rule modules in
``rules/`` (one per family of facts, each ``apply(doc, sentence, mentions)``)
read the relations sentence by sentence. ``records`` turns what they found into
records. Every record carries the sentence it comes from
(``Source(document, 'sentence N', evidence, span)``).
"""

from __future__ import annotations

import re

from graph.text import slug

from .dates import find_dates
from .discover import discover_organizations, discover_persons
from .gazetteer import Gazetteer, default_gazetteer
from .confidence import Confidences
from .model import Extraction, Held
from .typenames import COMPANY, ORGANIZATION
from .reading import to_plain
from .records import REFERENCE_DOC, REFERENCE_TITLE, build, is_reference, reference_document
from .rules import DOCUMENT_RULES, SENTENCE_RULES, roles
from .rules.context import Doc
from .rules.mentions import byline_end, dateline_date, is_dateline, sentence_mentions

__all__ = ["extract", "detect_language", "dateline_date", "is_reference", "reference_document",
           "REFERENCE_DOC", "REFERENCE_TITLE", "run_rules"]

_DE_WORDS = {"der", "die", "und", "das", "mit", "für", "von", "den", "ist", "sich", "auch", "nicht", "eine", "wird", "zu", "im"}
_EN_WORDS = {"the", "and", "of", "to", "with", "for", "is", "are", "was", "this", "that", "will", "on", "by", "in"}


def detect_language(text: str) -> str:
    words = re.findall(r"[a-zäöüß]+", text.lower())
    de = sum(w in _DE_WORDS for w in words)
    en = sum(w in _EN_WORDS for w in words)
    return "en" if en > de else "de"


def run_rules(d: Doc) -> None:
    """Find names, mark mentions and dates per sentence, then run the rules: the document-wide
    ones (roles) over every sentence first, then the sentence rules in order."""
    roles.add_roles(d.gaz)
    discover_organizations(d.gaz, d.sentences, d.lang)
    discover_persons(d.gaz, d.sentences, d.lang)
    for s in d.sentences:
        d.mentions[s.index] = sentence_mentions(s, d.gaz)
        all_dates = find_dates(s.text, d.published)
        d.dates[s.index] = [x for x in all_dates if not is_dateline(s.text, x)]
        for x in all_dates:
            if is_dateline(s.text, x):
                for m in d.mentions[s.index]:
                    if m.end <= x.start_char:
                        m.dateline = True
        if s.index <= 3:
            by = byline_end(s.text)
            for m in d.mentions[s.index]:
                if m.end <= by:
                    m.dateline = True
        d.mentions[s.index] = [m for m in d.mentions[s.index] if not (m.dateline and m.kind != "entity")]
    d.find_home()
    for s in d.sentences:
        for m in d.mentions[s.index]:
            if m.kind in ("entity", "topic"):
                d.use(m.ref, s.index)
        for rule in DOCUMENT_RULES:
            rule(d, s, [m for m in d.mentions[s.index] if not m.dateline])
    for s in d.sentences:
        ms = [m for m in d.mentions[s.index] if not m.dateline]
        for rule in SENTENCE_RULES:
            rule(d, s, ms)
    _regions_by_adjective(d)


# German states and cities have adjectives the texts use alone ("die niedersächsische Delegation", "die Kieler
# Firma"); a country's adjective ("deutsche Firmen") says where from, not which region the text is about
_ADJ_LEVELS = ("state", "city")


def _regions_by_adjective(d: Doc) -> None:
    """A state or city the text names only by its adjective is a region of the text - not where the
    adjective opens a body's name ("Hessische Agentur für ...": the body is named, not the state)."""
    for s in d.sentences:
        ms = d.mentions[s.index]
        for m in ms:
            if m.kind != "adjective" or m.ref in d.used or d.region_level(m.ref) not in _ADJ_LEVELS:
                continue
            if any(x.kind == "entity" and x.type in (ORGANIZATION, COMPANY) and x.start <= m.end + 1 and m.start < x.end
                   for x in ms):
                continue
            d.use(m.ref, s.index)


def extract(
    text: str,
    *,
    doc_id: str,
    published: str | None = None,
    title: str | None = None,
    source_url: str | None = None,
    language: str | None = None,
    known: Gazetteer | None = None,
    fmt: str | None = "text",
    reference: bool = True,
    min_confidence: float = 0.0,
    confidences: Confidences | None = None,
) -> Extraction:
    """Extract records from one press release.

    ``text`` is plain text, or HTML/Markdown when ``fmt`` says so (``None``: guess);
    spans refer to the plain text (``Extraction.text``). ``published`` (YYYY,
    YYYY-MM or YYYY-MM-DD) resolves 'heute', 'im letzten Jahr' and years left out.
    ``known`` is the gazetteer (default: the bundled one). ``reference``: add the
    gazetteer's reference facts about what the text names (seats, parent bodies,
    region hierarchy), cited as ``doc:regiograph-reference``. Every relation's source names the
    rule that read it and the rule's confidence (``confidences``, default the bundled
    ``rule_confidence.yaml``); a relation below ``min_confidence`` is left out of the batch and
    listed in ``Extraction.held``.
    """
    plain, markup_title = to_plain(text, fmt)
    lang = language or detect_language(plain)
    gaz = (known or default_gazetteer()).local_copy()
    if not doc_id.startswith("doc:"):
        doc_id = f"doc:{slug(doc_id)}"
    if published is None:
        published = dateline_date(plain)
    d = Doc(plain, doc_id, published, lang, gaz)
    run_rules(d)
    held: list[Held] = []
    batch = build(d, title or markup_title, source_url, reference=reference, min_confidence=min_confidence,
                  confidences=confidences, held=held)
    return Extraction(doc_id=doc_id, batch=batch, text=plain, language=lang, held=held)
