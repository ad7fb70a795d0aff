"""Bodies named the way releases write them (session 19, round 2): foundations with a name after the type
word, parties and parliaments, type words of other languages. Every sentence is our own; the bodies are
invented or named after real places."""

from loaders.text import extract
from loaders.text.typenames import MEMBER_OF, ORGANIZATION, VISITED
from tests.textnodes import facts_of_type as _facts, names_by_type


def _orgs(text: str, lang: str = "de") -> set[str]:
    return names_by_type(text, lang).get(ORGANIZATION, set())


# ------------------------------------------------------------------ foundations

def test_a_foundation_with_a_name_and_town_after_the_type_word():
    got = _orgs("Zu den Gastgebern zählten die Stiftung Moorwerk Leipzig und das Stadtarchiv.")
    assert "Stiftung Moorwerk Leipzig" in got


def test_a_compound_foundation_with_a_hyphenated_district_after_it():
    got = _orgs("Die Landschaftsstiftung Kelm-Uferland und zwei Museen stellten ihre Pläne vor.")
    assert "Landschaftsstiftung Kelm-Uferland" in got


# ------------------------------------------------------------------ parties and parliaments

def test_a_party_in_brackets_after_several_persons():
    got = _orgs("Begleitet wird er von Staatssekretär Jan Olberg und Ministerin Eva Rautmann (beide SPD).")
    assert "SPD" in got


def test_a_party_acronym_opening_a_compound():
    got = _orgs("Auch der FDP-Fraktionsvorsitzende Tim Berger nahm an dem Abendessen teil.")
    assert "FDP" in got


def test_an_english_party_in_brackets_with_its_article():
    got = _orgs("Premier Lena Storm (the Greens) opened the harbour fair on Monday.", "en")
    assert "the Greens" in got


def test_the_federal_parliament_without_a_type_word():
    got = _orgs("Im Herbst berät der Bundestag über das Gesetz.")
    assert "Bundestag" in got


def test_a_country_adjective_before_a_parliament():
    assert "polnische Nationalversammlung" in _orgs("Eine Abordnung besuchte die polnische Nationalversammlung.")
    assert "Italian Senate" in _orgs("The delegates were received by the Italian Senate in Rome.", "en")


def test_a_parliament_as_a_ministers_portfolio_is_no_body():
    got = _orgs("Der Minister für Bundesrat und Europa, Tom Wendel, reist nach Prag.")
    assert "Bundesrat" not in got


def test_the_body_of_an_office_held_is_not_visited():
    got = _facts("Im Mai besuchte der Ministerpräsident Jan Olberg als Präsident des Bundesrats Chile.", VISITED)
    assert not any(b == "Bundesrat" for _, b in got)


# ------------------------------------------------------------------ type words of other languages

def test_a_french_university_named_after_its_type_word():
    got = _orgs("Researchers of the Université Belmont à Lyon presented their results.", "en")
    assert "Université Belmont" in got


def test_a_spanish_body_with_particles_inside_its_name():
    got = _orgs("The Universidad de Tarvía and the port authority signed a letter.", "en")
    assert "Universidad de Tarvía" in got


def test_a_ministry_and_a_foreign_university_joined_by_and_are_two_bodies():
    got = _orgs("Staff of the Fisheries Ministry and Université Belmont met the guests.", "en")
    assert "Université Belmont" in got
    assert not any("and" in n for n in got)


# ------------------------------------------------------------------ networks of regions and their members

def test_a_presidency_handed_over_names_the_network_and_two_members():
    text = "Im Juni hat Ministerin Eva Rautmann die Präsidentschaft der „Drei Häfen für Europa“ von Sachsen an die Toskana weitergegeben."
    assert "Drei Häfen für Europa" in _orgs(text)
    got = _facts(text, MEMBER_OF)
    assert ("Sachsen", "Drei Häfen für Europa") in got
    assert any(b == "Drei Häfen für Europa" and a in ("Toskana", "Toscana") for a, b in got)


