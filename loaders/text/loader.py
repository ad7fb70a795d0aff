"""Reading press-release files, extracting, resolving and loading them into a store."""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Mapping

from graph.errors import LoadError
from graph.model import Batch
from graph.text import slug

from .extract import extract, is_reference
from .gazetteer import Gazetteer
from .model import FileResult, TextLoadResult
from .output import describe_changes
from .reading import format_of, read_text_file
from .resolve import Session, resolve

TEXT_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml", ".pdf")


def expand(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given; folders contribute their text, Markdown and HTML files in name order."""
    out: list[Path] = []
    for p in paths:
        p = Path(p)
        if p.is_dir():
            files = sorted(f for f in p.iterdir() if f.is_file() and f.suffix.lower() in TEXT_SUFFIXES)
            if not files:
                raise LoadError(f"{p}: folder holds no .txt, .md, .html or .pdf files")
            out.extend(files)
        else:
            out.append(p)
    return out


def doc_id_for(path: Path) -> str:
    return f"doc:{slug(path.stem)}"


def _pick(value: str | Mapping[str, str] | None, path: Path) -> str | None:
    if value is None or isinstance(value, str):
        return value
    return value.get(str(path)) or value.get(path.name) or value.get(path.stem)


def load_text_files(
    paths: Iterable[str | Path],
    store,
    *,
    published: str | Mapping[str, str] | None = None,
    source_url: str | Mapping[str, str] | None = None,
    dry_run: bool = False,
    language: str | None = None,
    known: Gazetteer | None = None,
    doc_ids: Mapping[str, str] | None = None,
    reference: bool = True,
    min_confidence: float | None = None,
) -> TextLoadResult:
    """Extract records from each file, resolve them against ``store`` and load them
    all as one all-or-nothing batch (``dry_run``: only report).

    ``published`` / ``source_url`` apply to every file, or map a file (path, name
    or stem) to its own value. ``reference``: add the gazetteer's reference facts
    about the named bodies and regions (``doc:regiograph-reference``). ``min_confidence``:
    relations of less reliable rules are held back for review (default: the
    ``text_min_confidence`` setting). Unreadable, binary, empty or non-UTF-8 files raise
    ``LoadError`` naming the file, before anything is written.
    """
    files = expand(paths)
    if not files:
        raise LoadError("no files given")
    session = Session()
    threshold = _threshold(min_confidence)
    results: list[FileResult] = []
    texts = [(f, read_text_file(f)) for f in files]  # every file is read (and checked) before any work
    for f, text in texts:
        did = (doc_ids or {}).get(str(f)) or (doc_ids or {}).get(f.name) or doc_id_for(f)
        try:
            x = extract(text, doc_id=did, published=_pick(published, f), title=None, source_url=_pick(source_url, f),
                        language=language, known=known, fmt=format_of(f), reference=reference,
                        min_confidence=threshold)
        except ValueError as e:
            raise LoadError(f"{f}: {e}") from None
        if not x.text.strip() or len(x.batch.nodes) == 0:
            raise LoadError(f"{f}: no text to extract from")
        resolve(x, store, session)
        results.append(FileResult(str(f), x.doc_id, x))
    return _apply(results, store, dry_run, label=", ".join(str(f) for f in files))


def load_text(
    text: str,
    store,
    *,
    doc_id: str,
    published: str | None = None,
    title: str | None = None,
    source_url: str | None = None,
    language: str | None = None,
    fmt: str | None = None,
    dry_run: bool = False,
    known: Gazetteer | None = None,
    reference: bool = True,
    min_confidence: float | None = None,
) -> TextLoadResult:
    """One release given as a string (e.g. posted to the API): extract, resolve, load.
    ``fmt``: 'text', 'markdown', 'html' or None (guess); ``min_confidence`` as for ``load_text_files``."""
    if not isinstance(text, str) or not text.strip():
        raise LoadError(f"{doc_id}: the text is empty; nothing to extract")
    try:
        x = extract(text, doc_id=doc_id, published=published, title=title, source_url=source_url,
                    language=language, known=known, fmt=fmt, reference=reference,
                    min_confidence=_threshold(min_confidence))
    except ValueError as e:
        raise LoadError(f"{doc_id}: {e}") from None
    resolve(x, store, Session())
    return _apply([FileResult(doc_id, x.doc_id, x)], store, dry_run, label=x.doc_id)


def _threshold(given: float | None) -> float:
    """The confidence a relation needs to be loaded: as given, else the ``text_min_confidence`` setting."""
    if given is not None:
        return given
    from regiograph.settings import Settings

    return Settings.from_env().text_min_confidence


def _apply(results: list[FileResult], store, dry_run: bool, label: str) -> TextLoadResult:
    # a reference fact one release of this load states itself is not added as reference data
    stated = {(e.type, e.source, e.target) for r in results for e in r.extraction.batch.edges if not is_reference(e)}
    for r in results:
        r.extraction.batch.edges[:] = [e for e in r.extraction.batch.edges
                                       if not (is_reference(e) and (e.type, e.source, e.target) in stated)]
    combined = Batch(label=label)
    for r in results:
        combined.extend(r.extraction.batch)
    changes = []
    for r in results:
        for c in describe_changes(r.extraction.batch, store):
            c["document"] = r.doc_id
            changes.append(c)
    report = store.load(combined, dry_run=dry_run)
    return TextLoadResult(results, report, dry_run, combined, changes)
