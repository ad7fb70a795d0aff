"""Open-data loaders (wikidata, gleif, genesis, mapping) on the embedded store: nodes, edges,
identifiers, provenance, idempotency, merges across sources, review items and errors."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph.errors import LoadError, ValidationError
from graph.model import Batch, EdgeRecord, NodeRecord, Origin
from graph.store.embedded import EmbeddedStore
from loaders import load_path, source
from regiograph.seed import SEED_DIR

DATA = Path(__file__).parent / "data" / "opendata"
GENESIS = DATA / "51000-0032_de_flat.csv"
GLEIF = [DATA / "20261130-0800-gleif-goldencopy-lei2-golden-copy.csv", DATA / "20261130-0800-gleif-goldencopy-rr-golden-copy.csv"]
WIKIDATA = [DATA / "wikidata-countries.json", DATA / "wikidata-regions.json", DATA / "wikidata-twinning.json"]
MAPPING = [DATA / "members.mapping.yaml", DATA / "members.csv"]
OPTS = {"retrieved": "2026-11-30"}


@pytest.fixture
def seeded(tmp_path):
    store = EmbeddedStore(tmp_path / "seeded")
    store.load(load_path(SEED_DIR))
    yield store
    store.close()


def snapshot(store):
    return [n.to_dict() for n in store.iter_nodes()], [e.to_dict() for e in store.iter_edges()]


def load_twice(store, name, files, opts=OPTS):
    _read, first = source.run(store, name, files, opts)
    after_first = snapshot(store)
    _read2, second = source.run(store, name, files, opts)
    assert not second.changed, second.to_dict()
    assert second.nodes_unchanged == first.nodes_created + first.nodes_updated + first.nodes_unchanged
    assert snapshot(store) == after_first
    return first


def by_lei(store, lei):
    hits = [n for n in store.iter_nodes() if n.properties.get("lei") == lei]
    assert len(hits) == 1, hits
    return hits[0]


# ------------------------------------------------------------------ GENESIS


def test_genesis_trade_flows_in_euros_with_flags_kept(seeded):
    report = load_twice(seeded, "genesis", [GENESIS])
    assert report.edges_created > 0
    edges = {e.id: e for e in seeded.iter_edges()}
    # the official figure joins the press-release edge of the seed: one edge, both sources
    kr21 = edges["region:de-sn|TRADES_WITH|region:kr|2021|export"]
    assert kr21.properties["value"] == 889512 and kr21.properties["unit"] == "thousand"
    assert kr21.properties["value_eur"] == 889_512_000
    docs = {s.document for s in kr21.sources}
    assert "doc:genesis-51000-0032-2026-11-30" in docs and "doc:wfs-2022-05-17-tipa-loi" in docs
    assert any(s.locator == "row 2" for s in kr21.sources)
    # quality flags instead of values: kept, never read as zero
    imp22 = edges["region:de-sn|TRADES_WITH|region:kr|2022|import"]
    assert imp22.properties["quality"] == "-" and "value" not in imp22.properties and "value_eur" not in imp22.properties
    by22 = edges["region:de-by|TRADES_WITH|region:jp|2022|export"]
    assert by22.properties["quality"] == "." and "value" not in by22.properties
    # value_q kept next to a value; decimal comma and grouping dots read
    assert edges["region:de-sn|TRADES_WITH|region:kr|2022|export"].properties["quality"] == "p"
    assert edges["region:de-by|TRADES_WITH|region:jp|2021|export"].properties["value_eur"] == 4_702_881_300
    # weights and country groups are not trade flows to a country
    assert not [e for e in edges.values() if e.type == "TRADES_WITH" and "eu" in e.target]
    # the state gained its Destatis key; the document says where the figures come from
    assert seeded.get_node("region:de-sn").properties["ars"] == "14"
    doc = seeded.get_node("doc:genesis-51000-0032-2026-11-30").properties
    assert doc["dataset"] == "GENESIS 51000-0032" and doc["kind"] == "dataset" and doc["retrieved"] == "2026-11-30"
    assert "51000-0032" in doc["url"] and "dl-de/by-2-0" in doc["licence"]


def test_genesis_bad_value_names_file_line_and_field_and_writes_nothing(tmp_path, empty_store):
    bad = tmp_path / "51000-0032_de_flat.csv"
    lines = GENESIS.read_text(encoding="utf-8").splitlines()
    lines[5] = lines[5].replace(";4.702.881,3;", ";viel;")
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ValidationError) as e:
        source.run(empty_store, "genesis", [bad], OPTS)
    assert f"{bad}:6" in str(e.value) and "'value'" in str(e.value) and "viel" in str(e.value)
    assert list(empty_store.iter_nodes()) == []


def test_genesis_rejects_a_file_that_is_not_ffcsv(tmp_path, empty_store):
    bad = tmp_path / "51000-0032_de_flat.csv"
    bad.write_text("Jahr;Land;Wert\n2022;Sachsen;1\n", encoding="utf-8")
    with pytest.raises(ValidationError, match="missing column 'time'"):
        source.run(empty_store, "genesis", [bad], OPTS)


# -------------------------------------------------------------------- GLEIF


def test_gleif_region_filter_brings_parents_and_merges_with_the_seed(seeded):
    report = load_twice(seeded, "gleif", GLEIF, {**OPTS, "region": "DE-SN"})
    assert report.nodes_created >= 3
    # the same company from GLEIF and from the seed is one node, found by name and place
    saw = by_lei(seeded, "529900TESTSAWC0MP001")
    assert saw.id == "company:saw-components"
    assert saw.properties["register_id"] == "RA000201/HRB 9999"
    elbtal = by_lei(seeded, "529900TESTELBTAL0002")
    assert elbtal.aliases["de"] == ("Elbtal Sensorik",)
    # parents of the selected companies come along, even from other countries (Korean name kept)
    hanbit = by_lei(seeded, "988400TESTHANBIT0005")
    assert hanbit.name == {"ko": "한빛소재 주식회사"} and "Hanbit Materials Co., Ltd." in hanbit.aliases["en"]
    assert not [n for n in seeded.iter_nodes() if n.properties.get("lei") == "529900TESTISAR000004"]  # Bavaria: filtered out
    edges = {(e.source, e.type, e.target, e.properties.get("kind")): e for e in seeded.iter_edges()}
    meissen = by_lei(seeded, "529900TESTMEISSEN003")
    direct = edges[(elbtal.id, "CONSOLIDATED_BY", meissen.id, "direct")]
    assert direct.properties == {"kind": "direct", "status": "ACTIVE", "start": "2018-07-01"}  # the relationship period
    assert (elbtal.id, "CONSOLIDATED_BY", hanbit.id, "ultimate") in edges
    assert (elbtal.id, "LOCATED_IN", "region:de-sn", None) in edges
    assert (hanbit.id, "LOCATED_IN", "region:kr-26", None) in edges
    assert [s.locator for s in direct.sources] == ["relationship 529900TESTELBTAL0002 direct 529900TESTMEISSEN003"]
    doc = seeded.get_node(direct.sources[0].document).properties
    assert doc["version"] == "2026-11-30 08:00" and doc["licence"] == "CC0 1.0"


def test_gleif_country_filter_and_fallback_to_the_country(seeded):
    source.run(seeded, "gleif", GLEIF[:1], {**OPTS, "country": "DE"})
    lausitz = by_lei(seeded, "529900TESTNOREGION07")  # no region in the address: located in the country
    located = [e.target for e in seeded.iter_edges() if e.source == lausitz.id and e.type == "LOCATED_IN"]
    assert located == ["region:de"]
    assert not [n for n in seeded.iter_nodes() if n.properties.get("lei") == "353800TESTKANSAI0006"]


def test_gleif_level2_alone_leaves_unknown_companies_for_review(empty_store):
    _read, report = source.run(empty_store, "gleif", GLEIF[1:], OPTS)
    assert not [e for e in empty_store.iter_edges()]
    assert {r["kind"] for r in report.review} == {"unresolved_reference"}


def test_gleif_ragged_row_is_an_error_naming_the_line(tmp_path, empty_store):
    bad = tmp_path / "lei2.csv"
    text = GLEIF[0].read_text(encoding="utf-8").splitlines()
    text[3] = text[3] + ',"extra"'
    bad.write_text("\n".join(text) + "\n", encoding="utf-8")
    with pytest.raises(ValidationError, match=rf"{bad}:4"):
        source.run(empty_store, "gleif", [bad], OPTS)
    assert list(empty_store.iter_nodes()) == []


def test_gleif_gz_and_zip_downloads_load_like_the_plain_file(tmp_path, seeded):
    import gzip
    import zipfile

    gz = tmp_path / "20261130-0800-gleif-goldencopy-lei2-golden-copy.csv.gz"
    gz.write_bytes(gzip.compress(GLEIF[0].read_bytes()))
    zp = tmp_path / "20261130-0800-gleif-goldencopy-lei2-golden-copy.csv.zip"
    with zipfile.ZipFile(zp, "w") as z:
        z.write(GLEIF[0], GLEIF[0].name)
    first = source.run(seeded, "gleif", [GLEIF[0]], OPTS)[1]
    assert first.nodes_created > 0
    for f in (gz, zp):
        again = source.run(seeded, "gleif", [f], OPTS)[1]
        assert not again.changed, (f, again.to_dict())


def test_gleif_not_utf8_names_the_line_and_the_option(tmp_path, empty_store):
    bad = tmp_path / "lei2.csv"
    lines = GLEIF[0].read_bytes().split(b"\n")
    lines[5] = lines[5].replace(b'","ko"', "ä".encode("cp1252") + b'","ko"', 1)  # in the legal name
    bad.write_bytes(b"\n".join(lines))
    with pytest.raises(LoadError, match=rf"{bad}:6: not valid .*--encoding"):
        source.run(empty_store, "gleif", [bad], OPTS)
    assert list(empty_store.iter_nodes()) == []


def test_gleif_record_without_legal_name_names_file_line_and_field(tmp_path, empty_store):
    bad = tmp_path / "lei2.csv"
    text = GLEIF[0].read_text(encoding="utf-8").splitlines()
    cells = text[4].split('","')
    cells[1] = ""
    text[4] = '","'.join(cells)
    bad.write_text("\n".join(text) + "\n", encoding="utf-8")
    for opts in (OPTS, {**OPTS, "country": "DE,KR,JP,CN,US"}):
        with pytest.raises(ValidationError, match=rf"{bad}:5: field 'Entity.LegalName'"):
            source.run(empty_store, "gleif", [bad], opts)
    assert list(empty_store.iter_nodes()) == []


# ----------------------------------------------------------------- Wikidata


def test_wikidata_regions_merge_by_iso_code_and_gain_qids_and_labels(seeded):
    report = load_twice(seeded, "wikidata", WIKIDATA + [DATA / "Q1202.json"])
    sn = seeded.get_node("region:de-sn")
    assert sn.properties["qid"] == "Q1202" and sn.name["ko"] == "작센주" and sn.name["zh"] == "萨克森州"
    assert "Free State of Saxony" in sn.aliases["en"]
    assert seeded.get_node("region:de").properties["qid"] == "Q183"
    assert seeded.get_node("region:kr-26").properties["qid"] == "Q16520"  # Busan, by ISO 3166-2
    dresden = seeded.get_node("region:de-dresden")  # no identifier in the seed: by name and place (Saxony)
    assert dresden.properties["qid"] == "Q1731"
    edges = {(e.source, e.type, e.target): e for e in seeded.iter_edges()}
    assert edges[("region:de-nw", "PARTNER_OF", "region:cn-js")].properties["since"] == "1986-01-01"
    assert edges[("region:de-sn", "PARTNER_OF", "region:kr-26")].properties["since"] == "2019-06"
    munich = [n for n in seeded.iter_nodes() if n.properties.get("qid") == "Q1726"][0]
    assert (munich.id, "PART_OF", "region:de") in edges  # parent Q980 not loaded: falls back to the country
    review = [r for r in report.review if r["kind"] == "unresolved_reference"]
    assert review and "Q99999999" in review[0]["message"]


def test_same_region_from_a_press_release_and_wikidata_is_one_node(tmp_path, empty_store):
    from loaders.text import load_text_files

    release = tmp_path / "release.txt"
    release.write_text(
        "Sachsen und Korea vertiefen Zusammenarbeit\n\n"
        "Dresden, 3. März 2025. Die Wirtschaftsförderung Sachsen GmbH hat heute in Dresden mit der "
        "Korea Trade-Investment Promotion Agency eine Absichtserklärung unterzeichnet.\n", encoding="utf-8")
    load_text_files([release], empty_store, published="2025-03-03")
    before = [n for n in empty_store.iter_nodes() if n.type == "Region" and n.name.get("de") == "Sachsen"]
    assert len(before) == 1
    source.run(empty_store, "wikidata", WIKIDATA[:2], OPTS)
    after = [n for n in empty_store.iter_nodes() if n.properties.get("qid") == "Q1202"]
    assert [n.id for n in after] == [before[0].id]
    assert after[0].name["en"] == "Saxony"


def test_wikidata_rejects_other_json(tmp_path, empty_store):
    bad = tmp_path / "x.json"
    bad.write_text('{"results": {"rows": []}, "head": {}}', encoding="utf-8")
    with pytest.raises(LoadError, match="no 'results.bindings'"):
        source.run(empty_store, "wikidata", [bad], OPTS)


# ------------------------------------------------------------------ mapping


def test_mapping_loads_a_member_list_and_merges_with_gleif_and_seed(seeded):
    source.run(seeded, "gleif", GLEIF, {**OPTS, "region": "DE-SN"})
    load_twice(seeded, "mapping", MAPPING)
    cluster = seeded.get_node("org:silicon-saxony")
    members = {e.source: e for e in seeded.iter_edges() if e.type == "MEMBER_OF" and e.target == cluster.id}
    assert "company:saw-components" in members  # by name and place
    elbtal = by_lei(seeded, "529900TESTELBTAL0002")  # by LEI: the GLEIF node
    assert elbtal.id in members and members[elbtal.id].valid_from == "2015-03-01"
    assert elbtal.properties["sector"] == "Sensorik"
    new = [n for n in seeded.iter_nodes() if n.name.get("de") == "Erzgebirge Mikrosysteme GmbH"]
    assert len(new) == 1 and new[0].aliases["de"] == ("EMS",)
    from_list = [e for e in members.values() if any(s.document.startswith("doc:silicon-saxony-member-list") for s in e.sources)]
    assert len(from_list) == 3  # the row without a name gives nothing
    doc = seeded.get_node(members[elbtal.id].sources[0].document)
    assert doc.properties["publisher"] == "Silicon Saxony e. V." and doc.properties["version"] == "2026-11"


def test_mapping_naming_a_missing_column_names_mapping_and_column(tmp_path, empty_store):
    m = tmp_path / "m.yaml"
    m.write_text(MAPPING[0].read_text(encoding="utf-8").replace("{Branche}", "{Sektor}"), encoding="utf-8")
    with pytest.raises(ValidationError) as e:
        source.run(empty_store, "mapping", [m, MAPPING[1]], OPTS)
    assert str(m) in str(e.value) and "Sektor" in str(e.value)


# ---------------------------------------------------------------- identity


def _company(name, origin_line, **props):
    return NodeRecord(type="Company", name={"de": name}, properties=props, ref=f"@{origin_line}",
                      sources=[{"document": "doc:t", "locator": str(origin_line)}], origin=Origin("t", origin_line))


def _doc():
    return NodeRecord(type="Document", id="doc:t", name={"en": "t"}, properties={"title": "t"}, origin=Origin("t", 0))


def test_ambiguous_name_is_a_review_item_never_a_silent_merge(empty_store):
    empty_store.load(Batch(nodes=[_doc(), NodeRecord(type="Company", id="company:mueller-a", name={"de": "Müller GmbH"},
                                                     sources=[{"document": "doc:t"}]),
                                  NodeRecord(type="Company", id="company:mueller-b", name={"de": "Mueller GmbH"},
                                             sources=[{"document": "doc:t"}])]))
    batch = Batch(nodes=[_company("Müller GmbH", 1)], review_ambiguous=True)
    report = empty_store.load(batch)
    assert report.review[0]["kind"] == "ambiguous_name"
    assert report.review[0]["candidates"] == ["company:mueller-a", "company:mueller-b"]
    assert len([n for n in empty_store.iter_nodes() if n.type == "Company"]) == 2
    # with an identifier: a new node, the namesakes listed for review
    report = empty_store.load(Batch(nodes=[_company("Müller GmbH", 2, lei="529900TESTMUELLER001")], review_ambiguous=True))
    assert report.review[0]["kind"] == "possible_duplicate"
    assert by_lei(empty_store, "529900TESTMUELLER001").id == "company:muller-gmbh"


def test_identifier_merges_whatever_the_name_and_a_conflicting_id_is_an_error(empty_store):
    empty_store.load(Batch(nodes=[_doc(), _company("Alpha GmbH", 1, lei="529900TESTALPHA00001")]))
    empty_store.load(Batch(nodes=[NodeRecord(type="Company", name={"en": "Alpha Ltd"}, properties={"lei": "529900TESTALPHA00001"},
                                             sources=[{"document": "doc:t"}])]))
    alpha = by_lei(empty_store, "529900TESTALPHA00001")
    assert alpha.name == {"de": "Alpha GmbH", "en": "Alpha Ltd"}
    # a namesake with another LEI is another company
    empty_store.load(Batch(nodes=[_company("Alpha GmbH", 3, lei="529900TESTALPHA00002")]))
    assert by_lei(empty_store, "529900TESTALPHA00002").id != alpha.id
    # an explicit id that contradicts the identifier's holder: error, nothing written
    before = snapshot(empty_store)
    with pytest.raises(ValidationError, match="belongs to node"):
        empty_store.load(Batch(nodes=[NodeRecord(type="Company", id="company:other", name={"en": "Other"},
                                                 properties={"lei": "529900TESTALPHA00001"}, sources=[{"document": "doc:t"}])]))
    assert snapshot(empty_store) == before


def test_identifier_values_are_checked_against_the_schema_pattern(empty_store):
    with pytest.raises(ValidationError, match="properties.lei"):
        empty_store.load(Batch(nodes=[_doc(), _company("Beta GmbH", 1, lei="not-an-lei")]))


# -------------------------------------------------------------------- money


def test_trade_edges_carry_value_eur_and_a_wrong_one_is_an_error(empty_store):
    regions = [NodeRecord(type="Region", id=f"region:{c}", name={"en": c}, properties={"level": "country"},
                          sources=[{"document": "doc:t"}]) for c in ("a", "b")]

    def flow(**props):
        return EdgeRecord(type="TRADES_WITH", source="region:a", target="region:b",
                          properties={"year": 2022, "direction": "export", **props}, sources=[{"document": "doc:t"}])

    empty_store.load(Batch(nodes=[_doc(), *regions], edges=[flow(value=1.16, unit="billion", currency="EUR")]))
    edge = next(e for e in empty_store.iter_edges())
    assert edge.properties["value_eur"] == 1_160_000_000 and isinstance(edge.properties["value_eur"], int)
    with pytest.raises(ValidationError, match="value_eur"):
        empty_store.load(Batch(edges=[flow(value=2, unit="million", currency="EUR", value_eur=3)]))
    with pytest.raises(ValidationError, match="quality flag"):
        empty_store.load(Batch(edges=[flow()]))
    empty_store.load(Batch(edges=[flow(value=5, unit="million", currency="USD", year=2021)]))
    usd = [e for e in empty_store.iter_edges() if e.properties["year"] == 2021][0]
    assert "value_eur" not in usd.properties  # no exchange rate is guessed


def test_seed_trade_figures_are_in_euros(seed_store):
    edges = {e.id: e for e in seed_store.iter_edges()}
    assert edges["region:de-sn|TRADES_WITH|region:kr|2021|export"].properties["value_eur"] == 890_000_000
    assert edges["region:de-sn|TRADES_WITH|region:kr|2022|export"].properties["value_eur"] == 1_160_000_000


# ---------------------------------------------------------------------- CLI


def test_cli_load_source_dry_run_and_record_files_still_load(tmp_path, monkeypatch):
    from regiograph.cli import cli

    monkeypatch.setenv("REGIOGRAPH_DATA_DIR", str(tmp_path / "cli"))
    runner = CliRunner()
    out = runner.invoke(cli, ["load", "genesis", str(GENESIS), "--dry-run", "--retrieved", "2026-11-30"])
    assert out.exit_code == 0, out.output
    body = json.loads(out.stdout[out.stdout.index("{"):])
    assert body["dry_run"] and body["edges"]["created"] == 13 and body["read"]["rows"] == 14
    out = runner.invoke(cli, ["load", str(Path(__file__).parent / "data" / "mini.yaml")])
    assert out.exit_code == 0, out.output
    out = runner.invoke(cli, ["load", "gleif", str(GLEIF[0]), "--country", "KR"])
    assert out.exit_code == 0, out.output
    body = json.loads(out.stdout[out.stdout.index("{"):])
    assert body["nodes"]["created"] == 2  # the document and the Korean company


def test_timeline_shows_the_figure_and_its_euros(seed_store):
    labels = [i.label for i in seed_store.timeline("region:de-sn", other="region:kr").items]
    assert any("890 million EUR (890,000,000 EUR)" in label for label in labels)
    assert any("1.16 billion EUR (1,160,000,000 EUR)" in label for label in labels)


def test_genesis_in_another_encoding_needs_the_encoding_option(tmp_path, empty_store):
    latin = tmp_path / "51000-0032_de_flat.csv"
    latin.write_bytes(GENESIS.read_text(encoding="utf-8").encode("cp1252"))
    with pytest.raises(LoadError, match="--encoding"):
        source.run(empty_store, "genesis", [latin], OPTS)
    assert list(empty_store.iter_nodes()) == []
    source.run(empty_store, "genesis", [latin], {**OPTS, "encoding": "cp1252"})
    assert empty_store.get_node("region:thuringen").name == {"de": "Thüringen"}
