"""The trade series as an SVG bar chart: exports and imports per year, in euros.

Pure string building, every text XML-escaped, no scripts or external references,
so the explorer, a view or any page can embed the string as it is. English or
German (``lang``); ``trade_rows`` gives the same figures as table rows (the
chart's text alternative, with each figure's source)."""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from graph.query.trade import format_eur

COLORS = {"export": "#2b6cb0", "import": "#dd6b20"}
W_MAX, W_MIN, SLOT_W, H, LEFT, BOTTOM, TOP = 600, 340, 110, 320, 92, 40, 40
CHAR_W = 7.2  # a generous average width of a 12 px character, to lay out the legend
LEGEND_ROW = 18
LEGEND_LINES = 2  # lines a legend entry may take before it is cut
WORDS = {
    "en": {"title": "Trade {a} – {b} (EUR)", "export": "export", "import": "import", "none": "no trade figures in euros",
           "exports": "exports of {a} to {b}", "imports": "imports of {a} from {b}"},
    "de": {"title": "Handel {a} – {b} (EUR)", "export": "Export", "import": "Import", "none": "keine Handelszahlen in Euro",
           "exports": "Exporte von {a} nach {b}", "imports": "Importe von {a} aus {b}"},
}
_DE_SCALE = (("Mrd.", 10**9), ("Mio.", 10**6), ("Tsd.", 10**3))


def money(amount, lang: str = "en") -> str:
    """890000000 -> '890 million EUR' / '890 Mio. EUR'; 1160000000 -> '1.16 billion EUR' / '1,16 Mrd. EUR'."""
    if amount is None:
        return ""
    if lang != "de":
        return format_eur(amount) or ""
    for word, scale in _DE_SCALE:
        if abs(amount) >= scale:
            return f"{amount / scale:.4g}".replace(".", ",") + f" {word} EUR"
    return f"{amount:.4g}".replace(".", ",") + " EUR"


def legend_lines(label: str, room: int, most: int = LEGEND_LINES) -> list[str]:
    """``label`` in lines of at most ``room`` characters, broken between words
    (a word longer than a line is cut), at most ``most`` lines; the last line
    ends with "…" when text was left out."""
    lines: list[str] = []
    words_left = label.split()
    while words_left and len(lines) < most:
        cur = words_left.pop(0)
        if len(cur) > room:
            words_left.insert(0, cur[room:])
            cur = cur[:room]
        while words_left and len(cur) + 1 + len(words_left[0]) <= room:
            cur += " " + words_left.pop(0)
        lines.append(cur)
    if words_left:
        last = lines[-1]
        lines[-1] = (last if len(last) < room else last[: room - 1].rstrip()) + "\u2026"
    return lines or [""]


def words(lang: str) -> dict[str, str]:
    return WORDS.get(lang, WORDS["en"])


