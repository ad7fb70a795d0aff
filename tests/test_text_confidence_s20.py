"""Rule provenance and confidence of text relations: the rule id on every extracted edge, the
confidence table, holding back relations below a threshold (extract, loader, setting), and the
calibration script's counting on a two-text corpus written here (own sentences)."""

from pathlib import Path

import pytest

from benchmarks.rule_precision import attribute, at_threshold
from graph.model import Source
from loaders.text import extract, load_text
from loaders.text.confidence import CONFIDENCE_FILE, DEFAULT, Confidences, bundled, estimate, load
from loaders.text.gazetteer import default_gazetteer
from loaders.text.output import dry_run_report
from loaders.text.rules.context import Doc
from loaders.text.typenames import HOLDS_ROLE_AT, PARTICIPATED_IN, PARTY_TO, TRADES_WITH, VISITED

TRIP = ("Ministerin Carla Wendholt, Europaministerin von Thüringen, besuchte am 4. März 2025 die Provinz Limburg. "
        "Im Jahr 2024 exportierte Thüringen Waren im Wert von 300 Millionen Euro nach Belgien.")


def _stated(x):
    return [e for e in x.batch.edges if not e.sources[0].document.endswith("regiograph-reference")]


def _rule(x, type_):
    return next(e.sources[0].rule for e in _stated(x) if e.type == type_)


# ------------------------------------------------------------------ rule ids on the edges

def test_every_stated_edge_names_its_rule_and_confidence():
    x = extract(TRIP, doc_id="trip", language="de")
    edges = _stated(x)
    assert {e.type for e in edges} >= {HOLDS_ROLE_AT, TRADES_WITH, VISITED}
    for e in edges:
        src = e.sources[0]
        assert src.rule and "." in src.rule and not src.rule.startswith("_")
        assert 0.0 <= src.confidence <= 1.0
    assert _rule(x, HOLDS_ROLE_AT).startswith("roles.")
    assert _rule(x, TRADES_WITH).startswith("trade.")
    # reference facts are data, not read by a rule
    assert all(e.sources[0].rule is None for e in x.batch.edges if e not in edges)


def test_rule_id_comes_from_the_calling_function_unless_given():
    d = Doc("Ein Satz.", "doc:t", None, "de", default_gazetteer().local_copy())

    def spotter():
        return d.fact(PARTY_TO, "org:a", ("agreement", 1), 1)

    f = spotter()
    assert f.rule == "test_text_confidence_s20.test_rule_id_comes_from_the_calling_function_unless_given.spotter"
    g = d.fact(PARTY_TO, "org:b", ("agreement", 1), 1, rule="agreements.parties")
    assert g.rule == "agreements.parties"
    # the same fact found again by another rule keeps the first rule
    again = d.fact(PARTY_TO, "org:b", ("agreement", 1), 1, rule="other.rule")
    assert again is g and g.rule == "agreements.parties"


def test_source_keeps_rule_and_confidence_through_its_dict_form():
    s = Source("doc:x", "sentence 2", "Ein Satz.", (0, 9), rule="roles.apply", confidence=0.81)
    back = Source.from_dict(s.to_dict())
    assert back == s
    # a source with only a document and a rule is not taken for a plain (document, locator) pair
    assert Source.from_dict({"document": "doc:x", "rule": "trade.apply"}).rule == "trade.apply"


# ------------------------------------------------------------------ the confidence table

def test_wilson_lower_bound_is_conservative_and_grows_with_evidence():
    assert estimate(0, 0) is None
    assert estimate(0, 5) == 0.0
    assert 0.5 < estimate(3, 0) < 0.6
    assert estimate(3, 0) < estimate(30, 0) < estimate(300, 0) < 1.0
    assert estimate(8, 2) < 0.8  # below the raw precision


def test_the_bundled_file_is_read():
    table = bundled()
    assert CONFIDENCE_FILE.is_file() and table.rules
    rule, entry = next(iter(table.rules.items()))
    type_, cell = next(iter(entry["types"].items()))
    assert table.of(rule, type_) == cell["confidence"]
    assert table.of("no.such_rule", HOLDS_ROLE_AT) == table.default == DEFAULT


def test_lookup_falls_back_from_type_to_rule_to_default(tmp_path):
    p = tmp_path / "conf.yaml"
    p.write_text("default: 0.33\nrules:\n  roles.apply:\n    tp: 9\n    fp: 1\n    confidence: 0.6\n"
                 "    types:\n      HOLDS_ROLE_AT: {tp: 9, fp: 0, confidence: 0.7}\n", encoding="utf-8")
    table = load(p)
    assert table.of("roles.apply", HOLDS_ROLE_AT) == 0.7
    assert table.of("roles.apply", VISITED) == 0.6
    assert table.of("trade.apply", TRADES_WITH) == 0.33


