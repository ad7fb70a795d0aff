"""Companies named by a head word after the name (own words, invented firms)."""

from loaders.text import extract
from loaders.text.orgnames import headed_companies


def test_head_words_make_companies_of_the_name_before_them():
    got = headed_companies("Die Korvane Group und Lindqvist Motors bauen; auch KLM Werften sind dabei.")
    assert got == ["Korvane Group", "Lindqvist Motors", "KLM Werften"]


def test_sectors_adjectives_and_german_nouns_before_a_head_are_no_companies():
    got = headed_companies("The Working Group and the German Group met. Industrial Group plans stalled; die Werften "
                           "der Küste wachsen, Neue Werften entstehen.")
    assert got == []


def test_a_headed_company_becomes_a_company_node():
    x = extract("Die Korvane Group eröffnet ein Werk in Leipzig.", doc_id="doc:co", published="2025-03-01",
                language="de")
    assert ("Company", "Korvane Group") in {(n.type, n.name.get("de") or n.name.get("en")) for n in x.batch.nodes}
