"""Companies named by a head word after their name: "Hanwha Group", "Korvane Motors", "MV Werften". No legal
form and no gazetteer entry is needed; the name words before the head must look like a name, not a sector or
an adjective ("German Group", "Working Group", "die Werften" are no companies). "X Company", "X Industries",
"X Holdings" and "X-Gruppe" are read by ``orgnames`` (own kind words)."""

from __future__ import annotations

import re

_HEAD_EN = re.compile(r"(?<=\s)(?:Group|Motors|Airlines|Electronics|Pharmaceuticals|Chemicals)(?![\w-])")
_HEAD_DE = re.compile(r"(?<=\s)(?:Werke|Werft|Werften)(?![\w-])")
_WORD = re.compile(r"[A-Z0-9][\w&'’.+]*+")
_BEFORE = re.compile(r"(?:(?<![\w&'’.+-])[A-Z0-9][\w&'’.+]*+\s+){1,3}$")  # up to three name words before the head

# first words that make a sector, a description or a sentence opening, not a name
_NOT_FIRST = {
    "the", "a", "an", "this", "that", "our", "their", "its", "his", "her", "every", "each", "one", "another", "der",
    "die", "das", "des", "dem", "den", "ein", "eine", "creative", "cultural", "process", "manufacturing", "food",
    "chemical", "automotive", "steel", "heavy", "light", "key", "major", "leading", "local", "regional", "national",
    "international", "global", "european", "asian", "american", "state", "public", "private", "energy", "media",
    "maritime", "digital", "green", "new", "big", "small", "large", "family", "parent", "holding", "working", "task",
    "project", "expert", "advisory", "industrial", "friendship", "parliamentary", "investment", "business", "trading", "shipping",
    "when", "while", "after", "before", "since", "with", "for", "from", "in", "at", "on", "by", "and", "or", "as",
}
_DEMONYM = re.compile(r"(?:ian|ean|ese|ish|ican|man|sche[nrsm]?)$")  # German, Korean, Japanese, Mexican, bayerische


def headed_companies(text: str) -> list[str]:
    """Company names with a head word after the name, as written ("Hanwha Group", "WKW-Gruppe")."""
    out: list[str] = []
    for rx, german in ((_HEAD_EN, False), (_HEAD_DE, True)):
        for h in rx.finditer(text):
            m = _BEFORE.search(text[max(0, h.start() - 120):h.start()])
            words = m.group(0).split() if m else []
            while words and (words[0].lower() in _NOT_FIRST or (_DEMONYM.search(words[0]) and not words[0].isupper())):
                words = words[1:]
            # German heads only behind an acronym ("MV Werften"), not a German noun
            if not words or (german and not (len(words) == 1 and words[0].isupper())):
                continue
            name = " ".join(words) + " " + h.group(0)
            if name not in out:
                out.append(name)
    return out
