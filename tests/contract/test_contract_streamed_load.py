"""Streamed loads (``loaders.source.run`` with more records than one chunk) on every backend:
chunks written inside one write transaction give the graph a one-batch load gives, a
second load changes nothing, and a failure in a late chunk leaves the graph as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.errors import ValidationError
from graph.model import Node, Source
from graph.store.embedded import EmbeddedStore
from loaders import source

DATA = Path(__file__).resolve().parent.parent / "data" / "opendata"
GLEIF = [DATA / "20261130-0800-gleif-goldencopy-lei2-golden-copy.csv", DATA / "20261130-0800-gleif-goldencopy-rr-golden-copy.csv"]
OPTS = {"retrieved": "2026-11-30"}
CHUNK = 3  # records per chunk: the sample (about 20 records) becomes several chunks


class Stages:
    """A write progress that counts the chunks that reached the write."""

    def __init__(self) -> None:
        self.writes = 0

    def __call__(self, done, total) -> None:
        pass

    def stage(self, name, unit) -> None:
        self.writes += name == "writing"


def snapshot(store):
    return [n.to_dict() for n in store.iter_nodes()], [e.to_dict() for e in store.iter_edges()]


def _before(store) -> tuple:
    doc = Node("doc:t", "Document", {"en": "Test document"}, properties={"title": "t"})
    old = Node("company:old", "Company", {"de": "Alte Firma GmbH"}, properties={"lei": "529900TESTOLDFIRM099"},
               sources=(Source("doc:t", "p1"),))
    store.write([doc, old], [])
    return snapshot(store)


def test_streamed_load_equals_one_batch_and_is_idempotent(store, tmp_path):
    reference = EmbeddedStore(tmp_path / "reference")
    _before(reference)
    _r, one = source.run(reference, "gleif", GLEIF, OPTS)
    _before(store)
    stages = Stages()
    result, streamed = source.run(store, "gleif", GLEIF, OPTS, chunk_records=CHUNK, write_progress=stages)
    assert result.chunks > 3 and result.batch is None and stages.writes > 3
    assert streamed.to_dict() == one.to_dict()
    assert snapshot(store) == snapshot(reference)
    _r, again = source.run(store, "gleif", GLEIF, OPTS, chunk_records=CHUNK)
    assert not again.changed and again.nodes_unchanged == one.nodes_created + one.nodes_updated + one.nodes_unchanged
    assert snapshot(store) == snapshot(reference)
    reference.close()


@pytest.mark.parametrize("breakage", ["reader", "record"])
def test_failure_in_a_late_chunk_leaves_the_graph_as_it_was(store, tmp_path, breakage):
    before = _before(store)
    lines = GLEIF[0].read_text(encoding="utf-8").splitlines()
    cells = lines[-1].split('","')
    if breakage == "reader":  # the source itself refuses the last row: no legal name
        cells[1] = ""
        where = rf"lei2.csv:{len(lines)}: field 'Entity.LegalName'"
    else:  # the row reads, but the record fails validation: an LEI that breaks the schema's pattern
        cells[0] = '"not-an-lei'
        where = rf"lei2.csv:{len(lines)}: field 'properties.lei'"
    lines[-1] = '","'.join(cells)
    bad = tmp_path / "lei2.csv"
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    stages = Stages()
    with pytest.raises(ValidationError, match=where):
        source.run(store, "gleif", [bad], OPTS, chunk_records=CHUNK, write_progress=stages)
    assert stages.writes >= 2  # earlier chunks were written inside the transaction ...
    assert snapshot(store) == before  # ... and rolled back with it
    from graph import identity

    key = identity.key("lei", "529900TESTSAWC0MP001")
    assert store.find_by_names("Company", [key]) == {}


def test_streamed_dry_run_writes_nothing(store):
    before = _before(store)
    _r, report = source.run(store, "gleif", GLEIF, OPTS, chunk_records=CHUNK, dry_run=True)
    assert report.nodes_created > 0
    assert snapshot(store) == before
