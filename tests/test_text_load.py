"""Loading press-release files: bad input, dry run, idempotency, YAML/JSON round trip, CLI body."""

import json
from pathlib import Path

import pytest

from graph.errors import LoadError
from graph.model import Source
from loaders import load_path
from loaders.structured import parse_document
from loaders.text import dry_run_report, extract, load_text_files, to_json, to_yaml
from loaders.text.cli import run_load_text

DEV = Path(__file__).parent / "data" / "textdev"
RELEASE = DEV / "dev07_kiat_fraunhofer.txt"


def write(tmp_path, name, data: bytes) -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


@pytest.mark.parametrize(
    "name, data, message",
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\n \t", "empty"),
        ("picture.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        ("latin1.txt", "Wirtschaftsförderung Sachsen unterzeichnet Absichtserklärung".encode("cp1252"), "not valid UTF-8"),
    ],
)
def test_bad_files_raise_an_error_naming_the_file(tmp_path, empty_store, name, data, message):
    p = write(tmp_path, name, data)
    good = write(tmp_path, "good.txt", RELEASE.read_bytes())
    with pytest.raises(LoadError) as err:
        load_text_files([good, p], empty_store, published="2024-05-08")
    assert str(p) in str(err.value) and message in str(err.value)
    assert list(empty_store.iter_nodes()) == []  # the good file was not loaded either


def test_wrong_encoding_error_suggests_the_fix(tmp_path, empty_store):
    p = write(tmp_path, "latin1.txt", "Bösenberg".encode("latin-1"))
    with pytest.raises(LoadError, match="Windows-1252"):
        load_text_files([p], empty_store)


def test_missing_file_and_empty_folder(tmp_path, empty_store):
    with pytest.raises(LoadError, match="nope.txt: file not found"):
        load_text_files([tmp_path / "nope.txt"], empty_store)
    (tmp_path / "empty").mkdir()
    with pytest.raises(LoadError, match="holds no"):
        load_text_files([tmp_path / "empty"], empty_store)


def test_dry_run_writes_nothing_and_reports_with_evidence(empty_store):
    res = load_text_files([RELEASE], empty_store, published="2024-05-08", dry_run=True)
    assert list(empty_store.iter_nodes()) == [] and list(empty_store.iter_edges()) == []
    assert res.dry_run and res.report.nodes_created == len({n.id for n in res.batch.nodes})
    text = dry_run_report(res)
    assert text.startswith("DRY RUN - nothing was written")
    assert "+ person:kyung-ho-min -HOLDS_ROLE_AT-> org:kiat  [role=President]" in text
    assert "»The memorandum was signed by KIAT President Kyung-ho Min and Prof. Dr. Clara Neumann, Director of Fraunhofer IKTS.«" in text


def test_load_then_load_again_changes_nothing(empty_store):
    first = load_text_files([RELEASE], empty_store, published="2024-05-08")
    assert first.report.nodes_created > 10 and first.report.edges_created > 8
    again = load_text_files([RELEASE], empty_store, published="2024-05-08")
    assert not again.report.changed
    assert again.report.nodes_unchanged == first.report.nodes_created
    report = dry_run_report(again)
    assert "= person:kyung-ho-min -HOLDS_ROLE_AT-> org:kiat" in report.replace("  [role=President]", "")


def test_folder_input_and_resolution_against_the_seed(tmp_path, seed_store):
    # the seed store is shared: dry run only
    res = load_text_files([DEV], seed_store, dry_run=True)
    assert len(res.files) == len([p for p in DEV.iterdir() if p.suffix in (".txt", ".md", ".html")])
    wfs_like = [n for n in res.batch.nodes if n.id == "org:silicon-saxony"]
    assert wfs_like and wfs_like[0].name == seed_store.get_node("org:silicon-saxony").name


def test_yaml_round_trip_through_the_structured_loader(tmp_path, empty_store):
    x = extract(RELEASE.read_text(encoding="utf-8"), doc_id="kiat", published="2024-05-08", title=None,
                source_url="https://example.org/kiat", language=None, known=None)
    y = tmp_path / "kiat.yaml"
    y.write_text(to_yaml(x), encoding="utf-8")
    batch = load_path(y)
    assert [n.id for n in batch.nodes] == [n.id for n in x.batch.nodes]
    assert [(e.type, e.source, e.target) for e in batch.edges] == [(e.type, e.source, e.target) for e in x.batch.edges]
    read = batch.edges[0].sources[0]
    read = Source.from_dict(read) if isinstance(read, dict) else read
    assert read == x.batch.edges[0].sources[0]  # evidence sentence and span survive the round trip
    report = empty_store.load(batch)
    assert report.nodes_created == len(x.batch.nodes)
    # the text loader's own load of the same release changes nothing now
    again = empty_store.load(x.batch)
    assert not again.changed
    j = parse_document(to_json(x), "kiat.json", "json")
    assert len(j.nodes) == len(x.batch.nodes) and len(j.edges) == len(x.batch.edges)


def test_cli_body_prints_report_json_and_yaml(tmp_path, empty_store, capsys):
    out = tmp_path / "records.yaml"
    run_load_text(empty_store, [str(RELEASE)], published="2024-05-08", dry_run=True, fmt="json", output=str(out))
    data = json.loads(capsys.readouterr().out)
    assert data["dry_run"] is True and data["report"]["nodes"]["created"] > 0
    assert any(c["type"] == "SUBORDINATE_TO" and c["evidence"] for c in data["changes"])
    assert load_path(out).nodes  # the written records load
    assert list(empty_store.iter_nodes()) == []
    run_load_text(empty_store, [str(RELEASE)], published="2024-05-08", dry_run=True, fmt="yaml")
    assert parse_document(capsys.readouterr().out, "stdout", "yaml").edges
    run_load_text(empty_store, [str(RELEASE)], published="2024-05-08", dry_run=False, fmt="text")
    assert capsys.readouterr().out.startswith("Loaded: 1 file(s)")
    assert empty_store.get_node("org:kiat").properties["acronym"] == "KIAT"


def test_load_text_from_a_string(empty_store):
    from loaders.text import load_text

    html = "<html><body><h1>KIAT</h1><p>The Korea Institute for Advancement of Technology (KIAT) is affiliated with the Ministry of Trade, Industry and Energy (MOTIE).</p></body></html>"
    res = load_text(html, empty_store, doc_id="doc:kiat-note", published="2024-05-08", fmt=None)
    assert not res.dry_run and res.report.edges_created >= 1
    assert empty_store.get_node("doc:kiat-note").properties["published"] == "2024-05-08"
    assert [e.target for e in empty_store.iter_edges() if e.type == "SUBORDINATE_TO"] == ["org:motie"]
    with pytest.raises(LoadError, match="doc:empty: the text is empty"):
        load_text("  ", empty_store, doc_id="doc:empty")
    with pytest.raises(LoadError, match="not YYYY"):
        load_text("Text.", empty_store, doc_id="doc:x", published="8.5.2024")
