"""Entity resolution of extracted records: within a text, against the graph, across documents."""

import pytest

from graph.model import Batch, NodeRecord, Source
from loaders.text import extract, load_text_files, resolve
from loaders.text.resolve import MERGE_AT, REVIEW_AT, _similarity


def doc_batch(*records):
    b = Batch(label="setup")
    b.nodes.append(NodeRecord(type="Document", id="doc:setup", name={"en": "setup"}, properties={"title": "setup"}))
    for r in records:
        r.sources = [Source("doc:setup", "test")]
        b.nodes.append(r)
    return b


def x(text, published="2024-05-02", doc="doc:t"):
    return extract(text, doc_id=doc, published=published, title=None, source_url=None, language=None, known=None)


def ids(ex, type_):
    return {n.id for n in ex.batch.nodes if n.type == type_}


def test_acronym_defined_in_the_text_refers_back_to_the_long_name():
    ex = x("Die Busan Economic Promotion Agency (BEPA) lädt ein. Die BEPA ist der Stadt Busan zugeordnet. BEPA-Präsident Jin Ho Lee begrüßte die Gäste.")
    assert ids(ex, "Organization") == {"org:bepa"}
    edges = {(e.type, e.source, e.target) for e in ex.batch.edges}
    assert ("SUBORDINATE_TO", "org:bepa", "region:kr-26") in edges
    assert ("HOLDS_ROLE_AT", "person:jin-ho-lee", "org:bepa") in edges


def test_german_inflection_and_articles():
    ex = x("Der Vertrag der Wirtschaftsförderung Sachsen wurde gelobt. Sachsens Wirtschaftsminister Tom Beispiel und des Silicon Saxony e. V. Geschäftsführer sprachen.")
    assert {"org:wfs", "org:silicon-saxony"} <= ids(ex, "Organization")
    assert "region:de-sn" in ids(ex, "Region")
    role = [e for e in ex.batch.edges if e.type == "HOLDS_ROLE_AT"]
    # "Sachsens Wirtschaftsminister": the text names Saxony, not the ministry (no guess from the gazetteer)
    assert [(e.source, e.target) for e in role] == [("person:tom-beispiel", "region:de-sn")]


@pytest.mark.parametrize("name", ["Südkorea", "Republik Korea", "South Korea", "Korea", "대한민국"])
def test_multilingual_names_of_one_region(name):
    assert "region:kr" in ids(x(f"Die Delegation reiste nach {name}. Sie besuchte {name}."), "Region")


def test_transliteration_matches_the_stored_person(empty_store):
    empty_store.load(doc_batch(NodeRecord(type="Person", id="person:frank-boesenberg", name={"de": "Frank Boesenberg"})))
    ex = x("Silicon-Saxony-Geschäftsführer Frank Bösenberg begrüßte die Delegation.")
    assert ids(ex, "Person") == {"person:frank-bosenberg"}
    resolve(ex, empty_store)
    assert ids(ex, "Person") == {"person:frank-boesenberg"}
    (role,) = [e for e in ex.batch.edges if e.type == "HOLDS_ROLE_AT"]
    assert role.source == "person:frank-boesenberg"
    person = next(n for n in ex.batch.nodes if n.type == "Person")
    assert person.name == {"de": "Frank Boesenberg"}  # the stored name is kept ...
    assert person.aliases == {"de": ["Frank Bösenberg"]}  # ... the text's spelling becomes an alias
    assert not ex.reviews


def test_exact_name_match_reuses_a_curated_id(empty_store):
    empty_store.load(doc_batch(NodeRecord(type="Organization", id="org:bepa-busan", name={"en": "Busan Economic Promotion Agency"},
                                          properties={"kind": "agency", "acronym": "BEPA", "founded": 2000})))
    ex = x("Die Busan Economic Promotion Agency (BEPA) organisiert eine Mission nach Hamburg.")
    resolve(ex, empty_store)
    assert ids(ex, "Organization") == {"org:bepa-busan"}
    org = next(n for n in ex.batch.nodes if n.id == "org:bepa-busan")
    assert "founded" not in org.properties and "kind" not in org.properties  # stored values are not overwritten
    assert all(e.source != "org:bepa" for e in ex.batch.edges)
    report = empty_store.load(ex.batch)
    assert report.nodes_updated == 1  # the existing node gains a source, no new Organization
    assert len([n for n in empty_store.iter_nodes() if n.type == "Organization"]) == 1


def test_close_name_is_merged_with_a_note(empty_store):
    empty_store.load(doc_batch(NodeRecord(type="Company", id="company:nordwind", name={"de": "Nordwind Robotics GmbH"})))
    ex = x("Die Nordwind Robotik GmbH aus Braunschweig stellt aus.")
    assert _similarity("Nordwind Robotik GmbH", "Nordwind Robotics GmbH") >= MERGE_AT
    resolve(ex, empty_store)
    assert ids(ex, "Company") == {"company:nordwind"}
    assert any("company:nordwind" in n for n in ex.notes)
    assert ("LOCATED_IN", "company:nordwind", "region:de-braunschweig") in {(e.type, e.source, e.target) for e in ex.batch.edges}


