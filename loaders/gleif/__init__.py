"""GLEIF golden copy CSV -> companies with their LEI, seat and parents (``regiograph load gleif FILE...``).

* Level 1 (LEI-CDF): one row per LEI -> a company node (legal name, other
  names as aliases, LEI, register entry, legal form, status, first
  registration) and LOCATED_IN its headquarters region (ISO 3166-2, else the
  legal address region, else the country), when that region is in the graph.
* Level 2 (relationship records): direct and ultimate accounting consolidation
  parents -> CONSOLIDATED_BY edges (kind, status, start of the relationship period).

Files are told apart by their header. Level 1 is streamed in record batches by
pyarrow's CSV reader (only the columns taken are converted); level 2 row by
row (``csv``); zip and gz archives as downloaded are read directly. ``--country`` / ``--region`` keep the
companies whose legal or headquarters address is there; with a level 2 file in
the same load, their parents (and parents' parents) come along.
"""

from __future__ import annotations

import csv
import re
from itertools import repeat
from pathlib import Path
from typing import Any, Iterator

import yaml

from graph.errors import LoadError
from graph.model import EdgeRecord, NodeRecord, Origin, Source as Prov

from ..source import Dataset, Option, RowProgress, Source, decode_error, fail, file_date, open_binary, open_text

CONFIG = yaml.safe_load((Path(__file__).parent / "gleif.yaml").read_text(encoding="utf-8"))
PUBLISH = re.compile(r"(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})")
LANG = re.compile(r"^[a-z]{2,3}$")
MAX_OTHER_NAMES = 20
csv.field_size_limit(1 << 24)


def _split(value: str | None) -> set[str]:
    return {v.strip().upper() for v in (value or "").split(",") if v.strip()}


_LANGS: dict[str, str] = {}


def _lang(tag: str) -> str:
    """'de', 'de-DE', ' EN ' -> the language code of a name ('und' when there is none); memoised."""
    found = _LANGS.get(tag)
    if found is None:
        t = tag.strip().split("-")[0].lower()
        found = _LANGS[tag] = t if LANG.match(t) else "und"
    return found


def _header_line(path: Path, encoding: str) -> str:
    """The first line of the file, decoded (read as bytes, so a bad byte further down is
    reported by the reader with its own line)."""
    with open_binary(path, (".csv",)) as f:
        raw = f.readline()
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as e:
        raise decode_error(path, 1, e, encoding) from None


def _kind_of(path: Path, encoding: str) -> str:
    head = _header_line(path, encoding)
    if CONFIG["level2"]["child"] in head:
        return "level2"
    if CONFIG["level1"]["legal_name"] in head:
        return "level1"
    raise fail(str(path), 1, "header", "neither a GLEIF level 1 (LEI-CDF) nor a level 2 (relationship) golden copy CSV; "
                                      f"expected a '{CONFIG['level1']['legal_name']}' or '{CONFIG['level2']['child']}' column")


def _dataset(path: Path, kind: str, opts: dict[str, Any]) -> Dataset:
    m = PUBLISH.search(path.name)
    version = opts.get("version") or (f"{m[1]}-{m[2]}-{m[3]} {m[4]}:{m[5]}" if m else None)
    title = ("GLEIF golden copy, level 1 (LEI-CDF)" if kind == "level1"
             else "GLEIF golden copy, level 2 (relationship records)")
    return Dataset(source="gleif", title=title, dataset=f"GLEIF {kind.replace('level', 'level ')}", publisher=CONFIG["publisher"],
                   version=version, retrieved=opts.get("retrieved") or file_date(path), url=opts.get("url") or CONFIG["url"],
                   licence=CONFIG["licence"], language=CONFIG["language"])


