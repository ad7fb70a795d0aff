"""Colour by community: the nodes of a view filled with the colour of their
community (``graph.query`` "communities": Louvain clusters of actors, cached per
graph generation), the shape still telling the type.

The palette goes to the communities present in the view, the one with most
nodes in the view first; communities beyond the palette share one colour
("other communities"), and nodes in no community (topics, countries,
documents: the query clusters actors) are drawn light grey. The legend
entries name each community by its best-connected member in the view and its
dominant region."""

from __future__ import annotations

from typing import Any

from graph import query
from graph.errors import RegiographError

from .i18n import t

# Okabe-Ito and Tol's muted scheme: apart for most forms of colour blindness
PALETTE = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7",
           "#332288", "#44AA99", "#882255", "#999933", "#AA4499")
OTHER = "#7f7f7f"
NONE = "#dcdfe3"
NONE_BORDER = "#9aa1a9"


def memberships(store) -> tuple[dict[str, int], dict[int, Any]] | None:
    """{node id: community index}, {index: Community}; None when the graph has none
    (or the query cannot run: the view then keeps its type colours)."""
    try:
        res = query.run(store, "communities", min_size=2, limit=3)
    except (RegiographError, ImportError):
        return None
    if not res.communities:
        return None
    return dict(res.membership), {c.index: c for c in res.communities}


def _short(text: str, n: int = 28) -> str:
    return text if len(text) <= n else text[: n - 1] + "\u2026"


def _fill(rec: dict[str, Any], colour: str, border: str | None = None) -> None:
    old = rec.get("color") if isinstance(rec.get("color"), dict) else {}
    edge = old.get("border") or border or colour
    rec["color"] = {"background": colour, "border": edge,
                    "highlight": {"background": colour, "border": old.get("highlight", {}).get("border", edge)},
                    "hover": {"background": colour, "border": edge}}


def community_colours(store, data, lang: str) -> list[dict[str, str]]:
    """Colour ``data.nodes`` by community; returns the legend entries (colour, label)."""
    got = memberships(store)
    if got is None:
        return []
    member_of, communities = got
    counts: dict[int, int] = {}
    for n in data.nodes:
        c = member_of.get(n["id"])
        if c is not None:
            counts[c] = counts.get(c, 0) + 1
    order = sorted(counts, key=lambda c: (-counts[c], c))
    colour = {c: PALETTE[i] for i, c in enumerate(order[: len(PALETTE)])}
    names = {n["id"]: n.get("tip", {}).get("heading") or n.get("rgLabel", "") for n in data.nodes}
    for n in data.nodes:
        if n.get("rgType") in ("group", "aggregate"):
            members = [member_of.get(m) for m in n.get("rgMembers", [])]
            shared = {m for m in members if m is not None}
            if len(shared) == 1:
                _fill(n, colour.get(shared.pop(), OTHER))
            continue
        c = member_of.get(n["id"])
        if c is None:
            _fill(n, NONE, NONE_BORDER)
        else:
            _fill(n, colour.get(c, OTHER))
        n["rgCommunity"] = -1 if c is None else c + 1
    legend = []
    for c in order[: len(PALETTE)]:
        com = communities.get(c)
        inside = [m.id for m in (com.members if com else []) if m.id in names]
        lead = _short(names.get(inside[0], "")) if inside else ""
        region = com.regions[0][0].name.get(lang) or com.regions[0][0].label if com and com.regions else ""
        text = t(lang, "community", n=c + 1, name=lead) if lead else t(lang, "community_plain", n=c + 1)
        if region:
            text += f" \u00b7 {_short(region)}"
        legend.append({"color": colour[c], "label": text})
    if len(order) > len(PALETTE):
        legend.append({"color": OTHER, "label": t(lang, "community_other", n=len(order) - len(PALETTE))})
    if any(n["id"] not in member_of for n in data.nodes if n.get("rgType") not in ("group", "aggregate")):
        legend.append({"color": NONE, "label": t(lang, "community_none")})
    return legend
