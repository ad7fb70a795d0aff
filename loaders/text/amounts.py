"""Money amounts, percentages, ranks and group sizes in German and English text.

"1,16 Milliarden Euro" -> Amount(1.16, 'EUR', 'billion'); "890 Mio. Euro" ->
(890, 'EUR', 'million'); "2,02 Mrd. US-Dollar" -> (2.02, 'USD', 'billion');
"$1.5 billion" -> (1.5, 'USD', 'billion'). German text uses the decimal comma,
English the decimal point (``language``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SCALES = [
    (r"Milliarden|Milliarde|Mrd\.?|billions?|bn\.?|bln\.?", "billion"),
    (r"Millionen|Million|Mio\.?|millions?|mn\.?|mln\.?", "million"),
    (r"Tausend|Tsd\.?|thousands?", "thousand"),
]
_CURRENCIES = [
    # dollars of other countries first: "A$", "C$", "NT$" are not US dollars
    (r"A\$|AU\$|AUD|[Aa]ustralian dollars?|[Aa]ustralische Dollar", "AUD"),
    (r"C\$|CA\$|CAD|[Cc]anadian dollars?|[Kk]anadische Dollar", "CAD"),
    (r"NT\$|TWD|[Nn]ew Taiwan dollars?|[Tt]aiwan-Dollar", "TWD"),
    (r"S\$|SGD|[Ss]ingapore dollars?|[Ss]ingapur-Dollar", "SGD"),
    (r"US-Dollars?|US\$|USD|U\.S\. dollars?|US dollars?|Dollars?|dollars?|\$", "USD"),
    (r"Euros?|EUR|€", "EUR"),
    (r"Won|KRW|₩", "KRW"),
    (r"Yen|JPY|¥", "JPY"),
    (r"Yuan|Renminbi|RMB|CNY", "CNY"),
    (r"Pfund|GBP|£|pounds?", "GBP"),
    (r"Rupien|Rupees?|rupees?|INR|₹", "INR"),
    (r"Franken|CHF", "CHF"),
]
_SCALE = "|".join(p for p, _ in _SCALES)
_CUR = "|".join(p for p, _ in _CURRENCIES)
# a number starts where a digit run starts, and its digit runs are never given back (linear time)
_NUM = r"(?<![\d])(?:\d{1,3}(?:[.,\u202f ]\d{3})++(?:[.,]\d++)?+|\d++(?:[.,]\d++)?+)"
_APPROX = r"rund|ca\.|circa|etwa|knapp|fast|über|mehr als|nahezu|around|about|approximately|roughly|some|nearly|almost|over|more than"

_AMOUNT_AFTER = re.compile(
    rf"(?:(?P<approx>\b(?:{_APPROX}))\s+)?(?P<num>{_NUM})\s*+(?P<scale>(?:{_SCALE}))?\s*+(?P<cur>(?:{_CUR}))(?![\w-])",
    re.I,
)
_AMOUNT_BEFORE = re.compile(
    rf"(?:(?P<approx>\b(?:{_APPROX}))\s+)?(?P<cur>(?:{_CUR}))\s?(?P<num>{_NUM})(?:\s*(?P<scale>(?:{_SCALE})))?(?![\w])",
    re.I,
)


# "zwei Milliarden Euro", "knapp drei Millionen Euro", "five billion dollars": a number word needs its scale
_NUMBER_WORDS = {
    "ein": 1, "eine": 1, "einer": 1, "einem": 1, "einen": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6,
    "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12, "zwanzig": 20, "dreißig": 30, "hundert": 100,
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "twenty": 20, "thirty": 30, "hundred": 100, "halben": 0.5, "halbe": 0.5, "half a": 0.5,
}
_WORDS_ALT = "|".join(w.replace(" ", r"\s") for w in sorted(_NUMBER_WORDS, key=len, reverse=True))
_AMOUNT_WORD = re.compile(
    rf"(?:(?P<approx>\b(?:{_APPROX}))\s+)?\b(?P<num>{_WORDS_ALT})\s+"
    rf"(?P<scale>(?:{_SCALE}))\s*+(?P<cur>(?:{_CUR}))(?![\w-])",
    re.I,
)


@dataclass(frozen=True)
class Amount:
    start: int
    end: int
    text: str
    value: float
    currency: str
    unit: str  # one | thousand | million | billion
    approx: bool = False


def parse_number(s: str, language: str | None = "de") -> float:
    """'1,16' -> 1.16 (de), '1.16' -> 1.16 (en), '8.500' -> 8500 (de), '1,500' -> 1500 (en)."""
    s = s.replace("\u202f", "").replace(" ", "")
    dec, grp = (".", ",") if language == "en" else (",", ".")
    # a single separator followed by exactly three digits is a thousands separator
    if s.count(grp) >= 1 and all(len(p) == 3 for p in s.split(dec)[0].split(grp)[1:]):
        s = s.split(dec)[0].replace(grp, "") + ("." + s.split(dec)[1] if dec in s else "")
    elif dec in s:
        s = s.replace(grp, "").replace(dec, ".")
    elif grp in s:  # e.g. '2.02' in German text: read as a decimal
        s = s.replace(grp, ".")
    return float(s)


def _lookup(table, text: str) -> str:
    for pat, val in table:
        if re.fullmatch(pat, text, re.I):
            return val
    raise KeyError(text)


def find_amounts(sentence: str, language: str | None = "de") -> list[Amount]:
    out: list[Amount] = []
    taken: list[tuple[int, int]] = []
    for pat in (_AMOUNT_AFTER, _AMOUNT_BEFORE, _AMOUNT_WORD):
        for m in pat.finditer(sentence):
            a, b = m.span()
            if any(not (b <= s or a >= e) for s, e in taken):
                continue
            try:
                word = _NUMBER_WORDS.get(re.sub(r"\s+", " ", m.group("num").lower())) if pat is _AMOUNT_WORD else None
                value = float(word) if word is not None else parse_number(m.group("num"), language)
            except ValueError:
                continue
            unit = _lookup(_SCALES, m.group("scale").strip()) if m.group("scale") else "one"
            cur = _lookup(_CURRENCIES, m.group("cur"))
            taken.append((a, b))
            out.append(Amount(a, b, sentence[a:b], value, cur, unit, bool(m.group("approx"))))
    out.sort(key=lambda x: x.start)
    return out


_PERCENT = re.compile(r"(?P<num>[+-]?\d+(?:[.,]\d+)?)\s*(?:%|Prozent|per\s?cent|percent)", re.I)
_NEG = re.compile(r"\b(Rückgang|Minus|gesunken|sank|sanken|verringert|weniger|down|decline|declined|fell|drop|dropped|decrease)\b", re.I)


def find_percentages(sentence: str, language: str | None = "de") -> list[tuple[int, int, float]]:
    """(start, end, value) of every percentage; negative when the sentence speaks of a decline."""
    out = []
    neg = bool(_NEG.search(sentence))
    for m in _PERCENT.finditer(sentence):
        v = parse_number(m.group("num").lstrip("+-"), language)
        if m.group("num").startswith("-") or neg:
            v = -v
        out.append((m.start(), m.end(), v))
    return out


_RANK = re.compile(r"\b(?:Platz|Rang|rank|place|position)\s+(?P<n>\d{1,3})\b|\b(?P<m>\d{1,3})(?:\.|st|nd|rd|th)\s+(?:Platz|Rang|largest|biggest|most important)", re.I)


def find_rank(sentence: str) -> int | None:
    m = _RANK.search(sentence)
    if not m:
        return None
    return int(m.group("n") or m.group("m"))


_GROUP = re.compile(
    r"(?:(?:rund|etwa|ca\.|knapp|über|around|about|some)\s+)?(?P<n>\d{1,4})[-\s]?(?:köpfige[nmrs]?|starke[nmrs]?|strong|member|person|people)\s+(?:\w+[-])?(?:Delegation|delegation|Wirtschaftsdelegation|Unternehmerdelegation|Gruppe|group)"
    r"|(?:Delegation|delegation)\s+(?:of|mit|aus)\s+(?:(?:rund|etwa|ca\.|über|around|about|some|more than)\s+)?(?P<m>\d{1,4})\s+(?:\w+\s+)?(?:Teilnehmer|Teilnehmerinnen|Vertreter|Vertreterinnen|Personen|Mitglieder|members|participants|representatives|people|companies|Unternehmen)",
    re.I,
)


def find_group_size(sentence: str) -> int | None:
    """Size of a delegation: 'rund 30-köpfige Delegation' -> 30, 'a 25-strong delegation' -> 25."""
    m = _GROUP.search(sentence)
    if not m:
        return None
    return int(m.group("n") or m.group("m"))
