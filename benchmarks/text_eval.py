"""Precision, recall and F1 of the text loader on the annotated development set.

Usage: python benchmarks/text_eval.py [DEV_DIR] [--verbose]

Matching
--------
* Entity: an extracted node (Documents excluded) matches a gold entity when the
  types are equal and
  - the gold entity gives an ``id``: the node has that id;
  - Agreement / Event: the kind is equal (travel kinds delegation_visit, trip and
    mission count as one) and, when the gold gives ``start``, the node's date
    (Agreement: ``signed``, Event: ``start``) begins with it;
  - otherwise: one of the node's names or aliases equals the gold name or one of
    its aliases after normalization (case, accents, punctuation, German
    inflection endings: ``loaders.text.gazetteer.name_keys``).
  Each node matches at most one gold entity and vice versa.
* Relation: (type, source, target) with both ends mapped to gold keys through the
  entity matching; TRADES_WITH adds (year, direction). An edge with an unmatched
  end counts as a false positive.
* Reference facts (records whose only source is ``doc:regiograph-reference``:
  seats, parent bodies and the region hierarchy the gazetteer adds for what a
  text names) are not statements of the text and are left out; they are
  counted separately (``reference``).
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from loaders.text import extract  # noqa: E402
from loaders.text.extract import is_reference  # noqa: E402
from loaders.text.gazetteer import name_keys  # noqa: E402
from loaders.text.reading import format_of  # noqa: E402

TRAVEL = {"delegation_visit", "trip", "mission"}
DEFAULT_DIR = ROOT / "tests" / "data" / "textdev"


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    errors: list[str] = field(default_factory=list)
    reference: int = 0  # reference records left out

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def line(self, label: str) -> str:
        return f"{label:9s} P={self.precision:.3f} R={self.recall:.3f} F1={self.f1:.3f} (tp={self.tp} fp={self.fp} fn={self.fn})"


def _keys(names: list[str]) -> set:
    out = set()
    for n in names:
        out |= name_keys(n)
    return out


def _kind_ok(a: str | None, b: str | None) -> bool:
    return a == b or (a in TRAVEL and b in TRAVEL)


def align(gold: dict, nodes: list) -> dict[str, str]:
    """node id -> gold key."""
    out: dict[str, str] = {}
    used: set[str] = set()
    items = sorted(gold.items(), key=lambda kv: (0 if "id" in kv[1] else 1 if "start" in kv[1] else 2, kv[0]))
    for key, g in items:
        for n in nodes:
            if n.id in out or n.type != g["type"]:
                continue
            if "id" in g:
                ok = n.id == g["id"]
            elif g["type"] in ("Agreement", "Event"):
                date = n.properties.get("signed" if g["type"] == "Agreement" else "start") or ""
                ok = _kind_ok(n.properties.get("kind"), g.get("kind")) and (
                    "start" not in g or str(date).startswith(str(g["start"]))
                )
            else:
                gnames = [g["name"]] + list(g.get("aliases") or [])
                nnames = list(n.name.values()) + [a for v in n.aliases.values() for a in v]
                ok = bool(_keys(gnames) & _keys(nnames))
            if ok and key not in used:
                out[n.id] = key
                used.add(key)
                break
    return out


def rel_key(type_: str, s: str, t: str, props: dict) -> tuple:
    if type_ == "TRADES_WITH":
        return (type_, s, t, int(props.get("year")), props.get("direction"))
    return (type_, s, t)


def evaluate(dev_dir: Path | str = DEFAULT_DIR, verbose: bool = False) -> tuple[Score, Score]:
    dev_dir = Path(dev_dir)
    spec = yaml.safe_load((dev_dir / "gold.yaml").read_text(encoding="utf-8"))
    ent, rel = Score(), Score()
    for doc in spec["documents"]:
        path = dev_dir / doc["file"]
        x = extract(path.read_text(encoding="utf-8"), doc_id=path.stem, published=str(doc["published"]),
                    title=None, source_url=None, language=doc.get("language"), known=None, fmt=format_of(path))
        nodes = [n for n in x.batch.nodes if n.type != "Document" and not is_reference(n)]
        ent.reference += sum(1 for n in x.batch.nodes if n.type != "Document" and is_reference(n))
        gold = {k: dict(v, **({"start": str(v["start"])} if "start" in v else {})) for k, v in doc["entities"].items()}
        amap = align(gold, nodes)
        ent.tp += len(amap)
        for n in nodes:
            if n.id not in amap:
                ent.fp += 1
                ent.errors.append(f"{doc['file']}: FP entity {n.type} {n.id} {list(n.name.values())[0]!r}")
        for k in gold:
            if k not in amap.values():
                ent.fn += 1
                ent.errors.append(f"{doc['file']}: FN entity {k} {gold[k]}")
        gold_rels = set()
        for r in doc.get("relations") or []:
            props = r[3] if len(r) > 3 else {}
            gold_rels.add(rel_key(r[0], r[1], r[2], props))
        got = set()
        for e in x.batch.edges:
            if is_reference(e):
                rel.reference += 1
                continue
            s, t = amap.get(e.source, "?" + e.source), amap.get(e.target, "?" + e.target)
            got.add(rel_key(e.type, s, t, e.properties))
        rel.tp += len(got & gold_rels)
        for r in sorted(got - gold_rels, key=str):
            rel.fp += 1
            rel.errors.append(f"{doc['file']}: FP relation {r}")
        for r in sorted(gold_rels - got, key=str):
            rel.fn += 1
            rel.errors.append(f"{doc['file']}: FN relation {r}")
    if verbose:
        for line in ent.errors + rel.errors:
            print(line)
    return ent, rel


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dev_dir", nargs="?", default=str(DEFAULT_DIR))
    ap.add_argument("--verbose", "-v", action="store_true", help="list every false positive and false negative")
    args = ap.parse_args(argv)
    ent, rel = evaluate(args.dev_dir, verbose=args.verbose)
    print(ent.line("entities"))
    print(rel.line("relations"))
    print(f"reference records left out: {ent.reference} nodes, {rel.reference} edges")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
