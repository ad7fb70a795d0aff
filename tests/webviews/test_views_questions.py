"""The views' parts of the questions issue: the since-until time control, grouping
by region, colouring by community, the list page and view, the trade page and view."""

from __future__ import annotations

import json
import re
from html import unescape
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from graph import query
from graph.model import Edge, Node, Source, edge_id
from graph.store.embedded import EmbeddedStore
from views.colour import NONE, PALETTE
from views_live import make_app

HTML = {"Accept": "text/html"}


def block(html: str, name: str):
    m = re.search(rf'<script type="application/json" id="{name}">(.*?)</script>', html, re.S)
    assert m, name
    return json.loads(m.group(1))


def text(html: str) -> str:
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html)))


# ------------------------------------------------------------ time control


def test_since_until_filter_the_view_like_the_query(seed_client, seed_store):
    html = seed_client.get("/view/entity/org:wfs?since=2021&until=2021").text
    drawn = {n["id"] for n in block(html, "rg-nodes")}
    want = {n.id for n in seed_store.neighbors("org:wfs", since="2021", until="2021", limit=300).nodes}
    everything = {n.id for n in seed_store.neighbors("org:wfs", limit=300).nodes}
    assert drawn == want and want < everything  # the range leaves something out
    assert "from 2021 to 2021" in text(html)
    de = seed_client.get("/view/entity/org:wfs?since=2022-05&lang=de").text
    assert "seit 2022-05" in text(de)


def test_time_control_in_the_explorer_is_kept_in_the_url(seed_client):
    html = seed_client.get("/?id=org:wfs&since=2021&until=2022&lang=de").text
    assert 'name="since" type="text"' in html and 'value="2021"' in html and 'value="2022"' in html
    assert "Seit" in html and "Bis" in html and "Zeit" in html
    # the framed view, the permalink and the language switch carry the range
    assert 'src="/view/entity/org:wfs?since=2021&amp;until=2022&amp;lang=de&amp;chrome=0"' in html
    assert 'href="/?id=org%3Awfs&amp;since=2021&amp;until=2022"' in html  # Language: English
    # the timeline keeps to the range
    items = re.findall(r"<time>([^<]*)</time>", html)
    assert items and all("2021" <= d[:4] <= "2022" for d in items)
    # the path form has the same control
    path = seed_client.get("/?from=org:wfs&to=org:tipa&since=2022").text
    assert 'id="path-since"' in path and 'src="/view/path?source=org%3Awfs&amp;target=org%3Atipa&amp;since=2022&amp;chrome=0"' in path


def test_as_of_with_since_is_a_clear_error_in_the_page_language(seed_client):
    r = seed_client.get("/view/entity/org:wfs?as_of=2022&since=2021")
    assert r.status_code == 400 and r.json()["error"]["details"][0]["field"] == "span"
    html = seed_client.get("/?id=org:wfs&as_of=2022&since=2021&lang=de").text
    assert "entweder ein Datum (Stand) oder einen Zeitraum" in html
    html = seed_client.get("/?id=org:wfs&since=2023&until=2021").text
    assert "with since before until" in html
    assert seed_client.get("/view/entity/org:wfs?since=2021-13").status_code == 400


# ---------------------------------------------------------------- grouping


@pytest.fixture(scope="module")
def region_store(tmp_path_factory):
    """org:x with 45 member companies: 20 located in region:a, 15 in region:b, 10 nowhere."""
    src = (Source("doc:d", "p1"),)
    nodes = [Node("doc:d", "Document", {"en": "D"}, properties={"title": "D", "published": "2024-01-01"}),
             Node("org:x", "Organization", {"en": "X"}, properties={"kind": "agency"}, sources=src),
             Node("region:a", "Region", {"en": "Aland", "de": "Aland"}, properties={"level": "state"}, sources=src),
             Node("region:b", "Region", {"en": "Bland"}, properties={"level": "state"}, sources=src)]
    edges = []
    for i in range(45):
        cid = f"company:c{i:02d}"
        nodes.append(Node(cid, "Company", {"en": f"Company {i}"}, sources=src))
        edges.append(Edge(edge_id(cid, "MEMBER_OF", "org:x"), "MEMBER_OF", cid, "org:x", sources=src))
        region = "region:a" if i < 20 else "region:b" if i < 35 else None
        if region:
            edges.append(Edge(edge_id(cid, "LOCATED_IN", region), "LOCATED_IN", cid, region, sources=src))
    store = EmbeddedStore(tmp_path_factory.mktemp("regions"))
    store.write(nodes, edges)
    yield store
    store.close()


