"""Places the gazetteer cannot list: small towns the text puts something in (``discover_places``) and
areas named by a compass word or as a '-Raum' / '-Region' (``discover_areas``)."""

from __future__ import annotations

import re

from graph.text import fold, slug

from ..gazetteer import Entry, Gazetteer
from ..givennames import is_given_name
from ..sentences import Sentence
from ..typenames import REGION, TOPIC

_MONTHS = {"januar", "februar", "marz", "april", "mai", "juni", "juli", "august", "september", "oktober", "november",
           "dezember", "january", "february", "march", "may", "june", "july", "october", "december", "montag",
           "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "monday", "tuesday", "wednesday",
           "thursday", "friday", "saturday", "sunday"}
# a place word before a town name: "in Kelmsund", "aus Kelmsund", "near Kelmsund", "Stadt Kelmsund"
_PLACE_CUE = re.compile(r"(?<![\w-])(?:in|aus|nach|bei|from|to|near|Stadt|Städte|Städten|city of|town of|cities of|towns of|Standort|Werk in|plant in|"
                        r"besuchte[n]?|besucht|visited|visiting|Gemeinde|Kleinstadt|zwischen|between|"
                        # a sentence that opens with the place: "In Kelmsund produziert ..."
                        r"^(?:In|Aus|Nach|Bei|From|Near))\s+"
                        r"(?P<n>[A-ZÄÖÜ][a-zäöüß]+(?:[ -][A-ZÄÖÜ][a-zäöüß]+)?)(?![\w-])")
# more towns of the same list: "in Kelmsund und Tarnow", "between Kelmsund and Tarnow"
_MORE_TOWNS = re.compile(r"(?:\s*,\s*|\s+(?:und|and|sowie|or|oder)\s+)(?P<n>[A-ZÄÖÜ][a-zäöüß]+)(?![\w-])")
# a dateline in capitals opens the text: "KELMSUND: ...", "(dpa) KELMSUND - ...", "KELMSUND/BERLIN. ..."
_CAPS_DATELINE = re.compile(r"\s*(?:\([\w/ .-]{1,20}\)\s*)?(?P<n>[A-ZÄÖÜ]{3,})(?=\s*[:–—/,.]|\s+-\s)")


def discover_places(gaz: Gazetteer, sentences: list[Sentence], lang: str) -> None:
    """Towns below the gazetteer's size limit (``refdata.small_towns``) where the text places something in
    them ("ein Werk in Kelmsund"): added to the document's gazetteer, so that every mention of them counts."""
    from ..refdata import small_towns

    towns = small_towns()
    for s in sentences:
        found = []
        for m in _PLACE_CUE.finditer(s.text):
            found.append(m)
            pos = m.end("n")
            while (more := _MORE_TOWNS.match(s.text, pos)) is not None and fold(more.group("n")) in towns:
                found.append(more)
                pos = more.end("n")
        caps = _CAPS_DATELINE.match(s.text)
        if caps:
            found.append(caps)
        for m in found:
            name = m.group("n")
            if name.isupper():
                name = name.title()
            hit = towns.get(fold(name)) or towns.get(fold(name.split()[0]))
            if hit is None or hit[0] in gaz.entries or gaz.lookup(hit[1]) or fold(name) in _MONTHS:
                continue
            # "according to Sachin Kulkarni": a given name before a capitalized word is a person, not a town
            if is_given_name(name.split()[0]) and fold(name) not in towns and (
                    " " in name or re.match(r"[ \t]+[A-ZÄÖÜ]", s.text[m.end("n"):m.end("n") + 2])):
                continue
            rid, town = hit
            gaz.add(Entry(rid, REGION, {lang: town}, {}, {"level": "city"}, parent=rid.split("-")[0], local=True))


# an area named by a compass word joined to a known region ("Süddeutschland", "Ostbayern", "Nordchina")
_COMPASS_AREA = re.compile(r"(?<![\w-])(?P<c>Nordost|Nordwest|Südost|Südwest|Nord|Süd|Ost|West|Mittel|Zentral)"
                           r"(?P<r>[a-zäöü][a-zäöüß]{3,})(?![\w-])")
# an area named as the space or region around something, with a hyphen: "ASEAN-Raum", "Rhein-Main-Region"
_HYPHEN_AREA = re.compile(r"(?<![\w-])(?P<n>[A-ZÄÖÜ][\wÄÖÜäöüß]+(?:-[A-ZÄÖÜ][\wäöüß]+)?)-(?:Raum|Region)(?![\w-])"
                          # the area around a sea or lake, in one word: "Ostseeraum", "Bodenseeregion"
                          r"|(?<![\w-])[A-ZÄÖÜ][a-zäöü]+see(?:raum|region)(?![\w-])")
# first parts of '-Region' / '-Raum' that name a field or a kind, not a place
_AREA_NOT = {"Technologie", "Innovation", "Innovations", "Wirtschaft", "Wirtschafts", "Wissenschaft", "Wissenschafts",
             "Energie", "Industrie", "Modell", "Zukunft", "Zukunfts", "Wachstum", "Wachstums", "Forschung", "Forschungs",
             "Lebens", "Kultur", "Bildung", "Bildungs", "Gesundheit", "Gesundheits", "Digital", "Start"}


def _add_area(gaz: Gazetteer, name: str, lang: str, parent: str | None) -> None:
    """A new area region in the document's gazetteer, unless the name is known already."""
    rid = f"region:area-{slug(name)}"
    if rid not in gaz.entries and not gaz.lookup(name):
        gaz.add(Entry(rid, REGION, {lang: name}, {}, {"level": "area"}, parent=parent, local=True))


def discover_areas(gaz: Gazetteer, sentences: list[Sentence], lang: str) -> None:
    """Areas the gazetteer cannot list: a compass word joined to a region it knows ("Süddeutschland";
    part of that region where the region is a country) and hyphenated '-Raum' / '-Region' names."""
    for s in sentences:
        for m in _COMPASS_AREA.finditer(s.text):
            base = m.group("r")[0].upper() + m.group("r")[1:]
            known = [e for e in gaz.lookup(base, REGION) if base in e.all_names()]
            if known and not gaz.lookup(m.group(0)):
                country = known[0].properties.get("level") == "country"
                _add_area(gaz, m.group(0), lang, known[0].id if country else None)
        for m in _HYPHEN_AREA.finditer(s.text):
            parts = (m.group("n") or "").split("-")
            if any(p in _AREA_NOT or any(e.type == TOPIC for e in gaz.lookup(p)) for p in parts):
                continue  # "Mikroelektronik-Region", "Technologie-Raum": a field of work, not a place
            _add_area(gaz, m.group(0), lang, None)