def test_counts_become_a_table_that_round_trips(tmp_path):
    table = Confidences.from_counts({"roles.apply": {HOLDS_ROLE_AT: [9, 1]}, "trade.apply": {TRADES_WITH: [0, 0]}})
    assert table.rules["roles.apply"]["confidence"] == estimate(9, 1)
    assert table.of("trade.apply", TRADES_WITH) == DEFAULT  # no observations
    p = tmp_path / "t.yaml"
    p.write_text(table.to_yaml("# header\n"), encoding="utf-8")
    assert load(p).rules == table.rules


# ------------------------------------------------------------------ holding back

def _low_trade() -> Confidences:
    """A table in which the trade rule is unreliable."""
    x = extract(TRIP, doc_id="trip", language="de")
    return Confidences({_rule(x, TRADES_WITH): {"tp": 1, "fp": 9, "confidence": 0.1}}, default=0.9)


def test_a_relation_below_the_threshold_is_held_not_in_the_batch():
    table = _low_trade()
    x = extract(TRIP, doc_id="trip", language="de", confidences=table, min_confidence=0.5)
    assert TRADES_WITH not in {e.type for e in x.batch.edges}
    assert HOLDS_ROLE_AT in {e.type for e in x.batch.edges}
    [held] = x.held
    assert held.type == TRADES_WITH and held.source == "region:de-th" and held.confidence == 0.1
    assert "300 Millionen" in held.evidence
    assert x.to_dict()["held"][0]["rule"] == held.rule
    # without a threshold everything is loaded, nothing held
    y = extract(TRIP, doc_id="trip", language="de", confidences=table)
    assert TRADES_WITH in {e.type for e in y.batch.edges} and y.held == []


def test_the_setting_works_through_the_loader(empty_store, monkeypatch):
    monkeypatch.setenv("REGIOGRAPH_TEXT_MIN_CONFIDENCE", "0.99")
    r = load_text(TRIP, empty_store, doc_id="doc:trip", language="de", dry_run=True)
    assert r.held and all(h.confidence < 0.99 for h in r.held)
    assert all(s.confidence is None or s.confidence >= 0.99 for e in r.batch.edges for s in e.sources)
    assert "HELD" in dry_run_report(r) and r.to_dict()["held"]
    # an explicit threshold wins over the setting; 0 loads everything
    r0 = load_text(TRIP, empty_store, doc_id="doc:trip", language="de", dry_run=False, min_confidence=0.0)
    assert r0.held == []
    stored = list(empty_store.iter_edges())
    rules = {s.rule for e in stored for s in e.sources if s.rule}
    assert any(r.startswith("roles.") for r in rules)  # the store keeps the rule in the source


def test_by_default_every_relation_is_loaded(empty_store, monkeypatch):
    """Default 0 (docs/TEXT_LOADER.md, "Rule confidence": on unseen texts the threshold held back as many
    true relations as false ones): nothing is held, and the sources still carry rule and confidence."""
    from loaders.text.loader import _threshold
    from regiograph.settings import Settings

    monkeypatch.delenv("REGIOGRAPH_TEXT_MIN_CONFIDENCE", raising=False)
    assert Settings.from_env({}).text_min_confidence == 0.0 and _threshold(None) == 0.0
    r = load_text(TRIP, empty_store, doc_id="doc:trip", language="de", dry_run=True)
    assert r.held == []
    unreliable = _low_trade()
    x = extract(TRIP, doc_id="trip", language="de", confidences=unreliable)
    assert x.held == [] and TRADES_WITH in {e.type for e in x.batch.edges}
    assert all(s.rule and s.confidence is not None for e in r.batch.edges for s in e.sources
               if s.document == "doc:trip")


def test_a_bad_threshold_setting_is_refused(monkeypatch):
    from graph.errors import ConfigError
    from regiograph.settings import Settings

    with pytest.raises(ConfigError, match="TEXT_MIN_CONFIDENCE"):
        Settings.from_env({"REGIOGRAPH_TEXT_MIN_CONFIDENCE": "1.5"})
    assert Settings.from_env({"REGIOGRAPH_TEXT_MIN_CONFIDENCE": "0.7"}).text_min_confidence == 0.7


# ------------------------------------------------------------------ calibration on a tiny corpus