def _groups(client, url):
    nodes = block(client.get(url).text, "rg-nodes")
    return {n["rgLabel"]: sorted(n["rgMembers"]) for n in nodes if n.get("rgType") == "group"}, nodes


def test_group_by_region_type_or_none(region_store, tmp_path):
    with TestClient(make_app(region_store, tmp_path)) as c:
        by_region, nodes = _groups(c, "/view/entity/org:x?edge_types=MEMBER_OF&group=region&lang=de")
        assert by_region == {"20 \u00d7 in Aland": [f"company:c{i:02d}" for i in range(20)],
                             "15 \u00d7 in Bland": [f"company:c{i:02d}" for i in range(20, 35)]}
        # the members stay in the page (hidden) and unfold on click; the unlocated ten are drawn as they are
        hidden = {n["id"] for n in nodes if n.get("hidden")}
        assert hidden == {f"company:c{i:02d}" for i in range(35)}
        by_type, _ = _groups(c, "/view/entity/org:x?edge_types=MEMBER_OF")
        assert list(by_type) == ["45 \u00d7 Company"]
        none, nodes = _groups(c, "/view/entity/org:x?edge_types=MEMBER_OF&group=none")
        assert none == {} and not any(n.get("hidden") for n in nodes)
        assert c.get("/view/entity/org:x?group=city").status_code == 400
        # the explorer offers the choice and keeps it
        html = c.get("/?id=org:x&group=region").text
        assert '<option value="region" selected>' in html and "group=region" in html


def test_region_groups_expand_in_the_browser(browser, region_store, tmp_path):
    from views_browser import open_page, wait_ready
    from views_live import LiveServer

    with LiveServer(make_app(region_store, tmp_path)) as srv:
        ctx, page, watch = open_page(browser, srv.url)
        try:
            page.goto(srv.url + "/view/entity/org:x?edge_types=MEMBER_OF&group=region")
            wait_ready(page)
            gid = page.evaluate("window.rgView.nodes.get({filter: n => n.rgType === 'group'}).map(n => n.id).sort()[0]")
            page.evaluate("id => window.rgView.expand(id)", gid)
            shown = page.evaluate("window.rgView.nodes.get({filter: n => !n.hidden && n.rgGroup}).length")
            assert shown in (15, 20)
            watch.assert_clean()
        finally:
            ctx.close()


# ------------------------------------------------------------- communities


def test_colour_by_community_matches_the_query(seed_client, seed_store):
    html = seed_client.get("/view/entity/region:de-sn?depth=2&color=community").text
    nodes = [n for n in block(html, "rg-nodes") if n.get("rgType") not in ("group", "aggregate")]
    membership = query.run(seed_store, "communities").membership
    colour_of: dict[int, str] = {}
    for n in nodes:
        fill = n["color"]["background"]
        c = membership.get(n["id"])
        if c is None:
            assert fill == NONE and n["rgCommunity"] == -1
        else:
            assert fill in PALETTE and n["rgCommunity"] == c + 1
            assert colour_of.setdefault(c, fill) == fill  # one colour per community
    assert len(set(colour_of.values())) == len(colour_of) >= 3  # different communities, different colours
    legend = re.findall(r'<li class="rg-legend-community"><span class="rg-swatch" style="background: ([^"]+)"></span> ([^<]+)</li>', html)
    assert {c for c, _ in legend} >= set(colour_of.values())
    assert any("Community" in label for _, label in legend)
    # the SVG export draws the same fills
    svg = seed_client.get("/view/export?format=svg&view=entity&id=region:de-sn&depth=2&color=community").text
    assert all(f'fill="{c}"' in svg for c in colour_of.values())
    # the default stays colour by type, and the explorer offers the choice
    plain = block(seed_client.get("/view/entity/region:de-sn?depth=2").text, "rg-nodes")
    assert not any("rgCommunity" in n for n in plain)
    de = seed_client.get("/?id=region:de-sn&color=community&lang=de").text
    assert '<option value="community" selected>Gemeinschaft</option>' in de and "color=community" in de


# -------------------------------------------------------------------- lists


AGENCIES_KR = "/explorer/list?type=Organization&kind=agency&related=PARTY_TO:Agreement&counterpart_in=region:kr"


