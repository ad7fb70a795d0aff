"""The rule modules of the text loader (loaders/text/rules/), each on sentences the team wrote
(invented people and firms; real places and bodies from the gazetteer)."""

from __future__ import annotations

import pytest

from graph.schema import default_schema
from loaders.text import extract
from loaders.text.records import _allowed
from loaders.text.rules import DOCUMENT_RULES, SENTENCE_RULES, types
from loaders.text.rules.context import Doc
from loaders.text.gazetteer import default_gazetteer

SCHEMA = default_schema()
ROLE, PARTY, SIGNED, TRADE, LOCATED = "HOLDS_ROLE_AT", "PARTY_TO", "SIGNED", "TRADES_WITH", "LOCATED_IN"


def _x(text, published="2024-05-06", language=None):
    """The extraction of one test text (no reference facts)."""
    return extract(text, doc_id="doc:rules-test", published=published, reference=False, language=language)


def _events(x):
    """The Event nodes of an extraction, by id."""
    return {n.id: n for n in x.batch.nodes if n.type == "Event"}


def edges(text, published="2024-05-06", type_=None):
    x = _x(text, published)
    return [(e.type, e.source, e.target, e.properties) for e in x.batch.edges if type_ is None or e.type == type_]


def pairs(text, type_, published="2024-05-06"):
    return {(s, t) for (_, s, t, _) in edges(text, published, type_)}


# ------------------------------------------------------------------ interface and schema


def test_every_rule_module_has_the_one_interface():
    for rule in DOCUMENT_RULES + SENTENCE_RULES:
        assert callable(rule) and rule.__code__.co_argcount == 3  # (doc, sentence, mentions)


def test_type_names_come_from_the_schema_and_an_unknown_one_is_an_error(tmp_path, monkeypatch):
    assert types.HOLDS_ROLE_AT == ROLE and types.REGION in SCHEMA.nodes
    assert types.ends(ROLE) == (tuple(SCHEMA.edges[ROLE].source), tuple(SCHEMA.edges[ROLE].target))
    bad = tmp_path / "types.yaml"
    bad.write_text("nodes: {REGION: Regio}\nedges: {}\n", encoding="utf-8")
    monkeypatch.setattr(types, "_FILE", bad)
    with pytest.raises(ValueError, match="Regio"):
        types._load()


def test_allowed_endpoints_follow_the_schema():
    d = Doc("", "doc:x", None, "de", default_gazetteer().local_copy())
    assert _allowed(d, PARTY, "region:de-sn", "agreement:x-mou", {})
    assert not _allowed(d, SIGNED, "region:de-sn", "agreement:x-mou", {})  # only persons sign
    assert _allowed(d, TRADE, "region:de-sn", "region:jp", {})
    assert not _allowed(d, TRADE, "region:de-sn", "agreement:x-mou", {})


# ------------------------------------------------------------------ persons and roles


def test_a_role_goes_to_the_region_the_text_names_not_to_a_guessed_ministry():
    got = pairs("Bayerns Wirtschaftsministerin Hanna Lindqvist eröffnete am Montag die Messe in Nürnberg.", ROLE)
    assert got == {("person:hanna-lindqvist", "region:de-by")}


def test_a_role_without_a_named_body_or_region_is_no_fact():
    text = "Wirtschaftsministerin Hanna Lindqvist eröffnete am Montag die Messe in Nürnberg."
    assert pairs(text, ROLE) == set()


def test_governor_of_a_named_state_in_an_apposition_and_after_the_name():
    a = pairs("Am Dienstag kam der Gouverneur des Bundesstaates Ohio, Marlon Tidewell, zu Gesprächen nach Stuttgart.", ROLE)
    assert a == {("person:marlon-tidewell", "region:us-oh")}
    b = pairs("Zu Gast war Gouverneur Marlon Tidewell aus Ohio, der Zulieferer in Stuttgart kennenlernte.", ROLE)
    assert b == {("person:marlon-tidewell", "region:us-oh")}


def test_governor_of_a_prefecture_and_the_second_region_of_a_possessive():
    a = pairs("Talks on robotics brought the Governor of Aichi Prefecture, Hiroto Kanemura, to Munich.", ROLE)
    assert a == {("person:hiroto-kanemura", "region:jp-23")}
    b = pairs("Ralf Ostermann, deputy governor of Germany's Hesse, opened the fair.", ROLE)
    assert b == {("person:ralf-ostermann", "region:de-he")}


def test_envoy_and_compound_minister_words():
    a = pairs("Sabine Korlat, Generalkonsulin der Republik Korea, sprach zur Eröffnung.", ROLE)
    assert a == {("person:sabine-korlat", "region:kr")}
    b = edges("Der sächsische Wissenschaftsminister Jonas Reitmeier reiste nach Taipeh.", type_=ROLE)
    assert [(s, t, p["role"]) for (_, s, t, p) in b] == [("person:jonas-reitmeier", "region:de-sn", "Minister")]


def test_a_title_that_names_the_ministry_goes_to_that_ministry():
    text = ("Nordrhein-Westfalens Minister für Wirtschaft, Innovation, Digitalisierung und Energie "
            "Prof. Dr. Karl Lindemeyer reiste nach Tokio.")
    assert pairs(text, ROLE) == {("person:karl-lindemeyer", "org:mwide-nrw")}


