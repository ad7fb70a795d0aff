"""Structured loaders: YAML, JSON, CSV; errors name file, line and field; all-or-nothing; idempotent."""

import json

import pytest

from graph.errors import DanglingReferenceError, LoadError, ValidationError
from loaders import load_path, load_paths
from tests.conftest import MINI

DOC = """
  - id: doc:t
    type: Document
    name: {en: T}
    properties: {title: T}
"""


def write(tmp_path, name, text, encoding="utf-8"):
    p = tmp_path / name
    p.write_bytes(text.encode(encoding) if isinstance(text, str) else text)
    return p


def test_yaml_records_carry_file_and_line():
    b = load_path(MINI)
    assert len(b.nodes) == 11 and len(b.edges) == 12
    first_edge = b.edges[0]
    assert first_edge.origin.file.endswith("mini.yaml")
    assert MINI.read_text().splitlines()[first_edge.origin.line - 1].lstrip().startswith("- {type: PART_OF")


def test_json_and_yaml_give_the_same_graph(tmp_path, empty_store):
    import yaml

    data = yaml.safe_load(MINI.read_text())
    j = write(tmp_path, "mini.json", json.dumps(data, default=str, indent=2))
    a = empty_store.load(load_path(j))
    assert a.nodes_created == 11 and a.edges_created == 12
    again = empty_store.load(load_path(MINI))
    assert not again.changed, again.to_dict()


def test_csv_nodes_and_edges(tmp_path, empty_store):
    nodes = write(tmp_path, "nodes.csv",
                  "id,type,name_de,name_en,aliases_en,sources,prop.level,prop.iso_3166,prop.title,prop.kind\n"
                  "doc:c,Document,,CSV doc,,,,,CSV doc,\n"
                  "region:de-hh,Region,Hamburg,Hamburg,HH;Free and Hanseatic City,doc:c@row 2,state,DE-HH,,\n"
                  "org:hhi,Organization,,Hamburg Invest,HI,doc:c@row 3,,,,agency\n")
    edges = write(tmp_path, "edges.csv",
                  "type,source,target,sources\nLOCATED_IN,org:hhi,region:de-hh,doc:c@row 4\n")
    r = empty_store.load(load_paths([nodes, edges]))
    assert (r.nodes_created, r.edges_created) == (3, 1)
    hh = empty_store.get_node("region:de-hh")
    assert hh.aliases["en"] == ("HH", "Free and Hanseatic City")
    assert hh.sources[0].locator == "row 2"
    assert empty_store.search("free and hanseatic")[0].node.id == "region:de-hh"


def test_csv_unknown_column_and_ragged_row(tmp_path):
    p = write(tmp_path, "n.csv", "id,type,colour\nregion:x,Region,red\n")
    with pytest.raises(ValidationError, match=r"n.csv:1: unknown column 'colour'"):
        load_path(p)
    p = write(tmp_path, "m.csv", "id,type,name_en\nregion:x,Region,X,extra\n")
    with pytest.raises(ValidationError, match=r"m.csv:2: the row has more cells"):
        load_path(p)


def test_malformed_yaml_names_the_line(tmp_path):
    p = write(tmp_path, "bad.yaml", "nodes:\n  - id: a\n    name: [unclosed\n")
    with pytest.raises(LoadError, match=r"bad.yaml:\d+: invalid YAML"):
        load_path(p)


def test_malformed_json_names_line_and_column(tmp_path):
    p = write(tmp_path, "bad.json", '{"nodes": [\n  {"id": "x",}\n]}')
    with pytest.raises(LoadError, match=r"bad.json:2: invalid JSON at column"):
        load_path(p)


def test_wrong_encoding_names_the_line(tmp_path):
    p = write(tmp_path, "latin.yaml", "nodes:\n  - id: region:x\n    name: {de: Sch\u00f6neck}\n", encoding="latin-1")
    with pytest.raises(LoadError, match=r"latin.yaml:3: not valid UTF-8.*re-save the file as UTF-8"):
        load_path(p)


def test_binary_and_unknown_extension(tmp_path):
    with pytest.raises(LoadError, match="binary"):
        load_path(write(tmp_path, "x.yaml", b"\x00\x01\x02"))
    with pytest.raises(LoadError, match=r"unknown file type '.txt'"):
        load_path(write(tmp_path, "x.txt", "hello"))
    with pytest.raises(LoadError, match="no such file"):
        load_path(tmp_path / "missing.yaml")


