"""Identifiers as first-class keys: which node is an arriving record?

Node types declare identifier schemes in their schema file (``identifiers:
[qid, iso_3166, nuts, ars]``); each scheme is a string property. Every node is
indexed under ``#scheme=VALUE`` keys next to its folded names
(``graph.ingest.folded_keys``), so both stores answer identifier look-ups
through the existing ``find_by_names`` port method.

``assign(batch, schema, store)`` runs at the start of ``graph.ingest.prepare``
and gives node records their ids:

1. a record with an identifier joins the node that holds it, whatever its name
   or language (identifiers of other schemes in the record are checked: if
   they point to another node, the conflict is a review item and the
   conflicting identifier is not copied);
2. otherwise by name (all names and aliases, folded) among nodes of its type
   that do not hold a *different* value of one of its identifiers, and, when
   the record names its place (``place``), that are not tied to another place;
   exactly one such node: merge (the node gains the record's identifiers);
3. several: never merged. A record with an identifier becomes a new node and
   the near-duplicates are a review item; a record without one is left out
   as a review item when the batch asks for reviews (open-data loaders),
   else it is an error, as for plain record files;
4. none: a new node, id from the name (with the identifier added when the
   name's id is already taken).

Edges may name their ends by reference instead of id: ``#scheme=VALUE`` (any
node holding that identifier, in this load or in the graph) or a record's own
``ref``. References that do not resolve are errors, or review items (the edge
is left out) when the batch asks for reviews.
"""

from __future__ import annotations

import re
from copy import copy as _copy
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterable

from .model import Batch, NodeRecord, Origin
from .text import fold, fold_variants, slug

if TYPE_CHECKING:  # pragma: no cover
    from .schema import NodeType, Schema
    from .store.base import GraphStore

KEY_PREFIX = "#"
MAX_ID = 200
MAX_REVIEW = 500  # review items listed one by one; more are counted by kind


def normalize(value: Any) -> str:
    """Identifier values compare case-insensitively, with inner whitespace as '_'
    (``str.split`` splits on the same Unicode whitespace as ``\\s+``, without a regex)."""
    return "_".join(str(value).split()).upper()


def key(scheme: str, value: Any) -> str:
    return f"{KEY_PREFIX}{scheme}={normalize(value)}"


def alternatives(ref: Any) -> list[str]:
    """'#iso_3166=DE-SN|#iso_3166=DE' -> both references, first preferred."""
    if isinstance(ref, str) and ref.startswith(KEY_PREFIX) and "|" in ref:
        return [r for r in ref.split("|") if r]
    return [ref] if isinstance(ref, str) else []


def parse_ref(ref: Any) -> tuple[str, str] | None:
    """'#lei=5299...' -> ('lei', '5299...'); anything else -> None."""
    if isinstance(ref, str) and ref.startswith(KEY_PREFIX) and "=" in ref:
        scheme, _, value = ref[1:].partition("=")
        if scheme and value:
            return scheme, value
    return None


def identifiers_of(nt: "NodeType", props: dict[str, Any] | None) -> dict[str, str]:
    """scheme -> value for the identifier properties present in ``props``."""
    if not nt.identifiers or not isinstance(props, dict):
        return {}
    out = {}
    for scheme in nt.identifiers:
        v = props.get(scheme)
        if v is not None and v != "" and isinstance(v, (str, int)) and not isinstance(v, bool):
            out[scheme] = str(v).strip()
    return out


def node_keys(node, schema: "Schema") -> set[str]:
    """The ``#scheme=VALUE`` index keys of a stored node."""
    nt = schema.nodes.get(node.type)
    if nt is None:
        return set()
    return {key(s, v) for s, v in identifiers_of(nt, node.properties).items()}


@dataclass
class Outcome:
    """What ``assign`` decided: review items and errors (origin, field, message)."""

    review: list[dict[str, Any]] = field(default_factory=list)
    errors: list[tuple[Origin, str, str]] = field(default_factory=list)

    omitted: dict[str, int] = field(default_factory=dict)

    def add_review(self, origin: Origin, kind: str, message: str, **extra) -> None:
        if len(self.review) >= MAX_REVIEW:
            self.omitted[kind] = self.omitted.get(kind, 0) + 1
            return
        self.review.append({"file": origin.file, "line": origin.line, "kind": kind, "message": message, **extra})


def _names(rec: NodeRecord) -> list[str]:
    out: list[str] = []
    if isinstance(rec.name, dict):
        out += [v for v in rec.name.values() if isinstance(v, str) and v.strip()]
    if isinstance(rec.aliases, dict):
        for v in rec.aliases.values():
            for a in v if isinstance(v, (list, tuple)) else [v]:
                if isinstance(a, str) and a.strip():
                    out.append(a)
    return out


