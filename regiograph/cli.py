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
    if settings.host not in ("127.0.0.1", "localhost", "::1") and settings.read_access == "public":
        click.echo(f"warning: listening on {settings.host} with public reads: anyone who reaches this address can read "
                   "the whole graph; set REGIOGRAPH_READ_ACCESS=key and create read keys ('regiograph keys create "
                   "--role read --name NAME'), see SECURITY.md", err=True)
    from .stores import preflight

    preflight(settings)
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
    """Load records (YAML, JSON, CSV), press releases (load text ...) or open data
    (load wikidata|gleif|genesis|ecb|mapping ...; sources in loaders/sources.yaml, see docs/SOURCES.md)."""


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
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=None,
              help="hold back relations whose rule's confidence is below this, for review (default: REGIOGRAPH_TEXT_MIN_CONFIDENCE)")
def load_text(paths, published, source_url, dry_run, fmt, output, no_reference, min_confidence) -> None:
    """Extract entities and relations from press releases (text, Markdown, HTML, PDF; German or English) and load them."""
    from loaders.text.cli import run_load_text

    with _store(seed=False) as store:
        run_load_text(store, list(paths), published=published, source_url=source_url, dry_run=dry_run, fmt=fmt,
                      output=output, reference=not no_reference, min_confidence=min_confidence)


def _source_command(name: str, summary: str, options) -> click.Command:
    """``regiograph load NAME FILE...`` for one registered open-data source (loaders/sources.yaml)."""

    def run(paths, dry_run, **opts):
        from loaders import source as sources

        progress = sources.RowProgress(f"reading {name}")
        write_progress = _Progress("writing")
        with _store(seed=False) as store:
            try:
                result, report = sources.run(store, name, paths, opts, dry_run=dry_run, progress=progress,
                                             write_progress=write_progress)
            finally:
                write_progress.close()
        click.echo(json.dumps({"dry_run": dry_run, "read": result.to_dict(), **report.to_dict()},
                              ensure_ascii=False, indent=2))

    params = [click.Argument(["paths"], nargs=-1, required=True, type=click.Path()),
              click.Option(["--dry-run"], is_flag=True, help="check and report, write nothing")]
    for o in options:
        params.append(click.Option([f"--{o.name.replace('_', '-')}", o.name], default=o.default, show_default=o.default is not None,
                                   is_flag=o.flag, help=o.help))
    return click.Command(name, callback=run, params=params, help=summary)


def _register_sources() -> None:
    from loaders.source import registry

    for name, src in registry().items():
        load.add_command(_source_command(name, src.summary, src.all_options()))


_register_sources()


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
@click.option("--since", default=None, help="only facts valid at any time from this date on (YYYY, YYYY-MM, YYYY-MM-DD)")
@click.option("--until", default=None, help="only facts valid at any time up to this date")
@click.option("--json", "as_json", is_flag=True, help="print JSON")
def path(source, target, k, max_hops, types, as_of, via, since, until, as_json) -> None:
    """Partner paths: the k shortest paths between two entities (ids or names)."""
    from graph.resolve import resolve_ref
    from graph.store.base import PARTNER_VIA

    via_types = None if "all" in via else (list(via) or PARTNER_VIA)
    with _store() as store:
        s, t = resolve_ref(store, source, "source"), resolve_ref(store, target, "target")
        result = store.paths(s, t, k=k, max_hops=max_hops, edge_types=list(types) or None, as_of=as_of, via=via_types,
                             since=since, until=until)
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
@click.option("--since", default=None, help="only facts valid at any time from this date on (YYYY, YYYY-MM, YYYY-MM-DD)")
@click.option("--until", default=None, help="only facts valid at any time up to this date")
@click.option("--json", "as_json", is_flag=True, help="print JSON")
def neighbors(entity, depth, edge_types, node_types, as_of, limit, since, until, as_json) -> None:
    """The neighbourhood of an entity (id or name)."""
    from graph.resolve import resolve_ref

    with _store() as store:
        nid = resolve_ref(store, entity)
        sub = store.neighbors(nid, depth=depth, edge_types=list(edge_types) or None,
                              node_types=list(node_types) or None, as_of=as_of, limit=limit,
                              since=since, until=until)
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
@click.option("--as-of", default=None, help="only facts valid on this date (a year or month: at any time in it)")
@click.option("--since", default=None, help="only facts valid at any time from this date on (YYYY, YYYY-MM, YYYY-MM-DD)")
@click.option("--until", default=None, help="only facts valid at any time up to this date")
@click.option("--json", "as_json", is_flag=True, help="print JSON")
def connections(a, b, as_of, since, until, as_json) -> None:
    """How are A and B connected: common neighbours, agreements, events, shortest path."""
    from graph.resolve import resolve_ref

    with _store() as store:
        c = store.connections(resolve_ref(store, a, "a"), resolve_ref(store, b, "b"), as_of=as_of,
                              since=since, until=until)
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
@click.option("--since", default=None, help="only items dated from this date on (YYYY, YYYY-MM, YYYY-MM-DD)")
@click.option("--until", default=None, help="only items dated up to this date")
@click.option("--json", "as_json", is_flag=True, help="print JSON")
def timeline(entity, other, since, until, as_json) -> None:
    """Dated facts around an entity (or between two), in order; a region's include its actors' agreements and events."""
    from graph.resolve import resolve_ref

    with _store() as store:
        nid = resolve_ref(store, entity)
        oid = resolve_ref(store, other, "other") if other else None
        t = store.timeline(nid, other=oid, since=since, until=until)
    if as_json:
        click.echo(json.dumps(t.to_dict(), ensure_ascii=False, indent=2))
        return
    for item in t.items:
        click.echo(f"{item.date:10s}  {item.label}")
        for e in item.facts[:4]:
            docs = ", ".join(sorted({s_.document for s_ in e.sources}))
            click.echo(f"{'':12s}  via {e.source} -[{e.type}]-> {e.target}   (source: {docs})")


