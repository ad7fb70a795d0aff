"""The proper names of events: 'Deutsch-Japanisches Wasserstoff-Forum', 'die Messe Medica', 'Kirschblütenfest'."""

from __future__ import annotations

import re

from ..context import Mention


def _event_name(t: str, m: Mention) -> str | None:
    """A proper name ending in the trigger: 'Deutsch-Japanisches Wasserstoff-Forum'."""
    before = t[: m.start]
    run = re.search(r"((?:[A-ZÄÖÜ][\w]*(?:-[\w]+)*\s+){1,4})$", before)
    word = m.text
    words = []
    if run:
        words = [w for w in run.group(1).split()]
        while words and (words[0].lower() in _EVENT_STOP or not words[0][0].isupper()):
            words = words[1:]
        words = [w for w in words if w.lower() not in _EVENT_STOP]
    proper = bool(words) and all(re.match(r"[A-ZÄÖÜ]", w) for w in words) and any("-" in w or w.lower() not in _COMMON_NOUN for w in words)
    hyphen_named = "-" in word and word.split("-")[0][:1].isupper() and word.split("-")[0].lower() not in ("online", "company", "e", "business")
    if not proper and not hyphen_named:
        return None
    if not proper:
        words = []
    base = re.sub(r"(?<=[a-z])s$", "", word) if m.ref in ("forum", "workshop", "symposium", "project") else word
    name = " ".join(words + [base])
    name = re.sub(r"(?<=isch)(?:en|er|em)\b", "e", name)
    return name if len(name) > 4 else None


_QUOTED_NAME = re.compile(r"[„\"“‘'](.+)[“”\"’']")

_EVENT_STOP = {"die", "der", "das", "den", "dem", "des", "ein", "eine", "einer", "einen", "eines", "einem", "the", "a", "an", "im", "am", "zum", "beim", "auf", "in", "vom", "mit", "bei", "geplante", "geplanten", "nächste", "ersten", "erste", "this", "our", "unser", "unseren", "seinem"}

_COMMON_NOUN = {"delegation", "wirtschaftsdelegation", "unternehmen", "vertreter", "zum", "auftakt", "programm", "rahmen", "teilnehmer", "abschluss"}

# ------------------------------------------------------------------ named fairs and conferences
_PRESS_BEFORE = re.compile(r"\b(?:press|Presse|news)[\s-]*$", re.I)

# the name after the word: "die Messe Medica in Düsseldorf", "die Konferenz „Zukunft X“"; a capitalized
# word after a German noun is only a name where a place, a date or the clause's end follows it
_NAME_AFTER = re.compile(r"\s+(?:[„\"“](?P<q>[^„\"“”\n]{3,90})[“”\"]"
                         r"|(?P<n>[A-Z][\w&+.-]*(?:\s+[A-Z0-9][\w&+-]*){0,2})(?=\s+(?:in|im|auf|at|on|vom|from|20\d\d)\b|\s*[,.;:()]|\s*$))")

_TIME_WORD = re.compile(r"(?:Last|Next|Every|Each|Whole|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|A|Any|Same|Previous|Following|Letzte|Nächste|Diese|Jede|Ganze|Vier|Fünf|Drei|Zwei|Sechs|Sieben)\b|\d")

_NOT_NAME = re.compile(r"(?:Die|Der|Das|The|This|In|Im|Auf|An|Am|Zum|Zur|Für|For|At|On|Mit|With|Und|And)$")

# a compound names its fair or conference ("Optikmesse", "Kirschblütenfest", "Wasserstoffkonferenz"), unless
# its first part is generic ("Fachmesse", "Pressekonferenz", "Sommerfest")
_GENERIC_PART = re.compile(r"(?:Fach|Leit|Welt|Haupt|Verbraucher|Publikums|Presse|Video|Telefon|Online|Jahres|Sommer|Winter|Herbst|Frühlings|Weihnachts|Stadt|Dorf|Vereins|Familien|Kinder|Straßen|Volks|Partner|Abschluss|Auftakt|Fach-)", re.I)


def _squeezed(name: str) -> str:
    """'Deutsch-Indische Kultur-Forum' and 'Deutsch-Indische Kulturforum' are one name."""
    return re.sub(r"[\s-]", "", name.lower())


def _compound_name(word: str) -> str | None:
    """A compound that names its fair or conference ('Optikmesse'), not a generic one ('Fachmesse')."""
    m = re.fullmatch(r"([A-ZÄÖÜ][\w-]{3,}?)-?(?:[Mm]esse|[Ff]est|[Kk]onferenz|[Kk]ongress)", word)
    if m is None or _GENERIC_PART.fullmatch(m.group(1)):
        return None
    return word


def _name_after(t: str, m: Mention) -> str | None:
    """The name written after the event word, in quotes or capitalized ('die Messe Medica in ...')."""
    a = _NAME_AFTER.match(t, m.end)
    if a is None:
        return None
    name = (a.group("q") or a.group("n") or "").strip()
    if not name or _NOT_NAME.match(name.split()[0]):
        return None
    return name
