"""Organization and company names as releases write them (session 19): a lower-case adjective before a
body is part of its name, a mission or chamber named by its town ("in X"), and the seat such a name states.
Every sentence is our own; the bodies are invented or named after real places."""

from loaders.text import extract
from loaders.text.typenames import COMPANY, LOCATED_IN, ORGANIZATION, PARTNER_OF, SUBORDINATE_TO
from tests.textnodes import facts_of_type as _facts, names_by_type


def _orgs(text: str, lang: str = "de") -> set[str]:
    return names_by_type(text, lang).get(ORGANIZATION, set())


def _cos(text: str, lang: str = "de") -> set[str]:
    return names_by_type(text, lang).get(COMPANY, set())


# ------------------------------------------------------------------ a lower-case adjective before the head

def test_a_state_adjective_before_a_chancellery_stays_in_the_name():
    got = _orgs("Zum Abschluss lud die Ministerin die Gäste in die saarländische Staatskanzlei ein.")
    assert "saarländische Staatskanzlei" in got
    assert "Staatskanzlei" not in got


def test_a_country_adjective_makes_a_bare_ministry_one_body():
    got = _orgs("Vertreter des japanischen Verkehrsministeriums informierten sich über Wasserstoffbusse.")
    assert "japanischen Verkehrsministeriums" in got


def test_a_country_adjective_before_a_ministry_with_its_field():
    got = _orgs("Das Treffen bereitete das kanadische Ministerium für Fischerei und Ozeane vor.")
    assert "kanadische Ministerium für Fischerei und Ozeane" in got
    assert "Ministerium für Fischerei und Ozeane" not in got


def test_a_level_adjective_before_a_named_administration():
    got = _orgs("Ein Schreiben der städtischen Verwaltung Lwiw erreichte das Rathaus am Freitag.")
    assert "städtischen Verwaltung Lwiw" in got


def test_a_plain_adjective_before_a_bare_head_is_no_name():
    assert not _orgs("Die neue Regierung kündigte ein Förderprogramm an.")
    assert not _orgs("Ein Sprecher sagte, das zuständige Ministerium prüfe den Antrag.")


# ------------------------------------------------------------------ "in <town>" after a mission or a chamber

def test_a_consulate_named_by_its_town_is_located_there():
    text = "Die Leiterin des Generalkonsulats in Hamburg eröffnete die Ausstellung."
    assert "Generalkonsulats in Hamburg" in _orgs(text)
    assert ("Generalkonsulats in Hamburg", "Hamburg") in _facts(text, LOCATED_IN)


def test_a_foreign_chamber_named_by_its_town():
    got = _orgs("Unterstützt wurde die Reise von der Außenhandelskammer in Lima und zwei Verbänden.")
    assert "Außenhandelskammer in Lima" in got


def test_a_bare_office_in_a_country_is_no_name():
    got = _orgs("Die Agentur eröffnet damit ihr drittes Büro in Frankreich und eine Vertretung in Spanien.")
    assert not any(n.startswith(("Büro", "Vertretung")) for n in got)


def test_an_office_compound_named_by_its_town():
    got = _orgs("Das Verbindungsbüro in Krakau berät Firmen aus der Region.")
    assert "Verbindungsbüro in Krakau" in got


def test_an_embassy_named_by_country_adjective_and_town():
    text = "Am Abend gab die französische Botschaft in Madrid einen Empfang für die Gäste."
    assert "französische Botschaft" in _orgs(text)
    assert ("französische Botschaft", "Madrid") in _facts(text, LOCATED_IN)


# ------------------------------------------------------------------ company names and their legal forms

def test_indonesian_legal_form_before_the_name():
    got = _cos("Auf dem Programm stehen Werksbesuche bei PT Velden Nusantara und PT. Sumber Kayu Lestari.")
    assert {"PT Velden Nusantara", "PT. Sumber Kayu Lestari"} <= got


def test_a_known_company_with_pt_and_a_country_is_a_company_of_its_own():
    got = _cos("Die Gruppe besichtigt die Fertigung von PT Siemens Indonesia bei Jakarta.")
    assert "PT Siemens Indonesia" in got


