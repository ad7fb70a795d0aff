"""Organization names found by their shape on names no gazetteer holds: bodies joined by "and", the place of
a body after its field, chancelleries and science parks. Every sentence is our own; the bodies are invented
or named after real places."""

from loaders.text.orgnames import split_coordinated
from loaders.text.typenames import ORGANIZATION
from tests.textnodes import names_by_type


def _orgs(text: str, lang: str = "en") -> set[str]:
    return names_by_type(text, lang).get(ORGANIZATION, set())


def test_two_bodies_joined_by_and_are_two_names():
    assert split_coordinated("University of Tarnholm and Kessel University") == ["University of Tarnholm", "Kessel University"]
    assert split_coordinated("Universität Velden, die Hochschule Orsbach und Technische Universität Brelin") == [
        "Universität Velden", "Hochschule Orsbach", "Technische Universität Brelin"]
    # a field joined inside one name stays in it: the later part has no head of its own
    assert split_coordinated("Ministry of Trade, Industry and Energy") == ["Ministry of Trade, Industry and Energy"]
    assert split_coordinated("Chamber of Commerce and Industry") == ["Chamber of Commerce and Industry"]
    assert split_coordinated("Industrie- und Handelskammer Velden") == ["Industrie- und Handelskammer Velden"]
    assert split_coordinated("Osaka Chamber of Commerce and Industry and the Velden Growers Association") == [
        "Osaka Chamber of Commerce and Industry", "Velden Growers Association"]


def test_coordinated_bodies_in_a_sentence_are_separate_organizations():
    got = _orgs("The University of Tarnholm and Kessel University opened a joint lab in Yokohama.")
    assert {"University of Tarnholm", "Kessel University"} <= got
    assert "University of Tarnholm and Kessel University" not in got
    got = _orgs("The Port of Velden Authority and the Brisk Harbour Authority agreed on shore power.")
    assert {"Port of Velden Authority", "Brisk Harbour Authority"} <= got
    assert "Velden Authority" not in got  # the tail of the longer name is no body of its own
    got = _orgs("The Osaka Chamber of Commerce and Industry and the Velden Growers Association met in Kobe.")
    assert {"Osaka Chamber of Commerce and Industry", "Velden Growers Association"} <= got


def test_place_after_the_field_and_new_head_words():
    got = _orgs("A speaker of the Chamber of Commerce and Industry of Stuttgart welcomed the guests.")
    assert "Chamber of Commerce and Industry of Stuttgart" in got
    # what follows "of" is kept only when it is a region
    got = _orgs("A speaker of the Chamber of Commerce and Industry of Tomorrow came too.")
    assert "Chamber of Commerce and Industry of Tomorrow" not in got
    assert "State Chancellery of Lower Saxony" in _orgs("According to the State Chancellery of Lower Saxony, talks went well.")
    assert "Science Park Bremen" in _orgs("Start-ups from the Science Park Bremen presented their products.")
    assert not any("Park" in n for n in _orgs("The guests walked through Central Park in the afternoon."))


# --- companies in bulleted lists ----------------------------------------------------------------------------

def test_companies_in_a_bulleted_list_after_a_line_that_announces_them():
    from loaders.text.typenames import COMPANY, PERSON

    got = names_by_type("Participating companies include:\n- Kestrel Robotics\n- Marlow Sensorik GmbH and Velden Tools\n"
                        "- Fenwick Analytics, Leeds\n- Velden University\n- Dr. Jana Orlik\n\nThe fair opens on Monday.", "en")
    assert {"Kestrel Robotics", "Marlow Sensorik GmbH", "Velden Tools", "Fenwick Analytics"} <= got[COMPANY]
    assert "Velden University" in got[ORGANIZATION]  # its head word says what it is
    assert "Jana Orlik" in got[PERSON] and "Fenwick Analytics" not in got[PERSON]
    got = names_by_type("Teilnehmende Unternehmen:\n• Brautec Anlagenbau (Haldensleben)\n• Orsbach Logistik – Spedition", "de")
    assert {"Brautec Anlagenbau", "Orsbach Logistik"} <= got[COMPANY]


def test_pairs_of_parties_in_a_list_and_lists_that_name_no_companies():
    from loaders.text.typenames import COMPANY, PERSON

    got = names_by_type("Two projects are between:\n- Orsbach Systems and Tarnholm Telecom\n- Brisk Payments and "
                        "Kessel Bank, and\n- Jana Orlik and Tom Brandt", "en")
    assert {"Orsbach Systems", "Tarnholm Telecom", "Brisk Payments", "Kessel Bank"} <= got[COMPANY]
    assert {"Jana Orlik", "Tom Brandt"} <= got[PERSON] and not {"Jana Orlik", "Tom Brandt"} & got[COMPANY]
    # a programme in bullets, or bullets without an announcing line: no companies
    got = names_by_type("Programm:\n- Begrüßung durch Ministerin Jana Orlik\n- Führung über das Gelände", "de")
    assert COMPANY not in got
    got = names_by_type("Our topics:\n- Green Hydrogen\n- Smart Farming", "en")
    assert COMPANY not in got


