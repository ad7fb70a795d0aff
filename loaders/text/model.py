"""Result types of the text loader."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from graph.model import Batch, LoadReport


@dataclass
class Review:
    """A name that matched an existing node only loosely: NOT merged, listed for a human."""

    record_id: str  # the id the new node was given
    type: str
    name: str
    candidates: list[dict[str, Any]]  # [{id, label, score}], best first
    reason: str
    document: str | None = None
    evidence: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "record_id": self.record_id,
            "type": self.type,
            "name": self.name,
            "candidates": self.candidates,
            "reason": self.reason,
            "document": self.document,
            "evidence": self.evidence,
        }


@dataclass
class Held:
    """A relation the rules found whose rule is less reliable than the load's ``min_confidence``:
    NOT loaded, listed for a human to confirm (and load by hand) or drop."""

    type: str
    source: str
    target: str
    rule: str
    confidence: float
    document: str
    evidence: str
    properties: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"type": self.type, "source": self.source, "target": self.target, "rule": self.rule,
                "confidence": self.confidence, "document": self.document, "evidence": self.evidence,
                "properties": dict(self.properties)}

    def line(self) -> str:
        return f"{self.type} {self.source} -> {self.target} (rule {self.rule}, confidence {self.confidence:.2f})"


@dataclass
class Extraction:
    """Records extracted from one text, plus what needs a human's look."""

    doc_id: str
    batch: Batch
    text: str  # the plain text that spans refer to
    language: str
    reviews: list[Review] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # fuzzy merges and other decisions worth knowing
    held: list[Held] = field(default_factory=list)  # relations below the confidence threshold: not in the batch

    def to_dict(self) -> dict[str, Any]:
        from .output import batch_to_dict

        d = batch_to_dict(self.batch)
        d["document"] = self.doc_id
        d["language"] = self.language
        d["reviews"] = [r.to_dict() for r in self.reviews]
        d["notes"] = list(self.notes)
        d["held"] = [h.to_dict() for h in self.held]
        return d


@dataclass
class FileResult:
    path: str
    doc_id: str
    extraction: Extraction


@dataclass
class TextLoadResult:
    files: list[FileResult]
    report: LoadReport
    dry_run: bool
    batch: Batch  # everything that was (or would be) loaded
    changes: list[dict[str, Any]] = field(default_factory=list)  # per record: new/update/unchanged, with evidence

    @property
    def reviews(self) -> list[Review]:
        return [r for f in self.files for r in f.extraction.reviews]

    @property
    def notes(self) -> list[str]:
        return [n for f in self.files for n in f.extraction.notes]

    @property
    def held(self) -> list[Held]:
        return [h for f in self.files for h in f.extraction.held]

    def to_dict(self) -> dict[str, Any]:
        return {
            "dry_run": self.dry_run,
            "files": [{"path": f.path, "document": f.doc_id, "nodes": len(f.extraction.batch.nodes),
                       "edges": len(f.extraction.batch.edges)} for f in self.files],
            "report": self.report.to_dict(),
            "reviews": [r.to_dict() for r in self.reviews],
            "notes": self.notes,
            "held": [h.to_dict() for h in self.held],
        }
