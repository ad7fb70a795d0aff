"""Validation, resolution and merging of a batch of records against a store.

``prepare`` does all the checking before anything is written, so a load is all
or nothing: it returns the final nodes and edges (merged with what the store
holds) that changed, and a report; the store then writes them in one transaction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from . import dates, identity, money, rates
from .errors import DanglingReferenceError, ValidationError
from .model import Batch, Edge, EdgeRecord, LoadReport, Node, NodeRecord, Origin, Source, edge_id, merge_sources
from .progress import EVERY, Progress, stage
from .schema import Schema
from .text import fold, fold_variants, slug

if TYPE_CHECKING:  # pragma: no cover
    from .store.base import GraphStore

NODE_ID = re.compile(r"^[a-z][a-z0-9_]*:[a-z0-9][a-z0-9._-]*$")
LANG = re.compile(r"^[a-z]{2,3}$")
MAX_ID = 200
MAX_NAME = 500
MAX_ERRORS = 50


@dataclass
class Plan:
    nodes: list[Node] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)
    report: LoadReport = field(default_factory=LoadReport)


class _Errors:
    def __init__(self) -> None:
        self.items: list[dict[str, Any]] = []
        self.dangling = 0

    def add(self, origin: Origin, field_: str, message: str, *, dangling: bool = False) -> None:
        if dangling:
            self.dangling += 1
        if len(self.items) < MAX_ERRORS:
            self.items.append({"file": origin.file, "line": origin.line, "field": field_, "message": message})

    def raise_if_any(self) -> None:
        if not self.items:
            return
        first = self.items[0]
        where = f"{first['file']}:{first['line']}" if first["line"] is not None else first["file"]
        more = f" (and {len(self.items) - 1} more problems)" if len(self.items) > 1 else ""
        msg = f"{where}: field '{first['field']}': {first['message']}{more}; nothing was loaded"
        cls = DanglingReferenceError if self.dangling == len(self.items) else ValidationError
        raise cls(msg, details=self.items)


def _check_names(errs: _Errors, origin: Origin, field_: str, value: Any, *, many: bool) -> dict:
    out: dict = {}
    if value is None:
        return out
    if not isinstance(value, dict):
        errs.add(origin, field_, "must be a mapping of language code to " + ("a list of names" if many else "a name"))
        return out
    for lang, v in value.items():
        if not isinstance(lang, str) or not LANG.match(lang):
            errs.add(origin, f"{field_}.{lang}", f"'{lang}' is not a language code (two or three lowercase letters)")
            continue
        vals = v if many else [v]
        if many and not isinstance(v, (list, tuple)):
            vals = [v]
        clean = []
        for item in vals:
            if not isinstance(item, str) or not item.strip():
                errs.add(origin, f"{field_}.{lang}", f"names must be non-empty strings, got {item!r}")
                continue
            if len(item) > MAX_NAME:
                errs.add(origin, f"{field_}.{lang}", f"name longer than {MAX_NAME} characters")
                continue
            clean.append(item.strip())
        if clean:
            out[lang] = clean if many else clean[0]
    return out


def _check_dates(errs: _Errors, origin: Origin, rec) -> tuple[str | None, str | None]:
    out = []
    for f in ("valid_from", "valid_to"):
        try:
            out.append(dates.normalize(getattr(rec, f)))
        except (ValueError, TypeError) as e:
            errs.add(origin, f, str(e))
            out.append(None)
    vf, vt = out
    if vf and vt and dates.lower_bound(vf) > dates.upper_bound(vt):
        errs.add(origin, "valid_from", f"valid_from {vf} is after valid_to {vt}")
    return vf, vt


def _check_props(errs: _Errors, origin: Origin, defs, props: Any, type_name: str) -> dict:
    out: dict = {}
    if props is None:
        return out
    if not isinstance(props, dict):
        errs.add(origin, "properties", "must be a mapping")
        return out
    for k, v in props.items():
        if v is None or v == "":
            continue
        if k not in defs:
            errs.add(origin, f"properties.{k}", f"{type_name} has no property '{k}'; declared: {', '.join(sorted(defs)) or 'none'}")
            continue
        try:
            out[k] = defs[k].check(v)
        except (ValueError, TypeError) as e:
            errs.add(origin, f"properties.{k}", str(e))
    return out


def _check_sources(errs: _Errors, origin: Origin, sources: Any) -> list[Source]:
    out = []
    if not isinstance(sources, (list, tuple)):
        errs.add(origin, "sources", "must be a list of {document, locator}")
        return out
    for i, s in enumerate(sources):
        if isinstance(s, Source):
            out.append(s)
        elif isinstance(s, dict) and isinstance(s.get("document"), str):
            problem = source_problem(s)
            if problem:
                errs.add(origin, f"sources[{i}].{problem[0]}", problem[1])
                continue
            try:
                out.append(Source.from_dict(s))
            except (TypeError, ValueError, IndexError) as e:
                errs.add(origin, f"sources[{i}]", f"malformed source: {e}")
        else:
            errs.add(origin, f"sources[{i}]", "each source needs a 'document' id")
    return out


def source_problem(s: dict) -> tuple[str, str] | None:
    """(field, message) when a source's locator, evidence, span, rule or confidence has the wrong shape."""
    for f in ("locator", "evidence", "rule"):
        if s.get(f) is not None and not isinstance(s[f], str):
            return f, f"must be a string, got {type(s[f]).__name__}"
    conf = s.get("confidence")
    if conf is not None and not (isinstance(conf, (int, float)) and not isinstance(conf, bool) and 0 <= conf <= 1):
        return "confidence", "must be a number from 0 to 1"
    span = s.get("span")
    if span is not None and not (isinstance(span, (list, tuple)) and len(span) == 2
                                 and all(isinstance(x, int) and not isinstance(x, bool) and 0 <= x < 2**53 for x in span)):
        return "span", "must be a list of two character offsets [start, end]"
    return None


