"""Loaders: turn source files into a ``graph.model.Batch`` of records.

* ``load_path(path)`` / ``load_paths(paths)`` - YAML, JSON and CSV in the record
  format (docs/FORMAT.md); folders are read file by file, as one batch.
* ``loaders.text`` - press releases (plain text, Markdown, HTML) -> records.
"""

from pathlib import Path

from .structured import load_file, load_paths, parse_csv, parse_document


def load_path(path: str | Path):
    """One file or folder as a Batch."""
    return load_paths([path])


__all__ = ["load_path", "load_paths", "load_file", "parse_document", "parse_csv"]
