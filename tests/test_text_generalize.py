"""Recognizers that do not need a name in advance, on partners and bodies the development texts never name.
Every sentence is our own; persons, companies and bodies are invented (regions are real places, which
the reference data must know without a hand entry)."""

from loaders.text.orgnames import enumerated_companies, org_candidates
from loaders.text.personnames import given_name_candidates
from loaders.text.refdata import kind_forms, small_towns, subdivision_forms
from loaders.text.typenames import COMPANY, ORGANIZATION, PERSON, REGION
from tests.textnodes import extracted, names_by_type


_nodes = names_by_type


def _region_ids(text: str, lang: str = "de") -> set[str]:
    return {n.id for n in extracted(text, lang).nodes if n.type == REGION}


# --- regions of any partner country, with their kind word -------------------------------------------------

def test_subdivisions_with_kind_words_in_german_and_english():
    # a Japanese prefecture, a Vietnamese province, an Indian state, a Canadian province, a French région
    assert {"region:jp-20", "region:vn-13"} <= _region_ids(
        "Die Wirtschaftsförderer reisten in die Präfektur Nagano und danach in die Provinz Quảng Ninh.")
    assert {"region:in-ka", "region:ca-mb"} <= _region_ids(
        "Gespräche gab es im Bundesstaat Karnataka und in der Provinz Manitoba.")
    assert {"region:jp-31", "region:in-ka"} <= _region_ids(
        "The group went on to Tottori Prefecture and later to the state of Karnataka.", "en")
    assert "region:fr-bre" in _region_ids("Die Region Bretagne lädt zu einem Werkstattgespräch ein.")


def test_kind_words_come_from_the_data_file_for_each_subdivision_type():
    forms = subdivision_forms()
    assert "Präfektur" in forms["Prefecture"][1] and "State" in forms["State"][0]
    en, de = kind_forms("Tottori", "Tottori", "Prefecture")
    assert {"Tottori Prefecture", "Prefecture of Tottori"} <= set(en) and de == ["Präfektur Tottori"]
    en, de = kind_forms("Hà Nam", "Hà Nam", "Unknown kind")  # no entry for the type: no kind forms
    assert en == [] and de == []


def test_a_city_named_like_its_prefecture_is_found_as_city():
    ids = _region_ids("The delegation met officials of Nagano City and of the prefecture.", "en")
    assert "region:jp-nagano-city" in ids


def test_small_towns_only_where_the_text_places_something_in_them():
    assert small_towns()["wismar"][0] == "region:de-wismar"
    got = _nodes("Die Firma Velmarin GmbH baut ein neues Werk in Wismar.")
    assert "Wismar" in got.get(REGION, set())
    # no place cue: a small town's name alone is not enough; a German word never is a town
    assert "Wismar" not in _nodes("Wismar ist ein schöner Name.").get(REGION, set())
    assert "Norden" not in _nodes("Die Delegation fuhr anschließend nach Norden weiter.").get(REGION, set())
    assert "March" not in _nodes("The office opened in March.", "en").get(REGION, set())


# --- persons named with their office, East-Asian names ---------------------------------------------------

def test_persons_with_offices_before_their_names():
    got = _nodes("Oberbürgermeisterin Frauke Olbermann und Staatssekretär Jens Warncke empfingen "
                 "Botschafter Pham Quoc Bao.")
    assert {"Frauke Olbermann", "Jens Warncke", "Pham Quoc Bao"} <= got[PERSON]
    got = _nodes("Vice-Minister NGUYEN Van Thanh and Deputy Mayor Priya Raghunathan opened the fair.", "en")
    assert {"NGUYEN Van Thanh", "Priya Raghunathan"} <= got[PERSON]


def test_east_asian_names_in_capitals_and_in_three_parts_without_an_office():
    got = _nodes("Taro YAMADA spoke after KIM Jung-hoon about the new supply chains.", "en")
    assert {"Taro YAMADA", "KIM Jung-hoon"} <= got[PERSON]
    cands = {c.name: c for c in given_name_candidates("Beim Treffen sprach Nguyen Thi Huong über Ausbildung.")}
    assert cands["Nguyen Thi Huong"].family == "Nguyen" and cands["Nguyen Thi Huong"].given == "Thi Huong"
    # a capitalized acronym that is no family name, and a place written in three parts, are no persons
    assert PERSON not in _nodes("The EU Commission and the NATO Summit met in Brussels.", "en")


# --- organizations by type words, coordinated lists, naming heads ----------------------------------------

