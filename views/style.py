"""Colour, shape and glyph per node type; colours for edges and highlights.

Both come from display hints in the schema files (graph/schema/nodes|edges/*.yaml,
``display:``). Node colours follow the Okabe-Ito palette so that types stay
distinguishable for most forms of colour blindness; the shape differs per type
as a second cue.
"""

from __future__ import annotations

from dataclasses import dataclass

from graph.schema import default_schema


@dataclass(frozen=True)
class NodeStyle:
    color: str
    border: str
    shape: str  # a vis-network shape name
    glyph: str  # the same shape as a text character, for the legend


def _node_styles() -> dict[str, NodeStyle]:
    """Per node type, from the display hints in its schema file (``display: {color, border, shape, glyph}``)."""
    out = {}
    for name, nt in default_schema().nodes.items():
        d = nt.display
        if d.get("color"):
            out[name] = NodeStyle(d["color"], d.get("border", d["color"]), d.get("shape", "dot"), d.get("glyph", "\u25cf"))
    return out


NODE_STYLES: dict[str, NodeStyle] = _node_styles()
FALLBACK_STYLE = NodeStyle("#777777", "#444444", "dot", "\u25cf")
AGGREGATE_STYLE = NodeStyle("#eeeeee", "#888888", "box", "\u25ad")

EDGE_COLOR = "#8a8a8a"  # relation types without a colour in the schema
HIGHLIGHT = "#C0392B"  # hover and selection
EMPHASIS = "#1d2733"  # the ring around the centre and path endpoints
FONT_COLOR = "#1f2328"


def node_style(type_: str) -> NodeStyle:
    return NODE_STYLES.get(type_, FALLBACK_STYLE)


def edge_color(type_: str) -> str:
    """A relation type's colour: the display hint in its schema file (``display: {color}``)."""
    et = default_schema().edges.get(type_)
    return et.color if et is not None and et.color else EDGE_COLOR
