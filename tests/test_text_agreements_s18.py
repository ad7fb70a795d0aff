"""Agreements in the general shapes of press releases (session 18): the other side after 'with' / 'mit',
signers 'für' / 'on behalf of' a party, planned signings, several agreements in one text, agreements
signed long ago, alliances entered into. Sentences written for these tests (invented people)."""

from __future__ import annotations

from loaders.text import extract

PARTY, SIGNED, ROLE = "PARTY_TO", "SIGNED", "HOLDS_ROLE_AT"


def _x(text, language=None):
    return extract(text, doc_id="doc:agreements-test", published="2024-05-06", reference=False, language=language)


def _agreements(x):
    """Agreement nodes in the order the text names them."""
    return [n for n in x.batch.nodes if n.type == "Agreement"]


def _parties(x, aid):
    return {e.source for e in x.batch.edges if e.type == PARTY and e.target == aid}


def _signed(x):
    return {e.source: e.properties.get("on_behalf_of") for e in x.batch.edges if e.type == SIGNED}


def _roles(x):
    return {(e.source, e.target) for e in x.batch.edges if e.type == ROLE}


# ------------------------------------------------------------------ the other side after "with" / "mit"


def test_the_side_named_after_with_is_a_party():
    x = _x("The State of Bavaria signed a memorandum of understanding with the Province of Quebec on Tuesday.", "en")
    (ag,) = _agreements(x)
    assert _parties(x, ag.id) == {"region:de-by", "region:ca-qc"}
    x = _x("Thüringen hat am Montag eine Absichtserklärung mit der kanadischen Provinz Ontario unterzeichnet.")
    (ag,) = _agreements(x)
    assert _parties(x, ag.id) == {"region:de-th", "region:ca-on"}


def test_after_with_a_region_owning_a_body_is_not_the_party_but_the_body_is():
    x = _x("Die Delegation unterzeichnete eine Kooperationsvereinbarung mit Japans JETRO.")
    (ag,) = _agreements(x)
    assert _parties(x, ag.id) == {"org:jetro"}


def test_a_with_that_belongs_to_another_noun_makes_no_party():
    x = _x("Bavaria signed a memorandum of understanding to boost trade with China.", "en")
    (ag,) = _agreements(x)
    assert _parties(x, ag.id) == {"region:de-by"}
    x = _x("Bayern unterzeichnete eine Vereinbarung, die den Handel mit Vietnam fördern soll.")
    (ag,) = _agreements(x)
    assert _parties(x, ag.id) == {"region:de-by"}
    x = _x("Bavaria signed with Ohio a letter of intent.", "en")
    (ag,) = _agreements(x)
    assert _parties(x, ag.id) == {"region:de-by", "region:us-oh"}


def test_a_seat_after_mit_makes_no_party():
    x = _x("Die Kellbrand GmbH mit Sitz in Ohio und die Wirtschaftsförderung Sachsen unterzeichneten eine Vereinbarung.")
    (ag,) = _agreements(x)
    assert "region:us-oh" not in _parties(x, ag.id)


# ------------------------------------------------------------------ who signs for whom


def test_signers_fuer_a_party_sign_for_it_and_hold_their_office_there():
    x = _x("Die Vereinbarung unterzeichneten Wirtschaftsministerin Anna Berger für den Freistaat Bayern und "
           "Ministerin Laura Miller für Ontario.")
    (ag,) = _agreements(x)
    assert _parties(x, ag.id) == {"region:de-by", "region:ca-on"}
    assert _signed(x) == {"person:anna-berger": "region:de-by", "person:laura-miller": "region:ca-on"}
    # the 'für Bayern' of the first signer is not the office of the second
    assert _roles(x) == {("person:anna-berger", "region:de-by"), ("person:laura-miller", "region:ca-on")}


