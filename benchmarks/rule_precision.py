"""Precision of each text rule on corpora with gold, and the confidence table the loader reads.

Usage: python3 benchmarks/rule_precision.py --corpus DIR [--corpus DIR ...] [--split dev|test|all] [--write]
       [--out FILE] [--holdout]

Every stated relation the loader extracts (reference facts left out) is credited to the rule
that found it (``Source.rule``) as a true or a false positive, with corpus_eval's matching:
an edge that matches a gold relation the gold marks implied counts as neither, and an edge
repeating another's key is counted once, for the first. Gold relations no edge found are
counted per relation type (they belong to no rule). The table lists rule, relation type, tp,
fp, precision and the confidence ``loaders.text.confidence.estimate`` gives.

``--write`` stores the counts and confidences as ``loaders/text/rule_confidence.yaml`` (rerun
after rules are added, renamed or moved: rule ids are derived from module and function).
``--out FILE`` writes the same table elsewhere (e.g. calibrated on one corpus, for
``corpus_eval.py --confidence-file FILE --min-confidence X`` on another). Calibrate on
development texts only.

``--holdout`` (two or more corpora): for each corpus, the confidences from the others and the
precision and recall of its relations when those below a threshold are held back - numbers
not fitted on the texts they are measured on.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.corpus_eval import CorpusMissing, align, extract_doc, match_relations, read_corpus, scored_nodes  # noqa: E402
from loaders.text.confidence import CONFIDENCE_FILE, Confidences, estimate  # noqa: E402

THRESHOLDS = (0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8)


@dataclass
class Counts:
    """What one corpus's stated relations were: (rule, type, verdict 'tp'|'fp') per edge, and the FNs."""

    edges: list[tuple[str, str, str]] = field(default_factory=list)
    fn_by_type: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def by_rule(self) -> dict[str, dict[str, list[int]]]:
        """rule -> type -> [tp, fp]."""
        out: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
        for rule, type_, verdict in self.edges:
            out[rule][type_][0 if verdict == "tp" else 1] += 1
        return {r: dict(t) for r, t in out.items()}

    def extend(self, other: "Counts") -> None:
        self.edges.extend(other.edges)
        for t, n in other.fn_by_type.items():
            self.fn_by_type[t] += n


def judged(d, x) -> tuple[list[tuple[Any, str, str]], list[tuple]]:
    """One text's stated edges the gold decides, as (edge, its rule, 'tp'|'fp'), and the gold relations
    no edge found (corpus_eval's matching; an edge matching an implied gold relation is neither)."""
    row = match_relations(d, x, align(d.entities, scored_nodes(x)))
    edges = [(e, next((s.rule for s in e.sources if s.rule), None) or "?", verdict)
             for e, verdict, _ in row.edges if verdict in ("tp", "fp")]
    return edges, row.fn


def attribute(cdir: Path, split: str = "dev") -> Counts:
    """Extract every text of the corpus (nothing held back) and credit each stated edge to its rule."""
    out = Counts()
    for d in read_corpus(cdir, split):
        edges, fn = judged(d, extract_doc(d))
        out.edges.extend((rule, e.type, verdict) for e, rule, verdict in edges)
        for gk in fn:
            out.fn_by_type[gk[0]] += 1
    return out


def table(c: Counts) -> str:
    lines = [f"{'rule':44s} {'relation':16s} {'tp':>4s} {'fp':>4s} {'prec':>6s} {'conf':>6s}"]
    by_rule = c.by_rule()
    for rule in sorted(by_rule):
        for type_, (tp, fp) in sorted(by_rule[rule].items()):
            lines.append(f"{rule:44s} {type_:16s} {tp:4d} {fp:4d} {tp / (tp + fp):6.3f} {estimate(tp, fp):6.3f}")
    tp = sum(v == "tp" for _, _, v in c.edges)
    fp = len(c.edges) - tp
    fn = sum(c.fn_by_type.values())
    lines.append(f"all: tp={tp} fp={fp} fn={fn} P={tp / max(1, tp + fp):.3f} R={tp / max(1, tp + fn):.3f}")
    lines.append("gold relations not found, per type: " + ", ".join(f"{t}={n}" for t, n in sorted(c.fn_by_type.items())))
    return "\n".join(lines)


def at_threshold(c: Counts, conf: Confidences, threshold: float) -> tuple[float, float, int, int, int]:
    """(P, R, tp, fp, fn) of the corpus's stated relations when those below ``threshold`` are held back."""
    tp = fp = held_tp = 0
    for rule, type_, verdict in c.edges:
        keep = conf.of(rule, type_) >= threshold
        if verdict == "tp":
            tp += keep
            held_tp += not keep
        else:
            fp += keep
    fn = sum(c.fn_by_type.values()) + held_tp
    return tp / max(1, tp + fp), tp / max(1, tp + fn), tp, fp, fn


def holdout(per_corpus: dict[str, Counts]) -> str:
    lines = []
    for name, c in per_corpus.items():
        rest = Counts()
        for other, oc in per_corpus.items():
            if other != name:
                rest.extend(oc)
        conf = Confidences.from_counts(rest.by_rule())
        confs = [conf.of(rule, type_) for rule, type_, _ in c.edges]
        p0 = sum(v == "tp" for _, _, v in c.edges) / max(1, len(c.edges))
        lines.append(f"measured on {name}, confidences from the other corpora "
                     f"(mean confidence {sum(confs) / max(1, len(confs)):.3f}, precision {p0:.3f}):")
        for t in THRESHOLDS:
            p, r, tp, fp, fn = at_threshold(c, conf, t)
            lines.append(f"  min_confidence {t:.1f}: P={p:.3f} R={r:.3f} (tp={tp} fp={fp} fn={fn})")
    return "\n".join(lines)


HEADER = ("# Per-rule precision of the text loader's relations on the dev texts, and the confidence\n"
          "# (Wilson lower bound, loaders/text/confidence.py) each relation of the rule carries.\n"
          "# Data, not code: regenerate with\n"
          "#   python3 benchmarks/rule_precision.py --corpus /work/devcorpus --corpus /work/unseen4/DEV2 --write\n")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", action="append", required=True, help="corpus folder (repeat for several)")
    ap.add_argument("--split", choices=("dev", "test", "all"), default="dev")
    ap.add_argument("--write", action="store_true", help=f"store the confidences in {CONFIDENCE_FILE.relative_to(ROOT)}")
    ap.add_argument("--out", help="write the table to this file instead")
    ap.add_argument("--holdout", action="store_true", help="precision/recall per threshold, leaving each corpus out")
    args = ap.parse_args(argv)
    per_corpus: dict[str, Counts] = {}
    try:
        for cdir in args.corpus:
            per_corpus[cdir] = attribute(Path(cdir), args.split)
    except CorpusMissing as e:
        print(f"rule_precision: {e}", file=sys.stderr)
        return 2
    total = Counts()
    for c in per_corpus.values():
        total.extend(c)
    print(table(total))
    if args.holdout and len(per_corpus) > 1:
        print()
        print(holdout(per_corpus))
    if args.write or args.out:
        conf = Confidences.from_counts(total.by_rule())
        corpora = ", ".join(Path(c).name for c in args.corpus)
        target = Path(args.out) if args.out else CONFIDENCE_FILE
        target.write_text(conf.to_yaml(HEADER + f"# calibrated on: {corpora} (split {args.split})\n"), encoding="utf-8")
        print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
