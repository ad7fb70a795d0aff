"""The cypher/ package: every statement is a documented file, loads by name,
templates only accept safe values, and every statement compiles on Neo4j."""

from __future__ import annotations

import re

import pytest

import cypher

STATIC_PARAMS = re.compile(r"\$([a-z_]+)")
TEMPLATE_NAMES = {"type": "PART_OF", "label": "Region"}  # any schema names


def test_every_file_has_a_header_naming_purpose_parameters_and_returns():
    assert len(cypher.names()) >= 15
    for name in cypher.names():
        text = cypher.load(name)
        header = "\n".join(line for line in text.splitlines() if line.startswith("//"))
        for word in ("Purpose:", "Parameters:", "Returns:"):
            assert word in header, f"{name}.cypher has no '{word}' in its header"


def test_load_is_cached_and_unknown_names_fail_clearly():
    assert cypher.load("get_nodes") is cypher.load("get_nodes")
    with pytest.raises(cypher.UnknownStatementError, match="no Cypher statement named 'nope'; known: .*get_nodes"):
        cypher.load("nope")
    with pytest.raises(cypher.UnknownStatementError, match="not a valid Cypher statement name"):
        cypher.load("../schema")


def test_statements_split_the_schema_file_without_comments():
    parts = cypher.statements("schema")
    assert len(parts) == 6  # id constraint, full-text index, write-lock constraint, type index, name key pair + id
    rel = cypher.render("schema_rel_constraint", identifiers={"type": "TRADES_WITH"})
    assert "FOR ()-[r:TRADES_WITH]-() REQUIRE r.id IS UNIQUE" in rel
    assert all(not p.startswith("//") and "CREATE" in p and "IF NOT EXISTS" in p for p in parts)


def test_render_fills_only_checked_identifiers():
    text = cypher.render("schema_label_constraint", identifiers={"label": "Region"})
    assert "FOR (n:Region) REQUIRE n.id IS UNIQUE" in text and "<<" not in text
    for bad in ("Region) DETACH DELETE (n", "region", "Re-gion", "", "Region`", 3):
        with pytest.raises(ValueError, match="not an allowed label"):
            cypher.render("schema_label_constraint", identifiers={"label": bad})
    merge = cypher.render("write_edges", identifiers={"type": "TRADES_WITH"})
    assert "MERGE (a)-[r:TRADES_WITH {id: row.id}]->(b)" in merge
    with pytest.raises(ValueError, match="placeholders"):
        cypher.render("write_edges", identifiers={})
    with pytest.raises(ValueError, match="placeholders"):
        cypher.render("get_nodes", identifiers={"type": "PART_OF"})


def test_every_statement_compiles_on_neo4j(neo4j_driver):
    """EXPLAIN plans each statement on the real server (nothing runs)."""
    with neo4j_driver.session() as session:
        for name in cypher.names():
            if name == "schema" or name.startswith("schema_"):
                continue  # schema commands have no plan; test_neo4j_store checks they took effect
            text = cypher.load(name)
            holes = cypher.placeholders(name)
            if holes:
                text = cypher.render(name, identifiers={p: TEMPLATE_NAMES[p] for p in holes})
            params = {p: None for p in STATIC_PARAMS.findall(text)}
            session.run("EXPLAIN " + text, params).consume()
