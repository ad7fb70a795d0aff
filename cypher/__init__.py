"""Every Cypher statement Regiograph runs, one named ``.cypher`` file each.

``load(name)`` returns a statement's text (cached). Each file starts with a
``//`` header: purpose, parameters, returns. ``statements(name)`` splits a file
holding several ``;``-terminated statements (the schema setup).

Values always travel as query parameters. Cypher 5 does not accept parameters
for labels and relationship types in schema commands, and a MERGE only uses a
relationship index when its type is written out; those files carry
``<<placeholders>>`` that only ``render`` fills, and ``render`` accepts nothing
but names matching a strict pattern, which callers take from the validated
schema - never from a request.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
_PLACEHOLDER = re.compile(r"<<([a-z_]+)>>")
_IDENTIFIER = re.compile(r"^[A-Z][A-Za-z_]*$")


class UnknownStatementError(KeyError):
    """No ``cypher/<name>.cypher`` file exists."""

    def __str__(self) -> str:  # KeyError would repr() the message
        return self.args[0]


def names() -> list[str]:
    """The names of all statement files, sorted."""
    return sorted(
        p.name[: -len(".cypher")] for p in resources.files(__package__).iterdir() if p.name.endswith(".cypher")
    )


@lru_cache(maxsize=None)
def load(name: str) -> str:
    """The text of ``cypher/<name>.cypher`` (header comments included)."""
    if not isinstance(name, str) or not _NAME.match(name):
        raise UnknownStatementError(f"'{name}' is not a valid Cypher statement name (lowercase, digits, '_')")
    path = resources.files(__package__) / f"{name}.cypher"
    if not path.is_file():
        raise UnknownStatementError(f"no Cypher statement named '{name}'; known: {', '.join(names())}")
    return path.read_text(encoding="utf-8")


def _strip_comments(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//"))


def statements(name: str) -> list[str]:
    """The ``;``-separated statements of a file, comments removed, empty ones dropped."""
    return [s.strip() for s in _strip_comments(load(name)).split(";") if s.strip()]


def placeholders(name: str) -> set[str]:
    return set(_PLACEHOLDER.findall(load(name)))


def render(name: str, *, identifiers: dict[str, str]) -> str:
    """Fill the ``<<placeholders>>`` of a template statement.

    ``identifiers``: placeholder -> label/type name; each must match
    ``^[A-Z][A-Za-z_]*$`` (callers pass names from the validated schema only).
    Every placeholder of the file must be filled.
    """
    text = load(name)
    values: dict[str, str] = {}
    for key, ident in identifiers.items():
        if not isinstance(ident, str) or not _IDENTIFIER.match(ident):
            raise ValueError(f"{name}: '{ident}' is not an allowed label or type name")
        values[key] = ident
    wanted = placeholders(name)
    if set(values) != wanted:
        raise ValueError(f"{name}: placeholders {sorted(wanted)} need values, got {sorted(values)}")
    return _PLACEHOLDER.sub(lambda m: values[m.group(1)], text)


__all__ = ["load", "statements", "render", "names", "placeholders", "UnknownStatementError"]
