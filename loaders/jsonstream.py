"""A streaming reader of one JSON records document, ``{"format": ..., "nodes": [...], "edges": [...]}``.

The C-accelerated ``json`` decoder parses each record (``raw_decode`` from an
offset), so a syntax error comes with its own position and every record with
the line it starts on, counted incrementally over the text already passed
(``str.count`` over the consumed part: no second parse). The text arrives in
chunks; only the unparsed tail stays in memory, so a large file is read with
bounded memory apart from the records themselves.

``JsonRecords(chunks, file).events()`` yields ``("key", name, line)`` for each
top-level key, ``("value", value, line)`` for a top-level value that is not a
list of records, and ``("record", section, index, value, line)`` for each entry
of a ``nodes``/``edges`` list. Errors raise ``LoadError`` with file, line and
column.
"""

from __future__ import annotations

import json
from typing import Iterator

from graph.errors import LoadError

_DECODER = json.JSONDecoder()
_WS = " \t\n\r"
_MARGIN = 16  # an error this close to the end of the buffer may only mean "read more"


class JsonRecords:
    def __init__(self, chunks: Iterator[str], file: str, sections: tuple[str, ...] = ("nodes", "edges")) -> None:
        self.chunks = chunks
        self.file = file
        self.sections = sections
        self.buf = ""
        self.pos = 0
        self.eof = False
        self.base_line = 1  # line number of buf[0]
        self.line_pos = 0  # buf offset up to which newlines have been counted into line_at
        self.line_at = 1

    # ------------------------------------------------------------ buffer

    def _more(self) -> bool:
        """Append the next chunk (dropping the consumed head); False at the end of the input."""
        if self.eof:
            return False
        for chunk in self.chunks:
            if chunk:
                break
        else:
            self.eof = True
            return False
        if self.pos > 0:
            self._line(self.pos)  # count the newlines of the part being dropped
            self.line_pos -= self.pos
            self.buf = self.buf[self.pos:]
            self.pos = 0
        self.buf += chunk
        return True

    def _line(self, pos: int) -> int:
        """Line of buf[pos]; positions asked for only grow, so newlines are counted once."""
        if pos >= self.line_pos:
            self.line_at += self.buf.count("\n", self.line_pos, pos)
        else:  # an error position behind the last record start: count back
            self.line_at -= self.buf.count("\n", pos, self.line_pos)
        self.line_pos = pos
        return self.line_at

    def _column(self, pos: int) -> int:
        start = self.buf.rfind("\n", 0, pos)
        return pos - start if start >= 0 else pos + 1  # approximate only if a line spans a dropped chunk

    def _fail(self, pos: int, msg: str):
        raise LoadError(f"{self.file}:{self._line(pos)}: invalid JSON at column {self._column(pos)}: {msg}")

    def _peek(self) -> str:
        """The next non-blank character ('' at the end), with pos on it."""
        while True:
            buf, pos, n = self.buf, self.pos, len(self.buf)
            while pos < n and buf[pos] in _WS:
                pos += 1
            self.pos = pos
            if pos < n:
                return buf[pos]
            if not self._more():
                return ""

    def _value(self):
        """Decode the JSON value at pos (reading more text while it may be incomplete)."""
        while True:
            try:
                value, end = _DECODER.raw_decode(self.buf, self.pos)
            except json.JSONDecodeError as e:
                incomplete = e.pos >= len(self.buf) - _MARGIN or e.msg.startswith("Unterminated string")
                if incomplete and self._more():
                    continue
                self._fail(e.pos, e.msg)
            if end >= len(self.buf) - _MARGIN and not self.eof and not isinstance(value, (dict, list, str)):
                # a number or literal at the end of the buffer may continue in the next chunk
                if self._more():
                    continue
            self.pos = end
            return value

    def _expect(self, ch: str, what: str) -> None:
        got = self._peek()
        if got != ch:
            self._fail(self.pos, f"Expecting {what}" if got else f"Expecting {what}, the file ends here")
        self.pos += 1

    # ------------------------------------------------------------ events

    def events(self):
        first = self._peek()
        if first != "{":
            if not first:
                yield ("value", None, 1)
                return
            line = self._line(self.pos)
            value = self._value()
            self._end()
            yield ("value", value, line)
            return
        self.pos += 1
        if self._peek() == "}":
            self.pos += 1
        else:
            while True:
                if self._peek() != '"':
                    self._fail(self.pos, "Expecting property name enclosed in double quotes")
                line = self._line(self.pos)
                key = self._value()
                self._expect(":", "':' delimiter")
                yield ("key", key, line)
                if key in self.sections and self._peek() == "[":
                    yield from self._records(key)
                else:
                    vline = self._line(self.pos) if self._peek() else line
                    yield ("value", self._value(), vline)
                sep = self._peek()
                if sep == ",":
                    self.pos += 1
                    continue
                if sep == "}":
                    self.pos += 1
                    break
                self._fail(self.pos, "Expecting ',' delimiter" if sep else "Expecting ',' delimiter, the file ends here")
        self._end()

    def _records(self, section: str):
        self.pos += 1  # '['
        if self._peek() == "]":
            self.pos += 1
            return
        i = 0
        while True:
            if not self._peek():
                self._fail(self.pos, "Expecting value, the file ends here")
            line = self._line(self.pos)
            yield ("record", section, i, self._value(), line)
            i += 1
            sep = self._peek()
            if sep == ",":
                self.pos += 1
                continue
            if sep == "]":
                self.pos += 1
                return
            self._fail(self.pos, "Expecting ',' delimiter" if sep else "Expecting ',' delimiter, the file ends here")

    def _end(self) -> None:
        if self._peek():
            self._fail(self.pos, "Extra data")
