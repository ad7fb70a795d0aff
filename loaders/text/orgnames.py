"""Organization and company names that no gazetteer holds, found by their shape:

* German type words with their adjectives and the name after them ("Statistisches Landesamt",
  "Technische Universität Berlin", "Deutsch-Polnische Gesellschaft Sachsen-Anhalt", "Staatskanzlei");
* coordinated German compounds ("Verkehrs-, Wissenschafts- und Sozialministerium" -> three ministries);
* English names joined by "and" that share their head ("X University and Y University" -> two);
* political parties named next to a person ("Name (SPD)");
* companies in enumerations ("Firmen wie A und B", "companies such as A, B and C").

Generic words (MoU, Absichtserklärung, Delegation) never become organizations (``is_generic``).
Every pattern starts at a word start and has bounded repetition (linear time per sentence).
"""

from __future__ import annotations

import re

_HEADS_DE = ("ministerium", "staatskanzlei", "senatskanzlei", "kanzlei", "landesamt", "bundesamt", "amt", "kammer",
             "verband", "gesellschaft", "institut", "universität", "hochschule", "agentur", "kommission", "behörde",
             "stiftung", "akademie", "zentrum", "verwaltung", "senatsverwaltung", "regierung", "landtag",
             "vertretung", "generaldelegation", "büro", "werft", "werften")
# a bare one-word head that names one body in context (other bare heads are too generic)
_BARE_OK = {"staatskanzlei", "senatskanzlei", "landtag"}
_ADJ = r"(?:[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)*(?:e|en|er|es)\s+)"
_HEAD_WORD = (r"(?P<pre>[A-ZÄÖÜ][\w]*-)?(?P<head>(?:[A-ZÄÖÜ][a-zäöüß]*)?(?:" + "|".join(_HEADS_DE)
              + "|" + "|".join(h.capitalize() for h in _HEADS_DE) + r")(?:s|es)?)(?![\w-])")
_NAME_AFTER = r"(?:\s+(?P<after>(?:für|des|der)\s+[A-ZÄÖÜ][\w-]+(?:(?:,\s+|\s+und\s+)[A-ZÄÖÜ][\w-]+){0,4}|[A-ZÄÖÜ][\w-]+(?:\s+[A-ZÄÖÜ][\w-]+)?))?"
ORG_DE = re.compile(rf"(?<![\w-])(?P<adj>{_ADJ}{{1,2}})?{_HEAD_WORD}{_NAME_AFTER}")
_DET = re.compile(r"^(?:(?:Der|Die|Das|Des|Dem|Den|Eine[rnms]?|Ein|Diese[rnms]?|Unsere[rnms]?|Ihre[rnms]?)\s+)+")
COORD_DE = re.compile(r"(?<![\w-])(?P<parts>(?:[A-ZÄÖÜ][a-zäöüß]+-,\s+){0,5}[A-ZÄÖÜ][a-zäöüß]+-\s+(?:und|sowie|oder)\s+)"
                      r"(?P<last>[A-ZÄÖÜ][a-zäöüß]+?)(?P<head>ministerium|ministerien|kammer|verband|institut|agentur)(?![\w-])")
_HEADS_EN = r"(?:University|Institute|Agency|Ministry|Chamber|Association|Council|Authority|Corporation|Committee|Board|Centre|Center)"
COORD_EN = re.compile(rf"(?<![\w-])(?P<a>(?:[A-Z][\w-]*\s+){{1,6}}{_HEADS_EN})\s+and\s+(?P<b>(?:[A-Z][\w-]*\s+){{1,6}}{_HEADS_EN})(?![\w-])")
PARTIES = ("CDU", "CSU", "SPD", "FDP", "Grüne", "Grünen", "Die Linke", "Linke", "AfD", "BSW", "SSW", "Freie Wähler")
PARTY = re.compile(r"\((?P<p>" + "|".join(re.escape(p) for p in PARTIES) + r")\)")
_ITEM = r"[A-Z0-9][\w&.'’-]*(?:\s+[A-Z0-9][\w&.'’-]*){0,3}"
ENUM = re.compile(rf"(?<![\w-])(?:Firmen|Unternehmen|Konzerne|Hersteller|companies|firms|corporations|such companies)\s+(?:wie|such as|like|including|darunter)\s+"
                  rf"(?P<list>{_ITEM}(?:(?:,\s+|\s+(?:und|and|sowie|or|oder)\s+){_ITEM}){{0,8}})")