def test_list_page_shows_hits_with_why_and_sources(seed_client):
    html = seed_client.get(AGENCIES_KR).text
    t = text(html)
    assert "Saxony Economic Development Corporation" in t or "Wirtschaftsförderung Sachsen" in t
    # WFS through the 2022 letter of intent, with its source document
    assert 'href="/?id=org%3Awfs"' in html
    assert re.search(r"party to \u2192 WFS\u2013TIPA letter of intent", t)
    assert "Saxony and South Korea plan closer cooperation" in t
    assert "Organization (agency) \u00b7 party to Agreement with a counterpart in South Korea" in t
    # the hits as a graph view, framed and embeddable
    assert 'src="/view/list?type=Organization&amp;kind=agency&amp;related=PARTY_TO%3AAgreement&amp;counterpart_in=region%3Akr&amp;chrome=0"' in html
    de_html = seed_client.get(AGENCIES_KR + "&lang=de").text
    de = text(de_html)
    assert "Treffer" in de and "Partei von" in de and "Gegenseite in Südkorea" in de
    # kinds in the form are named in the page's language, their values stay the schema's
    assert '<option value="agency" selected>Agentur</option>' in de_html
    assert '<option value="loi">Absichtserklärung</option>' in de_html
    assert '<option value="loi">letter of intent</option>' in html


def test_list_pages_follow_the_cursor(seed_client, seed_store):
    total = query.run(seed_store, "entities", type="Topic", limit=500).total
    assert total > 25
    seen, url = [], "/explorer/list?type=Topic&sort=label"
    while url:
        html = seed_client.get(url).text
        section = html.split('<ol class="ex-hits">')[1].split("</ol>")[0]
        seen += re.findall(r'<li><a href="/\?id=([^"&]+)"', section)
        nxt = re.search(r'<a href="([^"]+)" rel="next">', html)
        url = unescape(nxt.group(1)) if nxt else ""
    assert len(seen) == len(set(seen)) == total


def test_list_errors_and_empty_form(seed_client):
    html = seed_client.get("/explorer/list?type=Planet&lang=de").text
    assert "Aus „Planet“ (Typ) lässt sich keine Liste machen" in html
    empty = seed_client.get("/explorer/list").text
    assert "Choose a type, a region or a relation" in empty and '<select name="type">' in empty
    amb = seed_client.get("/explorer/list?type=Organization&in=" + quote("Saxony delegation")).text
    assert "\u201cSaxony delegation\u201d matches several entries" in amb
    assert 'href="/explorer/list?type=Organization&amp;in=event%3Asaxony-delegation-japan-korea-2023"' in amb


def test_list_view_draws_the_hits_and_their_facts(seed_client):
    html = seed_client.get("/view/list?type=Organization&kind=agency&related=PARTY_TO:Agreement&counterpart_in=region:kr").text
    nodes = {n["id"]: n for n in block(html, "rg-nodes")}
    edges = block(html, "rg-edges")
    assert "org:wfs" in nodes and nodes["org:wfs"].get("rgEmph") == 1  # a hit, emphasised
    assert "agreement:wfs-tipa-loi-2022" in nodes and not nodes["agreement:wfs-tipa-loi-2022"].get("rgEmph")
    assert any(e["from"] == "org:wfs" and e["to"] == "agreement:wfs-tipa-loi-2022" for e in edges)
    assert seed_client.get("/view/list?kind=agency").status_code == 400
    svg = seed_client.get("/view/export?format=svg&view=list&type=Organization&in=region:de-sn")
    assert svg.status_code == 200 and "<svg" in svg.text


def test_start_page_links_the_question_pages(seed_client):
    html = seed_client.get("/?lang=de").text
    assert 'href="/explorer/trade?a=region%3Ade-sn&amp;b=region%3Akr&amp;lang=de"' in html
    assert "Handel Sachsens mit Südkorea" in html and 'href="/explorer/list?lang=de"' in html


def test_hostile_names_in_a_list_stay_text(hostile_client):
    html = hostile_client.get("/explorer/list?type=Company").text
    hits = html.split('<ol class="ex-hits">')[1].split("</ol>")[0]
    assert 'href="/?id=org%3Ax%22%3E%3Cimg+src%3Dx+onerror%3Dwindow.__pwned%3D7%3E"' in hits
    assert "&lt;svg onload=&#34;window.__pwned=5" in hits
    assert "<svg onload" not in html and "<script>window" not in html


# -------------------------------------------------------------------- trade


