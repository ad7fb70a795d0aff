"""Validation at the door: JSON request bodies are checked before anything reads them.

Refused with a 4xx that names the field (JSON path, e.g. ``nodes[3].properties.budget``):
nesting deeper than ``MAX_DEPTH`` (checked by a linear scan before parsing),
``NaN`` / ``Infinity`` literals and numbers that overflow to infinity, integers
with more than ``MAX_INT_DIGITS`` digits or beyond 64 bits, strings with lone
surrogates (``"\\ud800"``), and object keys that are not text.
"""

from __future__ import annotations

import json
import math
from typing import Any

from graph.errors import LoadError, ValidationError

MAX_DEPTH = 32
MAX_INT_DIGITS = 19
INT_RANGE = (-(2**63), 2**63 - 1)


def _bad(field: str, message: str, status_cls=ValidationError):
    field = field.encode("utf-8", "backslashreplace").decode("utf-8")[:300]
    return status_cls(f"request body: field '{field or '(top)'}': {message}",
                      details=[{"file": "request body", "line": None, "field": field or "(top)", "message": message}])


def check_depth(text: str, max_depth: int = MAX_DEPTH) -> None:
    """Refuse nesting deeper than ``max_depth`` without parsing (linear, strings skipped)."""
    depth, in_str, esc = 0, False, False
    for i, c in enumerate(text):
        if in_str:
            if esc:
                esc = False
            elif c == "\\":
                esc = True
            elif c == '"':
                in_str = False
        elif c == '"':
            in_str = True
        elif c in "[{":
            depth += 1
            if depth > max_depth:
                raise _bad(f"(character {i})", f"nested deeper than {max_depth} levels")
        elif c in "]}":
            depth -= 1


def _constant(name: str):
    raise ValueError(f"{name} is not allowed (JSON has no NaN or infinities)")


def _int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_INT_DIGITS:
        raise ValueError(f"integer with {len(text.lstrip('-'))} digits; at most {MAX_INT_DIGITS}")
    return int(text)


def _float(text: str) -> float:
    f = float(text)
    if not math.isfinite(f):
        raise ValueError(f"number {text[:30]} is out of range")
    return f


def loads(text: str) -> Any:
    """``json.loads`` with the door's limits; errors name the field (or the line and column)."""
    check_depth(text)
    try:
        value = json.loads(text, parse_constant=_constant, parse_int=_int, parse_float=_float)
    except json.JSONDecodeError as e:
        raise LoadError(f"request body:{e.lineno}: invalid JSON at column {e.colno}: {e.msg}") from None
    except ValueError as e:  # from the hooks above: find the field by walking the lenient parse
        raise _bad(_locate(text) or "", str(e)) from None
    check_value(value)
    return value


def _locate(text: str) -> str | None:
    """The JSON path of the first NaN, infinity or over-long integer (for the error message)."""
    try:
        lenient = json.loads(text, parse_int=lambda s: _Marked(s) if len(s.lstrip("-")) > MAX_INT_DIGITS else 0,
                             parse_float=lambda s: _Marked(s) if not math.isfinite(float(s)) else 0.0,
                             parse_constant=lambda s: _Marked(s))
    except ValueError:
        return None
    return _find(lenient, "")


class _Marked(str):
    pass


def _find(v: Any, path: str) -> str | None:
    if isinstance(v, _Marked):
        return path
    if isinstance(v, dict):
        for k, x in v.items():
            hit = _find(x, f"{path}.{k}" if path else str(k))
            if hit is not None:
                return hit
    elif isinstance(v, list):
        for i, x in enumerate(v):
            hit = _find(x, f"{path}[{i}]")
            if hit is not None:
                return hit
    return None


def check_value(v: Any, path: str = "") -> None:
    """Walk a parsed value: no lone surrogates, no non-finite floats, integers within 64 bits."""
    stack = [(v, path)]
    while stack:
        v, path = stack.pop()
        if isinstance(v, str):
            _check_text(v, path)
        elif isinstance(v, bool) or v is None:
            continue
        elif isinstance(v, int):
            if not INT_RANGE[0] <= v <= INT_RANGE[1]:
                raise _bad(path, "integer out of the 64-bit range")
        elif isinstance(v, float):
            if not math.isfinite(v):
                raise _bad(path, "NaN and infinities are not allowed")
        elif isinstance(v, dict):
            for k, x in v.items():
                if not isinstance(k, str):
                    raise _bad(path, "object keys must be text")
                sub = f"{path}.{k}" if path else k
                _check_text(k, sub)
                stack.append((x, sub))
        elif isinstance(v, list):
            stack.extend((x, f"{path}[{i}]") for i, x in enumerate(v))


def _check_text(s: str, path: str) -> None:
    try:
        s.encode("utf-8")
    except UnicodeEncodeError as e:
        raise _bad(path, f"text holds a lone surrogate (U+{ord(s[e.start]):04X}) at character {e.start}; "
                         "send valid Unicode") from None
    if "\x00" in s:
        raise _bad(path, "text holds a NUL character")