def prepare(batch: Batch, schema: Schema, store: "GraphStore", progress: Progress | None = None) -> Plan:
    """``progress(done, total)``: records checked (stage 'checking', ``graph.progress``)."""
    errs = _Errors()
    plan = Plan()
    stage(progress, "checking")
    total = len(batch.nodes) + len(batch.edges)
    done = 0

    # ---- 0. identifiers and references (graph.identity) ---------------------
    batch, outcome = identity.assign(batch, schema, store)
    plan.report.review.extend(outcome.review)
    for origin, field_, message in outcome.errors:
        errs.add(origin, field_, message)

    # ---- 1. nodes: validate each record -------------------------------------
    staged: dict[str, Node] = {}  # id -> merged node within this batch (before store merge)
    staged_origin: dict[str, Origin] = {}
    unresolved: list[tuple[NodeRecord, dict, dict, dict, tuple, list[Source]]] = []
    for rec in batch.nodes:
        done += 1
        if progress and done % EVERY == 0:
            progress(done, total)
        o = rec.origin
        if not isinstance(rec.type, str) or rec.type not in schema.nodes:
            errs.add(o, "type", f"unknown node type '{rec.type}'; known: {', '.join(sorted(schema.nodes))}")
            continue
        nt = schema.nodes[rec.type]
        names = _check_names(errs, o, "name", rec.name, many=False)
        if not names:
            errs.add(o, "name", "a node needs at least one name, e.g. name: {en: ...}")
        aliases = _check_names(errs, o, "aliases", rec.aliases, many=True)
        props = _check_props(errs, o, nt.properties, rec.properties, nt.name)
        vrange = _check_dates(errs, o, rec)
        srcs = _check_sources(errs, o, rec.sources)
        if not srcs and nt.name != schema.document_type:
            errs.add(o, "sources", "every fact needs a source: sources: [{document: doc:..., locator: ...}]")
        if rec.id is not None:
            if not isinstance(rec.id, str) or not NODE_ID.match(rec.id) or len(rec.id) > MAX_ID:
                errs.add(o, "id", f"'{rec.id}' is not a valid id (lowercase '<prefix>:<slug>', e.g. '{nt.id_prefix}:example')")
                continue
            if rec.id.split(":", 1)[0] != nt.id_prefix:
                errs.add(o, "id", f"id '{rec.id}' of a {nt.name} must start with '{nt.id_prefix}:'")
                continue
            _stage(staged, staged_origin, rec.id, nt.name, names, aliases, props, vrange, srcs, o, errs)
        else:
            unresolved.append((rec, names, aliases, props, vrange, srcs))

    # ---- 2. resolve records without id by name ------------------------------
    if unresolved:
        _resolve(unresolved, staged, staged_origin, schema, store, errs)

    # ---- 3. merge with what the store holds ---------------------------------
    existing = store.get_nodes(list(staged)) if staged else {}
    final_nodes: dict[str, Node] = {}
    for nid, node in staged.items():
        old = existing.get(nid)
        if old is not None and old.type != node.type:
            errs.add(staged_origin[nid], "type", f"node '{nid}' exists as a {old.type}, not a {node.type}")
            continue
        merged = _merge_node(old, node) if old else node
        nt = schema.nodes[merged.type]
        for pname, pdef in nt.properties.items():
            if pdef.required and pname not in merged.properties:
                errs.add(staged_origin[nid], f"properties.{pname}", f"{nt.name} '{nid}' needs property '{pname}'")
        final_nodes[nid] = merged
        if old is None:
            plan.report.nodes_created += 1
            plan.nodes.append(merged)
        elif old == merged:
            plan.report.nodes_unchanged += 1
        else:
            plan.report.nodes_updated += 1
            plan.nodes.append(merged)

    # ---- 4. edges ------------------------------------------------------------
    rates_table = batch.rates if batch.rates is not None else rates.active()
    endpoint_ids = {r.source for r in batch.edges if isinstance(r.source, str)} | {
        r.target for r in batch.edges if isinstance(r.target, str)
    }
    missing = [i for i in endpoint_ids if i not in final_nodes]
    known_nodes: dict[str, Node] = dict(final_nodes)
    if missing:
        known_nodes.update(store.get_nodes(missing))
    staged_edges: dict[str, Edge] = {}
    edge_origin: dict[str, Origin] = {}
    for rec in batch.edges:
        done += 1
        if progress and done % EVERY == 0:
            progress(done, total)
        o = rec.origin
        if not isinstance(rec.type, str) or rec.type not in schema.edges:
            errs.add(o, "type", f"unknown edge type '{rec.type}'; known: {', '.join(sorted(schema.edges))}")
            continue
        et = schema.edges[rec.type]
        ok = True
        ends = {}
        for side in ("source", "target"):
            ref = getattr(rec, side)
            if not isinstance(ref, str) or not ref:
                errs.add(o, side, "must be a node id")
                ok = False
                continue
            node = known_nodes.get(ref)
            if node is None:
                errs.add(o, side, f"node '{ref}' is not in this load nor in the graph", dangling=True)
                ok = False
                continue
            allowed = et.source if side == "source" else et.target
            if node.type not in allowed:
                errs.add(o, side, f"{rec.type} cannot have a {node.type} ('{ref}') as {side}; allowed: {', '.join(allowed)}")
                ok = False
            ends[side] = ref
        props = _check_props(errs, o, et.properties, rec.properties, et.name)
        props, problems = money.normalize(et.money, props, rates_table)
        for field_, message in problems:
            errs.add(o, field_, message)
            ok = False
        for pname, pdef in et.properties.items():
            if pdef.required and pname not in props:
                errs.add(o, f"properties.{pname}", f"{et.name} needs property '{pname}'")
                ok = False
        vf, vt = _check_dates(errs, o, rec)
        srcs = _check_sources(errs, o, rec.sources)
        if not srcs:
            errs.add(o, "sources", "every fact needs a source: sources: [{document: doc:..., locator: ...}]")
        if not ok:
            continue
        eid = edge_id(ends["source"], et.name, ends["target"], [props[k] for k in et.key_properties])
        edge = Edge(eid, et.name, ends["source"], ends["target"], props, vf, vt, tuple(srcs))
        if eid in staged_edges:
            edge = _merge_edge(staged_edges[eid], edge)
        staged_edges[eid] = edge
        edge_origin[eid] = o

    # ---- 5. sources must name Document nodes ---------------------------------
    doc_ids = {s.document for n in final_nodes.values() for s in n.sources} | {
        s.document for e in staged_edges.values() for s in e.sources
    }
    docs = {i: n for i, n in final_nodes.items() if n.type == schema.document_type}
    unknown = [d for d in doc_ids if d not in docs]
    if unknown:
        docs.update({i: n for i, n in store.get_nodes(unknown).items() if n.type == schema.document_type})
    for nid, n in final_nodes.items():
        for s in n.sources:
            if s.document not in docs:
                errs.add(staged_origin[nid], "sources", f"document '{s.document}' is not a Document node in this load nor in the graph", dangling=True)
    for eid, e in staged_edges.items():
        for s in e.sources:
            if s.document not in docs:
                errs.add(edge_origin[eid], "sources", f"document '{s.document}' is not a Document node in this load nor in the graph", dangling=True)

    errs.raise_if_any()
    if progress:
        progress(total, total)

    existing_edges = store.get_edges(list(staged_edges)) if staged_edges else {}
    for eid, edge in staged_edges.items():
        old = existing_edges.get(eid)
        merged = _merge_edge(old, edge) if old else edge
        if old is None:
            plan.report.edges_created += 1
            plan.edges.append(merged)
        elif old == merged:
            plan.report.edges_unchanged += 1
        else:
            plan.report.edges_updated += 1
            plan.edges.append(merged)
    return plan


