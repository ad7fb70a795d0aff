"""The `regiograph load text` command's body (the CLI module wires the options)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from .loader import load_text_files
from .output import batch_to_dict, dry_run_report, to_yaml


def run_load_text(store, paths: list[str], *, published: str | None = None, source_url: str | None = None,
                  dry_run: bool = False, fmt: str = "text", output: str | None = None,
                  reference: bool = True, min_confidence: float | None = None) -> None:
    """Extract, resolve and load (or with ``dry_run`` only report) press releases; print the result
    as a readable report (``fmt='text'``), JSON or YAML; ``output`` also writes the records as YAML."""
    result = load_text_files(paths, store, published=published, source_url=source_url, dry_run=dry_run,
                             reference=reference, min_confidence=min_confidence)
    if output:
        Path(output).write_text(to_yaml(_WithReviews(result)), encoding="utf-8")
        click.echo(f"wrote {len(result.batch.nodes)} node and {len(result.batch.edges)} edge records to {output}", err=True)
    if fmt == "json":
        d = result.to_dict()
        d["changes"] = result.changes
        d["records"] = batch_to_dict(result.batch)
        click.echo(json.dumps(d, ensure_ascii=False, indent=2, default=str))
    elif fmt == "yaml":
        click.echo(to_yaml(_WithReviews(result)))
    else:
        click.echo(dry_run_report(result))


class _WithReviews:
    """Adapter: the combined batch of a load with the reviews and notes of all its files."""

    def __init__(self, result) -> None:
        self.batch = result.batch
        self.reviews = result.reviews
        self.notes = result.notes
        self.held = result.held
