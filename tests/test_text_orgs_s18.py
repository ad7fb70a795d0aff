"""Organization and company recognition that should carry over to unseen releases: generic phrases are no
bodies, names do not swallow their neighbours, bodies named by what the text says of them (an office "of"
them, a seat, a parent), SUBORDINATE_TO from "Tochter"/"subsidiary of"/"a state agency of". Every sentence
is our own; the bodies are invented or named after real places."""

from loaders.text import extract
from loaders.text.typenames import COMPANY, HOLDS_ROLE_AT, LOCATED_IN, ORGANIZATION, SUBORDINATE_TO
from tests.textnodes import facts_of_type as _facts, names_by_type


def _orgs(text: str, lang: str = "de") -> set[str]:
    return names_by_type(text, lang).get(ORGANIZATION, set())


def _cos(text: str, lang: str = "de") -> set[str]:
    return names_by_type(text, lang).get(COMPANY, set())


# ------------------------------------------------------------------ precision: no generic phrases, no swallowed words

def test_a_field_list_after_fuer_ends_at_a_comma_without_und():
    got = _orgs("Der Leiter des Amtes für Standortmarketing, Peter Lenz, begrüßte die Gäste aus Polen.")
    assert "Amtes für Standortmarketing" in got
    assert not any("Peter" in n for n in got)
    # a real field list ends with "und"
    got = _orgs("Das Ministerium für Wirtschaft, Arbeit und Tourismus lädt zu einem Empfang ein.")
    assert "Ministerium für Wirtschaft, Arbeit und Tourismus" in got


def test_industrie_und_handelskammer_is_one_body_not_two():
    got = _orgs("Die Industrie- und Handelskammer Chemnitz begleitet die Reise nach Vietnam.")
    assert got == {"Industrie- und Handelskammer Chemnitz"}
    got = _orgs("Die Industrie- und Handelskammer zu Leipzig begleitet die Reise.")
    assert got == {"Industrie- und Handelskammer zu Leipzig"}
    # the plural or the bare compound names no body
    assert _orgs("Vertreter der Industrie- und Handelskammern des Landes reisten mit.") == set()
    # a coordination of two ministries is still two
    assert {"Verkehrsministerium", "Umweltministerium"} <= _orgs("Das Verkehrs- und Umweltministerium laden ein.")


def test_a_parliament_in_the_genitive_with_es_is_found():
    assert any(n.startswith("Landtag") for n in _orgs("Zwei Abgeordnete des Landtages reisten mit nach Krakau."))


def test_relational_words_are_no_bodies():
    got = _orgs("Die Orsbach Invest GmbH ist eine Tochtergesellschaft der Kestrel Holding AG.")
    assert not any(n.startswith("Tochtergesellschaft") for n in got)
    assert not any("Partneruniversität" in n for n in _orgs("Die Partneruniversität der Stadt lädt ein."))


def test_english_descriptions_of_bodies_are_no_names():
    assert _orgs("Representatives from the Port Authority and several firms joined the trip.", "en") == set()
    assert _orgs("The Partnership Council met for the fifth time in Kiel.", "en") == set()
    assert _orgs("Business leaders joined the Governor's Office for the trip.", "en") == set()
    # a headline in title case: a fragment between cue words is no body
    assert _orgs("New Partnership Announced Between State Agency And Chamber", "en") == set()
    # a copyright line: no name starting with its year
    assert not any(n[0].isdigit() for n in _orgs("© 2024 State Chancellery of Velden", "en"))
    # a name with a proper word in it stays
    assert "Velden Port Authority" in _orgs("Executive Director of the Velden Port Authority, Tom Harris, spoke.", "en")


# ------------------------------------------------------------------ bodies named by what the text says of them

