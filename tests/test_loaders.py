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


# ------------------------------------------------ streamed JSON, libyaml, progress


def _records_json(n_nodes=40):
    nodes = [{"id": "doc:t", "type": "Document", "name": {"en": "T"}, "properties": {"title": "T"}}]
    nodes += [{"id": f"org:o{i}", "type": "Organization", "name": {"en": f"Org \u00e4 {i}"},
               "properties": {"kind": "agency"}, "sources": [{"document": "doc:t", "locator": f"p {i}"}]}
              for i in range(n_nodes)]
    edges = [{"type": "PARTNER_OF", "source": f"org:o{i}", "target": f"org:o{i + 1}",
              "sources": [{"document": "doc:t", "locator": "x"}]} for i in range(n_nodes - 1)]
    return {"format": "regiograph/1", "nodes": nodes, "edges": edges}


def test_streamed_json_gives_the_records_and_lines_at_any_chunk_size(tmp_path):
    from loaders.structured import parse_json_chunks, read_chunks

    text = json.dumps(_records_json(), indent=2, ensure_ascii=False)
    p = write(tmp_path, "r.json", text)
    lines = text.splitlines()
    whole = load_path(p)
    assert len(whole.nodes) == 41 and len(whole.edges) == 39
    for rec in whole.nodes + whole.edges:  # each record's line is the line of its opening brace
        assert lines[rec.origin.line - 1].strip() == "{"
    assert lines[whole.nodes[5].origin.line].strip() == '"id": "org:o4",'
    for size in (1, 7, 64, 1000):
        b = parse_json_chunks(read_chunks(p, chunk_bytes=size), str(p))
        assert b.nodes == whole.nodes and b.edges == whole.edges, size


def test_json_syntax_error_in_a_later_chunk_names_line_and_column(tmp_path):
    from loaders.structured import parse_json_chunks, read_chunks

    text = json.dumps(_records_json(), indent=2)
    at = text.index('"org:o30"')
    bad = text[:at] + '"org:o30",,' + text[at + len('"org:o30",'):]
    with pytest.raises(json.JSONDecodeError) as ref:
        json.loads(bad)
    p = write(tmp_path, "s.json", bad)
    for size in (5, 300, 1 << 20):
        with pytest.raises(LoadError) as e:
            parse_json_chunks(read_chunks(p, chunk_bytes=size), str(p))
        assert f"s.json:{ref.value.lineno}: invalid JSON at column {ref.value.colno}" in str(e.value), size
    p = write(tmp_path, "t.json", text[: len(text) // 2])
    with pytest.raises(LoadError, match=r"t.json:\d+: invalid JSON"):
        load_path(p)
    p = write(tmp_path, "u.json", text + "\n{}")
    with pytest.raises(LoadError, match=r"u.json:\d+: invalid JSON at column 1: Extra data"):
        load_path(p)


def test_json_top_level_shapes(tmp_path):
    with pytest.raises(LoadError, match="the file is empty"):
        load_path(write(tmp_path, "e.json", "  \n"))
    with pytest.raises(LoadError, match="got a list"):
        load_path(write(tmp_path, "l.json", "[1, 2]"))
    with pytest.raises(ValidationError, match=r"k.json:3: unknown top-level key 'links'"):
        load_path(write(tmp_path, "k.json", '{\n "nodes": [],\n "links": []\n}'))
    with pytest.raises(ValidationError, match="'nodes' must be a list"):
        load_path(write(tmp_path, "n.json", '{"nodes": {"a": 1}}'))
    with pytest.raises(ValidationError, match="field 'format' is 'other/2'"):
        load_path(write(tmp_path, "f.json", '{"format": "other/2", "nodes": []}'))
    assert load_path(write(tmp_path, "z.json", '{"nodes": null, "edges": []}')).nodes == []


def test_json_error_in_the_first_record_is_reported_before_the_rest_is_read(tmp_path):
    from loaders.structured import parse_json_chunks, read_chunks

    data = _records_json(2000)
    data["nodes"][1]["colour"] = "red"
    text = json.dumps(data, indent=1)
    p = write(tmp_path, "big.json", text + "\n" + "x" * 200_000)  # broken after the records: never reached
    line = text[: text.rindex("{", 0, text.index('"org:o0"'))].count("\n") + 1
    seen = []
    with pytest.raises(ValidationError, match=rf"big.json:{line}: unknown field 'colour' in node"):
        parse_json_chunks(read_chunks(p, lambda done, total: seen.append((done, total)), chunk_bytes=4096), str(p))
    assert seen and seen[-1][0] <= 2 * 4096 < seen[-1][1]


def test_json_utf8_error_in_a_later_chunk_names_the_line(tmp_path):
    from loaders.structured import parse_json_chunks, read_chunks

    text = json.dumps(_records_json(), indent=2, ensure_ascii=False).encode()
    at = text.index(b"Org \xc3\xa4 30")
    bad = text[:at] + b"Org \xe4 30" + text[at + len(b"Org \xc3\xa4 30"):]
    line = bad[:at].count(b"\n") + 1
    p = write(tmp_path, "w.json", bad)
    for size in (3, 100, 1 << 20):
        with pytest.raises(LoadError, match=rf"w.json:{line}: not valid UTF-8 \(byte 0xe4 at offset {at + 4}\)"):
            parse_json_chunks(read_chunks(p, chunk_bytes=size), str(p))


def test_yaml_is_read_by_libyaml_when_installed():
    import yaml

    from loaders.structured import _LineLoader

    if yaml.__with_libyaml__:
        assert issubclass(_LineLoader, yaml.CSafeLoader)
    b = load_path(MINI)
    assert all(isinstance(r.origin.line, int) for r in b.nodes + b.edges)
    assert b.nodes[0].valid_from is None or isinstance(b.nodes[0].valid_from, str)


def test_one_progress_display_over_reading_checking_and_writing(tmp_path, empty_store):
    import io

    from loaders import load_paths
    from regiograph.progress import LoadProgress

    p = write(tmp_path, "r.json", json.dumps(_records_json(3000)))
    out = io.StringIO()
    prog = LoadProgress("loading", out, tty=False)
    prog.stage("reading", "bytes")
    batch = load_paths([p], progress=prog)
    fractions = [prog.fraction()]
    empty_store.load(batch, progress=prog)
    fractions.append(prog.fraction())
    prog.close()
    lines = out.getvalue().splitlines()
    assert [ln.split()[1] for ln in lines] == ["reading", "checking", "writing"], lines
    assert "6,000 records in" in lines[1] and "records/s" in lines[1]
    assert fractions == [pytest.approx(0.25), pytest.approx(1.0)]
    tty = io.StringIO()
    live = LoadProgress("loading", tty, tty=True)
    live.stage("writing")
    live(500, 1000)
    assert "writing" in tty.getvalue() and "records/s" in tty.getvalue()