# --- German bodies by type words with the name after them ---------------------------------------------------

def test_german_heads_with_multi_word_names_after_them():
    got = _orgs("Das Kompetenzzentrum Wasserstoff Nord und das Netzwerk Maritime Zukunft unterzeichneten eine "
                "Vereinbarung.", "de")
    assert {"Kompetenzzentrum Wasserstoff Nord", "Netzwerk Maritime Zukunft"} <= got
    got = _orgs("Der Verband der Chemischen Industrie und die Gesellschaft Deutscher Chemiker richten den Tag aus.", "de")
    assert {"Verband der Chemischen Industrie", "Gesellschaft Deutscher Chemiker"} <= got
    got = _orgs("Die Wirtschaftsförderung Region Stuttgart und die Handwerkskammer Region Stuttgart laden ein.", "de")
    assert {"Wirtschaftsförderung Region Stuttgart", "Handwerkskammer Region Stuttgart"} <= got
    got = _orgs("Die Sächsische Aufbaubank und die Landesbank Baden-Württemberg finanzieren das Vorhaben.", "de")
    assert {"Sächsische Aufbaubank", "Landesbank Baden-Württemberg"} <= got


def test_a_region_after_the_field_belongs_to_the_name_and_stubs_are_no_names():
    got = _orgs("Sie unterzeichneten ein Papier mit der Agentur für Regionalentwicklung Masowien.", "de")
    assert "Agentur für Regionalentwicklung Masowien" in got and "Agentur für Regionalentwicklung" not in got
    assert "Regierung der Provinz Anhui" in _orgs("Die Regierung der Provinz Anhui lud die Gäste ein.", "de")
    # the first part of a coordinated compound is no name: "des Clusters Sondermaschinen- und Anlagenbau"
    got = _orgs("Vertreter des Clusters Sondermaschinen- und Anlagenbau reisen mit.", "de")
    assert not any(n.endswith("-") for n in got)
    # a common noun after a head, a city adjective before a noun, a word ending in a head: no names
    assert not _orgs("Die Handelskammer Hamburger Unternehmen berät viele Firmen.", "de") & {
        "Handelskammer Hamburger Unternehmen"}
    assert not _orgs("Die Neue Datenbank Europas wächst schnell.", "de")


# --- precision: what is no body, no company and no person ----------------------------------------------------

def test_two_names_joined_with_an_article_and_a_field_inside_the_second():
    got = _orgs("The Velden Chip Board and the Kessel Electrical and Electronic Makers' Association (KEEMA) "
                "back the plan.")
    assert {"Velden Chip Board", "Kessel Electrical and Electronic Makers' Association"} <= got
    assert "Kessel Electrical" not in got
    got = _orgs("Students of the Tarnholm University and the Velden University of Applied Sciences take part.")
    assert {"Tarnholm University", "Velden University of Applied Sciences"} <= got
    assert "Velden University" not in got


def test_no_company_from_an_adverbial_and_no_person_from_a_field_or_a_function_unit():
    from loaders.text.typenames import COMPANY, PERSON

    got = names_by_type("Since 2023, the Velden chip producer has been building a fab near Kessel.", "en")
    assert "Since 2023" not in got.get(COMPANY, set())
    got = names_by_type("The Head of Corporate Affairs at the chip maker welcomed the plan.", "en")
    assert "Affairs" not in got.get(PERSON, set())
    got = _orgs("Further information: Communications Department, phone 0123 456. Pressestelle des Hauses.")
    assert not got & {"Communications Department", "Pressestelle"}


def test_a_name_after_firma_or_reederei_before_any_lower_case_word():
    from loaders.text.orgnames import described_companies

    assert described_companies("In Kessel baut die Firma Brautec ein neues Werk.") == ["Brautec"]
    assert described_companies("Die Reederei Nordlicht betreibt zehn Schiffe.") == ["Nordlicht"]
    # a plural noun or an amount after the word is no name
    assert described_companies("Die Firma Produkte herstellt und verkauft.") == []
    assert described_companies("Der Konzern Milliarden investiert.") == []


def test_offices_branches_in_a_region_and_a_known_company_before_and():
    from loaders.text.typenames import COMPANY

    assert "Velden Trade Office" in _orgs("The Velden Trade Office organised the mission.")
    got = names_by_type("Toyota Motor Corporation and Volkswagen Sachsen GmbH attended the ceremony.", "en")
    assert {"Toyota Motor Corporation", "Volkswagen Sachsen GmbH"} <= got[COMPANY]
    got = names_by_type("Toyota Motor Corporation and Velden Tools GmbH signed the order.", "en")
    assert "Velden Tools GmbH" in got[COMPANY]
    assert not any(" and " in n for n in got[COMPANY])


