"""Press releases (plain text, Markdown, HTML; German and English) -> graph records.

Public API
----------
* ``extract(text, *, doc_id, published, title, source_url, language, known)`` -> ``Extraction``
* ``load_text_files(paths, store, *, published, source_url, dry_run)`` -> ``TextLoadResult``
* ``to_yaml(extraction)``, ``to_json(extraction)``, ``dry_run_report(result)``
"""

from .extract import extract
from .gazetteer import Gazetteer, default_gazetteer, load_gazetteer
from .model import Extraction, FileResult, Review, TextLoadResult

__all__ = [
    "extract",
    "Extraction",
    "Review",
    "FileResult",
    "TextLoadResult",
    "Gazetteer",
    "default_gazetteer",
    "load_gazetteer",
]
