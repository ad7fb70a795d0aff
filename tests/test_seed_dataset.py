"""The bundled dataset of the five seed releases answers the questions it was built for."""

import pytest

from graph.store.base import PARTNER_VIA


def ids(path):
    return [n.id for n in path.nodes]


def test_hessen_to_kosme_passes_through_htai_and_the_mou(seed_store):
    r = seed_store.paths("region:de-he", "org:kosme", k=3, via=PARTNER_VIA)
    assert ids(r.paths[0]) == ["region:de-he", "org:htai", "agreement:htai-kosme-mou", "org:kosme"]
    assert [h.edge.type for h in r.paths[0].hops] == ["SUBORDINATE_TO", "PARTY_TO", "PARTY_TO"]
    mou = seed_store.get_node("agreement:htai-kosme-mou")
    assert mou.properties["kind"] == "mou" and mou.properties.get("signed_place") == "Wiesbaden"


def test_wfs_and_tipa_are_connected_through_the_2022_letter_of_intent(seed_store):
    c = seed_store.connections("org:wfs", "org:tipa")
    assert "agreement:wfs-tipa-loi-2022" in [n.id for n in c.common_neighbors]
    loi = seed_store.get_node("agreement:wfs-tipa-loi-2022")
    assert loi.properties["kind"] == "loi" and loi.properties["signed"] == "2022-05-17"
    assert ids(c.shortest) == ["org:wfs", "agreement:wfs-tipa-loi-2022", "org:tipa"]


def test_saxony_is_tied_to_koreas_sme_ministry_through_wfs_loi_and_tipa(seed_store):
    r = seed_store.paths("region:de-sn", "org:mss-kr", k=1, via=PARTNER_VIA)
    inner = ids(r.paths[0])[1:-1]
    assert {"org:wfs", "agreement:wfs-tipa-loi-2022", "org:tipa"} <= set(inner)
    sub = seed_store.get_edges(["org:tipa|SUBORDINATE_TO|org:mss-kr"])
    assert sub, "TIPA is assigned to the Ministry of SMEs and Startups"


@pytest.mark.parametrize("year,target,value,unit", [
    (2021, "region:kr", 890, "million"),
    (2022, "region:kr", 1.16, "billion"),
    (2022, "region:jp", 851, "million"),
])
def test_saxon_exports(seed_store, year, target, value, unit):
    e = seed_store.get_edges([f"region:de-sn|TRADES_WITH|{target}|{year}|export"])
    (edge,) = e.values()
    assert edge.properties["value"] == value and edge.properties["unit"] == unit and edge.properties["currency"] == "EUR"


def test_2023_delegation_visited_five_cities(seed_store):
    sub = seed_store.neighbors("event:saxony-delegation-japan-korea-2023", edge_types=["VISITED"], depth=1)
    names = {n.name.get("en") for n in sub.nodes}
    assert {"Tokyo", "Sendai", "Nagoya", "Seoul", "Ulsan"} <= names
    ev = seed_store.get_node("event:saxony-delegation-japan-korea-2023")
    assert (ev.properties["start"], ev.properties["end"]) == ("2023-09-10", "2023-09-20")


def test_busan_delegation_2019(seed_store):
    ev = seed_store.get_node("event:busan-delegation-silicon-saxony-2019")
    assert ev.properties["start"] == "2019-09-05"
    sub = seed_store.neighbors(ev.id)
    edges = {(e.type, e.source, e.target) for e in sub.edges}
    assert ("ORGANIZED", "org:ahk-korea", ev.id) in edges
    assert ("VISITED", ev.id, "org:silicon-saxony") in edges


def test_nrw_minister_met_korean_institutions(seed_store):
    sub = seed_store.neighbors("person:andreas-pinkwart", depth=2)
    reached = {n.id for n in sub.nodes}
    assert {"org:kitech", "org:kicox", "org:ahpek", "org:world-class-300"} <= reached


def test_regions_carry_iso_codes(seed_store):
    codes = {n.properties.get("iso_3166"): n.id for n in seed_store.iter_nodes() if n.type == "Region"}
    for code in ("DE-SN", "DE-HE", "DE-NW", "KR-11", "KR-26", "KR-31", "KR", "JP", "DE"):
        assert code in codes, code


@pytest.mark.parametrize("q,expected", [
    ("Sachsen", "region:de-sn"), ("saxony", "region:de-sn"), ("wfs", "org:wfs"),
    ("Hessen Trade & Invest", "org:htai"), ("Südkorea", "region:kr"), ("south korea", "region:kr"),
    ("Republik Korea", "region:kr"), ("kosme", "org:kosme"), ("Boesenberg", "person:frank-boesenberg"),
])
def test_search_ranks_the_expected_entity_first(seed_store, q, expected):
    assert seed_store.search(q)[0].node.id == expected


def test_every_fact_has_a_document_source(seed_store):
    docs = {n.id for n in seed_store.iter_nodes() if n.type == "Document"}
    assert len(docs) >= 6
    for item in list(seed_store.iter_nodes()) + list(seed_store.iter_edges()):
        if getattr(item, "type", None) == "Document":
            continue
        assert item.sources, item.id
        assert all(s.document in docs for s in item.sources), item.id