def test_co_after_a_name_is_part_of_it():
    got = _cos("Marunaka Foods Co., a family company from Osaka, opens a branch in Cologne.", "en")
    assert "Marunaka Foods Co." in got
    assert "Marunaka Foods" not in got


def test_co_short_for_a_known_company():
    got = _cos("Der Chipfertiger Taiwan Semiconductor Manufacturing Co. baut in Dresden.")
    assert not any(n.endswith("Co.") for n in got)


def test_a_capitals_name_before_und_and_a_legal_form_are_two_companies():
    got = _cos("Aus der Pfalz sind mehrere Firmen dabei, darunter KELVO und Brantner AG.")
    assert {"KELVO", "Brantner AG"} <= got
    assert not any("und" in n for n in got)


def test_a_name_with_und_before_a_legal_form_stays_one():
    got = _cos("Die Gebrüder Lanz und Partner GmbH liefert Pumpen nach Chile.")
    assert any(n.startswith("Gebrüder Lanz und Partner") or n.startswith("Lanz und Partner") for n in got)


# ------------------------------------------------------------------ bodies named after a person

def test_a_given_name_before_a_hyphenated_institute_belongs_to_it():
    got = _orgs("Die Gäste sprachen im Landesinstitut für Bodenkunde Klara Roth-Institut in Kassel vor.")
    assert "Klara Roth-Institut" in got
    assert not any(n.endswith("Klara") for n in got)
    assert "Roth-Institut" not in got


def test_a_town_adjective_before_a_person_named_university_is_not_its_name():
    got = _orgs("Der Präsident der Leipziger Clara-Zetkin-Universität begrüßte die Gäste.")
    assert "Clara-Zetkin-Universität" in got


def test_a_state_abbreviation_before_a_ministry_is_part_of_its_name():
    got = _orgs("Eingeladen hatte das Sächs. Ministerium für Kultus und Sport gemeinsam mit zwei Schulen.")
    assert "Sächs. Ministerium für Kultus und Sport" in got


def test_a_compound_of_bauer_names_the_company_after_it():
    got = _cos("Danach ging es zum Landmaschinenbauer Korvat in Curitiba.")
    assert "Korvat" in got


def test_a_chamber_named_by_a_town_of_two_words():
    text = "Bei der Außenhandelskammer in Porto Alegre stellte die Delegation ihre Projekte vor."
    assert "Außenhandelskammer in Porto Alegre" in _orgs(text)


# ------------------------------------------------------------------ English governments of a region

def test_governments_of_regions_are_bodies_and_their_regions_partners():
    text = ("The regional Government of Minas Gerais and the Government of the Free State of Thuringia "
            "signed a memorandum of understanding in Erfurt on Monday.")
    got = _orgs(text, "en")
    assert "regional Government of Minas Gerais" in got
    assert "Government of the Free State of Thuringia" in got
    x = extract(text, doc_id="doc:t", published="2025-03-01", language="en", reference=False)
    assert any(e.type == PARTNER_OF and {e.source, e.target} == {"region:de-th", "region:br-mg"} for e in x.batch.edges)


def test_a_government_of_no_known_region_is_no_name():
    assert not any(n.startswith("Government") for n in _orgs("The Government of Good Intentions is a play.", "en"))


# ------------------------------------------------------------------ where bodies work

def test_companies_active_in_a_country_are_located_there():
    text = "Aus Hessen stammen KELVO und die Brantner AG, die in Brasilien seit Jahren aktiv sind. Die Velden GmbH ist bereits in Peru vertreten."
    got = _facts(text, LOCATED_IN)
    assert ("Velden GmbH", "Peru") in got
    text = "Zwei Firmen, darunter KELVO und Brantner AG, sind in Chile tätig."
    assert {("KELVO", "Chile"), ("Brantner AG", "Chile")} <= _facts(text, LOCATED_IN)


def test_active_in_needs_the_activity_word():
    assert not _facts("Die Velden GmbH und KELVO sind in Peru gemeinsam gescheitert.", LOCATED_IN)