def _stage(staged, staged_origin, nid, type_, names, aliases, props, vrange, srcs, origin, errs) -> None:
    node = Node(
        id=nid,
        type=type_,
        name=dict(names),
        aliases={k: tuple(v) for k, v in aliases.items()},
        properties=dict(props),
        valid_from=vrange[0],
        valid_to=vrange[1],
        sources=tuple(srcs),
    )
    if nid in staged:
        if staged[nid].type != type_:
            errs.add(origin, "id", f"id '{nid}' is given as {staged[nid].type} and as {type_} in this load")
            return
        node = _merge_node(staged[nid], node)
    else:
        staged_origin[nid] = origin
    staged[nid] = node


def _resolve(unresolved, staged, staged_origin, schema: Schema, store, errs: _Errors) -> None:
    # index of the batch's own nodes by folded name, per type
    batch_index: dict[tuple[str, str], set[str]] = {}

    def index(node: Node) -> None:
        for name in node.all_names():
            for f in fold_variants(name):
                batch_index.setdefault((node.type, f), set()).add(node.id)

    for n in staged.values():
        index(n)
    by_type: dict[str, set[str]] = {}
    for rec, names, aliases, *_ in unresolved:
        if names:
            by_type.setdefault(rec.type, set()).update(
                f for nm in list(names.values()) + [a for v in aliases.values() for a in v] for f in fold_variants(nm)
            )
    store_hits: dict[str, dict[str, set[str]]] = {t: store.find_by_names(t, sorted(fs)) for t, fs in by_type.items()}

    for rec, names, aliases, props, vrange, srcs in unresolved:
        if not names:
            continue
        nt = schema.nodes[rec.type]
        all_names = list(names.values()) + [a for v in aliases.values() for a in v]
        folded = {f for nm in all_names for f in fold_variants(nm)}
        cands: set[str] = set()
        for f in folded:
            cands |= batch_index.get((rec.type, f), set())
            cands |= store_hits.get(rec.type, {}).get(f, set())
        if len(cands) > 1:
            errs.add(rec.origin, "name", f"'{all_names[0]}' matches several {rec.type} nodes: {', '.join(sorted(cands))}; give an id")
            continue
        if cands:
            nid = next(iter(cands))
        else:
            nid = f"{nt.id_prefix}:{slug(all_names[0])}"[:MAX_ID]
        _stage(staged, staged_origin, nid, rec.type, names, aliases, props, vrange, srcs, rec.origin, errs)
        index(staged[nid])


