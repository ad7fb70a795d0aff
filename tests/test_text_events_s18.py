"""Events family, session 18: sentence shapes of visits, receptions, delegations and named fairs
and conferences (sentences written for these tests; invented people and firms)."""

from __future__ import annotations

from loaders.text import extract

PART, VISITED, LOCATED = "PARTICIPATED_IN", "VISITED", "LOCATED_IN"


def _x(text, language=None):
    return extract(text, doc_id="doc:events-s18", published="2024-05-06", reference=False, language=language)


def _events(x):
    return {n.id: n for n in x.batch.nodes if n.type == "Event"}


def _pairs(x, type_):
    return {(e.source, e.target) for e in x.batch.edges if e.type == type_}


def _names(x):
    return {n.id: " ".join(n.name.values()) for n in x.batch.nodes}


# ------------------------------------------------------------------ named fairs and conferences

def test_a_fair_named_after_its_word_is_an_event_and_its_visitor_takes_part():
    x = _x("Gouverneur Daniel Hartley besucht die Fachmesse Agrifuture in Hannover.")
    evs = _events(x)
    assert len(evs) == 1
    ev = next(iter(evs))
    assert "Agrifuture" in _names(x)[ev]
    assert ("person:daniel-hartley", ev) in _pairs(x, PART)


def test_an_english_trade_show_with_a_proper_name_before_it_is_an_event():
    x = _x("The delegation will then visit the Farmtech Machinery Trade Show in Lower Saxony.", language="en")
    names = [_names(x)[e] for e in _events(x)]
    assert any("Farmtech Machinery Trade Show" in n for n in names)


def test_a_generic_fair_or_a_press_conference_is_no_event():
    x = _x("Auf der Messe zeigten viele Firmen ihre Produkte. Am Nachmittag gab es eine Pressekonferenz im Rathaus.")
    assert _events(x) == {}
    x = _x("The minister answered questions at a press conference in Berlin.", language="en")
    assert _events(x) == {}


def test_a_conference_with_a_quoted_title_is_an_event():
    x = _x('Im Mittelpunkt stand die Konferenz "Grüne Häfen der Zukunft" mit Gästen aus Polen.')
    names = [_names(x)[e] for e in _events(x)]
    assert any("Grüne Häfen der Zukunft" in n for n in names)


def test_state_days_named_with_a_hyphen_are_an_event():
    x = _x("Ministerpräsident Jonas Weller besuchte anlässlich der Thüringen-Tage die Partnerregion.")
    evs = _events(x)
    assert len(evs) == 1
    ev = next(iter(evs))
    assert "Thüringen-Tage" in _names(x)[ev]
    assert ("person:jonas-weller", ev) in _pairs(x, PART)


def test_a_named_english_event_and_its_speaker():
    x = _x("Trade is growing fast, Deputy Minister Harold Quint said on Monday at a Canada Day event in Munich.", language="en")
    evs = _events(x)
    assert len(evs) == 1
    ev = next(iter(evs))
    assert "Canada Day event" in _names(x)[ev]
    assert ("person:harold-quint", ev) in _pairs(x, PART)


def test_a_visite_is_a_trip():
    x = _x("Ministerin Paula Rendel sprach zum Abschluss einer dreitägigen Visite in Kanada.")
    evs = _events(x)
    assert len(evs) == 1
    assert ("region:ca" in {t for (_, t) in _pairs(x, VISITED)})


# ------------------------------------------------------------------ travelling with a delegation

def test_the_person_who_arrives_with_a_delegation_takes_part_and_visits():
    x = _x("Mit großer Delegation ist Ministerpräsident Jonas Weller in Ohio eingetroffen.")
    evs = _events(x)
    assert len(evs) == 1
    ev = next(iter(evs))
    assert ("person:jonas-weller", ev) in _pairs(x, PART)
    assert ("person:jonas-weller", "region:us-oh") in _pairs(x, VISITED)
    assert (ev, "region:us-oh") in _pairs(x, VISITED)


def test_english_subject_travelling_with_a_business_delegation_takes_part():
    x = _x("Next month Premier Alice Norcott plans to visit Bavaria together with a business delegation.", language="en")
    ev = next(iter(_events(x)))
    assert ("person:alice-norcott", ev) in _pairs(x, PART)


def test_the_host_who_meets_with_a_delegation_does_not_take_part():
    x = _x("Mayor Chen Liwei met with the delegation from Hesse and showed them the port.", language="en")
    assert not any(s == "person:chen-liwei" for (s, _) in _pairs(x, PART))