@cli.command("list")
@click.option("--type", "type_", default=None, help="node type, e.g. Organization")
@click.option("--kind", default=None, help="subtype of the type, e.g. agency")
@click.option("--in", "within", default=None, help="region (id or name): located in it or part of it, transitively")
@click.option("--related", default=None, help="EDGE:NodeType, e.g. PARTY_TO:Agreement")
@click.option("--counterpart-in", default=None, help="with --related: another node on such an edge lies in this region")
@click.option("--since", default=None, help="dated from this date on (YYYY, YYYY-MM, YYYY-MM-DD)")
@click.option("--until", default=None, help="dated up to this date")
@click.option("--where", multiple=True, help="property:value (repeatable)")
@click.option("--sort", type=click.Choice(["id", "label", "date"]), default="id", show_default=True)
@click.option("--cursor", default=None, help="next_cursor of the previous page")
@click.option("--limit", default=50, show_default=True, help="hits per page")
@click.option("--json", "as_json", is_flag=True, help="print JSON")
def list_cmd(type_, kind, within, related, counterpart_in, since, until, where, sort, cursor, limit, as_json) -> None:
    """Entities by type, kind, region, relation, date and property, each with why it matched."""
    from graph import query
    from graph.resolve import resolve_ref

    with _store() as store:
        w = resolve_ref(store, within, "in") if within else None
        cp = resolve_ref(store, counterpart_in, "counterpart_in") if counterpart_in else None
        r = query.run(store, "entities", type=type_, kind=kind, within=w, related=related, counterpart_in=cp,
                      since=since, until=until, where=list(where), sort=sort, cursor=cursor, limit=limit)
    if as_json:
        click.echo(json.dumps(r.to_dict(), ensure_ascii=False, indent=2))
        return
    click.echo(f"{r.total} matches (" + ", ".join(f"{t}: {n}" for t, n in r.counts.items()) + ")")
    for h in r.items:
        click.echo(f"{h.node.id:40s} {h.node.type:13s} {h.node.label}")
        for why in h.why:
            docs = ", ".join(sorted({s_.document for e in why.edges for s_ in e.sources}))
            click.echo(f"{'':4s}{why.kind}: {why.text}" + (f"   (sources: {docs})" if docs else ""))
    if r.next_cursor:
        click.echo(f"more: --cursor {r.next_cursor}", err=True)