def test_low_confidence_match_is_a_review_item_not_a_merge(empty_store):
    empty_store.load(doc_batch(NodeRecord(type="Organization", id="org:bepa", name={"en": "Busan Economic Promotion Agency"},
                                          properties={"kind": "agency"})))
    score = _similarity("Busan Trade Promotion Agency", "Busan Economic Promotion Agency")
    assert REVIEW_AT <= score < MERGE_AT
    ex = x("Die Busan Trade Promotion Agency (BTPA) eröffnet ein Büro in Frankfurt.")
    resolve(ex, empty_store)
    assert "org:btpa" in ids(ex, "Organization") and "org:bepa" not in ids(ex, "Organization")
    (rv,) = ex.reviews
    assert rv.record_id == "org:btpa" and rv.candidates[0]["id"] == "org:bepa"
    assert rv.candidates[0]["score"] == pytest.approx(score, abs=0.1)
    empty_store.load(ex.batch)
    assert empty_store.get_node("org:bepa").name == {"en": "Busan Economic Promotion Agency"}  # untouched
    assert empty_store.get_node("org:btpa").type == "Organization"


def test_generated_id_taken_by_another_node_is_not_merged_silently(empty_store):
    empty_store.load(doc_batch(NodeRecord(type="Organization", id="org:kiat", name={"en": "Korea Institute of Aviation Training"},
                                          properties={"kind": "other"})))
    ex = x("The Korea Institute for Advancement of Technology (KIAT) met the delegation.")
    resolve(ex, empty_store)
    assert "org:kiat" not in ids(ex, "Organization")
    assert any(i.startswith("org:kiat-") for i in ids(ex, "Organization"))


RELEASE_A = ("Hessen und Korea\n\nWiesbaden, 10.06.2021 - Die Hessen Trade & Invest GmbH (HTAI) und die Korea SMEs and Startups "
             "Agency (KOSME) haben heute eine Absichtserklärung unterzeichnet. Sie betrifft Wasserstoff.")
RELEASE_B = ("HTAI plans Korean start-up week\n\nWiesbaden - The Korea SMEs and Startups Agency (KOSME) and HTAI signed a letter "
             "of intent last year. Both partners now plan a start-up week.")


def test_same_agreement_from_two_releases_is_one_node(tmp_path, empty_store):
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text(RELEASE_A, encoding="utf-8")
    b.write_text(RELEASE_B, encoding="utf-8")
    result = load_text_files([a, b], empty_store, published={"a.txt": "2021-06-10", "b.txt": "2022-03-01"})
    agreements = [n for n in empty_store.iter_nodes() if n.type == "Agreement"]
    assert len(agreements) == 1
    ag = agreements[0]
    assert {s.document for s in ag.sources} == {"doc:a", "doc:b"}
    parties = {e.source for e in empty_store.iter_edges() if e.type == "PARTY_TO"}
    assert parties == {"org:htai", "org:kosme"}
    assert result.report.nodes_created == len(list(empty_store.iter_nodes()))


def test_agreement_in_the_graph_is_matched_by_kind_and_parties(tmp_path, empty_store):
    a = tmp_path / "a.txt"
    a.write_text(RELEASE_A, encoding="utf-8")
    load_text_files([a], empty_store, published="2021-06-10")
    (first,) = [n.id for n in empty_store.iter_nodes() if n.type == "Agreement"]
    b = tmp_path / "b.txt"
    b.write_text(RELEASE_B.replace(" last year", ""), encoding="utf-8")  # no date: a different generated id
    res = load_text_files([b], empty_store, published="2022-03-01")
    assert [n.id for n in empty_store.iter_nodes() if n.type == "Agreement"] == [first]
    assert any("matched " + first in n for n in res.notes)
    assert {s.document for s in empty_store.get_node(first).sources} == {"doc:a", "doc:b"}


def test_review_items_reach_the_report_and_the_yaml(tmp_path, empty_store):
    from loaders.text import dry_run_report, to_yaml

    empty_store.load(doc_batch(NodeRecord(type="Organization", id="org:bepa", name={"en": "Busan Economic Promotion Agency"},
                                          properties={"kind": "agency"})))
    p = tmp_path / "btpa.txt"
    p.write_text("Die Busan Trade Promotion Agency (BTPA) eröffnet ein Büro in Frankfurt.", encoding="utf-8")
    res = load_text_files([p], empty_store, published="2024-05-02", dry_run=True)
    assert [r.record_id for r in res.reviews] == ["org:btpa"]
    assert "? REVIEW Organization 'Busan Trade Promotion Agency' -> org:btpa" in dry_run_report(res)
    (f,) = res.files
    assert "# REVIEW Organization 'Busan Trade Promotion Agency' -> org:btpa" in to_yaml(f.extraction)


def test_a_custom_gazetteer_is_used(tmp_path):
    from loaders.text import load_gazetteer

    (tmp_path / "organizations.yaml").write_text(
        "- {id: org:lzt, type: Organization, name: {de: Landeszentrum Testwesen}, aliases: {de: [LZT]}, properties: {kind: agency}}\n",
        encoding="utf-8")
    (tmp_path / "regions.yaml").write_text("- {id: region:xx, name: {de: Testland}, properties: {level: country}}\n", encoding="utf-8")
    g = load_gazetteer(tmp_path)
    ex = extract("Das LZT aus Testland lädt ein.", doc_id="doc:t", published=None, title=None, source_url=None,
                 language="de", known=g)
    assert ids(ex, "Organization") == {"org:lzt"}
    assert ("LOCATED_IN", "org:lzt", "region:xx") in {(e.type, e.source, e.target) for e in ex.batch.edges}
    assert "region:de" not in ids(ex, "Region")  # the bundled gazetteer is not mixed in
