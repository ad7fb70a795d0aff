"""Does a learned per-fact model separate true from false relations better than the per-rule table?

Usage: python3 benchmarks/fact_model.py --train DIR [--train DIR ...] --eval DIR [--eval DIR ...]
       [--split dev] [--l2 1.0] [--cv K] [--write | --out FILE]

Every stated relation of the training corpora gets its features (``benchmarks.factmodel.features``,
computed from the Doc at extraction time) and its verdict with rule_precision's attribution
(corpus_eval's matching: implied gold relations and repeated keys are neither true nor false).
A logistic regression (``benchmarks.factmodel.model``) is fitted on them, and the per-rule table is
built from the same training corpora (as ``rule_precision.py --holdout`` does). On the eval
corpora the script prints:

* ROC AUC of the model's score and of the table's confidence;
* for the table's thresholds 0.3/0.4/0.5: how many relations the table holds back, and the
  precision/recall when the table - or the model, holding back the same number of its
  lowest-scored relations - does so (true/false relations held back);
* precision/recall at model thresholds 0.3-0.8.

``--cv K`` adds the same report for a K-fold cross-validation by text over all corpora pooled
(more training data per fit than leaving a whole corpus out, but folds share the corpora's style).

``--write`` stores the model trained on the --train corpora as ``loaders/text/fact_model.json``.
Train and evaluate on development texts only.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.corpus_eval import CorpusMissing, extract_doc, read_corpus  # noqa: E402
from benchmarks.rule_precision import Counts, judged  # noqa: E402
from loaders.text.confidence import Confidences, bundled  # noqa: E402
from benchmarks.factmodel.features import features  # noqa: E402
from benchmarks.factmodel.model import MODEL_FILE, FactModel, auc  # noqa: E402

TABLE_THRESHOLDS = (0.3, 0.4, 0.5)
MODEL_THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8)


class _Recorder:
    """A confidence source for ``build`` that notes each scored fact's rule, type and features."""

    def __init__(self, table: Confidences):
        self.table = table
        self.rows: list[tuple[str, str, list[str]]] = []

    def of_fact(self, d, f) -> float:
        self.rows.append((f.rule, f.type, features(d, f)))
        return self.table.of(f.rule, f.type)


@dataclass
class Labelled:
    """Stated relations of a corpus: (rule, type, features, 1 if true else 0), and gold relations not found."""

    rows: list[tuple[str, str, list[str], int]] = field(default_factory=list)
    fn: int = 0
    texts: list[str] = field(default_factory=list)  # per row: the text it came from
    fn_by_text: dict[str, int] = field(default_factory=dict)

    def extend(self, other: "Labelled") -> None:
        self.rows.extend(other.rows)
        self.texts.extend(other.texts)
        self.fn += other.fn
        self.fn_by_text.update(other.fn_by_text)

    def subset(self, keep) -> "Labelled":
        """The rows (and unfound gold) of the texts ``keep(text)`` accepts."""
        out = Labelled()
        for row, t in zip(self.rows, self.texts):
            if keep(t):
                out.rows.append(row)
                out.texts.append(t)
        out.fn_by_text = {t: n for t, n in self.fn_by_text.items() if keep(t)}
        out.fn = sum(out.fn_by_text.values())
        return out

    def counts(self) -> Counts:
        c = Counts()
        c.edges = [(r, t, "tp" if y else "fp") for r, t, _, y in self.rows]
        return c


def label(cdir: Path, split: str = "dev") -> Labelled:
    """Extract every text (nothing held back), feature each stated relation and credit it TP/FP."""
    out = Labelled()
    for d in read_corpus(cdir, split):
        rec = _Recorder(bundled())
        x = extract_doc(d, confidences=rec)
        # build scores the facts in the order it makes their edges, before any reference edge
        feats = {}
        for e, (rule, type_, fs) in zip(x.batch.edges, rec.rows):
            assert e.type == type_ and e.sources[0].rule == rule, "edges and scored facts out of step"
            feats[id(e)] = fs
        edges, fn = judged(d, x)
        for e, rule, verdict in edges:
            out.rows.append((rule, e.type, feats.get(id(e), [f"rule={rule}", f"type={e.type}"]), int(verdict == "tp")))
            out.texts.append(f"{cdir.name}/{d.key}")
        out.fn += len(fn)
        out.fn_by_text[f"{cdir.name}/{d.key}"] = len(fn)
    return out


def _pr(kept_tp: int, kept_fp: int, total_tp: int, fn: int) -> tuple[float, float]:
    return kept_tp / max(1, kept_tp + kept_fp), kept_tp / max(1, total_tp + fn)


def _held(labels: list[int], held: list[bool]) -> tuple[int, int]:
    """(true, false) relations held back."""
    return sum(1 for y, h in zip(labels, held) if h and y), sum(1 for y, h in zip(labels, held) if h and not y)


def fit_both(train: Labelled, l2: float = 1.0) -> tuple[FactModel, Confidences]:
    """The model and the per-rule table, both from the training relations."""
    model = FactModel.fit([r[2] for r in train.rows], [r[3] for r in train.rows], l2=l2)
    return model, Confidences.from_counts(train.counts().by_rule())