@cli.command()
@click.argument("a")
@click.argument("b")
@click.option("--from", "from_", type=int, default=None, help="first year")
@click.option("--to", type=int, default=None, help="last year")
@click.option("--svg", "svg", type=click.Path(), default=None, help="also write the chart as an SVG file")
@click.option("--json", "as_json", is_flag=True, help="print JSON")
def trade(a, b, from_, to, svg, as_json) -> None:
    """Trade series: A's exports to and imports from B by year, in euros, with sources."""
    from graph import query
    from graph.resolve import resolve_ref

    with _store() as store:
        r = query.run(store, "trade", a=resolve_ref(store, a, "a"), b=resolve_ref(store, b, "b"), from_=from_, to=to)
    if svg:
        from views.trade_chart import trade_chart_svg

        Path(svg).write_text(trade_chart_svg(r), encoding="utf-8")
    if as_json:
        click.echo(json.dumps(r.to_dict(), ensure_ascii=False, indent=2))
        return
    click.echo(f"trade of {r.a.label} with {r.b.label}:")
    for f in r.figures:
        docs = ", ".join(sorted({s_.document for s_ in f.edge.sources}))
        amount = f.to_dict()["amount"] or f"{f.value} {f.unit or ''} {f.currency or ''} ({f.note})"
        click.echo(f"  {f.year}  {f.direction:6s}  {amount:>20s}   (source: {docs})")
    if not r.figures:
        click.echo("no trade figures", err=True)


@cli.command()
@click.argument("a")
@click.argument("b")
@click.option("--sample", type=int, default=None, help="most actor pairs searched (default 200)")
@click.option("--limit", type=int, default=None, help="most brokers (default 20)")
@click.option("--json", "as_json", is_flag=True, help="print JSON")
def brokers(a, b, sample, limit, as_json) -> None:
    """Who connects region A's actors to region B's: brokers on shortest partner paths, with an example path."""
    from graph import query
    from graph.resolve import resolve_ref

    with _store() as store:
        r = query.run(store, "brokers", a=resolve_ref(store, a, "a"), b=resolve_ref(store, b, "b"),
                      sample=sample, limit=limit)
    if as_json:
        click.echo(json.dumps(r.to_dict(), ensure_ascii=False, indent=2))
        return
    d = r.to_dict()
    click.echo(f"{r.actors_a} x {r.actors_b} actors, {r.pairs_sampled} of {r.pairs_total} pairs searched"
               + (f" (sampled; standard error of a share <= {d['standard_error']})" if d["sampled"] else "")
               + f", {r.pairs_connected} connected")
    for x in r.brokers:
        click.echo(f"{x.pairs:5d}  {x.share:5.0%}  {x.node.label} [{x.node.id}]")
        docs = ", ".join(sorted({s_.document for h in x.example.hops for s_ in h.edge.sources}))
        click.echo(f"{'':13s}e.g. " + " - ".join(n.label for n in x.example.nodes) + f"   (sources: {docs})")


@cli.command()
@click.option("--since", required=True, help="documents published on or after this date (YYYY, YYYY-MM, YYYY-MM-DD)")
@click.option("--about", default=None, help="only facts touching this entity (or what lies in this region)")
@click.option("--limit", type=int, default=None, help="most facts (default 500)")
@click.option("--json", "as_json", is_flag=True, help="print JSON")
def changes(since, about, limit, as_json) -> None:
    """What changed: facts added or updated by documents published since a date, by document."""
    from graph import query
    from graph.resolve import resolve_ref

    with _store() as store:
        ab = resolve_ref(store, about, "about") if about else None
        r = query.run(store, "changes", since=since, about=ab, limit=limit)
        labels = {n.id: n.label for n in store.get_nodes(
            {x for d in r.documents for _s, e in d.edges for x in (e.source, e.target)}).values()}
    if as_json:
        click.echo(json.dumps(r.to_dict(), ensure_ascii=False, indent=2))
        return
    for d in r.documents:
        click.echo(f"{d.document.properties.get('published')}  {d.document.id}  {d.document.properties.get('title', '')}")
        for st, n in d.nodes:
            click.echo(f"    {st:8s} {n.type}: {n.label} [{n.id}]")
        for st, e in d.edges:
            click.echo(f"    {st:8s} {labels.get(e.source, e.source)} -[{e.type}]-> {labels.get(e.target, e.target)}")
    if not r.documents:
        click.echo(f"nothing published since {since}", err=True)