def trade_chart_svg(series, title: str | None = None, lang: str = "en", names: tuple[str, str] | None = None,
                    show_title: bool = True) -> str:
    """``series``: a ``graph.query.trade.TradeSeries``. Bars per year (export, import).
    ``names``: the two regions' names in the page's language (default: their labels).
    ``show_title=False``: the title is only the chart's accessible name (a page shows it as a heading).
    The chart is as wide as its years need (``SLOT_W`` each, ``W_MIN`` to ``W_MAX``): drawn at its
    own size, its 12 px texts stay legible on a phone."""
    w = words(lang)
    a, b = names or (series.a.label, series.b.label)
    totals = series.totals()
    years = sorted({y for d in totals.values() for y in d})
    title = title or w["title"].format(a=a, b=b)
    W = int(min(W_MAX, max(W_MIN, LEFT + 20 + SLOT_W * len(years))))
    top_y = TOP if show_title else TOP - 22
    head = '<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}"'  # sized at the end
    out = ["", f' role="img" aria-label={quoteattr(title)} font-family="system-ui, sans-serif" font-size="12" class="rg-trade-chart">',
           f"<title>{escape(title)}</title>"]
    if show_title:
        out.append(f'<text x="{W / 2}" y="20" text-anchor="middle" font-size="14">{escape(title)}</text>')
    if not years:
        out.append(f'<text x="{W / 2}" y="{H / 2}" text-anchor="middle">{escape(w["none"])}</text></svg>')
        out[0] = head.format(w=W, h=H)
        return "".join(out)
    top = max(v for d in totals.values() for v in d.values()) or 1
    plot_h, plot_w = H - top_y - BOTTOM, W - LEFT - 20
    slot = plot_w / len(years)
    bar = min(40.0, slot / 3)
    base = H - BOTTOM
    every = 1 if slot >= 40 else int(40 // slot) + 1  # year labels ~30 px wide: thin them out when crowded
    out.append(f'<line x1="{LEFT}" y1="{base}" x2="{W - 20}" y2="{base}" stroke="#444"/>')
    out.append(f'<line x1="{LEFT}" y1="{top_y}" x2="{LEFT}" y2="{base}" stroke="#bbb"/>')
    out.append(f'<text x="{LEFT - 6}" y="{top_y + 4}" text-anchor="end">{escape(money(top, lang))}</text>')
    for i, y in enumerate(years):
        x0 = LEFT + i * slot + slot / 2 - bar
        for j, direction in enumerate(("export", "import")):
            v = totals[direction].get(y)
            if v is None:
                continue
            h = plot_h * v / top
            tip = f"{y} {w[direction]}: {money(v, lang)}"
            out.append(f'<rect x="{x0 + j * bar:.1f}" y="{base - h:.1f}" width="{bar:.1f}" height="{h:.1f}" '
                       f'fill="{COLORS[direction]}"><title>{escape(tip)}</title></rect>')
        if i % every == 0:
            out.append(f'<text x="{LEFT + i * slot + slot / 2:.1f}" y="{base + 16}" text-anchor="middle">{y}</text>')
    # the legend stays inside the chart's width: a long entry wraps over up to
    # LEGEND_LINES lines, the rest cut with "…", the full text in the entry's <title>
    x0 = 10.0
    room = max(8, int((W - 10 - x0 - 14) // CHAR_W))  # characters an entry's line may take
    x, line, row_lines = x0, 0, 1
    for direction in ("export", "import"):
        label = w[direction + "s"].format(a=a, b=b)
        lines = legend_lines(label, room)
        width = 14 + CHAR_W * max(len(text) for text in lines)
        if x > x0 and x + width > W - 10:  # no room beside the first: the next row
            x, line, row_lines = x0, line + row_lines, 1
        y = H - 14 + line * LEGEND_ROW
        if len(lines) == 1:
            text = escape(lines[0])
        else:
            text = "".join(f'<tspan x="{x + 14:.0f}" dy="{0 if i == 0 else LEGEND_ROW}">{escape(t)}</tspan>'
                           for i, t in enumerate(lines))
        title = f"<title>{escape(label)}</title>" if lines != [label] else ""
        out.append(f'<g class="rg-legend-entry">{title}<rect x="{x:.0f}" y="{y}" width="10" height="10" fill="{COLORS[direction]}"/>'
                   f'<text x="{x + 14:.0f}" y="{y + 9}">{text}</text></g>')
        row_lines = max(row_lines, len(lines))
        x += width + 18
    out.append("</svg>")
    # further legend rows make the chart taller, never wider
    out[0] = head.format(w=W, h=H + (line + row_lines - 1) * LEGEND_ROW)
    return "".join(out)


def trade_rows(series, lang: str, docs: dict) -> list[dict[str, str]]:
    """One row per figure: year, direction, amount, the source documents (``docs``: id -> Node)."""
    w = words(lang)
    rows = []
    for f in series.figures:
        sources = []
        for s in f.edge.sources:
            d = docs.get(s.document)
            sources.append({"id": s.document, "title": str(d.properties.get("title") or d.label) if d else s.document,
                            "date": str(d.properties.get("published") or "") if d else ""})
        amount = money(f.amount_eur, lang) if f.amount_eur is not None else f"{f.value} {f.unit or ''} {f.currency or ''}".strip()
        rows.append({"year": str(f.year), "direction": w.get(f.direction, f.direction), "amount": amount,
                     "note": f.note, "sources": sources})
    return rows
