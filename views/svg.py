"""A static SVG snapshot of a view, drawn from the server-side layout.

Pure Python string building; every piece of data is XML-escaped (text and
attributes) and tooltips are SVG ``<title>`` elements, which browsers show as
plain text. The document has no scripts, links or external references.
"""

from __future__ import annotations

import math
import re
from xml.sax.saxutils import escape, quoteattr

from .style import EDGE_COLOR, FONT_COLOR, node_style

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


def render_svg(pv) -> str:
    positions = pv.positions or {}
    nodes = [n for n in pv.data.nodes if n["id"] in positions]
    if not nodes:
        return '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60"></svg>'
    xs = [positions[n["id"]][0] for n in nodes]
    ys = [positions[n["id"]][1] for n in nodes]
    minx, miny = min(xs) - PAD, min(ys) - PAD
    w, h = max(xs) - minx + PAD, max(ys) - miny + PAD
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{minx:.1f} {miny:.1f} {w:.1f} {h:.1f}" '
        f'width="{min(w, 2400):.0f}" height="{min(h, 2400) * 1.0:.0f}" font-family="sans-serif" font-size="11">',
        "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" "
        f"orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"{EDGE_COLOR}\"/></marker></defs>",
        f'<rect x="{minx:.1f}" y="{miny:.1f}" width="{w:.1f}" height="{h:.1f}" fill="#ffffff"/>',
    ]
    for e in pv.data.edges:
        if e["from"] not in positions or e["to"] not in positions:
            continue
        (x1, y1), (x2, y2) = positions[e["from"]], positions[e["to"]]
        d = math.hypot(x2 - x1, y2 - y1) or 1.0
        ex, ey = x2 - (x2 - x1) * (R + 2) / d, y2 - (y2 - y1) * (R + 2) / d
        color = e.get("color", {}).get("color", EDGE_COLOR)
        width = e.get("width", 1)
        out.append(f'<g><line x1="{x1:.1f}" y1="{y1:.1f}" x2="{ex:.1f}" y2="{ey:.1f}" stroke={_attr(color)} '
                   f'stroke-width="{width}" marker-end="url(#arrow)"/>')
        if e.get("label"):
            out.append(f'<text x="{(x1 + x2) / 2:.1f}" y="{(y1 + y2) / 2 - 3:.1f}" text-anchor="middle" fill="#666" font-size="9">{_text(e["label"])}</text>')
        if e.get("tip"):
            out.append(f"<title>{_text(_tip_text(e['tip'], pv.data.documents))}</title>")
        out.append("</g>")
    for n in nodes:
        x, y = positions[n["id"]]
        st = node_style(n.get("group", ""))
        color = n.get("color", {})
        fill, stroke = color.get("background", st.color), color.get("border", st.border)
        sw = n.get("borderWidth", 1)
        r = R * 1.5 if sw >= 4 else R
        out.append("<g>")
        pts = _polygon(n.get("shape", st.shape), x, y, r)
        if pts is None:
            out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill={_attr(fill)} stroke={_attr(stroke)} stroke-width="{sw}"/>')
        else:
            p = " ".join(f"{px:.1f},{py:.1f}" for px, py in pts)
            out.append(f'<polygon points="{p}" fill={_attr(fill)} stroke={_attr(stroke)} stroke-width="{sw}"/>')
        weight = ' font-weight="bold"' if sw >= 4 else ""
        out.append(f'<text x="{x:.1f}" y="{y + r + 12:.1f}" text-anchor="middle" fill="{FONT_COLOR}"{weight}>{_text(n.get("label", ""))}</text>')
        if n.get("tip"):
            out.append(f"<title>{_text(_tip_text(n['tip'], pv.data.documents))}</title>")
        out.append("</g>")
    out.append("</svg>")
    return "\n".join(out)
