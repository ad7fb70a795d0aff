"""Persons, organizations and companies found by their shape and context, without a gazetteer entry.
All texts are our own (fictional people and bodies)."""

from loaders.text.orgnames import enumerated_companies, is_generic, org_candidates, party_names
from tests.textnodes import extracted, names_by_type


_nodes = names_by_type


def test_persons_next_to_offices_in_german_and_english():
    got = _nodes("Europaminister Tarek Feldmann traf den Gouverneur der Provinz Hebei, Liu Wenqiang, in Kiel. "
                 "Die Delegation begleitete Jana Roth (SPD).")
    assert {"Tarek Feldmann", "Liu Wenqiang", "Jana Roth"} <= got["Person"]
    got = _nodes("The agreement was signed by Mr Olaf Brenner, State Councillor, and by Governor Mei-ling Ko.", "en")
    assert {"Olaf Brenner", "Mei-ling Ko"} <= got["Person"]


def test_family_names_in_capitals():
    got = _nodes("Consul General PARK Minho opened the forum in Frankfurt.", "en")
    assert any("PARK" in n for n in got["Person"])


def test_office_words_never_become_part_of_a_name():
    got = _nodes("Wirtschaftsministerin Carla Ostrow eröffnete die Messe.")
    assert got["Person"] == {"Carla Ostrow"}


def test_organizations_by_type_words_and_coordinated_compounds():
    cands = {c[0] for c in org_candidates(
        "Das Verkehrs-, Wissenschafts- und Sozialministerium und das Statistische Landesamt berichten.")}
    assert {"Verkehrsministerium", "Wissenschaftsministerium", "Sozialministerium", "Statistische Landesamt"} <= cands
    cands = {c[0] for c in org_candidates("Die Staatskanzlei lud ein. Die Gesellschaft wächst.")}
    assert cands == {"Staatskanzlei"}  # a bare generic head ('Die Gesellschaft') is no name
    cands = {c[0] for c in org_candidates("the Northfield Research University and Eastbay Marine University agreed", )}
    assert cands == {"Northfield Research University", "Eastbay Marine University"}


def test_parties_and_companies_in_enumerations():
    assert party_names("Lena Vogt (Grüne) und Max Hahn (CDU)") == ["Grüne", "CDU"]
    assert enumerated_companies("Firmen wie Nordwerk, Lichtbau Systems und Kranich Logistik sind dabei.") == [
        "Nordwerk", "Lichtbau Systems", "Kranich Logistik"]
    got = _nodes("An der Reise nehmen Firmen wie Nordwerk und Lichtbau Systems teil.")
    assert {"Nordwerk", "Lichtbau Systems"} <= got.get("Company", set())


def test_generic_words_never_become_entities():
    for w in ("Memorandum of Understanding", "MoU", "Absichtserklärung", "Delegation", "das Ministerium"):
        assert is_generic(w), w
    got = _nodes("The Memorandum of Understanding (MoU) between the two regions was signed in Kiel.", "en")
    assert not any("Memorandum" in n for n in got.get("Organization", set()))


def _edges(text: str, lang: str = "de") -> set[tuple[str, str, str]]:
    return {(e.type, e.source, e.target) for e in extracted(text, lang).edges}


def test_partnership_between_a_german_state_and_a_foreign_province():
    edges = _edges("Seit 20 Jahren besteht die Partnerschaft zwischen Sachsen-Anhalt und Masowien.")
    assert ("PARTNER_OF", "region:de-st", "region:pl-14") in edges
    edges = _edges("Hessen and its partner region Wisconsin agreed to meet again in Madison.", "en")
    assert ("PARTNER_OF", "region:de-he", "region:us-wi") in edges


def test_trade_partners_are_no_partnership():
    edges = _edges("China ist der wichtigste Handelspartner von Sachsen-Anhalt.")
    assert not any(t == "PARTNER_OF" for t, _, _ in edges)


def test_companies_after_a_word_that_says_company():
    from loaders.text.orgnames import described_companies

    assert described_companies("Beim Besuch des Pharmaunternehmens Velmora in Wuxi sprach er.") == ["Velmora"]
    assert described_companies("Die Firma Kron-Tech aus Jena und das Unternehmen HALDOR bauen aus.") == [
        "Kron-Tech", "HALDOR"]
    assert described_companies("Er traf die Führung des Brauwerk-Mutterkonzerns Ostland Motors in Gera.") == [
        "Ostland Motors", "Brauwerk"]
    assert set(described_companies("The deal involves battery maker Kestrel Cells and electronics giant Tovane, "
                                   "while Orin Chem, a chemical conglomerate, opens a plant.", "en")) == {
        "Kestrel Cells", "Tovane", "Orin Chem"}
    # German nouns after a company word are not names
    assert described_companies("Sie hoffen, dass das Unternehmen Arbeitsplätze schafft.") == []
    assert described_companies("Deutsche Unternehmen Kontakte knüpfen, sagte er; die Firma Entwicklung plant.") == []
    got = _nodes("Die Firma Kron-Tech aus Jena eröffnet ein Werk. Orin Chem, a subsidiary of Orin, is there too.")
    assert {"Kron-Tech", "Orin Chem", "Orin"} <= got.get("Company", set())


def test_organizations_by_government_words_chamber_abbreviations_and_branches():
    got = _nodes("The Elbonian Government and the Ruritanian Parliament welcomed guests. A talk at the Northmark "
                 "Research Institute Kiel followed. Members of the Political Network BALTIC attended.", "en")
    assert {"Elbonian Government", "Ruritanian Parliament", "Northmark Research Institute Kiel",
            "Political Network BALTIC"} <= got["Organization"]
    got = _nodes("Die IHK Leipzig und die Tongji Universität unterzeichneten. Die Universität wächst, die IHK Bauwesen nicht.")
    assert {"IHK Leipzig", "Tongji Universität"} <= got["Organization"]
    assert not {"Die Universität", "IHK Bauwesen"} & got["Organization"]


def test_hyphenated_german_names_in_english_and_names_that_go_on_after_a_dot():
    got = _nodes("Classes at the Goethe-Institut and talks with the Ostland-Bundestagsfraktion followed.", "en")
    assert {"Goethe-Institut", "Ostland-Bundestagsfraktion"} <= got["Organization"]
    cands = {c[0] for c in org_candidates("Die Wirtschaftsförderungsgesellschaft NRW.INVEST lud ein.")}
    assert "Wirtschaftsförderungsgesellschaft NRW" not in cands
    cands = {c[0] for c in org_candidates("Die Sachsen/Hebei-Förderkommission tagte.")}
    assert "Sachsen/Hebei-Förderkommission" in cands


def test_legal_forms_from_cleanco_mark_company_names():
    from loaders.text.legalforms import legal_forms

    dotted, caps = legal_forms()
    assert {"pty. ltd.", "sdn. bhd.", "s.p.a."} <= set(dotted) and "u.a." not in dotted
    assert {"BVBA", "SARL", "OOO"} <= set(caps) and not {"VAT", "CIO", "AS", "SA"} & set(caps)
    got = _nodes("The deal links Harbor Cranes Pty. Ltd., Selvino Meccanica S.p.A. and Kauno Logistika UAB with the port. "
                 "Talks with Brenner u.a. followed.", "en")
    assert {"Harbor Cranes Pty. Ltd.", "Selvino Meccanica S.p.A.", "Kauno Logistika UAB"} <= got.get("Company", set())
