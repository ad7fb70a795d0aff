"""PDF press releases as plain text, through the maintained PDF text extractor ``pypdf``.

Page texts are joined and reflowed: PDF lines are layout lines, not sentences, so a
line joins the one before it unless that one is short (a heading, the last line of a
paragraph), which ends a paragraph; a word split by a hyphen at a line end is joined
("Wirtschafts-" + "förderung"; "Baden-" + "Württemberg" keeps its hyphen). Spans of
extracted records index this text.
"""

from __future__ import annotations

import io
import re
import statistics
from pathlib import Path

from graph.errors import LoadError


def is_pdf(raw: bytes) -> bool:
    return raw[:1024].lstrip().startswith(b"%PDF-")


def _fail(p: Path, why: str) -> LoadError:
    return LoadError(f"{p}: {why}", details=[{"file": str(p), "message": why}])


def pdf_to_text(raw: bytes, path: str | Path) -> str:
    """The text of a PDF file; ``LoadError`` naming the file when it cannot be read or has no text layer."""
    p = Path(path)
    try:
        from pypdf import PdfReader
        from pypdf.errors import PyPdfError
    except ImportError:  # pragma: no cover - a declared dependency
        raise _fail(p, "reading PDF files needs the 'pypdf' package (pip install pypdf)") from None
    try:
        reader = PdfReader(io.BytesIO(raw), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise _fail(p, "the PDF is encrypted; save it without a password first")
        pages = [page.extract_text() or "" for page in reader.pages]
    except LoadError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError, RecursionError) as e:
        raise _fail(p, f"not a readable PDF ({type(e).__name__}: {e})") from None
    text = "\n\n".join(reflow(t) for t in pages if t.strip())
    if not text.strip():
        raise _fail(p, "the PDF has no text layer (a scan?); nothing to extract")
    return text


_HYPHEN_END = re.compile(r"(\w)-$")


def reflow(page: str) -> str:
    """Layout lines of one page joined into paragraphs (blank line between paragraphs)."""
    lines = [" ".join(ln.split()) for ln in page.replace("\r", "\n").split("\n")]
    long_lines = [len(ln) for ln in lines if len(ln) >= 20]
    width = statistics.median(long_lines) if long_lines else 0
    paras: list[str] = []
    cur = ""
    prev_len = 0
    for ln in lines:
        if not ln:
            if cur:
                paras.append(cur)
            cur, prev_len = "", 0
            continue
        if not cur:
            cur = ln
        elif prev_len < 0.6 * width:  # the line before was short: a heading or a paragraph's last line
            paras.append(cur)
            cur = ln
        elif _HYPHEN_END.search(cur) and ln[:1].islower():
            cur = cur[:-1] + ln
        elif cur.endswith("-"):
            cur = cur + ln
        else:
            cur = cur + " " + ln
        prev_len = len(ln)
    if cur:
        paras.append(cur)
    return "\n\n".join(paras)
