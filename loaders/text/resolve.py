"""Entity resolution of extracted records against the graph (and across documents).

For each extracted node (Documents and Topics aside):

* its id or one of its names/aliases (folded, ``graph.text.fold_variants``) is
  already in the store -> the record is merged into that node (the store keeps
  its names and property values; the text's names become aliases);
* a name is close to a stored name (``rapidfuzz`` ratio on folded names) at or
  above ``MERGE_AT`` -> merged as well, and a note says so;
* between ``REVIEW_AT`` and ``MERGE_AT`` -> NOT merged: a ``Review`` item lists
  the candidates with scores, and the record becomes a new node;
* agreements are matched by (kind, parties): the same letter of intent reported
  by two releases becomes one node with the sources of both.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz

from graph.model import EdgeRecord, NodeRecord
from graph.text import fold, fold_variants

from .model import Extraction, Review
from .rules.types import AGREEMENT, COMPANY, DOCUMENT, EVENT, ORGANIZATION, PARTY_TO, PERSON, REGION, TOPIC

MERGE_AT = 92.0
REVIEW_AT = 80.0
_RESOLVED_TYPES = (REGION, ORGANIZATION, COMPANY, PERSON, EVENT)


@dataclass
class Session:
    """State shared by the documents of one load: what earlier documents resolved to."""

    names: dict[tuple[str, str], str] = field(default_factory=dict)  # (type, folded name) -> id
    agreements: dict[tuple[str, frozenset], str] = field(default_factory=dict)  # (kind, parties) -> id
    records: dict[str, NodeRecord] = field(default_factory=dict)  # id -> first record with it


def _names(rec: NodeRecord) -> list[str]:
    out = [v for v in rec.name.values() if v]
    for vs in rec.aliases.values():
        out.extend(v for v in vs if v and v not in out)
    return out


def _similarity(a: str, b: str) -> float:
    fa, fb = fold(a), fold(b)
    if not fa or not fb:
        return 0.0
    return max(fuzz.ratio(fa, fb), fuzz.token_sort_ratio(fa, fb))


def _best_candidates(store, rec: NodeRecord, limit: int = 10) -> list[tuple[float, Any]]:
    """Stored nodes of the record's type with their best name similarity, best first."""
    seen: dict[str, tuple[float, Any]] = {}
    queries: list[str] = []
    for name in _names(rec)[:6]:
        if len(fold(name)) < 3:
            continue
        queries.append(name[:200])
        # single distinctive words find names that differ elsewhere ("Busan Trade ..." vs "Busan Economic ...")
        words = sorted((w for w in fold(name).split() if len(w) >= 5), key=len, reverse=True)[:3]
        queries.extend(w for w in words if w not in queries)
    for q in queries:
        try:
            hits = store.search(q, types=[rec.type], limit=limit)
        except Exception:  # noqa: BLE001 - a search problem must not stop a load; resolution falls back to new nodes
            hits = []
        for h in hits:
            score = max(_similarity(name, n) for name in _names(rec)[:6] for n in h.node.all_names())
            if h.node.id not in seen or seen[h.node.id][0] < score:
                seen[h.node.id] = (score, h.node)
    return sorted(seen.values(), key=lambda x: (-x[0], x[1].id))


def _adopt(rec: NodeRecord, node) -> None:
    """Merge a record into an existing node without overwriting what the store holds:
    the node keeps its names and property values; the text's other names become aliases."""
    pairs = [(l, v) for l, v in rec.name.items() if v] + [(l, a) for l, vs in rec.aliases.items() for a in vs if a]
    theirs = {n.casefold() for n in node.all_names()}
    aliases: dict[str, list[str]] = {}
    for lang, n in pairs:
        if n.casefold() not in theirs:
            aliases.setdefault(lang, []).append(n)
            theirs.add(n.casefold())
    rec.id = node.id
    rec.name = dict(node.name)
    rec.aliases = aliases
    rec.properties = {k: v for k, v in rec.properties.items() if k not in node.properties}


