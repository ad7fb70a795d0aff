"""The explorer: start page, suggestions, entity panel, choices for ambiguous
names, errors in the page's language, the embed panel and preview."""

from __future__ import annotations

import re
from urllib.parse import quote

from views_browser import open_page


def test_start_page_shows_contents_recent_documents_and_examples(seed_client, seed_store):
    html = seed_client.get("/").text
    stats = seed_store.stats().to_dict()
    for type_, n in stats["nodes"].items():
        assert f'<span class="ex-count">{n}</span> {type_}' in html
    assert "Saxon economics minister Martin Dulig takes a business delegation to Japan and South Korea" in html
    assert 'href="/?id=region%3Ade-sn&amp;depth=2"' in html  # an example question
    de = seed_client.get("/?lang=de").text
    assert "Beispielfragen" in de and "Mit wem ist Sachsen verbunden?" in de and "Organisation" in de


def test_suggestions_name_type_region(seed_client):
    items = seed_client.get("/explorer/suggest?q=Dres").json()["items"]
    dresden = next(i for i in items if i["id"] == "region:de-dresden")
    assert dresden["type"] == "Region" and dresden["region"] == "Saxony" and dresden["href"] == "/?id=region%3Ade-dresden"
    wfs = seed_client.get("/explorer/suggest?q=WFS&lang=de").json()["items"][0]
    assert wfs["id"] == "org:wfs" and wfs["type"] == "Organisation" and wfs["region"] == "Dresden"
    assert seed_client.get("/explorer/suggest?q=W").json()["items"] == []  # too short
    assert seed_client.get("/explorer/suggest?q=" + quote("<script>")).json()["items"] == []


def test_entity_panel_lists_names_identifiers_and_sources(seed_client):
    html = seed_client.get("/?id=region:de-sn").text
    assert '<dd lang="de">Sachsen</dd>' in html and '<dd lang="en">Saxony</dd>' in html
    assert "<dt>iso_3166</dt><dd><code>DE-SN</code></dd>" in html
    # every source: document title, date, the fact it supports
    assert "Saxony and South Korea plan closer cooperation" in html
    assert "2022-05-17" in html
    assert "Martin Dulig \u2192 holds role at \u2192 Saxony" in html
    # the view inside the explorer has no second title or download row
    assert 'src="/view/entity/region:de-sn?chrome=0"' in html
    frame = seed_client.get("/view/entity/region:de-sn?chrome=0").text
    assert 'class="rg-head rg-vh"' in frame and "rg-links" not in frame


def test_ambiguous_name_offers_choices_in_the_page_language(seed_client):
    html = seed_client.get("/?id=" + quote("Saxony delegation") + "&lang=de").text
    assert "passt zu mehreren Einträgen" in html
    assert 'href="/?id=event%3Asaxony-delegation-japan-korea-2023&amp;lang=de"' in html
    assert "candidates" not in html and "give one of these ids" not in html
    html = seed_client.get("/?from=" + quote("Saxony delegation") + "&to=TIPA").text
    assert "matches several entries" in html and "from=event%3Asaxony-delegation-japan-korea-2023" in html


def test_errors_in_german(seed_client):
    html = seed_client.get("/?id=org:wfs&as_of=2023-13-45&lang=de").text
    assert "Das Datum \u201e2023-13-45\u201c ist ungültig" in html
    html = seed_client.get("/?id=nirgendwo-xyz&lang=de").text
    assert "Nichts im Graphen passt zu \u201enirgendwo-xyz\u201c" in html
    html = seed_client.get("/?id=nowhere-xyz").text
    assert "Nothing in the graph matches \u201cnowhere-xyz\u201d" in html


def test_embed_preview_frames_only_own_views(seed_client):
    r = seed_client.get("/embed/preview?src=" + quote("/view/entity/org:wfs?depth=2"))
    assert r.status_code == 200
    assert 'src="/view/entity/org:wfs?depth=2"' in r.text
    assert 'REGIOGRAPH_FRAME_ANCESTORS="&#39;self&#39; https://intranet.example"' in r.text
    for bad in ("https://evil.example/view/x", "//evil.example/view/x", "/docs", "javascript:alert(1)"):
        assert seed_client.get("/embed/preview?src=" + quote(bad)).status_code == 400, bad


