"""The trade series as an SVG bar chart: exports and imports per year, in euros.

Pure string building, every text XML-escaped, no scripts or external references,
so the explorer, a view or any page can embed the string as it is."""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from graph.query.trade import format_eur

COLORS = {"export": "#2b6cb0", "import": "#dd6b20"}
W, H, LEFT, BOTTOM, TOP = 640, 320, 70, 40, 40


def trade_chart_svg(series, title: str | None = None) -> str:
    """``series``: a ``graph.query.trade.TradeSeries``. Bars per year (export, import)."""
    totals = series.totals()
    years = sorted({y for d in totals.values() for y in d})
    title = title or f"Trade {series.a.label} – {series.b.label} (EUR)"
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" viewBox="0 0 {W} {H}" '
           f'role="img" aria-label={quoteattr(title)} font-family="sans-serif" font-size="12">',
           f"<title>{escape(title)}</title>",
           f'<text x="{W / 2}" y="20" text-anchor="middle" font-size="14">{escape(title)}</text>']
    if not years:
        out.append(f'<text x="{W / 2}" y="{H / 2}" text-anchor="middle">no trade figures in euros</text></svg>')
        return "".join(out)
    top = max(v for d in totals.values() for v in d.values()) or 1
    plot_h, plot_w = H - TOP - BOTTOM, W - LEFT - 20
    slot = plot_w / len(years)
    bar = min(40.0, slot / 3)
    base = H - BOTTOM
    out.append(f'<line x1="{LEFT}" y1="{base}" x2="{W - 20}" y2="{base}" stroke="#444"/>')
    out.append(f'<text x="{LEFT - 6}" y="{TOP + 4}" text-anchor="end">{escape(format_eur(top) or "")}</text>')
    for i, y in enumerate(years):
        x0 = LEFT + i * slot + slot / 2 - bar
        for j, direction in enumerate(("export", "import")):
            v = totals[direction].get(y)
            if v is None:
                continue
            h = plot_h * v / top
            tip = f"{y} {direction}: {format_eur(v)}"
            out.append(f'<rect x="{x0 + j * bar:.1f}" y="{base - h:.1f}" width="{bar:.1f}" height="{h:.1f}" '
                       f'fill="{COLORS[direction]}"><title>{escape(tip)}</title></rect>')
        out.append(f'<text x="{LEFT + i * slot + slot / 2:.1f}" y="{base + 16}" text-anchor="middle">{y}</text>')
    for j, direction in enumerate(("export", "import")):
        out.append(f'<rect x="{LEFT + j * 90}" y="{H - 14}" width="10" height="10" fill="{COLORS[direction]}"/>'
                   f'<text x="{LEFT + j * 90 + 14}" y="{H - 5}">{direction}</text>')
    out.append("</svg>")
    return "".join(out)
