"""English names by their head word, part of the third pass of ``discover_organizations``: a
capitalized run that ends in a head ('Velden Trade Agency'), a head first with its field ('Ministry of X',
'Government of Y'), and a cooperation body named with its partner."""

from __future__ import annotations

import re

from graph.text import fold

from ..gazetteer import Gazetteer
from ..givennames import is_given_name
from ..orgnames import generic_en_name, split_coordinated
from ..typenames import REGION
from .names import STOP, _CAPWORD, _HEAD_EN, _RUN, _TITLE_BREAK, _trim_left, title_case
from .personshapes import _OFFICE
from .register import _best_tail, _register_org

# a head first, then its field: "the Agency for Regional Growth", "Department of Industries and Commerce"
_HEAD_FIRST_EN = re.compile(
    rf"(?<![\w-])(?P<name>(?:Ministry|Agency|Department|Office|Institute|Council|Commission|Bureau|Chamber|Authority|"
    rf"Board|Centre|Center|Foundation|Association|Chancellery|Committee|Embassy|Consulate(?:[- ]General)?|"
    rf"Federation|Confederation|Government)"
    # "Department for Promotion of Industry and Internal Trade": a second "of" inside the field
    rf"\s+(?:of|for)(?:\s+(?:the\s+)?{_CAPWORD})+(?:\s+(?:of|for)(?:\s+{_CAPWORD}){{1,3}}(?=\s+and\s))?"
    rf"(?:(?:,\s+{_CAPWORD})*,?\s+and(?:\s+{_CAPWORD})+)?)"
    # the place of the body after its field: "Chamber of Commerce and Industry of Stuttgart" (kept only for a region)
    rf"(?P<of>\s+(?:of|in)\s+(?P<place>{_CAPWORD}(?:\s+{_CAPWORD})?))?")
# a level of government in lower case before "Government of X" ("the provincial Government of ...")
_LEVEL_BEFORE_EN = {"provincial", "federal", "state", "regional", "municipal", "national", "local", "prefectural"}
# a name in capitals after the head belongs to it ("Political Network STRING")
# "Ministry of Industry and Trade", not "X Hub and the Port of Y" (a second name after "and the")
# a field list after "of"/"for" ends with "and" ("Ministry for Economic Affairs, Regional Development and Energy")
# an office after "and" ends a body's name ("the State Chancellery and Minister of State for X")
_OFFICE_EN = r"(?:Minister|President|Secretary|Governor|Head|Director|Mayor|Premier|Chairman|Chairwoman|Chair|CEO|Ambassador|Consul)"
_HEAD_NAME_EN = re.compile(rf"(?P<name>{_RUN}\s+{_HEAD_EN}(?:\s+(?:of|for)(?:\s+(?:the\s+)?{_CAPWORD})+(?:(?:,\s+{_CAPWORD}(?:\s+{_CAPWORD}){{0,2}}){{1,3}},?(?=\s+and\s))?|\s+and(?!\s+{_OFFICE_EN}\b)(?:\s+{_CAPWORD})+)*(?:\s+[A-Z]{{3,}}(?![\w-]))?)(?P<place>\s+{_CAPWORD})?(?![\w])")
# "the Council for Joint Projects with the Republic of Poland": a cooperation body named with its partner
_COOPERATION_BODY_EN = re.compile(rf"(?<![\w-])(?P<name>(?:Board|Commission|Council|Committee|Office|Centre|Center|Forum)\s+(?:of|for)\s+"
                                  rf"(?:{_CAPWORD}\s+){{0,2}}(?:Cooperation|Co-operation|Relations|Partnership)\s+with\s+(?:the\s+)?"
                                  rf"(?P<place>{_CAPWORD}(?:\s+{_CAPWORD}){{0,2}}))")
# words after a head that make the whole a programme, an event or a prize, not a body
_PROGRAMME_WORD = re.compile(r"Initiative|Programme|Program|Project|Fund|Award|Awards|Prize|Platform|Forum|Conference|Summit|"
                             r"Week|Days|Day|Festival|Challenge|Strategy|Act|Plan|Fair|Expo|Congress|Convention|Symposium|"
                             r"Workshop|Webinar|Series|Lecture|Meeting|Dialogue|Talks")