@cli.command()
@click.option("--min-size", type=int, default=None, help="smallest community shown (default 2)")
@click.option("--limit", type=int, default=None, help="members listed per community (default 20)")
@click.option("--json", "as_json", is_flag=True, help="print JSON")
def communities(min_size, limit, as_json) -> None:
    """Clusters of actors (Leiden, fixed seed) with their members, dominant regions and topics."""
    from graph import query

    with _store() as store:
        r = query.run(store, "communities", min_size=min_size, limit=limit)
    if as_json:
        click.echo(json.dumps(r.to_dict(), ensure_ascii=False, indent=2))
        return
    for c in r.to_dict()["communities"]:
        click.echo(f"community {c['index']} ({c['size']} nodes, {c['actors']} actors): "
                   + ", ".join(m["label"] for m in c["members"][:6]))
        click.echo("    regions: " + ", ".join(f"{x['label']} ({x['edges']})" for x in c["regions"][:3])
                   + "; topics: " + ", ".join(f"{x['label']} ({x['edges']})" for x in c["topics"][:3]))


@cli.command()
@click.argument("actor")
@click.option("--in", "within", required=True, help="target region (id or name)")
@click.option("--topic", default=None, help="topic (id or name)")
@click.option("--limit", type=int, default=None, help="most candidates (default 10)")
@click.option("--json", "as_json", is_flag=True, help="print JSON")
def recommend(actor, within, topic, limit, as_json) -> None:
    """Partner recommendations for ACTOR in a region: ranked candidates with reasons and the introduction path."""
    from graph import query
    from graph.resolve import resolve_ref

    with _store() as store:
        r = query.run(store, "recommend", for_=resolve_ref(store, actor, "for"), within=resolve_ref(store, within, "in"),
                      topic=resolve_ref(store, topic, "topic") if topic else None, limit=limit)
    if as_json:
        click.echo(json.dumps(r.to_dict(), ensure_ascii=False, indent=2))
        return
    click.echo(f"{r.considered} actors considered")
    for c in r.candidates:
        click.echo(f"{c.score:5.2f}  {c.node.label} [{c.node.id}]")
        for why in c.reasons:
            click.echo(f"{'':7s}- {why}")
        if c.path is not None:
            docs = ", ".join(sorted({s_.document for h in c.path.hops for s_ in h.edge.sources}))
            click.echo(f"{'':7s}  path: " + " - ".join(n.label for n in c.path.nodes) + f"   (sources: {docs})")


@cli.command()
def stats() -> None:
    """Counts of nodes and edges per type."""
    with _store() as store:
        click.echo(json.dumps(store.stats().to_dict(), indent=2))


@cli.command()
@click.argument("output", type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["json", "graphml", "gexf", "csv", "records", "neo4j-import"]),
              default=None,
              help="json: node-link JSON (networkx reads it with node_link_graph); graphml; gexf (Gephi); "
                   "csv: NAME.nodes.csv and NAME.edges.csv; records: YAML in the record format (default: by file "
                   "extension); neo4j-import: OUTPUT is a folder of CSV files for 'neo4j-admin database import full'")
def export(output: str, fmt: str | None) -> None:
    """Export the whole graph (node-link JSON, GraphML, GEXF, CSV tables, record YAML that 'load' reads back, or
    neo4j-admin import CSV)."""
    from graph.export import csv_paths, export_graph

    if fmt == "neo4j-import":
        from graph.neo4j_import import import_args, write_import_files

        with _store() as store:
            n, m = write_import_files(store, output)
        click.echo(f"wrote {n} nodes and {m} edges to {output}; import them into a new database with:\n"
                   f"  neo4j-admin {' '.join(import_args(output))}", err=True)
        return
    fmt = fmt or {".json": "json", ".graphml": "graphml", ".gexf": "gexf", ".csv": "csv", ".yaml": "records",
                  ".yml": "records"}.get(Path(output).suffix.lower())
    if fmt is None:
        raise click.UsageError("cannot tell the format from the file name; pass --format json|graphml|gexf|csv|records")
    with _store() as store:
        counts = export_graph(store, output, fmt)
    where = " and ".join(str(p) for p in csv_paths(output)) if fmt == "csv" else output
    click.echo(f"wrote {counts[0]} nodes and {counts[1]} edges to {where} ({fmt})", err=True)


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


def _store_file(settings: Settings) -> Path:
    from graph.store.embedded import DB_FILE

    if settings.store != "embedded":
        raise click.UsageError("check, backup and restore work on the embedded store; for Neo4j use "
                               "'neo4j-admin database check' / 'neo4j-admin database dump'")
    return settings.data_path / DB_FILE


