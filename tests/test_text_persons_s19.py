"""Persons by name shape and cue (session 19): letters beyond ASCII and the umlauts, particles inside
Arabic and Iberian names, four-word names, titles before a name, and a place glued after a name at a
sentence end. Sentences written for these tests (invented people)."""

from __future__ import annotations

from loaders.text import extract


def _x(text, language=None):
    return extract(text, doc_id="doc:persons-test", published="2024-05-06", reference=False, language=language)


def _persons(text, language=None):
    x = _x(text, language)
    return {n.properties.get("name") or n.id for n in x.batch.nodes if n.type == "Person"}


def _ids(text, language=None):
    return {n.id for n in _x(text, language).batch.nodes if n.type == "Person"}


# ------------------------------------------------------------------ letters outside ASCII


def test_polish_latvian_romanian_letters_stay_in_the_name():
    assert _ids("Der Marschall Tomasz Woźniak sprach am Montag in Posen.") == {"person:tomasz-wozniak"}
    assert _ids("Die Ministerpräsidentin Ilze Kalniņa besucht im Mai den Hafen.") == {"person:ilze-kalnina"}
    assert _ids("According to the economy minister Ștefan Ion Popescu, trade grew last year.", "en") \
        == {"person:stefan-ion-popescu"}


# ------------------------------------------------------------------ particles and long names


def test_arabic_particle_belongs_to_the_family_name():
    ids = _ids("Die Ministerin traf den Generalkonsul Dr. Hamad Said Al Mansoori in Mainz.")
    assert ids == {"person:hamad-said-al-mansoori"}


def test_five_word_arabic_name_and_a_short_one_in_a_list():
    ids = _ids("The visitors included Noura Khalid Ahmed Al Suwaidi, Director of Trade, and Rashid Al Hammadi, "
               "Head of Investment.", "en")
    assert ids == {"person:noura-khalid-ahmed-al-suwaidi", "person:rashid-al-hammadi"}


def test_name_with_an_unknown_given_name_before_an_office_is_read_whole():
    ids = _ids("Two officials joined: Zainab Hisham Al Nuaimi, Executive Director of Sales, and Omar Saif Al "
               "Ketbi, CEO of the Port Office.", "en")
    assert "person:zainab-hisham-al-nuaimi" in ids
    assert not any(i.startswith("person:hisham") for i in ids)


def test_portuguese_name_with_two_family_names():
    assert _ids("Sie traf den Senatspräsidenten Rodrigo Luis Cabral Mendes in Brasilia.") \
        == {"person:rodrigo-luis-cabral-mendes"}


def test_german_von_after_a_name_is_a_place():
    ids = _ids("Der Minister sprach mit dem Regierungschef Arun Kumar Banerjee von Westfalen über Handel.")
    assert not any(i.endswith("-von-westfalen") for i in ids)


# ------------------------------------------------------------------ titles and what follows a name


def test_titles_before_the_name_are_dropped():
    assert _ids("“We help,” said Head of State Peter Krause (CDU) in Leipzig on Monday.", "en") == {"person:peter-krause"}
    ids = _ids("On Monday HE Dr Omar Al Hashemi, UAE Minister of State for Foreign Trade, held talks with "
               "His Excellency Karl Peter Wagner, the Minister-President of Hesse.", "en")
    assert ids == {"person:omar-al-hashemi", "person:karl-peter-wagner"}


def test_advocate_title_and_hyphenated_office():
    ids = _ids("The envoy met Minister-Plenipotentiary Adv Mokoena in Pretoria on Friday.", "en")
    assert ids == {"person:mokoena"}


def test_advisory_is_no_family_name():
    ids = _ids("Officials: Amal Rashid Al Nuaimi, Executive Director of Sales and Business Advisory, and "
               "Peter Hans Miller, Head of FDI.", "en")
    assert "person:advisory" not in ids


def test_place_after_the_name_at_a_sentence_end():
    text = ("Posen (11.06.2023) - Zuletzt besuchte die Delegation unter Leitung von Wirtschaftsminister "
            "Karl Brenner Posen. Brenner: „Das war ein guter Abschluss.“")
    assert _ids(text) == {"person:karl-brenner"}


def test_apposition_name_at_the_sentence_end():
    ids = _ids("Gespräche gab es mit dem Präsidenten der Technischen Hochschule Lemgo, Anirban Chatterjee.")
    assert "person:anirban-chatterjee" in ids