def test_signers_without_an_office_sign_on_behalf_of_a_party():
    x = _x("Bavaria signed a memorandum of understanding with Ohio. Anna Berger signed the agreement on behalf of "
           "Bavaria, while Peter Lindqvist signed on behalf of Ohio.", "en")
    (ag,) = _agreements(x)
    assert _parties(x, ag.id) == {"region:de-by", "region:us-oh"}
    assert _signed(x) == {"person:anna-berger": "region:de-by", "person:peter-lindqvist": "region:us-oh"}


def test_a_governor_whose_region_is_not_named_signs_for_the_side_abroad():
    x = _x("Bavaria and Ohio signed a memorandum of understanding on green shipping. During his visit, Governor "
           "Peter Lindqvist signed a memorandum to further enhance the cooperation.", "en")
    (ag,) = _agreements(x)  # 'further' does not make a second agreement
    assert _signed(x) == {"person:peter-lindqvist": "region:us-oh"}


def test_two_regions_named_after_the_signing_verb_are_the_parties():
    x = _x("Die Vereinbarung unterzeichneten Bayern und die kanadische Provinz Ontario.")
    (ag,) = _agreements(x)
    assert _parties(x, ag.id) == {"region:de-by", "region:ca-on"}


def test_signed_on_behalf_of_a_party_by_a_person():
    x = _x("Saxony and Ohio signed an MoU. The MoU was signed on behalf of Saxony by State Secretary Anna Berger and "
           "on behalf of Ohio by Peter Lindqvist.", "en")
    assert _signed(x) == {"person:anna-berger": "region:de-sn", "person:peter-lindqvist": "region:us-oh"}


def test_who_reports_the_signing_after_it_does_not_sign():
    x = _x("The MoU was signed by Anna Berger and Peter Lindqvist, said spokesperson Laura Miller.", "en")
    assert set(_signed(x)) == {"person:anna-berger", "person:peter-lindqvist"}
    x = _x("Die Absichtserklärung unterzeichneten Anna Berger und Peter Lindqvist, sagte Sprecherin Laura Miller.")
    assert set(_signed(x)) == {"person:anna-berger", "person:peter-lindqvist"}
    # the one who speaks before the signing clause may be a signer herself
    x = _x("Anna Berger erklärte, sie habe mit Peter Lindqvist eine Absichtserklärung unterzeichnet.")
    assert set(_signed(x)) == {"person:anna-berger", "person:peter-lindqvist"}


def test_both_who_signed_are_the_two_persons_named_just_before():
    x = _x("Hesse's Minister of Economics Thomas Keller travelled to Ohio, where he met Governor Peter Lindqvist. "
           "The two signed a letter of intent on aerospace cooperation.", "en")
    (ag,) = _agreements(x)
    assert _signed(x) == {"person:thomas-keller": "region:de-he", "person:peter-lindqvist": "region:us-oh"}
    assert _parties(x, ag.id) == {"region:de-he", "region:us-oh"}
    # 'both' with no two persons named just before signs no one
    x = _x("Hessen und Ohio pflegen enge Beziehungen. Beide unterzeichneten eine Absichtserklärung.")
    assert _signed(x) == {}


# ------------------------------------------------------------------ planned signings


def test_a_signing_the_text_plans_makes_a_planned_agreement_without_a_signing_date():
    x = _x("Im Herbst soll eine Absichtserklärung zwischen Hessen und der Provinz Quebec unterzeichnet werden.")
    (ag,) = _agreements(x)
    assert ag.properties["status"] == "planned"
    x = _x("Bavaria and Ohio will sign a letter of intent on 4 June 2024.", "en")
    (ag,) = _agreements(x)
    assert ag.properties["status"] == "planned" and "signed" not in ag.properties
    assert _parties(x, ag.id) == {"region:de-by", "region:us-oh"}
    x = _x("Bavaria and Ohio signed a letter of intent on 4 June 2024.", "en")
    (ag,) = _agreements(x)
    assert ag.properties["status"] == "signed" and ag.properties["signed"] == "2024-06-04"


# ------------------------------------------------------------------ several agreements in one text


