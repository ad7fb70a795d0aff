"""The learned-confidence experiment: per-fact features (benchmarks/factmodel/features.py), the
logistic regression and its AUC (benchmarks/factmodel/model.py), build's per-fact confidence hook, and
benchmarks/fact_model.py's labelling on a tiny corpus (own sentences)."""

import json

from benchmarks.fact_model import _Recorder, label, main
from benchmarks.rule_precision import attribute
from loaders.text import extract
from loaders.text.confidence import bundled
from benchmarks.factmodel.features import _title_like, bucket
from benchmarks.factmodel.model import FactModel, auc
from loaders.text.typenames import HOLDS_ROLE_AT, PARTICIPATED_IN, TRADES_WITH, VISITED
from tests.test_text_confidence_s20 import _corpus

TRIP = ("Economy Minister Helga Ostermann of Saxony-Anhalt travelled to Belgium in May 2025. "
        "During the trip she visited Antwerp. "
        "In 2023 Saxony-Anhalt exported goods worth 410 million euros to Belgium.")


def _rows(text, lang="en"):
    rec = _Recorder(bundled())
    extract(text, doc_id="doc:t", language=lang, confidences=rec)
    return rec.rows


def _of(rows, type_):
    return [set(fs) for rule, t, fs in rows if t == type_]


# ------------------------------------------------------------------ features

def test_features_describe_rule_ends_and_sentence_without_words_of_the_text():
    rows = _rows(TRIP)
    [role] = _of(rows, HOLDS_ROLE_AT)
    assert {"type=HOLDS_ROLE_AT", "ends=Person>Region", "src_origin=local", "tgt_origin=gaz", "in_sentence=both",
            "distance=le20", "lang=en", "event=none", "position=first"} <= role
    assert any(f.startswith("rule=roles.") for f in role)
    [trade] = _of(rows, TRADES_WITH)
    assert {"ends=Region>Region", "src_origin=gaz", "tgt_origin=gaz", "position=body", "length=le80"} <= trade
    # the trip of the first sentence is read from a verb, the second sentence names it ("trip")
    visits = _of(rows, VISITED)
    assert len(visits) == 2 and all("src_origin=made" in v and "ends=Event>Region" in v for v in visits)
    assert {"event=no_word", "event=word"} == {next(f for f in v if f.startswith("event=")) for v in visits}
    [took_part] = _of(rows, PARTICIPATED_IN)
    assert "ends=Person>Event" in took_part and "tgt_origin=made" in took_part
    # features name rules, schema types and buckets only, never a word as the text writes it
    words = {w.strip(".,") for w in TRIP.split()}
    for _, _, fs in rows:
        assert len(fs) == 14
        for f in fs:
            assert not (set(f.replace(">", "=").replace("|", "=").split("=")) & words)


def test_buckets_and_headlines():
    assert bucket(0, (0, 20, 60)) == "le0"
    assert bucket(21, (0, 20, 60)) == "le60"
    assert bucket(500, (0, 20, 60)) == "gt60"
    assert _title_like("Saxony-Anhalt And Flanders Deepen Their Ties")
    assert not _title_like("The minister travelled to Belgium in May.")
    assert not _title_like("Neue Partnerschaft mit Flandern besiegelt.")


# ------------------------------------------------------------------ the model

def test_training_separates_a_separable_set():
    rows, labels = [], []
    for i in range(60):
        good = i % 3 != 0
        rows.append(["sign=good" if good else "sign=bad", f"noise={i % 4}"])
        labels.append(int(good))
    model = FactModel.fit(rows, labels, l2=0.5)
    scores = [model.score(r) for r in rows]
    assert auc(scores, labels) == 1.0
    assert model.weights["sign=good"] > 0 > model.weights["sign=bad"]
    assert model.score(["sign=good"]) > 0.8 > 0.2 > model.score(["sign=bad"])
    # an unseen feature weighs nothing: the score is the bias's
    assert model.score(["never=seen"]) == model.score([])


def test_weights_round_trip_as_json(tmp_path):
    model = FactModel({"rule=a.b": 1.25, "type=VISITED": -0.5}, bias=0.1, l2=2.0)
    p = tmp_path / "m.json"
    p.write_text(model.to_json("note"), encoding="utf-8")
    assert json.loads(p.read_text(encoding="utf-8"))["note"] == "note"
    back = FactModel.load(p)
    assert back == model and back.score(["rule=a.b"]) == model.score(["rule=a.b"])


def test_auc_counts_ties_half():
    assert auc([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1]) == 1.0
    assert auc([0.9, 0.8, 0.2, 0.1], [0, 0, 1, 1]) == 0.0
    assert auc([0.5, 0.5, 0.5, 0.5], [0, 1, 0, 1]) == 0.5
    assert auc([0.2, 0.4, 0.4, 0.9], [0, 0, 1, 1]) == 0.875


# ------------------------------------------------------------------ build asks a per-fact source

class _NoVisits:
    """A confidence source that scores single facts: visits low, the rest high."""

    def of_fact(self, d, f):
        return 0.1 if f.type == VISITED else 0.9


def test_build_uses_a_per_fact_score_when_the_source_has_one():
    x = extract(TRIP, doc_id="doc:t", language="en", confidences=_NoVisits(), min_confidence=0.5)
    assert VISITED not in {e.type for e in x.batch.edges}
    assert {h.type for h in x.held} == {VISITED} and all(h.confidence == 0.1 for h in x.held)
    kept = [e for e in x.batch.edges if e.sources[0].rule]
    assert kept and all(e.sources[0].confidence == 0.9 for e in kept)


# ------------------------------------------------------------------ the script on a tiny corpus

def test_labelling_agrees_with_rule_precision(tmp_path):
    corpus = _corpus(tmp_path)
    labelled = label(corpus)
    counts = attribute(corpus)
    assert sorted((r, t, "tp" if y else "fp") for r, t, _, y in labelled.rows) == sorted(counts.edges)
    assert labelled.fn == sum(counts.fn_by_type.values()) == 3
    assert sum(y for *_, y in labelled.rows) == 6 and len(labelled.rows) == 7
    for rule, type_, fs, _ in labelled.rows:
        assert f"rule={rule}" in fs and f"type={type_}" in fs and len(fs) == 14
    assert set(labelled.texts) == {"corpus/de_a", "corpus/de_b"}


def test_the_script_reports_and_writes_a_model(tmp_path, capsys):
    corpus = _corpus(tmp_path)
    out = tmp_path / "model.json"
    assert main(["--train", str(corpus), "--eval", str(corpus), "--cv", "2", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "ROC AUC: model" in printed and "table thr" in printed and "2-fold cross-validation" in printed
    assert "relations: 7 (true 6, false 1, gold not found 3)" in printed
    model = FactModel.load(out)
    assert model.weights and all("=" in k for k in model.weights)