def test_a_company_named_by_an_office_held_of_it():
    assert "Kestrel Robotics" in _cos("Jane Porter, CEO of Kestrel Robotics, said the plant would open in 2026.", "en")
    assert ("Jane Porter", "Kestrel Robotics") in _facts(
        "Jane Porter, CEO of Kestrel Robotics, said the plant would open in 2026.", HOLDS_ROLE_AT, "en")
    assert ("Sarah Cole", "Orsbach Logistics") in _facts(
        "Sarah Cole, managing director of Orsbach Logistics, said the deal mattered.", HOLDS_ROLE_AT, "en")
    assert ("Peter Lenz", "Kestrel Robotics") in _facts(
        "Peter Lenz, Geschäftsführer von Kestrel Robotics, begrüßte die Gäste.", HOLDS_ROLE_AT)
    # not a generic word, not a body named by its head word as a company
    assert _cos("Peter Lenz, Geschäftsführer des Unternehmens, begrüßte die Gäste.") == set()
    assert _cos("Peter Lenz, Geschäftsführer der Wirtschaftsförderung, begrüßte die Gäste.") == set()
    assert _cos("Speaking as CEO of the Year, Tom said nothing.", "en") == set()


def test_a_company_named_by_its_seat():
    assert ("Kestrel Cells", "München") in _facts("Munich-based Kestrel Cells will open a factory in Ohio.", LOCATED_IN, "en")
    assert ("Velden Steel", "Duisburg") in _facts("Velden Steel, headquartered in Duisburg, signed a supply deal.", LOCATED_IN, "en")
    assert ("Velden Tools", "Stuttgart") in _facts(
        "Velden Tools, which is headquartered in Stuttgart, will expand to Texas.", LOCATED_IN, "en")
    assert ("Kestrel Robotics", "München") in _facts("Kestrel Robotics is based in Munich and has an office in Boston.", LOCATED_IN, "en")
    assert ("Kestrel Robotics", "Dresden") in _facts("Die Kestrel Robotics mit Sitz in Dresden liefert Sensoren.", LOCATED_IN)
    # no company: a person, a group word, a German common noun
    assert _cos("Sarah Cole, based in Munich, leads the team.", "en") == set()
    assert _cos("The delegation, based in Munich, travelled on.", "en") == set()
    assert _cos("Die Verwaltung mit Sitz in Dresden liefert Sensoren.") == set()


# ------------------------------------------------------------------ SUBORDINATE_TO

def test_a_daughter_or_subsidiary_of_a_state_or_city_is_subordinate_to_it():
    assert ("Velden Gesellschaft für Wirtschaftsförderung mbH", "Leipzig") in _facts(
        "Die Velden Gesellschaft für Wirtschaftsförderung mbH ist eine Tochter der Stadt Leipzig.", SUBORDINATE_TO)
    got = _facts("Die Standortagentur Nordmark GmbH (SAN) ist eine hundertprozentige Tochter des Freistaates Sachsen.",
                 SUBORDINATE_TO)
    assert {t for _, t in got} == {"Sachsen"}
    got = _facts("The Saxony Trade and Invest Corporation, a state agency of Saxony, organized the booth.", SUBORDINATE_TO, "en")
    assert ("Saxony Trade and Invest Corporation", "Sachsen") in got
    # a parent named before the cue is not taken for a prepositional cue ("X (Dresden) ist eine Tochter des Y")
    got = _facts("Die Standortagentur Nordmark GmbH aus Dresden ist eine Tochter des Freistaates Sachsen.", SUBORDINATE_TO)
    assert {t for _, t in got} == {"Sachsen"}
    # German verb-final cues still name the parent before the participle
    got = _facts("Die Standortagentur Nordmark GmbH ist dem Land Brandenburg zugeordnet.", SUBORDINATE_TO)
    assert {t for _, t in got} == {"Brandenburg"}
    # a person's daughter is no subsidiary
    assert _facts("Die Tochter des Ministers besuchte die Kestrel Robotics GmbH.", SUBORDINATE_TO) == set()


# ------------------------------------------------------------------ descriptions, relative clauses, programmes