def _columns(file: str, header: list[str], spec: dict[str, str], required: tuple[str, ...]) -> dict[str, Any]:
    col = {h.strip(): i for i, h in enumerate(header)}
    out: dict[str, Any] = {}
    for key, name in spec.items():
        if "{n}" in name:
            out[key] = [col[name.format(n=n)] for n in range(1, MAX_OTHER_NAMES + 1) if name.format(n=n) in col]
        else:
            out[key] = col.get(name)
    for key in required:
        if out.get(key) is None:
            raise fail(file, 1, spec[key], f"missing column '{spec[key]}'")
    out["places"] = [out[k] for k in ("hq_region", "legal_region", "hq_country", "legal_country") if out.get(k) is not None]
    return out


class _Filter:
    def __init__(self, opts: dict[str, Any]) -> None:
        self.countries = _split(opts.get("country"))
        self.regions = _split(opts.get("region"))
        self.active = bool(self.countries or self.regions)

    def keep(self, row: list[str], c: dict[str, Any]) -> bool:
        if not self.active:
            return True
        if self.countries and (row[c["legal_country"]] in self.countries or row[c["hq_country"]] in self.countries):
            return True
        if self.regions and (row[c["legal_region"]] in self.regions or row[c["hq_region"]] in self.regions):
            return True
        return False


def company_mapper(c: dict[str, Any], ds: Dataset, file: str):
    """A function: level 1 row, line -> (company record, LOCATED_IN record or None); column
    positions and constants are bound once, the row loop is the hot path of a full file."""
    i_lei, i_name, i_lang = c["lei"], c["legal_name"], c["legal_name_lang"]
    others = list(zip(c["other_names"], c["other_names_lang"] + [None] * len(c["other_names"])))
    translit = c["transliterated_names"]
    i_form_other, i_form_code, i_status, i_registered = c["legal_form_other"], c["legal_form_code"], c["status"], c["registered"]
    i_ra, i_ra_entity = c["ra_id"], c["ra_entity_id"]
    places = c["places"]
    node_type, edge_type, doc = CONFIG["node_type"], CONFIG["located_in"], ds.id
    name_field = CONFIG["level1"]["legal_name"]

    def mapper(row: list[str], line: int) -> tuple[NodeRecord, EdgeRecord | None]:
        lei = row[i_lei].strip()
        name = row[i_name].strip()
        if not name:
            raise fail(file, line, name_field, f"LEI {lei} has no legal name")
        lang = _lang(row[i_lang]) if i_lang is not None and row[i_lang] else "und"
        aliases: dict[str, list[str]] = {}
        for i, j in others:
            v = row[i]
            if v and v != name:
                aliases.setdefault(_lang(row[j]) if j is not None and row[j] else lang, []).append(v.strip())
        for i in translit:
            v = row[i]
            if v and v != name:
                aliases.setdefault("und", []).append(v.strip())
        props: dict[str, Any] = {"lei": lei}
        form = (row[i_form_other] if i_form_other is not None else "") or (row[i_form_code] if i_form_code is not None else "")
        if form:
            props["legal_form"] = form.strip()
        if i_status is not None and row[i_status]:
            props["status"] = row[i_status].strip()
        if i_registered is not None and row[i_registered]:
            props["registered"] = row[i_registered][:10]
        if i_ra is not None and i_ra_entity is not None and row[i_ra] and row[i_ra_entity]:
            props["register_id"] = f"{row[i_ra].strip()}/{row[i_ra_entity].strip()}"
        refs: list[str] = []
        for i in places:
            v = row[i]
            if v:
                r = "#iso_3166=" + v.strip()
                if r not in refs:
                    refs.append(r)
        place = "|".join(refs) or None
        src = [Prov(doc, "LEI " + lei)]
        origin = Origin(file, line)
        node = NodeRecord(node_type, {lang: name}, None, aliases, props, None, None, src, origin, None, place)
        return node, (EdgeRecord(edge_type, "#lei=" + lei, place, {}, None, None, src, origin) if place else None)

    return mapper


