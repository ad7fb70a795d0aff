"""Trade figures (TRADES_WITH): a German state's exports to or imports from a country, with year,
direction, value, rank and change."""

from __future__ import annotations

import re

from .. import triggers as T
from ..amounts import find_amounts, find_percentages, find_rank
from ..sentences import Sentence
from .context import Doc, Mention
from .types import REGION, TRADES_WITH


# cue words beside triggers.EXPORT/IMPORT: "nach Japan ausgeführt", "Bestimmungsland", "Aus X erhielt Y Güter"
_EXPORT_MORE = re.compile(r"\b(?:ausgeführt|Bestimmungsland|Abnehmerland|exported|geliefert)\b")
_IMPORT_MORE = re.compile(r"\b(?:eingeführt|Lieferland|erhielt|bezog|imported)\b")
# an amount that is a difference, not a flow: "um 5 Millionen Euro", "bzw. 2 Millionen Euro mehr"
_DIFF_BEFORE = re.compile(r"\b(?:um|bzw\.|plus|minus|by)\s+(?:(?:rund|knapp|etwa|gut|fast|über|around|about|nearly)\s+)?$")
_COMPARED = re.compile(r"\b(?:als|gegenüber|than|compared (?:with|to)|versus|vs\.)\s+(?:(?:im|in|dem|the)\s+)?(?:(?:Jahr|year|Vorjahr)\s+)?$")
_PARTNER_WORD = re.compile(r"(?:Außen)?[Hh]andelspartner|trading\s+partner|trade\s+partner")
# an amount after a trade sentence that is another kind of money: "plans to invest 125 million euros into a plant", "Umsatz", "Budget"
_NOT_TRADE = re.compile(r"invest|Investition|Umsatz|revenue|turnover|Budget|Fördermittel|funding", re.I)
# "Since 2010, ... shipped more than $350 million": the year a period starts, not the year of the flow
_SINCE = re.compile(r"\b(?:[Ss]ince|[Ss]eit)\s+(?:(?:dem\s+)?Jahr\s+|the\s+year\s+)?$")
_DIFF_AFTER = re.compile(r"\s+(?:mehr|weniger|more|less)\b")


# the volume of trade both ways: "Handelsvolumen", "Waren ... ausgetauscht", "two-way trade", "trade between A and B"
_VOLUME = re.compile(r"\b(?:Handelsvolumen|Außenhandelsvolumen|Warenaustausch|Außenhandelsumsatz|Handelsumsatz|ausgetauscht"
                     r"|(?:Außen)?[Hh]andelspartner\w*|trading\s+partners?|trade\s+partners?"
                     r"|Handel\s+zwischen|Handel\s+mit|(?:two-way|bilateral|total)\s+trade|trade\s+volume|trade\s+between"
                     r"|gehandelt|(?:goods\s+)?traded)\b", re.I)
VOLUME = "volume"  # a cue's direction: both ways (the flow gets no direction)


def _cues(t: str) -> list[tuple[int, str]]:
    out = [(m.start(), "export") for m in T.EXPORT.finditer(t)] + [(m.start(), "export") for m in _EXPORT_MORE.finditer(t)]
    out += [(m.start(), "import") for m in T.IMPORT.finditer(t)] + [(m.start(), "import") for m in _IMPORT_MORE.finditer(t)]
    # "Handelspartner" with an investment or turnover figure: the figure is no trade flow
    out += [(m.start(), VOLUME) for m in _VOLUME.finditer(t) if not (_PARTNER_WORD.match(m.group(0)) and _NOT_TRADE.search(t))]
    both = [m.span() for m in _BOTH_WAYS.finditer(t)]
    out = [c for c in out if not any(a <= c[0] < b for a, b in both)] + [(a, VOLUME) for a, _ in both]
    return sorted(out)


# "im- und exportierter Waren", "Ein- und Ausfuhren", "imports and exports": both ways
_BOTH_WAYS = re.compile(r"\b(?:[Ii]m-\s+und\s+[Ee]xport|[Ee]x-\s+und\s+[Ii]mport|[Ee]in-\s+und\s+[Aa]usfuhr|[Aa]us-\s+und\s+[Ee]infuhr"
                        r"|(?i:imports?\s+and\s+exports?|exports?\s+and\s+imports?))\w*")
# "Nach Dänemark ist China der zweitgrößte Partner", "after the Netherlands ... the fourth": a country named
# as the one ranked above, not the partner
_RANKED_ABOVE = re.compile(r"(?:(?:^|[,;]\s*)(?:Nach|After)|\b(?:[Hh]inter|[Bb]ehind))\s+(?:der\s+|dem\s+|den\s+|the\s+)?$")
_RANKED_ABOVE_LOWER = re.compile(r"\bnach\s+(?:der\s+|dem\s+|den\s+)?$")
_RANK_WORD = re.compile(r"\b(?:zweit|dritt|viert|fünft|sechst|siebt|acht)\w*(?:wichtigst|größt|grösst|stärkst)\w*", re.I)