def resolve(extraction: Extraction, store, session: Session | None = None) -> dict[str, str]:
    """Resolve ``extraction.batch`` in place against ``store``; returns the id remapping."""
    session = session or Session()
    batch = extraction.batch
    remap: dict[str, str] = {}
    doc = extraction.doc_id
    existing = store.get_nodes([r.id for r in batch.nodes if r.id]) if store is not None else {}

    for rec in batch.nodes:
        if rec.type in (DOCUMENT, TOPIC, AGREEMENT) or rec.id is None:
            continue
        if rec.type not in _RESOLVED_TYPES:
            continue
        old_id = rec.id
        names = _names(rec)
        folded = sorted({f for n in names for f in fold_variants(n)})
        # 1. the same name earlier in this load
        hit = next((session.names[(rec.type, f)] for f in folded if (rec.type, f) in session.names), None)
        if hit:
            remap[old_id] = hit
            rec.id = hit
            continue
        target = None
        if store is not None:
            node = existing.get(old_id)
            name_hits = store.find_by_names(rec.type, folded)
            ids = set().union(*name_hits.values()) if name_hits else set()
            if node is not None and node.type == rec.type and (node.id in ids or not _is_local(rec)):
                target = node
            elif len(ids) == 1:
                target = store.get_node(next(iter(ids)))
            elif len(ids) > 1:
                cands = store.get_nodes(sorted(ids))
                extraction.reviews.append(Review(
                    old_id, rec.type, names[0],
                    [{"id": c.id, "label": c.label, "score": 100.0} for c in cands.values()],
                    "several existing nodes carry this name; created a new node", doc, _evidence(rec)))
            elif _is_local(rec) or rec.type == EVENT:
                # names found in the text are compared loosely; reference-gazetteer entries keep their ids
                cands = _best_candidates(store, rec)
                if cands and cands[0][0] >= MERGE_AT:
                    target = cands[0][1]
                    extraction.notes.append(
                        f"{rec.type} '{names[0]}' merged into {target.id} ('{target.label}'), name similarity {cands[0][0]:.0f}")
                elif cands and cands[0][0] >= REVIEW_AT:
                    extraction.reviews.append(Review(
                        old_id, rec.type, names[0],
                        [{"id": n.id, "label": n.label, "score": round(s, 1)} for s, n in cands[:5] if s >= REVIEW_AT - 10],
                        f"similar to an existing node (score {cands[0][0]:.0f} < {MERGE_AT:.0f}); created a new node, not merged",
                        doc, _evidence(rec)))
            if target is None and node is not None:
                # the generated id is taken by a different node: do not merge silently
                n = 2
                while store.get_nodes([f"{old_id}-{n}"]):
                    n += 1
                rec.id = f"{old_id}-{n}"
        if target is not None:
            _adopt(rec, target)
        if rec.id != old_id:
            remap[old_id] = rec.id
        for f in folded:
            session.names.setdefault((rec.type, f), rec.id)

    _rewrite(batch, remap)
    _resolve_agreements(extraction, store, session, remap)
    _rewrite(batch, remap)
    _dedupe(batch)
    if store is not None:
        _drop_known_reference(batch, store)
    return remap


def _drop_known_reference(batch, store) -> None:
    """Reference facts only fill gaps: a reference-only node record of a node the store holds,
    and a reference-only edge the store holds already (stated by a release, or from the
    reference document under another locator, e.g. the bundled dataset's) are left out.
    Records the store holds with this very source stay (they load as unchanged)."""
    from graph.model import edge_id

    from .extract import REFERENCE_DOC, is_reference

    def same_source(rec, stored) -> bool:
        return {s.key() for s in rec.sources} <= {s.key() for s in stored.sources}

    ref_nodes = [r for r in batch.nodes if r.type != DOCUMENT and is_reference(r)]
    stored = store.get_nodes([r.id for r in ref_nodes]) if ref_nodes else {}
    ref_edges = [e for e in batch.edges if is_reference(e)]
    keyprops = {name: t.key_properties for name, t in store.schema.edges.items()}
    eids = {id(e): edge_id(e.source, e.type, e.target, [e.properties.get(k) for k in keyprops.get(e.type, ())]) for e in ref_edges}
    stored_e = store.get_edges(list(eids.values())) if ref_edges else {}

    def drop_node(r) -> bool:
        return r.type != DOCUMENT and is_reference(r) and r.id in stored and not same_source(r, stored[r.id])

    def drop_edge(e) -> bool:
        old = stored_e.get(eids[id(e)]) if is_reference(e) else None
        return old is not None and not same_source(e, old)

    batch.nodes[:] = [r for r in batch.nodes if not drop_node(r)]
    batch.edges[:] = [e for e in batch.edges if not drop_edge(e)]
    cited = any(s.document == REFERENCE_DOC for r in batch.nodes + batch.edges for s in r.sources)
    if not cited:
        batch.nodes[:] = [r for r in batch.nodes if r.id != REFERENCE_DOC]