def test_companions_named_after_begleitet_von_take_part_without_being_heads():
    x = _x("Ministerpräsident Jonas Weller reist mit einer Delegation nach Kanada. Er wird begleitet von "
           "Wirtschaftsministerin Paula Rendel und Staatssekretär Udo Brandt.")
    ev = next(iter(_events(x)))
    part = _pairs(x, PART)
    for p in ("person:jonas-weller", "person:paula-rendel", "person:udo-brandt"):
        assert (p, ev) in part
    roles = {e.properties.get("role") for e in x.batch.edges if e.type == PART and e.source == "person:udo-brandt"}
    assert "head of delegation" not in roles


def test_companions_of_a_named_event_visit_take_part_and_the_delegation_is_the_same_event():
    x = _x("Ministerpräsident Jonas Weller besuchte anlässlich der Thüringen-Tage die Partnerregion. "
           "Er wurde begleitet von Ministerin Paula Rendel. Auch Udo Brandt war Mitglied der Delegation.")
    evs = _events(x)
    assert len(evs) == 1
    ev = next(iter(evs))
    assert ("person:paula-rendel", ev) in _pairs(x, PART)


# ------------------------------------------------------------------ office words and receptions

def test_an_office_word_stands_for_its_holder():
    x = _x("Die Gouverneurin von Ohio, Linda Parks, ist in Hessen. Die Gouverneurin ist mit einer Delegation "
           "aus Unternehmern in Hessen zu Gast.")
    ev = next(iter(_events(x)))
    assert ("person:linda-parks", ev) in _pairs(x, PART)
    assert (ev, "region:de-he") in _pairs(x, VISITED)


def test_the_guest_of_a_reception_visits_the_body_and_both_take_part():
    x = _x("Der Botschafter Kanadas, Herr Mark Tilden, wurde heute von Ministerpräsidentin Paula Rendel in der "
           "Staatskanzlei zum Antrittsbesuch empfangen.")
    ev = next(iter(_events(x)))
    part = _pairs(x, PART)
    assert ("person:mark-tilden", ev) in part and ("person:paula-rendel", ev) in part
    assert ("person:mark-tilden", "org:staatskanzlei") in _pairs(x, VISITED)
    assert ("person:paula-rendel", "org:staatskanzlei") not in _pairs(x, VISITED)


def test_the_active_reception_the_guest_is_the_second_person():
    x = _x("Ministerpräsident Jonas Weller hat den Gouverneur von Ohio, Tom Hadley, in der Staatskanzlei empfangen.")
    vis = _pairs(x, VISITED)
    assert ("person:tom-hadley", "org:staatskanzlei") in vis
    assert ("person:jonas-weller", "org:staatskanzlei") not in vis


def test_a_person_visits_the_companies_the_verb_names():
    x = _x("Gouverneur Tom Hadley besucht die Messe Agrifuture in Hannover und den Sitz der Firma Brinkmann Solar GmbH in Celle.")
    vis = _pairs(x, VISITED)
    assert any(s == "person:tom-hadley" and t.startswith("company:brinkmann") for (s, t) in vis)
    assert not any(s == "person:tom-hadley" and t.startswith("region:") for (s, t) in vis)


# ------------------------------------------------------------------ during a trip, earlier trips

def test_gov_abbreviation_does_not_end_the_sentence_and_during_his_trip_takes_part():
    x = _x("During his trip to Canada, Ohio Gov. Tom Hadley signed a memorandum on hydrogen.", language="en")
    ev = next(iter(_events(x)))
    assert ("person:tom-hadley", ev) in _pairs(x, PART)


def test_the_speaker_at_the_end_of_a_visit_takes_part():
    x = _x("„Das ist ein guter Anfang“, sagte Ministerin Paula Rendel zum Abschluss einer viertägigen Reise nach Chile.")
    ev = next(iter(_events(x)))
    assert ("person:paula-rendel", ev) in _pairs(x, PART)


def test_an_earlier_visit_in_the_pluperfect_is_not_the_trip():
    x = _x("Ministerin Paula Rendel reiste mit einer Delegation nach Chile. "
           "Im Mai hatte eine Delegation der Handelskammer Hamburg und im Juni Minister Udo Brandt das Land besucht.")
    evs = _events(x)
    assert len(evs) == 1
    ev = next(iter(evs))
    part = _pairs(x, PART)
    assert ("person:paula-rendel", ev) in part
    assert ("person:udo-brandt", ev) not in part
    assert not any(s.startswith("org:") for (s, e) in part if e == ev)


