"""Wikidata -> regions, organizations and partnerships (``regiograph load wikidata FILE...``).

Reads

* W3C SPARQL 1.1 query results in JSON (``{"head": {"vars": [...]}, "results":
  {"bindings": [...]}}``) of the queries in ``queries/`` - streamed binding by
  binding (ijson); each binding is read by the profile of ``wikidata.yaml``
  whose variables it carries;
* Wikidata entity JSON: ``{"entities": {"Q1202": {...}}}`` as served by
  ``Special:EntityData/Q1202.json``, or a dump (a JSON array, one entity per line).

Every item becomes a node keyed by its QID (``qid``), merged by QID, ISO 3166
or NUTS code with what the graph holds; edges name their ends as ``#qid=Q...``
and are left out (review items) when an end is not in the graph.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterator

import ijson
import yaml

from graph.errors import LoadError
from graph.model import EdgeRecord, NodeRecord, Origin

from ..source import Dataset, RowProgress, Source, decode_error, fail, file_date, open_binary, open_text

CONFIG = yaml.safe_load((Path(__file__).parent / "wikidata.yaml").read_text(encoding="utf-8"))
QUERIES = Path(__file__).parent / "queries"


def qid_of(value: str) -> str | None:
    """'http://www.wikidata.org/entity/Q1202' -> 'Q1202' (None for blank nodes and literals)."""
    if not isinstance(value, str):
        return None
    tail = value.rsplit("/", 1)[-1]
    return tail if tail[:1] == "Q" and tail[1:].isdigit() else None


def _dataset(path: Path, kind: str, opts: dict[str, Any]) -> Dataset:
    stem = path.name.split(".")[0].removeprefix("wikidata-")
    return Dataset(source="wikidata", title=f"Wikidata {kind}: {stem}", dataset=f"Wikidata {stem}",
                   publisher=CONFIG["publisher"], version=opts.get("version"),
                   retrieved=opts.get("retrieved") or file_date(path), url=opts.get("url") or CONFIG["url"],
                   licence=CONFIG["licence"])


def _first_char(path: Path, encoding: str) -> str:
    with open_text(path, encoding) as f:
        while True:
            ch = f.read(1)
            if not ch:
                raise LoadError(f"{path}: the file is empty")
            if not ch.isspace():
                return ch


# ----------------------------------------------------------- SPARQL results


def _value(binding: dict, var: str | None) -> str | None:
    if not var or var not in binding:
        return None
    v = binding[var]
    if not isinstance(v, dict) or "value" not in v:
        return None
    return str(v["value"]).strip() or None


def _names(binding: dict) -> dict[str, str]:
    return {lang: v for lang in CONFIG["languages"] if (v := _value(binding, f"label_{lang}"))}


def _profile(binding: dict) -> tuple[str, dict] | None:
    for name, prof in CONFIG["profiles"].items():
        if all(v in binding for v in prof["detect"]):
            return name, prof
    return None


def _binding_records(binding: dict, ds: Dataset, file: str, n: int, skipped: dict) -> Iterator:
    found = _profile(binding)
    if found is None:
        skipped["bindings of no known query"] = skipped.get("bindings of no known query", 0) + 1
        return
    name, prof = found
    origin = Origin(file, n)
    item = qid_of(_value(binding, "item") or "")
    if item is None:
        raise fail(file, n, "item", f"binding {n}: '{_value(binding, 'item')}' is not a Wikidata item URI")
    src = ds.source_at(f"{name} {item}")
    if "node" in prof:
        spec = prof["node"]
        props = {"qid": item, **spec.get("constants", {})}
        for prop, var in spec.get("properties", {}).items():
            v = _value(binding, var)
            if v is not None:
                props[prop] = v
        names = _names(binding)
        if not names:
            names = {"und": item}  # an item without a label in our languages keeps its QID as name
        yield NodeRecord(type=spec["type"], name=names, properties=props, sources=src, origin=origin)
    edges = prof.get("edges", []) + ([prof["edge"]] if "edge" in prof else [])
    for e in edges:
        source = qid_of(_value(binding, e.get("source", "item")) or "")
        targets = [qid_of(_value(binding, e["target"]) or "")]
        if e.get("fallback"):
            targets.append(qid_of(_value(binding, e["fallback"]) or ""))
        targets = [t for t in targets if t and t != source]
        if not source or not targets:
            continue
        props = {prop: v for prop, var in e.get("properties", {}).items() if (v := _value(binding, var))}
        if "since" in props:
            props["since"] = props["since"][:10]
        yield EdgeRecord(type=e["type"], source=f"#qid={source}", target="|".join(f"#qid={t}" for t in targets),
                         properties=props, sources=src, origin=origin)


def _sparql(path: Path, opts: dict[str, Any], progress: RowProgress) -> Iterator:
    ds = _dataset(path, "query results", opts)
    file = str(path)
    yield ds.record(file)
    skipped: dict[str, int] = {}
    n = 0
    stream = _json_stream(path, opts["encoding"])
    try:
        for binding in ijson.items(stream, "results.bindings.item"):
            n += 1
            progress.tick()
            yield from _binding_records(binding, ds, file, n, skipped)
    except ijson.JSONError as e:
        raise LoadError(f"{file}: invalid JSON after binding {n}: {e}") from None
    except UnicodeDecodeError as e:
        raise decode_error(path, None, e, opts["encoding"]) from None
    finally:
        stream.close()
    if n == 0:
        raise LoadError(f"{file}: no 'results.bindings' found; expected SPARQL 1.1 JSON results "
                        "(query.wikidata.org: Download > JSON) or Wikidata entity JSON")
    if skipped:
        progress.note(f"{file}: skipped " + ", ".join(f"{k} ({v})" for k, v in skipped.items()))


# ------------------------------------------------------------- entity JSON


def _claim_values(entity: dict, prop: str) -> list[tuple[Any, dict]]:
    out = []
    for st in entity.get("claims", {}).get(prop, []) or []:
        if st.get("rank") == "deprecated":
            continue
        dv = (st.get("mainsnak") or {}).get("datavalue") or {}
        if "value" in dv:
            out.append((dv["value"], st.get("qualifiers") or {}))
    return out


def entity_records(entity: dict, ds: Dataset, file: str, where: int, skipped: dict) -> Iterator:
    ent = CONFIG["entities"]
    qid = entity.get("id")
    if not isinstance(qid, str) or qid_of(qid) is None:
        raise fail(file, where, "id", f"entity {where} has no Wikidata item id (Q...)")
    cls = None
    for value, _q in _claim_values(entity, "P31"):
        if isinstance(value, dict) and value.get("id") in ent["classes"]:
            cls = ent["classes"][value["id"]]
            break
    if cls is None and _claim_values(entity, "P300"):
        cls = ent["classes"]["Q10864048"]
    if cls is None:
        skipped["entities of no known class"] = skipped.get("entities of no known class", 0) + 1
        return
    langs = CONFIG["languages"]
    names = {l: v["value"] for l, v in (entity.get("labels") or {}).items() if l in langs and v.get("value")}
    aliases = {l: [a["value"] for a in vs if a.get("value")] for l, vs in (entity.get("aliases") or {}).items() if l in langs}
    props: dict[str, Any] = {"qid": qid, **{k: v for k, v in cls.items() if k != "type"}}
    for prop, target in ent["claims"].items():
        vals = [v for v, _q in _claim_values(entity, prop) if isinstance(v, str)]
        if vals and target not in props:
            props[target] = vals[0]
    origin = Origin(file, where)
    src = ds.source_at(f"entity {qid}")
    yield NodeRecord(type=cls["type"], name=names or {"und": qid}, aliases={k: v for k, v in aliases.items() if v},
                     properties=props, sources=src, origin=origin)
    for prop, edge_type in ent["edges"].items():
        for value, quals in _claim_values(entity, prop):
            target = value.get("id") if isinstance(value, dict) else None
            if not target or target == qid:
                continue
            eprops = {}
            for q in quals.get(ent["since_qualifier"], []) if edge_type == ent["edges"].get("P190") else []:
                v = (q.get("datavalue") or {}).get("value") or {}
                t = v.get("time")
                if t:  # precision 9: year, 10: month, 11: day
                    eprops["since"] = t.lstrip("+")[: {9: 4, 10: 7}.get(v.get("precision"), 10)]
            yield EdgeRecord(type=edge_type, source=f"#qid={qid}", target=f"#qid={target}", properties=eprops,
                             sources=src, origin=origin)


def _entities(path: Path, opts: dict[str, Any], progress: RowProgress, first: str) -> Iterator:
    ds = _dataset(path, "entities", opts)
    file = str(path)
    yield ds.record(file)
    skipped: dict[str, int] = {}
    stream = open_text(path, opts["encoding"])
    try:
        if first == "[":  # dump: one entity per line
            for line_no, line in enumerate(stream, 1):
                line = line.strip().rstrip(",")
                if line in ("[", "]", ""):
                    continue
                try:
                    entity = json.loads(line)
                except json.JSONDecodeError as e:
                    raise LoadError(f"{file}:{line_no}: invalid JSON at column {e.colno}: {e.msg}") from None
                progress.tick()
                yield from entity_records(entity, ds, file, line_no, skipped)
        else:
            stream.close()
            stream = _json_stream(path, opts["encoding"])
            for n, (_qid, entity) in enumerate(ijson.kvitems(stream, "entities"), 1):
                progress.tick()
                yield from entity_records(entity, ds, file, n, skipped)
    except ijson.JSONError as e:
        raise LoadError(f"{file}: invalid JSON: {e}") from None
    except UnicodeDecodeError as e:
        raise decode_error(path, None, e, opts["encoding"]) from None
    finally:
        stream.close()
    if skipped:
        progress.note(f"{file}: skipped " + ", ".join(f"{k} ({v})" for k, v in skipped.items()))


def _json_stream(path: Path, encoding: str):
    """ijson reads bytes: the raw UTF-8 stream (BOM skipped); other encodings are decoded first."""
    if encoding.replace("_", "-").lower() not in ("utf-8", "utf8", "utf-8-sig"):
        return open_text(path, encoding)
    raw = open_binary(path)
    if raw.peek(3)[:3] == b"\xef\xbb\xbf":
        raw.read(3)
    return raw


def _is_sparql(path: Path, encoding: str) -> bool:
    with open_text(path, encoding) as f:
        head = f.read(4096)
    return '"head"' in head or '"results"' in head


def _read(paths: list[Path], opts: dict[str, Any], progress: RowProgress) -> Iterator:
    for path in paths:
        first = _first_char(path, opts["encoding"])
        if first not in "[{":
            raise LoadError(f"{path}: not JSON; expected SPARQL 1.1 JSON results or Wikidata entity JSON")
        if first == "{" and _is_sparql(path, opts["encoding"]):
            yield from _sparql(path, opts, progress)
        else:
            yield from _entities(path, opts, progress, first)


SOURCE = Source(
    name="wikidata",
    summary="Wikidata: SPARQL 1.1 JSON results of loaders/wikidata/queries/*.rq, or entity JSON -> regions, bodies, partnerships",
    read=_read,
)
