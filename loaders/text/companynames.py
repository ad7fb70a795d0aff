"""Companies named by a head word after their name: "Hanwha Group", "Schwan Food Company", "Sany Heavy
Industries", "MV Werften", "WKW-Gruppe". No legal form and no gazetteer entry is needed; the name words
before the head must look like a name, not a sector or an adjective ("Creative Industries", "German Group",
"die Gruppe" are no companies)."""

from __future__ import annotations

import re

_HEAD_EN = re.compile(r"(?<=\s)(?:Group|Company|Industries|Holdings?|Motors|Airlines|Electronics|Pharmaceuticals|Chemicals)(?![\w-])")
_HEAD_DE = re.compile(r"(?<=[\s-])(?:Gruppe|Werke|Werft|Werften)(?![\w-])")
_WORD = re.compile(r"[A-Z0-9][\w&'’.+]*+")
_BEFORE = re.compile(r"(?:(?<![\w&'’.+-])[A-Z0-9][\w&'’.+]*+\s+){1,3}$")  # up to three name words before the head

# first words that make a sector, a description or a sentence opening, not a name
_NOT_FIRST = {
    "the", "a", "an", "this", "that", "our", "their", "its", "his", "her", "every", "each", "one", "another", "der",
    "die", "das", "des", "dem", "den", "ein", "eine", "creative", "cultural", "process", "manufacturing", "food",
    "chemical", "automotive", "steel", "heavy", "light", "key", "major", "leading", "local", "regional", "national",
    "international", "global", "european", "asian", "american", "state", "public", "private", "energy", "media",
    "maritime", "digital", "green", "new", "big", "small", "large", "family", "parent", "holding", "working", "task",
    "project", "expert", "advisory", "friendship", "parliamentary", "investment", "business", "trading", "shipping",
    "when", "while", "after", "before", "since", "with", "for", "from", "in", "at", "on", "by", "and", "or", "as",
}
_DEMONYM = re.compile(r"(?:ian|ean|ese|ish|ican|man|sche[nrsm]?)$")  # German, Korean, Japanese, Mexican, bayerische


def headed_companies(text: str) -> list[str]:
    """Company names with a head word after the name, as written ("Hanwha Group", "WKW-Gruppe")."""
    out: list[str] = []
    for rx, german in ((_HEAD_EN, False), (_HEAD_DE, True)):
        for h in rx.finditer(text):
            if german and text[h.start() - 1] == "-":
                # "WKW-Gruppe": the hyphenated word is the name
                m = re.search(r"(?<![\w&-])([A-Z0-9][\w&'’.+]*+)-$", text[max(0, h.start() - 40):h.start()])
                words = [m.group(1)] if m else []
                sep = "-"
            else:
                m = _BEFORE.search(text[max(0, h.start() - 120):h.start()])
                words = m.group(0).split() if m else []
                sep = " "
            while words and (words[0].lower() in _NOT_FIRST or (_DEMONYM.search(words[0]) and not words[0].isupper())):
                words = words[1:]
            # German heads after a space only behind an acronym ("MV Werften"), not a German noun
            if not words or (german and sep == " " and not (len(words) == 1 and words[0].isupper())):
                continue
            name = " ".join(words) + sep + h.group(0)
            if name not in out:
                out.append(name)
    return out