def _head_names_en(gaz: Gazetteer, t: str, lang: str, whole: str = "") -> None:
    """A capitalized run that ends in an English head word ('Velden Trade Agency', 'X Chamber of Commerce');
    in a title-case headline only the part of the run the text writes again (``whole``: all its sentences)."""
    headline = title_case(t, lang)
    for m in _HEAD_NAME_EN.finditer(t):
        nm = m.group("name")
        if _PROGRAMME_WORD.fullmatch((m.group("place") or "").strip()):
            continue  # "the Digital Hub Initiative", "the Velden University Summit": a programme or an event
        # a field list does not run into persons ("the Ministry of Finance, Tom Harris and Jane Porter")
        items = re.split(r",\s+|\s+and\s+", nm)
        if len(items) > 1 and any(is_given_name(i.split()[0]) for i in items[1:] if i):
            nm = nm.split(",")[0]
        cut = list(_TITLE_BREAK.finditer(nm)) if headline else []
        # "Saxony Strengthens Cooperation With X Association": the name starts after "With"
        nm = nm[cut[-1].end():] if cut else nm
        # "the X Chamber of Commerce and Industry and the Y Association": each name on its own
        parts = split_coordinated(_trim_left(nm))
        if headline and not cut:
            # no function word says where the name begins ("Minister X Opens Velden Office In Y")
            parts = [p for p in (_written_again(p, t, whole) for p in parts) if p]
        for k, part in enumerate(parts):
            place = (m.group("place") or "").strip() if k == len(parts) - 1 else ""
            _head_name_part(gaz, part, k == 0, place, headline, lang)


def _written_again(run: str, t: str, whole: str) -> str | None:
    """In a title-case headline ``t`` every word is capitalised ("Minister X Opens Velden Office In Y"), so a
    run of capitals says nothing about where a name begins: the longest tail of the run (two words or more)
    that the text writes again outside the headline, as written, is the name; none when it never repeats it."""
    words = run.split()
    for k in range(len(words) - 1):
        rx = re.compile(rf"(?<![\w-]){re.escape(' '.join(words[k:]))}(?![\w-])")
        if len(rx.findall(whole)) > len(rx.findall(t)):
            return " ".join(words[k:])
    return None


def _head_name_part(gaz: Gazetteer, part: str, first: bool, place: str, headline: bool, lang: str) -> None:
    """One name of a run read by ``_head_names_en`` (``first``: the run's first name; ``place``: the word
    after the run, for its last name)."""
    # "Tom Velden, Chief Executive, Velden Computer Board": a comma ends what came before the name,
    # unless a field list goes on after "of" ("Ministry of Trade, Industry and Energy")
    before, comma, after = part.rpartition(", ")
    # ("Ministry for Economic Affairs, Transport, Housing and X": the list runs on after "for")
    if comma and not re.search(r"\b(?:of|for|für)\b", before.rpartition(", ")[2]) and not (
            re.search(rf"{_HEAD_EN}\s+(?:of|for)\s", before) and re.search(r"\sand\s", after)):
        part = _trim_left(after)
    name = _cut_at_office(_best_tail(part, gaz) if first else _trim_left(part))
    # "Germany’s Lower Saxony Ministry for ...": the possessive region is not part of the name
    poss = re.match(r"(?P<r>[A-Z][\w]*(?:[ -][A-Z][\w]*)?)(?:'s|’s)\s+(?=[A-Z])", name or "")
    if poss and any(x.type == REGION for x in gaz.lookup(poss.group("r"))) and len(name[poss.end():].split()) >= 2:
        name = name[poss.end():]
    # a place right after the head names the branch ("German Institute Taipei")
    if name and place and any(e.type == REGION for e in gaz.lookup(place)):
        name = f"{name} {place}"
    # a year before the name ("© 2024 State Chancellery of X", a copyright line) is no name
    if name and len(name.split()) >= 2 and not generic_en_name(name, headline or lang != "en") and not name[0].isdigit():
        e = _register_org(gaz, name, lang)
        # "Velden Computer Board of the Republic of Tarn": the name without its country is an alias
        cut = re.search(r"\s+of\s+(?:the\s+)?(?=[A-Z])", name)
        short = name[:cut.start()] if cut else ""
        if e is not None and cut and len(short.split()) >= 2 and not re.match(_HEAD_EN, short) \
                and re.search(rf"{_HEAD_EN}$", short) \
                and any(x.type == REGION for x in gaz.lookup(name[cut.end():])):
            gaz.add_alias(e.id, short, lang)