def test_a_company_in_a_where_clause_is_not_visited():
    x = _x("Ministerin Paula Rendel reiste mit einer Delegation nach Chile. Die Delegation besuchte den "
           "Technologiepark in Valparaíso, wo auch die Firma Andes Robotics S.A. ihren Sitz hat.")
    vis = _pairs(x, VISITED)
    assert any(t == "region:cl-vs" for (_, t) in vis)
    assert not any(t.startswith("company:") for (_, t) in vis)


def test_a_toured_company_is_visited():
    x = _x("Ministerin Paula Rendel reiste mit einer Delegation nach Chile. Die Delegation besichtigte "
           "die Firma Andes Robotics S.A. in Valparaíso.")
    vis = _pairs(x, VISITED)
    assert any(t.startswith("company:andes") for (_, t) in vis)


def test_a_compound_visit_word_names_the_place_visited():
    x = _x("Aus Sicht von Wirtschaftsministerin Paula Rendel ist der Chile-Besuch gut verlaufen.")
    evs = _events(x)
    assert len(evs) == 1
    ev = next(iter(evs))
    assert (ev, "region:cl") in _pairs(x, VISITED)


def test_a_compound_trip_of_others_to_another_place_adds_no_stop():
    x = _x("Ministerin Paula Rendel reiste mit einer Delegation nach Chile. Sie kritisierte die Japan-Reise des Landtags.")
    assert not any(t == "region:jp" for (_, t) in _pairs(x, VISITED))


def test_bodies_that_accompany_the_governor_take_part():
    x = _x("Officials from the Ohio Department of Agriculture will accompany Governor Tom Hadley and Ohio businesses "
           "on the trade mission to Canada.", language="en")
    ev = next(iter(_events(x)))
    part = _pairs(x, PART)
    assert ("person:tom-hadley", ev) in part
    assert ("org:ohio-department-of-agriculture", ev) in part


def test_announcement_in_a_city_as_part_of_a_trade_mission():
    x = _x("Premier Alice Norcott spoke in Munich, as part of a trade mission about wind energy.", language="en")
    ev = next(iter(_events(x)))
    assert ("person:alice-norcott", ev) in _pairs(x, PART)
    assert (ev, "region:de-muenchen") in _pairs(x, VISITED)


def test_speakers_named_before_the_event_take_part():
    x = _x("Staatssekretärin Paula Rendel betonte in ihrer Begrüßung die Bedeutung des Marktes. "
           "Generalkonsul Mark Tilden stellte in seiner Rede neue Programme vor. "
           "Auf der Veranstaltung wurden den Firmen Wege in den Markt gezeigt.")
    ev = next(iter(_events(x)))
    part = _pairs(x, PART)
    assert ("person:paula-rendel", ev) in part and ("person:mark-tilden", ev) in part


def test_took_part_in_a_named_summit():
    x = _x("Governor Tom Hadley took part in the Great Lakes Energy Summit in Toronto.", language="en")
    ev = next(iter(_events(x)))
    assert ("person:tom-hadley", ev) in _pairs(x, PART)


def test_the_leaders_of_a_mission_are_not_the_subject_of_its_visit():
    x = _x("A trade mission led by Governor Tom Hadley and Lt. Gov. Mary Quill will visit Bavaria in May.", language="en")
    ev = next(iter(_events(x)))
    part = _pairs(x, PART)
    assert ("person:tom-hadley", ev) in part and ("person:mary-quill", ev) in part
    assert (ev, "region:de-by") in _pairs(x, VISITED)
    assert not any(s.startswith("person:") for (s, _) in _pairs(x, VISITED))


def test_a_guest_in_the_state_chancellery_visits_it():
    x = _x("Gouverneur Tom Hadley war am Dienstag zu Gast in der Staatskanzlei in Mainz.")
    assert ("person:tom-hadley", "org:staatskanzlei") in _pairs(x, VISITED)


def test_the_contact_person_does_not_take_part():
    x = _x("Companies interested in taking part in the trade mission to Canada should contact Lisa Brandon.", language="en")
    assert not any(s == "person:lisa-brandon" for (s, _) in _pairs(x, PART))


