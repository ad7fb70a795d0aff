"""A static SVG snapshot of a view, drawn from the server-side layout.

Pure Python string building; every piece of data is XML-escaped (text and
attributes) and tooltips are SVG ``<title>`` elements, which browsers show as
plain text. The document has no scripts, links or external references.
"""

from __future__ import annotations

import math
import re
from xml.sax.saxutils import escape, quoteattr

from . import labels
from .declutter import place, text_width
from .i18n import t
from .style import EDGE_COLOR, FONT_COLOR, edge_color, node_style

R = 11.0
PAD = 60.0


def _polygon(shape: str, x: float, y: float, r: float) -> list[tuple[float, float]] | None:
    def ring(n: int, start: float, radius: float = r) -> list[tuple[float, float]]:
        return [(x + radius * math.cos(start + 2 * math.pi * i / n), y + radius * math.sin(start + 2 * math.pi * i / n)) for i in range(n)]

    if shape == "hexagon":
        return ring(6, 0.0)
    if shape == "diamond":
        return ring(4, -math.pi / 2)
    if shape == "triangle":
        return ring(3, -math.pi / 2)
    if shape == "triangleDown":
        return ring(3, math.pi / 2)
    if shape in ("square", "box"):
        return ring(4, math.pi / 4, r * 1.2)
    if shape == "star":
        pts = []
        for i in range(10):
            radius = r * 1.2 if i % 2 == 0 else r * 0.5
            a = -math.pi / 2 + math.pi * i / 5
            pts.append((x + radius * math.cos(a), y + radius * math.sin(a)))
        return pts
    return None


_XML_BAD = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _text(s: str) -> str:
    return escape(_XML_BAD.sub("", str(s)))


def _attr(s: str) -> str:
    return quoteattr(_XML_BAD.sub("", str(s)))


def _tip_text(tip: dict, docs: dict) -> str:
    lines = [tip.get("heading", "")]
    if tip.get("kind"):
        lines.append(tip["kind"])
    lines += [f"{k}: {v}" if v else k for k, v in tip.get("rows", [])]
    for doc_id, locator in tip.get("sources", []):
        doc = docs.get(doc_id, {"title": doc_id, "date": ""})
        lines.append("\u2022 " + doc["title"] + (f" ({doc['date']})" if doc.get("date") else "") + (f", {locator}" if locator else ""))
    return "\n".join(lines)


def _legend(pv, lang: str, x0: float, y0: float, width: float) -> tuple[list[str], float]:
    """Node types (shape and colour) and relation types (coloured line) of the view, in rows."""
    items: list[tuple[str, str, str]] = []  # (kind, colour or type, label)
    for type_ in pv.data.node_types:
        items.append(("node", type_, labels.node_type_label(type_, lang)))
    for type_ in pv.data.edge_types:
        items.append(("edge", edge_color(type_), labels.edge_type_label(type_, lang)))
    out = [f'<g class="legend" font-size="12"><text x="{x0:.1f}" y="{y0 + 12:.1f}" font-weight="bold" fill="{FONT_COLOR}">{_text(t(lang, "legend"))}</text>']
    x, y = x0, y0 + 22
    for kind, value, label in items:
        w = 26 + text_width(label, 12) + 18
        if x > x0 and x + w > x0 + width:
            x, y = x0, y + 22
        if kind == "node":
            st = node_style(value)
            pts = _polygon(st.shape, x + 8, y + 8, 6)
            if pts is None:
                out.append(f'<circle cx="{x + 8:.1f}" cy="{y + 8:.1f}" r="6" fill="{st.color}" stroke="{st.border}"/>')
            else:
                out.append(f'<polygon points="{" ".join(f"{px:.1f},{py:.1f}" for px, py in pts)}" fill="{st.color}" stroke="{st.border}"/>')
        else:
            out.append(f'<line x1="{x:.1f}" y1="{y + 8:.1f}" x2="{x + 18:.1f}" y2="{y + 8:.1f}" stroke={_attr(value)} stroke-width="3"/>')
        out.append(f'<text x="{x + 24:.1f}" y="{y + 12:.1f}" fill="{FONT_COLOR}">{_text(label)}</text>')
        x += w
    out.append("</g>")
    return out, y + 22 - y0


