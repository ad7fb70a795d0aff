"""Colour, shape and glyph per node type; colours for edges and highlights.

Colours follow the Okabe-Ito palette so that types stay distinguishable for
most forms of colour blindness; the shape differs per type as a second cue.
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


NODE_STYLES: dict[str, NodeStyle] = {
    "Region": NodeStyle("#56B4E9", "#2a7fae", "hexagon", "\u2b22"),
    "Organization": NodeStyle("#0072B2", "#004b75", "dot", "\u25cf"),
    "Company": NodeStyle("#E69F00", "#a87400", "square", "\u25a0"),
    "Person": NodeStyle("#CC79A7", "#98527a", "triangle", "\u25b2"),
    "Agreement": NodeStyle("#009E73", "#006b4e", "diamond", "\u25c6"),
    "Event": NodeStyle("#D55E00", "#9a4400", "star", "\u2605"),
    "Topic": NodeStyle("#F0E442", "#b3a81f", "triangleDown", "\u25bc"),
    "Document": NodeStyle("#999999", "#666666", "dot", "\u25cf"),
}
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
