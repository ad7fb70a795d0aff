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


def test_continent_is_a_region():
    x = _x("Der Verband will seine Kontakte nach Asien und Südamerika ausbauen.", language="de")
    assert {"region:m49-142", "region:m49-005"} <= _ids(x, "Region")


def test_world_region_with_the_short_english_compass_word():
    x = _x("The company plans new offices across East Africa and Southeast Asia.", language="en")
    assert {"region:m49-014", "region:m49-035"} <= _ids(x, "Region")


def test_southern_africa_short_form_stays_the_country():
    x = _x("The delegation then flew on to South Africa.", language="en")
    ids = _ids(x, "Region")
    assert "region:za" in ids and "region:m49-018" not in ids


def test_continent_as_a_ministers_portfolio_is_no_region():
    x = _x("Das sagte die Ministerin für Justiz, Europa und Verbraucherschutz, Klara Wendt.", language="de")
    assert "region:m49-150" not in _ids(x, "Region")


def test_genitive_continent_after_a_body_head_is_no_part_of_its_name():
    x = _x("Das Werk ist laut Brandenburg Wirtschaftsförderung Europas modernste Batteriefabrik.", language="de")
    assert not [n for n in x.batch.nodes if n.type in ("Organization", "Company") and "Europa" in str(n.name)]


def test_compass_word_joined_to_a_country_is_an_area_of_it():
    x = _x("Die Messe fand im Mai statt. Aussteller aus Norditalien und Westpolen kamen.", language="de")
    areas = {n.id: n for n in x.batch.nodes if n.id.startswith("region:area-")}
    assert {"region:area-norditalien", "region:area-westpolen"} <= set(areas)


def test_hyphenated_raum_and_region_names_are_areas():
    x = _x("Der Verband lud ein. Betriebe aus dem Nordsee-Raum und der Elbe-Weser-Region nahmen teil.", language="de")
    assert {"region:area-nordsee-raum", "region:area-elbe-weser-region"} <= _ids(x, "Region")


def test_a_country_written_with_a_compass_word_stays_the_country():
    x = _x("Die Firma exportiert viel. Kunden in Südkorea und Nordrhein-Westfalen bestellten.", language="de")
    assert not {i for i in _ids(x, "Region") if i.startswith("region:area-")}


def test_country_name_with_weak_adjective_endings():
    x = _x("Der Konsul sprach lange. Er vertritt seit Jahren die Interessen der Dominikanischen Republik.", language="de")
    assert "region:do" in _ids(x, "Region")


def test_state_named_only_by_its_adjective():
    x = _x("Die Reise begann am Montag. Eine thüringische Delegation besuchte mehrere Werke.", language="de")
    assert "region:de-th" in _ids(x, "Region")


def test_country_adjective_alone_is_no_region():
    x = _x("Die Reise begann am Montag. Mehrere deutsche Firmen stellten dort aus.", language="de")
    assert "region:de" not in _ids(x, "Region")


def test_exports_to_a_continent_are_no_flow_to_the_country_named_before():
    x = _x("Wichtigster Kunde Thüringens war 2022 Indien. Weitere Waren im Wert von 0,4 Milliarden Euro gingen nach "
           "Südamerika.", language="de")
    assert not [e for e in x.batch.edges if e.type == "TRADES_WITH" and e.properties.get("value") == 0.4]


def _events(x):
    return [n for n in x.batch.nodes if n.type == "Event"]


def test_business_roundtable_is_an_event():
    x = _x("On Tuesday the two ministers hosted a business roundtable in Leeds.", language="en")
    assert len(_events(x)) == 1


def test_ceremonial_opening_is_an_event():
    x = _x("The ceremonial opening of the new office in Lyon took place on Friday.", language="en")
    assert len(_events(x)) == 1


def test_foreign_tour_is_a_trip():
    x = _x("As part of her foreign tour, Governor Anita Rowe met investors in Stuttgart.", language="en")
    assert [n for n in _events(x)]


def test_a_body_an_event_is_held_in_cooperation_with_organizes_it():
    x = _x("Am Montag fand in Kiel ein Empfang für Gäste aus Norwegen statt. Der Empfang fand in Zusammenarbeit "
           "mit der IHK Kiel statt.", language="de")
    orgs = {e.source for e in x.batch.edges if e.type == "ORGANIZED"}
    assert any("ihk" in o for o in orgs), orgs