def test_a_person_signing_on_behalf_of_a_region():
    text = ("Clara Wendholm, State Councillor, signed for Hamburg and Paul Ashgrove, Minister of Energy, signed on "
            "behalf of Ohio the memorandum of understanding on green shipping.")
    assert pairs(text, ROLE) == {("person:clara-wendholm", "region:de-hh"), ("person:paul-ashgrove", "region:us-oh")}
    assert {s for (s, _) in pairs(text, SIGNED)} == {"person:clara-wendholm", "person:paul-ashgrove"}


# ------------------------------------------------------------------ agreements


def test_regions_between_which_an_agreement_is_made_are_its_parties():
    text = "An MoU between the states of Hesse and Ohio was signed in Wiesbaden on 3 May 2024."
    got = edges(text, type_=PARTY)
    assert {s for (_, s, _, _) in got} == {"region:de-he", "region:us-oh"}
    assert len({t for (_, _, t, _) in got}) == 1  # one agreement


def test_a_joint_declaration_is_an_agreement_with_its_signers():
    text = ("Der Ministerpräsident des Saarlandes, Tobias Wernecke, und der Gouverneur der Provinz Hebei, "
            "Wang Lifeng, unterzeichneten am 4. März 2024 eine Gemeinsame Erklärung über die Zusammenarbeit.")
    got = edges(text)
    assert {(s, t) for (ty, s, t, _) in got if ty == ROLE} == {("person:tobias-wernecke", "region:de-sl"),
                                                                ("person:wang-lifeng", "region:cn-he")}
    assert {s for (ty, s, _, _) in got if ty == PARTY} == {"region:de-sl", "region:cn-he"}
    assert {s for (ty, s, _, _) in got if ty == SIGNED} == {"person:tobias-wernecke", "person:wang-lifeng"}


def test_who_watches_or_welcomes_a_signing_does_not_sign():
    signers = lambda text, lang=None: {s for (_, s, _, _) in edges(text, type_=SIGNED)}
    both = {"person:lena-hartwig", "person:tran-van-minh"}
    assert signers("Im Beisein von Ministerpräsident Karl Odenwald unterzeichneten Staatssekretärin Lena Hartwig "
                   "und Gouverneur Tran Van Minh am 3. Mai 2024 eine Absichtserklärung.") == both
    assert signers("In the presence of Minister-President Karl Odenwald, State Secretary Lena Hartwig and Governor "
                   "Tran Van Minh signed a memorandum of understanding on 3 May 2024.") == both
    assert signers("Ministerpräsident Karl Odenwald begrüßte die Unterzeichnung der Absichtserklärung durch "
                   "Staatssekretärin Lena Hartwig und Gouverneur Tran Van Minh am 3. Mai 2024.") == both


def test_the_agency_of_a_byline_is_no_party_and_holds_no_role():
    text = ("HANNOVER - HANNOVER/DPA - Firmen aus Niedersachsen haben auf einer Reise mit Wirtschaftsminister "
            "Otto Brennecke nach Chile eine Absichtserklärung unterzeichnet.")
    got = edges(text)
    assert not [e for e in got if "org:dpa" in (e[1], e[2])]
    assert ("VISITED", "event:business-trip-to-chile", "region:cl") in {(ty, s, t) for (ty, s, t, _) in got}


# ------------------------------------------------------------------ trade


def test_trade_flows_of_one_sentence_each_with_its_own_direction_and_the_year_before():
    text = ("Für Thüringen zählte Vietnam 2019 zu den zehn größten Märkten in Asien. Thüringer Firmen verkauften "
            "für 200 Mio. Euro Waren dorthin (Export nach Vietnam), während der Import aus Vietnam 300 Mio. Euro erreichte.")
    got = {(s, t, p["direction"], p["year"], p["value"]) for (_, s, t, p) in edges(text, type_=TRADE)}
    assert got == {("region:de-th", "region:vn", "import", 2019, 300.0), ("region:de-th", "region:vn", "export", 2019, 200.0)}


def test_a_difference_is_no_flow_and_a_compared_year_is_not_the_year():
    text = ("Brandenburger Betriebe haben 2020 Maschinen für 80,5 Millionen Euro nach Vietnam ausgeführt, "
            "ein Zuwachs um 2,1 Millionen Euro.")
    got = {(s, t, p["direction"], p["year"], p["value"]) for (_, s, t, p) in edges(text, type_=TRADE)}
    assert got == {("region:de-bb", "region:vn", "export", 2020, 80.5)}
    text2 = "Brandenburgs Exporte nach Vietnam stiegen auf 90 Millionen Euro, zehn Prozent mehr als 2019."
    # the flow is read (its region is named), but 2019 is the year compared with, not its year
    assert {(t, p.get("year"), p["value"]) for (_, _, t, p) in edges(text2, type_=TRADE)} == {("region:vn", None, 90.0)}


def flows(text, lang=None):
    x = _x(text, None, lang)
    return {(e.source, e.target, e.properties.get("direction"), e.properties.get("year"), e.properties.get("value"))
            for e in x.batch.edges if e.type == TRADE}


def test_a_trade_volume_both_ways_is_a_flow_without_direction():
    assert flows("Zwischen Sachsen und Vietnam wurden 2022 Waren im Wert von 900 Millionen Euro ausgetauscht.") == {
        ("region:de-sn", "region:vn", None, 2022, 900.0)}
    assert flows("Thüringen hat 2021 mit Japan im- und exportierte Waren für 400 Millionen Euro gehandelt.") == {
        ("region:de-th", "region:jp", None, 2021, 400.0)}
    # a region abroad whose trade with Germany the sentence states
    assert flows("In 2023 Ohio and Germany ran two-way trade of $4 billion, which puts Germany fifth among its partners.", "en") == {
        ("region:us-oh", "region:de", None, 2023, 4.0)}


