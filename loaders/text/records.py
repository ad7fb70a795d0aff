"""Records from what the rules found: the Document, entity, agreement and event nodes, the edges
(endpoints checked against the schema), and the reference facts of the gazetteer."""

from __future__ import annotations

from typing import Any

from graph.model import Batch, EdgeRecord, NodeRecord, Origin, Source
from graph.text import slug

from . import triggers as T
from .confidence import Confidences, bundled
from .model import Held
from .rules.context import AgreementObj, Doc as _Doc, EventObj
from .rules.types import AGREEMENT, COMPANY, DOCUMENT, EVENT, ORGANIZATION, ORGANIZED, PART_OF, PARTY_TO, PERSON, REGION, SIGNED, TOPIC, ends, type_of_id


def _label(d: _Doc, id: str) -> str:
    e = d.gaz.get(id)
    return e.short() if e else id


def _party_order(d: _Doc, ag: AgreementObj) -> list[str]:
    """Parties, German side first, else in the order the text names them."""

    def german(p: str) -> bool:
        e = d.gaz.get(p)
        where = p if p.startswith("region:") else (e.seat if e else None)
        return bool(where and (where == "region:de" or where.startswith("region:de-")))

    return sorted(ag.parties, key=lambda p: (0 if german(p) else 1, ag.parties.index(p)))


def _agreement_id(d: _Doc, ag: AgreementObj) -> str:
    """agreement:<parties, German side first>-<kind>[-<year signed>], e.g. agreement:wfs-tipa-loi-2022."""
    order = _party_order(d, ag)
    parts = [slug(_label(d, p)) for p in order][:4]
    base = "-".join(parts) if parts else slug(d.doc_id.split(":", 1)[-1])
    year = f"-{ag.signed[:4]}" if ag.signed else ""
    return f"agreement:{base}-{ag.kind}{year}"


def _event_name(d: _Doc, ev: EventObj) -> dict[str, str]:
    when = (ev.start or "")[:7]
    if ev.name:
        return {d.lang: f"{ev.name} {when[:4]}".strip()}
    de, en = T.EVENT_LABEL.get(ev.kind, ("Ereignis", EVENT))
    regions = [v for v in ev.visited if (d.gaz.get(v) and d.gaz.get(v).type == REGION)][:3]
    places = [_place_name(d, v, "de") for v in regions]
    places_en = [_place_name(d, v, "en") for v in regions]
    where_de = f" nach {', '.join(places)}" if places and ev.kind in T.TRAVEL else ""
    where_en = f" to {', '.join(places_en)}" if places_en and ev.kind in T.TRAVEL else ""
    if not where_de and ev.place:
        where_de = f" in {_place_name(d, ev.place, 'de')}"
        where_en = f" in {_place_name(d, ev.place, 'en')}"
    org = next((f.source for f in d.facts if f.type == ORGANIZED and f.target == ("event", ev.key)), None)
    by = f" ({_label(d, org)})" if org else ""
    suffix = f" {when}" if when else ""
    return {"de": f"{de}{where_de}{by}{suffix}".strip(), "en": f"{en}{where_en}{by}{suffix}".strip()}


def _place_name(d: _Doc, id: str, lang: str) -> str:
    e = d.gaz.get(id)
    if e is None:
        return id
    return e.name.get(lang) or e.label


def _source(d: _Doc, i: int, rule: str | None = None, confidence: float | None = None) -> Source:
    s = d.sent(i)
    return Source(document=d.doc_id, locator=f"sentence {i}", evidence=s.text, span=(s.start, s.end),
                  rule=rule, confidence=confidence)


