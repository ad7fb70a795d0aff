"""Events, visits and offices (session 19, round 2): abbreviated offices before a name ("Gov.", "Sec."), a state
in brackets after a town visited, the places inside a trip's purpose, "in coordination with" as co-organizing,
a person who kicks off a mission. Sentences written for these tests (invented people and bodies)."""

from __future__ import annotations

from loaders.text import extract


def _x(text, language=None):
    return extract(text, doc_id="doc:events-test", published="2024-05-06", reference=False, language=language)


def _node(x, t, name):
    return next(n.id for n in x.batch.nodes if n.type == t and name in n.name.values())


def _edges(x, t):
    return {(e.source, e.target) for e in x.batch.edges if e.type == t}


def _event(x):
    (ev,) = [n.id for n in x.batch.nodes if n.type == "Event"]
    return ev


def test_an_abbreviated_governor_before_the_name_holds_the_office_in_the_state_before_it():
    x = _x("Trade news. Local leaders greeted new Oregon Gov. Harold Wickett at the harbour.", "en")
    assert ("person:harold-wickett", "region:us-or") in _edges(x, "HOLDS_ROLE_AT")


def test_two_abbreviated_offices_joined_by_and_both_attend():
    x = _x("Spring fair. Gov. Harold Wickett and Sec. Lorna Pibbs attending Hannover Messe.", "en")
    fair = _event(x)
    got = _edges(x, "PARTICIPATED_IN")
    assert ("person:harold-wickett", fair) in got and ("person:lorna-pibbs", fair) in got


def test_a_state_in_brackets_after_a_town_is_no_stop_of_the_trip():
    x = _x("Bremen reist. Die Delegation hatte während der Reise Termine in Dayton (Ohio), Tulsa (Oklahoma) "
           "und Boston.", "de")
    trip = _event(x)
    got = {t for s, t in _edges(x, "VISITED") if s == trip}
    assert {"region:us-dayton", "region:us-tulsa"} <= got
    assert "region:us-oh" not in got and "region:us-ok" not in got


def test_a_place_inside_the_trips_purpose_is_not_visited():
    x = _x("Oregon news. A trade mission to Japan and Korea to attract new investment in Oregon, raise exports "
           "and meet buyers.", "en")
    trip = _event(x)
    got = {t for s, t in _edges(x, "VISITED") if s == trip}
    assert "region:jp" in got
    assert "region:us-or" not in got


def test_a_governor_kicking_off_a_mission_takes_part():
    x = _x("Oregon news. SALEM — Gov. Harold Wickett is kicking off a trade mission to Europe this week.", "en")
    assert ("person:harold-wickett", _event(x)) in _edges(x, "PARTICIPATED_IN")


def test_in_coordination_with_a_body_co_organizes_the_event():
    x = _x("The Blue Harbour Forum 2025 is held in coordination with the Fraunhofer Society in Boston.", "en")
    org = [s for s, t in _edges(x, "ORGANIZED")]
    assert org and all(s.startswith("org:") for s in org)


def test_a_compound_tour_is_a_trip_and_its_country_visited():
    x = _x("Sachsen wirbt. Auf Informationstour war im März 2019 in Norwegen der Minister Paul Quast.", "de")
    trip = _event(x)
    assert (trip, "region:no") in _edges(x, "VISITED")


def test_a_country_tour_is_a_trip():
    x = _x("Trade ties. Minister Paul Quast began his four-day Canadian tour in Toronto on Monday.", "en")
    assert [n for n in x.batch.nodes if n.type == "Event"]


def test_the_participants_in_several_towns_are_the_trips_stops():
    x = _x("Sachsen reist. Die Delegationsreise des Landes nach Kanada fand im Mai statt. Die 40 Teilnehmer "
           "verbrachten die Tage in Toronto, Ottawa und Montreal.", "de")
    trip = _event(x)
    got = {t for s, t in _edges(x, "VISITED") if s == trip}
    assert {"region:ca-toronto", "region:ca-ottawa", "region:ca-montreal"} <= got


def test_stopped_into_a_city_after_an_apposition_is_a_visit_of_the_person():
    x = _x("Ties grow. Minister Paul Quast, a member of the state cabinet, stopped into Denver in May to meet investors.", "en")
    assert ("person:paul-quast", "region:us-denver") in _edges(x, "VISITED")


def test_the_office_of_the_state_names_the_state_of_the_text():
    x = _x("Sachsen wirbt in Japan. Zu Gast in Tokio war der Ministerpräsident des Freistaates, Paul Quast.", "de")
    assert ("person:paul-quast", "region:de-sn") in _edges(x, "HOLDS_ROLE_AT")
    x = _x("Sachsen und Polen. Auch der Polen-Bevollmächtigte des Landes, Jan Wiese, ist dabei.", "de")
    assert ("person:jan-wiese", "region:de-sn") in _edges(x, "HOLDS_ROLE_AT")


def test_the_subject_of_a_travel_verb_visits_the_places_after_nach():
    x = _x("Sachsen reist. Mit einer großen Delegation startet Sachsens Ministerpräsident Paul Quast (CDU) am Montag "
           "zu einer Reise nach Peru und Chile.", "de")
    got = _edges(x, "VISITED")
    assert ("person:paul-quast", "region:pe") in got and ("person:paul-quast", "region:cl") in got


