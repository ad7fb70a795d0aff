"""Name normalization for search and entity resolution: case-, accent- and punctuation-insensitive."""

from __future__ import annotations

import re
import unicodedata

_FOLD = str.maketrans({"ß": "ss", "æ": "ae", "ø": "o", "đ": "d", "ł": "l", "&": " and "})
_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)


def fold(text: str) -> str:
    """'Wirtschaftsförderung Sachsen GmbH' -> 'wirtschaftsforderung sachsen gmbh'.

    Umlauts lose their dots (ö -> o), so 'Bösenberg' and 'Bosenberg' fold alike;
    ``fold_variants`` also yields the 'oe' transliteration. Hangul is kept as is.
    """
    if text.isascii():  # the normalizations and the accent strip change nothing in ASCII
        t = text.lower().translate(_FOLD)
    else:
        t = unicodedata.normalize("NFKC", text).casefold().translate(_FOLD)
        t = unicodedata.normalize("NFKD", t)
        t = "".join(ch for ch in t if not unicodedata.combining(ch))
        t = unicodedata.normalize("NFC", t)
    t = _NON_WORD.sub(" ", t).replace("_", " ")
    return " ".join(t.split())


def fold_variants(text: str) -> set[str]:
    """The folded form plus the German transliteration (ä->ae, ö->oe, ü->ue), folded."""
    out = {fold(text)}
    if not text.isascii():  # (ASCII text has no umlauts to transliterate)
        translit = (
            text.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
            .replace("Ä", "Ae").replace("Ö", "Oe").replace("Ü", "Ue")
        )
        out.add(fold(translit))
    out.discard("")
    return out


def slug(text: str) -> str:
    """A URL-friendly id slug: 'Hessen Trade & Invest' -> 'hessen-trade-and-invest'."""
    s = fold(text).replace(" ", "-")
    s = re.sub(r"[^a-z0-9._-]", "", s)
    return s.strip("-") or "x"