_DEST = re.compile(r"\b(?:nach|to|into)\s+(?:den\s+|die\s+|the\s+)?[A-ZÄÖÜ][\w-]+")


def _unknown_destination(t: str, ms: list[Mention], d: Doc | None = None) -> bool:
    """'nach Asien', 'to Europe': a destination that is no country - a word that is no region we know, or
    a continent or world region."""
    for m in _DEST.finditer(t):
        word_start = m.end() - len(m.group(0).split()[-1])
        at = [x for x in ms if x.kind in ("entity", "adjective") and x.start <= word_start < x.end]
        if not at or (d is not None and d.region_level(at[0].ref) in ("continent", "area")):
            return True
    return False


def _next_word(t: str, end: int) -> int:
    """Where the word after ``end`` starts (after spaces only)."""
    i = end
    while i < len(t) and t[i] == " ":
        i += 1
    return i if i > end else -1


def _flow_amounts(t: str, amounts: list) -> list:
    return [a for a in amounts if not _DIFF_BEFORE.search(t[max(0, a.start - 24):a.start]) and not _DIFF_AFTER.match(t, a.end)]


def _is_country(d: Doc, m: Mention) -> bool:
    return m.kind == "entity" and d.region_level(m.ref) == "country" and m.ref != _GERMANY


_GERMANY = "region:de"
_CHINA = "region:cn"
# "die Volksrepublik", "the People's Republic" without a name after it: China, in a text that names China
_PRC = re.compile(r"\b(?:[Dd]ie|[Dd]er)\s+Volksrepublik\b(?!\s+[A-ZÄÖÜ])|\b[Tt]he\s+People's\s+Republic\b(?!\s+of\b)")


