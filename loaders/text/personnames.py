"""Persons by name shape: a given name the name list knows followed by a family name
("Ramona Pop", "Ana Paula Fava", "Masao UCHIBORI"), East-Asian family-first names
("Chen Qiuxiong"), and a lone family name after an office and a title ("Minister
of State Dr. Stegmann").

Candidates only: ``discover.discover_persons`` checks each word against the
gazetteer (a region, body or topic is no name) and registers the person. Every
pattern is anchored at a word start and matches a bounded number of words, so
the work per sentence is linear.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .givennames import is_east_asian_family, is_given_name


def _letters(upper: bool) -> str:
    """The Latin letters of European and Vietnamese names (Latin-1, Latin Extended-A/B and the Vietnamese
    block): Polish ź, Czech ř, Romanian ș, Latvian ņ, Lithuanian ė, Turkish ğ/İ, Portuguese ã. Built from the
    Unicode tables, so a name class never stops at a letter outside ASCII and the umlauts."""
    cps = list(range(0xC0, 0x250)) + list(range(0x1E00, 0x1F00))
    return "".join(c for c in map(chr, cps) if (c.isupper() if upper else c.islower()) and c.isalpha())


# name letters: the ASCII ones and the accented Latin letters; both go into character classes
NAME_UPPER = "A-Z" + _letters(True)
NAME_LOWER = "a-z" + _letters(False)
_LOW = NAME_LOWER
# particles inside a name: Arabic (Al Mansoori, bin Saif, Abu Bakr), Iberian, Dutch, German
NAME_PARTICLE = (r"(?:Al|El|al|el|bin|bint|ibn|Ibn|Abu|Bou|Ben|ben|von der|van der|van den|von|van|de la|de|da|dos|das|"
                 r"do|del|della|di|zu)")
# inner capital after a prefix: McAllister, MacLeod, DeSantis, LaSalle, O'Brien, D'Souza
_W = rf"[{NAME_UPPER}](?:(?:c|ac|e|a|['’])[A-Z])?[{_LOW}]+(?:['’][A-Z][{_LOW}]+)?(?:-[{NAME_UPPER}{_LOW}][{_LOW}]+)?"
_WX = rf"(?:{_W}|[A-Z]{{2,}}(?![\w]))"  # family names in capitals: UCHIBORI, KIM
_PARTICLE = rf"(?:{NAME_PARTICLE}\s+)"
# two or three name words from a word start, and what follows them
_CAND = re.compile(rf"(?<![\w'’.-])(?=(?P<a>{_W})\s+(?P<b>{_PARTICLE}?{_WX})(?P<c>\s+{_PARTICLE}?{_WX})?(?P<d>\s+{_PARTICLE}?{_WX})?(?P<after>[\w-]?))")
_NOUN_END = re.compile(r"(?i)(?:heit|keit|schaft|tion|ismus|ität|ierung|ungen|ische[nrsm]?|ment|ship|ness|ance|ence|ology)$")
_ORG_WORD = re.compile(r"(?i)(?:universit|institut|ministeri|stiftung|gruppe|gmbh|verband|kammer|agentur|zentrum|"
                       r"gesellschaft|foundation|company|group|center|centre|college|school|schule|hotel|airport|"
                       r"flughafen|bahnhof|straße|strasse|platz|street|avenue|road|park|haus|house|hall|halle|"
                       r"award|preis|prize|cup|festival|messe|expo|forum|summit|gipfel|programm|program|day|tag)")
# romanized East-Asian given names: one to three syllables ("Qiuxiong", "Minho", "Jae-myung", "Thanh", "Duc")
_SYLLABLES = re.compile(r"(?:(?:ngh|ch|sh|zh|ts|th|tr|ng|nh|kh|ph|gi|qu|[bcdfghjklmnpqrstvwxyz])?(?:[aeiouy]{1,3})"
                        r"(?:ng|nh|ch|n|r(?![aeiou])|c|t|p|m)?-?){1,3}")
# a family name in capitals written first: "KIM Jung-hoon", "NGUYEN Van Thanh", "WANG Xiaoming"
_CAPS_FIRST = re.compile(rf"(?<![\w'’.-])(?P<f>[A-Z]{{2,}})\s+(?P<g>[A-Z][a-z]+(?:-[a-z]+)?)(?:\s+(?P<g2>[A-Z][a-z]+))?(?![\w'’-])")
_DR_SURNAME = re.compile(rf"(?<![\w-])(?:Dr\.|Prof\.|Dr|Professor)\s+(?P<f>{_W})(?![\w-])(?!\s+[A-ZÄÖÜ][{_LOW}])")


# a form of address may stand between office and name ("Adv" for an advocate, "Hon.")
_AFTER_OFFICE = re.compile(rf"[ \t]+(?:(?:Adv|Hon|Dr|Prof)\.?[ \t]+)?(?P<f>{_W})(?![\w'’-])(?![ \t]+[A-ZÄÖÜ])(?=[ \t]*[,.;:)]|[ \t]+[a-zäöü])")
# words that follow an office without being a name ("Geschäftsführer Vertrieb", "Minister Dienstag")
_NOT_FAMILY = {"dr", "prof", "mr", "ms", "mrs", "herr", "frau", "sir", "dame", "vertrieb", "marketing", "finanzen", "personal", "technik", "einkauf", "produktion", "forschung",
               "entwicklung", "international", "global", "general", "emeritus", "elect", "designate", "a.d.", "i.r.",
               # the organ an office belongs to ("Executive Board", "Chief Executive Office")
               "board", "committee", "council", "commission", "office", "team", "group", "department", "officer",
               "summit", "meeting", "vorstand", "rat", "ausschuss"}
_LONE_NOUN = re.compile(r"(?i)(?:ung|heit|keit|schaft|tion|ismus|ität|ment|ship|ness|ance|ence|ium|ien|ik|tag|jahr|isory|atory|"
                        r"ter|ern|en|airs|ics|ions|ments|ities|ices|ors)$")  # English plurals: "Head of Corporate Affairs"
_PREV_WORD = re.compile(r"([\w.-]+)[ \t]+$")
_DETERMINERS = {"der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "eines", "einem", "einen", "erster",
                "ersten", "erste", "zweiter", "letzter", "jeder", "jede", "jedes", "diese", "dieser", "dieses", "kein",
                "keine", "the", "a", "an", "this", "that", "these", "every", "its", "our", "their", "his", "her"}
_TITLE_BEFORE = re.compile(r"(?i)(?:minister|governor|mayor|secretary|president|director|chairman|ambassador|consul|"
                           r"councillor|premier|chief|head|ceo|dr\.|prof\.|mr\.?|ms\.?|präsident|gouverneur|"
                           r"bürgermeister|botschafter|sekretär|direktor|vorsitzende[r]?|generalkonsul|"
                           r"committee|komitee)(?:in|en)?$")  # "Secretary of the Party Committee Nguyen Van Hai"


_ARABIC_FAMILY = re.compile(r"(?:Al|bin|bint|ibn)\s+[A-Z]")


@dataclass(frozen=True)
class NameCandidate:
    start: int
    end: int
    given: str
    family: str
    name: str  # as the text writes it (family first for East-Asian names)


def _arabic_name_ok(text: str, start: int, a: str, b: str, c: str | None) -> bool:
    """The words before an Arabic family name are a name: with a middle word, one of the two is a given name
    the list knows; alone, the word is no title or sentence opener ('Today', 'Dr')."""
    if not all(_family_ok(w) for w in (a, b, c or b)) or a.lower() in _NOT_FAMILY | _DETERMINERS:
        return False
    if c:
        return is_given_name(a) or is_given_name(b)
    return text[:start].rstrip()[-1:] not in ("", ".", "!", "?", "\n") and not _TITLE_BEFORE.search(a)


def _family_ok(w: str) -> bool:
    core = w.split()[-1]
    return not (_NOUN_END.search(core) or _ORG_WORD.search(core))


def given_name_candidates(text: str) -> list[NameCandidate]:
    """'<given> [<given>] <family>' where the first word is a known given name, and '<EA family> <given>'."""
    out: list[NameCandidate] = []
    for m in _CAND.finditer(text):
        a, b, c = m.group("a"), m.group("b"), m.group("c")
        start = m.start("a")
        if out and start < out[-1].end:  # "Hisham Al Nuaimi" inside "Zainab Hisham Al Nuaimi"
            continue
        det = _PREV_WORD.search(text, 0, start)
        if det and det.group(1).lower() in _DETERMINERS:  # "in erster Linie Flugzeuge": a noun, not a name
            continue
        if m.group("after"):  # "Max-Planck", a word glued on: not a plain name
            continue
        if c and family_first3(a, b, c.strip()):  # "Nguyen Thi Lan": family, middle and given name
            prev = _PREV_WORD.search(text, 0, start)
            if prev is None or not prev.group(1)[:1].isupper() or _TITLE_BEFORE.search(prev.group(1)):
                out.append(NameCandidate(start, m.end("c"), f"{b} {c.strip()}", a, f"{a} {b} {c.strip()}"))
            continue
        if not c and family_first(a, b):
            # not after a capitalized word ("Science Park Saar"), unless an office or title stands there
            prev = _PREV_WORD.search(text, 0, start)
            if prev is None or not prev.group(1)[:1].isupper() or _TITLE_BEFORE.search(prev.group(1)):
                out.append(NameCandidate(start, m.end("b"), b, a, f"{a} {b}"))
        elif not m.group("d") and _ARABIC_FAMILY.match((c or b).strip()) and _arabic_name_ok(text, start, a, b, c):
            # "Raniya Al Suwaidi", "Noura Hamad Al Suwaidi": a family name with an Arabic article or 'bin' marks
            # the name even when the list does not know the given name
            last = (c or b).strip()
            given = f"{a} {b}" if c else a
            out.append(NameCandidate(start, m.end("c") if c else m.end("b"), given, last, f"{given} {last}"))
        elif is_given_name(a):
            if m.group("d"):
                long_name = _four_words(m, a, b, c.strip(), m.group("d").strip())
                if long_name:
                    out.append(long_name)
                continue
            if c:
                c = c.strip()
                if is_given_name(b) and " " not in b and _family_ok(c):
                    out.append(NameCandidate(start, m.end("c"), f"{a} {b}", c, f"{a} {b} {c}"))
                # "<given> <family> <Capitalized>": an organization or a place named after a person
                continue
            if _family_ok(b):
                out.append(NameCandidate(start, m.end("b"), a, b, f"{a} {b}"))
    for m in _CAPS_FIRST.finditer(text):
        f, g, g2 = m.group("f"), m.group("g"), m.group("g2")
        if not is_east_asian_family(f.capitalize()) or not _SYLLABLES.fullmatch(g.lower()):
            continue
        if g2 and _SYLLABLES.fullmatch(g2.lower()) and not is_east_asian_family(g2):
            out.append(NameCandidate(m.start(), m.end("g2"), f"{g} {g2}", f, f"{f} {g} {g2}"))
        else:
            out.append(NameCandidate(m.start(), m.end("g"), g, f, f"{f} {g}"))
    return out


def _four_words(m: re.Match, a: str, b: str, c: str, d: str) -> NameCandidate | None:
    """'<given> <given> <name> <family>': a father's name or a second family name before the family name
    ('Rodrigo Luis Cabral Mendes', 'Noura Khalid Ahmed Al Suwaidi'); the second word must be a given name."""
    if not is_given_name(b) or " " in b or not (_family_ok(c) and _family_ok(d)):
        return None
    return NameCandidate(m.start("a"), m.end("d"), f"{a} {b} {c}", d, f"{a} {b} {c} {d}")


def lone_family_after_title(text: str, office_ends: set[int]) -> list[NameCandidate]:
    """'Dr. Stegmann' right after an office ('Minister of State Dr. Stegmann'): a family name alone."""
    out: list[NameCandidate] = []
    for m in _DR_SURNAME.finditer(text):
        before = text[: m.start()].rstrip()
        if len(before) in office_ends and not is_given_name(m.group("f")) and _family_ok(m.group("f")):
            out.append(NameCandidate(m.start("f"), m.end("f"), "", m.group("f"), m.group("f")))
    return out


def family_after_office(text: str, office_ends: set[int]) -> list[NameCandidate]:
    """'Minister of Education Quentmeier', 'Ministerpräsidentin Albrecht sagte': one capitalized word right
    after an office, not a title, a given name or a noun by its ending, and no second capitalized word after
    it. ``discover`` takes it only when the document names no person with that family name in full."""
    out: list[NameCandidate] = []
    for e in sorted(office_ends):
        m = _AFTER_OFFICE.match(text, e)
        if m is None:
            continue
        f = m.group("f")
        if f.lower() in _NOT_FAMILY or is_given_name(f) or not _family_ok(f) or _LONE_NOUN.search(f):
            continue
        out.append(NameCandidate(m.start("f"), m.end("f"), "", f, f))
    return out


def family_first3(first: str, second: str, third: str) -> bool:
    """'Nguyen Thi Lan', 'Tran Van Hung': an East-Asian family name before two romanized name syllables."""
    return (is_east_asian_family(first) and not is_east_asian_family(second) and len(third) >= 2
            and all(_SYLLABLES.fullmatch(w.lower()) for w in (second, third)))


def family_first(first: str, second: str) -> bool:
    """'Liang Qiuming', 'Kim Minho': an East-Asian family name written before a romanized given name."""
    return (is_east_asian_family(first) and len(second) >= 3 and not is_east_asian_family(second)
            and bool(_SYLLABLES.fullmatch(second.lower())))
