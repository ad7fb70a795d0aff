"""Merging, idempotency and resolution by name."""

import pytest

from graph.errors import ValidationError
from loaders import load_path
from tests.conftest import MINI


def write(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_loading_twice_changes_nothing(mini_store):
    before = (list(mini_store.iter_nodes()), list(mini_store.iter_edges()))
    r = mini_store.load(load_path(MINI))
    assert r.to_dict()["changed"] is False
    assert (r.nodes_unchanged, r.edges_unchanged) == (11, 12)
    assert (list(mini_store.iter_nodes()), list(mini_store.iter_edges())) == before


def test_corrected_file_updates_in_place(tmp_path, mini_store):
    text = MINI.read_text().replace("value: 4.6", "value: 4.7")
    r = mini_store.load(load_path(write(tmp_path, "mini.yaml", text)))
    assert (r.edges_updated, r.edges_created, r.nodes_created) == (1, 0, 0)
    e = mini_store.get_edges(["region:de-by|TRADES_WITH|region:jp|2022|export"])
    assert e["region:de-by|TRADES_WITH|region:jp|2022|export"].properties["value"] == 4.7


def test_second_source_is_added_not_duplicated(tmp_path, mini_store):
    text = ("nodes:\n  - id: org:jtro\n    type: Organization\n    name: {en: Japan Trade Relations Office}\n"
            "    aliases: {en: [Trade Relations Office Japan]}\n    properties: {kind: agency}\n"
            "    sources: [{document: doc:mini-2, locator: para 9}]\n")
    p = write(tmp_path, "more.yaml", text)
    mini_store.load(load_path(p))
    mini_store.load(load_path(p))
    n = mini_store.get_node("org:jtro")
    assert [(s.document, s.locator) for s in n.sources] == [("doc:mini-1", "para 2"), ("doc:mini-2", "para 9")]
    assert n.aliases["en"] == ("JTRO", "Trade Relations Office Japan")


def test_record_without_id_merges_by_alias_across_languages(tmp_path, mini_store):
    p = write(tmp_path, "alias.yaml", "nodes:\n  - type: Region\n    name: {de: Freistaat Bayern}\n"
              "    aliases: {ko: [바이에른]}\n    properties: {level: state}\n    sources: [{document: doc:mini-2}]\n")
    r = mini_store.load(load_path(p))
    assert (r.nodes_created, r.nodes_updated) == (0, 1)
    by = mini_store.get_node("region:de-by")
    assert by.name["de"] == "Freistaat Bayern" and "Bayern" in by.aliases["de"]  # old name kept as alias
    assert mini_store.search("바이에른")[0].node.id == "region:de-by"


def test_record_without_id_and_no_match_gets_a_slug_id(tmp_path, mini_store):
    p = write(tmp_path, "new.yaml", "nodes:\n  - type: Organization\n    name: {de: Außenwirtschaftsagentur Nord}\n"
              "    properties: {kind: agency}\n    sources: [{document: doc:mini-2}]\n")
    mini_store.load(load_path(p))
    assert mini_store.get_node("org:aussenwirtschaftsagentur-nord").type == "Organization"


def test_ambiguous_name_is_an_error_naming_candidates(tmp_path, mini_store):
    p = write(tmp_path, "amb.yaml", "nodes:\n  - type: Organization\n    name: {en: JTRO}\n"
              "    aliases: {en: [BI]}\n    properties: {kind: agency}\n    sources: [{document: doc:mini-2}]\n")
    with pytest.raises(ValidationError, match="matches several Organization nodes: org:bayern-intl, org:jtro"):
        mini_store.load(load_path(p))


def test_id_prefix_must_match_type_and_type_cannot_change(tmp_path, mini_store):
    p = write(tmp_path, "x.yaml", "nodes:\n  - id: org:de-by\n    type: Region\n    name: {en: X}\n"
              "    properties: {level: state}\n    sources: [{document: doc:mini-2}]\n")
    with pytest.raises(ValidationError, match="must start with 'region:'"):
        mini_store.load(load_path(p))


def test_dry_run_writes_nothing(tmp_path, mini_store):
    text = MINI.read_text().replace("value: 4.6", "value: 9.9")
    r = mini_store.load(load_path(write(tmp_path, "m.yaml", text)), dry_run=True)
    assert r.edges_updated == 1
    assert mini_store.get_edges(["region:de-by|TRADES_WITH|region:jp|2022|export"])["region:de-by|TRADES_WITH|region:jp|2022|export"].properties["value"] == 4.6