def test_also_signing_an_agreement_with_other_parties_is_another_agreement():
    x = _x("Hamburg signed a memorandum of understanding with Ohio on green shipping. The states of Bremen, "
           "Lower Saxony and Hamburg also signed an agreement on hydrogen.", "en")
    first, second = _agreements(x)
    assert first.properties["kind"] == "mou" and second.properties["kind"] == "partnership"
    assert _parties(x, first.id) == {"region:de-hh", "region:us-oh"}
    assert _parties(x, second.id) == {"region:de-hb", "region:de-ni", "region:de-hh"}


def test_another_agreement_between_the_same_parties_is_a_second_agreement():
    x = _x("Bavaria signed an MoU with Ohio in March. Bavaria and Ohio also signed another agreement on aerospace research.", "en")
    assert len(_agreements(x)) == 2
    x = _x("Bayern und Ohio haben eine Absichtserklärung unterzeichnet. Bayern und Ohio unterzeichneten außerdem "
           "eine weitere Vereinbarung über die Luftfahrtforschung.")
    assert len(_agreements(x)) == 2


def test_the_same_agreement_restated_in_the_lead_is_one_agreement():
    x = _x("Hessen und Ohio unterzeichnen Absichtserklärung\n\nHessen und Ohio haben am Montag in Wiesbaden eine "
           "Absichtserklärung über die Zusammenarbeit unterzeichnet.")
    (ag,) = _agreements(x)
    assert _parties(x, ag.id) == {"region:de-he", "region:us-oh"}


def test_a_new_signing_at_the_anniversary_of_an_old_agreement_is_another_agreement():
    x = _x("Zum 20. Jahrestag der Kooperationsvereinbarung zwischen Sachsen und der Provinz Hebei unterzeichneten "
           "Ministerpräsident Thomas Keller und Gouverneur Li Wei eine Absichtserklärung zur Wasserstoffwirtschaft.")
    old, new = _agreements(x)
    assert old.properties["kind"] == "partnership" and new.properties["kind"] == "loi"
    assert _parties(x, old.id) == _parties(x, new.id) == {"region:de-sn", "region:cn-he"}
    assert _signed(x) == {"person:thomas-keller": "region:de-sn", "person:li-wei": "region:cn-he"}
    x = _x("Vor 20 Jahren haben Sachsen und die Provinz Hebei eine Kooperationsvereinbarung geschlossen. Am Montag "
           "unterzeichneten beide Seiten eine Absichtserklärung zur Wasserstoffwirtschaft.")
    old, new = _agreements(x)
    assert _parties(x, new.id) == {"region:de-sn", "region:cn-he"}


def test_two_agreement_words_each_with_its_own_parties_are_two_agreements():
    x = _x("Unterzeichnet wurden eine Absichtserklärung zwischen Sachsen und der Provinz Hebei sowie ein "
           "Kooperationsvertrag zwischen der IHK Chemnitz und der Handelskammer Hanoi.")
    loi, contract = _agreements(x)
    assert _parties(x, loi.id) == {"region:de-sn", "region:cn-he"}
    assert _parties(x, contract.id) == {"org:ihk-chemnitz", "org:handelskammer-hanoi"}
    # the same parties named twice: one agreement
    x = _x("Die Vereinbarung zwischen Sachsen und Hebei ergänzt die Absichtserklärung zwischen Sachsen und Hebei.")
    assert len(_agreements(x)) == 1


# ------------------------------------------------------------------ alliances, spellings


def test_more_agreement_words():
    for text, lang, kind in (("Bayern und Ohio unterzeichneten einen Partnerschaftsvertrag.", "de", "contract"),
                             ("Saxony and Ohio signed a declaration of cooperation.", "en", "loi"),
                             ("Sachsen und Ohio unterzeichneten eine Kooperationserklärung.", "de", "loi")):
        (ag,) = _agreements(_x(text, lang))
        assert ag.properties["kind"] == kind, text


def test_an_alliance_entered_into_is_an_agreement_and_talk_about_one_is_not():
    x = _x("The governments of Canada and Japan entered into a hydrogen alliance in May.", "en")
    (ag,) = _agreements(x)
    assert ag.properties["kind"] == "alliance" and _parties(x, ag.id) == {"region:ca", "region:jp"}
    assert _agreements(_x("The minister spoke about the alliance of Canada and Japan.", "en")) == []


