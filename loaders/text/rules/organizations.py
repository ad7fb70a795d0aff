"""Organizations: parent bodies (SUBORDINATE_TO), seats (LOCATED_IN), what a network works on
(FOCUSES_ON) and the properties a text states (budget, members, founding year)."""

from __future__ import annotations

import re

from .. import triggers as T
from ..amounts import find_amounts, parse_number
from ..sentences import Sentence
from . import members
from .context import Doc, Mention, gap as _gap
from .types import COMPANY, FOCUSES_ON, LOCATED_IN, ORGANIZATION, PERSON, REGION, SUBORDINATE_TO


def apply(d: Doc, s: Sentence, ms: list[Mention]) -> None:
    t = s.text
    orgs = [m for m in ms if m.kind == "entity" and m.type in (ORGANIZATION, COMPANY)]
    # SUBORDINATE_TO
    cue = T.SUBORDINATE.search(t)
    anaphor_subject = False
    if cue and s.index > 1 and re.match(
            r"\s*(?:Die|Der|Das|The|This)\s+(?:Agentur|Organisation|Gesellschaft|Einrichtung|Behörde|Institution|Institut|Stiftung|agency|organi[sz]ation|institute|body|foundation)\b|\s*(?:It|Sie|Es)\b", t):
        prev = [m for m in d.mentions[s.index - 1] if m.kind == "entity" and m.type == ORGANIZATION]
        after = [m for m in ms if m.kind == "entity" and m.type in (ORGANIZATION, REGION) and m.start > cue.start() - 120]
        if prev and after and after[0].ref != prev[0].ref:
            d.fact(SUBORDINATE_TO, prev[0].ref, after[0].ref, s.index)
            anaphor_subject = True
    if cue and orgs and not anaphor_subject:
        x = orgs[0]
        if x.start < cue.start():
            # the parent is named after the cue ("X (Dresden) ist eine Tochter des Freistaates Sachsen")
            # ("ist dem X zugeordnet": a German participle at the end names it before)
            final = re.match(r"(?i)zugeordnet|unterstellt|angegliedert|nachgeordnet", cue.group(0))
            after_x = [m for m in ms if m.kind == "entity" and m.start > x.end and m.type in (ORGANIZATION, COMPANY, REGION)
                       and m.ref != x.ref and (final or m.start >= cue.start())]
            if after_x:
                d.fact(SUBORDINATE_TO, x.ref, after_x[0].ref, s.index)
    # "das Korea Centre der Hochschule Kiel", "das Institut für X der Universität Y": a unit of the body
    # named right after it in the genitive
    for a, b in zip(orgs, orgs[1:]):
        if a.type == ORGANIZATION and b.type == ORGANIZATION and a.ref != b.ref and _UNIT_OF.fullmatch(_gap(t, a.end, b.start)) \
                and _UNIT_HEAD.search(a.text) and not _UNIT_HEAD.search(b.text.split()[0]):
            d.fact(SUBORDINATE_TO, a.ref, b.ref, s.index)
    # MEMBER_OF
    members.apply(d, s, ms)
    # LOCATED_IN: "die südkoreanische Regierungsagentur TIPA", "X aus/in Y", "Y-based X"
    for i, m in enumerate(ms):
        if m.kind == "adjective":
            rest = [x for x in ms[i + 1:] if x.kind != "topic"]
            nxt = rest[0] if rest else None
            if nxt and nxt.kind == "entity" and nxt.type == ORGANIZATION:
                g = _gap(t, m.end, nxt.start)
                if len(g.split()) <= 2 and re.fullmatch(r"\s+(?:[\w-]+\s+){0,2}", g) and (not g.strip() or g.strip()[0].isupper() or g.strip()[0].islower()):
                    d.fact(LOCATED_IN, nxt.ref, m.ref, s.index)
                    # "der koreanischen Verbände X und Y": a plural descriptor covers the list
                    prev_end = nxt.end
                    if not re.search(r"(?:e|en|s)\s+$", g) or re.search(r"(?:ur|ung|ion|tät)\s+$", g):
                        continue
                    for y in rest[1:]:
                        if y.kind == "entity" and y.ref == nxt.ref:
                            prev_end = y.end
                            continue
                        if y.kind == "entity" and y.type in (ORGANIZATION, COMPANY) and re.fullmatch(
                                r"\s*(?:\([^)]*\))?\s*(?:,|und|and|sowie|or|oder)\s*(?:die|der|das|the)?\s*", _gap(t, prev_end, y.start)):
                            d.fact(LOCATED_IN, y.ref, m.ref, s.index)
                            prev_end = y.end
                            continue
                        break
    for i, m in enumerate(ms):
        # "das Medizintechnik-Netzwerk MedTech", "the photonics network OptoNet": what the body works on
        if m.kind == "topic" and i + 1 < len(ms):
            nxt = ms[i + 1]
            g = _gap(t, m.end, nxt.start)
            if nxt.kind == "entity" and nxt.type in (ORGANIZATION, COMPANY) and re.fullmatch(
                    r"[\s-]*(?:[Nn]etzwerk|network|[Cc]luster|[Vv]erband|association|[Ii]nitiative)\s+", g):
                d.fact(FOCUSES_ON, nxt.ref, m.ref, s.index)
    _described_as(d, s, ms)
    for i, m in enumerate(ms):
        if m.kind == "entity" and m.type in (ORGANIZATION, COMPANY):
            k = i + 1
            while k < len(ms) and ms[k].kind == "entity" and ms[k].ref == m.ref:
                k += 1
            if k < len(ms) and ms[k].kind == "entity" and ms[k].type == REGION:
                # (a closing quotation mark after the name is no gap: '„X“ in Y')
                g = _gap(t, ms[k - 1].end, ms[k].start).lstrip("\"“”»«’'")
                if T.LOCATED.match(g):
                    after = t[ms[k].end:]
                    plain_in = re.fullmatch(r"\s*(?:,\s*)?in\s+", g) is not None
                    # "X in Y" only as a noun phrase ("the agency in Busan,"), not "X signs in Y a ..."
                    # the subject of the sentence "X in Y" before its verb: "Die AHK in Tokio organisierte ...",
                    # "The German Embassy in Seoul hosted ..."
                    subject = re.fullmatch(r"\s*(?:(?:Die|Der|Das|The)\s+(?:[A-ZÄÖÜ][\w-]*\s+)?)?", t[:m.start]) is not None \
                        and re.match(r"\s+[a-zäöüß]+(?:te|ten|ed|et|t|s)\s", after) is not None \
                        and not re.match(r"\s+(?:ist|is|has|was|hat|des|das|this|its|its)\s", after)
                    # what was opened or founded in Y is there: "eröffnete das X in Y", "inaugurated the X in Y at ..."
                    opened = _OPENED_BEFORE.search(t, max(0, m.start - 40), m.start) is not None
                    if plain_in and not subject and not opened and not re.match(r"\s*(?:[,.;)]|$|\(|besucht|visited|(?:ist|is|hat|has|und|and|sowie|am|on|mitteilte|teilte|sagte|said|says|wurde|was)\b)", after):
                        continue
                    if plain_in and _BRANCH_OF.search(t[max(0, m.start - 120):m.start]):
                        continue  # "die Niederlassung des Konzerns X in Y": the branch is in Y, not X
                    d.fact(LOCATED_IN, m.ref, ms[k].ref, s.index)
    _named_for_country(d, s, ms)
    _place_in_name(d, s, ms)
    _active_in(d, s, ms)
    _described_with_place(d, s, ms)
    # a list of people with their bodies and towns: "Jane Roe, Consul, Embassy of Tarnia, Berlin; ..."
    for i, m in enumerate(ms[:-1]):
        nxt = ms[i + 1]
        if m.kind == "entity" and m.type in (ORGANIZATION, COMPANY) and nxt.kind == "entity" and nxt.type == REGION \
                and _gap(t, m.end, nxt.start) == ", " and d.region_level(nxt.ref) in ("city", "district", "state") \
                and re.match(r"\s*(?:[;)]|$)", t[nxt.end:]):
            d.fact(LOCATED_IN, m.ref, nxt.ref, s.index)
    _postal_address(d, s, ms)
    _seat_named(d, s, ms)
    _seat_shapes(d, s, ms)
    _state_owned(d, s, ms)
    _state_body(d, s, ms)
    for m in re.finditer(r"(?P<r>[A-ZÄÖÜ][\w]+)-based\s+", t):
        r_ms = [x for x in ms if x.kind == "entity" and x.type == REGION and x.start == m.start("r")]
        o_ms = [x for x in ms if x.kind == "entity" and x.type in (ORGANIZATION, COMPANY) and 0 <= x.start - m.end() <= 20]
        if r_ms and o_ms:
            d.fact(LOCATED_IN, o_ms[0].ref, r_ms[0].ref, s.index)


