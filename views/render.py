"""Render a view page with pyvis and the package's own template.

pyvis 0.3.2 is used for what it does well (holding the node/edge lists and
options, rendering a template with them) and kept away from what it does
badly: the node and edge lists are assigned directly (``add_edge`` is
quadratic), options are a plain dict (``set_options`` mangles strings), and the
template is ours, rendered by an autoescaping Jinja environment. That template
loads nothing from other hosts, writes every value escaped, and passes data as
JSON inside non-executing script blocks.
"""

from __future__ import annotations

from importlib import resources
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from pyvis.network import Network

from . import assets
from .build import groups
from .style import EDGE_COLOR, FONT_COLOR, HIGHLIGHT

TEMPLATE_DIR = str(resources.files("views").joinpath("templates"))
PHYSICS_MAX_NODES = 0  # the server's layout is final: physics would undo the rings and the label placement


def stabilization_steps(n_nodes: int) -> int:
    """Physics steps before the layout freezes: the server's layout is already a
    good start, so bigger views get fewer (each step costs O(n log n))."""
    return max(50, min(150, 9000 // max(n_nodes, 1)))


def vis_options(n_nodes: int, physics: bool) -> dict[str, Any]:
    big = not physics or n_nodes > PHYSICS_MAX_NODES
    options: dict[str, Any] = {
        "autoResize": True,
        "layout": {"improvedLayout": False, "randomSeed": 7},
        "groups": groups(),
        "nodes": {"borderWidth": 1.5, "font": {"size": 13, "face": "system-ui, sans-serif", "color": FONT_COLOR}},
        "edges": {
            "color": {"color": EDGE_COLOR, "highlight": HIGHLIGHT, "hover": HIGHLIGHT},
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "smooth": False if big else {"enabled": True, "type": "continuous", "roundness": 0.2},
            "selectionWidth": 1.5,
            "hoverWidth": 1.5,
        },
        "interaction": {
            "hover": True,
            "tooltipDelay": 150,
            "hideEdgesOnDrag": n_nodes > 600,
            "hideEdgesOnZoom": n_nodes > 600,
            "navigationButtons": False,
            "keyboard": {"enabled": True, "bindToWindow": False},
            "zoomSpeed": 0.6,
        },
    }
    if physics:
        options["physics"] = {
            "enabled": True,
            "solver": "barnesHut",
            "barnesHut": {
                "gravitationalConstant": -14000,
                "centralGravity": 0.1,
                "springLength": 170,
                "springConstant": 0.03,
                "damping": 0.4,
                "avoidOverlap": 0.5,
            },
            "maxVelocity": 60,
            "minVelocity": 2,
            "timestep": 0.5,
            "stabilization": {"enabled": True, "iterations": stabilization_steps(n_nodes), "updateInterval": 1000, "fit": True},
        }
    else:
        options["physics"] = {"enabled": False}
    return options


# pyvis' own environment does not escape; ours does, and is shared so the
# compiled template is cached across requests
_ENV = Environment(
    loader=FileSystemLoader(TEMPLATE_DIR),
    autoescape=select_autoescape(default=True, default_for_string=True),
)


def render_page(nodes: list[dict], edges: list[dict], options: dict, page: dict[str, Any]) -> str:
    """The page's own chrome (title, notices, legend, links) travels as pyvis'
    ``heading`` variable - a dict here, read field by field and escaped."""
    net = Network(height="100%", width="100%", directed=True)
    net.nodes = nodes
    net.edges = edges
    net.options = options
    net.heading = page
    net.set_template(TEMPLATE_DIR + "/graph.html")
    net.templateEnv = _ENV
    return net.generate_html()


def static_urls() -> dict[str, str]:
    # vis-network.css is not linked: it styles the configurator, colour picker,
    # manipulation toolbar and navigation buttons, none of which the views use
    # (220 kB, render-blocking); the one rule they need, the tooltip's, is in view.css
    return {
        "css_view": assets.url("view.css"),
        "js_vis": assets.url("vis-network.min.js"),
        "js_view": assets.url("view.js"),
    }