def test_a_capitalized_cooperation_agreement_is_an_agreement():
    x = _x("The Cooperation Agreement between the states of Bavaria and Ohio was signed in Munich.", "en")
    (ag,) = _agreements(x)
    assert _parties(x, ag.id) == {"region:de-by", "region:us-oh"}


def test_the_variant_spelling_wojewodschaft_names_the_voivodeship():
    x = _x("Sachsen-Anhalt und die Wojewodschaft Masowien arbeiten zusammen.")
    assert "region:pl-14" in {n.id for n in x.batch.nodes}


# ------------------------------------------------------------------ trade figures


def _flows(text, language="de"):
    x = extract(text, doc_id="doc:trade-test", published=None, reference=False, language=language)
    return {(e.source, e.target, e.properties.get("direction"), e.properties.get("year"), e.properties.get("value"),
             e.properties.get("change_pct")) for e in x.batch.edges if e.type == "TRADES_WITH"}


def test_a_flow_without_year_continues_the_sentence_that_names_the_state():
    assert _flows("Brandenburg hat seine Exporte nach Vietnam seit Jahresbeginn gesteigert. Bis Ende Juni legten sie "
                  "um 5 Prozent auf 300 Millionen Euro zu.") == {("region:de-bb", "region:vn", "export", None, 300.0, 5.0)}
    # the state named too long before: no flow without a year
    assert _flows("Brandenburg hat seine Exporte nach Vietnam gesteigert. Das Land ist attraktiv. Die Firma investiert "
                  "dort. Viele Menschen leben dort. Die Einfuhren erreichten 300 Millionen Euro.") == set()


def test_amounts_written_as_number_words():
    assert _flows("Thüringen exportierte 2022 Waren im Wert von knapp zwei Milliarden Euro nach Japan.") == {
        ("region:de-th", "region:jp", "export", 2022, 2.0, None)}


def test_the_peoples_republic_is_china_in_a_text_that_names_china():
    text = ("Die Volksrepublik ist der zweitgrößte Handelspartner Bremens mit einem Handelsvolumen von 3 Milliarden "
            "Euro im Jahr 2022.")
    assert _flows("Bremen pflegt enge Beziehungen zu China. " + text) == {("region:de-hb", "region:cn", None, 2022, 3.0, None)}
    assert _flows(text) == set()


def test_a_share_is_no_change():
    assert _flows("Maschinen machten 30 Prozent der Importe Sachsens aus Japan im Wert von 900 Millionen Euro im Jahr "
                  "2021 aus.") == {("region:de-sn", "region:jp", "import", 2021, 900.0, None)}
    assert _flows("Sachsen importierte 2021 Waren für 900 Millionen Euro aus Japan, ein Plus von 12 Prozent.") == {
        ("region:de-sn", "region:jp", "import", 2021, 900.0, 12.0)}


def test_number_words_need_a_scale_and_a_currency():
    from loaders.text.amounts import find_amounts
    (a,) = find_amounts("ein Warenwert von knapp drei Milliarden Euro", "de")
    assert (a.value, a.unit, a.currency, a.approx, a.text) == (3.0, "billion", "EUR", True, "knapp drei Milliarden Euro")
    (b,) = find_amounts("some two billion dollars", "en")
    assert (b.value, b.unit, b.currency) == (2.0, "billion", "USD")
    assert find_amounts("zwei Euro und in zwei Millionen Fällen", "de") == []


def test_dollars_of_other_countries_are_not_us_dollars():
    from loaders.text.amounts import find_amounts
    got = [(a.value, a.currency, a.unit) for t in ("CAD 12 billion", "A$3.5 billion", "NT$ 100 million", "US$22 billion")
           for a in find_amounts(t, "en")]
    assert got == [(12.0, "CAD", "billion"), (3.5, "AUD", "billion"), (100.0, "TWD", "million"), (22.0, "USD", "billion")]
    assert _flows("Germany is Ontario's fourth-largest trading partner, with bilateral trade of CAD 12 billion in 2023.",
                  "en") == {("region:ca-on", "region:de", None, 2023, 12.0, None)}