def test_a_body_described_with_an_indefinite_article_or_a_superlative_is_no_name():
    got = _orgs("Erneut streckt eine Provinzregierung Chinas ihre Fühler nach Sachsen aus.")
    assert not any("regierung" in n for n in got)
    got = _orgs("Der Verein ist das größte Technologienetzwerk Sachsens und eines der größten Software- und "
                "IT-Cluster Europas.")
    assert got == set()
    assert _orgs("Die Kammer ist der älteste Wirtschaftsverband Polens.") == set()
    # with a definite article the name stays
    assert "Regierung Südkoreas" in _orgs("Die Regierung Südkoreas lädt zu Gesprächen ein.")


def test_a_relative_clause_or_a_plural_object_is_no_company():
    assert _cos("Mit einer 12-köpfigen Gruppe, die sich aus Vertretern von Unternehmen zusammensetzt, reist er.") == set()
    assert _cos("2023 exportierten sächsische Unternehmen Waren im Wert von 9 Millionen Euro nach Chile.") == set()
    # an article makes it one company with its name
    assert "Kestrel" in _cos("Das sächsische Unternehmen Kestrel baut ein Werk in Chile.")


def test_a_body_word_before_a_programme_word_names_the_programme():
    got = _orgs("Start-ups of the Velden Digital Hub Initiative presented their work.", "en")
    assert not any(n.endswith("Hub") for n in got)


# ------------------------------------------------------------------ recall: full names, missions, possessives

def test_full_english_names_with_field_lists():
    got = _orgs("The Bavarian State Ministry for Economic Affairs, Regional Development and Energy supports it.", "en")
    assert "Bavarian State Ministry for Economic Affairs, Regional Development and Energy" in got
    got = _orgs("Officials from the Department for Promotion of Industry and Internal Trade attended.", "en")
    assert "Department for Promotion of Industry and Internal Trade" in got
    # a list does not run into persons
    got = _orgs("The Ministry of Foreign Affairs, Tom Harris and Jane Porter attended.", "en")
    assert got == {"Ministry of Foreign Affairs"}


def test_embassies_consulates_and_governments_of_named_countries():
    got = _orgs("The German Embassy in Seoul hosted a dinner.", "en")
    assert "German Embassy" in got
    assert ("German Embassy", "Seoul") in _facts("The German Embassy in Seoul hosted a dinner.", LOCATED_IN, "en")
    assert "Consulate General of Germany in Chicago" in _orgs("The Consulate General of Germany in Chicago hosted a reception.", "en")
    # "the Government of X" stands for the region X (a party to its agreements): no body of its own
    assert _orgs("The Government of Japan welcomed the plan.", "en") == set()
    assert "Botschaft der Republik Korea" in _orgs("Der Empfang fand in der Botschaft der Republik Korea statt.")
    assert "Generalkonsulat der Volksrepublik China" in _orgs("Das Generalkonsulat der Volksrepublik China lud ein.")
    assert _orgs("Die Botschaft der Konferenz war klar.") == set()  # a message, not a mission


def test_a_regions_ministry_named_with_a_possessive():
    x = extract("Talks were held at Bavaria's state economy ministry in Munich.", doc_id="doc:t", language="en",
                reference=False)
    orgs = [n for n in x.batch.nodes if n.type == ORGANIZATION]
    assert len(orgs) == 1 and "Bavaria's state economy ministry" in {a for v in orgs[0].aliases.values() for a in v}
    assert "Ohio's state economic development agency" in _orgs("Officials from Ohio's state economic development agency joined.", "en")
    assert _orgs("Tomorrow's economy ministry will be digital.", "en") == set()  # not a region


def test_german_names_with_multi_part_prefixes_adjectives_and_region_pairs():
    got = _orgs("Besuche beim Max-Planck-Institut für Eisenforschung und beim Leibniz-Institut für Polymerforschung Dresden.")
    assert {"Max-Planck-Institut für Eisenforschung", "Leibniz-Institut für Polymerforschung Dresden"} <= got
    assert "Landesverband der Freien Berufe" in _orgs("Der Landesverband der Freien Berufe begrüßt den Plan.")
    assert "Gemeinsame Kommission Sachsen-Tschechien" in _orgs("Die Gemeinsame Kommission Sachsen-Tschechien tagte in Prag.")


