"""Extraction from the development texts (tests/data/textdev): specific facts, provenance, markup."""

from pathlib import Path

import pytest

from loaders.text import extract
from loaders.text.reading import format_of

DEV = Path(__file__).parent / "data" / "textdev"


def run(name, published, **kw):
    p = DEV / name
    return extract(p.read_text(encoding="utf-8"), doc_id=p.stem, published=published, title=None,
                   source_url=kw.pop("source_url", None), language=kw.pop("language", None), known=None, fmt=format_of(p))


def nodes(x, type_=None):
    return {n.id: n for n in x.batch.nodes if type_ is None or n.type == type_}


def edges(x, type_=None):
    return {(e.type, e.source, e.target): e for e in x.batch.edges if type_ is None or e.type == type_}


@pytest.fixture(scope="module")
def bw():
    return run("dev02_bw_korea.txt", "2023-06-15", source_url="https://example.org/bw")


def test_document_node_and_sources(bw):
    doc = nodes(bw, "Document")["doc:dev02-bw-korea"]
    assert doc.properties["published"] == "2023-06-15"
    assert doc.properties["url"] == "https://example.org/bw"
    assert doc.properties["language"] == "de"
    for rec in bw.batch.nodes + bw.batch.edges:
        if getattr(rec, "type", None) == "Document":
            continue
        assert rec.sources, rec
        for s in rec.sources:
            if s.document == "doc:regiograph-reference":  # seats and region hierarchy from the gazetteer
                assert s.locator.startswith("gazetteer: ") and s.evidence is None and len(rec.sources) == 1
                continue
            assert s.document == "doc:dev02-bw-korea"
            assert s.locator.startswith("sentence ")
            a, b = s.span
            assert bw.text[a:b] == s.evidence  # the span points at the evidence sentence


def test_acronym_defined_in_text_becomes_an_organization(bw):
    gbsa = nodes(bw)["org:gbsa"]
    assert gbsa.type == "Organization"
    assert gbsa.name == {"de": "Gyeonggi Business & Science Accelerator"}
    assert gbsa.properties["acronym"] == "GBSA" and gbsa.properties["kind"] == "agency"


def test_signed_mou_with_parties_signers_date_place_and_topics(bw):
    (mou,) = nodes(bw, "Agreement").values()
    assert mou.properties == {"kind": "mou", "signed": "2023-06-14", "signed_place": "Suwon", "status": "signed"}  # "gestern"
    e = edges(bw)
    assert ("PARTY_TO", "org:bw-i", mou.id) in e and ("PARTY_TO", "org:gbsa", mou.id) in e
    assert e[("SIGNED", "person:lena-hartmann", mou.id)].properties["on_behalf_of"] == "org:bw-i"
    assert e[("SIGNED", "person:min-jun-park", mou.id)].properties["on_behalf_of"] == "org:gbsa"
    assert {t for (ty, s, t) in e if ty == "FOCUSES_ON" and s == mou.id} == {
        "topic:electromobility", "topic:batteries", "topic:artificial-intelligence"}


def test_roles_of_persons(bw):
    e = edges(bw, "HOLDS_ROLE_AT")
    assert e[("HOLDS_ROLE_AT", "person:lena-hartmann", "org:bw-i")].properties == {"role": "Managing Director", "role_de": "Geschäftsführerin"}
    assert e[("HOLDS_ROLE_AT", "person:min-jun-park", "org:gbsa")].properties["role"] == "President"
    assert nodes(bw)["person:lena-hartmann"].properties["honorific"] == "Dr."


def test_subordinate_to_and_past_webinar(bw):
    e = edges(bw)
    assert ("SUBORDINATE_TO", "org:gbsa", "region:kr-41") in e
    (webinar,) = [n for n in nodes(bw, "Event").values() if n.properties["kind"] == "webinar"]
    assert webinar.properties["start"] == "2022-03"  # "im März des vergangenen Jahres"
    assert webinar.properties["status"] == "held"
    assert ("ORGANIZED", "org:bw-i", webinar.id) in e