def test_time_words_before_week_or_days_are_no_event_name():
    x = _x("Last Week the minister met investors in Toronto.", language="en")
    assert _events(x) == {}
    x = _x("Die Firma prüft die Vier-Tage-Woche für ihre Beschäftigten.")
    assert _events(x) == {}


# ------------------------------------------------------------------ hosts are not travellers

def test_inverted_begleitet_wird_with_bodies_among_the_companions():
    x = _x("Ministerpräsident Jonas Weller reist vom 3. bis 7. Mai nach Japan. Begleitet wird der Ministerpräsident "
           "von Wirtschaftsministerin Paula Rendel und Vertretern der IHK Hannover.")
    ev = next(iter(_events(x)))
    part = _pairs(x, PART)
    assert ("person:paula-rendel", ev) in part
    assert ("org:ihk-hannover", ev) in part


def test_the_governor_the_delegation_meets_is_no_traveller():
    x = _x("Ministerpräsident Jonas Weller reist mit einer Delegation nach Japan. Die Delegation besucht in Tokio "
           "das Unternehmen Sakura Robotics und trifft Gouverneur Kenji Tanaka.")
    ev = next(iter(_events(x)))
    part = _pairs(x, PART)
    assert ("person:jonas-weller", ev) in part
    assert ("person:kenji-tanaka", ev) not in part


def test_the_accusative_object_met_at_the_start_of_the_trip_is_no_traveller_but_the_subject_is():
    x = _x("Ministerpräsident Jonas Weller reist mit einer Delegation nach Japan. Zum Auftakt der Reise traf "
           "Paula Rendel in Tokio den Gouverneur Kenji Tanaka.")
    ev = next(iter(_events(x)))
    part = _pairs(x, PART)
    assert ("person:paula-rendel", ev) in part
    assert ("person:kenji-tanaka", ev) not in part


def test_the_host_who_receives_a_delegation_led_by_a_guest_is_not_its_head():
    x = _x("Ministerpräsident Jonas Weller empfing am Montag eine Delegation aus der Provinz Shandong unter Leitung "
           "von Vizegouverneur Li Wei in der Staatskanzlei.")
    ev = next(iter(_events(x)))
    part = _pairs(x, PART)
    assert ("person:li-wei", ev) in part
    assert ("person:jonas-weller", ev) not in part
    assert ("person:li-wei", "org:staatskanzlei") in _pairs(x, VISITED)


# ------------------------------------------------------------------ inaugural visits of envoys

def test_an_inaugural_visit_is_one_meeting_and_the_envoy_visits_what_he_is_shown():
    x = _x("Generalkonsul in Kanada zu Besuch. Bürgermeister Jonas Weller begrüßte den kanadischen Generalkonsul "
           "Mark Tilden zu dessen Antrittsbesuch im Rathaus Kiel. Es gab viel Gesprächsstoff für den Besuch in Kiel. "
           "Am Nachmittag besuchte der Generalkonsul die Firma Brinkmann Solar GmbH in Kiel.")
    evs = _events(x)
    assert len(evs) == 1
    ev = next(iter(evs))
    part = _pairs(x, PART)
    assert ("person:mark-tilden", ev) in part and ("person:jonas-weller", ev) in part
    vis = _pairs(x, VISITED)
    assert any(s == "person:mark-tilden" and t.startswith("company:brinkmann") for (s, t) in vis)
    assert not any(s == ev for (s, _) in vis)


def test_a_lunch_at_the_invitation_of_a_chamber_is_organized_by_it():
    x = _x("Auf Einladung der Handelskammer Hamburg kam der Botschafter zu einem Business-Lunch mit Firmenchefs.")
    evs = _events(x)
    assert len(evs) == 1
    ev = next(iter(evs))
    assert ("org:handelskammer-hamburg", ev) in _pairs(x, "ORGANIZED")


# ------------------------------------------------------------------ more travellers, fewer false stops

def test_bei_einer_reise_the_subject_takes_part_and_the_party_of_a_companion_does_not():
    x = _x("Ministerpräsident Jonas Weller (CDU) hat bei einer Reise nach Chile neue Projekte angeregt. "
           "Begleitet wurde er von Paula Rendel (SPD), der Ministerin für Internationales.")
    ev = next(iter(_events(x)))
    part = _pairs(x, PART)
    assert ("person:jonas-weller", ev) in part and ("person:paula-rendel", ev) in part
    assert not any(s.startswith("org:") for (s, e) in part if e == ev)


