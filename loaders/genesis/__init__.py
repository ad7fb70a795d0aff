"""Destatis GENESIS-Online flat-file CSV (ffcsv) -> trade flows (``regiograph load genesis FILE``).

The ffcsv layout (one observation per row, semicolon-separated, UTF-8, decimal
comma in German downloads, delivered as a zip with one ``*_flat.csv``)::

    statistics_code;statistics_label;time_code;time_label;time;
    1_variable_code;1_variable_label;1_variable_attribute_code;1_variable_attribute_label;
    2_variable_code;...;value;value_unit;value_variable_code;value_variable_label[;value_q]

How a table's columns become records is data: ``tables/<table code>.yaml``
(which variable is the state, which value variables are export and import
values, the units). A value cell that is a quality flag (``-``, ``.``, ``x``,
``/``) becomes the flow's ``quality``, never a zero; ``value_q`` is kept too.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Any, Iterator

import yaml

from graph.errors import LoadError
from graph.model import EdgeRecord, NodeRecord, Origin

from ..source import Dataset, Option, RowProgress, Source, decode_error, fail, file_date

TABLES = Path(__file__).parent / "tables"
TABLE_IN_NAME = re.compile(r"(\d{5}-\d{4})")
NUMBER = re.compile(r"-?\d+(\.\d+)?")
BASE_COLUMNS = ("time", "value", "value_unit", "value_variable_code")


OTHER = yaml.safe_load((Path(__file__).parent / "other_tables.yaml").read_text(encoding="utf-8"))


def table_config(code: str) -> dict[str, Any]:
    f = TABLES / f"{code}.yaml"
    if not f.exists() and code in OTHER["tables"]:
        raise LoadError(f"GENESIS table {code} holds {OTHER['tables'][code]}; download {OTHER['instead']} "
                        "as 'CSV (flat)' for trade flows by state, partner country and year")
    if not f.exists():
        known = ", ".join(sorted(p.stem for p in TABLES.glob("*.yaml")))
        raise LoadError(f"no mapping for GENESIS table '{code}' (known: {known}); "
                        f"add loaders/genesis/tables/{code}.yaml or pass --table")
    return yaml.safe_load(f.read_text(encoding="utf-8"))


def parse_number(cell: str, decimal: str) -> float | int:
    """'1.234.567' -> 1234567, '12,5' -> 12.5 (German); '1,234.5' -> 1234.5 (English)."""
    group = "." if decimal == "," else ","
    text = cell.replace(group, "").replace(decimal, ".")
    if not NUMBER.fullmatch(text):
        raise ValueError(f"'{cell}' is neither a number nor a quality flag")
    f = float(text)
    return int(f) if "." not in text else f


def _read(paths: list[Path], opts: dict[str, Any], progress: RowProgress) -> Iterator:
    from ..source import open_text

    seen_docs: set[str] = set()
    for path in paths:
        code = opts.get("table") or (TABLE_IN_NAME.search(path.name).group(1) if TABLE_IN_NAME.search(path.name) else None)
        if not code:
            raise LoadError(f"{path}: cannot tell the GENESIS table from the file name; pass --table 51000-0032")
        cfg = table_config(code)
        decimal = opts.get("decimal") or ("." if "_en" in path.name.lower() else ",")
        ds = Dataset(source="genesis", title=cfg["title"], dataset=f"GENESIS {cfg['table']}", publisher=cfg["publisher"],
                     version=opts.get("version"), retrieved=opts.get("retrieved") or file_date(path),
                     url=opts.get("url") or cfg["url"], licence=cfg.get("licence"), language=cfg.get("language"))
        if ds.id not in seen_docs:
            seen_docs.add(ds.id)
            yield ds.record(str(path))
        yield from _rows(path, cfg, ds, decimal, opts["encoding"], progress)


def _rows(path: Path, cfg: dict, ds: Dataset, decimal: str, encoding: str, progress: RowProgress) -> Iterator:
    from ..source import open_text

    file = str(path)
    node_type, edge_type = cfg["node_type"], cfg["edge_type"]
    flags = set(cfg.get("flags") or ())
    countries = yaml.safe_load((TABLES.parent / cfg["countries"]).read_text(encoding="utf-8"))
    countries = {k.casefold(): v for k, v in countries.items()}
    state_vars = cfg["state_variable"] if isinstance(cfg["state_variable"], list) else [cfg["state_variable"]]
    country = cfg["country"]
    country_ref = f"#iso_3166={country['iso_3166']}"
    states_done: set[str] = set()
    partners_done: set[str] = set()
    skipped: dict[str, int] = {}
    stream = open_text(path, encoding)
    line = 1
    try:
        reader = csv.reader(stream, delimiter=";")
        try:
            header = [h.strip() for h in next(reader)]
        except StopIteration:
            raise LoadError(f"{file}: the file is empty; expected the ffcsv header row") from None
        col = {h: i for i, h in enumerate(header)}
        for c in BASE_COLUMNS:
            if c not in col:
                raise fail(file, 1, c, f"missing column '{c}'; is this a GENESIS flat file (ffcsv)? "
                                       "download the table as 'CSV (flat)'")
        var_slots = sorted(int(m.group(1)) for h in header if (m := re.fullmatch(r"(\d+)_variable_code", h)))
        i_time, i_value, i_unit, i_vvar = (col[c] for c in BASE_COLUMNS)
        i_q = col.get("value_q")
        state_slot = partner_slot = None
        yield NodeRecord(type=node_type, name=dict(country["name"]), properties={"level": "country", "iso_3166": country["iso_3166"]},
                         sources=ds.source_at(f"country {country['iso_3166']}"), origin=Origin(file, 1))
        for row in reader:
            line = reader.line_num
            progress.tick()
            if not row or not any(c.strip() for c in row):
                continue
            if len(row) != len(header):
                raise fail(file, line, "", f"the row has {len(row)} cells, the header {len(header)}")
            if state_slot is None:
                codes = {n: row[col[f"{n}_variable_code"]] for n in var_slots}
                for n, c in codes.items():
                    shape = OTHER["shapes"].get(c) or (OTHER["shapes"]["MONAT"] if c.startswith("MONAT") else None)
                    if shape:
                        raise fail(file, line, f"{n}_variable_code", f"'{c}': this is {shape}; download "
                                                                     f"{OTHER['instead']} as 'CSV (flat)'")
                state_slot = next((n for n, c in codes.items() if c in state_vars), None)
                if state_slot is None:
                    raise fail(file, line, "1_variable_code", f"no variable is the federal state ({', '.join(state_vars)}); "
                                                              f"found {', '.join(codes.values())}")
                want = cfg.get("partner_variable")
                others = [n for n, c in codes.items() if n != state_slot and (want is None or c == want)]
                if len(others) != 1:
                    raise fail(file, line, "2_variable_code", f"expected one partner-country variable besides the state, "
                                                              f"found {', '.join(codes.values())}; is this table {cfg['table']}?")
                partner_slot = others[0]
            vvar = row[i_vvar].strip()
            direction = cfg["values"].get(vvar)
            if direction is None:
                skipped[vvar] = skipped.get(vvar, 0) + 1
                continue
            year = row[i_time].strip()
            if not re.fullmatch(r"\d{4}", year):
                raise fail(file, line, "time", f"'{year}' is not a year; table {cfg['table']} is annual")
            s_code = row[col[f"{state_slot}_variable_attribute_code"]].strip()
            s_label = row[col[f"{state_slot}_variable_attribute_label"]].strip()
            p_code = row[col[f"{partner_slot}_variable_attribute_code"]].strip()
            p_label = row[col[f"{partner_slot}_variable_attribute_label"]].strip()
            if s_code not in cfg["states"]:
                skipped[f"state {s_code}"] = skipped.get(f"state {s_code}", 0) + 1
                continue
            iso = p_code if re.fullmatch(r"[A-Z]{2}", p_code) else countries.get(
                p_label.casefold(), countries.get(re.sub(r"\s*\(.*?\)", "", p_label).strip().casefold()))
            if iso is None:
                skipped[f"partner {p_label}"] = skipped.get(f"partner {p_label}", 0) + 1
                continue
            if s_code not in states_done:
                states_done.add(s_code)
                yield NodeRecord(type=node_type, name={"de": s_label},
                                 properties={"level": "state", "ars": s_code, "iso_3166": cfg["states"][s_code]},
                                 sources=ds.source_at(f"{cfg['state_variable']} {s_code}"), origin=Origin(file, line))
                yield EdgeRecord(type=cfg["part_of"], source=f"#ars={s_code}", target=country_ref,
                                 sources=ds.source_at(f"{cfg['state_variable']} {s_code}"), origin=Origin(file, line))
            if iso not in partners_done:
                partners_done.add(iso)
                yield NodeRecord(type=node_type, name={"de": re.sub(r"\s*\(.*?\)", "", p_label).strip()},
                                 properties={"level": "country", "iso_3166": iso},
                                 sources=ds.source_at(f"partner {p_code}"), origin=Origin(file, line))
            cell = row[i_value].strip()
            quality = row[i_q].strip() if i_q is not None else ""
            props: dict[str, Any] = {"year": int(year), "direction": direction}
            if cell in flags or cell == "":
                props["quality"] = cell or "."
            else:
                try:
                    props["value"] = parse_number(cell, decimal)
                except ValueError as e:
                    raise fail(file, line, "value", str(e)) from None
                unit = row[i_unit].strip()
                if unit not in cfg["units"]:
                    raise fail(file, line, "value_unit", f"unknown unit '{unit}'; known: {', '.join(cfg['units'])} "
                                                         f"(add it to loaders/genesis/tables/{cfg['table']}.yaml)")
                props.update(cfg["units"][unit])
                if quality:
                    props["quality"] = quality
            yield EdgeRecord(type=edge_type, source=f"#ars={s_code}", target=f"#iso_3166={iso}", properties=props,
                             sources=ds.source_at(f"row {line}"), origin=Origin(file, line))
    except UnicodeDecodeError as e:
        raise decode_error(path, line, e, encoding) from None
    except csv.Error as e:
        raise LoadError(f"{file}:{line}: malformed CSV: {e}") from None
    finally:
        stream.close()
    if skipped:
        progress.note(f"{file}: skipped " + ", ".join(f"{k} ({v} rows)" for k, v in sorted(skipped.items())[:20])
                      + (f" and {len(skipped) - 20} more" if len(skipped) > 20 else ""))


SOURCE = Source(
    name="genesis",
    summary="Destatis GENESIS-Online flat-file CSV (ffcsv), table 51000-0032 (exports/imports by state and country) -> TRADES_WITH by state, partner, year",
    read=_read,
    options=(
        Option("table", "GENESIS table code (default: from the file name, e.g. 51000-0032_de_flat.csv)"),
        Option("decimal", "decimal mark of the values: ',' (German download, default) or '.' (English)"),
    ),
)