# "X und Y sind in Z aktiv", "X is already present in Z": where bodies work (the region after "in", an
# activity word after it)
_ACTIVE_VERB = re.compile(r"\s*,?\s+(?:ist|sind|is|are)\s+(?:(?:bereits|schon|auch|already|also|now|seit\s+\w+)\s+)?in\s+(?:den|der|dem|the\s+)?\s*$")
_ACTIVE_WORD = re.compile(r"\s+(?:(?:bereits|schon|seit\s+\w+|erfolgreich|successfully)\s+)?(?:aktiv|tätig|vertreten|präsent|ansässig|active|present|represented|operating)\b")
_LIST_GAP = re.compile(r"\s*(?:,|und|and|sowie|&)\s*")


def _active_in(d: Doc, s: Sentence, ms: list[Mention]) -> None:
    t = s.text
    ents = [m for m in ms if m.kind == "entity"]
    for i, r in enumerate(ents):
        if r.type != REGION or not i or not _ACTIVE_WORD.match(t, r.end):
            continue
        k = i - 1
        if ents[k].type not in (ORGANIZATION, COMPANY) or not _ACTIVE_VERB.fullmatch(_gap(t, ents[k].end, r.start)):
            continue
        subjects = [ents[k]]
        while k > 0 and ents[k - 1].type in (ORGANIZATION, COMPANY) and _LIST_GAP.fullmatch(_gap(t, ents[k - 1].end, ents[k].start)):
            k -= 1
            subjects.append(ents[k])
        for o in subjects:
            d.fact(LOCATED_IN, o.ref, r.ref, s.index)