def test_several_amounts_of_a_sentence_each_with_its_own_year_or_country():
    text = ("Das Handelsvolumen zwischen Bremen und Indien wächst. "
            "Lag es 2015 noch bei 300 Millionen Euro, stieg es 2023 auf 700 Millionen Euro.")
    assert flows(text) == {("region:de-hb", "region:in", None, 2015, 300.0), ("region:de-hb", "region:in", None, 2023, 700.0)}
    text = "Brandenburgs wichtigste Exportmärkte 2023 waren Polen (5 Milliarden Euro) und Frankreich (3 Milliarden Euro)."
    assert flows(text) == {("region:de-bb", "region:pl", "export", 2023, 5.0), ("region:de-bb", "region:fr", "export", 2023, 3.0)}


def test_the_country_ranked_above_is_not_the_partner_and_a_flow_without_year_needs_its_region():
    assert flows("Nach Polen ist Tschechien der zweitwichtigste Exportmarkt Sachsens mit 3 Milliarden Euro im Jahr 2022.") == {
        ("region:de-sn", "region:cz", "export", 2022, 3.0)}
    assert flows("Sachsen exportierte Waren für 300 Millionen Euro nach Indien.") == {
        ("region:de-sn", "region:in", "export", None, 300.0)}
    assert flows("Die Exporte nach Indien erreichten 300 Millionen Euro.") == set()


# ------------------------------------------------------------------ seats


def test_a_seat_before_a_conjunction():
    text = "Auf dem Programm standen die Kellbrand GmbH in Schwerin und eine Werft."
    assert ("company:kellbrand", "region:de-schwerin") in pairs(text, LOCATED)


def test_an_event_is_placed_by_the_in_next_to_its_word_and_a_branch_is_not_its_bodys_seat():
    assert pairs("Das Forum in Leipzig findet am 3. Mai 2024 statt.", LOCATED) == {("event:forum-in-leipzig-2024-05", "region:de-leipzig")}
    # "in Hanoi" belongs to the office named between, "in Berlin" to the embassy
    assert pairs("Beim Empfang der Landesregierung wurde das neue Büro der Kellbrand GmbH in Hanoi eröffnet.", LOCATED) == set()
    assert pairs("Am Abend gab es einen Empfang mit dem Botschafter Tran Van Minh von der Botschaft in Berlin.", LOCATED) == set()
    assert pairs("Die Kellbrand GmbH in Schwerin hat ein Büro in Hanoi.", LOCATED) == {("company:kellbrand", "region:de-schwerin")}
    # the founding of the firm in a town places it; the opening of its branch there does not
    assert pairs("Er verwies auf die Gründung der Kellbrand GmbH in München und auf neue Jobs.", LOCATED) == {
        ("company:kellbrand", "region:de-muenchen")}
    assert pairs("Er verwies auf die Eröffnung der Niederlassung der Kellbrand GmbH in München und auf neue Jobs.", LOCATED) == set()


def test_a_nationality_places_a_public_body_but_not_a_company():
    assert pairs("Die koreanische Agentur KOTRA eröffnet ein Büro in Sachsen.", LOCATED) == {("org:kotra", "region:kr")}
    assert pairs("Die japanische Firma Tamaru KK eröffnet ein Werk in Sachsen.", LOCATED) == set()


# ------------------------------------------------------------------ partnerships, visits


def test_cooperation_between_two_regions_and_the_region_parties_of_an_agreement_are_partners():
    partner = "PARTNER_OF"
    a = pairs("Seit 2010 pflegen die Ministerien die Zusammenarbeit zwischen Sachsen und der Provinz Hebei.", partner)
    assert a == {("region:de-sn", "region:cn-he")}
    assert pairs("Ob eine Zusammenarbeit zwischen Sachsen und Hebei möglich wäre, soll eine Studie zeigen.", partner) == set()
    b = pairs("An MoU between the states of Hesse and Ohio was signed in Wiesbaden on 3 May 2024.", partner)
    assert b == {("region:de-he", "region:us-oh")}


def test_a_partnership_word_makes_partners_only_of_the_regions_it_names():
    partner = "PARTNER_OF"
    hebei = {("region:de-sn", "region:cn-he")}
    assert pairs("Die Provinz Hebei ist seit 2012 Partnerprovinz von Sachsen.", partner) == hebei
    assert pairs("Sachsen und Hebei pflegen seit 2008 eine Partnerschaft.", partner) == hebei
    assert pairs("Hebei is the partner province of the Free State of Saxony.", partner) == hebei
    assert pairs("Hessens Partnerregion Wisconsin empfängt im Mai eine Delegation.", partner) == {("region:de-he", "region:us-wi")}
    assert pairs("Bavaria's sister province Shandong sent a delegation to Munich.", partner) == {("region:de-by", "region:cn-sd")}
    two = pairs("Die Partnerregionen Sachsens sind Hebei und die Provinz Shaanxi.", partner)
    assert two == {("region:de-sn", "region:cn-he"), ("region:de-sn", "region:cn-sn")}
    # the province named beside its country is the partner, not the country
    assert pairs("Die Partnerschaft Hessens mit China und besonders mit der Partnerprovinz Zhejiang wächst.", partner) == {
        ("region:de-he", "region:cn-zj")}
    # a town twinned with a town: the German town is the German side
    assert pairs("Riga ist seit 1961 Partnerstadt von Leipzig.", partner) == {("region:de-leipzig", "region:lv-rix")}
    # two regions that open a sentence about their cooperation
    assert pairs("Brandenburg and Hebei agree on closer cooperation in hydrogen.", partner) == {("region:de-bb", "region:cn-he")}
    assert pairs("Cooperation between Hebei and Brandenburg", partner) == {("region:de-bb", "region:cn-he")}


