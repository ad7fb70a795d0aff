"""Partner recommendations: for an actor, which actors in a target region should it talk
to (optionally on a topic), and who can introduce it?

Candidates: the actors inside the region (``brokers.region_actors``) other than the
actor itself. Each is scored from four parts, each between 0 and 1, with its evidence:

* topics (weight 2 with ``topic``, else 1): the topic, or the topics shared with the
  actor, reached directly or through the agreements and events each takes part in;
* kind (weight 1): the same node type and subtype (agency and agency, cluster and cluster);
* activity (weight 0.5): dated agreements and events in the last ``ACTIVE_YEARS`` years
  before the latest such date in the graph (3 or more count fully);
* introduction (weight 1): 1 / (hops - 1) of the shortest partner path from the actor,
  whose hops (edges with sources) are the introduction; none within ``max_hops``: 0.
  Paths are searched for the best ``PATH_FACTOR`` x ``limit`` candidates by the other
  parts (a large region has thousands of actors); the others keep 0 for this part.

Ranked by score, then id."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..errors import QueryError
from . import limits as L
from .brokers import region_actors
from .checks import check_range, not_found
from .communities import topic_types
from .walk import all_edges_at

NAME = "recommend"
ACTIVE_YEARS = 3
W_TOPIC, W_KIND, W_ACTIVE, W_PATH = 1.0, 1.0, 0.5, 1.0
PATH_FACTOR = 3


@dataclass
class Candidate:
    node: Any
    score: float
    parts: dict[str, float]
    reasons: list[str]
    evidence: list  # Edge records behind the reasons (with sources)
    path: Any | None  # the introduction Path

    def to_dict(self) -> dict[str, Any]:
        return {"node": self.node.to_dict(), "score": round(self.score, 4),
                "parts": {k: round(v, 4) for k, v in self.parts.items()}, "reasons": self.reasons,
                "evidence": [e.to_dict() for e in self.evidence],
                "already_linked": self.path is not None and self.path.length <= 2,
                "introduction": self.path.to_dict() if self.path is not None else None}


@dataclass
class Recommendations:
    for_: str
    region: str
    topic: str | None
    candidates: list[Candidate] = field(default_factory=list)
    considered: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"for": self.for_, "in": self.region, "topic": self.topic, "considered": self.considered,
                "count": len(self.candidates), "candidates": [c.to_dict() for c in self.candidates]}


def check(schema, *, for_, within, topic=None, limit=None, max_hops=None):
    limit = 10 if limit is None else limit
    max_hops = L.BROKER_HOPS if max_hops is None else max_hops
    check_range("limit", limit, 1, 200)
    check_range("max_hops", max_hops, 2, L.MAX_HOPS)
    return {"for_": for_, "within": within, "topic": topic, "limit": limit, "max_hops": max_hops}


def _edges_at(store, ids: list[str]) -> list:
    return all_edges_at(store, ids)


def _profiles(store, ids: list[str]):
    """For each id: {topic id: [edges]} reached directly or through linking nodes, and its dated linking nodes."""
    schema = store.schema
    ttypes = topic_types(schema)
    linking = set(schema.types_with("links_parties"))
    first = _edges_at(store, ids)
    idset = set(ids)
    ends = {x for e in first for x in (e.source, e.target)} - idset
    refs = store.node_refs(ends)
    links: dict[str, list] = {}
    topics: dict[str, dict[str, list]] = {i: {} for i in ids}
    for e in first:
        me, other = (e.source, e.target) if e.source in idset else (e.target, e.source)
        t = refs[other].type if other in refs else None
        if t in ttypes:
            topics[me].setdefault(other, []).append(e)
        elif t in linking:
            links.setdefault(me, []).append((other, e))
    link_ids = sorted({o for v in links.values() for o, _e in v})
    second = _edges_at(store, link_ids)
    ends2 = {x for e in second for x in (e.source, e.target)} - set(link_ids)
    refs2 = store.node_refs(ends2)
    link_topics: dict[str, list] = {}
    lset = set(link_ids)
    for e in second:
        ln, other = (e.source, e.target) if e.source in lset else (e.target, e.source)
        if other in refs2 and refs2[other].type in ttypes:
            link_topics.setdefault(ln, []).append((other, e))
    for me, pairs in links.items():
        for ln, e in pairs:
            for t, e2 in link_topics.get(ln, []):
                topics[me].setdefault(t, []).extend([e, e2])
    link_nodes = store.get_nodes(link_ids)
    dated = {me: sorted({(schema.node_date(link_nodes[ln]), ln) for ln, _e in pairs
                         if ln in link_nodes and schema.node_date(link_nodes[ln])})
             for me, pairs in links.items()}
    return topics, dated, links


def start(store, for_, within, topic):
    """The actor's record (checked), after checking the topic."""
    schema = store.schema
    me = store.get_nodes([for_]).get(for_)
    if me is None:
        raise not_found(for_, "for")
    if topic is not None:
        t = store.node_refs([topic]).get(topic)
        if t is None:
            raise not_found(topic, "topic")
        if t.type not in topic_types(schema):
            raise QueryError(f"'topic' must be a node of type {', '.join(sorted(topic_types(schema)))}, "
                             f"'{topic}' is a {t.type}", details=[{"field": "topic", "value": topic}])
    return me