def test_delegation_trip_with_dates_size_places_organizer():
    x = run("dev01_bayern_japan.txt", "2024-10-02")
    (trip,) = nodes(x, "Event").values()
    assert trip.properties["kind"] == "delegation_visit"
    assert (trip.properties["start"], trip.properties["end"], trip.properties["participants"]) == ("2024-10-14", "2024-10-19", 25)
    e = edges(x)
    assert {t for (ty, s, t) in e if ty == "VISITED"} == {"region:jp", "region:jp-13", "region:jp-27", "org:jetro", "company:toyota"}
    assert ("ORGANIZED", "org:bayern-international", trip.id) in e
    # "Bayerns Wirtschaftsministerin": the text names Bavaria, not the ministry (no guess from the gazetteer)
    assert ("HOLDS_ROLE_AT", "person:katrin-vogelsang", "region:de-by") in e
    assert not any(ty == "HOLDS_ROLE_AT" and t == "org:stmwi-by" for (ty, s, t) in e)
    assert ("HOLDS_ROLE_AT", "person:markus-feldmann", "org:bayern-international") in e  # "Bayern-International-Geschäftsführer"
    assert ("PARTICIPATED_IN", "person:katrin-vogelsang", trip.id) in e
    # the state ministry named as the client ("im Auftrag des ...") is not the organizer
    assert ("ORGANIZED", "org:stmwi-by", trip.id) not in e


def test_trade_flows_with_year_direction_value_rank():
    x = run("dev05_sachsen_anhalt_trade.txt", "2024-03-20")
    flows = {(e.target, e.properties["direction"]): e.properties for e in x.batch.edges if e.type == "TRADES_WITH"}
    assert flows[("region:cn", "export")] == {"year": 2023, "direction": "export", "value": 1.4, "currency": "EUR",
                                              "unit": "billion", "change_pct": 8.0, "rank": 4}
    assert flows[("region:cn", "import")]["value"] == 2.1  # carried year and partner from the sentence before
    assert flows[("region:jp", "export")]["unit"] == "million"
    assert all(e.source == "region:de-st" for e in x.batch.edges if e.type == "TRADES_WITH")


def test_english_text_membership_location_and_delegation_lead():
    x = run("dev04_thuringia_daejeon.txt", "2024-09-10")
    assert x.language == "en"
    e = edges(x)
    assert ("MEMBER_OF", "company:lumitec-optics", "org:optonet") in e
    assert ("LOCATED_IN", "company:lumitec-optics", "region:de-jena") in e
    assert ("LOCATED_IN", "org:optonet", "region:de-th") in e  # "the Thuringian photonics network OptoNet"
    (trip,) = nodes(x, "Event").values()
    assert e[("PARTICIPATED_IN", "person:stefan-kramer", trip.id)].properties["role"] == "head of delegation"
    assert nodes(x)["person:stefan-kramer"].name == {"en": "Stefan Krämer"}


def test_html_input_ignores_scripts_and_uses_the_title():
    x = run("dev10_saxony_boesenberg.html", "2024-04-18")
    assert "company:samsung" not in nodes(x)  # only named inside <script>
    assert nodes(x, "Document")["doc:dev10-saxony-boesenberg"].properties["title"] == "Silicon Saxony empfängt Delegation aus Gyeonggi"
    e = edges(x)
    assert ("HOLDS_ROLE_AT", "person:frank-boesenberg", "org:silicon-saxony") in e
    assert ("MEMBER_OF", "company:infineon", "org:silicon-saxony") in e  # "das Clustermitglied Infineon"


def test_markdown_input_and_region_as_party():
    x = run("dev09_rlp_vietnam.md", "2025-04-03")
    (agr,) = nodes(x, "Agreement").values()
    assert agr.id == "agreement:rheinland-pfalz-vcci-partnership-2025"
    assert agr.properties["signed"] == "2025-04-03" and agr.properties["signed_place"] == "Mainz"
    e = edges(x)
    assert ("PARTY_TO", "region:de-rp", agr.id) in e  # the minister signs for his state
    assert ("HOLDS_ROLE_AT", "person:thanh-nguyen", "org:vcci") in e


def test_publication_date_from_the_dateline_when_not_given():
    x = run("dev05_sachsen_anhalt_trade.txt", None)
    assert nodes(x, "Document")["doc:dev05-sachsen-anhalt-trade"].properties["published"] == "2024-03-20"
    flows = [e for e in x.batch.edges if e.type == "TRADES_WITH"]
    assert {e.properties["year"] for e in flows} == {2023}


def test_every_batch_validates_against_the_schema(empty_store):
    for p in sorted(DEV.iterdir()):
        if p.name == "gold.yaml":
            continue
        x = extract(p.read_text(encoding="utf-8"), doc_id=p.stem, published=None, title=None, source_url=None,
                    language=None, known=None, fmt=format_of(p))
        report = empty_store.load(x.batch, dry_run=True)
        assert report.nodes_created == len({n.id for n in x.batch.nodes})
