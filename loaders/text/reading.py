"""Reading input files and turning HTML or Markdown into plain text.

Spans in extracted records refer to the plain text returned here (for plain
text that is the file's own text, for HTML and Markdown the text after markup
is removed), so ``text[start:end]`` is always the evidence sentence.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from graph.errors import LoadError

from .pdf import is_pdf, pdf_to_text

_BLOCK = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section",
          "article", "header", "footer", "blockquote", "pre", "hr", "dt", "dd", "title", "figcaption"}
_SKIP = {"script", "style", "noscript", "template", "head", "nav"}
# Page furniture: navigation, cookie and consent banners, share buttons, sidebars, footers. An element that is
# one of these (by tag, ARIA role, or a class/id naming it) is left out with everything inside it, so that
# menus and banners yield no facts.
_FURNITURE_TAGS = {"aside", "footer", "form", "button", "dialog", "menu", "select"}
_FURNITURE_ROLES = {"navigation", "banner", "contentinfo", "complementary", "dialog", "alertdialog", "menu", "search"}
_FURNITURE_NAME = re.compile(
    r"(?i)(?:^|[\s_-])(?:cookie\w*|consent\w*|gdpr|privacy-?banner|nav(?:bar|igation)?|menu\w*|breadcrumbs?|"
    r"share\w*|social\w*|newsletter|sidebar|footer|site-?header|skip-?link|related|teaser-?list|banner|popup|modal)"
    r"(?:$|[\s_-])")
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def _furniture(tag: str, attrs: list[tuple[str, str | None]]) -> bool:
    if tag in _FURNITURE_TAGS:
        return True
    a = {k: (v or "") for k, v in attrs}
    if a.get("role", "").lower() in _FURNITURE_ROLES:
        return True
    return bool(_FURNITURE_NAME.search(" " + a.get("class", "") + " " + a.get("id", "") + " "))


class _Stripper(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.title: list[str] = []
        self.in_title = False
        self.furniture: str | None = None  # tag of the furniture element being skipped
        self.furniture_depth = 0
        self.headings: list[str] = []  # texts of <h1> elements outside furniture
        self._h1 = 0

    def handle_starttag(self, tag, attrs):
        if tag == "title":
            self.in_title = True
        if self.furniture is not None:
            if tag == self.furniture:
                self.furniture_depth += 1
            return
        if tag not in _VOID and _furniture(tag, attrs):
            self.furniture, self.furniture_depth = tag, 1
            return
        if tag in _SKIP and tag != "head":
            self.skip += 1
        if tag == "h1":
            self._h1 += 1
            self.headings.append("")
        if tag in _BLOCK:
            self.parts.append("\n\n" if tag not in ("br", "li", "tr") else "\n")

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        if self.furniture is not None:
            if tag == self.furniture:
                self.furniture_depth -= 1
                if self.furniture_depth == 0:
                    self.furniture = None
                    self.parts.append("\n\n")
            return
        if tag in _SKIP and tag != "head" and self.skip:
            self.skip -= 1
        if tag == "h1" and self._h1:
            self._h1 -= 1
        if tag in _BLOCK:
            self.parts.append("\n\n" if tag not in ("br", "li", "tr") else "\n")

    def handle_data(self, data):
        if self.in_title:
            self.title.append(data)
            return
        if not self.skip and self.furniture is None:
            self.parts.append(data)
            if self._h1:
                self.headings[-1] += data


def _visible_text(markup: str) -> tuple[str, str | None, list[str]]:
    """Text without furniture (blocks separated by blank lines), the <title>, and the texts of <h1> headings."""
    p = _Stripper()
    p.feed(markup)
    p.close()
    text = "".join(p.parts)
    text = re.sub(r"[ \t\r\f\v\xa0]+", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    title = " ".join("".join(p.title).split()) or None
    return text, title, [" ".join(h.split()) for h in p.headings if h.strip()]


def main_content(markup: str) -> str | None:
    """The page's main text as the maintained main-content extractor ``trafilatura`` sees it (no network;
    None when it finds nothing or cannot read the page)."""
    try:
        import trafilatura
    except ImportError:  # pragma: no cover - a declared dependency; the furniture rules still apply
        return None
    try:
        out = trafilatura.extract(markup, include_comments=False, include_tables=True, include_links=False,
                                  include_images=False, deduplicate=False, favor_precision=True, output_format="txt")
    except Exception:  # trafilatura raises many kinds on odd markup; the furniture rules are the fallback
        return None
    return out if out and out.strip() else None


def _norm(s: str) -> str:
    return " ".join(s.replace("\xa0", " ").split())


def html_to_text(markup: str) -> tuple[str, str | None]:
    """Visible text of an HTML document (blocks separated by blank lines) and its <title>.

    Two filters, both must keep a block: the furniture rules (navigation, cookie banners, share buttons,
    sidebars, footers by tag, ARIA role or class/id) and ``trafilatura``'s main-content extraction (a block,
    or a line of it, stays when trafilatura's text contains it; the page's <h1> headline stays too). When
    trafilatura finds nothing, the furniture rules alone decide. The text is always rendered by the rules
    here, so inline markup never splits a sentence."""
    text, title, headings = _visible_text(markup)
    main = main_content(markup)
    if main is None:
        return text, title
    keep_text = _norm(main)
    heads = {_norm(h) for h in headings}
    blocks: list[str] = []
    for block in text.split("\n\n"):
        nb = _norm(block)
        if not nb:
            continue
        if nb in keep_text or nb in heads:
            blocks.append(block)
            continue
        lines = [ln for ln in block.split("\n") if _norm(ln) and (_norm(ln) in keep_text or _norm(ln) in heads)]
        if lines:
            blocks.append("\n".join(lines))
    if not blocks:
        return text, title
    return "\n\n".join(blocks), title


_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_EMPH = re.compile(r"(\*{1,3}|_{2,3})(?=\S)(.+?)(?<=\S)\1")
_MD_HEAD = re.compile(r"^\s{0,3}#{1,6}\s*", re.M)
_MD_QUOTE = re.compile(r"^\s{0,3}>\s?", re.M)
_MD_ESC = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|])")


def markdown_to_text(md: str) -> str:
    """Markdown without its markup: links keep their text, emphasis and headings lose their marks."""
    t = _MD_LINK.sub(r"\1", md)
    t = _MD_EMPH.sub(r"\2", t)
    t = _MD_HEAD.sub("", t)
    t = _MD_QUOTE.sub("", t)
    t = _MD_ESC.sub(r"\1", t)
    t = re.sub(r"^\s*\|\s*", "", t, flags=re.M)
    t = re.sub(r"[ \t]+\n", "\n", t)
    return t


def looks_like_html(text: str) -> bool:
    head = text[:2000].lower()
    return bool(re.search(r"<(!doctype html|html|body|p|div|h[1-6]|article)\b", head))


def to_plain(text: str, fmt: str | None = None) -> tuple[str, str | None]:
    """(plain text, title from markup or None) for fmt 'html', 'markdown', 'text' or None (guess)."""
    if fmt is None:
        fmt = "html" if looks_like_html(text) else "markdown" if re.search(r"^\s{0,3}#{1,6}\s|\]\(|\*\*", text, re.M) else "text"
    if fmt == "html":
        return html_to_text(text)
    if fmt == "markdown":
        return markdown_to_text(text), None
    return text, None


def format_of(path: Path) -> str | None:
    ext = path.suffix.lower()
    if ext in (".html", ".htm", ".xhtml"):
        return "html"
    if ext in (".md", ".markdown"):
        return "markdown"
    if ext in (".txt", ".text", ".pdf"):  # a PDF's text (``pdf``) is plain text
        return "text"
    return None


def read_text_file(path: str | Path) -> str:
    """The file's text, decoded as UTF-8 (a PDF: its text layer, ``pdf``); LoadError naming the file otherwise."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except FileNotFoundError:
        raise LoadError(f"{p}: file not found", details=[{"file": str(p), "message": "file not found"}]) from None
    except IsADirectoryError:
        raise LoadError(f"{p}: is a directory, not a text file", details=[{"file": str(p), "message": "is a directory"}]) from None
    except OSError as e:
        raise LoadError(f"{p}: cannot be read: {e.strerror or e}", details=[{"file": str(p), "message": str(e)}]) from None
    if not raw.strip():
        raise LoadError(f"{p}: the file is empty; nothing to extract", details=[{"file": str(p), "message": "empty file"}])
    if p.suffix.lower() == ".pdf" or is_pdf(raw):
        return pdf_to_text(raw, p)
    if b"\x00" in raw[:8192] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise LoadError(f"{p}: looks like a binary file (contains NUL bytes), not text", details=[{"file": str(p), "message": "binary file"}])
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        hint = ""
        try:
            raw.decode("cp1252")
            hint = " (it decodes as Windows-1252/Latin-1; convert it with e.g. `iconv -f cp1252 -t utf-8`)"
        except UnicodeDecodeError:
            pass
        raise LoadError(
            f"{p}: not valid UTF-8 at byte {e.start}{hint}",
            details=[{"file": str(p), "message": f"not valid UTF-8 at byte {e.start}"}],
        ) from None
    if not text.strip():
        raise LoadError(f"{p}: the file is empty; nothing to extract", details=[{"file": str(p), "message": "empty file"}])
    return text