def test_together_with_the_minister_a_delegation_travels():
    x = _x("Gemeinsam mit Minister Jonas Weller will eine Thüringer Delegation die Kontakte nach Japan vertiefen.")
    ev = next(iter(_events(x)))
    assert ("person:jonas-weller", ev) in _pairs(x, PART)


def test_will_arrive_in_a_country_is_a_visit_of_the_person():
    x = _x("Premier Alice Norcott will arrive in Japan on Sunday, heading a delegation on a four-day visit, "
           "the Canadian Embassy said.", language="en")
    ev = next(iter(_events(x)))
    vis = _pairs(x, VISITED)
    assert ("person:alice-norcott", "region:jp") in vis
    assert not any(t.startswith("org:") for (s, t) in vis if s == ev)


def test_an_english_factory_plant_is_no_organizing_cue():
    x = _x("During the visit, Governor Tom Hadley will tour the battery plant of Brinkmann Solar GmbH in Ohio.", language="en")
    assert _pairs(x, "ORGANIZED") == set()
    assert any(t.startswith("company:brinkmann") for (_, t) in _pairs(x, VISITED))


def test_the_employer_of_a_person_met_is_not_visited():
    x = _x("Premier Alice Norcott travels to Japan. During the visit, she will meet with Sakura Robotics Ltd. "
           "Chairman Kenji Tanaka.", language="en")
    assert any(n.startswith("company:sakura") for n in _names(x))
    assert not any(t.startswith("company:sakura") for (_, t) in _pairs(x, VISITED))


def test_an_english_inaugural_visit_is_a_meeting_of_host_and_envoy():
    x = _x("Premier Jonas Weller received the Ambassador of Chile, Mark Tilden, for his inaugural visit to Hesse.", language="en")
    evs = _events(x)
    assert len(evs) == 1
    ev = next(iter(evs))
    part = _pairs(x, PART)
    assert ("person:jonas-weller", ev) in part and ("person:mark-tilden", ev) in part
    assert not any(s == ev for (s, _) in _pairs(x, VISITED))


def test_a_recalled_earlier_visit_is_the_persons_visit_not_an_event():
    x = _x("Premier Jonas Weller recalled his visit to Chile in 2014 and spoke about trade.", language="en")
    assert _events(x) == {}
    assert ("person:jonas-weller", "region:cl") in _pairs(x, VISITED)
    x = _x("Ministerpräsident Jonas Weller erinnerte an seinen Besuch in Chile im Jahr 2014.")
    assert _events(x) == {}
    assert ("person:jonas-weller", "region:cl") in _pairs(x, VISITED)


def test_a_compound_fair_or_festival_is_named_by_itself_but_a_generic_one_is_not():
    x = _x("Die Delegation besuchte die Optikmesse in Yokohama.")
    assert any("Optikmesse" in _names(x)[e] for e in _events(x))
    x = _x("Die Stadt Kiel und die Handelskammer Hamburg luden zum traditionellen Kirschblütenfest ein.")
    assert any("Kirschblütenfest" in _names(x)[e] for e in _events(x))
    x = _x("Auf der Fachmesse und beim Sommerfest der Firma gab es viele Gespräche.")
    assert _events(x) == {}


def test_a_named_week_in_lower_case_and_time_phrases_that_are_no_event():
    x = _x("In Kiel ist die Chile week gestartet. Staatsrätin Paula Rendel und der Botschafter Mark Tilden "
           "eröffneten gemeinsam die Veranstaltungswoche.")
    evs = _events(x)
    assert len(evs) == 1
    ev = next(iter(evs))
    assert "Chile week" in _names(x)[ev]
    part = _pairs(x, PART)
    assert ("person:paula-rendel", ev) in part and ("person:mark-tilden", ev) in part
    x = _x("One week later the minister flew home. Last week he met investors.", language="en")
    assert _events(x) == {}


def test_a_forum_word_inside_an_association_name_is_no_event_and_spellings_of_one_forum_merge():
    x = _x("Das Programm organisiert der Deutsch-Chilenische Kultur-Forum e.V. in Kiel.")
    assert _events(x) == {}
    x = _x("Das Deutsch-Chilenische Wirtschafts-Forum beginnt am Montag. Zum Deutsch-Chilenischen "
           "Wirtschaftsforum kommen 200 Gäste.")
    assert len(_events(x)) == 1