def taken_columns(file: str, header: list[str]) -> tuple[list[str], dict[str, Any]]:
    """The level 1 columns the loader converts (in file order), and each meaning's position
    in a converted row (``_columns`` over the taken columns only)."""
    full = _columns(file, header, CONFIG["level1"], ("lei", "legal_name", "legal_country", "hq_country",
                                                     "legal_region", "hq_region"))
    used = sorted({i for v in full.values() for i in (v if isinstance(v, list) else [v]) if i is not None})
    pos = {i: k for k, i in enumerate(used)}  # file column -> position in the converted row
    c = {k: ([pos[i] for i in v] if isinstance(v, list) else (pos[v] if v is not None else None)) for k, v in full.items()}
    return [header[i] for i in used], c


# bytes of CSV text per record batch of the level 1 reader (memory per batch); one thread:
# on a shared two-core machine the threaded reader was slower (measured, benchmarks/gleif_bench.py)
BATCH_BYTES = 1 << 20


def _arrow_source(path: Path):
    """What pyarrow reads: the path of a plain file, a decompressing stream of a .gz,
    or the first .csv member of a .zip (a Python file object)."""
    import pyarrow as pa

    suffix = path.suffix.lower()
    if suffix == ".gz":
        return pa.input_stream(str(path), compression="gzip")
    if suffix == ".zip":
        return open_binary(path, (".csv",))
    return str(path)


def _locate(path: Path, encoding: str, width: int) -> tuple[int, str, str]:
    """The first place the csv module finds wrong in a file the fast reader refused:
    (line, field, message); a line that is not valid in the encoding raises the decode
    error naming it. Runs only after an error, so errors name their line exactly."""
    import codecs

    decoder = codecs.getincrementaldecoder(encoding)()
    state = {"line": 0}

    def lines(raw):
        for state["line"], b in enumerate(raw, 1):
            yield decoder.decode(b)

    raw = open_binary(path, (".csv",))
    try:
        reader = csv.reader(lines(raw))
        next(reader, None)
        for row in reader:
            if row and len(row) != width:
                return reader.line_num, "", f"the row has {len(row)} cells, the header {width}"
    except UnicodeDecodeError as e:
        raise decode_error(path, state["line"], e, encoding) from None
    except csv.Error as e:
        return state["line"], "", f"malformed CSV: {e}"
    finally:
        raw.close()
    return state["line"], "", "the file could not be parsed as CSV"


