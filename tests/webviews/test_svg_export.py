"""The SVG export looks like the view: same colours, a legend, labels that do
not overlap (measured by Chromium's own text layout)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from graph.schema import default_schema

NS = "{http://www.w3.org/2000/svg}"


def test_svg_has_legend_and_schema_colours(seed_client):
    r = seed_client.get("/view/export?format=svg&view=entity&id=region:de-sn&depth=2")
    assert r.status_code == 200
    root = ET.fromstring(r.content)
    legend = next(g for g in root.iter(NS + "g") if g.get("class") == "legend")
    texts = [t.text for t in legend.iter(NS + "text")]
    assert "Legend" in texts and "Region" in texts and "located in" in texts
    colours = {et.color for et in default_schema().edges.values()}
    drawn = {line.get("stroke") for line in root.iter(NS + "line") if line.get("stroke-opacity")}
    assert drawn and drawn <= colours
    # German labels and legend with lang=de
    de = ET.fromstring(seed_client.get("/view/export?format=svg&view=entity&id=region:de-sn&lang=de").content)
    assert "Legende" in [t.text for t in de.iter(NS + "text")]


def test_svg_labels_do_not_overlap_in_chromium(browser, seed_client):
    svg = seed_client.get("/view/export?format=svg&view=entity&id=region:de-sn&depth=2").text
    ctx = browser.new_context(viewport={"width": 1400, "height": 900})
    page = ctx.new_page()
    try:
        page.set_content("<!doctype html><html><body style='margin:0'>" + svg + "</body></html>")
        boxes = page.evaluate(
            """() => [...document.querySelectorAll('g.labels text')].map(t => {
                const b = t.getBBox(); return {text: t.textContent, x: b.x, y: b.y, w: b.width, h: b.height};
            })"""
        )
        assert len(boxes) >= 40
        overlaps = [(a["text"], b["text"]) for i, a in enumerate(boxes) for b in boxes[i + 1:]
                    if a["x"] < b["x"] + b["w"] and b["x"] < a["x"] + a["w"] and a["y"] < b["y"] + b["h"] and b["y"] < a["y"] + a["h"]]
        assert overlaps == []
        assert "Saxony" in [b["text"] for b in boxes]
    finally:
        ctx.close()
