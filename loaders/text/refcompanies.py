"""Listed companies from maintained reference data instead of a hand list.

The names come from ``pytickersymbols`` (the constituents of DAX, MDAX, SDAX, TecDAX, EURO STOXX 50, CAC 40,
FTSE 100, S&P 500, NASDAQ 100, NIKKEI 225 and further indices). A text writes a company shorter than the
register does: the legal form (``cleanco`` and ``legalforms``), "Group", "Holding(s)", "Company",
"Corporation" and a qualifier in brackets ("Puma (brand)") are left off, and "Ford Motor" is also "Ford".

Names are matched as written (case-sensitive), on their own (not inside a longer capitalized name) or as
the first part of a German compound ("<Name>-Werk"). A name that is one plain capitalized word ("Airbus",
"Allianz", "Target", "Ford") may be an ordinary word, a person or a place as well, so it counts only where
the sentence says it is a business: a company word right before it ("der Autobauer <Name>"), a compound
with a business head ("<Name>-Zentrale", "<Name>-Standort"), or a list of names in a sentence about
companies ("Besuche bei <A>, <B> und <C>" with "Unternehmen..." in the sentence). Names in capitals or with
digits ("BMW", "3M", "E.ON") and names of several words ("Deutsche Post") need no such context.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .legalforms import legal_pattern

# words a register name ends with that a text leaves off ("Volkswagen Group", "Indus Holding")
# (compared in lower case)
_TAIL_WORDS = {"group", "holding", "holdings", "company", "companies", "corporation", "incorporated", "limited",
               "international", "worldwide", "co", "co.", "corp", "corp.", "inc", "inc.", "plc", "ag",
               "se", "ltd", "ltd.", "sa", "nv", "n.v.", "s.a.", "ab", "asa", "oyj", "&"}
# a trade word after a one-word name that texts also drop ("Ford Motor" -> "Ford")
_TRADE_WORDS = {"Motor", "Motors", "Airlines", "Pharmaceuticals", "Pharma", "Technologies", "Electronics",
                "Industries", "Systems"}
# first words that are ordinary adjectives: "General Motors" is never "General"
_NOT_SHORT = re.compile(r"^(?:General|American|National|United|First|Public|International|Global|Universal|"
                        r"Advanced|Applied|Digital|Royal|Standard|Western|Eastern|Northern|Southern|Central|"
                        r"Deutsche|Japan|China|British|Swiss)$|(?:ian|ean|ese|ish|ican)$")
_BRACKET = re.compile(r"\s*\([^()]*\)$")
_KEY = re.compile(r"[\w&+]+")


def _short_names(name: str) -> set[str]:
    """The forms of one register name a text uses."""
    from cleanco import basename

    name = _BRACKET.sub("", name).strip()
    out = {name}
    base = re.sub(rf"[,\s]+{legal_pattern()}$", "", basename(name)).strip(" ,")
    words = base.split()
    while len(words) > 1 and words[-1].lower() in _TAIL_WORDS:
        words = words[:-1]
    if words:
        out.add(" ".join(words))
    if len(words) == 2 and words[1] in _TRADE_WORDS and not _NOT_SHORT.search(words[0]) and len(words[0]) >= 4:
        out.add(words[0])
    return {n for n in out if len(n) >= 2 and _KEY.match(n)}


@lru_cache(maxsize=1)
def listed_company_names() -> dict[str, list[str]]:
    """First word -> the short names starting with it (longest first), of every listed company."""
    try:
        from pytickersymbols import PyTickerSymbols
    except ImportError:  # pragma: no cover - a declared dependency
        return {}
    names: set[str] = set()
    for stock in PyTickerSymbols().get_all_stocks():
        if stock.get("name"):
            names |= _short_names(stock["name"])
    index: dict[str, list[str]] = {}
    for n in names:
        index.setdefault(_KEY.match(n).group(0), []).append(n)
    for v in index.values():
        v.sort(key=lambda n: -len(n))
    return index


def plain_word(name: str) -> bool:
    """One capitalized word of letters ("Airbus", "Target"), or a name of two letters: such a name may be
    an ordinary word, a person or a place too."""
    return len(name) <= 2 or bool(re.fullmatch(r"[A-ZÄÖÜ][a-zäöüßéèáàóò]+", name))


# a word that says "company" (also inside German compounds: "Unternehmensbesuch", "Autobauer")
_BUSINESS = re.compile(
    r"(?i)(?<![\w])(?:[\w]*(?:unternehmen|konzern|hersteller|zulieferer|firma|firmen|bauer)[\w]*|firm|firms|"
    r"compan(?:y|ies)|manufacturer|manufacturers|maker|makers|automaker|carmaker|corporation|conglomerate|"
    r"supplier|suppliers|plant|plants|factory|factories|headquarters|subsidiary|CEO)(?![\w])")
# the head of a compound that makes the name a company's: "<Name>-Zentrale", "<Name>-Produktionsstätte"
_BUSINESS_HEAD = re.compile(r"(?:Zentrale|Standort|Werk|Produktion|Konzern|Tochter|Fabrik|Niederlassung|Vorstand|"
                            r"Aktie|Gruppe|Mitarbeiter|Manager|Sprecher|Chef|Zuliefer|Montage|Fertigung|Firmen|"
                            r"Unternehmens|Hauptsitz|Filiale|Plant|Headquarters|Factory)")
# heads that make a compound another kind of body ("<Name>-Stiftung") or a thing
_OTHER_HEAD = re.compile(r"(?:Stiftung|Institut|Foundation|Institute|Preis|Prize|Arena|Stadion|Museum|Straße|"
                         r"Strasse|Platz|Haus|Halle|Schule|Universität)")
_CALLED = re.compile(r"(?i)(?<![\w])(?:unternehmen|firma|company|firm)[ \t]+(?:namens|called|named)[ \t]+$")
_HONORIFIC = re.compile(r"(?:Herr|Herrn|Frau|Mr|Mrs|Ms|Dr|Prof|Sir|Dame)\.?$")
_PREV_WORD = re.compile(r"([\w.’'-]+)[ \t]+$")
_NEXT_WORD = re.compile(r"[ \t]+([\w’'-]+)")
# a list around the name: ", <Name>", "<Name>, ", "und <Name>", "<Name> and"
_LIST_BEFORE = re.compile(r"(?:,|(?<![\w])(?:und|and|sowie|&))[ \t]+$")
_LIST_AFTER = re.compile(r"[ \t]*,[ \t]+[A-Z0-9ÄÖÜ]|[ \t]+(?:und|and|sowie|&)[ \t]+[A-Z0-9ÄÖÜ]")
_LEGAL_NEXT = None


def _legal_next(text: str, end: int) -> bool:
    global _LEGAL_NEXT
    if _LEGAL_NEXT is None:
        _LEGAL_NEXT = re.compile(rf"[ \t]+{legal_pattern()}(?![\w])")
    return bool(_LEGAL_NEXT.match(text, end))


def _context_ok(text: str, start: int, end: int, plain: bool, stop: set[str]) -> bool:
    """The guards around one match (see the module text)."""
    prev = _PREV_WORD.search(text[max(0, start - 60):start])
    pw = prev.group(1) if prev else ""
    if pw and _HONORIFIC.match(pw):
        return False  # "Herr Ford": a person
    descriptor = bool(pw) and bool(_BUSINESS.fullmatch(pw))
    # a capitalized word before a plain name ends a longer name ("Harrison Ford"), unless it opens the
    # sentence, is a function word or says what the company is (a name in capitals stays: "Delegation BMW")
    first = prev is not None and not text[:max(0, start - 60) + prev.start()].strip()
    if plain and pw[:1].isupper() and pw.lower() not in stop and not descriptor and not first:
        return False
    compound = text[end:end + 1] == "-"
    if compound:
        head = re.match(r"-([A-ZÄÖÜ][\w]*)", text[end:])
        if not head or _OTHER_HEAD.match(head.group(1)):
            return False
        if plain and not _BUSINESS_HEAD.match(head.group(1)):
            return False
        return True
    nxt = _NEXT_WORD.match(text, end)
    if nxt and nxt.group(1)[:1].isupper() and nxt.group(1).lower() not in stop and not _legal_next(text, end):
        return False  # "Airbus Defence": a longer name
    if not plain or _legal_next(text, end):
        return True
    if descriptor or _CALLED.search(text[max(0, start - 60):start]):
        return True  # "beim größten Maschinenbauer <Name>", "ein Unternehmen namens <Name>"
    # an item of a list of names in a sentence about companies, beside an item written like a name or
    # another listed company ("bei KESTRONIX, <Name> und ..."; not "Labor und Hub für Firmen")
    return _named_neighbour(text, start, end) and bool(_BUSINESS.search(text))


_NAMELIKE = re.compile(r"[A-Z].*[A-Z]|\d")


def _named_neighbour(text: str, start: int, end: int) -> bool:
    neighbours = []
    before = _LIST_BEFORE.search(text[max(0, start - 8):start])
    if before:
        w = re.search(r"([\w&.'’+-]+)[ \t]*$", text[max(0, start - 60):start - len(before.group(0))])
        neighbours.append(w.group(1) if w else "")
    after = _LIST_AFTER.match(text, end)
    if after:
        w = re.match(r"[\w&.'’+-]+", text[after.end() - 1:])
        neighbours.append(w.group(0) if w else "")
    index = listed_company_names()
    return any(_NAMELIKE.search(n) or n in index for n in neighbours)


_START = re.compile(r"(?<![\w&.'’+-])(?=[A-Z0-9ÄÖÜ])")


def listed_companies(text: str, stop: set[str] = frozenset()) -> list[str]:
    """The listed companies a sentence names (``text``: one sentence), each once, as written."""
    index = listed_company_names()
    out: list[str] = []
    for m in _START.finditer(text):
        key = _KEY.match(text, m.start())
        if key is None or key.group(0) not in index:
            continue
        for name in index[key.group(0)]:
            end = m.start() + len(name)
            if not text.startswith(name, m.start()) or re.match(r"[\w&+]", text[end:end + 1]):
                continue
            if _context_ok(text, m.start(), end, plain_word(name), stop) and name not in out:
                out.append(name)
            break
    return out