def apply(d: Doc, s: Sentence, ms: list[Mention]) -> None:
    """TRADES_WITH from a sentence with an export/import cue and an amount (or an amount right after
    one): the German state named (else the one before, else the text's), the partner country, the
    year (of this sentence, else the one just before), and per amount the direction of its own
    clause when the sentence names both ("Export nach X: 20 Mio. Euro, Import aus X: 30 Mio.
    Euro"). Differences ("ein Plus um 2 Millionen Euro") are no flows."""
    t = s.text
    cues = _cues(t)
    exp = next((c for c in cues if c[1] == "export"), None)
    imp = next((c for c in cues if c[1] == "import"), None)
    vol = next((c for c in cues if c[1] == VOLUME), None)
    amounts = _flow_amounts(t, [a for a in find_amounts(t, d.lang)])
    ctx = d.trade_ctx
    if (exp or imp or vol) and not amounts and d.last_trade and s.index - d.last_trade.sentence <= 2 and (find_rank(t) or find_percentages(t, d.lang)):
        _followup(d, s)
        return
    if exp or imp or vol:
        dirs = [c for c in cues if c[1] != VOLUME]
        ctx["direction"] = dirs[0][1] if dirs else VOLUME
        ctx["sentence"] = s.index
        regions = [m for m in ms if m.type == REGION and m.kind in ("entity", "adjective")]
        src = None
        for m in regions:
            if d.state_of(m.ref) == m.ref:
                src = m.ref
                break
        if src is not None:
            ctx["named"] = s.index  # the sentence that names the trading state
        abroad = None
        # "Korean exports to Germany", "japanische Importe aus Bayern": the country whose adjective stands right
        # before the cue is the one whose flow it is
        own = next((m for m in ms if m.kind == "adjective" and m.type == REGION and m.ref != _GERMANY
                    and d.region_level(m.ref) == "country" and any(c[0] == _next_word(t, m.end) and c[1] != VOLUME for c in cues)), None)
        if src is None and own is not None and any(m.ref == _GERMANY for m in regions):
            abroad = own.ref
        if src is None and any(m.ref == _GERMANY for m in regions) and abroad is None:
            # "Germany is South Australia's largest partner, with two-way trade worth ...": the region abroad
            # trades with Germany
            abroad = next((m.ref for m in regions if m.kind == "entity" and m.ref != _GERMANY and d.state_of(m.ref) is None
                           and _GERMANY not in d.ancestors(m.ref)), None)
        src = src or abroad or ctx.get("source") or d.home
        partner = _GERMANY if abroad else None
        ranked = _ranked_above(t, regions)
        for m in regions:
            if partner is not None:
                break
            if m.ref == src or not _is_country(d, m) or m.ref in ranked:
                continue
            pre = t[max(0, m.start - 10):m.start]
            if re.search(r"\b(?:nach|aus|to|from|mit|with|into|zwischen|between)\s+$", pre):
                partner = m.ref
                break
        if partner is None:
            for m in regions:
                if m.ref != src and _is_country(d, m) and m.ref not in ranked:
                    partner = m.ref
                    break
        if partner is None and own is not None and src != own.ref:
            # "Japanese exports to Bavaria": from Bavaria's side the flow comes in
            partner = own.ref
            flip = {"export": "import", "import": "export"}
            ctx["direction"] = flip.get(ctx["direction"], ctx["direction"])
        if partner is None and _PRC.search(t) and _CHINA in d.node_sentences:
            partner = _CHINA  # "die Volksrepublik ist der zweitgrößte Handelspartner" in a text that named China
        if partner is None and _unknown_destination(t, ms, d):
            ctx.pop("partner", None)  # "nach Asien im Wert von ...": a partner the text names, but not one we know
        ctx["source"] = src
        if partner:
            ctx["partner"] = partner
        yrs = [x.start for x in d.dates[s.index] if x.kind in ("year", "relative") and len(x.start) == 4
               and not _COMPARED.search(t[max(0, x.start_char - 30):x.start_char])
               and not _SINCE.search(t[max(0, x.start_char - 16):x.start_char])]
        if not yrs and s.index > 1 and d.sent(s.index - 1).paragraph == s.paragraph:
            # "2018 blieb X der größte Markt. Verkauft wurde für ...": the year just before
            pt = d.sent(s.index - 1).text
            prev = {x.start for x in d.dates.get(s.index - 1, []) if x.kind == "year" and len(x.start) == 4
                    and not _COMPARED.search(pt[max(0, x.start_char - 30):x.start_char])}
            yrs = sorted(prev) if len(prev) == 1 else []
        if yrs:
            ctx["year"] = int(yrs[0])
    elif not amounts or not ctx or s.index - ctx.get("sentence", -9) > 1 or _NOT_TRADE.search(t):
        # "Das entspricht einem Plus von 8 Prozent." / "... belegte Japan Platz 17."
        if not amounts and d.last_trade and s.index - d.last_trade.sentence <= 2:
            _followup(d, s)
        return
    else:
        ctx["sentence"] = s.index
    if not amounts or not ctx.get("source") or not ctx.get("partner"):
        return
    flows = [(amounts[0], ctx["direction"], ctx["partner"], ctx.get("year"))]
    if len({c[1] for c in cues}) > 1 and len(amounts) > 1:
        flows = _clause_flows(d, t, ms, amounts, cues, ctx["partner"])
    elif len(amounts) > 1:
        flows = _country_flows(d, t, ms, amounts, ctx) or _yearly_flows(d, s, amounts, ctx) or flows
    # the trading state named in this sentence, or in the cue sentence just before ("Niedersachsen hat seine
    # Exporte in die USA gesteigert. Bis Ende August legten sie um 9 Prozent auf 4 Milliarden Euro zu.")
    named_here = any(m.ref == ctx["source"] for m in ms) or 0 <= s.index - ctx.get("named", -9) <= 3
    for a, direction, partner, year in flows:
        if year is None and not named_here:
            continue  # a flow without its year needs the trading region named in its own sentence
        props = {"year": year, "direction": None if direction == VOLUME else direction, "value": a.value,
                 "currency": a.currency, "unit": a.unit}
        if len(flows) == 1:
            pct = _changes(t, d.lang)
            if pct:
                props["change_pct"] = pct[0][2]
            rank = find_rank(t)
            if rank:
                props["rank"] = rank
        f = d.fact(TRADES_WITH, ctx["source"], partner, s.index, **props)
        d.last_trade = f
        if f is not None:
            d.use(ctx["source"], s.index)
            d.use(partner, s.index)


def _clause_flows(d: Doc, t: str, ms: list[Mention], amounts: list, cues: list, partner: str) -> list:
    """Each amount with the direction cue of its own clause (between commas, 'und', 'and'), when
    that clause has exactly one direction; the partner named in that clause, else the sentence's."""
    out = []
    bounds = [0] + [m.end() for m in re.finditer(r"[,;]|\s(?:und|and|sowie)\s", t)] + [len(t) + 1]
    for a in amounts:
        lo = max(b for b in bounds if b <= a.start)
        hi = min(b for b in bounds if b > a.start)
        dirs = {c[1] for c in cues if lo <= c[0] < hi}
        if len(dirs) != 1:
            continue
        here = [m.ref for m in ms if lo <= m.start < hi and _is_country(d, m)]
        out.append((a, dirs.pop(), here[0] if here else partner, d.trade_ctx.get("year")))
    return out