def test_an_english_presidency_handover_in_the_passive():
    text = "Last week the presidency of the Three Harbours for Europe was passed from Saxony to Tuscany in Dresden."
    assert "Three Harbours for Europe" in _orgs(text, "en")
    got = {a for a, b in _facts(text, MEMBER_OF, "en") if b == "Three Harbours for Europe"}
    assert "Sachsen" in got or "Saxony" in got


def test_the_network_referred_back_to_takes_the_regions_listed_before_it():
    text = ("Die Präsidentschaft der „Drei Häfen für Europa“ liegt nun bei Sachsen. "
            "Seit vielen Jahren arbeiten die Regionen Sachsen, Toskana und Bretagne in dem Netzwerk zusammen.")
    got = {a for a, b in _facts(text, MEMBER_OF) if b == "Drei Häfen für Europa"}
    assert {"Sachsen", "Bretagne"} <= got


def test_regions_that_share_membership_in_an_alliance_called_by_name():
    text = "Saxony and Ohio share membership in a loose network of states called the Coastal Partners."
    assert "Coastal Partners" in _orgs(text, "en")
    got = {a for a, b in _facts(text, MEMBER_OF, "en") if b == "Coastal Partners"}
    assert len(got) == 2


def test_a_region_listed_without_a_network_is_no_member():
    text = "Die Regionen Sachsen, Toskana und Bretagne stellten auf der Messe gemeinsam aus."
    assert not _facts(text, MEMBER_OF)


# ------------------------------------------------------------------ missions, chapters, a state's ministry

def test_an_english_embassy_with_its_town_keeps_the_town_form():
    x = extract("Staff of the Danish Embassy in Lisbon guided the visitors.", doc_id="doc:t", published="2025-03-01",
                language="en", reference=False)
    embassy = [n for n in x.batch.nodes if n.type == ORGANIZATION]
    assert [n.name["en"] for n in embassy] == ["Danish Embassy"]
    assert "Danish Embassy in Lisbon" in embassy[0].aliases["en"]


def test_a_regional_chapter_of_a_known_chamber_is_a_body_of_its_own():
    got = _orgs("Am Abend feierten die Gäste mit Vertretern von German American Chamber of Commerce of the Midwest in Chicago.")
    assert "German American Chamber of Commerce of the Midwest" in got


def test_a_bare_state_ministry_after_a_contracted_article():
    got = _orgs("Der Staatssekretär für Europa im Staatsministerium, Jan Olberg, eröffnete die Tagung.")
    assert "Staatsministerium" in got


def test_a_city_states_department_named_after_its_senator():
    assert "Senator für Umwelt und Häfen" in _orgs("Der Senator für Umwelt und Häfen und die Hafengesellschaft teilen mit: Die Messe lief gut.")


def test_a_senators_office_before_a_persons_name_is_no_department():
    assert not _orgs("Sie reist mit der Senatorin für Bau, Verkehr und Umwelt, Erika Muster, nach Riga.")
    assert not _orgs("Am Abend sprach der Senator für Umwelt Karl Lenz mit den Gästen.")


# ------------------------------------------------------------------ a region's office abroad (English)

def test_a_states_liaison_office_by_its_adjective():
    assert "Saxon liaison office" in _orgs("In 2015 a Saxon liaison office opened its doors in Vienna.", "en")


def test_an_office_of_another_region_in_a_known_state():
    got = _orgs("Since March a Lower Silesian office in Saxony helps firms find partners.", "en")
    assert "Lower Silesian office in Saxony" in got


def test_its_representation_office_in_a_town():
    got = _orgs("The tour was prepared by the Bavarian State Chancellery and its representation office in Toronto.", "en")
    assert "representation office in Toronto" in got


def test_a_country_adjective_before_an_office_is_no_body():
    assert not _orgs("The firm runs a Japanese office and plans to open a German trade office.", "en")


# ------------------------------------------------------------------ international organizations

def test_international_financial_organizations_are_reference_bodies():
    got = _orgs("Nach Angaben der Weltbank und des IWF wächst die Wirtschaft des Landes kräftig.")
    assert {"Weltbank", "Internationaler Währungsfonds"} <= got or {"World Bank", "International Monetary Fund"} <= got
    assert "European Central Bank" in _orgs("Analysts expect the European Central Bank to hold rates.", "en")