# "X, a time-honoured noodle maker from Y", "X, ein Familienunternehmen aus Y": the description in apposition
# says where the company is
_DESCRIBED_PLACE = re.compile(r"\.?\s*,\s+(?:a|an|the|ein|eine|einem|der|die|das)\s+(?:[\w-]+\s+){0,5}?"
                              r"(?:company|firm|maker|manufacturer|producer|supplier|group|start-?up|[\w-]*[Uu]nternehmen|[\w-]*[Hh]ersteller|"
                              r"[\w-]*[Zz]ulieferer|[Ff]irma|[\w-]*[Kk]onzern)\s+(?:(?:based|headquartered)\s+in|in|from|aus|mit\s+Sitz\s+in)\s+(?:the\s+|dem\s+|der\s+)?")


def _described_with_place(d: Doc, s: Sentence, ms: list[Mention]) -> None:
    t = s.text
    for i, m in enumerate(ms):
        if m.kind != "entity" or m.type not in (ORGANIZATION, COMPANY):
            continue
        r = next((x for x in ms[i + 1:] if x.kind == "entity" and x.ref != m.ref), None)
        if r is not None and r.type == REGION and _DESCRIBED_PLACE.fullmatch(_gap(t, m.end, r.start)):
            d.fact(LOCATED_IN, m.ref, r.ref, s.index)


# a verb of opening or founding and an article right before a body
_OPENED_BEFORE = re.compile(r"(?<![\w-])(?:eröffnet(?:e|en)?|gegründet|eingeweiht|weiht(?:e|en)?|opened|opens|inaugurated|inaugurates|"
                            r"launched|founded|established|set\s+up)\s+(?:(?:das|die|den|der|ein|eine|einen|the|a|an|its|their|its\s+new|a\s+new|the\s+new)\s+)?"
                            r"(?:[\w-]+\s+){0,1}[„\"“»]?$")


# a body named by the town it sits in ("das Generalkonsulat in X", "the Chamber of Commerce in Y"): the
# last words of the mention after "in"
_IN_PLACE_END = re.compile(r"\s(?:in|in der|in the)\s+(?P<r>[A-ZÄÖÜ][\w-]*(?:\s[A-ZÄÖÜ][\w-]*){0,2})$")


def _place_in_name(d: Doc, s: Sentence, ms: list[Mention]) -> None:
    for m in ms:
        if m.kind != "entity" or m.type not in (ORGANIZATION, COMPANY):
            continue
        tail = _IN_PLACE_END.search(m.text)
        regions = [e for e in d.gaz.lookup(tail.group("r")) if e.type == REGION] if tail else []
        if regions:
            d.fact(LOCATED_IN, m.ref, regions[0].id, s.index)