def _is_local(rec: NodeRecord) -> bool:
    """Discovered in the text (not a reference-gazetteer entry)?"""
    from .gazetteer import default_gazetteer

    return rec.id not in default_gazetteer().entries


def _evidence(rec: NodeRecord) -> str | None:
    return rec.sources[0].evidence if rec.sources else None


def _rewrite(batch, remap: dict[str, str]) -> None:
    if not remap:
        return
    for rec in batch.nodes:
        if rec.id in remap:
            rec.id = remap[rec.id]
    for e in batch.edges:
        e.source = remap.get(e.source, e.source)
        e.target = remap.get(e.target, e.target)
        if "on_behalf_of" in e.properties:
            e.properties["on_behalf_of"] = remap.get(e.properties["on_behalf_of"], e.properties["on_behalf_of"])


def _resolve_agreements(extraction: Extraction, store, session: Session, remap: dict[str, str]) -> None:
    batch = extraction.batch
    for rec in batch.nodes:
        if rec.type != AGREEMENT or rec.id is None:
            continue
        old_id = rec.id
        parties = frozenset(e.source for e in batch.edges if e.type == PARTY_TO and e.target == rec.id)
        kind = rec.properties.get("kind")
        key = (kind, parties)
        target = None
        if len(parties) >= 2:
            target = session.agreements.get(key)
            if target is None:
                for (k, ps), aid in session.agreements.items():
                    if k == kind and len(ps & parties) >= 2:
                        target = aid
                        break
            if target is None and store is not None:
                found: set[str] | None = None
                for p in parties:
                    try:
                        sub = store.neighbors(p, depth=1, edge_types=[PARTY_TO], node_types=None)
                    except Exception:  # noqa: BLE001 - an unknown party (new node) has no agreements yet
                        sub = None
                    ids = {n.id for n in sub.nodes if n.type == AGREEMENT and n.properties.get("kind") == kind} if sub else set()
                    found = ids if found is None else found & ids
                if found and len(found) == 1:
                    target = next(iter(found))
                    node = store.get_node(target)
                    extraction.notes.append(f"agreement '{rec.name.get('en') or next(iter(rec.name.values()))}' matched {target} by kind and parties")
                    _adopt(rec, node)
        if target and target != old_id:
            remap[old_id] = target
            rec.id = target
            if rec.properties and store is not None:
                stored = store.get_nodes([target]).get(target)
                if stored:
                    rec.properties = {k: v for k, v in rec.properties.items() if k not in stored.properties}
        session.agreements.setdefault(key, target or rec.id)


def _dedupe(batch) -> None:
    """Edges made identical by the remapping: keep one, with all sources."""
    seen: dict[tuple, EdgeRecord] = {}
    out = []
    for e in batch.edges:
        if e.source == e.target:
            continue
        k = (e.type, e.source, e.target, tuple(sorted((k, str(v)) for k, v in e.properties.items() if k in ("role", "year", "direction"))))
        if k in seen:
            for s in e.sources:
                if s.key() not in {x.key() for x in seen[k].sources}:
                    seen[k].sources.append(s)
            continue
        seen[k] = e
        out.append(e)
    batch.edges[:] = out
