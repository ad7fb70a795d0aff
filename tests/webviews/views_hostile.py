"""A graph whose every text field tries to run script, for the safety tests.

Each payload that executes would set ``window.__pwned`` (and most also call
``alert``), so a test only has to check that ``window.__pwned`` stays
undefined and no dialog opened. The records are written with ``store.write``
(no validation), as a broken loader or another backend could deliver them.
Between them they cover pyvis 0.3.2's four injection paths:

1. a title containing ``href`` (pyvis then shows tooltips via innerHTML),
2. node ids (pyvis writes them raw into its select menu),
3. the page heading (pyvis writes it raw),
4. strings inside <script> (pyvis embeds option strings unescaped) - here
   names and properties containing ``</script>`` and ``<!--``.
"""

from __future__ import annotations

from graph.model import Edge, Node, Source, edge_id

IMG = '<img src=x onerror="window.__pwned=1;alert(1)">'
SCRIPT = "</script><script>window.__pwned=2;alert(2)</script>"
HREF = '<a href="javascript:window.__pwned=3;alert(3)" onmouseover="window.__pwned=3">href click</a>'
COMMENT = "<!--<script>window.__pwned=4</script>-->"
QUOTES = "\"'><svg onload=\"window.__pwned=5;alert(5)\">"
TITLE_BREAK = "</title><script>window.__pwned=6</script>"

HOSTILE_DOC = "doc:evil"
HOSTILE_ID = 'org:x"><img src=x onerror=window.__pwned=7>'
CENTER = "org:hostile"
DOC_TITLE = f"Report {IMG} {SCRIPT}"


def hostile_graph() -> tuple[list[Node], list[Edge]]:
    src = (Source(HOSTILE_DOC, f"para 1 {COMMENT}"),)
    doc = Node(HOSTILE_DOC, "Document", {"en": f"Doc {SCRIPT}"},
               properties={"title": DOC_TITLE, "published": "2024-05-01", "url": "javascript:window.__pwned=8"})
    center = Node(
        CENTER,
        "Organization",
        {"en": f"Evil {TITLE_BREAK} {SCRIPT}", "de": f"Böse {IMG}"},
        properties={"kind": "agency", "acronym": HREF, "website": QUOTES},
        sources=src,
    )
    weird = Node(HOSTILE_ID, "Company", {"en": f"{QUOTES} {COMMENT}"}, properties={"sector": HREF}, sources=src)
    topic = Node("topic:evil", "Topic", {"en": IMG}, properties={"kind": "sector"}, sources=src)
    edges = [
        Edge(edge_id(HOSTILE_ID, "MEMBER_OF", CENTER), "MEMBER_OF", HOSTILE_ID, CENTER, sources=src),
        Edge(edge_id(CENTER, "FOCUSES_ON", "topic:evil"), "FOCUSES_ON", CENTER, "topic:evil",
             properties={"note": SCRIPT + COMMENT}, sources=src),
    ]
    return [doc, center, weird, topic], edges


PAYLOAD_MARKERS = ["window.__pwned", "onerror", "<script>"]