def _ranked_above(t: str, regions: list[Mention]) -> set[str]:
    """The countries of a 'Nach X, Y und Z ist ...' list: ranked above the partner."""
    out: set[str] = set()
    prev_end = None
    rank = _RANK_WORD.search(t)
    for m in regions:
        pre = t[max(0, m.start - 20):m.start]
        if _RANKED_ABOVE.search(pre) or (rank and rank.start() > m.end and _RANKED_ABOVE_LOWER.search(pre)):
            out.add(m.ref)
            prev_end = m.end
        elif prev_end is not None and re.fullmatch(r"\s*(?:,|und|and|or|oder)\s*(?:(?:den|dem|der|die|the)\s+)?", t[prev_end:m.start]):
            out.add(m.ref)
            prev_end = m.end
        else:
            prev_end = None
    return out


def _country_flows(d: Doc, t: str, ms: list[Mention], amounts: list, ctx: dict) -> list:
    """'X (3,5 Milliarden Euro) und Y (3,3 Milliarden Euro)': several countries, each with its own amount
    right after it; the flows share the sentence's direction and year. 'Das Nachbarland rangierte mit 2,5 Mrd.
    Euro vor X (1,1 Mrd. Euro)': a first amount before every country is the partner's the text spoke of just
    before. An amount after a country we do not know is left out rather than given to another."""
    countries = [m for m in ms if _is_country(d, m) and m.ref != ctx.get("source")]
    if not countries:
        return []
    out = []
    lead = False
    for a in amounts:
        before = [m for m in countries if m.end <= a.start and _AMOUNT_AFTER_COUNTRY.fullmatch(t[m.end:a.start])]
        if before:
            out.append((a, ctx["direction"], before[-1].ref, ctx.get("year")))
        elif a is amounts[0] and ctx.get("partner") and all(m.start > a.end for m in countries):
            out.append((a, ctx["direction"], ctx["partner"], ctx.get("year")))
            lead = True
        elif len(countries) >= 2 or not _AMOUNT_IN_BRACKETS.search(t[max(0, a.start - 3):a.start]):
            return []
    return out if (len(countries) >= 2 or lead) and len(out) >= 2 else []


_AMOUNT_AFTER_COUNTRY = re.compile(r"\s*(?:\(|:|[-–]|mit|with)?\s*(?:(?:rund|knapp|gut|etwa|mehr als|über|fast|about|around|over|more than|some)\s+)?")
_AMOUNT_IN_BRACKETS = re.compile(r"\(\s*$")


def _yearly_flows(d: Doc, s: Sentence, amounts: list, ctx: dict) -> list:
    """'Lag es vor zehn Jahren noch bei 4 Millionen Euro, stieg es 2011 auf 9 Millionen Euro': several amounts
    of one flow, each in a clause of its own with its own year (a clause whose time the text does not
    date gets no year)."""
    t = s.text
    years = [x for x in d.dates[s.index] if x.kind in ("year", "relative")]
    if not years:
        return []
    bounds = [0] + [m.end() for m in re.finditer(r"[,;]|\s(?:und|and|sowie|während|while)\s", t)] + [len(t) + 1]
    out = []
    for a in amounts:
        lo = max(b for b in bounds if b <= a.start)
        hi = min(b for b in bounds if b > a.start)
        here = [x.start for x in years if lo <= x.start_char < hi]
        if not here:
            # "In 1966, exports to X amounted to 7 million dollars, whereas in 2015 ...": a year in a clause of its
            # own before the amount, with no other amount between them
            here = [x.start for x in years if x.start_char < a.start and not any(x.start_char < b.start < a.start for b in amounts)][-1:]
        out.append((a, ctx["direction"], ctx["partner"], int(here[0]) if here and len(here[0]) == 4 and here[0].isdigit() else None))
    return out if any(f[3] is not None for f in out) else []


# "21 Prozent des Einfuhrvolumens", "12 percent of all exports": a share, not a change
_SHARE_AFTER = re.compile(r"\s+(?:des|der|aller|am|an\s+(?:den|der|dem)|of)\b")


def _changes(t: str, lang: str) -> list:
    return [p for p in find_percentages(t, lang) if not _SHARE_AFTER.match(t, p[1])]


def _followup(d: Doc, s: Sentence) -> None:
    """Rank and change of the trade flow stated just before."""
    t = s.text
    f = d.last_trade
    rank = find_rank(t)
    if rank:
        f.properties.setdefault("rank", rank)
    pct = _changes(t, d.lang)
    if pct and re.search(r"Plus|Zuwachs|Anstieg|Rückgang|Minus|gestiegen|gesunken|increase|decline|growth|rise|fell|up|down", t, re.I):
        f.properties.setdefault("change_pct", pct[0][2])
