"""The views over HTTP (FastAPI test client): pages, headers, caching, errors, exports."""

from __future__ import annotations

import io
import json
import re
from html.parser import HTMLParser
from types import SimpleNamespace

import networkx as nx
import pytest
from fastapi.testclient import TestClient

from views_hostile import CENTER, HOSTILE_ID
from views_live import make_app
from views_synth import HUB


class Tags(HTMLParser):
    """Collects start tags with their attributes, and script bodies."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[tuple[dict, str]] = []
        self._in_script: dict | None = None

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._in_script = dict(attrs)
            self.scripts.append((self._in_script, ""))

    def handle_data(self, data):
        if self._in_script is not None:
            attrs, body = self.scripts[-1]
            self.scripts[-1] = (attrs, body + data)

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = None


def parse(html: str) -> Tags:
    t = Tags()
    t.feed(html)
    return t


def data_block(html: str, block: str):
    for attrs, body in parse(html).scripts:
        if attrs.get("id") == block:
            return json.loads(body)
    raise AssertionError(f"no script block {block}")


VIEW_URLS = [
    "/view/entity/org:wfs",
    "/view/entity/org:wfs?depth=2&edge_types=PARTY_TO,LOCATED_IN&as_of=2023-01-01&lang=de",
    "/view/path?source=org:wfs&target=org:tipa&k=2&max_hops=4",
    "/view/subgraph?ids=org:wfs,org:tipa,agreement:wfs-tipa-loi-2022",
]


@pytest.mark.parametrize("url", VIEW_URLS)
def test_views_are_self_contained(seed_client, url):
    r = seed_client.get(url)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("text/html")
    tags = parse(r.text)
    # every script and stylesheet comes from the app itself; no inline executable script
    assert not any(tag == "link" and "vis-network.css" in attrs.get("href", "") for tag, attrs in tags.tags)
    for tag, attrs in tags.tags:
        for key in ("src", "href"):
            value = attrs.get(key)
            if value and tag in ("script", "link", "img", "iframe"):
                assert value.startswith("/") or value.startswith("data:"), (tag, value)
    for attrs, body in tags.scripts:
        assert attrs.get("src") or attrs.get("type") == "application/json", attrs
    assert "cdn" not in r.text.lower() and "bootstrap" not in r.text.lower()
    # the referenced files are served
    for tag, attrs in tags.tags:
        ref = attrs.get("src") if tag == "script" else attrs.get("href") if tag == "link" and attrs.get("rel") == "stylesheet" else None
        if ref:
            assert seed_client.get(ref).status_code == 200, ref


def test_entity_view_content(seed_client):
    html = seed_client.get("/view/entity/org:wfs").text
    nodes = data_block(html, "rg-nodes")
    edges = data_block(html, "rg-edges")
    meta = data_block(html, "rg-meta")
    ids = {n["id"] for n in nodes}
    assert "org:wfs" in ids and "agreement:wfs-tipa-loi-2022" in ids
    centre = next(n for n in nodes if n["id"] == "org:wfs")
    assert centre["borderWidth"] == 4 and centre["fixed"] is True
    # edge labels are the schema's labels (drawn on hover), arrows point to the target,
    # colours are the relation type's display hint in the schema
    from graph.schema import default_schema

    party = next(e for e in edges if e["rgType"] == "PARTY_TO")
    assert party["rgLabel"] == "party to" and party["arrows"] == "to" and "label" not in party
    colours = default_schema().edges
    assert all(e["color"] == colours[e["rgType"]].color for e in edges)
    assert len({e["color"] for e in edges}) > 1
    # vis-network draws no node labels: the page places the shortened names itself
    assert all("label" not in n and len(n["rgLabel"]) <= 24 for n in nodes)
    # sources resolve to document titles and dates
    agreement = next(n for n in nodes if n["id"] == "agreement:wfs-tipa-loi-2022")
    doc_ids = [d for d, _ in agreement["tip"]["sources"]]
    assert "doc:wfs-2022-05-17-tipa-loi" in doc_ids
    assert meta["docs"]["doc:wfs-2022-05-17-tipa-loi"] == {"title": "Saxony and South Korea plan closer cooperation", "date": "2022-05-17"}
    assert meta["physics"] is False  # the server's layout is final
    assert "<h1 id=\"rg-title\">Network of Saxony Economic Development Corporation</h1>" in html
    assert "Most recent source in this view: 2023-09-08" in html


def test_german_labels(seed_client):
    html = seed_client.get("/view/entity/org:wfs?lang=de").text
    edges = data_block(html, "rg-edges")
    assert {e["rgLabel"] for e in edges if e["rgType"] == "PARTY_TO"} == {"Partei von"}
    assert "Netzwerk von Wirtschaftsförderung Sachsen GmbH" in html
    assert "Vereinbarung" in html  # legend


def test_path_view_marks_paths(seed_client):
    html = seed_client.get("/view/path?source=org:wfs&target=org:tipa").text
    nodes = data_block(html, "rg-nodes")
    edges = data_block(html, "rg-edges")
    assert edges and all(e["width"] == 3 for e in edges)
    ends = {n["id"]: n for n in nodes if n.get("borderWidth") == 4}
    assert set(ends) == {"org:wfs", "org:tipa"}
    # lanes from left to right: source at x=0, target furthest right
    xs = {n["id"]: n["x"] for n in nodes}
    assert xs["org:wfs"] == 0 and xs["org:tipa"] == max(xs.values())


def test_headers_gzip_etag_cache(seed_client):
    r = seed_client.get("/view/entity/org:wfs", headers={"Accept-Encoding": "gzip"})
    assert r.headers["content-encoding"] == "gzip"
    assert int(r.headers["content-length"]) < len(r.content) / 2 and r.text.startswith("<!doctype html>")
    assert r.headers["vary"] == "Accept-Encoding"
    assert "max-age=60" in r.headers["cache-control"]
    for url in re.findall(r"<([^>]+)>; rel=preload; as=script", r.headers["link"]):
        assert f'src="{url}"' in r.text.replace("&amp;", "&")
    etag = r.headers["etag"]
    again = seed_client.get("/view/entity/org:wfs", headers={"Accept-Encoding": "gzip", "If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    plain = seed_client.get("/view/entity/org:wfs", headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers
    assert plain.headers["etag"] != etag  # a different representation, a different tag
    assert seed_client.get("/view/entity/org:wfs?depth=2").headers["etag"] not in (etag, plain.headers["etag"])


def test_static_files_are_cached_for_a_year(seed_client):
    html = seed_client.get("/view/entity/org:wfs").text
    src = re.search(r'src="(/static/views/vis-network\.min\.js\?v=[0-9a-f]+)"', html).group(1)
    r = seed_client.get(src, headers={"Accept-Encoding": "gzip"})
    assert r.status_code == 200 and r.headers["content-encoding"] == "gzip"
    assert "immutable" in r.headers["cache-control"]
    assert r.content.startswith(b"/**") and b"@version 9.1.2" in r.content[:300]
    assert int(r.headers["content-length"]) < len(r.content) / 3  # compressed on the wire
    assert seed_client.get("/static/views/..%2Fparams.py").status_code == 404
    assert seed_client.get("/static/views/nothing.js").status_code == 404


def test_csp_frame_ancestors_from_settings(seed_store, tmp_path):
    with TestClient(make_app(seed_store, tmp_path, frame_ancestors="'self' https://intranet.example")) as c:
        csp = c.get("/view/entity/org:wfs").headers["content-security-policy"]
    assert "frame-ancestors 'self' https://intranet.example" in csp
    assert "script-src 'self'" in csp and "default-src 'none'" in csp
    assert "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]


def test_csp_falls_back_without_the_setting():
    from views.respond import csp

    assert "frame-ancestors 'self'" in csp(SimpleNamespace())
    assert "frame-ancestors 'self'" in csp(SimpleNamespace(frame_ancestors="https://a.example; script-src *"))


def test_errors_use_the_json_shape(seed_client):
    r = seed_client.get("/view/entity/org:nope")
    assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"
    r = seed_client.get("/view/entity/org:wfs?depth=9")
    assert r.status_code == 400 and "depth" in r.json()["error"]["message"]
    r = seed_client.get("/view/entity/org:wfs?edge_types=NOPE")
    assert r.status_code == 400 and "NOPE" in r.json()["error"]["message"]
    r = seed_client.get("/view/path?source=org:wfs")
    assert r.status_code == 400 and "target" in r.json()["error"]["message"]
    r = seed_client.get("/view/export?format=pdf&id=org:wfs")
    assert r.status_code == 400 and "format" in r.json()["error"]["message"]


def test_node_cap_becomes_aggregate_node(big_store, tmp_path):
    with TestClient(make_app(big_store, tmp_path)) as c:  # default view_max_nodes=300
        html = c.get(f"/view/entity/{HUB}?depth=2").text
        nodes = data_block(html, "rg-nodes")
        edges = data_block(html, "rg-edges")
        assert len([n for n in nodes if n.get("rgType") != "group"]) == 301
        agg = next(n for n in nodes if n.get("rgType") == "aggregate")
        assert agg["rgLabel"] == "1700 more"
        assert any(e["to"] == agg["id"] and e["from"] == HUB for e in edges)
        assert data_block(html, "rg-meta")["physics"] is False  # 301 nodes: laid out on the server
        assert all("x" in n and "y" in n for n in nodes)
        # a limit above the setting is refused, below it is honoured
        assert c.get(f"/view/entity/{HUB}?depth=2&limit=301").status_code == 400
        assert len(data_block(c.get(f"/view/entity/{HUB}?depth=2&limit=20").text, "rg-nodes")) == 21


def test_exports(seed_client):
    base = "/view/export?view=entity&id=org:wfs&depth=2"
    gexf = seed_client.get(base + "&format=gexf")
    assert gexf.headers["content-type"].startswith("application/gexf+xml")
    assert 'filename="regiograph-org_wfs.gexf"' in gexf.headers["content-disposition"]
    g1 = nx.read_gexf(io.BytesIO(gexf.content))
    g2 = nx.read_graphml(io.BytesIO(seed_client.get(base + "&format=graphml").content))
    doc = seed_client.get(base + "&format=json").json()
    html_nodes = data_block(seed_client.get("/view/entity/org:wfs?depth=2").text, "rg-nodes")
    assert set(g1.nodes) == set(g2.nodes) == {n["id"] for n in doc["nodes"]} == {n["id"] for n in html_nodes}
    assert g1.number_of_edges() == g2.number_of_edges() == len(doc["edges"])
    assert g2.nodes["org:wfs"]["type"] == "Organization" and g2.nodes["org:wfs"]["center"] == 1
    assert "doc:wfs-2022-05-17-tipa-loi" in g2.nodes["org:wfs"]["sources"]
    path = seed_client.get("/view/export?format=json&view=path&source=org:wfs&target=org:tipa").json()
    assert path["paths"] and path["paths"][0]["nodes"][0]["id"] == "org:wfs"
    svg = seed_client.get(base + "&format=svg")
    assert svg.headers["content-type"].startswith("image/svg+xml")
    assert svg.text.startswith("<svg") and "<script" not in svg.text


def test_export_links_match_the_view(seed_client):
    html = seed_client.get("/view/entity/org:wfs?depth=2&lang=de").text
    links = re.findall(r'href="(/view/export\?[^"]+)"', html)
    assert len(links) == 4
    for link in links:
        r = seed_client.get(link.replace("&amp;", "&"))
        assert r.status_code == 200, link


HOSTILE_URLS = [
    f"/view/entity/{CENTER}",
    f"/view/entity/{CENTER}?lang=de",
    "/view/entity/" + HOSTILE_ID.replace('"', "%22").replace(" ", "%20").replace(">", "%3E").replace("<", "%3C"),
    f"/view/subgraph?ids={CENTER},topic:evil",
    "/?q=%3Cscript%3Ewindow.__pwned%3D9%3C%2Fscript%3E",
    f"/?id={CENTER}",
    "/?id=%3Cscript%3Ewindow.__pwned%3D10%3C%2Fscript%3E",  # unknown: the error message repeats it
    "/?from=%3Cimg%20src%3Dx%20onerror%3Dwindow.__pwned%3D11%3E&to=topic:evil&as_of=%3Cb%3E",
    f"/?id={CENTER}&since=%3Cscript%3Ewindow.__pwned%3D12%3C%2Fscript%3E&group=region&color=community",
    "/explorer/list?type=Organization&related=MEMBER_OF:Organization",  # hostile names in hits and their facts
    "/explorer/list?type=Topic&in=%3Cscript%3Ewindow.__pwned%3D13%3C%2Fscript%3E",
    "/explorer/trade?a=%3Cscript%3Ewindow.__pwned%3D14%3C%2Fscript%3E&b=topic:evil",
    "/view/list?type=Organization&related=MEMBER_OF:Organization",
]


@pytest.mark.parametrize("url", HOSTILE_URLS)
def test_hostile_strings_never_reach_html_unescaped(hostile_client, url):
    r = hostile_client.get(url)
    assert r.status_code == 200, r.text
    html = r.text
    assert "<script>window.__pwned" not in html
    assert "<img src=x" not in html
    assert "<svg onload" not in html
    assert "<!--<script>" not in html
    tags = parse(html)
    for tag, attrs in tags.tags:
        assert tag not in ("img", "svg", "object", "embed"), (tag, attrs)
        assert not any(k.startswith("on") for k in attrs), (tag, attrs)
        for key in ("href", "src", "action"):
            if key in attrs:  # app-relative URLs (ids percent-encoded) or the page's own absolute permalinks
                assert attrs[key].startswith(("/", "http://testserver/", "data:", "#main")), (tag, attrs)
    for attrs, body in tags.scripts:
        assert attrs.get("src") or attrs.get("type") == "application/json"
        if attrs.get("type") == "application/json":
            json.loads(body)  # the JSON block is intact: nothing closed it early


def test_hostile_exports_are_well_formed(hostile_client):
    for fmt in ("gexf", "graphml", "svg"):
        r = hostile_client.get(f"/view/export?format={fmt}&id={CENTER}")
        assert r.status_code == 200
        assert "<script>" not in r.text and "<img" not in r.text
    g = nx.read_graphml(io.BytesIO(hostile_client.get(f"/view/export?format=graphml&id={CENTER}").content))
    assert HOSTILE_ID in g.nodes
    import xml.etree.ElementTree as ET

    ET.fromstring(hostile_client.get(f"/view/export?format=svg&id={CENTER}").content)


def test_pyvis_options_with_hostile_strings_stay_inert():
    """pyvis embeds option strings raw; our template passes them as JSON data."""
    from views.render import render_page, vis_options

    opts = vis_options(3, physics=True)
    opts["nodes"]["font"]["face"] = "Noto Sans, </script><script>window.__pwned=1</script> <!--"
    html = render_page([], [], opts, _minimal_page())
    assert "</script><script>window.__pwned" not in html and "<!--" not in html.split("</head>")[1]
    parsed = json.loads(data_block(html, "rg-options"))
    # and spaces inside strings survive (pyvis' set_options strips them)
    assert parsed["nodes"]["font"]["face"] == "Noto Sans, </script><script>window.__pwned=1</script> <!--"


def _minimal_page() -> dict:
    from views.render import static_urls

    return {"lang": "en", "title": "t", "subtitle": "", "date_line": "", "notices": [], "legend_nodes": [],
            "legend_edges": [], "legend_label": "", "canvas_label": "", "open_label": "", "explorer_url": "/",
            "exports": [], "static": static_urls(), "meta": {"physics": False, "ui": {}, "docs": {}}}


def test_names_resolve_like_the_api(seed_client):
    html = seed_client.get("/view/entity/WFS").text
    centre = [n["id"] for n in data_block(html, "rg-nodes") if n.get("borderWidth") == 4]
    assert centre == ["org:wfs"]
    assert "/view/export?format=json&amp;view=entity&amp;id=org%3Awfs" in html  # links use the id
    r = seed_client.get("/view/path?source=WFS&target=TIPA")
    assert {n["id"] for n in data_block(r.text, "rg-nodes") if n.get("borderWidth") == 4} == {"org:wfs", "org:tipa"}
    r = seed_client.get("/view/entity/no-such-thing")
    assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"


def test_view_errors_are_pages_for_browsers_in_their_language(seed_client):
    html = {"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}
    r = seed_client.get("/view/entity/org:wfs?as_of=2023-02-30&lang=de", headers=html)
    assert r.status_code == 400 and r.headers["content-type"].startswith("text/html")
    assert "Diese Ansicht kann nicht gezeigt werden" in r.text and "2023-02-30" in r.text
    assert "frame-ancestors" in r.headers["content-security-policy"]
    r = seed_client.get("/view/entity/" + "Saxony%20delegation", headers=html)
    assert r.status_code == 404 and "matches several entries" in r.text
    r = seed_client.get("/view/path?source=org:wfs", headers=html)
    assert r.status_code == 400 and "Please fill in" in r.text
    # API clients keep the JSON error shape
    r = seed_client.get("/view/entity/org:wfs?as_of=2023-02-30")
    assert r.status_code == 400 and r.json()["error"]["code"] == "bad_query"