def test_a_type_word_name_before_a_known_acronym_is_that_body():
    x = extract("Das Staatsministerium für Wirtschaft, Arbeit und Verkehr (SMWA) lädt ein.", doc_id="doc:t", language="de",
                reference=False)
    orgs = [n for n in x.batch.nodes if n.type == ORGANIZATION]
    assert len(orgs) == 1 and orgs[0].id == "org:smwa"


def test_a_region_before_the_words_an_acronym_abbreviates_belongs_to_the_name():
    got = _orgs("The Ohio Department of Economic Development (DED) leads the mission.", "en")
    assert "Ohio Department of Economic Development" in got
    assert "Department of Economic Development" not in got  # an alias of it, not a second body


def test_federations_and_national_governments():
    assert "Federation of Velden Industries" in _orgs("They met the Federation of Velden Industries (FVI) in Kiel.", "en")
    assert "Welsh Government" in _orgs("Business leaders and the Welsh Government will lead the trip.", "en")
    assert "U.S. Consulate General" in _orgs("A reception hosted by the U.S. Consulate General in Munich followed.", "en")


# ------------------------------------------------------------------ roles

def test_roles_with_an_article_a_company_before_the_office_and_a_possessive():
    assert ("Tom Harris", "Velden Chamber of Commerce") in _facts(
        "Tom Harris, the president of the Velden Chamber of Commerce, welcomed the guests.", HOLDS_ROLE_AT, "en")
    assert ("Tom Harris", "Handwerkskammer Dresden") in _facts(
        "Tom Harris, der Präsident der Handwerkskammer Dresden, begrüßte die Gäste.", HOLDS_ROLE_AT)
    assert ("Jane Porter", "Kestrel Robotics") in _facts("Kestrel Robotics CEO Jane Porter signed the contract.", HOLDS_ROLE_AT, "en")
    assert ("Jane Porter", "Kestrel Robotics") in _facts(
        "Jane Porter, Kestrel Robotics' chief executive, signed the contract.", HOLDS_ROLE_AT, "en")
    # no body named: no company, no role
    assert _cos("Former CEO Jane Porter signed the contract.", "en") == set()
    assert _cos("Company CEO Jane Porter signed the contract.", "en") == set()
    assert _facts("Tom Harris, der Präsident, begrüßte die Gäste.", HOLDS_ROLE_AT) == set()


def test_names_with_a_name_word_before_the_german_head_and_foreign_company_forms():
    assert "Konfuzius Institut Leipzig" in _orgs("Die Stadt arbeitet mit dem Konfuzius Institut Leipzig zusammen.")
    assert "KORA Europe Forschungsgesellschaft" in _orgs("Gäste kamen von der KORA Europe Forschungsgesellschaft in Kiel.")
    # an article right before the head: nothing added
    assert "Institut Leipzig" in _orgs("Das Land und das Institut Leipzig laden ein.")
    # a descriptor compound before a company with an Asian legal form; the form makes it a company
    got = names_by_type("Die Anteile des Automobilzulieferers Velden Tarn Investment Co., Ltd. wurden verkauft.")
    assert "Velden Tarn Investment Co., Ltd." in got.get(COMPANY, set())
    assert not any(n.startswith("Automobilzulieferers") for v in got.values() for n in v)


def test_a_long_field_list_and_a_possessive_region_before_an_english_name():
    got = _orgs("Germany’s Lower Saxony Ministry for Economic Affairs, Energy, Tourism and Culture signed.", "en")
    assert got == {"Lower Saxony Ministry for Economic Affairs, Energy, Tourism and Culture"}
    assert "Basque Government" in _orgs("The Basque Government opened an office in Munich.", "en")


def test_a_sentence_initial_adjective_with_a_bare_head_is_no_name():
    assert _orgs("Koreanische Regierung plant neue Förderprogramme.") == set()
    assert "Sächsische Aufbaubank" in _orgs("Die Sächsische Aufbaubank finanziert das Vorhaben.")
    assert _orgs("Viele Beschäftigte arbeiten im Home Office.") == set()  # English words in German text, no name
    assert _orgs("The Front Office team welcomed the guests.", "en") == set()


