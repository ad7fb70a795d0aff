"""Extracted records as YAML or JSON in the record format, and a readable report."""

from __future__ import annotations

import json
from typing import Any

import yaml

from graph.model import Batch, EdgeRecord, NodeRecord, edge_id

from .rules.types import DOCUMENT

FORMAT = "regiograph/1"


def _source(s) -> dict[str, Any]:
    return s.to_dict()


def node_to_dict(n: NodeRecord) -> dict[str, Any]:
    d: dict[str, Any] = {"id": n.id, "type": n.type, "name": dict(n.name)}
    if n.aliases:
        d["aliases"] = {k: list(v) for k, v in n.aliases.items() if v}
    if n.properties:
        d["properties"] = dict(n.properties)
    if n.valid_from:
        d["valid_from"] = n.valid_from
    if n.valid_to:
        d["valid_to"] = n.valid_to
    if n.sources:
        d["sources"] = [_source(s) for s in n.sources]
    return d


def edge_to_dict(e: EdgeRecord) -> dict[str, Any]:
    d: dict[str, Any] = {"type": e.type, "source": e.source, "target": e.target}
    if e.properties:
        d["properties"] = dict(e.properties)
    if e.valid_from:
        d["valid_from"] = e.valid_from
    if e.valid_to:
        d["valid_to"] = e.valid_to
    d["sources"] = [_source(s) for s in e.sources]
    return d


def batch_to_dict(batch: Batch) -> dict[str, Any]:
    return {"format": FORMAT, "nodes": [node_to_dict(n) for n in batch.nodes], "edges": [edge_to_dict(e) for e in batch.edges]}


def _batch_of(x) -> Batch:
    return x if isinstance(x, Batch) else x.batch


def to_yaml(extraction) -> str:
    """A YAML document in the record format (docs/FORMAT.md), loadable with ``loaders.load_path``.
    Review items and notes come first, as comments, so a person can edit the file and load it."""
    b = _batch_of(extraction)
    head = [f"# Extracted by the Regiograph text loader from {b.label}.",
            "# Check the records, edit what is wrong, then load: regiograph load records <this file>"]
    for r in getattr(extraction, "reviews", []) or []:
        cands = ", ".join(f"{c['id']} ({c['score']})" for c in r.candidates)
        head.append(f"# REVIEW {r.type} '{r.name}' -> {r.record_id}: {r.reason}; candidates: {cands}")
    for n in getattr(extraction, "notes", []) or []:
        head.append(f"# NOTE {n}")
    for h in getattr(extraction, "held", []) or []:
        head.append(f"# HELD (not in the records) {h.line()}: {h.evidence[:200]}")
    body = yaml.safe_dump(batch_to_dict(b), allow_unicode=True, sort_keys=False, width=120)
    return "\n".join(head) + "\n" + body


def to_json(extraction) -> str:
    """The same records as JSON (``{"format", "nodes", "edges"}``), loadable like the YAML."""
    return json.dumps(batch_to_dict(_batch_of(extraction)), ensure_ascii=False, indent=2)


def _label(n: NodeRecord) -> str:
    return n.name.get("en") or n.name.get("de") or next(iter(n.name.values()), n.id or "?")


def _rule_note(change: dict) -> str:
    """' [rule 0.82]': the rule that read the edge's first sentence and its confidence."""
    rules = change.get("rules") or []
    if not rules:
        return ""
    rule, conf = rules[0]
    return f" [{rule} {conf:.2f}]" if conf is not None else f" [{rule}]"


def _provenance(sources) -> dict[str, Any]:
    """``evidence``: (locator, sentence) of the text's sources (up to two); ``reference``: the
    locators of reference-data sources (facts the gazetteer adds, no sentence behind them)."""
    from .extract import REFERENCE_DOC

    return {"evidence": [(s.locator, s.evidence) for s in sources if s.document != REFERENCE_DOC][:2],
            "reference": [s.locator for s in sources if s.document == REFERENCE_DOC],
            "rules": [(s.rule, s.confidence) for s in sources if s.rule is not None][:2]}


