"""The ``regiograph`` command: a thin layer over the library.

Every command reads the settings from ``REGIOGRAPH_*`` environment variables
(``regiograph settings`` lists them) and opens the store they name.
"""

from __future__ import annotations

import json
import sys
from contextlib import contextmanager
from pathlib import Path

import click

from graph.errors import RegiographError

from .settings import SETTINGS, Settings


def _settings(**overrides) -> Settings:
    return Settings.from_env(**overrides)


@contextmanager
def _store(settings: Settings | None = None, *, seed: bool = True):
    from .seed import ensure_seed
    from .stores import open_store

    settings = settings or _settings()
    store = open_store(settings)
    try:
        if seed and settings.load_seed:
            ensure_seed(store)
        yield store
    finally:
        store.close()


class _Progress:
    """A click progress bar fed by the store's (done, total) callback."""

    def __init__(self, label: str):
        self.label = label
        self.bar = None
        self.done = 0

    def __call__(self, done: int, total: int) -> None:
        if self.bar is None:
            self.bar = click.progressbar(length=total, label=self.label, file=sys.stderr)
            self.bar.__enter__()
        self.bar.update(done - self.done)
        self.done = done

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)


class _LoadGroup(click.Group):
    """``regiograph load FILE...`` loads record files; ``regiograph load text FILE...`` press releases."""

    def parse_args(self, ctx, args):
        if args and args[0] not in self.commands and not args[0].startswith("-"):
            args = ["records", *args]
        elif args and args[0].startswith("-") and args[0] not in ("--help", "-h"):
            args = ["records", *args]
        return super().parse_args(ctx, args)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="regiograph")
def cli() -> None:
    """Regiograph: a knowledge graph of inter-regional economic relations.

    Settings come from REGIOGRAPH_* environment variables; see 'regiograph settings'.
    """


@cli.command()
@click.option("--host", default=None, help="address to listen on (REGIOGRAPH_HOST, default 127.0.0.1)")
@click.option("--port", type=int, default=None, help="port to listen on (REGIOGRAPH_PORT, default 8000)")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="worker processes answering in parallel (each opens the store; the embedded store supports "
                   "several processes on one data folder)")
def serve(host: str | None, port: int | None, workers: int) -> None:
    """Serve the HTTP API, the explorer and the views (loads the seed dataset into an empty store)."""
    import uvicorn

    from api.app import create_app

    settings = _settings(host=host, port=port)
    click.echo(f"Regiograph on http://{settings.host}:{settings.port}/ (API docs at /docs, store: {settings.store}"
               + (f", {workers} workers" if workers > 1 else "") + ")", err=True)
    if workers == 1:
        uvicorn.run(create_app(settings), host=settings.host, port=settings.port, log_level="info")
        return
    if settings.load_seed:  # once here, not racing in every worker
        with _store(settings):
            pass
    # each worker process builds its app from the same REGIOGRAPH_* environment
    uvicorn.run("api.app:create_app", factory=True, workers=workers, host=settings.host, port=settings.port,
                log_level="info")


@cli.group(cls=_LoadGroup)
def load() -> None:
    """Load records (YAML, JSON, CSV) or press releases (load text ...)."""


@load.command("records")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--dry-run", is_flag=True, help="check and report, write nothing")
def load_records(paths: tuple[str, ...], dry_run: bool) -> None:
    """Load record files or folders (YAML, JSON, CSV nodes + edges) as one all-or-nothing batch."""
    from loaders import load_paths

    from .progress import LoadProgress

    progress = LoadProgress("checking" if dry_run else "loading")
    try:
        progress.stage("reading", "bytes")
        batch = load_paths(paths, progress=progress)
        progress.close()
        click.echo(f"read {len(batch.nodes)} node and {len(batch.edges)} edge records", err=True)
        with _store(seed=False) as store:
            report = store.load(batch, progress=progress, dry_run=dry_run)
    finally:
        progress.close()
    click.echo(json.dumps({"dry_run": dry_run, **report.to_dict()}, indent=2))


@load.command("text")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--published", default=None, help="publication date YYYY-MM-DD (resolves 'today', 'last year', ...)")
@click.option("--source-url", default=None, help="URL of the document, kept as provenance")
@click.option("--dry-run", is_flag=True, help="show what would be added or changed, with the evidence; write nothing")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "yaml"]), default="text", help="dry-run output format")
@click.option("--output", "-o", type=click.Path(), default=None, help="write the extracted records as an editable YAML file")
@click.option("--no-reference", is_flag=True,
              help="do not add the bundled reference facts (seats and parents of known bodies, region hierarchy)")