def test_roles_after_a_party_in_brackets_chamber_titles_parliaments_and_portfolios():
    got = _facts("Er sprach mit dem Präsidenten der Bremischen Bürgerschaft, Frank Imhoff, und der Präses der "
                 "Handelskammer Bremen, Janina Berg.", HOLDS_ROLE_AT)
    assert {("Frank Imhoff", "Bremischen Bürgerschaft"), ("Janina Berg", "Handelskammer Bremen")} <= got
    assert ("Manfred Weber", "Hessen") in _facts("Begleitet wurde er von Manfred Weber (CDU), Hessens Minister für Europa.",
                                                 HOLDS_ROLE_AT)
    assert ("Anna Berg", "Landtages") in _facts("Anna Berg (SPD), Präsidentin des Landtages, sprach.", HOLDS_ROLE_AT)
    assert ("Tom Berg", "Niedersachsen") in _facts(
        "Tom Berg, Minister of Economic Affairs, Transport and Digitalization for Lower Saxony, signed it.", HOLDS_ROLE_AT, "en")
    assert ("Tom Berg", "Niedersachsen") in _facts(
        "Tom Berg, Minister für Wirtschaft und Verkehr des Landes Niedersachsen, unterzeichnete.", HOLDS_ROLE_AT)
    # a place the minister visits is not the minister's region
    assert _facts("Tom Berg, Minister, visited the State of Ohio.", HOLDS_ROLE_AT, "en") == set()


def test_companies_named_with_their_own_kind_word():
    got = _cos("The Velden Food Company and Orsbach Heavy Industries opened plants in Ohio.", "en")
    assert {"Velden Food Company", "Orsbach Heavy Industries"} <= got
    assert _cos("The Group reported higher sales; Industrial Holdings were sold.", "en") == set()
    x = extract("Die KRW-Gruppe investiert in Sachsen; KRW beschäftigt dort 300 Menschen.", doc_id="doc:t", language="de",
                reference=False)
    cos = [n for n in x.batch.nodes if n.type == COMPANY]
    assert [n.name["de"] for n in cos] == ["KRW-Gruppe"] and "KRW" in cos[0].aliases["de"]
    assert _cos("Die Unternehmens-Gruppe wächst weiter.") == set()


def test_a_unit_named_by_what_it_covers_is_no_body():
    got = _orgs("Dr. Anna Berg, Head of the International Office at Velden University, spoke.", "en")
    assert "International Office" not in got and "Velden University" in got
    # bodies with such words stay
    assert "European Commission" in _orgs("The European Commission and the Velden University signed.", "en")
    assert "State Department" in _orgs("The State Department and the Commerce Department have issued rules.", "en")


def test_an_office_of_a_body_is_that_body_and_a_bare_office_is_none():
    assert _orgs("Sie besuchte das Büro der Deutschen Auslandshandelskammer in Shanghai.") == {"Deutschen Auslandshandelskammer"}
    assert _orgs("Das Bremer Büro in Neu-Delhi berät Firmen.") == set()
    assert "Verbindungsbüro Sachsen" in _orgs("Das Verbindungsbüro Sachsen in Breslau lädt ein.")


def test_a_state_chancellery_is_a_body_and_a_longer_portfolio_is_not_the_ministrys():
    assert "State Chancellery" in _orgs("The ambassador was received at the State Chancellery in Magdeburg.", "en")
    # "Ministerin für Wirtschaft, Industrie und ..." is not the "Ministerium für Wirtschaft" of the same state
    from loaders.text.rules.roles import _PORTFOLIO_REGION
    assert _PORTFOLIO_REGION.fullmatch(" für Wirtschaft, Industrie und Energie des Landes ")


