"""Trade figures in more shapes of real releases (session 19): a year in a clause of its own before the
first figure, a ranking whose first figure belongs to the partner named just before, countries we do not know
in a ranking, goods 'gehandelt' / traded between two countries. Sentences written for these tests."""

from __future__ import annotations

from loaders.text import extract


def _flows(text, language=None):
    x = extract(text, doc_id="doc:trade-test", published="2024-05-06", reference=False, language=language)
    return sorted((e.source, e.target, e.properties.get("year"), e.properties.get("direction"), e.properties.get("value"))
                  for e in x.batch.edges if e.type == "TRADES_WITH")


def test_a_leading_year_clause_dates_the_first_figure():
    got = _flows("In 1971, exports from Japan to Germany amounted to just 9 million dollars, whereas in 2016 that "
                 "figure rose to 8.1 billion dollars.", "en")
    assert got == [("region:jp", "region:de", 1971, "export", 9.0), ("region:jp", "region:de", 2016, "export", 8.1)]


def test_a_ranking_gives_the_first_figure_to_the_partner_just_named():
    got = _flows("Im Jahr 2009 war Polen mit Abstand Thüringens wichtigster Importpartner. Das Nachbarland lag mit "
                 "1,4 Milliarden Euro vor Italien (0,9 Milliarden Euro) und Spanien (0,7 Milliarden Euro).")
    assert got == [("region:de-th", "region:es", 2009, "import", 0.7), ("region:de-th", "region:it", 2009, "import", 0.9),
                   ("region:de-th", "region:pl", 2009, "import", 1.4)]


def test_a_figure_after_an_unknown_country_is_left_out():
    got = _flows("Im Jahr 2009 war Polen mit Abstand Thüringens wichtigster Importpartner. Das Nachbarland lag mit "
                 "1,4 Milliarden Euro vor Elbonien (0,9 Milliarden Euro) und Spanien (0,7 Milliarden Euro).")
    assert got == [("region:de-th", "region:es", 2009, "import", 0.7), ("region:de-th", "region:pl", 2009, "import", 1.4)]


def test_goods_traded_between_two_countries_are_a_volume():
    got = _flows("Zwischen Deutschland und Peru wurden im Jahr 2020 Waren im Wert von rund 3 Milliarden Euro gehandelt.")
    assert got == [("region:pe", "region:de", 2020, None, 3.0)]


def test_the_country_adjective_before_the_cue_owns_the_flow():
    assert _flows("In 1971, Japanese exports to Germany amounted to 9 million dollars.", "en") == [
        ("region:jp", "region:de", 1971, "export", 9.0)]
    # from the German state's side the flow comes in
    assert _flows("Die koreanischen Exporte nach Thüringen stiegen 2019 auf 2 Milliarden Euro.") == [
        ("region:de-th", "region:kr", 2019, "import", 2.0)]
    assert _flows("Thuringian exports to Japan amounted to 2 billion euros in 2019.", "en") == [
        ("region:de-th", "region:jp", 2019, "export", 2.0)]