# "the X Group (headquarters in Seoul)", "die Y AG (Sitz in Kassel)": the seat in brackets
_SEAT_BRACKET = re.compile(r"\s*\(\s*(?:headquarters|headquartered|based|seat|Sitz|Hauptsitz|mit Sitz|Firmensitz)(?:\s+in|\s*:)\s+(?:the\s+|der\s+|dem\s+)?")
# "Germany's ThyssenKrupp", "Taiwans Y": a possessive region right before the body
_GOVERNMENT_BODY = re.compile(r"(?i)minist|government|regierung|kanzlei|chancellery|department|senat|landtag|parliament|parlament")
_POSSESSIVE = re.compile(r"(?:'s|’s)\s+")
# "die renommierte X in München", "der Deutschen Auslandshandelskammer in Shanghai": a noun phrase (an article,
# at most one lower-case adjective) of the body and its town
_ARTICLE_BEFORE = re.compile(r"(?:^|[\s(])(?:der|die|das|dem|den|des|im|am|beim|vom|zum|zur|the)\s+(?:[a-zäöüß]+(?:e|en|er|es|em)\s+)?$")


# "die landeseigene Wirtschaftsförderungsgesellschaft X": a body the state owns (the state the text is about)
_STATE_OWNED = re.compile(r"\blandeseigene[nmrs]?\s+(?:[A-ZÄÖÜ][\w-]*\s+)?$")


# "X ist die staatliche japanische Agentur ...", "X, die staatliche koreanische ...": a body of the state whose
# adjective follows
_STATE_BODY_DE = re.compile(r"\s*(?:\([^)]*\)\s*)?(?:\s+ist|,)\s+(?:die|der|das|eine?)\s+staatliche[nr]?\s+$")
# "X, the state's trade promotion agency": a body of the state the text is about
_STATES_BODY_EN = re.compile(r",\s+(?:the|its)\s+state(?:'s|’s)\s+(?:[\w&-]+\s+){0,5}?(?:agency|company|corporation|organi[sz]ation|society|bank)\b")


def _state_body(d: Doc, s: Sentence, ms: list[Mention]) -> None:
    t = s.text
    home = getattr(d, "home", None)
    for i, m in enumerate(ms):
        if m.kind != "entity" or m.type not in (ORGANIZATION, COMPANY):
            continue
        # (a bracket right after the name, its long form or acronym, is skipped)
        br = re.match(r"\s*\([^)]*\)", t[m.end:])
        skip_to = m.end + br.end() if br else m.end
        nxt = next((x for x in ms[i + 1:] if x.ref != m.ref and x.start >= skip_to), None)
        if nxt is not None and nxt.kind == "adjective" and _STATE_BODY_DE.fullmatch(_gap(t, m.end, nxt.start)):
            d.fact(SUBORDINATE_TO, m.ref, nxt.ref, s.index)
        elif home and home in d.node_sentences and m.ref != home and _STATES_BODY_EN.match(t, m.end):
            d.fact(SUBORDINATE_TO, m.ref, home, s.index)


def _state_owned(d: Doc, s: Sentence, ms: list[Mention]) -> None:
    """SUBORDINATE_TO the text's home state for a body called 'landeseigen' (only a state the text names)."""
    home = getattr(d, "home", None)
    if not home or home not in d.node_sentences:
        return
    for m in ms:
        if m.kind == "entity" and m.type in (ORGANIZATION, COMPANY) and m.ref != home \
                and _STATE_OWNED.search(s.text[max(0, m.start - 80):m.start]):
            d.fact(SUBORDINATE_TO, m.ref, home, s.index)


def _seat_shapes(d: Doc, s: Sentence, ms: list[Mention]) -> None:
    """Seats the text states in a bracket, by a possessive region or in a noun phrase with 'in' and a town."""
    t = s.text
    for i, m in enumerate(ms):
        if m.kind != "entity" or m.type not in (ORGANIZATION, COMPANY):
            continue
        k = i + 1
        while k < len(ms) and ms[k].kind == "entity" and ms[k].ref == m.ref:
            k += 1
        nxt = ms[k] if k < len(ms) else None
        if nxt is not None and nxt.kind == "entity" and nxt.type == REGION:
            g = _gap(t, ms[k - 1].end, nxt.start)
            if _SEAT_BRACKET.fullmatch(g) and re.match(r"\s*\)", t[nxt.end:nxt.end + 3]):
                d.fact(LOCATED_IN, m.ref, nxt.ref, s.index)
            elif re.fullmatch(r"\s+in\s+", g) and _ARTICLE_BEFORE.search(t[max(0, m.start - 40):m.start]) \
                    and d.region_level(nxt.ref) == "city" and not _BRANCH_OF.search(t[max(0, m.start - 120):m.start]):
                d.fact(LOCATED_IN, m.ref, nxt.ref, s.index)
        prev = ms[i - 1] if i else None
        if prev is not None and prev.kind == "entity" and prev.type == REGION:
            g = _gap(t, prev.end, m.start)
            e = d.gaz.get(prev.ref)
            genitive = d.lang == "de" and g == " " and prev.text.endswith("s") and e is not None and prev.text not in e.all_names()
            # a government's own bodies ("Germany's Lower Saxony Ministry for ...") are its units, not seated bodies
            if (genitive or (d.lang == "en" and _POSSESSIVE.fullmatch(g))) and not _GOVERNMENT_BODY.search(m.text):
                d.fact(LOCATED_IN, m.ref, prev.ref, s.index)


