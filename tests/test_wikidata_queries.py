"""The shipped Wikidata SPARQL queries (loaders/wikidata/queries/*.rq) are valid SPARQL 1.1, use
only the prefixes the Wikidata Query Service predefines, select the variables the reader's
profiles read, and - run by rdflib over a small graph in Wikidata's own shape - give W3C SPARQL
JSON results that the loader reads into the expected regions and partnerships. Hand-written
results check the documented shapes: xml:lang labels, typed literals, optional variables absent."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import rdflib.namespace as ns
from rdflib import Graph, Literal, Namespace
from rdflib.plugins.sparql import prepareQuery

from graph.errors import ValidationError
from loaders import source
from loaders.wikidata import CONFIG, QUERIES

OPTS = {"retrieved": "2026-11-30"}
# the prefixes query.wikidata.org declares for every query (the shipped files rely on them)
WDQS = {
    "wd": "http://www.wikidata.org/entity/", "wdt": "http://www.wikidata.org/prop/direct/",
    "p": "http://www.wikidata.org/prop/", "ps": "http://www.wikidata.org/prop/statement/",
    "pq": "http://www.wikidata.org/prop/qualifier/", "rdfs": str(ns.RDFS), "xsd": str(ns.XSD),
    "wikibase": "http://wikiba.se/ontology#", "bd": "http://www.bigdata.com/rdf#", "schema": "http://schema.org/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
}
PREFIXES = "".join(f"PREFIX {k}: <{v}>\n" for k, v in WDQS.items())
FILES = sorted(QUERIES.glob("*.rq"))
WD, WDT, P, PS, PQ = (Namespace(WDQS[k]) for k in ("wd", "wdt", "p", "ps", "pq"))


def _profile_vars(prof: dict) -> set[str]:
    out = set(prof["detect"])
    node = prof.get("node", {})
    out |= set(node.get("properties", {}).values())
    for e in prof.get("edges", []) + ([prof["edge"]] if "edge" in prof else []):
        out |= {e.get("source", "item"), e["target"], *(e.get("properties", {}).values())}
        if e.get("fallback"):
            out.add(e["fallback"])
    return out


def test_every_profile_has_its_query_file():
    assert {f.stem for f in FILES} == set(CONFIG["profiles"])


@pytest.mark.parametrize("path", FILES, ids=[f.name for f in FILES])
def test_query_is_valid_sparql_and_selects_what_the_reader_reads(path):
    text = path.read_text(encoding="utf-8")
    query = prepareQuery(PREFIXES + text)  # raises on a syntax error or an undeclared prefix
    selected = {str(v) for v in query.algebra["PV"]}
    used = set(re.findall(r"(?<![\w?])([a-z]+):[A-Za-z]", re.sub(r"#.*", "", text))) - {"http", "https"}
    assert used <= set(WDQS), f"prefixes the query service does not declare: {used - set(WDQS)}"
    prof = CONFIG["profiles"][path.stem]
    assert _profile_vars(prof) <= selected, _profile_vars(prof) - selected
    if "node" in prof:
        assert {f"label_{lang}" for lang in CONFIG["languages"]} <= selected


def _wikidata_like_graph() -> Graph:
    """Germany, South Korea, Saxony, Gyeonggi and a twinning in Wikidata's RDF shape (statements
    with qualifiers), invented QIDs for the provinces; labels in several languages."""
    g = Graph()
    de, kr, sn, gg, gw = WD.Q183, WD.Q884, WD.Q1202, WD.Q900001, WD.Q900002
    for item, iso, labels in ((de, "DE", {"de": "Deutschland", "en": "Germany", "ko": "독일"}),
                              (kr, "KR", {"de": "Südkorea", "en": "South Korea", "ko": "대한민국", "fr": "Corée du Sud"})):
        g.add((item, WDT.P297, Literal(iso)))
        for lang, v in labels.items():
            g.add((item, ns.RDFS.label, Literal(v, lang=lang)))
    g.add((WD.Q1221156, WDT.P279, WD.Q10864048))        # state of Germany ⊂ first-level subdivision
    g.add((WD.Q900010, WDT.P279, WD.Q10864048))         # province of South Korea ⊂ first-level subdivision
    for item, cls, country, iso, labels in ((sn, WD.Q1221156, de, "DE-SN", {"de": "Sachsen", "en": "Saxony"}),
                                            (gg, WD.Q900010, kr, "KR-41", {"ko": "경기도", "en": "Gyeonggi Province"}),
                                            (gw, WD.Q900010, kr, "KR-42", {"ko": "강원도"})):
        g.add((item, WDT.P31, cls))
        g.add((item, WDT.P17, country))
        g.add((item, WDT.P300, Literal(iso)))
        g.add((item, WDT.P131, country))
        for lang, v in labels.items():
            g.add((item, ns.RDFS.label, Literal(v, lang=lang)))
    g.add((sn, WDT.P605, Literal("DED")))
    for n, partner, start in ((1, gg, "2006-05-17T00:00:00Z"), (2, gw, None)):
        st = WD[f"statement-{n}"]
        g.add((sn, P.P190, st))
        g.add((st, PS.P190, partner))
        if start:
            g.add((st, PQ.P580, Literal(start, datatype=ns.XSD.dateTime)))
    return g


def test_queries_run_over_wikidata_shaped_rdf_and_their_json_results_load(tmp_path, empty_store):
    g = _wikidata_like_graph()
    files = []
    for name in ("countries", "regions", "twinning"):
        text = (QUERIES / f"{name}.rq").read_text(encoding="utf-8")
        result = g.query(PREFIXES + text)
        out = tmp_path / f"wikidata-{name}.json"
        out.write_bytes(result.serialize(format="json"))
        files.append(out)
    bindings = json.loads(files[2].read_text())["results"]["bindings"]
    assert any("start" not in b for b in bindings)                                   # the optional date, absent
    assert any(b.get("start", {}).get("datatype") == str(ns.XSD.dateTime) for b in bindings)  # a typed literal
    regions = json.loads(files[1].read_text())["results"]["bindings"]
    assert any(b.get("label_ko", {}).get("xml:lang") == "ko" for b in regions)
    _r, first = source.run(empty_store, "wikidata", files, OPTS)
    _r, second = source.run(empty_store, "wikidata", files, OPTS)
    assert first.nodes_created == 3 + 5 and not second.changed   # 3 documents, 2 countries, 3 provinces
    by_iso = {n.properties.get("iso_3166"): n for n in empty_store.iter_nodes() if n.properties.get("iso_3166")}
    assert by_iso["KR"].name == {"de": "Südkorea", "en": "South Korea", "ko": "대한민국"}  # fr is not taken
    assert by_iso["DE-SN"].properties["nuts"] == "DED" and by_iso["DE-SN"].properties["level"] == "state"
    assert by_iso["KR-41"].properties["level"] == "province" and by_iso["KR-41"].properties["qid"] == "Q900001"
    partners = {(e.source, e.target): e for e in empty_store.iter_edges() if e.type == "PARTNER_OF"}
    sn, gg, gw = by_iso["DE-SN"].id, by_iso["KR-41"].id, by_iso["KR-42"].id
    assert partners[(sn, gg)].properties == {"since": "2006-05-17"}
    assert partners[(sn, gw)].properties == {}
    part_of = {(e.source, e.target) for e in empty_store.iter_edges() if e.type == "PART_OF"}
    assert (gg, by_iso["KR"].id) in part_of and (sn, by_iso["DE"].id) in part_of


def _results(vars_: list[str], bindings: list[dict]) -> str:
    return json.dumps({"head": {"vars": vars_}, "results": {"bindings": bindings}}, ensure_ascii=False)


def test_documented_binding_shapes_are_read(tmp_path, empty_store):
    uri = lambda q: {"type": "uri", "value": f"http://www.wikidata.org/entity/{q}"}  # noqa: E731
    countries = tmp_path / "wikidata-countries.json"
    countries.write_text(_results(["item", "iso2", "label_de", "label_en", "label_ja"], [
        {"item": uri("Q17"), "iso2": {"type": "literal", "value": "JP"},
         "label_en": {"type": "literal", "xml:lang": "en", "value": "Japan"},
         "label_ja": {"type": "literal", "xml:lang": "ja", "value": "日本"}},         # label_de absent
        {"item": uri("Q183"), "iso2": {"type": "literal", "value": "DE"}},            # no label at all
    ]), encoding="utf-8")
    regions = tmp_path / "wikidata-regions.json"
    regions.write_text(_results(["item", "level", "country", "iso", "nuts", "parent", "label_ja"], [
        {"item": uri("Q35765"), "level": {"type": "literal", "value": "city"}, "country": uri("Q17"),
         "label_ja": {"type": "literal", "xml:lang": "ja", "value": "大阪市"}},     # no iso, nuts, parent: the country
    ]), encoding="utf-8")
    twinning = tmp_path / "wikidata-twinning.json"
    twinning.write_text(_results(["item", "partner", "start"], [
        {"item": uri("Q183"), "partner": uri("Q35765"),
         "start": {"type": "typed-literal", "datatype": str(ns.XSD.dateTime), "value": "1999-10-01T00:00:00Z"}},
    ]), encoding="utf-8")
    source.run(empty_store, "wikidata", [countries, regions, twinning], OPTS)
    nodes = {n.properties.get("qid"): n for n in empty_store.iter_nodes() if n.properties.get("qid")}
    assert nodes["Q17"].name == {"en": "Japan", "ja": "日本"}
    assert nodes["Q183"].name == {"und": "Q183"}           # an item without labels keeps its QID as name
    assert nodes["Q35765"].name == {"ja": "大阪市"} and "iso_3166" not in nodes["Q35765"].properties
    edges = {(e.type, e.source, e.target): e for e in empty_store.iter_edges()}
    assert ("PART_OF", nodes["Q35765"].id, nodes["Q17"].id) in edges
    assert edges[("PARTNER_OF", nodes["Q183"].id, nodes["Q35765"].id)].properties == {"since": "1999-10-01"}


def test_a_binding_whose_item_is_not_an_item_names_file_binding_and_field(tmp_path, empty_store):
    bad = tmp_path / "wikidata-countries.json"
    bad.write_text(_results(["item", "iso2"], [
        {"item": {"type": "uri", "value": "http://www.wikidata.org/entity/Q17"}, "iso2": {"type": "literal", "value": "JP"}},
        {"item": {"type": "bnode", "value": "b0"}, "iso2": {"type": "literal", "value": "KR"}},
    ]), encoding="utf-8")
    with pytest.raises(ValidationError, match=rf"{bad}:2: field 'item'"):
        source.run(empty_store, "wikidata", [bad], OPTS)
    assert list(empty_store.iter_nodes()) == []
