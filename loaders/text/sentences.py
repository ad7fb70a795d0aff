"""Sentence splitting with character offsets, aware of German and English abbreviations."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import MONTHS

ABBREVIATIONS = {
    "dr", "prof", "dipl", "ing", "z", "b", "u", "a", "v", "e", "ca", "mio", "mrd", "nr", "st", "bzw", "inkl",
    "ggf", "vgl", "co", "inc", "ltd", "corp", "jr", "sr", "mr", "mrs", "ms", "no", "vs", "etc", "usw", "ua",
    "bspw", "evtl", "gem", "hrsg", "jh", "max", "min", "mind", "rd", "sog", "tel", "abs", "bzgl", "d", "h", "i",
    "s", "o", "dt", "engl", "franz", "gmbh", "ggü", "jan", "feb", "aug", "sep", "sept", "okt", "oct", "nov", "dez",
    "dec", "ag", "mbh", "phil", "rer", "nat", "med", "techn", "hon", "tsd", "pty", "pte", "pvt", "sdn", "pt",
    "gov", "sen", "rep", "lt", "gen", "hr", "fr", "sec",  # titles before a name: "Gov. X", "Lt. Gov. Y", "Sec. W", "Hr. Z"
    "nds", "sächs", "thür", "nieders", "brandenb", "meckl",  # a German state before a body: "Nds. Ministerium"
}


# No real sentence is this long; longer runs (tables of numbers, pasted data) are cut at a space (or
# anywhere when there is none) so that the rules' work per sentence has a fixed bound.
MAX_SENTENCE = 600
_WINDOW = 80


def _bounded(block: str, cuts: list[int]) -> list[int]:
    out: list[int] = []
    pos = 0
    for c in cuts:
        while c - pos > MAX_SENTENCE:
            sp = block.rfind(" ", pos + MAX_SENTENCE // 2, pos + MAX_SENTENCE)
            nxt = sp if sp > pos else pos + MAX_SENTENCE
            out.append(nxt)
            pos = nxt
        out.append(c)
        pos = c
    return out


@dataclass(frozen=True)
class Sentence:
    index: int  # 1-based
    start: int
    end: int
    text: str
    paragraph: int


_END = re.compile(r"(?<![.!?])[.!?]++[\"'»«“”‘’)\]]*(?=\s)|[\"'»«“”]\s*(?=\n)")


def _is_boundary(text: str, pos: int, end: int) -> bool:
    """Is the punctuation run text[pos:end] the end of a sentence?"""
    # bounded windows: the work per boundary does not grow with the text
    before = text[max(0, pos - _WINDOW):pos]
    m = re.search(r"(\w+)$", before)
    word = m.group(1) if m else ""
    after = text[end:end + _WINDOW].lstrip()
    nxt = re.match(r"\S+", after)
    nxt_word = nxt.group(0) if nxt else ""
    if text[pos] == ".":
        if word.lower() in ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
            return False
        if word.isdigit():
            # "5. September", "10. bis 20.", "17. Platz": an ordinal, not an end
            w = re.sub(r"[^\w]", "", nxt_word).lower()
            if w in MONTHS or w in ("bis", "und", "oder", "platz", "rang", "jahrhundert", "mal") or nxt_word[:1].isdigit():
                return False
    if not nxt_word:
        return True
    first = nxt_word.lstrip("\"'»«“”„‚(")[:1]
    return bool(first) and (first.isupper() or first.isdigit() or not first.isalpha())


# a paragraph that ends in the middle of a word ("Maschinen-") and a next one that goes on in lower case
_BROKEN_WORD = re.compile(r"[A-Za-zÄÖÜäöüß]-\s*$")
_GOES_ON = re.compile(r"[ \t]*\n\s{0,10}(?:und|oder|bzw\.|sowie|and|or)\s")


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of the paragraphs (blocks between blank lines); a paragraph broken after a hyphen
    whose next one goes on with "und"/"oder" ("Maschinen-" + "und Anlagenbau") is joined to it."""
    out: list[tuple[int, int]] = []
    for pm in re.finditer(r"(?:[^\n]|\n(?!\s*\n))+", text):
        if out and _BROKEN_WORD.search(text[max(out[-1][0], out[-1][1] - _WINDOW):out[-1][1]]) and _GOES_ON.match(text, out[-1][1]):
            out[-1] = (out[-1][0], pm.end())
        else:
            out.append((pm.start(), pm.end()))
    return out


def split_sentences(text: str) -> list[Sentence]:
    """Sentences with offsets; blank lines and single-line headings always end a sentence."""
    out: list[Sentence] = []
    para = 0
    for block_start, block_end in _paragraphs(text):
        block = text[block_start:block_end]
        para += 1
        # a line break inside a block ends a sentence when the line has no final punctuation
        # and the next line starts a new unit (heading lines, lists, contact blocks)
        cuts: list[int] = []
        for lm in re.finditer(r"\n", block):
            ls = block.rfind("\n", 0, lm.start()) + 1
            le = block.find("\n", lm.end())
            prev_line = block[ls:lm.start()].strip()
            next_line = block[lm.end():le if le >= 0 else len(block)].strip()
            if _BROKEN_WORD.search(block[max(0, lm.start() - _WINDOW):lm.start()]) and _GOES_ON.match(block, lm.start()):
                continue  # "Maschinen-" / (blank line) / "und Anlagenbau": one sentence broken by a stray paragraph break
            if not prev_line or not next_line:
                cuts.append(lm.start())
                continue
            joins = prev_line[-1] in ",;-–(" or prev_line[-1].isalpha() and next_line[:1].islower()
            if not joins:
                cuts.append(lm.start())
        for m in _END.finditer(block):
            if m.group(0).strip() and _is_boundary(block, m.start(), m.end()):
                cuts.append(m.end())
        pos = 0
        for c in _bounded(block, sorted(set(cuts)) + [len(block)]):
            seg = block[pos:c]
            lead = len(seg) - len(seg.lstrip())
            s = seg.strip()
            if s and re.search(r"\w", s):
                a = block_start + pos + lead
                out.append(Sentence(len(out) + 1, a, a + len(s), s, para))
            pos = c
    return out