_UNIT_OF = re.compile(r"\s+(?:der|des|of the|of)\s+")
_UNIT_HEAD = re.compile(r"(?i)(?:zentrum|centre|center|institut|institute|büro|office|repräsentanz|vertretung|abteilung|"
                        r"fakultät|faculty|lehrstuhl|labor|laboratory|school|college|akademie|academy)\b")
# a branch, office or plant "of" the body named next: "die Dependance des Unternehmens X", "the European office of X"
_BRANCH_OF = re.compile(r"\b(?:\w*(?:[Dd]ependance|[Nn]iederlassung|[Ff]iliale|[Tt]ochter(?:gesellschaft|firma)?|[Bb]üro|[Ww]erk|[Ss]tandort|[Vv]ertretung|[Zz]weigstelle)s?"
                       r"|branch|office|subsidiary|plant|site|outlet|store)\s+(?:des|der|eines|einer|von|of|of the)\s+(?:[\w-]+\s+){0,5}$")


def properties(d: Doc, s: Sentence, ms: list[Mention]) -> None:
    t = s.text
    orgs = [m for m in ms if m.kind == "entity" and m.type == ORGANIZATION]
    if not orgs:
        return
    if T.BUDGET.search(t):
        am = find_amounts(t, d.lang)
        if am:
            a = am[0]
            scale = {"one": 1, "thousand": 1e3, "million": 1e6, "billion": 1e9}[a.unit]
            props = d.node_props.setdefault(orgs[0].ref, {})
            props["budget"] = round(a.value * scale, 2)
            props["budget_currency"] = a.currency
            yrs = [x for x in d.dates[s.index] if x.kind in ("year", "relative") and len(x.start) == 4]
            if yrs:
                props["budget_year"] = int(yrs[0].start)
    mc = T.MEMBERS_COUNT.search(t)
    if mc:
        try:
            n = int(parse_number(mc.group("n"), d.lang))
            d.node_props.setdefault(orgs[0].ref, {})["members"] = n
        except ValueError:
            pass
    fm = T.FOUNDED.search(t)
    if fm and fm.group("y"):
        d.node_props.setdefault(orgs[0].ref, {})["founded"] = int(fm.group("y"))



# "X ist ... eines der größten Mikroelektronik- und IT-Cluster", "X is a photonics network": the body
# described as a network of a field works on that field
_IS = re.compile(r"\.?\s*(?:\([^)]*\)\s*)?(?:ist|is|gilt als|bildet)\b")
_NETWORK_AFTER = re.compile(r"[\w]*(?:-\s*(?:(?:und|and|sowie)\s+[\w-]+)?)?\s*[-\s]?(?:[Cc]luster|[Nn]etzwerk|[Nn]etzwerke|[Nn]etzwerks|network|[Vv]erband|association)\b")


def _described_as(d: Doc, s: Sentence, ms: list[Mention]) -> None:
    t = s.text
    ents = [m for m in ms if m.kind == "entity"]
    if not ents or ents[0].type not in (ORGANIZATION, COMPANY) or not _IS.match(t, ents[0].end):
        return
    subject = ents[0]
    for m in ms:
        if m.kind == "topic" and m.start > subject.end and _NETWORK_AFTER.match(t, m.end):
            d.fact(FOCUSES_ON, subject.ref, m.ref, s.index)


# "Korea Institute of Industrial Technology", "Japan External Trade Organization": a body whose name, as
# the text writes it, starts with a country's name is of that country
_COUNTRY_FIRST = re.compile(r"([A-ZÄÖÜ][\w]+)\s+[A-ZÄÖÜ&]")