def test_partnership_compounds_and_sister_state_wording_make_partners():
    partner = "PARTNER_OF"
    assert pairs("Thüringen und die Provinz Shanxi unterzeichneten 2019 einen Partnerschaftsvertrag.", partner) == {
        ("region:de-th", "region:cn-sx")}
    assert pairs("Sachsen arbeitet seit 2004 partnerschaftlich mit der Provinz Hebei zusammen.", partner) == {
        ("region:de-sn", "region:cn-he")}
    assert pairs("Ohio has been Hesse's sister-state since 2011.", partner) == {("region:de-he", "region:us-oh")}
    assert pairs("Die Präfektur Kyoto ist Freundschaftspräfektur von Bayern.", partner) == {("region:de-by", "region:jp-26")}
    assert pairs("Seit 1994 ist Leipzig Partnerstadt der südchinesischen Stadt Nanning.", partner) == {
        ("region:de-leipzig", "region:cn-nanning")}
    assert pairs("Die Zusammenarbeit der Länder, vor allem zwischen Brandenburg und Lebus, wächst.", partner) == {
        ("region:de-bb", "region:pl-08")}
    assert pairs("Officials praised the partnership and friendship between Hesse and Ohio.", partner) == {
        ("region:de-he", "region:us-oh")}
    assert pairs("Next year the Ohio-Hessen sister-state partnership turns 30.", partner) == {("region:de-he", "region:us-oh")}


def test_a_partnership_word_that_names_no_region_or_something_else_makes_no_partners():
    partner = "PARTNER_OF"
    assert pairs("Für neue internationale Partnerschaften reiste eine Delegation aus Sachsen nach Mumbai und Pune in Indien.", partner) == set()
    assert pairs("Die Kellbrand GmbH aus Sachsen pflegt eine Partnerschaft mit Abnehmern in Japan.", partner) == set()
    assert pairs("Japan ist in diesem Jahr Partnerland der Hannover Messe.", partner) == set()
    assert pairs("Ob Sachsen und Hebei ihre Zusammenarbeit ausbauen könnten, ist offen.", partner) == set()


def test_a_trip_does_not_visit_the_travellers_own_region():
    text = "In June 2024 Ohio's Governor Fiona Calder will visit Bavaria, heading a group of suppliers."
    assert {t for (_, t) in pairs(text, "VISITED")} == {"region:de-by"}


def test_a_region_that_only_locates_another_name_is_not_a_stop_of_the_trip():
    visited = "VISITED"
    a = pairs("Wirtschaftsminister Otto Brennecke reist im Mai 2024 mit einer Delegation nach Vietnam. "
              "Die Delegation besucht die Firma Kellbrand GmbH in Hanoi.", visited)
    assert {t for (_, t) in a} == {"region:vn", "company:kellbrand"}  # the firm is visited, its town locates it
    b = pairs("A business delegation led by Minister Otto Brennecke visited Wuhan, Hubei province in May 2024.", visited)
    assert {t for (_, t) in b} == {"region:cn-wuhan"}
    c = pairs("Eine Delegation aus Sachsen reist im Mai 2024 nach Taiwan. "
              "Die Delegation besichtigte den Technologiepark in Hsinchu bei Taipeh.", visited)
    assert {t for (_, t) in c} == {"region:tw", "region:tw-hsq"}
    d = pairs("A delegation from Saxony travelled to Indonesia in May 2024. "
              "It was welcomed by the ambassador in Jakarta and visited Bandung.", visited)
    assert {t for (_, t) in d} == {"region:id", "region:id-bandung"}
    e = pairs("The visit of the Saxon delegation to Japan in May 2024 follows a meeting with Governor Taro Sato in Osaka last year.", visited)
    assert {t for (_, t) in e} == {"region:jp"}
    f = pairs("Bei einem Besuch der Kellbrand GmbH in Hanoi sprach die Delegation aus Sachsen im Mai 2024 über Investitionen.", visited)
    assert {t for (_, t) in f} == {"company:kellbrand"}


def test_hosts_reporters_and_possessives_do_not_take_part_in_a_delegation():
    def took_part(text):
        x = _x(text, language="en")
        return {(e.source, e.properties.get("role")) for e in x.batch.edges if e.type == "PARTICIPATED_IN"}
    # the host who meets the delegation is not its head; the one it is led by is
    assert took_part("Mayor Li Wenhua meets with a business delegation led by Minister Otto Brennecke of Saxony "
                     "in Wuhan on 3 May 2024.") == {("person:otto-brennecke", "head of delegation")}
    assert took_part("Minister Otto Brennecke of Saxony opened a fair in Leipzig. A spokesperson for Brennecke's ministry "
                     "said a business delegation will travel to Japan in May 2024 to attend talks.") == set()
    assert took_part("Governor Taro Sato said that Osaka plans to send a delegation to Saxony in May 2024 "
                     "to attend the opening of a plant.") == set()


