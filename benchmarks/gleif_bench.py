"""GLEIF level 1 loader benchmark: read rate and peak memory on a generated golden copy,
and the memory of streamed (chunked) loads into the embedded store.

    PYTHONPATH=$PWD python3 benchmarks/gleif_bench.py [--rows 1000000] [--load-rows 20000] [--chunk 10000] [--keep FILE]

Writes a level 1 CSV in the golden copy layout (loaders/gleif/layout.py, all
fields quoted, ~25 % of rows with other names) and measures, each scenario in a
fresh subprocess (so peak RSS is its own):

* ``csv only``: csv.reader over the file, nothing else (baseline 1: the
  standard library floor the loader used before);
* ``arrow only``: pyarrow's streaming reader over the taken columns, record
  batches counted, no Python objects (baseline 2: the floor of the loader's reader);
* ``map all``: every row read and mapped to company + LOCATED_IN records,
  streamed and dropped (what a loader consumer sees);
* ``--country DE`` and ``--region DE-SN``: the filtered reads;
* ``load --region DE-SN``: the filtered read loaded into an empty embedded store;
* ``load all``: unfiltered loads of the first ``--load-rows`` and 3 x
  ``--load-rows`` rows into an empty embedded store, streamed in chunks of
  ``--chunk`` records, and the same as one batch (no chunks) - peak memory
  against size shows what chunking bounds;
* ``load all, streamed, regions``: the same into a store that knows the
  generated rows' countries and regions (ISO 3166 codes), so each row writes a
  company and its LOCATED_IN edge; with ``--neo4j`` also into Neo4j
  (``load all, neo4j, regions``). One scenario alone:
  ``--scenario "load all, streamed, regions" --file FILE --store DIR --chunk N``.

Prints Markdown tables (rows/s, CPU seconds of the loads, ratios to both baselines, peak RSS) and the load average.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

COUNTRIES = [("DE", 0.12), ("US", 0.25), ("GB", 0.08), ("FR", 0.06), ("JP", 0.05), ("KR", 0.03), ("CN", 0.06),
             ("NL", 0.05), ("IT", 0.05), ("ES", 0.04), ("LU", 0.06), ("CH", 0.05), ("CA", 0.05), ("AU", 0.05)]
DE_STATES = ["DE-BW", "DE-BY", "DE-BE", "DE-BB", "DE-HB", "DE-HH", "DE-HE", "DE-MV", "DE-NI", "DE-NW", "DE-RP",
             "DE-SL", "DE-SN", "DE-ST", "DE-SH", "DE-TH"]
WORDS = ["Nord", "Süd", "Elb", "Rhein", "Main", "Alpen", "Tech", "Solar", "Logistik", "Maschinen", "Holding",
         "Capital", "Pacific", "Global", "Precision", "Bio", "Pharma", "Daten", "Werk", "Energie", "Textil", "Bau"]
FORMS = [("GmbH", "2HBR"), ("AG", "6QQB"), ("Ltd.", "H0PO"), ("Inc.", "XTIQ"), ("S.A.", "5GGB"), ("Co., Ltd.", "9M5S")]


def generate(path: Path, rows: int, seed: int = 7) -> None:
    from loaders.gleif.layout import LEVEL1_HEADER

    rnd = random.Random(seed)
    col = {h: i for i, h in enumerate(LEVEL1_HEADER)}
    cum, acc = [], 0.0
    for c, w in COUNTRIES:
        acc += w
        cum.append((acc, c))
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, quoting=csv.QUOTE_ALL)
        w.writerow(LEVEL1_HEADER)
        for i in range(rows):
            r = [""] * len(LEVEL1_HEADER)
            x = rnd.random() * acc
            country = next(c for a, c in cum if x <= a)
            region = rnd.choice(DE_STATES) if country == "DE" else (f"{country}-{rnd.randint(1, 40):02d}" if rnd.random() < 0.6 else "")
            form, code = rnd.choice(FORMS)
            name = f"{rnd.choice(WORDS)} {rnd.choice(WORDS)} {i} {form}"
            r[col["LEI"]] = f"5299{i:014d}{rnd.randint(10, 99)}"
            r[col["Entity.LegalName"]] = name
            r[col["Entity.LegalName.xmllang"]] = "de" if country == "DE" else "en"
            if rnd.random() < 0.25:
                r[col["Entity.OtherEntityNames.OtherEntityName.1"]] = name.upper()
                r[col["Entity.OtherEntityNames.OtherEntityName.1.xmllang"]] = "en"
                r[col["Entity.OtherEntityNames.OtherEntityName.1.type"]] = "TRADING_OR_OPERATING_NAME"
            for kind in ("LegalAddress", "HeadquartersAddress"):
                r[col[f"Entity.{kind}.xmllang"]] = "en"
                r[col[f"Entity.{kind}.FirstAddressLine"]] = f"{rnd.randint(1, 200)} {rnd.choice(WORDS)} Street"
                r[col[f"Entity.{kind}.City"]] = f"{rnd.choice(WORDS)}stadt"
                r[col[f"Entity.{kind}.Region"]] = region
                r[col[f"Entity.{kind}.Country"]] = country
                r[col[f"Entity.{kind}.PostalCode"]] = f"{rnd.randint(1000, 99999)}"
            r[col["Entity.RegistrationAuthority.RegistrationAuthorityID"]] = f"RA0{rnd.randint(10000, 99999)}"
            r[col["Entity.RegistrationAuthority.RegistrationAuthorityEntityID"]] = f"HRB {rnd.randint(1, 999999)}"
            r[col["Entity.LegalJurisdiction"]] = country
            r[col["Entity.EntityCategory"]] = "GENERAL"
            r[col["Entity.LegalForm.EntityLegalFormCode"]] = code
            r[col["Entity.EntityStatus"]] = "ACTIVE"
            r[col["Entity.EntityCreationDate"]] = "2001-05-04T00:00:00Z"
            r[col["Registration.InitialRegistrationDate"]] = "2014-03-12T09:15:00Z"
            r[col["Registration.LastUpdateDate"]] = "2026-11-02T10:00:00Z"
            r[col["Registration.RegistrationStatus"]] = "ISSUED"
            r[col["Registration.NextRenewalDate"]] = "2027-03-12T09:15:00Z"
            r[col["Registration.ManagingLOU"]] = "5299000J2N45DDNE4Y28"
            r[col["Registration.ValidationSources"]] = "FULLY_CORROBORATED"
            r[col["ConformityFlag"]] = "CONFORMING"
            w.writerow(r)


def scenario(name: str, file: str, store_dir: str | None, chunk: int) -> dict:
    """Run one scenario in this process; returns rows, seconds, records, peak RSS."""
    from loaders import source
    from loaders.gleif import SOURCE

    opts = {"retrieved": "2026-11-30", "encoding": "utf-8-sig"}
    t0 = time.perf_counter()
    records = 0
    chunks = None
    if name == "csv only":
        with open(file, encoding="utf-8", newline="") as f:
            rows = sum(1 for _ in csv.reader(f)) - 1
    elif name == "arrow only":
        import pyarrow as pa
        import pyarrow.csv as pacsv
        from loaders.gleif import BATCH_BYTES, taken_columns

        with open(file, encoding="utf-8", newline="") as f:
            header = next(csv.reader([f.readline()]))
        names, _c = taken_columns(file, header)
        reader = pacsv.open_csv(file, read_options=pacsv.ReadOptions(block_size=BATCH_BYTES, use_threads=False),
                                parse_options=pacsv.ParseOptions(newlines_in_values=True),
                                convert_options=pacsv.ConvertOptions(include_columns=names,
                                                                     column_types={n: pa.string() for n in names}))
        rows = sum(b.num_rows for b in reader)
    elif name.startswith("load"):
        store, server = _open_store(name, store_dir)
        if "regions" in name:
            _add_regions(store)
        extra = {"region": "DE-SN"} if "DE-SN" in name else {}
        t0, c0 = time.perf_counter(), time.process_time()  # the load alone (not the server start)
        result, _report = source.run(store, SOURCE, [file], {**opts, **extra},
                                     chunk_records=chunk if ("streamed" in name or "neo4j" in name) else 10 ** 12)
        rows, records, chunks = result.rows, result.node_records + result.edge_records, result.chunks
        written = _report.nodes_created + _report.nodes_updated + _report.edges_created + _report.edges_updated
        secs, cpu = time.perf_counter() - t0, time.process_time() - c0
        if "neo4j" in name:
            store.clear()
        store.close()
        if server is not None:
            server.stop()
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        return {"scenario": name, "rows": rows, "records": records, "seconds": secs, "cpu_seconds": cpu,
                "peak_mb": peak_mb, "chunks": chunks, "written": written}
    else:
        progress = source.RowProgress("gleif", stream=None)
        extra = {"map all": {}, "--country DE": {"country": "DE"}, "--region DE-SN": {"region": "DE-SN"}}[name]
        full = {o.name: o.default for o in SOURCE.all_options()} | opts | extra
        for _rec in SOURCE.read([Path(file)], full, progress):
            records += 1
        rows = progress.rows
    secs = time.perf_counter() - t0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"scenario": name, "rows": rows, "records": records, "seconds": secs, "cpu_seconds": time.process_time(),
            "peak_mb": peak_mb, "chunks": chunks}


def _open_store(name: str, store_dir: str):
    """The store a load scenario writes to: embedded in ``store_dir``, or Neo4j ("neo4j" in the
    name: the server of REGIOGRAPH_TEST_NEO4J_URI, else one started by tests/neo4j_server.py)."""
    if "neo4j" not in name:
        from graph.store.embedded import EmbeddedStore

        return EmbeddedStore(store_dir), None
    import neo4j

    from graph.schema import default_schema
    from graph.store.neo4j import Neo4jStore

    sys.path.insert(0, str(ROOT / "tests"))
    server, uri = None, os.environ.get("REGIOGRAPH_TEST_NEO4J_URI")
    if not uri:
        from neo4j_server import Neo4jServer

        server = Neo4jServer()
        uri = server.start()
    store = Neo4jStore(neo4j.GraphDatabase.driver(uri, auth=None), default_schema())
    store.clear()
    return store, server


def _add_regions(store) -> None:
    """The countries and regions the generated rows name, as nodes with their ISO 3166 code,
    so the load's LOCATED_IN edges resolve and are written (as after a Wikidata load)."""
    from graph.model import Node, Source

    schema = store.schema
    nt = next(t for t in schema.nodes.values() if "iso_3166" in t.identifiers)
    doc = Node("doc:bench-regions", schema.document_type, {"en": "benchmark regions"}, properties={"title": "regions"})
    codes = [c for c, _w in COUNTRIES] + DE_STATES + [f"{c}-{i:02d}" for c, _w in COUNTRIES if c != "DE" for i in range(1, 41)]
    nodes = [Node(f"{nt.id_prefix}:bench-{c.lower()}", nt.name, {"en": f"Region {c}"}, properties={"iso_3166": c},
                  sources=(Source(doc.id, c),)) for c in codes]
    store.write([doc] + nodes, [])