def recent_start(latest: str | None) -> str | None:
    """The first year that counts as recent, from the latest dated agreement or event."""
    return f"{int(latest[:4]) - ACTIVE_YEARS + 1:04d}" if latest else None


def score_of(topic_given: bool, hit: bool, shared: int, same: bool, recent: int) -> tuple[dict[str, float], float]:
    """The parts and the score before the introduction path (every store computes it here)."""
    parts: dict[str, float] = {}
    if topic_given:
        parts["topic"] = 1.0 if hit else 0.0
    parts["shared_topics"] = min(1.0, shared / 3)
    parts["kind"] = 1.0 if same else 0.0
    parts["activity"] = min(1.0, recent / 3)
    score = (2 * W_TOPIC * parts.get("topic", 0) + W_TOPIC * parts["shared_topics"] + W_KIND * parts["kind"]
             + W_ACTIVE * parts["activity"])
    return parts, score


def candidates(store, me, cands: list[str], topic, profiles, recent_from) -> list[Candidate]:
    """The scored candidates with their reasons and evidence (before introduction paths)."""
    schema = store.schema
    topics, dated, links = profiles
    nodes = store.get_nodes(cands)
    my_sub = schema.subtype(me)
    out = []
    for c in cands:
        n = nodes[c]
        reasons, ev = [], []
        hit = topics[c].get(topic) if topic is not None else None
        if hit:
            reasons.append(f"works on {topic}")
            ev += hit[:4]
        shared = sorted(set(topics[c]) & set(topics[me.id]))
        if shared:
            reasons.append("shares topics: " + ", ".join(shared))
            for t in shared[:3]:
                ev += topics[c][t][:2]
        same = n.type == me.type and schema.subtype(n) == my_sub
        if same:
            reasons.append(f"same kind: {n.type}" + (f" ({my_sub})" if my_sub else ""))
        recent = [(d, ln) for d, ln in dated.get(c, []) if recent_from and d >= recent_from]
        if recent:
            reasons.append(f"{len(recent)} dated agreements/events since {recent_from}: "
                           + ", ".join(ln for _d, ln in recent[-3:]))
            ev += [e for ln0, e in links.get(c, []) if any(ln0 == ln for _d, ln in recent)][:3]
        parts, score = score_of(topic is not None, bool(hit), len(shared), same, len(recent))
        out.append(Candidate(n, score, parts, reasons, ev, None))
    return out


def introductions(store, source: str, targets: list[str], max_hops: int) -> dict[str, Any]:
    """The shortest partner path from ``source`` to each target (None when there is none)."""
    via = store.schema.partner_via
    out = {}
    for t in targets:
        p = store.paths(source, t, k=1, max_hops=max_hops, via=via)
        out[t] = p.paths[0] if p.paths else None
    return out


def finish(store, me, within, topic, out: list[Candidate], limit, max_hops, considered,
           paths_of=introductions) -> Recommendations:
    """Introduction paths for the best ``PATH_FACTOR`` x ``limit`` by the other parts, the
    final ranking and the evidence records of the ``limit`` best. ``paths_of``: how a store
    finds the paths (``introductions``' signature)."""
    for_ = me.id
    out.sort(key=lambda x: (-x.score, x.node.id))
    found = paths_of(store, for_, [c.node.id for c in out[: PATH_FACTOR * limit]], max_hops)
    for cand in out[: PATH_FACTOR * limit]:
        path = found[cand.node.id]
        cand.path = path
        cand.parts["introduction"] = 1.0 / max(1, path.length - 1) if path else 0.0
        if path:
            inner = [x.label for x in path.nodes[1:-1]]
            cand.reasons.append(f"introduction in {path.length} hops" + (" via " + " - ".join(inner) if inner else ""))
        cand.score += W_PATH * cand.parts["introduction"]
    for cand in out[PATH_FACTOR * limit:]:
        cand.parts["introduction"] = 0.0
    out.sort(key=lambda x: (-x.score, x.node.id))
    out = out[:limit]
    ev_edges = store.get_edges(list(dict.fromkeys(e.id for c in out for e in c.evidence)))
    for c in out:
        c.evidence = [ev_edges[i] for i in dict.fromkeys(e.id for e in c.evidence) if i in ev_edges]
    return Recommendations(for_, within, topic, out, considered)


def run(store, *, for_, within, topic, limit, max_hops) -> Recommendations:
    me = start(store, for_, within, topic)
    cands = [c for c in region_actors(store, within, "in") if c != for_]
    profiles = _profiles(store, [for_] + cands)
    latest = max((d for v in profiles[1].values() for d, _l in v), default=None)
    out = candidates(store, me, cands, topic, profiles, recent_start(latest))
    return finish(store, me, within, topic, out, limit, max_hops, len(cands))