def test_the_organizer_is_the_body_the_organizing_words_name_for_the_event():
    org = "ORGANIZED"
    assert pairs("Die IHK Chemnitz organisiert im Mai 2024 eine Delegationsreise nach Japan.", org) == {
        ("org:ihk-chemnitz", "event:delegation-visit-to-japan-ihk-chemnitz-2024-05")}
    assert pairs("Das Forum, organisiert von der IHK Chemnitz, findet im Mai 2024 statt.", org) == {
        ("org:ihk-chemnitz", "event:forum-ihk-chemnitz-2024-05")}
    both = pairs("Die IHK Chemnitz organisiert die Reise nach Japan im Mai 2024 gemeinsam mit der Handwerkskammer Chemnitz (HWK).", org)
    assert {s for (s, _) in both} == {"org:ihk-chemnitz", "org:hwk"}  # "gemeinsam mit": both organize
    # the talks on the trip's programme are organized, not the trip; support is not organizing
    assert pairs("Auf dem Programm der Reise nach Japan im Mai 2024 stehen Fachgespräche, organisiert von der IHK Chemnitz.", org) == set()
    assert pairs("Das Forum im Mai 2024 wurde mit Unterstützung der IHK Chemnitz durchgeführt.", org) == set()
    # a body visited that offers something in a clause of its own organizes nothing
    assert pairs("Die Delegation aus Sachsen besucht im Mai 2024 in Hanoi die Kellbrand GmbH, die dort Schweißroboter "
                 "verkauft und Kurse bietet.", org) == set()


def test_the_person_the_sentence_makes_the_visitor_visits_too():
    text = ("Gouverneurin Anna Lindqvist reist im Mai 2024 mit einer Delegation nach Sachsen. "
            "Lindqvist besucht dort die Kellbrand GmbH in Chemnitz.")
    assert ("person:anna-lindqvist", "company:kellbrand") in pairs(text, "VISITED")
    # a delegation visits: no person is the visitor
    text = "Eine Delegation aus Ohio reist im Mai 2024 nach Sachsen und besucht die Kellbrand GmbH."
    assert not [s for (s, _) in pairs(text, "VISITED") if s.startswith("person:")]


def test_a_reception_is_an_event_and_taking_part_is_read_in_a_later_sentence():
    text = ("Die Landesregierung gab am 5. Mai 2024 in Schwerin einen Empfang für die Delegation aus Vietnam. "
            "Daran nahmen auch Staatssekretärin Dr. Lena Hartwig und der Generalkonsul Tran Van Minh teil.")
    x = _x(text)
    kinds = {n.properties["kind"] for n in x.batch.nodes if n.type == "Event"}
    assert "meeting" in kinds
    took_part = {e.source for e in x.batch.edges if e.type == "PARTICIPATED_IN"}
    assert "person:lena-hartwig" in took_part


# ------------------------------------------------------------------ investments


def test_a_company_building_a_site_in_a_named_place_invested_there():
    invested = "INVESTED_IN"
    a = pairs("Voltaris GmbH, a maker of power chips, is building its second plant in Chemnitz.", invested)
    assert a == {("company:voltaris", "region:de-chemnitz")}
    b = pairs("Die Nordlicht GmbH eröffnete im März 2024 ein Werk in Rostock.", invested)
    assert b == {("company:nordlicht", "region:de-rostock")}
    # a company merely named next to a place, without building or investing, invested in nothing
    assert pairs("Die Nordlicht GmbH in Rostock stellte auf der Messe aus.", invested) == set()
    # the site and its verb after the place, in the company's planned action
    c = pairs("Der Zulieferer Nordlicht GmbH plant, am Flughafen in Rostock eine Batterie-Fabrik zu errichten.", invested)
    assert c == {("company:nordlicht", "region:de-rostock")}
    assert pairs("Die Nordlicht GmbH hat in Rostock ihre Bilanz vorgestellt, und die Stadt baut eine Schule.", invested) == set()


def test_a_persons_party_in_brackets_and_plural_deals_without_a_party_make_no_agreement():
    text = "Auf der Reise mit Wirtschaftsminister Otto Brennecke (FDP) nach Chile schlossen Firmen aus Kiel Liefervereinbarungen ab."
    x = _x(text)
    assert not [n for n in x.batch.nodes if n.type == "Agreement"]
    assert not [e for e in x.batch.edges if e.type in (PARTY, SIGNED, ROLE)]


def test_the_topics_of_a_trips_programme_and_of_its_stops_belong_to_the_trip_not_to_a_later_event():
    text = ("Wirtschaftsminister Otto Brennecke reist im Mai 2024 mit einer Delegation nach Japan und Vietnam. "
            "Am 3. Mai eröffnet er in Tokio ein Symposium zur Robotik. "
            "Auf dem Programm des Ministers stehen außerdem Gespräche zu Smart Mobility, zur Logistik und Batterien. "
            "In Vietnam liegt der Fokus auf Wasserstoff.")
    x = _x(text, "2024-04-06")
    kind = {n.id: n.properties.get("kind") for n in x.batch.nodes if n.type == "Event"}
    focus: dict[str, set] = {}
    for e in x.batch.edges:
        if e.type == "FOCUSES_ON" and e.source in kind:
            focus.setdefault(kind[e.source], set()).add(e.target)
    trip = focus.get("delegation_visit", set()) | focus.get("trip", set())
    assert {"topic:smart-mobility", "topic:logistics", "topic:batteries", "topic:hydrogen"} <= trip
    assert focus.get("symposium") == {"topic:robotics"}
    # a sentence about a place the trip does not go to says nothing about the trip
    other = text.replace("In Vietnam liegt", "In Chile liegt")
    y = _x(other, "2024-04-06")
    assert ("topic:hydrogen" not in {e.target for e in y.batch.edges if e.type == "FOCUSES_ON"})


