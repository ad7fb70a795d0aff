"""Regions and events (session 19): German exonyms of foreign cities from the reference data's alternate
names, continents, and further event shapes. Sentences written for these tests (invented people)."""

from __future__ import annotations

from loaders.text import extract


def _x(text, language=None):
    return extract(text, doc_id="doc:places-test", published="2024-05-06", reference=False, language=language)


def _ids(x, type_=None):
    return {n.id for n in x.batch.nodes if type_ is None or n.type == type_}


def test_exonym_of_a_capital_that_is_its_own_subdivision():
    x = _x("Die Ministerin Petra Olbrecht flog am Dienstag weiter nach Kiew.", language="de")
    assert "region:ua-30" in _ids(x, "Region")


def test_exonym_of_a_city_under_400000_that_begins_like_its_name():
    x = _x("Im Herbst will der Verband Gespräche in Brünn führen.", language="de")
    assert "region:cz-brno" in _ids(x, "Region")


def test_german_word_in_a_city_alternate_names_is_no_region():
    x = _x("Dabei ging es vor allem um Fragen der Logistik.", language="de")
    assert not _ids(x, "Region")
