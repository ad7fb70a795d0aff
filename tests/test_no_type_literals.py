"""Type knowledge is schema data: no node or edge type name is written as a string
literal in the library's code (the schema YAML and the bundled data say them)."""

from __future__ import annotations

import ast
from pathlib import Path

from graph.schema import default_schema

ROOT = Path(__file__).resolve().parent.parent
CHECKED = ["graph", "api", "regiograph", "cypher", "views", "loaders"]
# Not checked yet, and why:
# - graph/generate.py lays out a synthetic graph of a fixed shape (test and benchmark data
#   written as code);
# - loaders/text/discover/, gazetteer.py, refdata.py: the recognizers still name the types of
#   the names they find (the text rules read theirs from loaders/text/rules/types.yaml).
EXEMPT = ("graph/generate.py",)


def literals(path: Path, names: set[str]) -> list[str]:
    found = []
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(n.body[0].value) for n in ast.walk(tree)
        if isinstance(n, (ast.Module, ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef))
        and n.body and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            head = node.value.split(":")[0]
            if head in names:
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.value!r}")
    return found


def test_no_type_names_as_literals_in_code():
    schema = default_schema()
    names = set(schema.nodes) | set(schema.edges)
    found = []
    for folder in CHECKED:
        for path in sorted((ROOT / folder).rglob("*.py")):
            if not str(path.relative_to(ROOT)).startswith(EXEMPT):
                found += literals(path, names)
    assert not found, "type names written in code (use schema hints):\n" + "\n".join(found)


def test_the_check_finds_a_literal(tmp_path):
    bad = ROOT / "graph" / "_literal_probe_for_test.py"
    try:
        bad.write_text('KIND = "Agreement"\n')
        assert literals(bad, {"Agreement"}) == ["graph/_literal_probe_for_test.py:1: 'Agreement'"]
    finally:
        bad.unlink()