def load_text(paths, published, source_url, dry_run, fmt, output, no_reference) -> None:
    """Extract entities and relations from press releases (text, Markdown, HTML; German or English) and load them."""
    from loaders.text.cli import run_load_text

    with _store(seed=False) as store:
        run_load_text(store, list(paths), published=published, source_url=source_url, dry_run=dry_run, fmt=fmt,
                      output=output, reference=not no_reference)


@cli.command()
@click.argument("query")
@click.option("--type", "types", multiple=True, help="only these node types (repeatable)")
@click.option("--limit", default=20, show_default=True, help="most results")
@click.option("--json", "as_json", is_flag=True, help="print JSON")
def search(query: str, types: tuple[str, ...], limit: int, as_json: bool) -> None:
    """Search nodes by name or alias, in any language."""
    with _store() as store:
        hits = store.search(query, types=list(types) or None, limit=limit)
    if as_json:
        click.echo(json.dumps([h.to_dict() for h in hits], ensure_ascii=False, indent=2))
        return
    for h in hits:
        click.echo(f"{h.score:5.2f}  {h.node.id:40s} {h.node.type:13s} {h.node.label}  (matched '{h.matched}')")
    if not hits:
        click.echo("no matches", err=True)


@cli.command()
@click.argument("source")
@click.argument("target")
@click.option("-k", default=3, show_default=True, help="how many paths (1-10)")
@click.option("--max-hops", default=6, show_default=True, help="longest path (1-8)")
@click.option("--type", "types", multiple=True, help="edge types allowed (repeatable)")
@click.option("--as-of", default=None, help="only facts valid on this date")
@click.option("--via", "via", multiple=True,
              help="node types allowed between the endpoints (repeatable; 'all' for any; "
                   "default: Agreement, Company, Event, Organization, Person)")
@click.option("--json", "as_json", is_flag=True, help="print JSON")
def path(source, target, k, max_hops, types, as_of, via, as_json) -> None:
    """Partner paths: the k shortest paths between two entities (ids or names)."""
    from graph.resolve import resolve_ref
    from graph.store.base import PARTNER_VIA

    via_types = None if "all" in via else (list(via) or PARTNER_VIA)
    with _store() as store:
        s, t = resolve_ref(store, source, "source"), resolve_ref(store, target, "target")
        result = store.paths(s, t, k=k, max_hops=max_hops, edge_types=list(types) or None, as_of=as_of, via=via_types)
    if as_json:
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
        return
    if not result.paths:
        click.echo(f"no path of at most {max_hops} hops between {s} and {t}", err=True)
    for i, p in enumerate(result.paths, 1):
        click.echo(f"path {i} ({p.length} hops):")
        click.echo(f"  {p.nodes[0].label} [{p.nodes[0].id}]")
        for hop, node in zip(p.hops, p.nodes[1:]):
            arrow = f"-[{hop.edge.type}]->" if hop.direction == "forward" else f"<-[{hop.edge.type}]-"
            docs = ", ".join(sorted({s_.document for s_ in hop.edge.sources}))
            click.echo(f"  {arrow} {node.label} [{node.id}]   (source: {docs})")
    if result.truncated:
        click.echo("(search stopped at its work cap; narrow with --type or --max-hops)", err=True)


@cli.command()
@click.argument("entity")
@click.option("--depth", default=1, show_default=True, help="1-3")
@click.option("--edge-type", "edge_types", multiple=True, help="only these edge types (repeatable)")
@click.option("--node-type", "node_types", multiple=True, help="only these node types (repeatable)")
@click.option("--as-of", default=None, help="only facts valid on this date")
@click.option("--limit", default=500, show_default=True, help="most nodes")
@click.option("--json", "as_json", is_flag=True, help="print JSON")
def neighbors(entity, depth, edge_types, node_types, as_of, limit, as_json) -> None:
    """The neighbourhood of an entity (id or name)."""
    from graph.resolve import resolve_ref

    with _store() as store:
        nid = resolve_ref(store, entity)
        sub = store.neighbors(nid, depth=depth, edge_types=list(edge_types) or None,
                              node_types=list(node_types) or None, as_of=as_of, limit=limit)
    if as_json:
        click.echo(json.dumps(sub.to_dict(), ensure_ascii=False, indent=2))
        return
    labels = {n.id: n.label for n in sub.nodes}
    click.echo(f"{len(sub.nodes)} nodes, {len(sub.edges)} edges" + (f" ({sub.omitted_nodes} more not shown)" if sub.truncated else ""))
    for e in sub.edges:
        click.echo(f"  {labels.get(e.source, e.source)} -[{e.type}]-> {labels.get(e.target, e.target)}")