def _named_for_country(d: Doc, s: Sentence, ms: list[Mention]) -> None:
    for m in ms:
        if m.kind != "entity" or m.type not in (ORGANIZATION, COMPANY):
            continue
        w = _COUNTRY_FIRST.match(m.text)
        if w is None:
            continue
        if any(f.type == SUBORDINATE_TO and f.source == m.ref and f.sentence == s.index for f in d.facts):
            continue  # "das Korea Centre der Hochschule Kiel": a unit of a body named here, not of Korea
        e = d.gaz.get(m.ref)
        if e is not None and any(rel == LOCATED_IN for rel, _ in e.home):
            continue  # the reference data knows its seat (a town): that fact says more
        countries = [e for e in d.gaz.lookup(w.group(1), REGION) if e.properties.get("level") == "country"]
        if len(countries) == 1 and d.gaz.get(countries[0].id) is not None and not _placed_elsewhere(d, s.text, ms, m, countries[0].id):
            d.fact(LOCATED_IN, m.ref, countries[0].id, s.index)


# "das „Korea Business Center“ in Eschborn": the place written right after the body's name
_IN_AFTER = re.compile(r"[“”\"»«]?\s+(?:in|im|at)\s+(?:der\s+|dem\s+|the\s+)?")


def _placed_elsewhere(d: Doc, t: str, ms: list[Mention], m: Mention, country: str) -> bool:
    """The sentence places the body in a region outside the country its name starts with: the name is
    what it works on, not where it is ('das „Korea Center“ in Eschborn')."""
    for x in ms:
        if x.kind == "entity" and x.type == REGION and x.start > m.end and _IN_AFTER.fullmatch(t, m.end, x.start):
            return x.ref != country and country not in d.ancestors(x.ref)
    return False


# a postal address line: "Musterweg 4, 01067 Dresden", "D-65189 Wiesbaden"
_POSTCODE = re.compile(r"(?:^|[\s,])(?:D-)?\d{5}\s+$")
_ADDRESS_CUE = re.compile(r"[Aa]nschrift|[Aa]dresse|[Pp]ostfach|\b[Aa]ddress\b|[Ss]tra(?:ß|ss)e\s+\d|[Ww]eg\s+\d|[Pp]latz\s+\d")


def _postal_address(d: Doc, s: Sentence, ms: list[Mention]) -> None:
    """The body whose address the text gives lies in the address's town: the body named in the lines of
    the address block before the postcode, else - in a block marked as an address - the body that issues
    the text (the first one it names)."""
    t = s.text
    town = next((m for m in ms if m.kind == "entity" and m.type == REGION and d.region_level(m.ref) in ("city", "district")
                 and _POSTCODE.search(t[max(0, m.start - 12):m.start])), None)
    if town is None:
        return
    body = None
    cue = False
    for i in range(s.index, max(0, s.index - 5), -1):
        text_i = d.sent(i).text
        before = [m for m in d.mentions[i] if m.kind == "entity" and m.type in (ORGANIZATION, COMPANY) and (i < s.index or m.end <= town.start)]
        if before:
            body = before[-1].ref
            break
        if _ADDRESS_CUE.search(text_i):
            cue = True
        if i < s.index and len(text_i) > 120:
            break  # a sentence of running text: not an address block
    if body is None and cue:
        for i in range(1, s.index):
            first = [m for m in d.mentions[i] if m.kind == "entity" and m.type == ORGANIZATION]
            if first:
                body = first[0].ref
                break
    if body is not None:
        d.fact(LOCATED_IN, body, town.ref, s.index)


def _seat_named(d: Doc, s: Sentence, ms: list[Mention]) -> None:
    """A body the gazetteer seats in a town, named in a sentence that places its people or work "in"
    that town ("X's managing director ... in Wiesbaden"): the text states the seat."""
    t = s.text
    towns = {m.ref for m in ms if m.kind == "entity" and m.type == REGION and re.search(r"\b(?:in|im)\s+$", t[max(0, m.start - 4):m.start])}
    if not towns or any(m.kind == "event" for m in ms):  # "... invited to a meeting in X": the event's place
        return
    for m in ms:
        if m.kind == "entity" and m.type in (ORGANIZATION, COMPANY):
            e = d.gaz.get(m.ref)
            if e is None:
                continue
            if not any(x.type == PERSON and d.role_of.get(x.ref) == m.ref for x in ms):
                continue  # only where the body's own people are named there
            seats = {e.seat} | {target for rel, target in e.home if rel == LOCATED_IN}
            for town in sorted(seats & towns):
                if d.region_level(town) in ("city", "district"):
                    d.fact(LOCATED_IN, m.ref, town, s.index)
