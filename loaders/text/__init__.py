"""Press releases (plain text, Markdown, HTML; German and English) -> graph records.

Public API
----------
* ``extract(text, *, doc_id, published, title, source_url, language, known)`` -> ``Extraction``
* ``load_text_files(paths, store, *, published, source_url, dry_run)`` -> ``TextLoadResult``
* ``load_text(text, store, *, doc_id, published, title, source_url, fmt, dry_run)`` -> ``TextLoadResult``
* ``to_yaml(extraction)``, ``to_json(extraction)``, ``dry_run_report(result)``
"""

from .extract import extract
from .gazetteer import Gazetteer, default_gazetteer, load_gazetteer
from .loader import load_text, load_text_files
from .model import Extraction, FileResult, Review, TextLoadResult
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
    "FileResult",
    "TextLoadResult",
    "Gazetteer",
    "default_gazetteer",
    "load_gazetteer",
]