def test_no_agreement_of_the_paris_kind_and_no_party_in_a_list_of_places():
    assert _agreements(_x("Bavaria and Ohio support the Paris Agreement and signed it.", "en")) == []
    assert _agreements(_x("Bavaria and Ohio signed a free trade agreement.", "en")) == []
    assert _agreements(_x("Bayern und Ohio bekennen sich zum Pariser Klimaabkommen, das sie unterzeichnet haben.")) == []
    x = _x("Auf der Reise durch Japan und Korea wurde in Tokio eine Absichtserklärung unterzeichnet.")
    assert not [e for e in x.batch.edges if e.type == PARTY]


def test_who_attended_the_signing_does_not_sign():
    x = _x("Bavaria and Ohio signed a cooperation agreement today. The signing took place in Munich at the opening of "
           "a trade office, which Minister Laura Miller and the director Peter Lindqvist attended.", "en")
    assert _signed(x) == {}


def test_a_signing_only_considered_is_no_signing():
    x = _x("Der Ministerpräsident Thomas Keller schlug eine neue Vereinbarung zwischen Hessen und Vietnam vor. "
           "Für eine feierliche Unterzeichnung könnte sich das kommende Jahr anbieten, ergänzte Keller.")
    (ag,) = _agreements(x)
    assert "status" not in ag.properties and _signed(x) == {}
    x = _x("The MoU, which was signed by Anna Berger and Peter Lindqvist, would strengthen ties between Bavaria and Ohio.", "en")
    assert set(_signed(x)) == {"person:anna-berger", "person:peter-lindqvist"}


def test_the_two_regions_of_the_agreements_clause_not_the_body_of_a_header():
    x = _x("Wirtschaftsministerium Thüringen - Pressemitteilung Nr. 12 Thüringen und der US-Bundesstaat "
           "Ohio haben jetzt eine Kooperationsvereinbarung geschlossen.")
    (ag,) = _agreements(x)
    assert _parties(x, ag.id) == {"region:de-th", "region:us-oh"}


def test_a_joint_cooperation_declaration_is_an_agreement():
    x = _x("The joint cooperation declaration between Bavaria and Ohio was signed in 1994.", "en")
    (ag,) = _agreements(x)
    assert ag.properties["kind"] == "loi" and _parties(x, ag.id) == {"region:de-by", "region:us-oh"}


def test_who_announces_or_leads_the_mission_of_a_signing_does_not_sign():
    x = _x("Governor Peter Lindqvist today announced that Bavaria and Ohio have signed a memorandum of understanding.", "en")
    (ag,) = _agreements(x)
    assert _signed(x) == {} and _parties(x, ag.id) == {"region:de-by", "region:us-oh"}
    x = _x("Ministerin Anna Berger gab am Montag bekannt, dass Bayern und Ohio eine Absichtserklärung unterzeichnet haben.")
    assert _signed(x) == {}
    x = _x("The MoU was signed by Anna Berger and Laura Miller on the trade mission led by Governor Peter Lindqvist.", "en")
    assert set(_signed(x)) == {"person:anna-berger", "person:laura-miller"}


def test_a_signer_does_not_hold_office_at_the_side_named_after_with():
    x = _x("Ministerin Anna Berger unterzeichnete am Montag eine Absichtserklärung mit Ohio.")
    assert _roles(x) == set() and _signed(x) == {"person:anna-berger": None}


def test_a_deal_signed_is_an_agreement_and_a_great_deal_is_not():
    x = _x("Bavaria signed a deal with Ohio on aerospace research.", "en")
    (ag,) = _agreements(x)
    assert _parties(x, ag.id) == {"region:de-by", "region:us-oh"}
    assert _agreements(_x("The firms from Bavaria and Ohio did a great deal of work.", "en")) == []
    assert _agreements(_x("Other deals between firms from Bavaria and Ohio were signed as well.", "en")) == []


