"""Name shapes and helpers the recognizers share: capitalized runs of words and legal forms as regular
expressions, the English head words of a body's name, the words that cannot open a name (``STOP``), an
English headline in title case, trimming a run of words to a name, and new ids in the document's gazetteer."""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph.text import slug

from ..gazetteer import Entry, Gazetteer
from ..legalforms import legal_pattern

UPPER = "A-ZÄÖÜ"
# one way to match each word (a digit run cannot be split between \d and \w: that was exponential)
# a word starts at a word start, and its letters are never given back: a run of words is matched
# from each of its word starts at most, not from every character (linear-time rules)
_CAPWORD = rf"(?<![\w'’-])(?:[{UPPER}][\w'’]*+(?:-[\w'’]*+)*+|\d[\w-]*+)"
_CONN = r"(?:für|und|of|and|for|the|de|des|der|du|&|am|an|in|on|zu|,)"
# legal forms: German and English ones and cleanco's (``legalforms``)
_LEGAL = legal_pattern()
_RUN = rf"{_CAPWORD}(?:\s+(?:{_CONN}\s+)*{_CAPWORD})*"
# a legal form ends a name: "Kerner Optik GmbH and Brauer Laser AG" are two names
_CAPWORD_NL = rf"(?!{_LEGAL}(?![\w]))(?:{_CAPWORD})"
_RUN_NL = rf"{_CAPWORD_NL}(?:\s+(?:{_CONN}\s+)*{_CAPWORD_NL})*"
_HEAD_EN = (r"(?:Agency|Association|Chambers?|Institute|University|Ministry|Corporation|Foundation|Council|Cluster|Network|"
            r"Organi[sz]ation|Accelerator|Center|Centre|Society|Federation|Authority|Alliance|Hub|Campus|Board|School|"
            r"Commission|Bureau|Secretariat|Department|Chancellery|Committee|Office|"
            # a park is a body only as a science or technology park ("Science Park Saar"), not "Central Park"
            r"(?:(?<=Science )|(?<=Technology )|(?<=Research )|(?<=Innovation )|(?<=Industrial ))Park)")
STOP = {
    "die", "der", "das", "den", "dem", "des", "ein", "eine", "einer", "einen", "einem", "eines", "the", "a", "an", "mit",
    "bei", "von", "vom", "für", "auch", "im", "in", "am", "an", "auf", "aus", "zum", "zur", "nach", "und", "oder", "als",
    "wie", "so", "bereits", "dazu", "dabei", "zudem", "sowie", "unter", "über", "durch", "both", "as", "at", "by", "for",
    "from", "with", "on", "to", "this", "these", "that", "its", "their", "our", "his", "her", "diese", "dieser", "dieses",
    "diesem", "unsere", "unser", "ihre", "ihr", "sein", "seine", "all", "alle", "neue", "neuen", "new", "herr", "frau",
    "mr", "ms", "mrs", "während", "nun", "jetzt", "heute", "today", "gestern", "zwischen", "between", "neben", "beim",
    "ziel", "doch", "gerade", "organisiert", "angeführt", "unterschrieben", "unterzeichnet", "vertreter", "vertreterin",
    "vertretern", "delegation", "geschäftsführer", "geschäftsführerin", "präsident", "präsidentin", "vorsitzende",
    "vorsitzender", "anschließend", "zum", "abschluss", "zusammen", "gemeinsam", "veranstalter", "mitglied", "member",
    "members", "mitglieder", "partner", "kooperationspartner", "ansprechpartner", "ansprechpartnerin", "tel", "e-mail",
    "telefon", "fax", "telefax", "links", "foto", "quelle", "source", "medien", "hinweis", "im", "rund", "ca", "seit",
    # sentence adverbs before a name ("Later Velden University signed ...")
    "later", "then", "also", "now", "meanwhile", "afterwards", "yesterday", "recently", "finally", "additionally",
    "furthermore", "moreover", "besides", "meanwhile", "später", "danach", "außerdem", "zudem", "ebenso",
    # titles written without a full stop ("Dr Tschentscher", British style)
    "dr", "prof", "herrn", "sir", "dame",
}
NAME_PREFIX_FAMILIES = {"fraunhofer", "max-planck", "max planck", "leibniz", "helmholtz", "steinbeis"}
# capitalized function words mid-line mark an English headline in title case
_TITLE_WORDS = re.compile(r"\s(?:With|From|To|In|On|At|As|By|After|Over|Into|Amid|Ahead|Via)\s")
_TITLE_BREAK = re.compile(r"(?<![\w-])(?:With|From|To|In|On|At|As|By|After|Over|Into|Amid|Via|Between|Among|Announces|Announced)\s+")


def title_case(sentence: str, lang: str = "en") -> bool:
    """An English headline in title case: no final punctuation, and a capitalized function word mid-line or
    nearly every longer word capitalized ("Governor Leads Trade Mission to Germany to Strengthen Ties")."""
    t = sentence.rstrip()
    if lang != "en" or not t or t[-1] in ".!?\"”:;)":
        return False
    longer = re.findall(r"(?<![\w'’-])[A-Za-z][\w'’-]{3,}", t)
    caps = sum(1 for w in longer if w[0].isupper())
    return bool(_TITLE_WORDS.search(t)) or (len(longer) >= 5 and caps >= 0.8 * len(longer))


# a legal form written before the name: Indonesian "PT" (Perseroan Terbatas), "PT." ("PT Velden Nusantara")
_LEGAL_LEAD = r"PT\.?[ \t]+"


def strip_legal(name: str) -> str:
    """The name without its legal form at the end ('GmbH') or in front ('PT')."""
    return re.sub(rf"^{_LEGAL_LEAD}", "", re.sub(rf"\s+{_LEGAL}$", "", name)).strip()


def _trim_left(run: str) -> str:
    """The run without the words that cannot open a name (``STOP``) in front and without a connector or a
    comma at its end."""
    words = run.split(" ")
    while words and (words[0].lower().strip(",") in STOP or words[0] in (",",)):
        words = words[1:]
    while words and words[-1] in (",", "und", "and", "&", "of", "for", "für"):
        words = words[:-1]
    return " ".join(words).strip(" ,")


@dataclass
class Found:
    entry: Entry
    sentence: int


def _new_id(prefix: str, label: str, gaz: Gazetteer) -> str:
    """A node id from the prefix and the label's slug, numbered on where the gazetteer has it already."""
    base = f"{prefix}:{slug(label)}"
    nid, n = base, 2
    while nid in gaz.entries:
        nid, n = f"{base}-{n}", n + 1
    return nid
