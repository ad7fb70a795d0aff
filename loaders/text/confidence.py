"""How far a text rule's relations can be trusted.

``rule_confidence.yaml`` (beside this module) holds, per rule id (``rules.context.rule_id``,
e.g. ``roles.apply``), the true and false positives its stated relations had on the dev
texts, overall and per relation type, and the confidence derived from them. It is data,
written by ``python3 benchmarks/rule_precision.py --corpus DIR ... --write``; rerun that
after rules are added, renamed or moved.

The confidence is the lower end of the Wilson score interval of the precision (one-sided
95 %, z = 1.645): a rule right 3 times out of 3 gets 0.53, one right 60 times out of 60 gets
0.96. The dev texts are the ones the rules were written on; texts the rules have not seen
score lower, so an estimate that also charges a rule for how few cases it was measured on
is the honest one. A relation looks up its (rule, type) cell, then the rule's overall
counts, then ``DEFAULT`` (a rule without data: new, renamed, or silent on the dev texts).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

CONFIDENCE_FILE = Path(__file__).with_name("rule_confidence.yaml")
Z = 1.645  # one-sided 95 %
DEFAULT = 0.5  # a rule never measured: the precision the loader had on texts it was not tuned on, rounded down


def estimate(tp: int, fp: int, z: float = Z) -> float | None:
    """Wilson lower bound of tp / (tp + fp), rounded to 3 places; None without observations."""
    n = tp + fp
    if n <= 0:
        return None
    p = tp / n
    centre = p + z * z / (2 * n)
    margin = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return round(max(0.0, (centre - margin) / (1 + z * z / n)), 3)


@dataclass
class Confidences:
    """rule id -> {tp, fp, confidence, types: {TYPE: {tp, fp, confidence}}}."""

    rules: dict[str, dict[str, Any]] = field(default_factory=dict)
    default: float = DEFAULT

    def of(self, rule: str, type_: str | None = None) -> float:
        """The confidence of a relation of ``type_`` found by ``rule``."""
        entry = self.rules.get(rule) or {}
        cell = (entry.get("types") or {}).get(type_) if type_ else None
        for c in (cell, entry):
            if c and c.get("confidence") is not None:
                return float(c["confidence"])
        return self.default

    @classmethod
    def from_counts(cls, counts: dict[str, dict[str, list[int]]], default: float = DEFAULT) -> "Confidences":
        """From rule -> type -> [tp, fp]."""
        rules: dict[str, dict[str, Any]] = {}
        for rule in sorted(counts):
            tp = sum(c[0] for c in counts[rule].values())
            fp = sum(c[1] for c in counts[rule].values())
            rules[rule] = {"tp": tp, "fp": fp, "confidence": estimate(tp, fp),
                           "types": {t: {"tp": c[0], "fp": c[1], "confidence": estimate(c[0], c[1])}
                                     for t, c in sorted(counts[rule].items())}}
        return cls(rules, default)

    def to_yaml(self, header: str = "") -> str:
        body = yaml.safe_dump({"default": self.default, "rules": self.rules}, sort_keys=False, width=120)
        return header + body


def load(path: str | Path) -> Confidences:
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    return Confidences(dict(data.get("rules") or {}), float(data.get("default", DEFAULT)))


@lru_cache(maxsize=1)
def bundled() -> Confidences:
    """The package's table (``rule_confidence.yaml``); no file: every rule gets ``DEFAULT``."""
    return load(CONFIDENCE_FILE) if CONFIDENCE_FILE.is_file() else Confidences()