TEXT_A = TRIP
TEXT_B = ("Wirtschaftsminister Jonas Brettner aus Schleswig-Holstein reiste nach Dänemark. "
          "Dort traf er Vertreter der Region Syddanmark. "
          "Die Handelskammer Hamburg und die Region Syddanmark unterzeichneten eine Absichtserklärung.")
GOLD = """\
de_a:
  entities:
    - {name: Carla Wendholt, type: Person, aliases: []}
    - {name: Thüringen, type: Region, aliases: []}
    - {name: Limburg, type: Region, aliases: [Provinz Limburg]}
    - {name: Belgien, type: Region, aliases: []}
    - {name: Besuch in Limburg, type: Event, aliases: []}
  relations:
    - [Carla Wendholt, holds_role_at, Thüringen, Europaministerin]
    - [Thüringen, trades_with, Belgien, 2024, 300000000, export]
    - [Carla Wendholt, participated_in, Besuch in Limburg]
    - [Besuch in Limburg, visited, Limburg]  # implied
    - [Thüringen, partner_of, Limburg]
de_b:
  entities:
    - {name: Jonas Brettner, type: Person, aliases: []}
    - {name: Schleswig-Holstein, type: Region, aliases: []}
    - {name: Dänemark, type: Region, aliases: []}
    - {name: Syddanmark, type: Region, aliases: [Region Syddanmark]}
    - {name: Handelskammer Hamburg, type: Organization, aliases: []}
    - {name: Reise nach Dänemark, type: Event, aliases: []}
    - {name: Absichtserklärung, type: Agreement, aliases: []}
  relations:
    - [Jonas Brettner, holds_role_at, Schleswig-Holstein, Wirtschaftsminister]
    - [Jonas Brettner, participated_in, Reise nach Dänemark]
    - [Reise nach Dänemark, visited, Syddanmark]
    - [Handelskammer Hamburg, party_to, Absichtserklärung]
    - [Syddanmark, party_to, Absichtserklärung]
"""


def _corpus(tmp_path: Path) -> Path:
    c = tmp_path / "corpus"
    (c / "texts").mkdir(parents=True)
    (c / "split.yaml").write_text("test: []\n", encoding="utf-8")
    for key, text in (("de_a", TEXT_A), ("de_b", TEXT_B)):
        (c / "texts" / f"{key}.txt").write_text(f"# source: https://example.org/{key}\n# lang: de\n{text}\n",
                                                encoding="utf-8")
    (c / "gold_de.yaml").write_text(GOLD, encoding="utf-8")
    return c


def test_calibration_credits_each_stated_relation_to_its_rule(tmp_path):
    counts = attribute(_corpus(tmp_path))
    rule = {t: _rule(extract(TEXT_B, doc_id="b", language="de"), t) for t in (HOLDS_ROLE_AT, PARTICIPATED_IN, VISITED, PARTY_TO)}
    rule[TRADES_WITH] = _rule(extract(TEXT_A, doc_id="a", language="de"), TRADES_WITH)
    by = counts.by_rule()
    assert by[rule[HOLDS_ROLE_AT]][HOLDS_ROLE_AT] == [2, 0]
    assert by[rule[TRADES_WITH]][TRADES_WITH] == [1, 0]
    assert by[rule[PARTICIPATED_IN]][PARTICIPATED_IN] == [2, 0]
    # the trip to Denmark is read as a visit of the country (false); Limburg's visit is implied: not counted
    assert by[rule[VISITED]][VISITED] == [0, 1]
    assert by[rule[PARTY_TO]][PARTY_TO] == [1, 0]
    assert dict(counts.fn_by_type) == {"PARTNER_OF": 1, "VISITED": 1, "PARTY_TO": 1}
    # holding back the visit rule: precision 1, recall 6 of 9
    table = Confidences.from_counts(by)
    p, r, tp, fp, fn = at_threshold(counts, table, 0.01)
    assert (tp, fp, fn) == (6, 0, 3) and p == 1.0


def test_the_script_writes_a_table_the_evaluation_reads(tmp_path, capsys):
    from benchmarks.corpus_eval import evaluate
    from benchmarks.rule_precision import main

    corpus = _corpus(tmp_path)
    out = tmp_path / "conf.yaml"
    assert main(["--corpus", str(corpus), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "all: tp=6 fp=1 fn=3" in printed
    table = load(out)
    # with the visit rule's confidence at 0, a threshold holds its one false relation back
    res = evaluate(corpus, "dev", confidences=table, min_confidence=0.01)
    assert (res.stated.tp, res.stated.fp, res.stated.fn) == (6, 0, 3)
