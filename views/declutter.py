"""Label placement for drawings made on the server (the SVG export).

The same rules as the page script (views/static/view.js): labels of a fixed
size next to their node, on the first of eight sides where the label overlaps
no placed label and no other node; nodes served by priority (centre and path
ends, groups, then bigger nodes). Text widths are estimated generously, as
the server cannot measure the reader's font.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

CHAR_EM = 0.62  # average advance of a sans-serif character, in em (generous)
GAP = 3.0
LINE = 1.25
CELL = 64.0


@dataclass(frozen=True)
class Label:
    id: str
    text: str
    px: float
    bold: bool
    x: float  # box, top left
    y: float
    w: float
    h: float


def text_width(text: str, px: float, bold: bool = False) -> float:
    wide = sum(1 for c in text if c.isupper() or c in "mwMW@%")
    return (len(text) * CHAR_EM + wide * 0.1) * px * (1.08 if bold else 1.0) + 2


def _sides(r: float, w: float, h: float, angle: float | None) -> list[tuple[float, float]]:
    d = r * 0.72 + GAP
    below, above = (-w / 2, r + GAP), (-w / 2, -r - GAP - h)
    right, left = (r + GAP, -h / 2), (-r - GAP - w, -h / 2)
    br, bl, tr, tl = (d, d - h / 2), (-d - w, d - h / 2), (d, -d - h / 2), (-d - w, -d - h / 2)
    if angle is None:
        return [below, right, left, above, br, bl, tr, tl]
    c, s = math.cos(angle), math.sin(angle)
    if c > 0.38:
        return [right, br, tr, below, above, left, bl, tl] if s > 0 else [right, tr, br, above, below, left, tl, bl]
    if c < -0.38:
        return [left, bl, tl, below, above, right, br, tr] if s > 0 else [left, tl, bl, above, below, right, tr, br]
    return [below, br, bl, right, left, above, tr, tl] if s > 0 else [above, tr, tl, right, left, below, br, bl]


class _Grid:
    def __init__(self) -> None:
        self.cells: dict[tuple[int, int], list[tuple[float, float, float, float, str]]] = defaultdict(list)

    def _keys(self, x, y, w, h):
        for i in range(math.floor(x / CELL), math.floor((x + w) / CELL) + 1):
            for j in range(math.floor(y / CELL), math.floor((y + h) / CELL) + 1):
                yield (i, j)

    def add(self, x, y, w, h, owner=""):
        for k in self._keys(x, y, w, h):
            self.cells[k].append((x, y, w, h, owner))

    def hits(self, x, y, w, h, except_=None) -> bool:
        for k in self._keys(x, y, w, h):
            for ox, oy, ow, oh, owner in self.cells.get(k, ()):
                if owner != except_ and x < ox + ow and ox < x + w and y < oy + oh and oy < y + h:
                    return True
        return False


def place(nodes: list[dict], positions: dict[str, tuple[float, float]]) -> list[Label]:
    """``nodes``: view records (id, size, rgLabel, rgEmph, rgType, rgA) of the drawn nodes."""
    shapes, labels = _Grid(), _Grid()
    for n in nodes:
        x, y = positions[n["id"]]
        r = float(n.get("size", 16))
        shapes.add(x - r, y - r, 2 * r, 2 * r, n["id"])
    order = sorted(nodes, key=lambda n: (-(n.get("rgEmph") or 0), n.get("rgType") != "group", -float(n.get("size", 16))))
    out = []
    for n in order:
        text = n.get("rgLabel") or ""
        if not text:
            continue
        emph = n.get("rgEmph") or 0
        px = 14.0 if emph == 2 else (13.0 if emph or n.get("rgType") == "group" else 12.0)
        bold = bool(emph) or n.get("rgType") == "group"
        w, h = math.ceil(text_width(text, px, bold)), math.ceil(px * LINE)
        x, y = positions[n["id"]]
        r = float(n.get("size", 16))
        for dx, dy in _sides(r, w, h, n.get("rgA")):
            bx, by = x + dx, y + dy
            if not labels.hits(bx, by, w, h) and not shapes.hits(bx, by, w, h, n["id"]):
                labels.add(bx, by, w, h)
                out.append(Label(n["id"], text, px, bold, bx, by, w, h))
                break
    return out
