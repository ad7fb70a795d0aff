"""A small logistic regression over one-hot fact features (``features.features``): the
experiment of benchmarks/fact_model.py, which trains it on the true/false verdicts of stated
relations on dev texts and compares it with the per-rule table on texts it was not trained on.

The weights are data (feature name -> weight, plus a bias), stored as JSON; scoring needs only
a dict lookup and the logistic function. Training is L2-regularised Newton descent (IRLS) with
numpy: the problems are small (hundreds of features, a few thousand relations).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

MODEL_FILE = Path(__file__).with_name("fact_model.json")  


def _sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


@dataclass
class FactModel:
    weights: dict[str, float] = field(default_factory=dict)
    bias: float = 0.0
    l2: float = 1.0

    def score(self, feats: Iterable[str]) -> float:
        """Probability that the relation with these features is right; unknown features weigh 0."""
        return _sigmoid(self.bias + sum(self.weights.get(f, 0.0) for f in feats))

    @classmethod
    def fit(cls, rows: Sequence[Sequence[str]], labels: Sequence[int], l2: float = 1.0, iterations: int = 50) -> "FactModel":
        """Fit on feature lists and 0/1 labels; the bias is not penalised."""
        import numpy as np

        vocab = sorted({f for r in rows for f in r})
        index = {f: i for i, f in enumerate(vocab)}
        n, k = len(rows), len(vocab) + 1  # last column: bias
        x = np.zeros((n, k))
        for i, r in enumerate(rows):
            for f in r:
                x[i, index[f]] = 1.0
            x[i, -1] = 1.0
        y = np.asarray(labels, dtype=float)
        penalty = np.full(k, l2)
        penalty[-1] = 0.0
        w = np.zeros(k)
        for _ in range(iterations):
            p = 1.0 / (1.0 + np.exp(-(x @ w)))
            grad = x.T @ (p - y) + penalty * w
            hess = (x * (p * (1 - p))[:, None]).T @ x + np.diag(penalty + 1e-9)
            step = np.linalg.solve(hess, grad)
            w -= step
            if np.max(np.abs(step)) < 1e-7:
                break
        return cls({f: round(float(w[i]), 5) for f, i in index.items()}, round(float(w[-1]), 5), l2)

    def to_json(self, note: str = "") -> str:
        data = {"note": note, "l2": self.l2, "bias": self.bias, "weights": dict(sorted(self.weights.items()))}
        return json.dumps(data, indent=1, ensure_ascii=False) + "\n"

    @classmethod
    def load(cls, path: str | Path = MODEL_FILE) -> "FactModel":
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return cls(dict(data.get("weights") or {}), float(data.get("bias", 0.0)), float(data.get("l2", 1.0)))


def auc(scores: Sequence[float], labels: Sequence[int]) -> float:
    """ROC AUC (probability a random true relation scores above a random false one; ties count half)."""
    order = sorted(range(len(scores)), key=lambda i: scores[i])
    ranks = [0.0] * len(scores)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and scores[order[j + 1]] == scores[order[i]]:
            j += 1
        for t in range(i, j + 1):
            ranks[order[t]] = (i + j) / 2 + 1
        i = j + 1
    pos = sum(1 for y in labels if y)
    neg = len(labels) - pos
    if not pos or not neg:
        return float("nan")
    rank_sum = sum(r for r, y in zip(ranks, labels) if y)
    return (rank_sum - pos * (pos + 1) / 2) / (pos * neg)
