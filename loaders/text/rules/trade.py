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
_EXPORT_MORE = re.compile(r"\b(?:ausgeführt|Bestimmungsland|Abnehmerland|exported)\b")
_IMPORT_MORE = re.compile(r"\b(?:eingeführt|Lieferland|erhielt|bezog|imported)\b")
# an amount that is a difference, not a flow: "um 5 Millionen Euro", "bzw. 2 Millionen Euro mehr"
_DIFF_BEFORE = re.compile(r"\b(?:um|bzw\.|plus|minus|by)\s+(?:(?:rund|knapp|etwa|gut|fast|über|around|about|nearly)\s+)?$")
_COMPARED = re.compile(r"\b(?:als|gegenüber|than|compared (?:with|to)|versus|vs\.)\s+(?:(?:im|in|dem|the)\s+)?(?:(?:Jahr|year|Vorjahr)\s+)?$")
_DIFF_AFTER = re.compile(r"\s+(?:mehr|weniger|more|less)\b")


def _cues(t: str) -> list[tuple[int, str]]:
    out = [(m.start(), "export") for m in T.EXPORT.finditer(t)] + [(m.start(), "export") for m in _EXPORT_MORE.finditer(t)]
    out += [(m.start(), "import") for m in T.IMPORT.finditer(t)] + [(m.start(), "import") for m in _IMPORT_MORE.finditer(t)]
    return sorted(out)


def _flow_amounts(t: str, amounts: list) -> list:
    return [a for a in amounts if not _DIFF_BEFORE.search(t[max(0, a.start - 24):a.start]) and not _DIFF_AFTER.match(t, a.end)]


def _is_country(d: Doc, m: Mention) -> bool:
    return m.kind == "entity" and d.region_level(m.ref) == "country" and m.ref != _GERMANY


_GERMANY = "region:de"


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
    amounts = _flow_amounts(t, [a for a in find_amounts(t, d.lang)])
    ctx = d.trade_ctx
    if (exp or imp) and not amounts and d.last_trade and s.index - d.last_trade.sentence <= 2 and (find_rank(t) or find_percentages(t, d.lang)):
        _followup(d, s)
        return
    if exp or imp:
        ctx["direction"] = "import" if imp and (not exp or imp[0] < exp[0]) else "export"
        ctx["sentence"] = s.index
        regions = [m for m in ms if m.type == REGION and m.kind in ("entity", "adjective")]
        src = None
        for m in regions:
            if d.state_of(m.ref) == m.ref:
                src = m.ref
                break
        src = src or ctx.get("source") or d.home
        partner = None
        for m in regions:
            if m.ref == src or not _is_country(d, m):
                continue
            pre = t[max(0, m.start - 10):m.start]
            if re.search(r"\b(?:nach|aus|to|from|mit|with|into)\s+$", pre):
                partner = m.ref
                break
        if partner is None:
            for m in regions:
                if m.ref != src and _is_country(d, m):
                    partner = m.ref
                    break
        ctx["source"] = src
        if partner:
            ctx["partner"] = partner
        yrs = [x.start for x in d.dates[s.index] if x.kind in ("year", "relative") and len(x.start) == 4
               and not _COMPARED.search(t[max(0, x.start_char - 30):x.start_char])]
        if not yrs and s.index > 1 and d.sent(s.index - 1).paragraph == s.paragraph:
            # "2018 blieb X der größte Markt. Verkauft wurde für ...": the year just before
            prev = {x.start for x in d.dates.get(s.index - 1, []) if x.kind == "year" and len(x.start) == 4}
            yrs = sorted(prev) if len(prev) == 1 else []
        if yrs:
            ctx["year"] = int(yrs[0])
    elif not amounts or not ctx or s.index - ctx.get("sentence", -9) > 1:
        # "Das entspricht einem Plus von 8 Prozent." / "... belegte Japan Platz 17."
        if not amounts and d.last_trade and s.index - d.last_trade.sentence <= 2:
            _followup(d, s)
        return
    else:
        ctx["sentence"] = s.index
    if not amounts or not ctx.get("source") or not ctx.get("partner") or not ctx.get("year"):
        return
    flows = [(amounts[0], ctx["direction"], ctx["partner"])]
    if exp and imp and len(amounts) > 1:
        flows = _clause_flows(d, t, ms, amounts, cues, ctx["partner"])
    for a, direction, partner in flows:
        props = {"year": ctx["year"], "direction": direction, "value": a.value, "currency": a.currency, "unit": a.unit}
        if len(flows) == 1:
            pct = find_percentages(t, d.lang)
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
        out.append((a, dirs.pop(), here[0] if here else partner))
    return out


def _followup(d: Doc, s: Sentence) -> None:
    """Rank and change of the trade flow stated just before."""
    t = s.text
    f = d.last_trade
    rank = find_rank(t)
    if rank:
        f.properties.setdefault("rank", rank)
    pct = find_percentages(t, d.lang)
    if pct and re.search(r"Plus|Zuwachs|Anstieg|Rückgang|Minus|gestiegen|gesunken|increase|decline|growth|rise|fell|up|down", t, re.I):
        f.properties.setdefault("change_pct", pct[0][2])