def describe_changes(batch: Batch, store) -> list[dict[str, Any]]:
    """What loading ``batch`` would add or change, one item per record, with its evidence."""
    ids = [n.id for n in batch.nodes if n.id]
    stored = store.get_nodes(ids) if store is not None else {}
    items: list[dict[str, Any]] = []
    for n in batch.nodes:
        old = stored.get(n.id)
        if old is None:
            status = "new"
        else:
            new_sources = {s.key() for s in n.sources} - {s.key() for s in old.sources}
            new_alias = [a for v in n.aliases.values() for a in v if a not in old.all_names()]
            new_props = {k: v for k, v in n.properties.items() if old.properties.get(k) != v}
            status = "update" if (new_sources or new_alias or new_props) else "unchanged"
        items.append({"kind": "node", "status": status, "id": n.id, "type": n.type, "label": _label(n),
                      "properties": dict(n.properties), **_provenance(n.sources)})
    keyprops = {}
    if store is not None:
        keyprops = {name: t.key_properties for name, t in store.schema.edges.items()}
    eids = [edge_id(e.source, e.type, e.target, [e.properties.get(k) for k in keyprops.get(e.type, ())]) for e in batch.edges]
    stored_e = store.get_edges(eids) if store is not None else {}
    for e, eid in zip(batch.edges, eids):
        old = stored_e.get(eid)
        status = "new" if old is None else ("update" if {s.key() for s in e.sources} - {s.key() for s in old.sources} else "unchanged")
        items.append({"kind": "edge", "status": status, "id": eid, "type": e.type, "source": e.source, "target": e.target,
                      "properties": dict(e.properties), **_provenance(e.sources)})
    return items


def dry_run_report(result, store=None) -> str:
    """A readable account of a (dry-)run: per file what is new or changed, and the sentence behind each fact."""
    lines: list[str] = []
    verb = "would" if result.dry_run else "did"
    r = result.report
    lines.append(f"{'DRY RUN - nothing was written' if result.dry_run else 'Loaded'}: {len(result.files)} file(s)")
    lines.append(f"nodes: {r.nodes_created} new, {r.nodes_updated} changed, {r.nodes_unchanged} unchanged; "
                 f"edges: {r.edges_created} new, {r.edges_updated} changed, {r.edges_unchanged} unchanged")
    changes = result.changes
    by_doc: dict[str, list[dict]] = {}
    for c in changes:
        by_doc.setdefault(c.get("document", ""), []).append(c)
    for f in result.files:
        x = f.extraction
        lines.append("")
        lines.append(f"== {f.path}  ({f.doc_id}, language {x.language}, {len(x.batch.nodes)} nodes, {len(x.batch.edges)} edges)")
        items = by_doc.get(f.doc_id, [])
        sym = {"new": "+", "update": "~", "unchanged": "="}
        for c in items:
            if c["kind"] == "node":
                if c["type"] == DOCUMENT:
                    continue
                props = ", ".join(f"{k}={v}" for k, v in c["properties"].items())
                lines.append(f"  {sym[c['status']]} {c['type']:<12} {c['id']}  '{c['label']}'" + (f"  [{props}]" if props else ""))
        for c in items:
            if c["kind"] == "edge":
                props = ", ".join(f"{k}={v}" for k, v in c["properties"].items())
                lines.append(f"  {sym[c['status']]} {c['source']} -{c['type']}-> {c['target']}" + (f"  [{props}]" if props else ""))
                for loc, ev in c["evidence"][:1]:
                    if ev:
                        lines.append(f"        {loc}{_rule_note(c)}: \u00bb{ev[:220]}\u00ab")
                if not c["evidence"] and c.get("reference"):
                    lines.append(f"        reference data ({c['reference'][0]})")
        for rv in x.reviews:
            cands = ", ".join(f"{c['id']} ({c['score']})" for c in rv.candidates)
            lines.append(f"  ? REVIEW {rv.type} '{rv.name}' -> {rv.record_id}: {rv.reason}; candidates: {cands}")
        for n in x.notes:
            lines.append(f"  ! {n}")
        for h in x.held:
            lines.append(f"  - HELD {h.line()}")
            lines.append(f"        \u00bb{h.evidence[:220]}\u00ab")
    lines.append("")
    lines.append(f"legend: + {verb} add, ~ {verb} change (new aliases, properties or sources), = already present; ? needs review; "
                 "- HELD: a relation below the confidence threshold, not loaded")
    return "\n".join(lines)
