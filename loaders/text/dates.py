"""Date expressions in German and English press releases, resolved to partial ISO dates.

``find_dates(sentence, published)`` returns every date expression with its
character span and the ISO range it denotes: "10. bis 20. September 2023" ->
('2023-09-10', '2023-09-20'), "08.09.2023", "im Mai des vergangenen Jahres"
(relative to ``published``), "gestern", "heute", "im letzten Jahr", "2022".
Years that a sentence leaves out are taken from the publication date; relative
expressions without a publication date are skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = {
    "januar": 1, "jänner": 1, "january": 1, "jan": 1,
    "februar": 2, "february": 2, "feb": 2,
    "märz": 3, "maerz": 3, "march": 3, "mar": 3,
    "april": 4, "apr": 4,
    "mai": 5, "may": 5,
    "juni": 6, "june": 6, "jun": 6,
    "juli": 7, "july": 7, "jul": 7,
    "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9,
    "oktober": 10, "october": 10, "okt": 10, "oct": 10,
    "november": 11, "nov": 11,
    "dezember": 12, "december": 12, "dez": 12, "dec": 12,
}
_MON = r"(?P<{n}>Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|January|February|March|May|June|July|October|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|O[ck]t\.?|Nov\.?|De[cz]\.?)"
_DASH = r"\s*(?:-|–|—|bis(?:\s+zum)?|to|until|till)\s*"
_YEAR = r"(?P<{n}>(?:19|20)\d{{2}})"


def _m(n: str) -> str:
    return _MON.format(n=n)


def _y(n: str) -> str:
    return _YEAR.format(n=n)


@dataclass(frozen=True)
class DateMention:
    start_char: int
    end_char: int
    text: str
    start: str  # partial ISO date
    end: str  # partial ISO date (== start for a single day/month/year)
    kind: str  # day | range | month | year | season | relative


def _month(s: str) -> int:
    return MONTHS[s.lower().rstrip(".")]


def _iso(y: int, m: int | None = None, d: int | None = None) -> str | None:
    try:
        if d is not None:
            return date(y, m, d).isoformat()
    except ValueError:
        return None
    if m is not None:
        return f"{y:04d}-{m:02d}"
    return f"{y:04d}"


_PATTERNS: list[tuple[str, re.Pattern]] = [
    # 30. September bis 2. Oktober 2024 / 30 September to 2 October 2024
    ("xrange", re.compile(rf"\b(?P<d1>\d{{1,2}})\.?\s+{_m('m1')}(?:\s+{_y('y1')})?{_DASH}(?P<d2>\d{{1,2}})\.?\s+{_m('m2')}(?:\s+{_y('y2')})?")),
    # 10. bis 20. September 2023 / 10.-12. Oktober / 10 to 20 September 2023
    ("range", re.compile(rf"\b(?P<d1>\d{{1,2}})\.?{_DASH}(?P<d2>\d{{1,2}})\.?\s+{_m('m')}(?:,?\s+{_y('y')})?")),
    # September 10-20, 2023
    ("range_en", re.compile(rf"\b{_m('m')}\s+(?P<d1>\d{{1,2}}){_DASH}(?P<d2>\d{{1,2}})(?:,?\s+{_y('y')})?")),
    # 2023-09-08
    ("iso", re.compile(r"\b(?P<y>(?:19|20)\d{2})-(?P<m>\d{2})-(?P<d>\d{2})\b")),
    # 08.09.2023
    ("numeric", re.compile(r"\b(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>(?:19|20)\d{2})\b")),
    # 5. September 2019 / 5 September / am 5. September
    ("day", re.compile(rf"\b(?P<d>\d{{1,2}})\.?\s+{_m('m')}(?:,?\s+{_y('y')})?")),
    # September 5, 2019 / September 5
    ("day_en", re.compile(rf"\b{_m('m')}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+{_y('y')})?")),
    # im Mai des vergangenen Jahres / in May last year
    ("month_rel", re.compile(rf"\b{_m('m')}\s+(?P<rel>des\s+(?:vergangenen|letzten|vorigen|vorangegangenen|laufenden|kommenden|nächsten)\s+Jahres|dieses\s+Jahres|(?:of\s+)?(?:last|this|next)\s+year)", re.I)),
    # Mai 2022 / May 2022
    ("month", re.compile(rf"\b{_m('m')}\s+{_y('y')}\b")),
    # (im|Ende|Anfang) Mai  -> month of the publication year
    ("month_bare", re.compile(rf"\b(?P<pre>[Ii]m|[Ii]n|Anfang|Mitte|Ende|early|mid|late|[Ss]eit|since|[Bb]is)\s+{_m('m')}\b")),
    # im Frühjahr 2025 / in spring 2025 / im Herbst -> the year
    ("season", re.compile(r"\b(?:[Ii]m|[Ii]n|[Ff]ür den|[Zz]um)\s+(?:the\s+)?(?P<season>Frühjahr|Frühling|Sommer|Herbst|Winter|spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?(?P<y>(?:19|20)\d{2}))?\b")),
    # relative days and years
    ("rel", re.compile(r"\b(?P<rel>vorgestern|gestern|heute|morgen|übermorgen|yesterday|today|tomorrow|(?:im|in)\s+(?:letzten|vergangenen|vorigen)\s+Jahr|letztes\s+Jahr|vergangenes\s+Jahr|last\s+year|(?:in\s+)?diesem\s+Jahr|dieses\s+Jahr|this\s+year|(?:im\s+)?nächsten\s+Jahr|(?:im\s+)?kommenden\s+Jahr|next\s+year)\b", re.I)),
    # a bare year
    ("year", re.compile(r"(?<![\d.,])\b(?P<y>(?:19|20)\d{2})\b(?![.,]\d)")),
]

_REL_DAYS = {"vorgestern": -2, "gestern": -1, "yesterday": -1, "heute": 0, "today": 0, "morgen": 1, "tomorrow": 1, "übermorgen": 2}


def _rel_year(rel: str) -> int:
    r = rel.lower()
    if any(w in r for w in ("letzt", "vergangen", "vorig", "vorangegangen", "last")):
        return -1
    if any(w in r for w in ("nächst", "kommend", "next")):
        return 1
    return 0


def parse_published(published: str | None) -> tuple[int | None, date | None]:
    """Year and (when given to the day) the date of a publication date string."""
    if not published:
        return None, None
    m = re.match(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$", str(published).strip())
    if not m:
        raise ValueError(f"publication date '{published}' is not YYYY, YYYY-MM or YYYY-MM-DD")
    y = int(m.group(1))
    if m.group(3):
        return y, date(y, int(m.group(2)), int(m.group(3)))
    return y, None


def find_dates(sentence: str, published: str | None = None) -> list[DateMention]:
    """Every date expression in ``sentence``, left to right, without overlaps."""
    pub_year, pub_day = parse_published(published)
    taken: list[tuple[int, int]] = []
    out: list[DateMention] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    for kind, pat in _PATTERNS:
        for m in pat.finditer(sentence):
            a, b = m.span()
            if not free(a, b):
                continue
            g = m.groupdict()
            res: tuple[str | None, str | None, str] | None = None
            if kind == "xrange":
                y2 = int(g["y2"]) if g.get("y2") else (int(g["y1"]) if g.get("y1") else pub_year)
                y1 = int(g["y1"]) if g.get("y1") else y2
                if y1 is not None:
                    m1, m2 = _month(g["m1"]), _month(g["m2"])
                    if not g.get("y1") and m1 > m2:
                        y1 = y2 - 1
                    res = (_iso(y1, m1, int(g["d1"])), _iso(y2, m2, int(g["d2"])), "range")
            elif kind in ("range", "range_en"):
                y = int(g["y"]) if g.get("y") else pub_year
                if y is not None:
                    mo = _month(g["m"])
                    res = (_iso(y, mo, int(g["d1"])), _iso(y, mo, int(g["d2"])), "range")
            elif kind in ("iso", "numeric"):
                v = _iso(int(g["y"]), int(g["m"]), int(g["d"])) if 1 <= int(g["m"]) <= 12 else None
                res = (v, v, "day")
            elif kind in ("day", "day_en"):
                y = int(g["y"]) if g.get("y") else pub_year
                if y is not None:
                    v = _iso(y, _month(g["m"]), int(g["d"]))
                    res = (v, v, "day")
            elif kind == "month_rel":
                if pub_year is not None:
                    v = _iso(pub_year + _rel_year(g["rel"]), _month(g["m"]))
                    res = (v, v, "month")
            elif kind == "month":
                v = _iso(int(g["y"]), _month(g["m"]))
                res = (v, v, "month")
            elif kind == "month_bare":
                if g["m"].lower().rstrip(".") in ("mar", "may", "jun", "jul", "aug", "sep", "dec") and g["m"][0].islower():
                    continue
                if pub_year is not None:
                    v = _iso(pub_year, _month(g["m"]))
                    res = (v, v, "month")
                    a = m.start("m")
            elif kind == "season":
                y = int(g["y"]) if g.get("y") else pub_year
                if y is not None:
                    res = (str(y), str(y), "season")
            elif kind == "rel":
                rel = " ".join(g["rel"].lower().split())
                if rel in _REL_DAYS:
                    if pub_day is not None:
                        v = (pub_day + timedelta(days=_REL_DAYS[rel])).isoformat()
                        res = (v, v, "relative")
                elif pub_year is not None:
                    v = _iso(pub_year + _rel_year(rel))
                    res = (v, v, "relative")
            elif kind == "year":
                res = (g["y"], g["y"], "year")
            if res is None or res[0] is None or res[1] is None:
                continue
            taken.append((a, b))
            out.append(DateMention(a, b, sentence[a:b], res[0], res[1], res[2]))
    out.sort(key=lambda d: d.start_char)
    return out
