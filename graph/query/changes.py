"""What changed: the facts that documents published after a date state, by document.

The documents are the nodes of the schema's document type whose ``published`` date
(partial dates: their last day) is on or after ``since``; the facts are the nodes and
edges whose sources name one of them (``cited``). A fact is "added" when every document
it cites is that recent, else "updated" (an older fact that a newer document states
again or changes). ``about``: only facts touching that entity or anything inside it
(a region: the schema's ``containment`` edges)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .. import dates
from ..errors import QueryError
from . import limits as L
from .checks import check_date, check_range, not_found
from .regions import contained

NAME = "changes"
PUBLISHED = "published"


@dataclass
class DocumentChanges:
    document: Any
    nodes: list = field(default_factory=list)  # (status, Node)
    edges: list = field(default_factory=list)  # (status, Edge)

    def to_dict(self) -> dict[str, Any]:
        return {"document": {"id": self.document.id, "title": self.document.properties.get("title", self.document.label),
                             "published": self.document.properties.get(PUBLISHED)},
                "nodes": [{"status": s, **n.to_dict()} for s, n in self.nodes],
                "edges": [{"status": s, **e.to_dict()} for s, e in self.edges]}


@dataclass
class Changes:
    since: str
    about: str | None
    documents: list[DocumentChanges]
    truncated: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"since": self.since, "about": self.about, "count": sum(len(d.nodes) + len(d.edges) for d in self.documents),
                "truncated": self.truncated, "documents": [d.to_dict() for d in self.documents]}


def check(schema, *, since, about=None, limit=None):
    limit = L.DEFAULT_CHANGES_LIMIT if limit is None else limit
    check_range("limit", limit, 1, L.MAX_CHANGES_LIMIT)
    s = check_date("since", since)
    if s is None:
        raise QueryError("'since' is required (YYYY, YYYY-MM or YYYY-MM-DD)", details=[{"field": "since"}])
    return {"since": s, "about": about, "limit": limit}


def _documents(store, since: str) -> dict[str, Any]:
    doc_type = store.schema.document_type
    out, after = {}, ""
    while True:
        page = store.nodes_of_type(doc_type, None, after, L.LIST_PAGE)
        for d in page:
            pub = d.properties.get(PUBLISHED)
            if pub and dates.upper_bound(str(pub)) >= dates.lower_bound(since):
                out[d.id] = d
        if len(page) < L.LIST_PAGE:
            return out
        after = page[-1].id


def run(store, *, since, about, limit) -> Changes:
    scope = None
    if about is not None:
        if not store.node_refs([about]):
            raise not_found(about, "about")
        scope = set(contained(store, about))
    docs = _documents(store, since)
    nodes, edges = store.cited(sorted(docs), L.CHANGES_SCAN_CAP)
    truncated = len(nodes) >= L.CHANGES_SCAN_CAP or len(edges) >= L.CHANGES_SCAN_CAP
    by_doc = {d: DocumentChanges(docs[d]) for d in docs}

    def status(rec) -> str:
        return "added" if all(s.document in docs for s in rec.sources) else "updated"

    total = 0
    for n in nodes:
        if scope is not None and n.id not in scope:
            continue
        for d in sorted({s.document for s in n.sources if s.document in docs}):
            by_doc[d].nodes.append((status(n), n))
            total += 1
    for e in edges:
        if scope is not None and e.source not in scope and e.target not in scope:
            continue
        for d in sorted({s.document for s in e.sources if s.document in docs}):
            by_doc[d].edges.append((status(e), e))
            total += 1
    ordered = sorted((c for c in by_doc.values() if c.nodes or c.edges),
                     key=lambda c: (str(c.document.properties.get(PUBLISHED)), c.document.id), reverse=True)
    kept, room = [], limit
    for c in ordered:
        if room <= 0:
            truncated = True
            break
        c.nodes, c.edges = c.nodes[:room], c.edges[: max(0, room - len(c.nodes))]
        room -= len(c.nodes) + len(c.edges)
        kept.append(c)
    return Changes(since, about, kept, truncated or total > limit)