def test_coordinated_ministries_are_three_mentioned_bodies():
    got = _nodes("Das Verkehrs-, Umwelt- und Finanzministerium fördern das Vorhaben gemeinsam.")
    assert {"Verkehrsministerium", "Umweltministerium", "Finanzministerium"} <= got[ORGANIZATION]
    # the stub is also an ordinary word elsewhere in the text: it does not stand for the ministry
    got = _nodes("Das Verkehrs-, Umwelt- und Finanzministerium fördern das Vorhaben. Die Umwelt profitiert.")
    assert "Umweltministerium" not in got[ORGANIZATION]
    assert {"Verkehrsministerium", "Finanzministerium"} <= got[ORGANIZATION]


def test_naming_heads_take_a_plain_name_after_them():
    cands = {c[0] for c in org_candidates("Das Innovationszentrum Lindhöft in Kiel und der Hafen Kelmsund, "
                                          "dazu das Wasserstoff-Cluster Nordmark.")}
    assert {"Innovationszentrum Lindhöft", "Hafen Kelmsund", "Wasserstoff-Cluster Nordmark"} <= cands
    # a verb-final clause: the noun after the head is an object, not a name; a bare generic head is no body
    assert not {c[0] for c in org_candidates("weil das Institut Fördermittel bekommt")} & {"Institut Fördermittel"}
    assert {c[0] for c in org_candidates("Der Uni-Campus und der Hamburger Hafen wachsen.")} == set()


def test_english_heads_ports_and_coordinated_names():
    got = _nodes("The Lakeshore Innovation Hub signed with the Greywater Institute of Technology. The Port of "
                 "Haiphong Authority joined them.", "en")
    assert {"Lakeshore Innovation Hub", "Port of Haiphong Authority", "Greywater Institute of Technology"} <= got[ORGANIZATION]
    # a port one visits is a place: "the Port of X" alone names no body
    got = _nodes("The delegation will visit the Port of Haiphong in May.", "en")
    assert "Haiphong" in got[REGION] and ORGANIZATION not in got


def test_companies_in_plain_lists_after_a_cue():
    assert enumerated_companies("Companies such as Brightwave, Tessaline Robotics and Orvan Foods joined.") == [
        "Brightwave", "Tessaline Robotics", "Orvan Foods"]
    assert enumerated_companies("Dabei sind die Unternehmen Kestrel, Voltara und Amberlin Systems.") == [
        "Kestrel", "Voltara", "Amberlin Systems"]
    assert enumerated_companies("the German companies Fernholt and Rivane Labs") == ["Fernholt", "Rivane Labs"]
    # common nouns after the cue are not a list of names
    assert enumerated_companies("dass die Unternehmen Kunden und Partner gewinnen") == []
    assert enumerated_companies("weil die Unternehmen Arbeitsplätze und Investitionen sichern") == []
    got = _nodes("Mit dabei waren die Unternehmen Kestrel, Voltara und Amberlin Systems.")
    assert {"Kestrel", "Voltara", "Amberlin Systems"} <= got[COMPANY]


def test_a_family_name_alone_after_an_office():
    got = _nodes("The talks were led by Minister of Education Quentmeier and a group of teachers.", "en")
    assert "Quentmeier" in got[PERSON]
    # the full name elsewhere in the text: one person, not a second one for the family name alone
    got = _nodes("Ministerpräsidentin Albrecht eröffnete die Messe. Dort sprach Jana Albrecht über Batterien.")
    assert got[PERSON] == {"Jana Albrecht"}
    # a job title's field or a title is not a name
    got = _nodes("Geschäftsführer Vertrieb und Minister Dr. Hollweg reisten nach Seoul.")
    assert "Vertrieb" not in got.get(PERSON, set()) and "Dr" not in got.get(PERSON, set())


def test_more_english_and_german_heads():
    got = _nodes("Officials of the Tasman Digital Board and the Kowhai Trade Commission met.", "en")
    assert {"Tasman Digital Board", "Kowhai Trade Commission"} <= got[ORGANIZATION]
    assert "Japanische Internationale Schule" in {c[0] for c in org_candidates(
        "Die Japanische Internationale Schule feiert ihr Jubiläum.")}


def test_english_names_with_the_head_first_or_a_field_after_it():
    got = _nodes("The Agency for Regional Growth and the Tallgrass Research Institute will advise the firms.", "en")
    assert {"Agency for Regional Growth", "Tallgrass Research Institute"} <= got[ORGANIZATION]
    got = _nodes("Mr. LIU Jian, Deputy Director of the Hunan Provincial Department of Commerce, attended.", "en")
    assert "Hunan Provincial Department of Commerce" in got[ORGANIZATION]
    assert "LIU Jian" in got[PERSON]


def test_nordic_and_asian_legal_forms_end_company_names():
    got = _nodes("Representatives of Lindqvist Shipping A/S, Halong Coal JSC and Marlow Freight Pte. Ltd. joined.", "en")
    assert {"Lindqvist Shipping A/S", "Halong Coal JSC", "Marlow Freight Pte. Ltd."} <= got[COMPANY]
