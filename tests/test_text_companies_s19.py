"""Companies (session 19): listed companies from reference data (``pytickersymbols``) with their precision
guards; lists of company names around them; a run of names before a legal form cut into its companies.
Sentences written for these tests; invented companies, except the listed ones (reference data, not text)."""

from __future__ import annotations

from loaders.text import extract
from loaders.text.refcompanies import _short_names, listed_companies, plain_word


def _x(text, language=None):
    return extract(text, doc_id="doc:companies-test", published="2024-05-06", reference=False, language=language)


def _names(x, t="Company"):
    return {v for n in x.batch.nodes if n.type == t for v in n.name.values()}


# ------------------------------------------------------------------ short names of the register names
def test_short_names_leave_off_legal_forms_and_group_words():
    assert "Zalando" in _short_names("Zalando SE")
    assert "Volkswagen" in _short_names("Volkswagen Group")
    assert "Puma" in _short_names("Puma (brand)")
    assert "Ford" in _short_names("Ford Motor Company")
    # an ordinary adjective is never a short name of its own
    assert "General" not in _short_names("General Motors")


def test_plain_words_need_a_context():
    assert plain_word("Airbus") and plain_word("BP")
    assert not plain_word("BMW") and not plain_word("Deutsche Post") and not plain_word("E.ON")


# ------------------------------------------------------------------ the guards, sentence by sentence
def test_a_name_in_capitals_needs_no_context():
    assert listed_companies("Morgen besucht die Delegation BMW in Leipzig.") == ["BMW"]


def test_a_plain_name_needs_a_business_compound_or_word():
    assert listed_companies("Die neue Airbus-Zentrale liegt am Stadtrand.") == ["Airbus"]
    assert listed_companies("Sie sahen den Ford-Standort in Köln.") == ["Ford"]
    assert listed_companies("Die Gruppe besuchte den Autobauer Ford am Rhein.") == ["Ford"]
    # the same words without a business context: an ordinary word or a name
    assert listed_companies("Die Allianz für saubere Luft tagt im Mai.") == []
    assert listed_companies("Target dates were moved to June.") == []
    # a company word further back does not describe the name
    assert listed_companies("Die Betriebe bilden mit Firmen der Region eine Allianz, Kunden profitieren.") == []
    assert listed_companies("Ein Unternehmen namens Allianz zahlt.") == ["Allianz"]


def test_a_plain_name_in_a_list_of_companies():
    found = listed_companies("Auf dem Programm standen Firmenbesuche bei Kelmer, Jenoptik und KESTRONIX.")
    assert found == ["Jenoptik"]
    # a plain word beside common nouns only is no list of names
    assert listed_companies("Die Stadt will Labor und Hub für junge Unternehmen sein.") == []


def test_a_name_inside_a_longer_name_or_after_a_title_is_no_company():
    assert listed_companies("The actor Harrison Ford visited the company.") == []
    assert listed_companies("Herr Ford leitet die Firma seit Jahren.") == []
    assert listed_companies("The Airbus Velden Centre opened in May.") == []


def test_a_foundation_compound_is_no_company():
    assert listed_companies("Die BMW-Stiftung vergibt einen Preis.") == []


# ------------------------------------------------------------------ in extract()
def test_listed_company_in_a_compound_becomes_a_company():
    x = _x("Ministerin Lena Sommer besuchte am Montag die Airbus-Zentrale in Toulouse. "
           "Airbus beschäftigt dort viele Menschen.", "de")
    assert "Airbus" in _names(x)


def test_companions_of_two_known_companies_in_a_german_list():
    x = _x("Auf der Reise stehen Firmenbesuche bei Halvors, BMW , KESTRONIX und Jenoptik an.", "de")
    assert {"BMW", "Jenoptik", "KESTRONIX", "Halvors"} <= _names(x)


def test_no_common_noun_from_such_a_list():
    x = _x("Auf der Reise stehen Firmenbesuche bei BMW, Jenoptik und Produktionen an.", "de")
    assert "Produktionen" not in _names(x)


def test_hyphen_joined_name_before_and_is_a_company_of_its_own():
    x = _x("The Velden Fair AG took part, as did Rhein-Nord-Port and Kelmer Systeme GmbH from Bremen.", "en")
    names = _names(x)
    assert "Rhein-Nord-Port" in names
    assert any(n.startswith("Kelmer Systeme") for n in names)
    assert not any(" and " in n for n in names)


def test_capitals_then_a_known_body_then_a_legal_form():
    x = _x("Vertreten waren ORSTEC und Lindqvist Laser GmbH aus Jena.", "de")
    names = _names(x)
    assert "ORSTEC" in names and any(n.startswith("Lindqvist Laser") for n in names)


# ------------------------------------------------------------------ lists set off from the company word
def test_firms_comma_among_them_a_list_of_names():
    x = _x("Zur Reise gehören zwanzig Firmen, darunter Brenlow, Orsbach Tools und Halvors.", "de")
    assert {"Brenlow", "Orsbach Tools", "Halvors"} <= _names(x)


def test_companies_comma_including_in_english():
    x = _x("About thirty firms, including Brightwater Labs and Quillon, joined the mission to Ohio.", "en")
    assert {"Brightwater Labs", "Quillon"} <= _names(x)


def test_common_nouns_after_darunter_are_no_companies():
    x = _x("Viele Unternehmen, darunter Mittelständler und Handwerksbetriebe, nutzen das Angebot.", "de")
    assert not ({"Mittelständler", "Handwerksbetriebe"} & _names(x))


def test_a_described_company_is_not_taken_for_an_inflected_place():
    # "Kelmer" looks like an inflected form of a Lithuanian district's name; the company word decides
    x = _x("Die Ministerin besuchte den Maschinenbauer Kelmer in Erfurt.", "de")
    assert "Kelmer" in _names(x)
    assert "Kelmer" not in _names(x, "Region")


# ------------------------------------------------------------------ a minister's field is no company
def test_a_ministers_industries_are_no_company_and_no_person():
    x = _x("The State Minister for Small and Heavy Industries, Jan Roe, opened the fair in Pune.", "en")
    assert not _names(x)
    assert _names(x, "Person") == {"Jan Roe"}


def test_a_company_named_industries_still_counts():
    x = _x("Brenlow Industries will build a plant in Ohio.", "en")
    assert "Brenlow Industries" in _names(x)


def test_a_head_word_inside_a_longer_name_is_no_company():
    x = _x("Brenlow Motors for Europe is a network of regions; Quillon Motors builds trucks.", "en")
    assert "Brenlow Motors" not in _names(x) and "Quillon Motors" in _names(x)