def _folded(names: Iterable[str]) -> set[str]:
    return {f for n in names for f in fold_variants(n)}


_SLUG_DROP = re.compile(r"[^a-z0-9._-]")


FOLD_MEMO = 1 << 16  # names whose folds are remembered (a chunk's names: resolved, then written)
_fold_memo: dict[str, tuple[frozenset[str], str]] = {}


def folds(name: str) -> tuple[frozenset[str], str]:
    """A name's folded variants (``graph.text.fold_variants``) and its id slug (``graph.text.slug``),
    memoised: a load folds each name when it resolves the record and again when the store indexes
    the node. The memo is bounded (emptied when full), so memory stays flat on any file size."""
    hit = _fold_memo.get(name)
    if hit is None:
        variants = fold_variants(name)
        first = next(iter(variants)) if variants and name.isascii() else fold(name)  # ASCII: one variant
        if len(_fold_memo) >= FOLD_MEMO:
            _fold_memo.clear()
        hit = _fold_memo[name] = (frozenset(variants), _SLUG_DROP.sub("", first.replace(" ", "-")).strip("-") or "x")
    return hit


class _Folds:
    """Each distinct name folded once per load (``folds``)."""

    __slots__ = ()

    @staticmethod
    def get(name: str) -> tuple[frozenset[str], str]:
        return folds(name)

    @staticmethod
    def folded(names: Iterable[str]) -> set[str]:
        out: set[str] = set()
        for n in names:
            out |= folds(n)[0]
        return out

    @staticmethod
    def slug(name: str) -> str:
        return folds(name)[1]


@dataclass(slots=True)
class _Facts:
    ids: dict[str, str]  # scheme -> value
    keys: dict[str, str]  # scheme -> index key
    names: list[str]
    folded: frozenset[str] | None = None