def _run(name: str, file: Path, store: Path, chunk: int) -> dict:
    import shutil

    shutil.rmtree(store, ignore_errors=True)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, __file__, "--scenario", name, "--file", str(file), "--store", str(store),
                          "--chunk", str(chunk)], capture_output=True, text=True, env=env, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--load-rows", type=int, default=20_000, help="rows of the smaller unfiltered load (the larger: 3x)")
    ap.add_argument("--chunk", type=int, default=10_000, help="records per chunk of the streamed loads")
    ap.add_argument("--keep", default=None, help="write the generated file here and keep it")
    ap.add_argument("--neo4j", action="store_true", help="also load into Neo4j (REGIOGRAPH_TEST_NEO4J_URI, else a server "
                                                          "started by tests/neo4j_server.py)")
    ap.add_argument("--scenario", default=None, help=argparse.SUPPRESS)
    ap.add_argument("--file", default=None, help=argparse.SUPPRESS)
    ap.add_argument("--store", default=None, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.scenario:
        print(json.dumps(scenario(args.scenario, args.file, args.store, args.chunk)))
        return
    tmp = Path(tempfile.mkdtemp(prefix="gleif-bench-"))
    file = Path(args.keep) if args.keep else tmp / "lei2-golden-copy.csv"
    t0 = time.perf_counter()
    generate(file, args.rows)
    gen_s = time.perf_counter() - t0
    size_mb = file.stat().st_size / 1e6
    loads = []
    for n in (args.load_rows, 3 * args.load_rows):
        small = tmp / f"lei2-{n}.csv"
        generate(small, n)
        loads.append(small)
    load_before = os.getloadavg()
    results = [_run(name, file, tmp / "store", args.chunk) for name in
               ("csv only", "arrow only", "map all", "--country DE", "--region DE-SN", "load --region DE-SN")]
    load_runs = [_run(name, f, tmp / "store", args.chunk) | {"file_rows": n} for f, n in zip(loads, (args.load_rows, 3 * args.load_rows))
                 for name in ("load all, streamed", "load all, one batch", "load all, streamed, regions")
                 + (("load all, neo4j, regions",) if args.neo4j else ())]
    load_after = os.getloadavg()
    csv_rate = results[0]["rows"] / results[0]["seconds"]
    arrow_rate = results[1]["rows"] / results[1]["seconds"]
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
          f"file: {args.rows:,} level 1 rows, {size_mb:,.0f} MB (generated in {gen_s:.0f} s); "
          f"load average (1, 5, 15 min) before {', '.join(f'{x:.1f}' for x in load_before)}, "
          f"after {', '.join(f'{x:.1f}' for x in load_after)}\n")
    print("| scenario | rows | records out | seconds | rows/s | records/s | vs csv only | vs arrow only | peak RSS MB |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in results:
        rate = r["rows"] / r["seconds"]
        print(f"| {r['scenario']} | {r['rows']:,} | {r['records']:,} | {r['seconds']:.1f} | {rate:,.0f} | "
              f"{r['records'] / r['seconds']:,.0f} | {rate / csv_rate:.2f} | {rate / arrow_rate:.2f} | {r['peak_mb']:,.0f} |")
    print(f"\nUnfiltered loads into an empty store, or one that knows the regions (chunk: {args.chunk:,} records):\n")
    print("| scenario | rows | records read | records written | chunks | seconds | CPU s | rows/s | peak RSS MB |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in load_runs:
        print(f"| {r['scenario']} | {r['rows']:,} | {r['records']:,} | {r['written']:,} | {r['chunks']} | {r['seconds']:.1f} | "
              f"{r['cpu_seconds']:.1f} | {r['rows'] / r['seconds']:,.0f} | {r['peak_mb']:,.0f} |")
    if not args.keep:
        import shutil

        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
