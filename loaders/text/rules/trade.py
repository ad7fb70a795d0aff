"""Trade figures (TRADES_WITH): a German state's exports to or imports from a country, with year,
direction, value, rank and change."""

from __future__ import annotations

import re

from .. import triggers as T
from ..amounts import find_amounts, find_percentages, find_rank
from ..sentences import Sentence
from .context import Doc, Mention
from .types import REGION, TRADES_WITH


def apply(d: Doc, s: Sentence, ms: list[Mention]) -> None:
    t = s.text
    exp, imp = T.EXPORT.search(t), T.IMPORT.search(t)
    amounts = [a for a in find_amounts(t, d.lang)]
    ctx = d.trade_ctx
    if (exp or imp) and not amounts and d.last_trade and s.index - d.last_trade.sentence <= 2 and (find_rank(t) or find_percentages(t, d.lang)):
        _followup(d, s)
        return
    if exp or imp:
        ctx["direction"] = "import" if imp and (not exp or imp.start() < exp.start()) else "export"
        ctx["sentence"] = s.index
        regions = [m for m in ms if m.type == REGION and m.kind in ("entity", "adjective")]
        src = None
        for m in regions:
            if d.state_of(m.ref) == m.ref or (m.ref.startswith("region:de-") and d.region_level(m.ref) == "state"):
                src = m.ref
                break
        src = src or ctx.get("source") or d.home
        partner = None
        for m in regions:
            if m.kind != "entity" or m.ref == src or d.region_level(m.ref) != "country" or m.ref == "region:de":
                continue
            pre = t[max(0, m.start - 10):m.start]
            if re.search(r"\b(?:nach|aus|to|from|mit|with|into)\s+$", pre):
                partner = m.ref
                break
        if partner is None:
            for m in regions:
                if m.kind == "entity" and m.ref != src and d.region_level(m.ref) == "country" and m.ref != "region:de":
                    partner = m.ref
                    break
        ctx["source"] = src
        if partner:
            ctx["partner"] = partner
        yrs = [x for x in d.dates[s.index] if x.kind in ("year", "relative") and len(x.start) == 4]
        if yrs:
            ctx["year"] = int(yrs[0].start)
    elif not amounts or not ctx or s.index - ctx.get("sentence", -9) > 1:
        # "Das entspricht einem Plus von 8 Prozent." / "... belegte Japan Platz 17."
        if not amounts and d.last_trade and s.index - d.last_trade.sentence <= 2:
            _followup(d, s)
        return
    else:
        ctx["sentence"] = s.index
    if not amounts or not ctx.get("source") or not ctx.get("partner") or not ctx.get("year"):
        return
    a = amounts[0]
    props = {"year": ctx["year"], "direction": ctx["direction"], "value": a.value, "currency": a.currency, "unit": a.unit}
    pct = find_percentages(t, d.lang)
    if pct:
        props["change_pct"] = pct[0][2]
    rank = find_rank(t)
    if rank:
        props["rank"] = rank
    f = d.fact(TRADES_WITH, ctx["source"], ctx["partner"], s.index, **props)
    d.last_trade = f
    if f is not None:
        d.use(ctx["source"], s.index)
        d.use(ctx["partner"], s.index)


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