@cli.command()
@click.argument("a")
@click.argument("b")
@click.option("--json", "as_json", is_flag=True, help="print JSON")
def connections(a, b, as_json) -> None:
    """How are A and B connected: common neighbours, agreements, events, shortest path."""
    from graph.resolve import resolve_ref

    with _store() as store:
        c = store.connections(resolve_ref(store, a, "a"), resolve_ref(store, b, "b"))
    d = c.to_dict()
    if as_json:
        click.echo(json.dumps(d, ensure_ascii=False, indent=2))
        return
    for key in ("common_neighbors", "agreements", "events"):
        click.echo(f"{key.replace('_', ' ')}: " + (", ".join(f"{n['label']} [{n['id']}]" for n in d[key]) or "none"))
    if c.shortest:
        click.echo("shortest path: " + " - ".join(n.label for n in c.shortest.nodes))


@cli.command()
@click.argument("entity")
@click.option("--other", default=None, help="a second entity: facts between the two")
@click.option("--json", "as_json", is_flag=True, help="print JSON")
def timeline(entity, other, as_json) -> None:
    """Dated facts around an entity (or between two), in order."""
    from graph.resolve import resolve_ref

    with _store() as store:
        nid = resolve_ref(store, entity)
        oid = resolve_ref(store, other, "other") if other else None
        t = store.timeline(nid, other=oid)
    if as_json:
        click.echo(json.dumps(t.to_dict(), ensure_ascii=False, indent=2))
        return
    for item in t.items:
        click.echo(f"{item.date:10s}  {item.label}")


@cli.command()
def stats() -> None:
    """Counts of nodes and edges per type."""
    with _store() as store:
        click.echo(json.dumps(store.stats().to_dict(), indent=2))


@cli.command()
@click.argument("output", type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["json", "graphml", "records", "neo4j-import"]), default=None,
              help="json: node-link JSON; graphml; records: YAML in the record format (default: by file extension); "
                   "neo4j-import: OUTPUT is a folder of CSV files for 'neo4j-admin database import full'")
def export(output: str, fmt: str | None) -> None:
    """Export the whole graph (node-link JSON, GraphML, record YAML that 'load' reads back, or neo4j-admin import CSV)."""
    from graph.export import export_graph

    if fmt == "neo4j-import":
        from graph.neo4j_import import import_args, write_import_files

        with _store() as store:
            n, m = write_import_files(store, output)
        click.echo(f"wrote {n} nodes and {m} edges to {output}; import them into a new database with:\n"
                   f"  neo4j-admin {' '.join(import_args(output))}", err=True)
        return
    fmt = fmt or {".json": "json", ".graphml": "graphml", ".yaml": "records", ".yml": "records"}.get(Path(output).suffix.lower())
    if fmt is None:
        raise click.UsageError("cannot tell the format from the file name; pass --format json|graphml|records")
    with _store() as store:
        counts = export_graph(store, output, fmt)
    click.echo(f"wrote {counts[0]} nodes and {counts[1]} edges to {output} ({fmt})", err=True)


@cli.command()
@click.option("--to", "to", type=click.Choice(["neo4j", "embedded"]), required=True,
              help="target store; the source is the other one (both as the settings describe them)")
@click.option("--batch-size", default=5000, show_default=True, help="records per write transaction")
def migrate(to: str, batch_size: int) -> None:
    """Copy the whole graph between the embedded store and Neo4j (idempotent; verified by counts)."""
    from dataclasses import replace

    from graph.migrate import migrate as run_migration

    from .stores import open_store

    base = _settings()
    src_settings = replace(base, store="neo4j" if to == "embedded" else "embedded")
    dst_settings = replace(base, store=to)
    source = open_store(src_settings)
    try:
        target = open_store(dst_settings)
        try:
            progress = _Progress(f"copying {src_settings.store} -> {to}")
            try:
                report = run_migration(source, target, batch_size=batch_size, progress=progress)
            finally:
                progress.close()
        finally:
            target.close()
    finally:
        source.close()
    click.echo(json.dumps(report.to_dict(), indent=2))


@cli.command("settings")
def settings_cmd() -> None:
    """List every setting: environment variable, current value (secrets masked) and meaning."""
    current = _settings().public()
    for s in SETTINGS:
        click.echo(f"{s.env:32s} = {current[s.name]!s:30s}  {s.help}")


def main() -> None:
    try:
        cli(standalone_mode=True)
    except RegiographError as e:  # library errors: one clear line, no traceback
        click.echo(f"error: {e.message}", err=True)
        for d in e.details[1:10]:
            where = f"{d.get('file')}:{d.get('line')}" if d.get("line") is not None else d.get("file", "")
            click.echo(f"  {where} field '{d.get('field')}': {d.get('message')}", err=True)
        sys.exit(2)


if __name__ == "__main__":  # pragma: no cover
    main()