def test_a_body_in_a_town_after_a_contracted_article():
    text = "Am Nachmittag informierte sich die Gruppe im Forschungszentrum Lindenhof in Kassel über Bodenproben."
    assert any(o.startswith("Forschungszentrum Lindenhof") and r == "Kassel" for o, r in _facts(text, LOCATED_IN))


# ------------------------------------------------------------------ whose body it is

def test_a_state_body_of_a_country_by_its_adjective():
    text = "KOTRA (Korea Trade-Investment Promotion Agency) ist die staatliche koreanische Handelsförderorganisation."
    x = extract(text, doc_id="doc:t", published="2025-03-01", language="de", reference=False)
    assert ("org:kotra", "region:kr") in {(e.source, e.target) for e in x.batch.edges if e.type == SUBORDINATE_TO}
    # the long form in brackets after a known acronym is no second body
    assert len([n for n in x.batch.nodes if n.type == ORGANIZATION]) == 1


def test_the_states_agency_in_apposition_belongs_to_the_state():
    text = ("Saxony wants more investors from Asia. Jane Roe, head of the Tokyo office of Velden Invest GmbH, "
            "the state's agency for investors and exports, spoke in Osaka.")
    assert ("Velden Invest GmbH", "Sachsen") in _facts(text, SUBORDINATE_TO, "en")


# ------------------------------------------------------------------ descriptions that are no names

def test_the_port_of_a_place_kind_is_no_name():
    assert not _orgs("Am Vormittag besichtigte sie den neuen Hafen des Stadtstaats und sprach mit Lotsen.")


def test_an_economic_centre_and_a_city_is_no_body():
    assert not _orgs("Ziele sind das Finanzzentrum Toronto und die Hauptstadt Ottawa.")


def test_a_capitalized_adjective_and_a_name_word_before_a_head():
    got = _orgs("Sie sprach mit der Europäischen Business Akademie Sachsen über Stipendien.")
    assert "Europäischen Business Akademie Sachsen" in got


def test_a_chamber_of_a_district_written_with_hyphens():
    got = _orgs("Der Präsident der Handwerkskammer Kassel-Nordhessen, Hans Roth, begleitete die Reise.")
    assert "Handwerkskammer Kassel-Nordhessen" in got


def test_a_name_does_not_run_into_an_office_after_and():
    got = _orgs("Guests were welcomed by the Saxon State Chancellery and Minister of State for Europe Tom Velden.", "en")
    assert "Saxon State Chancellery" in got
    assert not any("Minister" in n for n in got)


def test_a_cooperation_body_named_with_its_partner_country():
    got = _orgs("The governor will also meet the Commission for Regional Cooperation with the Slovak Republic.", "en")
    assert "Commission for Regional Cooperation with the Slovak Republic" in got


def test_a_quoted_body_in_a_town_is_located_there():
    text = 'Die Landrätin hat das „Velden Service Center" in Kassel besucht.'
    assert any(r == "Kassel" for _, r in _facts(text, LOCATED_IN))


def test_a_body_opened_in_a_place_is_located_there():
    text = "Last week, Tarn University opened the Saxon Study Office in Peru at two sites in the capital."
    assert any(o == "Saxon Study Office" and r == "Peru" for o, r in _facts(text, LOCATED_IN, "en"))


def test_a_body_meeting_in_a_place_is_not_located_there():
    text = "The Velden Study Board met in Peru for talks with students."
    assert not any(o == "Velden Study Board" for o, _ in _facts(text, LOCATED_IN, "en"))


def test_a_company_described_in_apposition_with_its_town():
    text = "Marunaka Foods Co., a family-run noodle maker from Osaka, will open a branch in Cologne."
    assert any(o == "Marunaka Foods Co." and r == "Osaka" for o, r in _facts(text, LOCATED_IN, "en"))
    text = "Die Velden GmbH, ein Familienunternehmen aus Kassel, liefert Pumpen nach Chile."
    assert ("Velden GmbH", "Kassel") in _facts(text, LOCATED_IN)


def test_a_country_adjective_before_a_foreign_chamber():
    got = _orgs("Die Termine organisiert die dortige deutsche Auslandshandelskammer gemeinsam mit der IHK.")
    assert "deutsche Auslandshandelskammer" in got