def test_names_after_a_title_with_commas_and_with_their_country_or_field_after_of():
    got = names_by_type("The MOU was signed by Mr Tom Velden, Senator for Tools, and Mr Jim Orr, Chief Executive, "
                        "Velden Computer Board of the Republic of Singapore.", "en")
    orgs = got[ORGANIZATION]
    assert "Velden Computer Board of the Republic of Singapore" in orgs
    from tests.textnodes import extracted

    board = [n for n in extracted("Mr Jim Orr, Chief Executive, Velden Computer Board of the Republic of Singapore, "
                                  "spoke.", "en").nodes if n.type == ORGANIZATION]
    assert board and "Velden Computer Board" in [a for v in board[0].aliases.values() for a in v]
    # a longer name with its field after "of" is another body than the shorter one named before
    got = _orgs("Tarn National University hosted guests. Later Tarn National University of Science and "
                "Technology signed a deal.")
    assert {"Tarn National University", "Tarn National University of Science and Technology"} <= got
    assert "National University" not in got


def test_other_names_in_a_list_beside_a_known_company_are_companies():
    from loaders.text.typenames import COMPANY

    got = names_by_type("Representatives of Bosch, Siemens Energy and Velden Steel joined the trip.", "en")
    assert {"Siemens Energy", "Velden Steel"} <= got[COMPANY]
    got = names_by_type("Samsung, Kestrel Cells and Orsbach plan new plants.", "en")
    assert {"Kestrel Cells", "Orsbach"} <= got[COMPANY]
    # no known company, a region or a person in the list, or German common nouns: nothing added
    assert COMPANY not in names_by_type("Kestrel Cells, Orsbach and Tarnholm are names.", "en")
    got = names_by_type("Bosch, Velden and Munich are on the list.", "en")
    assert "Velden" not in got.get(COMPANY, set())
    got = names_by_type("Die Firmen Bosch, Kunden und Partner trafen sich.", "de")
    assert not {"Kunden", "Partner"} & got.get(COMPANY, set())


def test_organs_and_facilities_of_a_body_are_no_organizations():
    from loaders.text.typenames import PERSON

    got = names_by_type("The Joint Steering Committee will meet twice a year. The Executive Board and the "
                        "Supervisory Board approved the budget. The Visitor Center opens on Sundays.", "en")
    assert not got.get(ORGANIZATION) and not got.get(PERSON)
    assert not _orgs("The Board of Directors of Velden Tools elected a new chair.")
    # a proper modifier makes it a name
    assert "Korea-Velden Business Council" in _orgs("The Korea-Velden Business Council met in Seoul.")
    # "<Region> International" only where no further name follows ("X International Port Group")
    assert not any(n.endswith("International") for n in _orgs("They toured the Shanghai International Port Group."))


def test_german_genitives_of_persons_and_places_and_universities_named_by_small_towns():
    assert "Büro des Ministers" not in _orgs("Das Büro des Ministers teilt mit, dass es wächst.", "de")
    assert "Zentrum Hamburgs" not in _orgs("Im Zentrum Hamburgs gab es ein Programm.", "de")
    got = _orgs("Das Wirtschaftsministerium des Landes Brandenburg finanziert das Vorhaben.", "de")
    assert "Wirtschaftsministerium des Landes Brandenburg" in got
    assert "Technische Hochschule Wildau" in _orgs("Die Technische Hochschule Wildau und Partner kooperieren.", "de")
    assert not any("Studierende" in n for n in _orgs("Die Technische Hochschule Studierende aus Korea.", "de"))


def test_university_type_acronyms_with_their_town():
    got = _orgs("Die BTU Cottbus-Senftenberg, die HTW Dresden und die TU Chemnitz forschen gemeinsam.", "de")
    assert {"BTU Cottbus-Senftenberg", "HTW Dresden", "TU Chemnitz"} <= got
    assert not _orgs("Die HS Velden nicht, denn Velden ist kein Ort.", "de")


def test_what_a_network_is_for_is_not_its_name():
    assert not _orgs("Thüringen und Vietnam: Netzwerk für Medizintechnik", "de")
    assert "Netzwerk Maritime Zukunft" in _orgs("Das Netzwerk Maritime Zukunft lädt ein.", "de")


def test_english_headlines_in_title_case():
    from loaders.text.discover import title_case
    from loaders.text.typenames import PERSON

    assert title_case("Governor Leads Trade Mission to Velden to Strengthen Farm Ties")
    assert not title_case("The governor leads a trade mission to Velden.")
    assert not title_case("Sachsen und Taiwan vertiefen Zusammenarbeit bei Halbleitern", "de")
    got = names_by_type("Governor Leads Trade Mission to Germany to Strengthen Agricultural Ties", "en")
    assert PERSON not in got
    got = names_by_type("Governor Tim Walz Leads Trade Mission To Germany", "en")
    assert got[PERSON] == {"Tim Walz"}
    got = _orgs("Saxony Strengthens Cooperation With Velden Semiconductor Industry Association")
    assert got == {"Velden Semiconductor Industry Association"}
