"""GLEIF golden copy CSV -> companies with their LEI, seat and parents (``regiograph load gleif FILE...``).

* Level 1 (LEI-CDF): one row per LEI -> a company node (legal name, other
  names as aliases, LEI, register entry, legal form, status, first
  registration) and LOCATED_IN its headquarters region (ISO 3166-2, else the
  legal address region, else the country), when that region is in the graph.
* Level 2 (relationship records): direct and ultimate accounting consolidation
  parents -> CONSOLIDATED_BY edges (kind, status, start of the relationship period).

Files are told apart by their header and streamed row by row (``csv``); zip
archives as downloaded are read directly. ``--country`` / ``--region`` keep the
companies whose legal or headquarters address is there; with a level 2 file in
the same load, their parents (and parents' parents) come along.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Any, Iterator

import yaml

from graph.errors import LoadError
from graph.model import EdgeRecord, NodeRecord, Origin, Source as Prov

from ..source import Dataset, Option, RowProgress, Source, decode_error, fail, file_date, open_text

CONFIG = yaml.safe_load((Path(__file__).parent / "gleif.yaml").read_text(encoding="utf-8"))
PUBLISH = re.compile(r"(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})")
LANG = re.compile(r"^[a-z]{2,3}$")
MAX_OTHER_NAMES = 20
csv.field_size_limit(1 << 24)


def _split(value: str | None) -> set[str]:
    return {v.strip().upper() for v in (value or "").split(",") if v.strip()}


def _lang(tag: str) -> str:
    t = tag.strip().split("-")[0].lower()
    return t if LANG.match(t) else "und"


def _kind_of(path: Path, encoding: str) -> str:
    with open_text(path, encoding) as f:
        head = f.readline()
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


def _records(stream) -> Iterator[tuple[int, str]]:
    """(first line number, text) of each CSV record: lines joined while a quoted field is open."""
    buf: str | None = None
    first = 0
    for n, line in enumerate(stream, 2):
        if buf is None:
            if line.count('"') % 2 == 0:
                yield n, line
                continue
            buf, first = line, n
        else:
            buf += line
            if buf.count('"') % 2 == 0:
                yield first, buf
                buf = None
    if buf is not None:
        yield first, buf


def _level1(path: Path, opts: dict[str, Any], progress: RowProgress, flt: _Filter, stash_leis: set[str],
            stash: dict[str, tuple], selected: set[str]) -> Iterator:
    """Stream a level 1 file. With a filter, a record is parsed only when its text holds one of
    the wanted codes as a whole field (or its LEI is a wanted parent); the others are counted."""
    file, enc = str(path), opts["encoding"]
    ds = _dataset(path, "level1", opts)
    yield ds.record(file)
    stream = open_text(path, enc)
    line = 1
    try:
        header_text = stream.readline()
        header = next(csv.reader([header_text]), None)
        if not header:
            raise LoadError(f"{file}: the file is empty")
        c = _columns(file, header, CONFIG["level1"], ("lei", "legal_name", "legal_country", "hq_country",
                                                     "legal_region", "hq_region"))
        width = len(header)
        i_lei = c["lei"]
        quoted = header_text.startswith('"')
        codes = flt.countries | flt.regions
        tokens = tuple(f'"{x}"' for x in codes) if quoted else tuple(f",{x}," for x in codes) + tuple(f",{x}\n" for x in codes)
        lei_at = slice(1, 21) if quoted and i_lei == 0 else None
        tick = progress.tick
        parse = csv.reader
        company_records = company_mapper(c, ds, file)
        if not flt.active:  # everything is wanted: one reader over the whole stream
            reader = csv.reader(stream)  # after the header line: line numbers are line_num + 1
            for row in reader:
                tick()
                if len(row) != width:
                    line = reader.line_num + 1
                    if not row:
                        continue
                    raise fail(file, line, "", f"the row has {len(row)} cells, the header {width}")
                node, edge = company_records(row, reader.line_num + 1)
                yield node
                if edge is not None:
                    yield edge
            return
        for line, text in _records(stream):
            tick()
            if flt.active:
                wanted = any(t in text for t in tokens)
                parent = lei_at is not None and stash_leis and text[lei_at] in stash_leis
                if not wanted and not parent and lei_at is not None:
                    continue
            row = next(parse([text]), None)
            if not row:
                continue
            if len(row) != width:
                raise fail(file, line, "", f"the row has {len(row)} cells, the header {width}")
            if flt.keep(row, c):
                node, edge = company_records(row, line)
                selected.add(row[i_lei])
                yield node
                if edge is not None:
                    yield edge
            elif row[i_lei] in stash_leis:
                stash[row[i_lei]] = company_records(row, line)
    except UnicodeDecodeError as e:
        raise decode_error(path, line, e, enc) from None
    except csv.Error as e:
        raise LoadError(f"{file}:{line}: malformed CSV: {e}") from None
    finally:
        stream.close()


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