def test_those_named_at_an_inaugural_visit_take_part():
    x = _x("Zum Antrittsbesuch bei Landtagspräsidentin Paula Rendel hatten der chilenische Konsul Mark Tilden "
           "und seine Stellvertreterin Lisa Brandon gute Nachrichten dabei.")
    ev = next(iter(_events(x)))
    part = _pairs(x, PART)
    for p in ("person:mark-tilden", "person:lisa-brandon", "person:paula-rendel"):
        assert (p, ev) in part


def test_the_host_of_a_visiting_delegation_does_not_travel_with_it():
    x = _x("Morgen empfängt Ministerpräsidentin Petra Olandt im Gästehaus eine Delegation aus der Provinz Hebei. "
           "Die Delegation wird von Vizegouverneur Wang Lifeng geleitet.")
    participants = {s for s, _ in _pairs(x, "PARTICIPATED_IN")}
    assert "person:wang-lifeng" in participants, participants
    assert "person:petra-olandt" not in participants, participants


def test_the_person_a_host_stands_in_for_is_not_the_guest():
    x = _x("Minister Karl Brandt hat in Vertretung von Ministerpräsidentin Petra Olandt den Gouverneur der "
           "Provinz Hebei, Wang Lifeng, in der Staatskanzlei in Dresden empfangen.")
    visitors = {s for s, _ in _pairs(x, "VISITED")}
    assert "person:petra-olandt" not in visitors, visitors
    assert "person:wang-lifeng" in visitors, visitors


# ------------------------------------------------------------------ session 18, second round (ev2)

def test_the_guest_of_a_reception_for_his_visit_visits_the_place():
    x = _x("Premier Anna Kolberg received the Ambassador of Chile, Marco Vidal, for his inaugural visit to the "
           "State of Saxony.", language="en")
    visits = _pairs(x, VISITED)
    assert ("person:marco-vidal", "region:de-sn") in visits, visits
    assert ("person:anna-kolberg", "region:de-sn") not in visits, visits


def test_her_stay_names_the_place_the_subject_visits():
    x = _x("Zum Abschluss ihres Aufenthaltes in Bayern besuchte Botschafterin Elena Morales die Firma Kappler "
           "Solar GmbH in Augsburg.")
    assert ("person:elena-morales", "region:de-by") in _pairs(x, VISITED)


def test_a_host_welcoming_her_visit_does_not_visit():
    x = _x("Minister Carla Ruiz met Mayor Tom Berger during her visit to Hamburg. Mayor Tom Berger welcomed "
           "her visit to Hamburg.", language="en")
    visits = _pairs(x, VISITED)
    assert ("person:carla-ruiz", "region:de-hh") in visits, visits
    assert ("person:tom-berger", "region:de-hh") not in visits, visits


def test_a_delegation_from_abroad_visits_the_home_state_not_its_own_country():
    x = _x("Erfurt - Eine koreanische Delegation ist zu Besuch in Thüringen. Der Besuch der Delegation knüpft an die "
           "Reise von Ministerpräsident Karl Brandt nach Korea im Mai an.")
    evs = sorted(_events(x))
    assert len(evs) == 2, evs
    visits = _pairs(x, VISITED)
    part = _pairs(x, PART)
    dele = next(e for e in evs if (e, "region:de-th") in visits)
    trip = next(e for e in evs if e != dele)
    assert (dele, "region:kr") not in visits, visits
    assert (trip, "region:kr") in visits, visits
    assert ("person:karl-brandt", trip) in part and ("person:karl-brandt", dele) not in part, part


def test_the_host_who_will_receive_a_delegation_does_not_travel():
    x = _x("Ministerpräsidentin Petra Olandt wird am Dienstag eine zwölfköpfige Delegation aus der Provinz Hebei "
           "empfangen.")
    assert "person:petra-olandt" not in {s for s, _ in _pairs(x, PART)}


def test_planned_visits_and_places_on_the_programme_are_stops_of_the_trip():
    x = _x("Eine Delegation unter Leitung von Ministerin Karla Jensen reist am Montag nach Japan. Geplant sind "
           "Besuche in den Städten Sendai und Nagoya. Auch die Hafenstadt Kobe steht auf dem Programm. Auf dem "
           "Programm steht zudem ein Gespräch mit Unternehmern aus Vietnam.")
    ev = next(iter(_events(x)))
    visits = _pairs(x, VISITED)
    for place in ("region:jp", "region:jp-sendai", "region:jp-nagoya", "region:jp-kobe"):
        assert (ev, place) in visits, visits
    assert (ev, "region:vn") not in visits, visits