def _merge_node(old: Node, new: Node) -> Node:
    aliases: dict[str, list[str]] = {k: list(v) for k, v in old.aliases.items()}
    for lang, vs in new.aliases.items():
        cur = aliases.setdefault(lang, [])
        for v in vs:
            if v not in cur:
                cur.append(v)
    # a former name that the new record replaces stays findable as an alias
    for lang, v in old.name.items():
        if lang in new.name and new.name[lang] != v:
            cur = aliases.setdefault(lang, [])
            if v not in cur:
                cur.append(v)
    name = {**old.name, **new.name}
    for lang, v in name.items():  # an alias equal to the name is redundant
        if lang in aliases and v in aliases[lang]:
            aliases[lang] = [a for a in aliases[lang] if a != v]
    return Node(
        id=old.id,
        type=old.type,
        name=name,
        aliases={k: tuple(v) for k, v in aliases.items() if v},
        properties={**old.properties, **new.properties},
        valid_from=new.valid_from if new.valid_from is not None else old.valid_from,
        valid_to=new.valid_to if new.valid_to is not None else old.valid_to,
        sources=merge_sources(old.sources, new.sources),
    )


def _merge_edge(old: Edge, new: Edge) -> Edge:
    return Edge(
        id=old.id,
        type=old.type,
        source=old.source,
        target=old.target,
        properties={**old.properties, **new.properties},
        valid_from=new.valid_from if new.valid_from is not None else old.valid_from,
        valid_to=new.valid_to if new.valid_to is not None else old.valid_to,
        sources=merge_sources(old.sources, new.sources),
    )


def folded_keys(node: Node) -> set[str]:
    """Every folded form of every name and alias of a node (for name indexes), plus its
    identifier keys ('#lei=...', graph.identity), so ``find_by_names`` finds nodes by identifier."""
    keys = {f for name in node.all_names() for f in identity.folds(name)[0]}
    if node.properties:
        keys |= identity.node_keys(node, _schema())
    return keys


_SCHEMA: Schema | None = None


def _schema() -> Schema:
    """The bundled schema, for the identifier keys of stored nodes (loaded once)."""
    global _SCHEMA
    if _SCHEMA is None:
        from .schema import default_schema

        _SCHEMA = default_schema()
    return _SCHEMA


__all__ = ["Plan", "prepare", "folded_keys", "fold"]