def test_trade_page_has_chart_and_table_in_both_languages(seed_client):
    html = seed_client.get("/explorer/trade?a=Sachsen&b=region:kr&lang=de").text
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in html and "<script>" not in html.split("</head>")[1]
    rows = re.findall(r"<tr><td>(\d{4})</td><td>([^<]+)</td><td class=\"rg-num\">([^<]+)", html)
    assert rows == [("2021", "Export", "890 Mio. EUR"), ("2021", "Import", "320 Mio. EUR"), ("2022", "Export", "1,16 Mrd. EUR")]
    assert "<caption>Handel Sachsen – Südkorea (EUR)</caption>" in html
    assert "Saxony and South Korea plan closer cooperation" in html  # each figure's source
    en = seed_client.get("/explorer/trade?a=region:de-sn&b=region:kr&from=2022").text
    assert re.findall(r"<td class=\"rg-num\">([^<]+)", en) == ["1.16 billion EUR"]
    assert 'value="Saxony"' in en and "exports of Saxony to South Korea" in en


def test_trade_view_is_embeddable_and_scriptless(seed_client):
    r = seed_client.get("/view/trade?a=region:de-sn&b=region:kr&lang=de")
    assert r.status_code == 200
    assert "script-src 'self'" in r.headers["Content-Security-Policy"] and "frame-ancestors" in r.headers["Content-Security-Policy"]
    assert "<script" not in r.text and "<table" in r.text and "890 Mio. EUR" in r.text
    assert 'href="/explorer/trade?a=region%3Ade-sn&amp;b=region%3Akr&amp;lang=de"' in r.text
    framed = seed_client.get("/view/trade?a=region:de-sn&b=region:kr&chrome=0").text
    assert 'class="rg-head rg-vh"' in framed and "rg-links" not in framed
    page = seed_client.get("/explorer/trade?a=region:de-sn&b=region:kr").text
    assert "/view/trade?a=region%3Ade-sn&amp;b=region%3Akr" in page  # embed code and permalink
    bad = seed_client.get("/view/trade?a=region:de-sn&b=region:kr&from=soon", headers=HTML)
    assert bad.status_code == 400 and "soon" in bad.text
    assert seed_client.get("/explorer/trade?a=region:de-sn&b=region:kr&from=soon&lang=de").text.count("ist kein Jahr") == 1


LONG = "Freie und Hansestadt mit einem ausgesprochen langen amtlichen Regionsnamen Nord"


def _long_chart(store, lang="de"):
    from graph import query
    from views.trade_chart import trade_chart_svg

    series = query.run(store, "trade", a="region:de-sn", b="region:kr")
    return trade_chart_svg(series, lang=lang, names=(LONG, "Südkorea"), show_title=False)


def test_trade_chart_legend_wraps_a_long_name_inside_the_chart(seed_store):
    from graph import query
    from views.trade_chart import CHAR_W, trade_chart_svg

    series = query.run(seed_store, "trade", a="region:de-sn", b="region:kr")
    short = trade_chart_svg(series, lang="de", names=("Sachsen", "Südkorea"), show_title=False)
    svg = _long_chart(seed_store)
    width = lambda s: int(re.match(r'<svg [^>]*width="(\d+)"', s).group(1))  # noqa: E731
    assert width(svg) == width(short)  # the long name does not widen the chart
    assert "<title>Exporte von " + LONG + " nach Südkorea</title>" in svg  # the full entry on hover
    lines = re.findall(r'<tspan x="[\d.]+" dy="\d+">([^<]+)</tspan>', svg)
    assert lines and all(10 + 14 + CHAR_W * len(t) <= width(svg) - 10 for t in lines)
    assert any(t.endswith("\u2026") for t in lines)  # cut after two lines, marked
    assert "<title>" not in short.split("rg-legend-entry", 1)[1]  # a legend that fits has no extra title


def test_trade_chart_long_name_drawn_inside_and_legible(browser, seed_store):
    from test_screenshots import chart_problems

    svg = _long_chart(seed_store)
    for width in (390, 1400):
        ctx = browser.new_context(viewport={"width": width, "height": 800})
        try:
            page = ctx.new_page()
            page.set_content(f"<!doctype html><body style='margin:0'>{svg}</body>")
            assert chart_problems(page) == []
            box = page.evaluate("() => { const s = document.querySelector('svg').getBoundingClientRect(); "
                                "return Array.from(document.querySelectorAll('svg text')).every(t => t.getBoundingClientRect().right <= s.right + 1); }")
            assert box
        finally:
            ctx.close()
