"""The hand gazetteer's bodies: the economic development agency and the economy ministry of every German
state, the AHK network and the main partner agencies, each with its seat and parent. Texts are our own."""

import pytest

from graph.errors import LoadError
from loaders.text import extract
from loaders.text.extract import is_reference
from loaders.text.gazetteer import default_gazetteer, load_gazetteer

STATES = ["bw", "by", "be", "bb", "hb", "hh", "he", "mv", "ni", "nw", "rp", "sl", "sn", "st", "sh", "th"]


def _bodies(kind: str) -> list:
    g = default_gazetteer()
    own = g.entries.maps[0]
    return [e for e in own.values() if e.type == "Organization" and e.properties.get("kind") == kind]


@pytest.mark.parametrize("state", STATES)
def test_every_state_has_an_agency_and_an_economy_ministry_with_seat_and_parent(state):
    g = default_gazetteer()
    rid = f"region:de-{state}"
    for kind in ("agency", "ministry"):
        found = [e for e in _bodies(kind) if e.seat == rid and ("SUBORDINATE_TO", rid) in e.home
                 or e.seat == rid and any(rel == "SUBORDINATE_TO" and g.get(t) and g.get(t).seat == rid for rel, t in e.home)]
        assert found, f"no {kind} of {rid}"
        for e in found:
            seats = [t for rel, t in e.home if rel == "LOCATED_IN"]
            assert seats and all(g.get(t) is not None and g.get(t).type == "Region" for t in seats), e.id


def test_ahk_network_and_partner_agencies_are_known_with_their_seats():
    g = default_gazetteer()
    chambers = [e for e in _bodies("chamber") if e.id.startswith("org:ahk-")]
    assert len(chambers) >= 15
    for e in chambers:
        assert any(rel == "LOCATED_IN" and g.get(t).type == "Region" for rel, t in e.home), e.id
    for acr in ("KOTRA", "KITA", "KOSME", "TIPA", "JETRO", "CCPIT", "MOTIE", "MSS", "METI", "MOFCOM", "VIETRADE"):
        assert [e for e in g.lookup(acr) if e.type == "Organization" and not e.local], acr
    for name in ("Invest India", "Business France", "SelectUSA"):
        assert [e for e in g.lookup(name) if e.type == "Organization"], name
    assert g.get("org:vietrade").home[0] == ("SUBORDINATE_TO", "org:moit-vn")


def test_a_text_naming_an_agency_gets_its_seat_and_parent_as_reference_facts():
    x = extract("Vertreter der WTSH und von VIETRADE trafen sich in Kiel; laut dpa wurde ein Austausch vereinbart.",
                doc_id="doc:t", published="2025-03-01", title=None, source_url=None, language="de", known=None)
    ref = {(e.type, e.source, e.target) for e in x.batch.edges if is_reference(e)}
    assert ("SUBORDINATE_TO", "org:wtsh", "region:de-sh") in ref
    assert ("LOCATED_IN", "org:wtsh", "region:de-kiel") in ref
    assert ("SUBORDINATE_TO", "org:vietrade", "org:moit-vn") in ref
    assert ("LOCATED_IN", "org:vietrade", "region:vn-hanoi") in ref  # a GeoNames city as the seat
    assert "org:dpa" in {n.id for n in x.batch.nodes}  # a name the gazetteer writes in lower case


def test_home_targets_may_be_reference_regions_but_not_unknown_ids(tmp_path):
    (tmp_path / "regions.yaml").write_text("- {id: region:zz, name: {en: Zedland}, properties: {level: country}}\n",
                                           encoding="utf-8")
    (tmp_path / "organizations.yaml").write_text(
        "- {id: org:a, type: Organization, name: {en: Alpha Agency}, home: [{relation: LOCATED_IN, target: region:in-new-delhi}]}\n",
        encoding="utf-8")
    assert load_gazetteer(tmp_path).get("org:a").home == [("LOCATED_IN", "region:in-new-delhi")]
    (tmp_path / "organizations.yaml").write_text(
        "- {id: org:a, type: Organization, name: {en: Alpha Agency}, home: [{relation: LOCATED_IN, target: region:vn-atlantis}]}\n",
        encoding="utf-8")
    with pytest.raises(LoadError, match="region:vn-atlantis, which the gazetteer does not hold, nor do the reference regions"):
        load_gazetteer(tmp_path)