@cli.command()
@click.argument("kind", type=click.Choice(["node", "edge", "document"]))
@click.argument("id")
@click.option("--dry-run", is_flag=True, help="show what would be deleted or lose a source; change nothing")
def delete(kind: str, id: str, dry_run: bool) -> None:
    """Delete a node (with its edges), an edge, or everything a document stated (facts other documents
    also state only lose its source). All or nothing; logged."""
    import logging

    from graph.undo import undo

    logging.basicConfig(level=logging.WARNING, format="%(name)s: %(message)s")
    with _store(seed=False) as store:
        plan = undo(store, kind, id, dry_run=dry_run, by="cli")
    click.echo(json.dumps({"dry_run": dry_run, **plan.to_dict()}, indent=2))


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="print JSON")
def check(as_json: bool) -> None:
    """Check the embedded store file: SQLite integrity, tables, every row readable (exit 2 when damaged)."""
    from graph.store.integrity import full_check

    report = full_check(_store_file(_settings()))
    if as_json:
        click.echo(json.dumps(report.to_dict(), indent=2))
    else:
        click.echo(f"{report.path}: " + ("ok" if report.ok else "DAMAGED") + f" ({report.nodes} nodes, {report.edges} edges)")
        for p in report.problems[:50]:
            click.echo(f"  {p}")
    if not report.ok:
        sys.exit(2)


@cli.command()
@click.argument("target", type=click.Path())
def backup(target: str) -> None:
    """Copy the embedded store to TARGET with SQLite's online backup (safe while the server runs), then check it."""
    from graph.store.integrity import backup as run_backup

    progress = _Progress("backing up")
    try:
        report = run_backup(_store_file(_settings()), target, progress=progress)
    finally:
        progress.close()
    click.echo(f"backed up {report.nodes} nodes and {report.edges} edges to {target} (checked)", err=True)


@cli.command()
@click.argument("source", type=click.Path(exists=True, dir_okay=False))
def restore(source: str) -> None:
    """Put a backup made with 'regiograph backup' in place of the embedded store (a damaged store is kept aside)."""
    from graph.store.integrity import restore as run_restore

    progress = _Progress("restoring")
    try:
        result = run_restore(source, _store_file(_settings()), progress=progress)
    finally:
        progress.close()
    click.echo(json.dumps(result, indent=2))


@cli.group()
def keys() -> None:
    """API keys with roles (read, write, admin), stored hashed in the data folder."""


@keys.command("create")
@click.option("--role", type=click.Choice(["read", "write", "admin"]), required=True, help="what the key may do")
@click.option("--name", required=True, help="who or what uses the key (shown in 'keys list' and the log)")
def keys_create(role: str, name: str) -> None:
    """Create a key and print it once (only its hash is kept)."""
    from .keys import KeyStore

    entry, key = KeyStore(_settings().data_dir).create(role, name)
    click.echo(f"created key {entry.id} '{entry.name}' with role {entry.role}; it is shown only now:", err=True)
    click.echo(key)


@keys.command("list")
@click.option("--json", "as_json", is_flag=True, help="print JSON")
def keys_list(as_json: bool) -> None:
    """List the keys (id, name, role, created, revoked); never the keys themselves."""
    from .keys import KeyStore

    entries = [e.public() for e in KeyStore(_settings().data_dir).entries()]
    if as_json:
        click.echo(json.dumps(entries, indent=2))
        return
    for e in entries:
        state = f"revoked {e['revoked']}" if e["revoked"] else "active"
        click.echo(f"{e['id']}  {e['role']:6s} {e['name']:30s} created {e['created']}  {state}")
    if not entries:
        click.echo("no keys; create one with 'regiograph keys create --role read --name NAME'", err=True)


@keys.command("revoke")
@click.argument("key")
def keys_revoke(key: str) -> None:
    """Revoke a key by its id or name (it stops working at once)."""
    from .keys import KeyStore

    entry = KeyStore(_settings().data_dir).revoke(key)
    click.echo(f"revoked key {entry.id} '{entry.name}' ({entry.role})", err=True)


@cli.command("embed-link")
@click.argument("url")
@click.option("--expires", default="90d", show_default=True, help="how long the link works: 90d, 12h, 2w, ...")
def embed_link(url: str, expires: str) -> None:
    """Sign a view link (/view/entity/ID, /view/path?..., /view/subgraph?...) so that it opens while reads are closed."""
    from . import embed

    settings = _settings()
    click.echo(embed.sign_url(url, embed.load_secret(settings), embed.parse_duration(expires)))


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