def test_unknown_field_and_type_name_file_line_field(tmp_path, empty_store):
    p = write(tmp_path, "f.yaml", "nodes:\n" + DOC + "  - id: region:x\n    type: Region\n    nmae: {en: X}\n")
    with pytest.raises(ValidationError, match=r"f.yaml:7: unknown field 'nmae'"):
        load_path(p)
    p = write(tmp_path, "g.yaml", "nodes:\n" + DOC + "  - id: planet:x\n    type: Planet\n    name: {en: X}\n    sources: [{document: doc:t}]\n")
    with pytest.raises(ValidationError) as e:
        empty_store.load(load_path(p))
    assert "g.yaml:7: field 'type': unknown node type 'Planet'" in str(e.value)


def test_bad_property_values_are_reported_with_field(tmp_path, empty_store):
    p = write(tmp_path, "p.yaml", "nodes:\n" + DOC + (
        "  - id: region:x\n    type: Region\n    name: {en: X}\n    properties: {level: galaxy}\n"
        "    sources: [{document: doc:t}]\n"
        "  - id: agreement:y\n    type: Agreement\n    name: {en: Y}\n    properties: {kind: mou, signed: 2022-13-01}\n"
        "    sources: [{document: doc:t}]\n"))
    with pytest.raises(ValidationError) as e:
        empty_store.load(load_path(p))
    fields = {(d["line"], d["field"]) for d in e.value.details}
    assert (7, "properties.level") in fields and (12, "properties.signed") in fields
    assert "'galaxy' is not one of" in str(e.value)


def test_dangling_edge_and_source_leave_the_store_as_it_was(tmp_path, mini_store):
    before = mini_store.stats().to_dict()
    p = write(tmp_path, "d.yaml", "nodes:\n  - id: region:fr\n    type: Region\n    name: {en: France}\n"
              "    properties: {level: country}\n    sources: [{document: doc:mini-1}]\n"
              "edges:\n  - {type: PART_OF, source: region:fr, target: region:eu, sources: [{document: doc:mini-1}]}\n")
    with pytest.raises(DanglingReferenceError, match=r"d.yaml:8: field 'target': node 'region:eu' is not in this load nor in the graph"):
        mini_store.load(load_path(p))
    p2 = write(tmp_path, "e.yaml", "nodes:\n  - id: region:fr\n    type: Region\n    name: {en: France}\n"
               "    properties: {level: country}\n    sources: [{document: doc:nowhere}]\n")
    with pytest.raises(DanglingReferenceError, match="document 'doc:nowhere'"):
        mini_store.load(load_path(p2))
    assert mini_store.stats().to_dict() == before
    assert not mini_store.get_nodes(["region:fr"])


def test_edge_type_constraints(tmp_path, mini_store):
    p = write(tmp_path, "c.yaml", "edges:\n  - {type: SIGNED, source: org:jtro, target: agreement:bi-jtro-mou, sources: [{document: doc:mini-1}]}\n")
    with pytest.raises(ValidationError, match="SIGNED cannot have a Organization .'org:jtro'. as source; allowed: Person"):
        mini_store.load(load_path(p))


def test_every_fact_needs_a_source(tmp_path, empty_store):
    p = write(tmp_path, "s.yaml", "nodes:\n  - id: topic:x\n    type: Topic\n    name: {en: X}\n    properties: {kind: sector}\n")
    with pytest.raises(ValidationError, match="every fact needs a source"):
        empty_store.load(load_path(p))


def test_hostile_strings_are_data_not_code(tmp_path, empty_store):
    hostile = "Robert'); MATCH (n) DETACH DELETE n; //<script>alert(1)</script>"
    p = write(tmp_path, "h.yaml", "nodes:\n" + DOC + f"  - id: org:h\n    type: Organization\n    name: {{en: {json.dumps(hostile)}}}\n"
              "    properties: {kind: other}\n    sources: [{document: doc:t}]\n")
    empty_store.load(load_path(p))
    assert empty_store.get_node("org:h").name["en"] == hostile
    assert empty_store.search("robert")[0].node.id == "org:h"