_GENERIC = re.compile(r"(?i)^(?:memorandum(?: of understanding)?|mou|absichtserklärung|letter of intent|loi|abkommen|"
                      r"vereinbarung|agreement|delegation|wirtschaftsdelegation|unternehmerdelegation|kooperation|"
                      r"partnerschaft|partnership|cooperation agreement|kooperationsvereinbarung|"
                      r"(?:die |der |das |the )?(?:gesellschaft|institut|universität|ministerium|kammer|verband|agentur|zentrum|"
                      r"amt|büro|regierung|verwaltung|delegation|kommission|netzwerk|cluster|stiftung|akademie|werft|werften))$")


def is_generic(name: str) -> bool:
    """A word for a kind of thing, not a name (MoU, Absichtserklärung, Delegation, 'das Ministerium')."""
    n = name.strip()
    return bool(_GENERIC.match(n)) or bool(re.search(r"(?i)\b(?:memorandum of understanding|letter of intent|absichtserklärung)\b", n))


def _norm_adj(adj: str) -> str:
    # "Statistische Landesamt" stays as written (the matcher strips endings)
    return " ".join(adj.split())


def org_candidates(text: str, is_region=lambda name: False, lang: str = "de") -> list[tuple[str, str | None, str | None]]:
    """(name, hint, short alias) of organizations named by type words in a sentence. A plain name after
    the head counts only when ``is_region`` says it is a region ('Technische Universität Berlin')."""
    out: list[tuple[str, str | None, str | None]] = []
    for m in COORD_DE.finditer(text):
        head = m.group("head")
        head = "ministerium" if head == "ministerien" else head
        parts = [p.strip().rstrip("-") for p in re.split(r"-,\s+|-\s+(?:und|sowie|oder)\s+", m.group("parts")) if p.strip()]
        for p in parts + [m.group("last")]:
            out.append((p + head, head, None))
    for m in ORG_DE.finditer(text) if lang == "de" else ():
        head = m.group("head")
        low = head.lower()
        adj, pre, after = m.group("adj"), m.group("pre"), m.group("after")
        if adj:
            adj = _DET.sub("", adj) or None
        core = low.rstrip("s") if not low.endswith(tuple(_HEADS_DE)) else low
        if after and not after.startswith(("für ", "des ", "der ")) and not is_region(after):
            after = None
        if not (adj or pre or after) and core not in _BARE_OK:
            continue
        name = "".join(x for x in ((_norm_adj(adj) + " ") if adj else "", pre or "", head))
        if after:
            name += " " + after
        # a city adjective ("Düsseldorfer Staatskanzlei"): the head alone is an alias
        alias = head if adj and re.fullmatch(r"[A-ZÄÖÜ][a-zäöüß]+er\s*", adj) and core in _BARE_OK else None
        out.append((name.strip(), low, alias))
    for m in COORD_EN.finditer(text):
        out.append((m.group("a"), None, None))
        out.append((m.group("b"), None, None))
    return out


def party_names(text: str) -> list[str]:
    return [m.group("p") for m in PARTY.finditer(text)]


def enumerated_companies(text: str) -> list[str]:
    out: list[str] = []
    for m in ENUM.finditer(text):
        for item in re.split(r",\s+|\s+(?:und|and|sowie|or|oder)\s+", m.group("list")):
            item = item.strip(" .,")
            if len(item) >= 2 and not is_generic(item):
                out.append(item)
    return out