def test_the_subject_before_a_perfect_travel_verb_visits_the_place():
    x = _x("Sachsen reist. Staatssekretär Paul Quast ist am Sonntag mit zwölf Firmen nach Malaysia gereist.", "de")
    assert ("person:paul-quast", "region:my") in _edges(x, "VISITED")


def test_the_way_home_and_the_own_state_are_not_visited():
    x = _x("Sachsen reist. Staatssekretär Paul Quast reist am Freitag zurück nach Sachsen.", "de")
    assert not [e for e in _edges(x, "VISITED") if e[0] == "person:paul-quast"]


def test_an_english_subject_who_will_travel_to_two_countries_visits_both():
    x = _x("Oregon news. Gov. Harold Wickett will travel to Peru and Chile next month with a trade delegation.", "en")
    got = _edges(x, "VISITED")
    assert ("person:harold-wickett", "region:pe") in got and ("person:harold-wickett", "region:cl") in got


def test_the_persons_said_to_be_there_take_part_in_the_trip():
    x = _x("Sachsen reist. Ministerpräsident Paul Quast reist mit einer Delegation nach Prag. Begleitet wird er von "
           "Minister Jan Wiese. Auch Fraktionschef Otto Lenz und die Bevollmächtigte des Landes, Eva Kern, sind dabei.", "de")
    trip = _event(x)
    got = {s for s, t in _edges(x, "PARTICIPATED_IN") if t == trip}
    assert {"person:otto-lenz", "person:eva-kern", "person:paul-quast"} <= got


def test_the_persons_a_traveller_will_meet_at_the_clauses_end_are_hosts():
    x = _x("Sachsen reist. Am Montag, 3. Mai 2021, reist Ministerpräsident Paul Quast nach Lyon, wo er zunächst den "
           "Präfekten Marc Aubert und danach Präsident Luc Bernard treffen wird.", "de")
    trip = _event(x)
    got = {s for s, t in _edges(x, "PARTICIPATED_IN") if t == trip}
    assert "person:paul-quast" in got
    assert "person:marc-aubert" not in got and "person:luc-bernard" not in got
    assert ("person:paul-quast", "region:fr-lyon") in _edges(x, "VISITED")


def test_a_guest_welcomed_by_a_pronoun_host_visits_the_body_where_it_is_received():
    x = _x("Sachsen grüßt. Sie begrüßte den Generalkonsul von Peru, Dr. Jorge Ruiz, zum Antrittsbesuch in der "
           "sächsischen Staatskanzlei und dankte ihm.", "de")
    got = {t for s, t in _edges(x, "VISITED") if s == "person:jorge-ruiz"}
    assert got and all(t.startswith("org:") for t in got)


def test_a_delegation_from_abroad_visits_a_town_of_the_texts_state():
    x = _x("Bayern news. Minister Karl Obst received a delegation from Oregon led by Lt. Gov. Harold Wickett in "
           "Augsburg on Monday.", "en")
    trip = _event(x)
    assert (trip, "region:de-augsburg") in _edges(x, "VISITED")
    assert ("person:harold-wickett", trip) in _edges(x, "PARTICIPATED_IN")


def test_a_premier_who_will_visit_a_country_makes_a_trip_with_the_minister_accompanying():
    x = _x("Oregon news. Oregon Premier Lena Voss will visit Peru next week, accompanied by Minister Paul Gray.", "en")
    trip = _event(x)
    got = {s for s, t in _edges(x, "PARTICIPATED_IN") if t == trip}
    assert {"person:lena-voss", "person:paul-gray"} <= got
    assert (trip, "region:pe") in _edges(x, "VISITED")


def test_a_diplomats_excellency_between_the_country_and_the_name():
    x = _x("Schwerin grüßt. Ministerpräsident Paul Quast empfing die Botschafterin der Republik Estland I.E. Mari Tamm "
           "heute zu einem Antrittsbesuch in der Staatskanzlei.", "de")
    assert ("person:mari-tamm", "region:ee") in _edges(x, "HOLDS_ROLE_AT")
    x = _x("Schwerin grüßt. Ministerpräsident Paul Quast empfing den Botschafter von Estland, S.E. Jaan Tamm, in der "
           "Staatskanzlei.", "de")
    assert ("person:jaan-tamm", "region:ee") in _edges(x, "HOLDS_ROLE_AT")


def test_a_video_call_with_a_minister_is_a_meeting_of_both_without_a_place():
    x = _x("Oslo office. The plan was announced by Prime Minister Karl Obst on Friday in Munich after a video call "
           "with Norwegian Trade Minister Jan Berg.", "en")
    ev = _event(x)
    got = {s for s, t in _edges(x, "PARTICIPATED_IN") if t == ev}
    assert {"person:karl-obst", "person:jan-berg"} <= got
    assert not [e for e in _edges(x, "LOCATED_IN") if e[0] == ev]


def test_a_possessive_meeting_with_a_partner_adds_no_participants():
    x = _x("Roadshow news. A highlight was Karl Obst's meeting with Jan Berg, State Secretary, on solar power.", "en")
    assert not _edges(x, "PARTICIPATED_IN")


def test_coming_back_from_a_trip_from_a_country_took_part_and_the_trip_went_there():
    x = _x("Bremen reist. Zufrieden ist der Senator für Häfen, Paul Quast, von einer Delegationsreise aus Peru "
           "zurückgekehrt.", "de")
    trip = _event(x)
    assert ("person:paul-quast", trip) in _edges(x, "PARTICIPATED_IN")
    assert (trip, "region:pe") in _edges(x, "VISITED")
