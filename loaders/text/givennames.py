"""Given names across languages, for finding persons by name shape.

Source: the name dictionary that ships with the maintained ``gender-guesser``
package (``gender_guesser/data/nam_dict.txt``, about 48,000 given names from
some 50 countries, European, Arabic, Indian, Chinese, Japanese, Korean and
Vietnamese among them). It is read once per process (~0.1 s) into a set of
folded names; the gender columns are not used. The package's own detector is
not needed.

Some given names are also ordinary words or places ("Will", "Summer", "Seit",
"General", "Paris"); ``_NOT_GIVEN`` leaves out the ones a press release would
use as words, and callers also reject a given name that names a known region
or body. East-Asian family names written first ("Chen Qiuxiong", "Kim Minho")
come from ``gazetteer/family_names.yaml`` (the common family names of China,
Korea, Japan and Vietnam).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from graph.text import fold

_NOT_GIVEN = {
    "will", "mark", "grace", "hope", "bill", "rose", "summer", "seit", "general", "young", "long", "stern", "van",
    "le", "ho", "paris", "victoria", "georgia", "santa", "mai", "jung", "song", "chance", "may", "june", "april",
    "august", "art", "page", "sky", "star", "gold", "silver", "china", "india", "israel", "jordan", "kenya",
    "asia", "europa", "europe", "america", "florence", "lincoln", "washington", "sydney", "dallas", "houston",
    "austin", "ohio", "carolina", "virginia", "florida", "indiana", "berlin", "hamburg", "bremen", "essen", "wien",
    "new", "neue", "neu", "bank", "union", "port", "city", "land", "mission", "minister", "premier", "president",
    "governor", "director", "consul", "senator", "ambassador", "chancellor", "king", "prince", "duke", "major",
    "deputy", "chief", "head", "state", "staat", "don", "dan", "di", "da", "de", "del", "du", "el", "al", "la",
    "lo", "ma", "me", "mo", "na", "ne", "no", "so", "to", "un", "an", "am", "im", "in", "um", "zu", "es", "er",
    "sie", "ihr", "und", "and", "the", "der", "die", "das", "dem", "den", "des", "ein", "eine", "auch", "nach",
    "kein", "alle", "all", "sun", "moon", "sunny", "river", "lake", "bay", "north", "south", "east", "west",
    "nord", "sued", "süd", "ost", "mitte", "international", "global", "national", "royal", "ever", "even",
    "sankt", "saint", "st", "san", "german", "english", "french", "deutsch", "bayern", "sachsen", "hessen",
    "wisconsin", "minnesota", "quebec", "ontario", "victor", "mercedes", "porsche", "dior", "chanel", "ford",
    "tesla", "siemens", "bosch", "audi", "honda", "toyota", "mazda", "subaru", "lotus", "jaguar", "rover",
    "press", "media", "news", "info", "team", "group", "forum", "expo", "messe", "wirtschaft", "energie",
    "industrie", "handel", "technik", "digital", "smart", "green", "blue", "red", "black", "white", "brown",
    "gray", "grey", "rich", "noble", "earl", "baron", "bishop", "pope", "dean", "judge", "constable", "marshal",
    "sheriff", "clay", "stone", "wood", "hill", "field", "ash", "oak", "holly", "ivy", "iris", "lily", "heather",
    "violet", "daisy", "dawn", "eve", "joy", "faith", "patience", "mercy", "honor", "honour", "justice",
    "liberty", "unity", "harmony", "melody", "crystal", "amber", "ruby", "pearl", "jade", "coral", "ocean",
    "storm", "rain", "linie", "reihe", "seite", "stelle", "folge", "weise", "runde", "stunde", "woche", "snow", "winter", "autumn", "spring", "ziel", "ende", "jahr", "tag", "zeit", "welt",
    # possessives and forms of address that open a sentence or a name ("Mein Anliegen", "Herrn Lee")
    "mein", "meine", "meinen", "dein", "sein", "seine", "seinen", "unser", "unsere", "euer", "herr", "herrn",
    "frau", "liebe", "lieber", "sehr", "dear",
}


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Folded given names (``graph.text.fold``), without the ones that are also common words."""
    import gender_guesser

    path = Path(gender_guesser.__file__).with_name("data") / "nam_dict.txt"
    out: set[str] = set()
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line or line[0] in "#=":
                continue
            parts = line.split()
            if len(parts) < 2:
                continue
            name = parts[1]
            # '+' joins the parts of a compound name ("Jan+Hendrik"); each way of writing it counts
            for n in (name.replace("+", " "), name.replace("+", "-"), name.replace("+", "")) if "+" in name else (name,):
                out.add(n.lower() if n.isascii() and n.isalpha() else fold(n))
    return frozenset(out - _NOT_GIVEN)


@lru_cache(maxsize=1)
def east_asian_family_names() -> frozenset[str]:
    """Folded family names that East-Asian texts write first (``gazetteer/family_names.yaml``)."""
    f = Path(__file__).with_name("gazetteer") / "family_names.yaml"
    raw = yaml.safe_load(f.read_text(encoding="utf-8")) or {}
    return frozenset(fold(n) for names in raw.values() for n in names or ())


def is_given_name(word: str) -> bool:
    w = word.strip(".,;:")
    if len(w) < 2 or not w[:1].isupper():
        return False
    return fold(w) in given_names()


def is_east_asian_family(word: str) -> bool:
    return fold(word) in east_asian_family_names()