def test_bodies_that_belong_to_a_delegation_take_part_in_it_and_are_not_visited():
    text = ("Eine Wirtschaftsdelegation aus Sachsen besucht im Mai 2024 Hanoi. "
            "Zur Delegation gehören zwölf Unternehmer sowie Vertreter der Wirtschaftsförderung Sachsen GmbH (WFS).")
    assert "org:wfs" in {s for (s, _) in pairs(text, "PARTICIPATED_IN")}
    assert "org:wfs" not in {t for (_, t) in pairs(text, "VISITED")}


def test_a_body_described_as_a_network_of_a_field_and_an_elided_topic_are_what_it_works_on():
    focus = pairs("Der Nordwerk e. V. ist mit rund 80 Mitgliedern eines der größten Robotik- und KI-Netzwerke im Norden.", "FOCUSES_ON")
    assert focus == {("org:nordwerk", "topic:robotics")}
    # a body merely named before a field, without being described as its network, works on nothing
    assert pairs("Der Nordwerk e. V. ist Gastgeber einer Tagung, die Robotik zeigt.", "FOCUSES_ON") == set()
    # "Neuromorphes bzw. Edge Computing": both kinds of computing
    focus = pairs("Der thematische Fokus des Nordwerk e. V. liegt auf Robotik, Neuromorphes bzw. Edge Computing.", "FOCUSES_ON")
    assert {t for (_, t) in focus} == {"topic:robotics", "topic:neuromorphic-computing", "topic:edge-computing"}


def test_a_body_of_the_travellers_own_state_met_abroad_is_not_visited():
    text = ("Eine sächsische Wirtschaftsdelegation besucht im Mai 2024 Vietnam. "
            "Bei einem Treffen mit der Handelskammer in Hanoi wurde vereinbart, dass die Wirtschaftsförderung Sachsen GmbH (WFS) "
            "und die Kammer enger zusammenarbeiten.")
    visited = {t for (_, t) in pairs(text, "VISITED")}
    assert "region:vn" in visited and "org:wfs" not in visited
    # a visit from abroad to the same state does visit its body
    text = ("Eine Wirtschaftsdelegation aus Vietnam besucht im Mai 2024 Sachsen. "
            "Bei einem Treffen mit der Wirtschaftsförderung Sachsen GmbH (WFS) in Dresden ging es um Batterien.")
    assert "org:wfs" in {t for (_, t) in pairs(text, "VISITED")}


def test_the_cooperation_with_a_party_of_the_agreement_names_what_the_agreement_is_about():
    text = ("Die Wirtschaftsförderung Sachsen GmbH (WFS) und VIETRADE unterzeichneten am 2. Mai 2024 eine Absichtserklärung. "
            "Durch die Zusammenarbeit mit VIETRADE sollen neue Projekte in Branchen wie der Logistik entstehen.")
    x = _x(text)
    agreements = {n.id for n in x.batch.nodes if n.type == "Agreement"}
    focus = {(e.source, e.target) for e in x.batch.edges if e.type == "FOCUSES_ON"}
    assert len(agreements) == 1 and focus == {(next(iter(agreements)), "topic:logistics")}
    # cooperation with a body that is no party of the agreement says nothing about it
    other = text.replace("Zusammenarbeit mit VIETRADE", "Zusammenarbeit mit JETRO")
    y = _x(other)
    assert not [e for e in y.batch.edges if e.type == "FOCUSES_ON"]


def test_the_fields_a_state_will_show_at_the_trips_destinations_are_the_trips_topics():
    text = ("Der sächsische Wirtschaftsminister Otto Brennecke reist im Mai 2024 mit einer Delegation nach Japan. "
            "Vor allem in den Bereichen Robotik und Batterien will Sachsen seine Stärken in Japan zeigen.")
    x = _x(text, "2024-04-06")
    events = set(_events(x))
    focus = {(e.source, e.target) for e in x.batch.edges if e.type == "FOCUSES_ON"}
    assert {("region:de-sn", "topic:robotics"), ("region:de-sn", "topic:batteries")} <= focus
    assert {t for (s, t) in focus if s in events} == {"topic:robotics", "topic:batteries"}
    # the same fields shown somewhere the trip does not go are the state's, not the trip's
    y = _x(text.replace("Stärken in Japan", "Stärken in Kanada"), "2024-04-06")
    ev_y = set(_events(y))
    assert not [e for e in y.batch.edges if e.type == "FOCUSES_ON" and e.source in ev_y]


# ------------------------------------------------------------------ issue 10: places, investors


def test_a_place_opening_an_agreement_sentence_is_not_a_party():
    for text in ("In Kassel, a letter of intent between Hesse and Ohio was signed on 4 June 2024.",
                 "In Kassel wurde am 4. Juni 2024 eine Absichtserklärung zwischen den Ländern Hessen und Ohio unterzeichnet."):
        parties = {s for (s, _) in pairs(text, PARTY, published="2024-06-05")}
        assert parties == {"region:de-he", "region:us-oh"}, text


def test_investors_named_as_companies_or_as_countries_invest_in_the_place_the_sentence_names():
    invested = "INVESTED_IN"
    a = pairs("Die Investitionsentscheidungen von Voltaris GmbH und Kestrel AG stärken den Standort Thüringen.", invested)
    assert a == {("company:voltaris", "region:de-th"), ("company:kestrel", "region:de-th")}
    b = pairs("Firmen aus Japan und Vietnam zählen seit Jahren zu den größten Investoren in Niedersachsen.", invested)
    assert b == {("region:jp", "region:de-ni"), ("region:vn", "region:de-ni")}
    # of two nested places the narrower one
    c = pairs("Japanische Direktinvestitionen in Deutschland fließen vor allem nach Bayern.", invested)
    assert c == {("region:jp", "region:de-by")}
    # investors without a place, or a place that is only where they come from: nothing
    assert pairs("Investoren aus Japan zeigten auf der Messe großes Interesse.", invested) == set()