def test_subordinate_from_an_apposition_of_the_state_and_a_unit_of_a_body():
    got = _facts("Die Stadt und die Velden Invest GmbH, die Gesellschaft zur Außenwirtschaftsförderung des Landes "
                 "Brandenburg, luden ein.", SUBORDINATE_TO)
    assert {t for _, t in got} == {"Brandenburg"}
    # what the body is for is no body of its own
    assert not any(n.startswith("Außenwirtschaftsförderung") for n in _orgs(
        "Die Velden Global GmbH, die Gesellschaft zur Außenwirtschaftsförderung des Landes Hessen, lud ein."))
    assert ("India Study Centre", "Hochschule Kiel") in _facts(
        "Ein Programm gestalteten das India Study Centre der Hochschule Kiel und ein Kulturverein.", SUBORDINATE_TO)
    assert ("Fraunhofer-Institut für Werkstoffmechanik", "Fraunhofer-Gesellschaft") in _facts(
        "Das Fraunhofer-Institut für Werkstoffmechanik der Fraunhofer-Gesellschaft forscht in Halle.", SUBORDINATE_TO)
    # one name, not a unit of another body
    assert _facts("Der Verband der Chemischen Industrie lädt ein.", SUBORDINATE_TO) == set()


def test_a_body_and_its_town_in_a_list_of_people():
    got = _facts("Guests included Tom Berg, Counsellor, Embassy of Kenya, Berlin; and Ana Lopez, Consul General of Kenya, "
                 "Frankfurt.", LOCATED_IN, "en")
    assert ("Embassy of Kenya", "Berlin") in got
    # towns in a list after a body are not its seat
    assert _facts("The agreement was signed by the Velden Chamber, Munich and Berlin.", LOCATED_IN, "en") == set()
    # a unit of a body named here is not placed in the country its name starts with
    assert _facts("Ein Programm gestalteten das India Study Centre der Hochschule Kiel und ein Kulturverein.",
                  LOCATED_IN) == set()


def test_a_title_before_a_person_ends_the_name_and_a_comma_ends_what_came_before():
    got = _orgs("The Velden Department of Resources and Economic Development Commissioner Jane Roe spoke.", "en")
    assert got == {"Velden Department of Resources and Economic Development"}
    assert "Office of the Governor" in _orgs("The Office of the Governor announced the trip.", "en")
    assert "Department of Trade" in _orgs("Tom Berg, Counsellor, Department of Trade, attended.", "en")


def test_a_company_head_in_a_compound_before_a_person():
    got = _facts("Zur Delegation gehören Velden-Nord-Chef Jan Roe und Orsbach-Hamburg-Chef Tim Berg.", HOLDS_ROLE_AT)
    assert {("Jan Roe", "Velden-Nord"), ("Tim Berg", "Orsbach-Hamburg")} <= got
    assert {"Velden-Nord", "Orsbach-Hamburg"} <= _cos("Zur Delegation gehören Velden-Nord-Chef Jan Roe und Orsbach-Hamburg-Chef Tim Berg.")
    # a body's acronym or a body word before "-Chef" is no company
    assert _cos("IHK-Chef Jan Roe und Staatskanzlei-Chef Tim Berg sprachen.") == set()


def test_a_kind_of_body_after_an_indefinite_or_local_word_is_no_name():
    assert _orgs("The local Chamber of Commerce hosted a breakfast.", "en") == set()
    assert _orgs("Each city has a Chamber of Commerce of its own.", "en") == set()
    assert "Ministry of Economy" in _orgs("A letter was signed with the Ministry of Economy.", "en")


# ------------------------------------------------------------------ second round: roles from appositions

def test_role_of_a_body_named_with_its_acronym_in_brackets_then_the_person():
    # the long form is no name the loader finds; the acronym is the gazetteer's
    got = _facts("Gestern sprach die Leiterin der Wirtschaftsförderung (WFBB), Anna Roth, in Posen.", HOLDS_ROLE_AT)
    assert {p for p, _ in got} == {"Anna Roth"}


def test_envoy_of_a_country_in_a_town_then_the_person():
    got = _facts("Der Bürgermeister empfing den Generalkonsul der Volksrepublik China in Hamburg, Li Wenbo, im Rathaus.",
                 HOLDS_ROLE_AT)
    assert ("Li Wenbo", "China") in got
    # an ambassador "in" a country with his own country as an adjective: his country, not the host
    got = _facts("Am Abend lädt der Deutsche Botschafter in Japan, Karl Weber, zu einem Empfang.", HOLDS_ROLE_AT)
    assert ("Karl Weber", "Deutschland") in got and ("Karl Weber", "Japan") not in got
    # without the adjective the text does not say whose ambassador he is
    got = _facts("Am Abend lädt der Botschafter in Japan, Karl Weber, zu einem Empfang.", HOLDS_ROLE_AT)
    assert ("Karl Weber", "Japan") not in got