def build(d: _Doc, title: str | None, source_url: str | None, reference: bool = True,
          min_confidence: float = 0.0, confidences: Confidences | None = None, held: list[Held] | None = None) -> Batch:
    """The records of what the rules found. A relation whose rule's confidence is below
    ``min_confidence`` is not an edge of the batch; it goes to ``held`` for a human."""
    table = confidences or bundled()
    origin = Origin(d.doc_id)
    b = Batch(label=d.doc_id)
    first = d.sentences[0].text if d.sentences else d.doc_id
    doc_title = title or (first[:200])
    props: dict[str, Any] = {"title": doc_title, "language": d.lang, "kind": "press_release"}
    if d.published:
        props["published"] = d.published
    if source_url:
        props["url"] = source_url
    b.nodes.append(NodeRecord(type=DOCUMENT, id=d.doc_id, name={d.lang: doc_title}, properties=props, origin=origin))

    # ids of agreements and events
    key_ids: dict[tuple, str] = {}
    ag_nodes = []
    for ag in sorted(d.agreements, key=lambda a: (a.first_sentence, a.key)):  # in the order the text names them
        if not ag.parties and not ag.signers and ag.status != "signed":
            continue  # an agreement whose sides the text does not name is one only where it says it was signed
        aid = _agreement_id(d, ag)
        n = 2
        while aid in key_ids.values():
            aid, n = f"{_agreement_id(d, ag)}-{n}", n + 1
        key_ids[("agreement", ag.key)] = aid
        de, en = T.AGREEMENT_LABEL[ag.kind]
        plabels = " – ".join(_label(d, p) for p in _party_order(d, ag)[:4])
        name = {"de": f"{de} {plabels}".strip(), "en": f"{en} {plabels}".strip()}
        aprops: dict[str, Any] = {"kind": ag.kind}
        if ag.signed:
            aprops["signed"] = ag.signed
        if ag.place:
            aprops["signed_place"] = _place_name(d, ag.place, d.lang)
        if ag.status:
            aprops["status"] = ag.status
        ag_nodes.append(NodeRecord(type=AGREEMENT, id=aid, name=name, properties=aprops, valid_from=ag.signed,
                                   sources=[_source(d, i) for i in dict.fromkeys(ag.sentences)], origin=origin))
        for p in ag.parties:
            d.fact(PARTY_TO, p, ("agreement", ag.key), ag.sentences[0], rule="agreements.parties")
    ev_nodes = []
    for ev in d.events:
        name = _event_name(d, ev)
        label = name.get("en") or next(iter(name.values()))
        eid = f"event:{slug(label)}"[:120]
        n = 2
        while eid in key_ids.values():
            eid, n = f"event:{slug(label)}-{n}", n + 1
        key_ids[("event", ev.key)] = eid
        eprops: dict[str, Any] = {"kind": ev.kind}
        for k in ("start", "end", "participants"):
            if getattr(ev, k):
                eprops[k] = getattr(ev, k)
        if ev.place:
            eprops["place"] = _place_name(d, ev.place, d.lang)
        if d.published and ev.start:
            eprops["status"] = "held" if (ev.end or ev.start) < d.published[: len(ev.end or ev.start)] else "planned"
        ev_nodes.append(NodeRecord(type=EVENT, id=eid, name=name, properties=eprops,
                                   sources=[_source(d, i) for i in dict.fromkeys(ev.sentences)], origin=origin))

    def resolve(x):
        return key_ids.get(x) if isinstance(x, tuple) else x

    edges: list[EdgeRecord] = []
    for f in d.facts:
        src, tgt = resolve(f.source), resolve(f.target)
        if not src or not tgt or src == tgt:
            continue
        props = dict(f.properties)
        if f.type == SIGNED and props.get("on_behalf_of") is None:
            props.pop("on_behalf_of", None)
        if not _allowed(d, f.type, src, tgt, key_ids):
            continue
        props = {k: v for k, v in props.items() if v is not None}
        conf = _confidence(table, d, f)
        if conf < min_confidence:
            if held is not None:
                held.append(Held(f.type, src, tgt, f.rule, conf, d.doc_id, d.sent(f.sentence).text, props))
            continue
        edges.append(EdgeRecord(type=f.type, source=src, target=tgt, properties=props,
                                sources=[_source(d, f.sentence, f.rule, conf)], origin=origin))
        d.used.update(x for x in (src, tgt) if not x.startswith(("agreement:", "event:")))

    for id in sorted(d.used, key=lambda x: (min(d.node_sentences.get(x, [10**6])), x)):
        e = d.gaz.get(id)
        if e is None:
            continue
        sents = d.node_sentences.get(id) or [next((f.sentence for f in d.facts if id in (f.source, f.target)), 1)]
        props = {k: v for k, v in e.properties.items() if k in _NODE_PROPS.get(e.type, ())}
        props.update(d.node_props.get(id, {}))
        if e.type == TOPIC and "kind" not in props:
            props["kind"] = "sector"
        names = {k: v for k, v in e.name.items()}
        b.nodes.append(NodeRecord(type=e.type, id=e.id, name=names, aliases={k: list(v) for k, v in e.aliases.items() if v},
                                  properties=props, sources=[_source(d, i) for i in sorted(set(sents))[:8]], origin=origin))
    b.nodes.extend(ag_nodes)
    b.nodes.extend(ev_nodes)
    b.edges.extend(edges)
    if reference:
        _add_reference(d, b, origin)
    return b


REFERENCE_DOC = "doc:regiograph-reference"
REFERENCE_TITLE = "Regiograph reference data: regions and codes"