def test_a_delegation_does_not_visit_the_state_it_comes_from():
    x = _x("Governor Ana Ruiz will arrive in Chile on Monday for a three-day visit, accompanied by a delegation from "
           "Saxony. During the visit, Ruiz will meet with investors to discuss a new factory in Leipzig, the largest "
           "city of Saxony.", language="en")
    visits = _pairs(x, VISITED)
    evs = _events(x)
    assert any((e, "region:cl") in visits for e in evs), visits
    assert not any((e, "region:de-sn") in visits for e in evs), visits


def test_the_reception_after_a_named_festival_is_that_festival():
    x = _x("Die Wirtschaftsförderung Kiel empfing am Dienstag rund 150 Gäste aus Korea zum traditionellen "
           "Laternenfest. Der Empfang gilt als Zeichen der engen Beziehungen.")
    evs = _events(x)
    assert len(evs) == 1, evs
    assert "Laternenfest" in _names(x)[next(iter(evs))]


def test_the_hosts_who_welcome_the_guests_take_part():
    x = _x("Die Wirtschaftsförderung Kiel empfing am Dienstag rund 150 Gäste aus Korea zum traditionellen "
           "Laternenfest. Bürgermeisterin Jana Holt und Konsul Min-jun Park begrüßten die Gäste im Hafen.")
    ev = next(iter(_events(x)))
    part = _pairs(x, PART)
    assert ("person:jana-holt", ev) in part and ("person:min-jun-park", ev) in part, part


def test_a_lunch_after_an_inaugural_visit_is_another_meeting_with_its_own_host():
    x = _x("Ministerin Lara Vogt empfing den Konsul Ji-ho Han zum Antrittsbesuch in der Staatskanzlei. "
           "Auf Einladung der Handelskammer Kiel saß er außerdem bei einem Business-Lunch mit Firmenchefs.")
    evs = _events(x)
    assert len(evs) == 2, evs
    org = _pairs(x, "ORGANIZED")
    visit = next(e for e in evs if ("person:lara-vogt", e) in _pairs(x, PART))
    assert org and all(t != visit for _, t in org), (org, _names(x))


def test_the_bodies_that_receive_guests_at_a_named_festival_organize_it():
    x = _x("Die Landeshauptstadt Kiel und die Wirtschaftsförderung Kiel empfingen am Dienstag rund 150 Gäste "
           "aus Korea zum traditionellen Laternenfest.")
    org = {s for s, _ in _pairs(x, "ORGANIZED")}
    assert "region:de-kiel" in org and any(o.startswith("org:") for o in org), org


def test_regions_named_before_the_host_do_not_organize_the_reception():
    x = _x("To celebrate ten years of ties between Chile and Saxony, Governor Ana Ruiz welcomed Minister Karl "
           "Brandt at a reception in Santiago.", language="en")
    assert not _pairs(x, "ORGANIZED"), _pairs(x, "ORGANIZED")


def test_the_person_who_had_invited_to_a_reception_organizes_it():
    x = _x("Zum Jubiläum der Partnerschaft hatte Ministerpräsidentin Petra Olandt am Abend zu einem Empfang mit "
           "80 Gästen eingeladen.")
    ev = next(iter(_events(x)))
    assert ("person:petra-olandt", ev) in _pairs(x, "ORGANIZED")
    x = _x("Die Delegation wurde am Abend von Ministerin Petra Olandt zu einem Empfang eingeladen.")
    assert not _pairs(x, "ORGANIZED")


def test_the_person_who_extended_the_invitation_does_not_travel():
    x = _x("A delegation led by Governor Ana Ruiz accepted an invitation extended by Foreign Minister Tran Van Long "
           "and visited Vietnam.", language="en")
    part = {s for s, _ in _pairs(x, PART)}
    assert "person:ana-ruiz" in part and "person:tran-van-long" not in part, part


def test_the_parliament_that_only_describes_the_members_does_not_take_part():
    x = _x("Ministerpräsidentin Petra Olandt reist mit einer Delegation nach Chile. Der Delegation gehören Mitglieder "
           "der im Landtag vertretenen Fraktionen und der Handelskammer Kiel an.")
    part = {s for s, _ in _pairs(x, PART)}
    assert "org:handelskammer-kiel" in part, part
    assert not any("landtag" in p for p in part), part