def test_combobox_keyboard_and_chips(browser, seed_server):
    ctx, page, watch = open_page(browser, seed_server.url)
    try:
        page.goto(seed_server.url + "/")
        box = page.locator("#q")
        box.focus()
        page.keyboard.type("Sil", delay=40)
        page.wait_for_selector("#q-list li[role=option]")
        assert box.get_attribute("aria-expanded") == "true"
        first = page.locator("#q-list li").first.inner_text()
        assert "Silicon Saxony" in first
        page.keyboard.press("ArrowDown")
        active = box.get_attribute("aria-activedescendant")
        assert active and page.locator(f"#{active}").get_attribute("aria-selected") == "true"
        page.keyboard.press("Enter")
        page.wait_for_url("**/?id=org%3Asilicon-saxony")
        page.wait_for_selector("#entity iframe")
        # relation types are chips (checkboxes): pick one by keyboard and apply
        page.locator(".ex-filters summary").click()
        chip = page.locator(".ex-chip input[value=LOCATED_IN]").first
        chip.focus()
        page.keyboard.press("Space")
        page.locator(".ex-filters button[type=submit]").click()
        page.wait_for_url("**edge_types=LOCATED_IN**")
        assert page.locator(".ex-chip input[value=LOCATED_IN]").first.is_checked()
        frame = page.frame_locator("#entity iframe")
        frame.locator("body[data-ready='1']").wait_for(timeout=20_000)
        watch.assert_clean()
    finally:
        ctx.close()


def test_path_form_suggestions_fill_ids(browser, seed_server):
    ctx, page, watch = open_page(browser, seed_server.url)
    try:
        page.goto(seed_server.url + "/?lang=de")
        page.locator("#from").focus()
        page.keyboard.type("Busan", delay=40)
        page.wait_for_selector("#from-list li[role=option]")
        page.keyboard.press("ArrowDown")
        page.keyboard.press("Enter")
        assert page.locator("#from").input_value() == "Busan"
        page.locator("#to").fill("Saxony")
        page.locator("#path-form button[type=submit]").click()
        page.wait_for_selector("#path iframe")
        assert "from=region%3Akr-26" in page.url
        assert page.locator(".ex-paths li").count() >= 1
        watch.assert_clean()
    finally:
        ctx.close()


def test_embed_panel_gives_frame_ancestors_for_the_site(browser, seed_server):
    ctx, page, watch = open_page(browser, seed_server.url)
    try:
        page.goto(seed_server.url + "/?id=org:wfs")
        page.locator("#entity .ex-embed summary").click()
        page.locator("#entity .ex-fa-site").fill("https://intranet.example.org/wiki/partners?x=1")
        value = page.locator("#entity .ex-fa-value").inner_text()
        assert value == "REGIOGRAPH_FRAME_ANCESTORS=\"'self' https://intranet.example.org\""
        assert page.locator("#entity [data-embed-signed]").count() == 1  # hook for signed links
        watch.assert_clean()
    finally:
        ctx.close()


def test_signed_embed_hook(seed_client):
    from views import explorer

    assert "ex-embed-code-signed" not in seed_client.get("/?id=org:wfs").text
    explorer.set_embed_signer(lambda url: url + ("&" if "?" in url else "?") + "sig=abc")
    try:
        html = seed_client.get("/?id=org:wfs&depth=2").text
        assert "/view/entity/org:wfs?depth=2&amp;amp;sig=abc" in html  # the snippet, escaped once more for display
    finally:
        explorer.set_embed_signer(None)


def _path_form(html: str) -> str:
    return html.split('id="path-form"', 1)[1].split("</form>", 1)[0]


def test_path_form_offers_colour_by_type_or_community(seed_client):
    form = _path_form(seed_client.get("/").text)
    assert '<label>Colour by <select name="color">' in form
    assert '<option value="type" selected>type</option><option value="community">community</option>' in form
    # the choice travels: the framed path view and the permalink are coloured by community, the form keeps the choice
    html = seed_client.get("/?from=region:kr-26&to=region:de-sn&color=community&lang=de").text
    form = _path_form(html)
    assert '<label>Farbe nach <select name="color">' in form
    assert '<option value="community" selected>Gemeinschaft</option>' in form
    frame = re.search(r'<iframe class="ex-frame[^"]*" src="([^"]+)"', html).group(1).replace("&amp;", "&")
    assert frame.startswith("/view/path?") and "color=community" in frame
    assert 'class="rg-legend-community"' in seed_client.get(frame).text


def test_path_form_colour_choice_by_label(browser, seed_server):
    ctx, page, watch = open_page(browser, seed_server.url)
    try:
        page.goto(seed_server.url + "/?lang=de")
        form = page.locator("#path-form")
        page.locator("#from").fill("region:kr-26")
        page.locator("#to").fill("Saxony")
        form.get_by_label("Farbe nach").select_option("community")
        form.locator("button[type=submit]").click()
        page.wait_for_selector("#path iframe")
        assert "color=community" in page.url
        assert "color=community" in page.locator("#path iframe").get_attribute("src")
        assert page.locator("#path-form").get_by_label("Farbe nach").input_value() == "community"
        watch.assert_clean()
    finally:
        ctx.close()