class _Resolver:
    def __init__(self, batch: Batch, schema: "Schema", store: "GraphStore") -> None:
        self.batch, self.schema, self.store = batch, schema, store
        self.out = Outcome()
        self.key_ids: dict[str, set[str]] = {}  # identifier key -> ids (store hits + this batch)
        self.name_ids: dict[tuple[str, str], set[str]] = {}  # (type, folded name) -> ids in this batch
        self.refs: dict[str, str] = {}  # record ref -> id
        self.batch_props: dict[str, dict[str, str]] = {}  # id -> identifiers given in this batch
        self.batch_places: dict[str, set[str]] = {}
        self.taken: set[str] = set()  # ids used by this batch
        self.types: dict[str, str] = {}  # id -> node type, for ids met in look-ups and in this batch
        # computed once per load (bulk loads: no name folded, no reference parsed twice)
        self.folds = _Folds()
        self._rec_facts: dict[int, _Facts] = {}  # id(record) -> its identifiers, keys, names
        self._alts: dict[str, list[str]] = {}  # '#a=x|#b=y' -> its alternatives
        self._ref_key: dict[str, str | None] = {}  # '#lei=x' -> its normalized key; others -> None
        self._scheme_types: dict[str, list[str]] = {}
        for nt in schema.nodes.values():
            for sch in nt.identifiers:
                self._scheme_types.setdefault(sch, []).append(nt.name)

    def _facts(self, rec: NodeRecord, nt: "NodeType") -> "_Facts":
        """What the decisions need of a record, computed once per load (names and
        identifiers do not change while the batch is resolved)."""
        f = self._rec_facts.get(id(rec))
        if f is None:
            ids = identifiers_of(nt, rec.properties)
            f = self._rec_facts[id(rec)] = _Facts(ids, {s: key(s, v) for s, v in ids.items()}, _names(rec))
        return f

    def _ids(self, rec: NodeRecord, nt: "NodeType") -> dict[str, str]:
        """The record's identifiers as it arrived (a copy: ``assign_one`` drops conflicting ones)."""
        return dict(self._facts(rec, nt).ids)

    def _folded_names(self, rec: NodeRecord, nt: "NodeType") -> set[str] | frozenset[str]:
        f = self._facts(rec, nt)
        if f.folded is None:
            f.folded = frozenset(self.folds.folded(f.names))
        return f.folded

    def _key_of_ref(self, ref: str) -> str | None:
        """The index key a single '#scheme=VALUE' reference names (memoised: places repeat)."""
        try:
            return self._ref_key[ref]
        except KeyError:
            parsed = parse_ref(ref)
            k = self._ref_key[ref] = key(*parsed) if parsed else None
            return k

    # ---------------------------------------------------------- look-ups

    def prefetch(self) -> None:
        """One store look-up per node type for all identifier keys and names the batch mentions."""
        wanted: dict[str, set[str]] = {}
        self.store_names: dict[str, dict[str, set[str]]] = {}
        name_wanted: dict[str, set[str]] = {}
        for rec in self.batch.nodes:
            nt = self.schema.nodes.get(rec.type) if isinstance(rec.type, str) else None
            if nt is None:
                continue
            f = self._facts(rec, nt)
            wanted.setdefault(nt.name, set()).update(f.keys.values())
            if rec.id is None and (f.ids or rec.ref or self.batch.review_ambiguous):
                name_wanted.setdefault(nt.name, set()).update(self._folded_names(rec, nt))
        seen: set[str] = set()
        for refs in (r for e in self.batch.edges for r in (e.source, e.target)), (r.place for r in self.batch.nodes):
            for r in refs:
                if not isinstance(r, str) or r in seen or not r.startswith(KEY_PREFIX):
                    continue
                seen.add(r)
                for ref in alternatives(r):
                    k = self._key_of_ref(ref)
                    if k:
                        for t in self._scheme_types.get(parse_ref(ref)[0], ()):
                            wanted.setdefault(t, set()).add(k)
        for t, keys in wanted.items():
            if keys:
                for k, ids in self.store.find_by_names(t, sorted(keys)).items():
                    self.key_ids.setdefault(k, set()).update(ids)
                    self.types.update(dict.fromkeys(ids, t))
        for t, names in name_wanted.items():
            self.store_names[t] = self.store.find_by_names(t, sorted(names)) if names else {}
            for ids in self.store_names[t].values():
                self.types.update(dict.fromkeys(ids, t))
        # one read for every node the decisions below may look at: identifier holders,
        # namesakes, and the ids new nodes would get
        wanted_ids = set(self.types)
        for rec in self.batch.nodes:
            nt = self.schema.nodes.get(rec.type) if isinstance(rec.type, str) else None
            if nt is not None and rec.id is None:
                wanted_ids.add(self._base_id(rec, nt, self._facts(rec, nt).ids))
        self._stored(sorted(wanted_ids))

    def _stored(self, ids: Iterable[str]) -> dict:
        ids = [i for i in ids if i not in self._node_cache]
        if ids:
            self._node_cache.update(self.store.get_nodes(ids))
            for i in ids:
                self._node_cache.setdefault(i, None)
        return self._node_cache

    def _identifiers_of_id(self, nid: str, t: str) -> dict[str, str]:
        """Identifiers a node holds: in the graph, plus what this batch gave it."""
        nt = self.schema.nodes[t]
        node = self._stored([nid]).get(nid)
        out = identifiers_of(nt, node.properties) if node is not None else {}
        out.update(self.batch_props.get(nid, {}))
        return out

    def _place_ids(self, nid: str, t: str) -> set[str] | None:
        """The places a node is tied to by its type's place edges, with the places those
        are part of (a company in Dresden is in Saxony); None: no place known."""
        places = set(self.batch_places.get(nid, set()))
        nt = self.schema.nodes[t]
        if nt.place_edges and self._stored([nid]).get(nid) is not None:
            places |= self._up(nid, nt.place_edges)
        if not places:
            return None
        out, todo = set(places), list(places)
        while todo and len(out) < 50:
            p = todo.pop()
            node = self._stored([p]).get(p)
            pt = self.schema.nodes.get(node.type) if node is not None else None
            if pt is None or not pt.place_edges:
                continue
            for q in self._up(p, pt.place_edges) - out:
                out.add(q)
                todo.append(q)
        return out

    def _up(self, nid: str, edge_types) -> set[str]:
        sub = self.store.neighbors(nid, depth=1, edge_types=list(edge_types), limit=100)
        return {e.target for e in sub.edges if e.source == nid}

    def resolve_ref(self, ref: Any) -> str | None:
        if not isinstance(ref, str):
            return None
        if ref.startswith(KEY_PREFIX) and "|" in ref:
            alts = self._alts.get(ref)
            if alts is None:
                alts = self._alts[ref] = alternatives(ref)
            for alt in alts:
                nid = self.resolve_ref(alt)
                if nid:
                    return nid
            return None
        if ref in self.refs:
            return self.refs[ref]
        k = self._key_of_ref(ref)
        if k:
            ids = self.key_ids.get(k, ())
            return next(iter(ids)) if len(ids) == 1 else None
        return ref  # a plain node id

    # ---------------------------------------------------------- records

    def run(self) -> Outcome:
        self._node_cache: dict[str, Any] = {}
        self.prefetch()
        for rec in self.batch.nodes:
            if isinstance(rec.id, str):
                self.taken.add(rec.id)
                nt = self.schema.nodes.get(rec.type) if isinstance(rec.type, str) else None
                if nt is not None:
                    self.types.setdefault(rec.id, nt.name)
                    for k in self._facts(rec, nt).keys.values():
                        self.key_ids.setdefault(k, set()).add(rec.id)
        kept: list[NodeRecord] = []
        for rec in self.batch.nodes:
            nt = self.schema.nodes.get(rec.type) if isinstance(rec.type, str) else None
            if nt is None:
                kept.append(rec)
                continue
            if self.assign_one(rec, nt):
                kept.append(rec)
        self.batch.nodes[:] = kept
        self.rewrite_edges()
        if self.out.omitted:
            self.out.review.append({"kind": "more", "message": "further review items, counted by kind",
                                    "counts": dict(self.out.omitted)})
        return self.out

    def _register(self, rec: NodeRecord, nt: "NodeType", ids: dict[str, str]) -> None:
        nid = rec.id
        self.taken.add(nid)
        self.types[nid] = nt.name
        keys = self._facts(rec, nt).keys
        for s, v in ids.items():
            self.key_ids.setdefault(keys[s], set()).add(nid)
            self.batch_props.setdefault(nid, {})[s] = v
        for f in self._folded_names(rec, nt):
            self.name_ids.setdefault((nt.name, f), set()).add(nid)
        if rec.ref:
            self.refs[rec.ref] = nid
        if rec.place:
            place = self.resolve_ref(rec.place)
            if place:
                self.batch_places.setdefault(nid, set()).add(place)

    def assign_one(self, rec: NodeRecord, nt: "NodeType") -> bool:
        ids = self._ids(rec, nt)
        keys = self._facts(rec, nt).keys
        o = rec.origin
        # 1. by identifier
        holders: dict[str, set[str]] = {}
        for s, v in ids.items():
            hit = {i for i in self.key_ids.get(keys[s], ()) if self._type_of(i) == nt.name}
            if hit:
                holders[s] = hit
        if isinstance(rec.id, str):
            for s, hit in holders.items():
                others = hit - {rec.id}
                if others:
                    self.out.errors.append((o, f"properties.{s}", f"{s} '{ids[s]}' belongs to node "
                                            f"{', '.join(sorted(others))}, not to '{rec.id}'"))
            if ids or rec.ref or rec.place:
                self._register(rec, nt, ids)
            return True
        if holders:
            for s in nt.identifiers:  # the first scheme (schema order) that names one node decides
                if s in holders and len(holders[s]) == 1:
                    nid = next(iter(holders[s]))
                    break
            else:
                s = next(iter(holders))
                nid = sorted(holders[s])[0]
            for s2, hit in holders.items():
                if nid not in hit:
                    self.out.add_review(o, "identifier_conflict",
                                        f"{s2} '{ids[s2]}' belongs to {', '.join(sorted(hit))}, but {s} '{ids[s]}' "
                                        f"to {nid}; the record was merged into {nid} without its {s2}",
                                        candidates=sorted(hit | {nid}))
                    rec.properties = {k: v for k, v in rec.properties.items() if k != s2}
                    ids.pop(s2)
            # a known node that holds another value of one of the record's schemes is a conflict too
            held = self._identifiers_of_id(nid, nt.name)
            for s2 in list(ids):
                if s2 in held and normalize(held[s2]) != normalize(ids[s2]):
                    self.out.add_review(o, "identifier_conflict",
                                        f"{nid} has {s2} '{held[s2]}', the record says '{ids[s2]}'; kept '{held[s2]}'",
                                        candidates=[nid])
                    rec.properties = {k: v for k, v in rec.properties.items() if k != s2}
                    ids.pop(s2)
            rec.id = nid
            self._register(rec, nt, ids)
            return True
        if not ids and not rec.ref and not rec.place and not self.batch.review_ambiguous:
            return True  # plain record: graph.ingest resolves it by name, as before
        # 2. by name (and place)
        names = self._facts(rec, nt).names
        if not names:
            return True  # ingest reports the missing name
        folded = self._folded_names(rec, nt)
        cands: set[str] = set()
        store_names = self.store_names.get(nt.name, {})
        for f in folded:
            cands |= self.name_ids.get((nt.name, f), set())
            cands |= store_names.get(f, set())
        compatible = set()
        for c in sorted(cands):
            held = self._identifiers_of_id(c, nt.name)
            if any(s in held and normalize(held[s]) != normalize(v) for s, v in ids.items()):
                continue  # a namesake with another identifier: a different entity
            compatible.add(c)
        if rec.place and len(compatible) > 0:
            place = self.resolve_ref(rec.place)
            if place:
                compatible = {c for c in compatible if (p := self._place_ids(c, nt.name)) is None or place in p}
        if len(compatible) == 1:
            rec.id = next(iter(compatible))
            self._register(rec, nt, ids)
            return True
        if len(compatible) > 1:
            if not ids:
                if not self.batch.review_ambiguous:
                    return True  # ingest reports the ambiguity as an error
                self.out.add_review(o, "ambiguous_name",
                                    f"'{names[0]}' matches several {nt.name} nodes; left out, give an identifier or an id",
                                    candidates=sorted(compatible))
                if rec.ref:
                    self.refs[rec.ref] = ""
                return False
            self.out.add_review(o, "possible_duplicate",
                                f"'{names[0]}' ({', '.join(f'{s} {v}' for s, v in ids.items())}) has the name of "
                                f"{', '.join(sorted(compatible))}, which may be the same entity; kept apart",
                                candidates=sorted(compatible))
        # 3. a new node
        base = self._base_id(rec, nt, ids)
        nid = base
        if nid in self.taken or nid in cands or self._stored([nid]).get(nid) is not None:
            tail = slug(next(iter(ids.values()))) if ids else None
            nid = f"{base[: MAX_ID - 1 - len(tail)]}-{tail}" if tail else base
            n = 2
            while nid in self.taken or self._stored([nid]).get(nid) is not None:
                nid = f"{base}-{n}"[:MAX_ID]
                n += 1
        rec.id = nid
        self._register(rec, nt, ids)
        return True

    def _base_id(self, rec: NodeRecord, nt: "NodeType", ids: dict[str, str]) -> str:
        """'<prefix>:<slug of the first Latin-script name>', else of the first identifier."""
        readable = next((s for n in self._facts(rec, nt).names if (s := self.folds.slug(n)) != "x"), None)
        if readable is None and ids:  # no Latin-script name: the identifier makes the id
            readable = slug("-".join(next(iter(ids.items()))))
        return f"{nt.id_prefix}:{readable or 'x'}"[:MAX_ID]

    def _type_of(self, nid: str) -> str | None:
        return self.types.get(nid)

    # ------------------------------------------------------------- edges

    def rewrite_edges(self) -> None:
        kept = []
        seen: dict[str, tuple[str | None, str | None]] = {}  # ref -> (node id, why not): the state is final here
        for rec in self.batch.edges:
            ok = True
            for side in ("source", "target"):
                ref = getattr(rec, side)
                if not isinstance(ref, str) or not (ref.startswith(KEY_PREFIX) or ref in self.refs):
                    continue
                hit = seen.get(ref)
                if hit is None:
                    hit = seen[ref] = (self.resolve_ref(ref) or None, None)
                    if not hit[0]:
                        ids = set().union(*(self.key_ids.get(k, set()) for a in alternatives(ref) if (k := self._key_of_ref(a))))
                        hit = seen[ref] = (None, f"'{ref}' names several nodes ({', '.join(sorted(ids))})" if len(ids) > 1
                                           else f"'{ref}' is not in this load nor in the graph" if ref not in self.refs
                                           else f"'{ref}' was left out (see the review items)")
                nid, why = hit
                if not nid:
                    if self.batch.review_ambiguous:
                        self.out.add_review(rec.origin, "unresolved_reference", f"{rec.type} {side}: {why}; edge left out")
                    else:
                        self.out.errors.append((rec.origin, side, why))
                    ok = False
                    continue
                setattr(rec, side, nid)
            if ok:
                kept.append(rec)
        self.batch.edges[:] = kept


def assign(batch: Batch, schema: "Schema", store: "GraphStore") -> tuple[Batch, Outcome]:
    """Give node records their ids by identifier, then name and place; rewrite edge references.
    Works on a copy: the caller's batch is left as it was (it can be loaded again)."""
    if not any(schema.nodes.get(r.type).identifiers for r in batch.nodes if isinstance(r.type, str) and r.type in schema.nodes) \
            and not any(parse_ref(e.source) or parse_ref(e.target) for e in batch.edges) \
            and not any(r.ref or r.place for r in batch.nodes) and not batch.review_ambiguous:
        return batch, Outcome()
    copy = Batch(nodes=[_copy(r) for r in batch.nodes], edges=[_copy(e) for e in batch.edges],
                 label=batch.label, review_ambiguous=batch.review_ambiguous)
    return copy, _Resolver(copy, schema, store).run()