def _cooperation_bodies(gaz: Gazetteer, t: str, lang: str) -> None:
    """'the Council for Joint Projects with the Republic of Poland': a body named with its partner region."""
    for m in _COOPERATION_BODY_EN.finditer(t):
        place = m.group("place").split()
        for k in range(len(place), 0, -1):  # the longest run of words that is a known region
            if any(e.type == REGION for e in gaz.lookup(" ".join(place[:k]))):
                _register_org(gaz, t[m.start("name"):m.start("place")] + " ".join(place[:k]), lang)
                break


def _head_first_names(gaz: Gazetteer, t: str, lang: str) -> None:
    """A head word first, then its field: 'the Agency for Regional Growth', 'Government of X'."""
    for m in _HEAD_FIRST_EN.finditer(t):
        prev = re.search(r"(\S+)\s+$", t[max(0, m.start() - 40):m.start()])
        # after a capitalized word the name began earlier (``_HEAD_NAME_EN`` reads it whole)
        # "a Chamber of Commerce", "the local Chamber of Commerce", "their Ministry of Finance": a kind of body
        if prev is not None and prev.group(1) in ("a", "an", "local", "several", "each", "every", "any", "another",
                                                  "other", "its", "their", "our", "his", "her", "respective"):
            continue
        # (a comma or a colon ends what came before: "Tom Berg, Counsellor, Embassy of India")
        if prev is None or not prev.group(1)[:1].isupper() or fold(prev.group(1)) in STOP or prev.group(1)[-1] in ",;:":
            _head_first_name(gaz, m, prev.group(1) if prev is not None else None, lang)


def _head_first_name(gaz: Gazetteer, m: re.Match, prev: str | None, lang: str) -> None:
    """One match of ``_HEAD_FIRST_EN`` (``prev``: the word before it): a body, with the place it is of when
    that is a known region; a mission or a government only of a region the text names."""
    name = m.group("name")
    name = _cut_at_office(name)
    in_region = m.group("place") and any(e.type == REGION for e in gaz.lookup(m.group("place")))
    if in_region:
        name += m.group("of")
    # an embassy, a consulate, a government is one of a country or region the text names
    mission = re.match(r"(?:Embassy|Consulate|Government)\b", name)
    if mission and not in_region and not any(
            e.type == REGION for e in gaz.lookup(re.sub(r"^\S+(?:[- ]General)?\s+(?:of|for)\s+(?:the\s+)?", "", m.group("name")))):
        return
    # "the provincial Government of X": the level written before the head belongs to the name
    level = prev is not None and prev in _LEVEL_BEFORE_EN
    if level:
        name = f"{prev} {name}"
    elif mission and mission.group(0) == "Government" and not in_region:
        return  # "the Government of Japan" stands for the region (a party to its agreements)
    e = _register_org(gaz, name, lang, hint="government" if mission else None)
    if e is not None and e.local and e.seat is None and mission and mission.group(0) == "Government":
        # the government of a region the name states sits there (its region stands for it)
        where = m.group("place") if in_region else re.sub(r"^\S+\s+(?:of|for)\s+(?:the\s+)?", "", m.group("name"))
        regions = [x for x in gaz.lookup(where) if x.type == REGION]
        e.seat = regions[0].id if regions else None


def _cut_at_office(name: str) -> str:
    """'Department of Resources and Economic Development Commissioner Jane Roe' -> 'Department of Resources and
    Economic Development': a title after the head word, before a name, ends the body's name ('Office of the
    Governor' stays)."""
    head = re.search(_HEAD_EN, name or "")
    if not head:
        return name
    office = re.compile(rf"\s+(?={_OFFICE}\s+[A-ZÄÖÜ])").search(name, head.end())
    return name[:office.start()] if office else name