def test_no_party_from_a_relative_clause_or_a_possessive_region():
    x = _x("Germany's Kellbrand signed a deal to share with China a technology, which Kellbrand builds with Siemens.", "en")
    (ag,) = _agreements(x)
    assert "company:siemens" not in _parties(x, ag.id) and "region:de" not in _parties(x, ag.id)


def test_signers_without_named_sides_sign_for_the_two_regions_named_just_before():
    x = _x("Die Beziehung zwischen Sachsen und der Provinz Hebei wird enger. Ministerpräsident Thomas Keller und "
           "Vizegouverneur Li Wei unterzeichneten am Montag eine Absichtserklärung.")
    (ag,) = _agreements(x)
    assert _parties(x, ag.id) == {"region:de-sn", "region:cn-he"}
    assert _signed(x) == {"person:thomas-keller": "region:de-sn", "person:li-wei": "region:cn-he"}


def test_a_declaration_that_is_signed_and_both_who_want_to_sign_it():
    x = _x("Sachsen und die Präfektur Hyogo bauen ihre Kooperation aus. Ministerpräsident Thomas Keller und "
           "Vizegouverneur Kenji Sato unterschrieben am Mittwoch eine entsprechende Erklärung.")
    (ag,) = _agreements(x)
    assert _parties(x, ag.id) == {"region:de-sn", "region:jp-28"}
    x = _x("Sachsen vertieft seine Beziehungen zu Vietnam. Ministerpräsident Thomas Keller empfängt den Vorsitzenden "
           "des Volkskomitees von Đà Nẵng, Le Van Minh. Wie die Staatskanzlei mitteilte, wollen beide eine gemeinsame "
           "Erklärung unterzeichnen.")
    (ag,) = _agreements(x)
    assert ag.properties["status"] == "planned"
    assert set(_signed(x)) == {"person:thomas-keller", "person:le-van-minh"}
    assert not any(p.startswith("org:") for p in _parties(x, ag.id))  # the source of the news is no party


def test_he_who_signed_is_the_one_person_named_just_before():
    x = _x("So berichtete Bremens Außenhandelssenator Peter Lindqvist (SPD) am Freitag. Das Abkommen dazu habe er "
           "letzte Woche in Chennai unterzeichnet.")
    assert set(_signed(x)) == {"person:peter-lindqvist"}
    assert not [e for e in x.batch.edges if e.type == PARTY and e.source == "org:spd"]  # a person's party is no party


def test_a_region_owning_an_unnamed_body_after_with_is_no_party():
    x = _x("Thuringia and Vietnam deepen ties. The agency LEG signed a cooperation agreement with Quang "
           "Nam's trade development agency.", "en")
    assert not [e for e in x.batch.edges if e.type == PARTY and e.source.startswith("region:vn")]


def test_important_is_no_import_and_a_trading_partner_sentence_gives_the_partner():
    assert _flows("This trip was important for the state, since Germany is Ohio's fourth-largest trading partner, "
                  "with $300 million in exports in 2015.", "en") == {("region:us-oh", "region:de", "export", 2015, 300.0, None)}
    assert _flows("Japan ist für Sachsen einer der wichtigsten Handelspartner. Im Jahr 2021 wurden Waren im Wert von "
                  "700 Millionen Euro nach Japan geliefert. Auch die Importe erreichten 2021 etwa 1,2 Milliarden Euro.") == {
        ("region:de-sn", "region:jp", "export", 2021, 700.0, None), ("region:de-sn", "region:jp", "import", 2021, 1.2, None)}


def test_half_a_billion_and_a_destination_we_do_not_know():
    assert _flows("Mit einem Handelsvolumen von rund einer halben Milliarde Euro zwischen Sachsen und Japan ist Japan "
                  "ein wichtiger Partner.") == {("region:de-sn", "region:jp", None, None, 0.5, None)}
    # the exports go to a continent: not to the country of the sentence before
    assert _flows("Wichtigstes Lieferland Sachsens war 2021 Japan. Bei den Exporten gingen 2021 Waren im Wert von "
                  "0,6 Milliarden Euro nach Afrika.") == set()