def _level1(path: Path, opts: dict[str, Any], progress: RowProgress, flt: _Filter, stash_leis: set[str],
            stash: dict[str, tuple], selected: set[str]) -> Iterator:
    """Stream a level 1 file with pyarrow's CSV reader: only the columns the loader takes
    are converted, in record batches of a few MB (memory stays bounded whatever the file
    size). With a filter, the rows are chosen per batch by vectorised comparisons of the
    country and region columns (and the LEI, for wanted parents) before any Python object
    is made. Records are numbered from the header: ``line`` = record number + 1 (the file
    line unless an earlier field spans lines; a malformed file is re-read with the csv
    module to name the exact line)."""
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.csv as pacsv

    file, enc = str(path), opts["encoding"]
    ds = _dataset(path, "level1", opts)
    yield ds.record(file)
    header = next(csv.reader([_header_line(path, enc)]), None)
    if not header:
        raise LoadError(f"{file}: the file is empty")
    header = [h.strip() for h in header]
    width = len(header)
    names, c = taken_columns(file, header)
    i_lei = c["lei"]
    optional = set(c["other_names"]) | set(c["other_names_lang"]) | set(c["transliterated_names"])

    def batch_rows(cols: list) -> tuple[Any, Iterator[tuple]]:
        """The mapper and the rows of one batch. The name columns (other, transliterated) that
        are empty in the whole batch are neither converted nor looked at per row."""
        dead = {i for i in optional if pc.max(pc.utf8_length(cols[i])).as_py() in (None, 0)}
        pairs = [(i, j) for i, j in zip(c["other_names"], c["other_names_lang"]) if i not in dead]
        live = {**c, "other_names": [i for i, _j in pairs], "other_names_lang": [j for _i, j in pairs],
                "transliterated_names": [i for i in c["transliterated_names"] if i not in dead]}
        values = [repeat("") if i in dead else col.to_pylist() for i, col in enumerate(cols)]
        return company_mapper(live, ds, file), zip(*values)
    arrow_enc = "utf8" if enc.lower().replace("-", "").replace("_", "") in ("utf8", "utf8sig") else enc
    try:
        reader = pacsv.open_csv(
            _arrow_source(path),
            read_options=pacsv.ReadOptions(encoding=arrow_enc, block_size=BATCH_BYTES, use_threads=False),
            parse_options=pacsv.ParseOptions(newlines_in_values=True),
            convert_options=pacsv.ConvertOptions(include_columns=names, column_types={n: pa.string() for n in names},
                                                 strings_can_be_null=False, quoted_strings_can_be_null=False))
    except (pa.ArrowInvalid, pa.ArrowTypeError) as e:
        raise _arrow_error(path, enc, width, e) from None
    countries = pa.array(sorted(flt.countries), pa.string())
    regions = pa.array(sorted(flt.regions), pa.string())
    wanted_parents = pa.array(sorted(stash_leis), pa.string()) if stash_leis else None
    record = 0  # records before this batch
    tick = progress.tick
    try:
        for batch in reader:
            n = batch.num_rows
            cols = batch.columns
            if not flt.active:
                company_records, rows = batch_rows(cols)
                for k, row in enumerate(rows):
                    node, edge = company_records(row, record + k + 2)
                    yield node
                    if edge is not None:
                        yield edge
                tick(n)
                record += n
                continue
            keep = None
            for key, codes in (("legal_country", countries), ("hq_country", countries),
                               ("legal_region", regions), ("hq_region", regions)):
                if len(codes):
                    m = pc.is_in(cols[c[key]], value_set=codes)
                    keep = m if keep is None else pc.or_(keep, m)
            take = keep
            if wanted_parents is not None:
                take = pc.or_(keep, pc.is_in(cols[i_lei], value_set=wanted_parents))
            idx = pc.indices_nonzero(take)
            if len(idx):
                picked = batch.take(idx)
                kept = keep.take(idx).to_pylist()
                company_records, rows = batch_rows(picked.columns)
                for k, offset, row in zip(kept, idx.to_pylist(), rows):
                    line = record + offset + 2
                    if k:
                        node, edge = company_records(row, line)
                        selected.add(row[i_lei])
                        yield node
                        if edge is not None:
                            yield edge
                    else:
                        stash[row[i_lei]] = company_records(row, line)
            tick(n)
            record += n
    except (pa.ArrowInvalid, pa.ArrowTypeError) as e:
        raise _arrow_error(path, enc, width, e) from None


def _arrow_error(path: Path, encoding: str, width: int, e: Exception) -> LoadError:
    text = str(e)
    if "UTF8" in text or "UTF-8" in text or "decode" in text.lower():
        line, _f, _m = _locate(path, encoding, width)  # raises the decode error naming the line
        return LoadError(f"{path}: not valid {encoding}; pass --encoding with the file's encoding")
    line, field_, message = _locate(path, encoding, width)
    return fail(str(path), line, field_, message)