def test_a_person_who_says_a_delegation_will_attend_does_not_take_part():
    x = _x("Mayor Tom Brandt said that the city plans to send a delegation to attend the opening ceremony in Porto.",
           language="en")
    assert not [e for e in x.batch.edges if e.type == "PARTICIPATED_IN" and "brandt" in e.source]


def test_polish_voivodeship_named_as_the_land():
    x = _x("Die Partnerschaft mit Małopolska besteht seit Jahren. Sie wird weiter gepflegt.", language="de")
    assert "region:pl-12" in _ids(x, "Region")


def test_small_town_in_a_capitals_dateline():
    x = _x("(abc/de) MARIENBERG: Der Umsatz des Betriebs stieg 2023 deutlich. Das teilte die Firma mit.", language="de")
    assert any(i.endswith("-marienberg") for i in _ids(x, "Region"))


def test_bavarian_administrative_region_in_german_and_english():
    x = _x("The premier toured the Upper Palatinate on Monday.", language="en")
    assert "region:de-by-oberpfalz" in _ids(x, "Region")
    x = _x("Der Tag begann früh. Danach ging es weiter nach Unterfranken.", language="de")
    assert "region:de-by-unterfranken" in _ids(x, "Region")


def test_a_trip_said_to_last_days_is_an_event():
    x = _x("Zwölf Betriebe brachen am Montag zu einer dreitägigen Reise auf. Begleitet werden sie von einer Ministerin.",
           language="de")
    assert _events(x)


def test_the_party_in_brackets_after_a_name_takes_no_part():
    x = _x("An der Konferenz „Küste 2030“ in Bremen nehmen Ministerin Jana Kolbe (SPD) und der Verband Nordport teil.",
           language="de")
    parts = {e.source for e in x.batch.edges if e.type == "PARTICIPATED_IN"}
    assert not any("spd" in p for p in parts), parts


def test_fairs_named_in_quotes_after_their_plural():
    x = _x("Der Tag begann früh. Aussteller aus Polen kommen jedes Jahr zu den Fachmessen „Holzbau“ und „metallica“ "
           "nach Erfurt.", language="de")
    names = {n.name.get("de") for n in _events(x)}
    assert {"Holzbau", "metallica"} <= names, names


def test_destinations_listed_after_the_trip_are_visited():
    x = _x("Ministerin Lea Dorn reist am Montag für fünf Tage nach Brasilien. Ziele sind die Stadt Curitiba und der "
           "Bundesstaat Bahia.", language="de")
    visited = {e.target for e in x.batch.edges if e.type == "VISITED" and e.source.startswith("event:")}
    assert {"region:br-ba"} <= visited and any("curitiba" in v for v in visited), visited


def test_a_city_described_as_an_economic_centre_is_no_body():
    x = _x("Der Tag begann früh. Danach ging es in das Finanzzentrum Frankfurt am Main.", language="de")
    assert "region:de-frankfurt" in _ids(x, "Region")
    assert not [n for n in x.batch.nodes if n.type in ("Organization", "Company")]


def test_small_town_after_plural_towns_and_a_sea_area_in_one_word():
    x = _x("Der Tag begann früh. Ein Teil der Gruppe besucht die Städte Curitiba und Pomerode. Der Nordseeraum bleibt "
           "ein wichtiger Markt.", language="de")
    ids = _ids(x, "Region")
    assert {"region:br-pomerode", "region:area-nordseeraum"} <= ids, ids


def test_organizer_in_a_participle_before_the_event():
    x = _x("Die vom Land Thüringen organisierte Reise nach Chile begann am Montag. Zwölf Firmen reisten mit.",
           language="de")
    orgs = {e.source for e in x.batch.edges if e.type == "ORGANIZED"}
    assert "region:de-th" in orgs, orgs
    x = _x("Die vom Ministerium mit den Kammern in Chile organisierte Reise begann am Montag in Santiago.",
           language="de")
    assert "region:cl" not in {e.source for e in x.batch.edges if e.type == "ORGANIZED"}


def test_a_field_of_work_before_region_is_no_area():
    x = _x("Thüringen gilt als führende Photonik-Region, und die Stadt wirbt als Technologie-Region.", language="de")
    assert not [i for i in _ids(x, "Region") if i.startswith("region:area-")]
    x = _x("Sachsen ist die führende Mikroelektronik-Region Europas.", language="de")
    assert not [i for i in _ids(x, "Region") if i.startswith("region:area-")]
