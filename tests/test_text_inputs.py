"""Inputs as people save them: HTML pages through a main-content extractor (trafilatura) besides the
furniture rules, and PDF press releases through pypdf. Pages and PDFs are our own, made here."""

import json

import pytest

from graph.errors import LoadError
from loaders.text import extract, load_text_files
from loaders.text.pdf import reflow
from loaders.text.reading import html_to_text, main_content, read_text_file
from tests.pdfmaker import make_pdf

# furniture whose class names the rules do not know ("cc-window", "top", "box", "bottom"): only the main-content
# extractor can tell it from the article
PAGE = """<!doctype html><html lang="de"><head><title>Kooperation mit Masowien</title></head><body>
<div class="cc-window"><span>Diese Website verwendet Tracking der Orbis Tracking Ltd. Mit der Nutzung stimmen Sie zu.</span><a>OK</a></div>
<div class="top"><div class="wrap"><a href="/">Start</a> | <a href="/themen">Themen</a> | <a href="/l">Standort Leipzig</a> | <a href="/k">Kontakt</a></div></div>
<div class="main"><div class="content">
<h1>Kiel und Masowien vereinbaren engere Zusammenarbeit</h1>
<p>Kiel, 03.03.2025 – Wirtschaftsministerin Carla Ostrow hat am Montag eine Delegation aus der Woiwodschaft Masowien in Kiel empfangen. Im Mittelpunkt standen Wasserstoff und Häfen.</p>
<p>Die Firma Kron-Tech aus Jena stellte dabei ihre Elektrolyseure vor. Ostrow sagte, beide Regionen wollten ihre Partnerschaft in den kommenden Jahren <b>ausbauen</b> und gemeinsame Projekte in der Hafenwirtschaft anstoßen.</p>
<p>Im Herbst soll eine Gegendelegation aus Kiel nach Warschau reisen, um die Gespräche fortzusetzen.</p>
</div>
<div class="box"><span>Teilen:</span> <a>Nordnetz Social Inc.</a> <a>Drucken</a></div>
</div>
<div class="bottom"><p>© 2025 Landesportal Beispiel GmbH, Stuttgart · Impressum · Datenschutz</p></div>
</body></html>"""


def test_main_content_extractor_drops_furniture_the_rules_do_not_know():
    assert main_content(PAGE) is not None
    text, title = html_to_text(PAGE)
    assert title == "Kooperation mit Masowien"
    assert text.startswith("Kiel und Masowien vereinbaren")  # the headline stays
    assert "Partnerschaft in den kommenden Jahren ausbauen und" in text  # inline markup does not split a sentence
    for w in ("Tracking", "Themen", "Leipzig", "Teilen", "Nordnetz", "Impressum", "Stuttgart", "Beispiel GmbH"):
        assert w not in text, w


def test_furniture_yields_no_facts_and_spans_index_the_plain_text():
    x = extract(PAGE, doc_id="doc:page", published="2025-03-03", title=None, source_url=None, language="de",
                known=None, fmt="html", reference=False)
    names = {v for n in x.batch.nodes for v in n.name.values()}
    assert {"Carla Ostrow", "Kiel", "Kron-Tech"} <= names
    for bad in ("Orbis Tracking Ltd.", "Nordnetz Social Inc.", "Landesportal Beispiel GmbH", "Leipzig", "Stuttgart"):
        assert not any(bad in n for n in names), bad
    for rec in list(x.batch.nodes) + list(x.batch.edges):
        for s in rec.sources:
            if s.span:
                assert x.text[s.span[0]:s.span[1]] == s.evidence


def test_without_main_content_the_furniture_rules_decide():
    # a fragment trafilatura finds nothing in: the rules' text is used
    text, _ = html_to_text("<nav>Menü</nav><p>Kurz.</p>")
    assert text == "Kurz."


RELEASE = [
    "Kooperation mit Masowien",
    "",
    "Kiel, 03.03.2025 - Wirtschaftsministerin Carla Ostrow hat am Montag eine Delegation aus der",
    "Woiwodschaft Masowien in Kiel empfangen. Im Mittelpunkt standen Wasserstoff, Häfen und die Wirtschafts-",
    "förderung beider Regionen. Die Firma Kron-Tech aus Jena stellte dabei ihre Elektrolyseure vor und",
    "kündigte ein Werk in der Region an.",
]


def test_pdf_release_yields_facts(tmp_path, empty_store):
    f = tmp_path / "release.pdf"
    f.write_bytes(make_pdf([RELEASE, ["Im Herbst soll eine Gegendelegation aus Kiel nach Warschau reisen."]]))
    text = read_text_file(f)
    assert "aus der Woiwodschaft Masowien in Kiel empfangen." in text  # layout lines joined
    assert "Wirtschaftsförderung beider Regionen" in text  # hyphenated line end joined
    assert "Warschau" in text  # the second page
    res = load_text_files([f], empty_store, published="2025-03-03", dry_run=True, reference=False)
    fr = res.files[0]
    names = {v for n in fr.extraction.batch.nodes for v in n.name.values()}
    assert {"Carla Ostrow", "Kiel", "Kron-Tech"} <= names
    x = fr.extraction
    for rec in list(x.batch.nodes) + list(x.batch.edges):
        for s in rec.sources:
            if s.span:
                assert x.text[s.span[0]:s.span[1]] == s.evidence


def test_regiograph_load_text_reads_a_pdf(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from regiograph.cli import cli

    monkeypatch.setenv("REGIOGRAPH_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("REGIOGRAPH_LOAD_SEED", "false")
    f = tmp_path / "release.pdf"
    f.write_bytes(make_pdf([RELEASE]))
    r = CliRunner().invoke(cli, ["load", "text", str(f), "--published", "2025-03-03"], catch_exceptions=False)
    assert r.exit_code == 0, r.output
    r = CliRunner().invoke(cli, ["search", "Carla Ostrow"], catch_exceptions=False)
    assert "Carla Ostrow" in r.output


@pytest.mark.parametrize("raw", [b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage", b"%PDF-1.7\n" + bytes(range(256)) * 4,
                                 make_pdf([["Kiel"]])[:120]])
def test_corrupt_pdf_is_a_load_error_naming_the_file(tmp_path, raw):
    f = tmp_path / "broken.pdf"
    f.write_bytes(raw)
    with pytest.raises(LoadError, match="broken.pdf"):
        read_text_file(f)


def test_pdf_without_text_is_a_load_error(tmp_path):
    f = tmp_path / "scan.pdf"
    f.write_bytes(make_pdf([[]]))
    with pytest.raises(LoadError, match="scan.pdf: the PDF has no text layer"):
        read_text_file(f)


def test_reflow_keeps_headings_and_paragraphs_apart():
    page = "Titel der Meldung\n" + "Ein langer Satz über die Partnerschaft der beiden Regionen, der über\n" \
           "zwei Zeilen läuft und dann endet.\nKurze Zeile.\nBaden-\nWürttemberg ist dabei."
    out = reflow(page)
    assert out.split("\n\n")[0] == "Titel der Meldung"
    assert "der über zwei Zeilen läuft und dann endet." in out