def test_an_investment_after_trade_figures_is_no_flow_and_since_a_year_is_no_year():
    assert _flows("In 2019 Saxony exported goods worth 150 million euros to Japan. This makes Japan an important "
                  "trading partner. A Japanese maker said it plans to invest 125 million euros into a plant in Saxony.",
                  "en") == {("region:de-sn", "region:jp", "export", 2019, 150.0, None)}
    assert _flows("Japan is a valued trade partner for Saxony. Since 2010, Saxon firms have shipped more than "
                  "$350 million of products to Japan.", "en") == {("region:de-sn", "region:jp", "export", None, 350.0, None)}


def test_an_agreement_dated_before_the_one_signed_now_is_an_earlier_agreement():
    x = _x("Sachsen und Ohio unterzeichnen Absichtserklärung\n\nDie Absichtserklärung wurde am Montag in Dresden von "
           "Ministerpräsident Thomas Keller und Gouverneur Peter Lindqvist unterzeichnet. Bereits 2015 hatten beide "
           "Länder eine Kooperationsvereinbarung geschlossen.")
    loi, old = _agreements(x)
    assert loi.properties["kind"] == "loi" and old.properties["kind"] == "partnership"
    assert set(_signed(x)) == {"person:thomas-keller", "person:peter-lindqvist"}
    assert {e.target for e in x.batch.edges if e.type == SIGNED} == {loi.id}
    assert _parties(x, old.id) == {"region:de-sn", "region:us-oh"}
    x = _x("Bavaria and Quebec sign MoU on AI\n\nBavaria's Minister of Economic Affairs Anna Berger and Quebec's "
           "Minister of Economy Paul Tremblay signed a memorandum of understanding on artificial intelligence in Munich "
           "on Monday. The MoU builds on the cooperation agreement the two regions concluded in 2003.", "en")
    mou, old = _agreements(x)
    assert mou.properties["kind"] == "mou" and old.properties["kind"] == "partnership"


def test_a_trading_partner_investing_is_no_trade_flow():
    assert _flows("Der japanische Handelspartner Kellbrand investiert 2021 rund 50 Millionen Euro in Sachsen.") == set()


# ------------------------------------------------------------------ second round (helper agr2)


def _invested(x):
    return {(e.source, e.target) for e in x.batch.edges if e.type == "INVESTED_IN"}


def test_a_company_building_or_opening_a_site_in_a_place_named_right_after_its_verb():
    assert _invested(_x("Die Nordtech GmbH baut in Erfurt ein neues Werk.")) == {("company:nordtech", "region:de-erfurt")}
    assert _invested(_x("Die Nordtech GmbH eröffnet jetzt in Leipzig eine Niederlassung.")) == {
        ("company:nordtech", "region:de-leipzig")}
    # an exhibition is no site
    assert _invested(_x("Die Nordtech GmbH eröffnet in Leipzig eine Ausstellung.")) == set()


def test_a_seat_in_brackets_is_no_investment():
    x = _x("Many investors are active in Saxony: the Kelvor Group (headquarters in Osaka) announced that it would "
           "invest 80 million euros in its plant.", "en")
    assert ("company:kelvor-group", "region:jp-27") not in _invested(x)
    x = _x("The Kelvor Group (headquarters in Osaka) announced that it would invest 80 million euros in its plant "
           "in Saxony.", "en")
    assert _invested(x) == {("company:kelvor-group", "region:de-sn")}


def test_a_planned_agreement_to_be_concluded():
    x = _x("Hessen und Ohio wollen im kommenden Jahr ein Abkommen über die Zusammenarbeit in der Forschung schließen.")
    (ag,) = _agreements(x)
    assert _parties(x, ag.id) == {"region:de-he", "region:us-oh"}
    assert ag.properties.get("status") == "planned"


