"""Organization and company recognition that should carry over to unseen releases: generic phrases are no
bodies, names do not swallow their neighbours, bodies named by what the text says of them (an office "of"
them, a seat, a parent), SUBORDINATE_TO from "Tochter"/"subsidiary of"/"a state agency of". Every sentence
is our own; the bodies are invented or named after real places."""

from loaders.text import extract
from loaders.text.typenames import COMPANY, HOLDS_ROLE_AT, LOCATED_IN, ORGANIZATION, SUBORDINATE_TO
from tests.textnodes import names_by_type


def _orgs(text: str, lang: str = "de") -> set[str]:
    return names_by_type(text, lang).get(ORGANIZATION, set())


def _cos(text: str, lang: str = "de") -> set[str]:
    return names_by_type(text, lang).get(COMPANY, set())


def _facts(text: str, type_: str, lang: str = "de") -> set[tuple[str, str]]:
    x = extract(text, doc_id="doc:t", published="2025-03-01", language=lang, reference=False)
    names = {n.id: next(iter(n.name.values())) for n in x.batch.nodes}
    return {(names.get(e.source, e.source), names.get(e.target, e.target)) for e in x.batch.edges if e.type == type_}


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