def test_a_body_named_for_its_country_a_postal_address_and_a_named_seat_are_seats():
    a = pairs("Vertreter des Korea Institute of Marine Science besuchten die Werft.", LOCATED)
    assert ("region:kr" in {t for (_, t) in a})
    text = ("Pressestelle\n\nLandesagentur für Küstenschutz (LAKS)\n\nHafenstraße 12\n\n18055 Rostock\n\n"
            "Die LAKS berät Gemeinden an der Ostsee.")
    b = pairs(text, LOCATED)
    assert ("org:laks", "region:de-rostock") in b
    c = pairs("Dr. Jonas Albrecht, Präsident der HTAI, empfing die Gäste in Wiesbaden.", LOCATED)
    assert ("org:htai", "region:de-wiesbaden") in c
    # a meeting in the town is the meeting's place, not a seat the text states
    d = pairs("Die Hessen Trade & Invest GmbH lud zu einem Workshop in Wiesbaden ein.", LOCATED)
    assert ("org:htai", "region:de-wiesbaden") not in d


# ------------------------------------------------------------------ issue 10: events and visits


def test_a_place_opening_the_sentence_is_where_its_event_is_and_a_stop_of_the_trip():
    text = ("Wirtschaftsministerin Dr. Hanna Vogt reist vom 3. bis 9. Juni 2024 mit einer Delegation nach Japan. "
            "In Osaka eröffnet sie dort ein Forum zur Wasserstoffwirtschaft. "
            "Zum Abschluss des Deutsch-Japanischen Batterie-Symposiums in Yokohama spricht sie über Lieferketten.")
    x = _x(text)
    ev = _events(x)
    located = {(e.source, e.target) for e in x.batch.edges if e.type == "LOCATED_IN" and e.source in ev}
    assert "region:jp-27" in {t for (_, t) in located}  # Osaka
    trip = next(i for i, n in ev.items() if n.properties.get("kind") == "delegation_visit")
    visited = {e.target for e in x.batch.edges if e.type == "VISITED" and e.source == trip}
    assert {"region:jp-27", "region:jp-yokohama"} <= visited, visited


def test_earlier_visits_of_a_person_in_a_relative_clause():
    text = ("Ministerpräsident Karl Brandt reist im Juni 2024 nach Vietnam und Indonesien. "
            "In Vietnam, das der Ministerpräsident bereits 2019 besucht hat, stehen Gespräche an. "
            "Seine Stationen in Indonesien, wohin er 2016 gereist ist, sind Jakarta und Surabaya.")
    visited = pairs(text, "VISITED")
    assert ("person:karl-brandt", "region:vn") in visited
    assert ("person:karl-brandt", "region:id") in visited


def test_a_trip_registered_at_a_body_visits_it_and_a_person_named_during_the_visit_takes_part():
    text = ("Für den Herbst hat die Stadt Da Nang eine Delegationsreise beim Verband Photonik Thüringen e. V. angemeldet. "
            "Das sei ein gutes Zeichen, wie Geschäftsführerin Dr. Ines Kahl im Zuge des Delegationsbesuches sagte.")
    x = _x(text)
    visited = {e.target for e in x.batch.edges if e.type == "VISITED"}
    assert any(v.startswith("org:") for v in visited), visited
    took_part = {e.source for e in x.batch.edges if e.type == "PARTICIPATED_IN"}
    assert "person:ines-kahl" in took_part


def test_a_continued_workshop_shares_topics_and_organizer_and_a_chair_holds_a_role_at_the_event():
    text = ("Die LEG Thüringen lädt im Mai 2024 zu einem Workshop zum Thema Photonik ein, der die Fortsetzung eines "
            "Online-Workshops ist, den die LEG Thüringen im Januar organisiert hat.\n\n"
            "Geplant ist auch ein Termin beim Deutsch-Japanischen Forum, dessen Ko-Vorsitz Dr. Ines Kahl innehat.")
    x = _x(text)
    ev = _events(x)
    workshops = {i for i, n in ev.items() if n.properties.get("kind") == "workshop"}
    assert len(workshops) == 2  # the continued one is another workshop
    focus = {(e.source, e.target) for e in x.batch.edges if e.type == "FOCUSES_ON" and e.source in ev}
    assert {(w, "topic:photonics") for w in workshops} <= focus
    roles = {(e.source, e.target) for e in x.batch.edges if e.type == "HOLDS_ROLE_AT"}
    forum = next(i for i, n in ev.items() if n.properties.get("kind") == "forum")
    assert ("person:ines-kahl", forum) in roles


def test_the_field_named_before_is_the_topic_of_an_event_in_this_field():
    text = ("Baden-Württemberg ist in der Photonik führend. "
            "Bereits im März konnten sich Firmen in einem Webinar über Chancen in diesem Bereich informieren.")
    x = _x(text)
    ev = set(_events(x))
    focus = {e.target for e in x.batch.edges if e.type == "FOCUSES_ON" and e.source in ev}
    assert "topic:photonics" in focus