def _level2_rows(path: Path, opts: dict[str, Any], progress: RowProgress) -> tuple[Dataset, list[tuple], dict[str, int]]:
    """The consolidation relationships of a level 2 file: (child, parent, kind, props, line)."""
    file, enc = str(path), opts["encoding"]
    ds = _dataset(path, "level2", opts)
    out: list[tuple] = []
    skipped: dict[str, int] = {}
    kinds = CONFIG["relationship_kinds"]
    stream = open_text(path, enc)
    try:
        reader = csv.reader(stream)
        header = next(reader, None)
        if header is None:
            raise LoadError(f"{file}: the file is empty")
        c = _columns(file, header, CONFIG["level2"], ("child", "parent", "kind"))
        periods = [(i, header.index(f"Relationship.Period.{n}.periodType") if f"Relationship.Period.{n}.periodType" in header else None)
                   for n in range(1, 6) if (i := (header.index(f"Relationship.Period.{n}.startDate")
                                                  if f"Relationship.Period.{n}.startDate" in header else None)) is not None]
        for row in reader:
            progress.tick()
            if not row:
                continue
            line = reader.line_num
            if len(row) != len(header):
                raise fail(file, line, "", f"the row has {len(row)} cells, the header {len(header)}")
            kind = kinds.get(row[c["kind"]].strip())
            if kind is None:
                skipped[row[c["kind"]]] = skipped.get(row[c["kind"]], 0) + 1
                continue
            for side in ("child_type", "parent_type"):
                if c[side] is not None and row[c[side]].strip() not in ("", "LEI"):
                    raise fail(file, line, CONFIG["level2"][side], f"node id type '{row[c[side]]}' is not LEI")
            props: dict[str, Any] = {"kind": kind}
            if c["status"] is not None and row[c["status"]]:
                props["status"] = row[c["status"]].strip()
            for i_start, i_type in periods:
                if row[i_start] and (i_type is None or row[i_type] in ("", "RELATIONSHIP_PERIOD")):
                    props["start"] = row[i_start].strip()[:10]
                    break
            out.append((row[c["child"]].strip(), row[c["parent"]].strip(), kind, props, line))
    except UnicodeDecodeError as e:
        raise decode_error(path, None, e, enc) from None
    except csv.Error as e:
        raise LoadError(f"{file}: malformed CSV: {e}") from None
    finally:
        stream.close()
    return ds, out, skipped


def _read(paths: list[Path], opts: dict[str, Any], progress: RowProgress) -> Iterator:
    flt = _Filter(opts)
    kinds = [(p, _kind_of(p, opts["encoding"])) for p in paths]
    rels: list[tuple[Dataset, str, list[tuple]]] = []
    for p, k in kinds:
        if k == "level2":
            ds, rows, skipped = _level2_rows(p, opts, progress)
            rels.append((ds, str(p), rows))
            if skipped:
                progress.note(f"{p}: skipped relationship types " + ", ".join(f"{k} ({v})" for k, v in sorted(skipped.items())))
    parents_of: dict[str, set[str]] = {}
    for _ds, _f, rows in rels:
        for child, parent, *_ in rows:
            parents_of.setdefault(child, set()).add(parent)
    stash_leis = {p for ps in parents_of.values() for p in ps} if flt.active else set()
    stash: dict[str, tuple] = {}
    selected: set[str] = set()
    for p, k in kinds:
        if k == "level1":
            yield from _level1(p, opts, progress, flt, stash_leis, stash, selected)
    # the parents (and their parents) of the selected companies
    wanted = set(selected)
    if flt.active:
        todo = list(selected)
        while todo:
            for parent in parents_of.get(todo.pop(), ()):
                if parent not in wanted:
                    wanted.add(parent)
                    todo.append(parent)
                    if parent in stash:
                        node, edge = stash[parent]
                        yield node
                        if edge is not None:
                            yield edge
    for ds, file, rows in rels:
        yield ds.record(file)
        for child, parent, kind, props, line in rows:
            if flt.active and child not in wanted:
                continue
            yield EdgeRecord(type=CONFIG["parent_edge"], source=f"#lei={child}", target=f"#lei={parent}", properties=props,
                             sources=ds.source_at(f"relationship {child} {kind} {parent}"), origin=Origin(file, line))


SOURCE = Source(
    name="gleif",
    summary="GLEIF golden copy CSV: level 1 (LEI-CDF) and level 2 (relationships) -> Company nodes, seats, parents",
    read=_read,
    options=(
        Option("country", "keep companies with a legal or headquarters address in these countries (ISO 3166-1, e.g. DE,KR,JP)"),
        Option("region", "keep companies with a legal or headquarters address in these regions (ISO 3166-2, e.g. DE-SN)"),
    ),
)