def test_a_company_with_its_town_and_a_province_with_a_form_of_address():
    got = _facts("Der Geschäftsführer des Unternehmens Brandt aus Kassel, Otto Brandt, lobte die Reise.", HOLDS_ROLE_AT)
    assert ("Otto Brandt", "Brandt") in got
    got = _facts("Sie sprach mit dem Gouverneur der Gyeonggi-Provinz, Herrn Park Min-ho, über Start-ups.", HOLDS_ROLE_AT)
    assert any(p == "Park Min-ho" for p, _ in got)


def test_a_senator_compound_with_the_possessive_state():
    got = _facts("Das hat Bremens Finanzsenatorin Erika Lohse (SPD) am Freitag mitgeteilt.", HOLDS_ROLE_AT)
    assert ("Erika Lohse", "Bremen") in got


def test_english_titles_commissioner_secretary_general_and_a_portfolio_of_a_government():
    got = _facts("The talks included Department of Transport Commissioner Alan Pike and the mayor.", HOLDS_ROLE_AT, "en")
    assert ("Alan Pike", "Department of Transport") in got
    got = _facts("The Catalan Government's Secretary General for Foreign Action, Marta Soler, and the Minister for "
                 "Europe and Trade of the Bavarian Government, Karl Hofer, signed the agreement on Monday.", HOLDS_ROLE_AT, "en")
    assert ("Marta Soler", "Catalan Government") in got
    assert ("Karl Hofer", "Bavarian Government") in got


def test_a_list_of_people_with_office_and_body_between_commas():
    text = ("He was met by Rahul Mehta, Chargé d'Affaires, Embassy of Kenya, Berlin; and Sunita Rao, "
            "Acting Consul General of India, Munich.")
    got = _facts(text, HOLDS_ROLE_AT, "en")
    assert ("Rahul Mehta", "Embassy of Kenya") in got
    assert ("Sunita Rao", "India") in got
    # a body after a comma that is not the person's office in a list: no role
    got = _facts("Jane Porter, President, said that the Embassy of Kenya, Berlin, will help.", HOLDS_ROLE_AT, "en")
    assert ("Jane Porter", "Embassy of Kenya") not in got


def test_a_german_genitive_region_after_the_office_and_an_excellency():
    got = _facts("Der Handelsminister Ohios, Tom Baker, und Ministerin Eva Roth trafen sich in Columbus.", HOLDS_ROLE_AT)
    assert ("Tom Baker", "Ohio") in got
    got = _facts("The governor received the Ambassador of the Republic of Korea in Germany, H.E. Dr. Kim Min-su, today.",
                 HOLDS_ROLE_AT, "en")
    assert ("Kim Min-su", "Südkorea") in got


def test_a_partner_countrys_adjective_names_the_envoys_country():
    got = _facts("Der indische Generalkonsul Arjun Varma sprach über neue Programme.", HOLDS_ROLE_AT)
    assert ("Arjun Varma", "India") in got
    got = _facts("Die polnische Botschafterin Ewa Nowak kam nach Schwerin.", HOLDS_ROLE_AT)
    assert ("Ewa Nowak", "Poland") in got


# ------------------------------------------------------------------ second round: seats

def test_a_seat_in_brackets_and_by_a_possessive_region():
    got = _facts("Recently the Orion Group (headquarters in Seoul) announced a new plant in Saxony.", LOCATED_IN, "en")
    assert ("Orion Group", "Seoul") in got
    got = _facts("Die Delegation besuchte Taiwans Nationale Akademie für Werkstoffe (NAW) in Tainan.", LOCATED_IN)
    assert any(b.startswith("Nationale Akademie") and r == "Taiwan" for b, r in got)
    # a government's own ministry is its unit, not a body seated in the country
    got = _facts("Germany's Lower Saxony Ministry of Finance and the Ohio Department of Trade signed a letter.", LOCATED_IN, "en")
    assert not any(r == "Germany" for _, r in got)