def compare(train: Labelled, test: Labelled, l2: float = 1.0) -> tuple[FactModel, str]:
    model, table = fit_both(train, l2)
    scores = [model.score(r[2]) for r in test.rows]
    confs = [table.of(r[0], r[1]) for r in test.rows]
    return model, report([r[3] for r in test.rows], scores, confs, test.fn)


def cross_validate(pool: Labelled, folds: int, l2: float = 1.0) -> str:
    """Model and table scored on each text by a fit on the texts of the other folds (texts dealt round-robin)."""
    texts = sorted(set(pool.texts))
    fold_of = {t: i % folds for i, t in enumerate(texts)}
    scores = [0.0] * len(pool.rows)
    confs = [0.0] * len(pool.rows)
    for k in range(folds):
        model, table = fit_both(pool.subset(lambda t: fold_of[t] != k), l2)
        for i, ((rule, type_, fs, _), t) in enumerate(zip(pool.rows, pool.texts)):
            if fold_of[t] == k:
                scores[i], confs[i] = model.score(fs), table.of(rule, type_)
    return report([r[3] for r in pool.rows], scores, confs, pool.fn)


def report(labels: list[int], scores: list[float], confs: list[float], fn: int) -> str:
    """AUC of both, P/R with as many held back as the table holds at its thresholds, P/R at model thresholds."""
    tp_all, n = sum(labels), len(labels)
    lines = [f"  relations: {n} (true {tp_all}, false {n - tp_all}, gold not found {fn}); "
             f"P={tp_all / max(1, n):.3f} R={tp_all / max(1, tp_all + fn):.3f} with nothing held back",
             f"  ROC AUC: model {auc(scores, labels):.3f}   table {auc(confs, labels):.3f}",
             "  same number held back as the table at its threshold:",
             f"    {'table thr':>9s} {'held':>5s} | {'table P':>7s} {'R':>6s} {'held t/f':>9s} | {'model P':>7s} {'R':>6s} {'held t/f':>9s}"]
    order = sorted(range(n), key=lambda i: scores[i])
    for t in TABLE_THRESHOLDS:
        t_held = [c < t for c in confs]
        k = sum(t_held)
        m_held = [False] * n
        for i in order[:k]:
            m_held[i] = True
        row = f"    {t:9.1f} {k:5d} |"
        for held in (t_held, m_held):
            ht, hf = _held(labels, held)
            p, r = _pr(tp_all - ht, n - tp_all - hf, tp_all, fn)
            row += f" {p:7.3f} {r:6.3f} {f'{ht}/{hf}':>9s} |"
        lines.append(row.rstrip(" |"))
    lines.append("  model thresholds:")
    for t in MODEL_THRESHOLDS:
        held = [s < t for s in scores]
        ht, hf = _held(labels, held)
        p, r = _pr(tp_all - ht, n - tp_all - hf, tp_all, fn)
        lines.append(f"    {t:.1f}: P={p:.3f} R={r:.3f} held {sum(held)} (true {ht}, false {hf})")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--train", action="append", required=True, help="corpus to train on (repeat for several)")
    ap.add_argument("--eval", action="append", default=[], help="corpus to measure on (repeat for several)")
    ap.add_argument("--split", choices=("dev", "test", "all"), default="dev")
    ap.add_argument("--l2", type=float, default=1.0, help="L2 penalty of the weights (not the bias)")
    ap.add_argument("--cv", type=int, default=0, metavar="K",
                    help="also: K-fold cross-validation by text over the --train and --eval corpora pooled")
    ap.add_argument("--write", action="store_true", help=f"store the model as {MODEL_FILE.relative_to(ROOT)}")
    ap.add_argument("--out", help="write the model to this file instead")
    args = ap.parse_args(argv)
    try:
        train = Labelled()
        for cdir in args.train:
            train.extend(label(Path(cdir), args.split))
        evals = {cdir: label(Path(cdir), args.split) for cdir in args.eval}
    except CorpusMissing as e:
        print(f"fact_model: {e}", file=sys.stderr)
        return 2
    model = FactModel.fit([r[2] for r in train.rows], [r[3] for r in train.rows], l2=args.l2)
    names = ", ".join(Path(c).name for c in args.train)
    print(f"trained on {names}: {len(train.rows)} relations, {len(model.weights)} features, l2={args.l2}")
    for cdir, test in evals.items():
        print(f"measured on {cdir}:")
        print(compare(train, test, args.l2)[1])
    if args.cv > 1:
        pool = Labelled()
        for part in [train, *evals.values()]:
            pool.extend(part)
        print(f"{args.cv}-fold cross-validation by text over all {len(set(pool.texts))} texts:")
        print(cross_validate(pool, args.cv, args.l2))
    if args.write or args.out:
        target = Path(args.out) if args.out else MODEL_FILE
        note = (f"logistic regression over benchmarks/factmodel/features.py features; trained on {names} "
                f"(split {args.split}) by benchmarks/fact_model.py")
        target.write_text(model.to_json(note), encoding="utf-8")
        print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
