"""Press releases (plain text, Markdown, HTML; German and English) -> graph records.

Public API
----------
* ``extract(text, *, doc_id, published, title, source_url, language, known, min_confidence)`` -> ``Extraction``
* ``load_text_files(paths, store, *, published, source_url, dry_run, min_confidence)`` -> ``TextLoadResult``
* ``load_text(text, store, *, doc_id, published, title, source_url, fmt, dry_run, min_confidence)`` -> ``TextLoadResult``

Relations carry the rule that read them and its confidence in their source
(``rule_confidence.yaml``); those below ``min_confidence`` are listed in ``held``, not loaded.
* ``to_yaml(extraction)``, ``to_json(extraction)``, ``dry_run_report(result)``
"""

from .extract import extract
from .gazetteer import Gazetteer, default_gazetteer, load_gazetteer
from .loader import load_text, load_text_files
from .model import Extraction, FileResult, Held, Review, TextLoadResult
from .output import dry_run_report, to_json, to_yaml
from .resolve import Session, resolve

__all__ = [
    "extract",
    "load_text_files",
    "load_text",
    "resolve",
    "Session",
    "to_yaml",
    "to_json",
    "dry_run_report",
    "Extraction",
    "Review",
    "Held",
    "FileResult",
    "TextLoadResult",
    "Gazetteer",
    "default_gazetteer",
    "load_gazetteer",
]