def test_a_body_and_its_town_in_a_noun_phrase_with_an_article():
    got = _facts("Seit Jahren ist die renommierte Deutsche Schule Tokio in Yokohama ein Anziehungspunkt.", LOCATED_IN)
    assert any(r == "Yokohama" for _, r in got)
    got = _facts("Mit der Deutschen Handelskammer in Peking arbeitet das Land eng zusammen.", LOCATED_IN)
    assert any(b.startswith("Deutschen Handelskammer") or b.startswith("Deutsche Handelskammer") for b, _ in got)
    # no article: "X in Y" after a verb is where something happened, not the seat
    got = _facts("Gestern unterzeichnete Kestrel Robotics in Leipzig einen Vertrag.", LOCATED_IN)
    assert not any(r == "Leipzig" for _, r in got)


def test_a_state_owned_body_is_subordinate_to_the_state_the_text_is_about():
    text = ("Sachsen wirbt in Vietnam um Investoren. Die landeseigene Fördergesellschaft WFS begleitet "
            "die Reise nach Hanoi.")
    got = _facts(text, SUBORDINATE_TO)
    assert ("WFS", "Sachsen") in got or any(r == "Sachsen" and "Sachsen" in b for b, r in got)
    # without the word the text does not say who owns it (and the reference facts are off)
    got = _facts("Sachsen wirbt in Vietnam um Investoren. Die Fördergesellschaft WFS begleitet die Reise.", SUBORDINATE_TO)
    assert not any(r == "Sachsen" for _, r in got)


def test_a_countrys_mission_named_by_the_countrys_adjective():
    got = _orgs("Ab Januar bekommt Leipzig wieder ein japanisches Generalkonsulat.")
    assert "japanisches Generalkonsulat" in got
    got = _orgs("Der Empfang fand in der Deutschen Botschaft in Oslo statt.")
    assert any(n.endswith("Botschaft") for n in got)
    # an adjective that names no country makes no mission
    got = _orgs("Das neue Generalkonsulat wurde gestern eröffnet.")
    assert not any("Generalkonsulat" in n for n in got)


def test_a_named_region_then_its_state_government_in_english():
    got = _orgs("The minister thanked the Bremen State Government for its support.", "en")
    assert "Bremen State Government" in got
    got = _orgs("Talks with the Kerala state government are planned for March.", "en")
    assert "Kerala state government" in got
    # a capitalized word that is no region makes no body
    got = _orgs("The Annual Government report was published.", "en")
    assert not any("Government" in n for n in got)


def test_an_acronym_compound_office_names_the_one_body_of_that_acronym_in_the_text():
    text = ("Die IHK Potsdam reist mit 20 Firmen nach Vietnam. \"Wir sehen große Chancen\", sagte "
            "IHK-Präsident Dr. Hans Kowalski.")
    got = _facts(text, HOLDS_ROLE_AT)
    assert ("Hans Kowalski", "IHK Potsdam") in got
    # two bodies of that acronym: the text does not say which
    text = ("Die IHK Potsdam und die IHK Cottbus reisen nach Vietnam. \"Wir sehen Chancen\", sagte "
            "IHK-Präsident Dr. Hans Kowalski.")
    got = _facts(text, HOLDS_ROLE_AT)
    assert not any(p == "Hans Kowalski" for p, _ in got)


def test_a_plenipotentiary_of_a_named_state():
    got = _facts("Staatsrat Jan Ebel, Bevollmächtigter der Freien Hansestadt Bremen beim Bund, begrüßte die Gäste.",
                 HOLDS_ROLE_AT)
    assert ("Jan Ebel", "Bremen") in got
    # "des Landes" names no state: no role target
    got = _facts("Es sprach der Bevollmächtigte des Landes beim Bund, Staatssekretär Jan Ebel.", HOLDS_ROLE_AT)
    assert not got