def render_svg(pv) -> str:
    """The view as drawn: visible nodes (groups folded), edges in their relation
    type's colour, labels placed without overlap (``views.declutter``), a legend."""
    positions = pv.positions or {}
    lang = pv.graph.params.lang
    nodes = [n for n in pv.data.nodes if n["id"] in positions and not n.get("hidden")]
    if not nodes:
        return '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60"></svg>'
    shown = {n["id"] for n in nodes}
    placed = place(nodes, positions)
    xs = [positions[n["id"]][0] - n.get("size", 16) for n in nodes] + [l.x for l in placed]
    xe = [positions[n["id"]][0] + n.get("size", 16) for n in nodes] + [l.x + l.w for l in placed]
    ys = [positions[n["id"]][1] - n.get("size", 16) for n in nodes] + [l.y for l in placed]
    ye = [positions[n["id"]][1] + n.get("size", 16) for n in nodes] + [l.y + l.h for l in placed]
    minx, miny = min(xs) - PAD / 2, min(ys) - PAD / 2
    w = max(max(xe) - minx + PAD / 2, 480.0)
    legend, legend_h = _legend(pv, lang, minx + 10, max(ye) + 16, w - 20)
    h = max(ye) - miny + 16 + legend_h + 10
    colours = sorted({e.get("color") or EDGE_COLOR for e in pv.data.edges})
    marker_id = {c: f"arrow{i}" for i, c in enumerate(colours)}
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{minx:.1f} {miny:.1f} {w:.1f} {h:.1f}" '
        f'width="{min(w, 3000):.0f}" height="{min(h, 3000) if w <= 3000 else h * 3000 / w:.0f}" '
        'font-family="system-ui, -apple-system, Segoe UI, Roboto, DejaVu Sans, sans-serif" font-size="12">',
        "<defs>" + "".join(
            f'<marker id="{marker_id[c]}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" '
            f'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill={_attr(c)}/></marker>' for c in colours) + "</defs>",
        f'<rect x="{minx:.1f}" y="{miny:.1f}" width="{w:.1f}" height="{h:.1f}" fill="#ffffff"/>',
    ]
    size = {n["id"]: float(n.get("size", 16)) for n in nodes}
    for e in pv.data.edges:
        if e.get("hidden") or e["from"] not in shown or e["to"] not in shown:
            continue
        (x1, y1), (x2, y2) = positions[e["from"]], positions[e["to"]]
        d = math.hypot(x2 - x1, y2 - y1) or 1.0
        ex, ey = x2 - (x2 - x1) * (size[e["to"]] + 2) / d, y2 - (y2 - y1) * (size[e["to"]] + 2) / d
        color = e.get("color") or EDGE_COLOR
        width = e.get("width", 1)
        dash = ' stroke-dasharray="6 4"' if e.get("dashes") else ""
        arrow = f' marker-end="url(#{marker_id[color]})"' if e.get("arrows") else ""
        out.append(f'<g><line x1="{x1:.1f}" y1="{y1:.1f}" x2="{ex:.1f}" y2="{ey:.1f}" stroke={_attr(color)} '
                   f'stroke-opacity="0.85" stroke-width="{width}"{dash}{arrow}/>')
        if e.get("tip"):
            out.append(f"<title>{_text(_tip_text(e['tip'], pv.data.documents))}</title>")
        out.append("</g>")
    for n in nodes:
        x, y = positions[n["id"]]
        st = node_style(n.get("group", ""))
        color = n.get("color", {})
        fill, stroke = color.get("background", st.color), color.get("border", st.border)
        sw = n.get("borderWidth", 1.5)
        r = size[n["id"]]
        dash = ' stroke-dasharray="4 3"' if n.get("rgType") in ("group", "aggregate") else ""
        out.append("<g>")
        pts = _polygon(n.get("shape", st.shape), x, y, r)
        if pts is None:
            out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill={_attr(fill)} stroke={_attr(stroke)} stroke-width="{sw}"{dash}/>')
        else:
            p = " ".join(f"{px:.1f},{py:.1f}" for px, py in pts)
            out.append(f'<polygon points="{p}" fill={_attr(fill)} stroke={_attr(stroke)} stroke-width="{sw}"{dash}/>')
        if n.get("tip"):
            out.append(f"<title>{_text(_tip_text(n['tip'], pv.data.documents))}</title>")
        out.append("</g>")
    out.append('<g class="labels">')
    for l in placed:
        weight = ' font-weight="bold"' if l.bold else ""
        out.append(f'<text x="{l.x + 1:.1f}" y="{l.y + l.px:.1f}" font-size="{l.px:.0f}"{weight} fill="{FONT_COLOR}" '
                   f'stroke="#ffffff" stroke-width="3" paint-order="stroke" data-node={_attr(l.id)}>{_text(l.text)}</text>')
    out.append("</g>")
    out.extend(legend)
    out.append("</svg>")
    return "\n".join(out)