def test_a_body_opening_an_office_as_the_subject_of_its_own_verb_invests():
    x = _x("Der Regional Industry Council (RIC), ein Verband von 500 Firmen, will in Bremen eine Repräsentanz einrichten.")
    assert _invested(x) == {("org:ric", "region:de-hb")}
    x = _x("The Korea Trade-Investment Promotion Agency (KOTRA) plans to open an office in Munich.", "en")
    assert _invested(x) == {("org:kotra", "region:de-muenchen")}
    # a body that only meets, presents or invites in a place invests nothing
    assert _invested(_x("The Chamber of Commerce of Hanoi will present the new plant in Dresden.", "en")) == set()
    assert _invested(_x("The Chamber of Commerce of Hanoi met investors in Dresden to discuss a new plant.", "en")) == set()
    assert _invested(_x("Die Handelskammer Wuhan lädt in Leipzig zu einem Seminar ein.")) == set()


def _partners(x):
    return {(e.source, e.target) for e in x.batch.edges if e.type == "PARTNER_OF"}


def test_a_partnership_agreed_with_a_region_named_before_the_word():
    x = _x("Sachsen hat am Montag mit der chinesischen Provinz Hubei eine strategische Partnerschaft besiegelt.")
    assert _partners(x) == {("region:de-sn", "region:cn-hb")}
    # someone from a state talking with a region is no partnership of the two
    assert _partners(_x("Ein Vertreter aus Sachsen sprach mit Hubei über eine Partnerschaft.")) == set()


def test_a_renewed_agreement_is_signed_again_but_a_proposed_renewal_is_not():
    x = _x("Bayern und Quebec haben ihre Kooperationsvereinbarung um fünf Jahre verlängert.")
    (ag,) = _agreements(x)
    assert _parties(x, ag.id) == {"region:de-by", "region:ca-qc"}
    x = _x("Bavaria and Quebec renewed their cooperation agreement.", "en")
    (ag,) = _agreements(x)
    assert _parties(x, ag.id) == {"region:de-by", "region:ca-qc"}
    x = _x("Ministerpräsident Karl Brenner hat vorgeschlagen, die Vereinbarung mit Quebec zu erneuern.")
    assert not _signed(x)


def test_a_signing_naming_no_side_is_of_the_two_regions_named_together_just_before():
    x = _x("The state of Saxony and the Chinese province of Hubei have agreed to intensify their cooperation. "
           "A declaration of intent was signed in Wuhan.", "en")
    (ag,) = _agreements(x)
    assert _parties(x, ag.id) == {"region:de-sn", "region:cn-hb"}
    x = _x("Sachsen und die Provinz Hubei wollen enger zusammenarbeiten. In Wuhan wurde dazu eine Absichtserklärung "
           "unterzeichnet.")
    (ag,) = _agreements(x)
    assert _parties(x, ag.id) == {"region:de-sn", "region:cn-hb"}
    # without a signing nothing is agreed
    assert not _agreements(_x("Sachsen und die Provinz Hubei wollen enger zusammenarbeiten. Die Delegation reiste "
                              "weiter nach Shanghai."))


def test_an_agreement_signed_by_unnamed_sides_is_still_an_agreement():
    x = _x("Vertreter mehrerer Verbände unterzeichneten eine Vereinbarung zur Zusammenarbeit bei der Wasserstoffforschung.")
    (ag,) = _agreements(x)
    assert _parties(x, ag.id) == set()
    # a word that only refers to an agreement makes none
    assert not _agreements(_x("Die Vereinbarung wurde von der Industrie begrüßt."))
    assert not _agreements(_x("The agreement was welcomed by industry.", "en"))


def test_also_signed_an_agreement_with_no_sides_of_its_own_is_another_one():
    x = _x("Bavaria and Quebec signed a memorandum of understanding. Representatives of the business agencies also "
           "signed an agreement on closer cooperation in the hydrogen sector.", "en")
    mou, other = _agreements(x)
    assert _parties(x, mou.id) == {"region:de-by", "region:ca-qc"}
    assert _parties(x, other.id) == set()