def reference_document() -> NodeRecord:
    """The Document node reference facts cite (the same id and title as the bundled dataset's)."""
    return NodeRecord(type=DOCUMENT, id=REFERENCE_DOC, name={"en": REFERENCE_TITLE},
                      properties={"title": REFERENCE_TITLE, "publisher": "Regiograph", "kind": "dataset", "language": "en"},
                      origin=Origin("gazetteer"))


def is_reference(rec) -> bool:
    """A record whose only source is the reference data (not a statement of the text)."""
    return bool(rec.sources) and all(s.document == REFERENCE_DOC for s in rec.sources)


def _add_reference(d: _Doc, b: Batch, origin: Origin) -> None:
    """Facts the gazetteer holds about what the text names: the state or ministry a known body
    belongs to and the city of its seat (``home``), and the region hierarchy (``parent``) of every
    region in the batch. They cite ``doc:regiograph-reference``, not the release; an edge the
    text states itself is not repeated. Nodes they need and the text does not name are added
    with the same source."""
    have = {n.id for n in b.nodes}
    stated = {(e.type, e.source, e.target) for e in b.edges}
    new_nodes: list[NodeRecord] = []
    new_edges: list[EdgeRecord] = []

    def node(id: str, locator: str) -> bool:
        e = d.gaz.get(id)
        if e is None or e.local:
            return False
        if id not in have:
            have.add(id)
            props = {k: v for k, v in e.properties.items() if k in _NODE_PROPS.get(e.type, ())}
            new_nodes.append(NodeRecord(type=e.type, id=e.id, name=dict(e.name),
                                        aliases={k: list(v) for k, v in e.aliases.items() if v}, properties=props,
                                        sources=[Source(REFERENCE_DOC, locator)], origin=origin))
        return True

    def edge(type_: str, src: str, tgt: str, locator: str) -> None:
        if (type_, src, tgt) in stated or src == tgt:
            return
        sources, targets = ends(type_)
        ts, tt = d.gaz.get(src), d.gaz.get(tgt)
        if ts is None or tt is None or ts.type not in sources or tt.type not in targets:
            return
        if not node(tgt, locator):
            return
        stated.add((type_, src, tgt))
        new_edges.append(EdgeRecord(type=type_, source=src, target=tgt, sources=[Source(REFERENCE_DOC, locator)], origin=origin))

    named = [n.id for n in b.nodes if n.id and not n.id.startswith(("doc:", "agreement:", "event:"))]
    for id in named:
        e = d.gaz.get(id)
        if e is not None and not e.local and e.type in (ORGANIZATION, COMPANY):
            for rel, tgt in e.home:
                edge(rel, id, tgt, "gazetteer: organizations")
    # region hierarchy: every region in the batch up to its country
    i = 0
    regions = [id for id in named if d.gaz.get(id) and d.gaz.get(id).type == REGION]
    regions += [n.id for n in new_nodes if n.type == REGION]
    seen: set[str] = set()
    while i < len(regions):
        rid = regions[i]
        i += 1
        if rid in seen:
            continue
        seen.add(rid)
        e = d.gaz.get(rid)
        if e is not None and e.parent:
            edge(PART_OF, rid, e.parent, "gazetteer: regions")
            regions.append(e.parent)
    if new_nodes or new_edges:
        b.nodes.insert(1, reference_document())
        b.nodes.extend(new_nodes)
        b.edges.extend(new_edges)


_NODE_PROPS = {
    REGION: ("level", "iso_3166", "nuts", "capital"),
    ORGANIZATION: ("kind", "acronym", "legal_form", "website", "founded", "members", "budget", "budget_currency", "budget_year"),
    COMPANY: ("sector", "legal_form", "website"),
    PERSON: ("honorific", "family_name", "given_name"),
    TOPIC: ("kind",),
}
def _confidence(table, d: _Doc, f) -> float:
    """The fact's confidence: from a source that scores single facts (``of_fact``), else the rule table."""
    of_fact = getattr(table, "of_fact", None)
    return of_fact(d, f) if of_fact is not None else table.of(f.rule, f.type)


def _allowed(d: _Doc, type_: str, src: str, tgt: str, key_ids: dict) -> bool:
    """The schema allows an edge of this type between the two ends' node types."""

    def typ(x: str) -> str | None:
        t = type_of_id(x)
        if t in (AGREEMENT, EVENT):  # ids the records make
            return t
        e = d.gaz.get(x)
        return e.type if e else None

    sources, targets = ends(type_)
    return typ(src) in sources and typ(tgt) in targets

