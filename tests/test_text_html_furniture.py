"""HTML pages as people save them: menus, cookie banners, share buttons, sidebars and footers yield no facts
and lend no sources. The page is our own."""

from loaders.text import extract
from loaders.text.reading import html_to_text

PAGE = """<!doctype html><html><head><title>Nordwerk in Kiel</title></head><body>
<div id="cookie-consent" class="cookie-banner"><p>Wir nutzen Cookies der Beispiel Analytics Ltd. aus Dublin.</p>
<button>Alle akzeptieren</button></div>
<header class="site-header"><ul class="main-menu"><li>Start</li><li>Presse</li><li>Stuttgart</li></ul></header>
<nav><a href="/">Startseite</a> <a href="/x">Leipzig</a></nav>
<article><h1>Besuch aus Masowien</h1>
<p>Kiel, 03.03.2025 – Wirtschaftsministerin Carla Ostrow hat eine Delegation aus Masowien empfangen.</p></article>
<div class="share-buttons"><a>Teilen auf Twitter</a><a>Facebook Ireland Ltd.</a></div>
<aside><p>Mehr aus Dresden: Firmen wie Lichtbau Systems und Kranich Logistik.</p></aside>
<footer role="contentinfo"><p>Impressum: Landesagentur Beispiel GmbH, Hamburg</p></footer>
</body></html>"""


def test_furniture_is_not_text():
    text, title = html_to_text(PAGE)
    assert title == "Nordwerk in Kiel"
    assert "Carla Ostrow" in text and "Masowien" in text
    for w in ("Cookies", "akzeptieren", "Presse", "Startseite", "Twitter", "Dresden", "Impressum", "Stuttgart"):
        assert w not in text, w


def test_furniture_yields_no_facts():
    x = extract(PAGE, doc_id="doc:page", published="2025-03-03", title=None, source_url=None, language="de",
                known=None, fmt="html", reference=False)
    names = {v for n in x.batch.nodes for v in n.name.values()}
    assert {"Carla Ostrow", "Kiel"} <= names
    for bad in ("Beispiel Analytics Ltd.", "Facebook Ireland Ltd.", "Lichtbau Systems", "Landesagentur Beispiel GmbH",
                "Dresden", "Leipzig", "Stuttgart", "Hamburg", "Dublin"):
        assert not any(bad in n for n in names), bad


def test_unclosed_and_nested_furniture_ends_where_its_element_ends():
    text, _ = html_to_text("<div class='menu'><div>Eins</div><div>Zwei</div></div><p>Inhalt bleibt.</p>")
    assert text == "Inhalt bleibt."


# furniture without any telling tag, role or class: only the main-content extractor can tell it apart
PLAIN_DIVS = """<html><head><title>Neuigkeiten</title></head><body>
<div class="x1"><div>Diese Website verwendet Cookies. Wir setzen Dienste der Beispielsuche Ireland Ltd. ein.
<a href="#">Einverstanden</a> <a href="#">Ablehnen</a></div></div>
<div class="x2"><a href="/">Home</a> | <a href="/a">Themen</a> | <a href="/b">Wirtschaft in Leipzig</a></div>
<div class="x3"><p>Erfurt, 4. Mai 2025. Wirtschaftsministerin Carla Ostrow hat heute eine Delegation aus der
Präfektur Nagano empfangen. Beide Seiten wollen in der Mikroelektronik enger zusammenarbeiten.</p>
<p>Die Gäste besuchten anschließend die Firma Velmarin GmbH in Jena, die Sensoren herstellt und nach Japan
liefert. Die Delegation führte Vizegouverneur Kenji Moriyama an.</p></div>
<div class="x4">Folgen Sie uns: <a>Facebook</a> <a>LinkedIn</a></div>
<div class="x5">© 2025 Landesportal Beispiel | <a>Datenschutz</a> | Technischer Betrieb: Serverhaus Muster GmbH,
Dresden</div></body></html>"""


def test_furniture_in_plain_divs_yields_no_facts():
    x = extract(PLAIN_DIVS, doc_id="doc:page2", published="2025-05-04", title=None, source_url=None,
                language="de", known=None, fmt="html", reference=False)
    names = {v for n in x.batch.nodes for v in n.name.values()}
    assert {"Carla Ostrow", "Kenji Moriyama", "Velmarin GmbH", "Jena", "Nagano"} <= names
    for bad in ("Beispielsuche", "Leipzig", "Facebook", "LinkedIn", "Landesportal", "Serverhaus", "Dresden"):
        assert not any(bad in n for n in names), bad
