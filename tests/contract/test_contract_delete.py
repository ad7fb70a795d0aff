"""The delete primitive and provenance-aware undo behave the same on every backend."""

import json

import pytest

from graph.errors import NotFoundError
from graph.undo import undo
from loaders import load_path
from loaders.structured import parse_document
from tests.conftest import MINI

# a fact stated by two documents, and facts stated by one
TWO_SOURCES = {"nodes": [
    {"id": "org:jtro", "type": "Organization", "name": {"en": "Japan Trade Relations Office"},
     "properties": {"kind": "agency"}, "sources": [{"document": "doc:mini-2", "locator": "again"}]},
    {"id": "region:jp", "type": "Region", "name": {"en": "Japan"}, "properties": {"level": "country"},
     "sources": [{"document": "doc:mini-2", "locator": "again"}]}],
    "edges": [{"type": "LOCATED_IN", "source": "org:jtro", "target": "region:jp",
                          "sources": [{"document": "doc:mini-2", "locator": "again"}]}]}


def loaded(store):
    store.load(load_path(MINI))
    store.load(parse_document(json.dumps(TWO_SOURCES), "two", "json"))
    return store


def snapshot(store):
    return ({n.id: n.to_dict() for n in store.iter_nodes()}, {e.id: e.to_dict() for e in store.iter_edges()})


def test_delete_primitive_removes_nodes_with_their_edges_and_rewrites_atomically(store):
    loaded(store)
    nodes, edges = snapshot(store)
    touching = sorted(i for i, e in edges.items() if "org:jtro" in (e["source"], e["target"]))
    assert touching
    keep = next(store.get_nodes(["org:bayern-intl"]).values().__iter__())
    from dataclasses import replace

    store.delete(["org:jtro", "no:such-node"], ["no|such|edge"], rewrite_nodes=[replace(keep, properties={"kind": "agency"})])
    after_nodes, after_edges = snapshot(store)
    assert "org:jtro" not in after_nodes and not set(touching) & set(after_edges)
    assert set(after_edges) == set(edges) - set(touching)
    assert after_nodes["org:bayern-intl"]["properties"] == {"kind": "agency"}


def test_delete_is_all_or_nothing(store):
    loaded(store)
    before = snapshot(store)
    from dataclasses import replace

    node = store.get_node("org:bayern-intl")
    unwritable = replace(node, properties={"kind": object()})  # cannot be stored
    with pytest.raises(Exception):
        store.delete(["org:jtro"], [], rewrite_nodes=[unwritable])  # the rewrite fails: nothing is deleted
    assert snapshot(store) == before


def test_undo_of_a_document_strips_shared_facts_and_deletes_its_own(store):
    loaded(store)
    nodes, edges = snapshot(store)
    shared = [i for i, e in edges.items() if {s["document"] for s in e["sources"]} == {"doc:mini-1", "doc:mini-2"}]
    assert shared, "the test graph needs a fact stated by two documents"
    shared_nodes = [i for i, n in nodes.items() if {s["document"] for s in n["sources"]} == {"doc:mini-1", "doc:mini-2"}]
    assert "org:jtro" in shared_nodes
    only_1 = [i for i, n in nodes.items() if n["sources"] and {s["document"] for s in n["sources"]} == {"doc:mini-1"}]
    plan = undo(store, "document", "doc:mini-1")
    after_nodes, after_edges = snapshot(store)
    assert "doc:mini-1" not in after_nodes and not set(only_1) & set(after_nodes)
    for i in shared:  # a fact stated by two documents loses one source and stays
        assert [s["document"] for s in after_edges[i]["sources"]] == ["doc:mini-2"]
    for i in shared_nodes:
        assert [s["document"] for s in after_nodes[i]["sources"]] == ["doc:mini-2"]
    assert not any(s["document"] == "doc:mini-1" for x in list(after_nodes.values()) + list(after_edges.values())
                   for s in x["sources"])
    assert set(plan.to_dict()["deleted_nodes"]) == set(nodes) - set(after_nodes)


def test_undo_of_a_node_and_an_edge(store):
    loaded(store)
    _, edges = snapshot(store)
    plan = undo(store, "node", "org:jtro", dry_run=True)
    assert snapshot(store)[0].get("org:jtro")  # dry run: nothing changed
    assert set(plan.delete_edges) == {i for i, e in edges.items() if "org:jtro" in (e["source"], e["target"])}
    undo(store, "node", "org:jtro")
    assert not store.get_nodes(["org:jtro"])
    some_edge = sorted(snapshot(store)[1])[0]
    undo(store, "edge", some_edge)
    assert not store.get_edges([some_edge])
    with pytest.raises(NotFoundError):
        undo(store, "edge", some_edge)