def test_a_project_taking_place_is_an_event_with_its_funder_fields_and_the_regions_of_its_companies():
    text = ("So stellen thüringische und vietnamesische Firmen aus den Branchen Optik und Logistik im Rahmen eines "
            "morgen stattfindenden Partner-Projekts zur Elektromobilität ihre Produkte vor.\n\n"
            "Das Projekt wird vom Thüringer Ministerium für Wirtschaft, Wissenschaft und Digitale Gesellschaft (TMWWDG) finanziert.")
    x = _x(text)
    ev = _events(x)
    project = next(i for i, n in ev.items() if n.properties.get("kind") == "project")
    focus = {e.target for e in x.batch.edges if e.type == "FOCUSES_ON" and e.source == project}
    assert {"topic:photonics", "topic:logistics", "topic:electromobility"} <= focus
    took_part = {e.source for e in x.batch.edges if e.type == "PARTICIPATED_IN" and e.target == project}
    assert {"region:de-th", "region:vn"} <= took_part
    funded = {(e.source, e.target) for e in x.batch.edges if e.type == "FUNDED"}
    assert len(funded) == 1 and next(iter(funded))[1] == project
    # a project that is only named, not said to take place, is no event
    y = _x("Das Land hat ein nationales Metaverse-Projekt gestartet.")
    assert not [n for n in y.batch.nodes if n.type == "Event"]


def test_a_sentence_broken_by_a_stray_paragraph_break_after_a_hyphen_is_one_sentence():
    from loaders.text.sentences import split_sentences
    text = "Firmen aus dem Maschinen-\n\nund Anlagenbau stellen aus.\n\nEin neuer Absatz."
    ss = split_sentences(text)
    assert [s.text.split()[0] for s in ss] == ["Firmen", "Ein"]
    assert all(text[s.start:s.end] == s.text for s in ss)
    # a hyphen before a paragraph that starts a new sentence still ends the paragraph
    assert len(split_sentences("Siehe auch: Nord-\n\nDie Agentur berichtet.")) == 2


def test_a_meeting_its_hosts_who_invited_and_the_persons_who_welcomed_the_guests():
    text = ("Zum 5. Mal haben das Thüringer Wirtschaftsministerium und die LEG Thüringen zum Annual Meeting Vietnam "
            "in Erfurt eingeladen. Rund 40 Gäste nahmen an der Veranstaltung teil. "
            "Staatssekretärin Dr. Lena Hartwig begrüßte die Gäste zum Jubiläum des Wirtschaftstreffs.")
    x = _x(text)
    ev = [n for n in x.batch.nodes if n.type == "Event"]
    assert len(ev) == 1 and ev[0].properties.get("kind") == "meeting"  # "an der Veranstaltung" is the same one
    organized = {e.source for e in x.batch.edges if e.type == "ORGANIZED"}
    assert "org:leg-th" in organized
    took_part = {e.source for e in x.batch.edges if e.type == "PARTICIPATED_IN"}
    assert "person:lena-hartwig" in took_part
    # a guest who was invited is no host
    y = _x("Die LEG Thüringen war zum Annual Meeting Vietnam in Erfurt eingeladen.")
    assert not [e for e in y.batch.edges if e.type == "ORGANIZED"]


def test_the_same_applies_to_continues_the_topics_of_the_sentence_before():
    text = ("Ministerin Dr. Hanna Vogt reist im Juni 2024 mit einer Delegation nach Japan. "
            "Im Mittelpunkt der Reise steht die Photonik. "
            "Das gilt zum Beispiel auch für die Quantentechnologie.")
    x = _x(text)
    trip = next(n.id for n in x.batch.nodes if n.type == "Event")
    focus = {e.target for e in x.batch.edges if e.type == "FOCUSES_ON" and e.source == trip}
    assert {"topic:photonics", "topic:quantum-technology"} <= focus


def test_travellers_who_accompany_the_trip_and_an_explicit_list_of_visited_states():
    text = ("Wirtschaftsminister Otto Brennecke ist von seiner Reise nach Südamerika zurückgekehrt. "
            "Unternehmer, die mit ihm im Mai nach Peru und Chile gereist waren und ihn begleitet hatten, fanden Partner.")
    trip_visits = {t for (s, t) in pairs(text, "VISITED") if s.startswith("event:")}
    assert {"region:pe", "region:cl"} <= trip_visits
    en = ("Governor Fiona Calder of Ohio is leading a trade mission to Germany in June 2024. "
          "The delegation will visit Bavaria, Hesse and Saxony.")
    assert {"region:de-by", "region:de-he", "region:de-sn"} <= {t for (_, t) in pairs(en, "VISITED")}


def test_a_region_that_sends_a_delegation_takes_part_and_a_regions_field_in_a_reported_clause():
    text = "Für den Herbst hat die Hafenstadt Da Nang eine Delegationsreise nach Thüringen angemeldet."
    assert ("region:vn-da-nang" in {s for (s, _) in pairs(text, "PARTICIPATED_IN")}) or any(
        s.startswith("region:vn") for (s, _) in pairs(text, "PARTICIPATED_IN"))
    # a place the trip goes to does not send it
    assert not {s for (s, _) in pairs("Die Firmen planen im Herbst in Thüringen eine Delegationsreise.", "PARTICIPATED_IN") if s.startswith("region:")}
    said = ("Zum Auftakt des Deutsch-Japanischen Batterie-Forums in Osaka sagte Ministerin Dr. Hanna Vogt, "
            "dass Thüringen in der Photonik zu den führenden Standorten gehöre.")
    assert ("region:de-th", "topic:photonics") in pairs(said, "FOCUSES_ON")
