import shutil

import pytest

from graph.errors import SchemaError
from graph.schema import SCHEMA_DIR, Schema


def test_bundled_schema_loads_with_required_types():
    s = Schema.load()
    for t in ("Region", "Organization", "Company", "Person", "Agreement", "Event", "Topic", "Document"):
        assert t in s.nodes
    for t in ("LOCATED_IN", "PART_OF", "SUBORDINATE_TO", "HOLDS_ROLE_AT", "PARTY_TO", "SIGNED", "ORGANIZED",
              "PARTICIPATED_IN", "VISITED", "MEMBER_OF", "INVESTED_IN", "HAS_STAKE_IN", "FOCUSES_ON", "TRADES_WITH"):
        assert t in s.edges
    assert s.edges["TRADES_WITH"].key_properties == ("year", "direction")
    assert s.nodes["Region"].properties["level"].values == ("country", "state", "province", "city", "district", "continent", "area")


def _copy(tmp_path):
    dst = tmp_path / "schema"
    shutil.copytree(SCHEMA_DIR, dst)
    return dst


def test_edge_naming_a_missing_node_type_fails_naming_the_file(tmp_path):
    d = _copy(tmp_path)
    f = d / "edges" / "LOCATED_IN.yaml"
    f.write_text(f.read_text().replace("target: [Region]", "target: [Regio]"))
    with pytest.raises(SchemaError) as e:
        Schema.load(d)
    assert "LOCATED_IN.yaml" in str(e.value) and "'Regio'" in str(e.value)


def test_name_must_match_file(tmp_path):
    d = _copy(tmp_path)
    (d / "nodes" / "Topic.yaml").write_text("name: Theme\nid_prefix: topic\nlabel: {en: Topic}\n")
    with pytest.raises(SchemaError, match="Topic.yaml.*'name' must equal"):
        Schema.load(d)


def test_duplicate_prefix_and_bad_property_type(tmp_path):
    d = _copy(tmp_path)
    (d / "nodes" / "Zone.yaml").write_text("name: Zone\nid_prefix: region\nlabel: {en: Zone}\n")
    with pytest.raises(SchemaError, match="id_prefix 'region' is already used"):
        Schema.load(d)
    (d / "nodes" / "Zone.yaml").write_text("name: Zone\nid_prefix: zone\nlabel: {en: Zone}\nproperties:\n  x: {type: colour}\n")
    with pytest.raises(SchemaError, match="Zone.yaml: property 'x' needs a 'type'"):
        Schema.load(d)


def test_key_property_must_be_required(tmp_path):
    d = _copy(tmp_path)
    f = d / "edges" / "TRADES_WITH.yaml"
    f.write_text(f.read_text().replace("year: {type: integer, required: true}", "year: {type: integer}"))
    with pytest.raises(SchemaError, match="key property 'year'"):
        Schema.load(d)


def test_enum_values_carry_labels_per_language(tmp_path):
    kind = Schema.load().nodes["Agreement"].properties["kind"]
    assert kind.value_label("loi", "de") == "Absichtserklärung"
    assert kind.value_label("loi", "en") == "letter of intent"
    assert kind.value_label("loi", "ko") == "letter of intent"  # no Korean label: English
    d = _copy(tmp_path)
    f = d / "nodes" / "Agreement.yaml"
    f.write_text(f.read_text().replace("loi: {en:", "lol: {en:"))
    with pytest.raises(SchemaError, match="Agreement.yaml: 'labels' of property 'kind' names 'lol'"):
        Schema.load(d)
