"""Features of one extracted relation, for the learned confidence experiment (benchmarks/fact_model.py).

Each feature is a ``name=value`` string built only from what the rules left in the ``Doc``
(rule id, relation type, node types, buckets of distances and counts) - never a word of the
text - so a weight table over them stays data about the rules, not about any release.
"""

from __future__ import annotations

from typing import Any

from loaders.text.rules.context import Doc, Fact, Mention
from loaders.text.rules.types import AGREEMENT, EVENT

# upper ends of the buckets; a value above the last one falls in the open bucket "<last>+"
DISTANCE_BUCKETS = (0, 20, 60, 120)
LENGTH_BUCKETS = (80, 160, 260)
COUNT_BUCKETS = (0, 1, 2)
FACT_BUCKETS = (1, 2, 4)


def bucket(value: int, edges: tuple[int, ...]) -> str:
    """The bucket label of ``value``: 'le<edge>' for the first edge it does not exceed, else 'gt<last>'."""
    for e in edges:
        if value <= e:
            return f"le{e}"
    return f"gt{edges[-1]}"


def _end_type(d: Doc, end: Any) -> str:
    if isinstance(end, tuple):  # ("agreement", key) / ("event", key): nodes the records make
        return AGREEMENT if end[0] == "agreement" else EVENT
    e = d.gaz.get(end)
    return e.type if e else "?"


def _origin(d: Doc, end: Any) -> str:
    """'gaz' for a name the bundled gazetteer knows, 'local' for one found in this text, 'made' for an agreement/event."""
    if isinstance(end, tuple):
        return "made"
    e = d.gaz.get(end)
    return "local" if (e is None or e.local) else "gaz"


def _mentions_of(d: Doc, end: Any, sentence: int) -> list[Mention]:
    """The mentions of one end in the sentence (for an event: its event words; an agreement: any agreement word)."""
    ms = d.mentions.get(sentence, [])
    if isinstance(end, tuple):
        if end[0] == "event":
            return [m for m in ms if m.kind == "event" and _event_key(d, sentence, m) == end[1]]
        return [m for m in ms if m.kind == "agreement"]
    return [m for m in ms if m.kind == "entity" and m.ref == end]


def _event_key(d: Doc, sentence: int, m: Mention) -> int | None:
    ev = d.trigger_event.get((sentence, m.start))
    return ev.key if ev is not None else None


def _gap(a: list[Mention], b: list[Mention]) -> int | None:
    """Characters between the closest pair of mentions (0 when they touch or overlap)."""
    gaps = [max(0, max(x.start, y.start) - min(x.end, y.end)) for x in a for y in b]
    return min(gaps) if gaps else None


def _event_reading(d: Doc, f: Fact, src: list[Mention], tgt: list[Mention]) -> str:
    """For a fact with an event end: 'word' when an event word of the sentence stands for the event,
    'no_word' when the sentence only refers back to it or names it without such a word (a trip read from a verb)."""
    ends = [(e, ms) for e, ms in ((f.source, src), (f.target, tgt)) if isinstance(e, tuple) and e[0] == "event"]
    if not ends:
        return "none"
    return "word" if any(ms for _, ms in ends) else "no_word"


def _title_like(text: str) -> bool:
    """A headline: no closing full stop, and most words of four or more letters start upper case."""
    words = [w for w in text.split() if len(w) >= 4 and w[0].isalpha()]
    if not words or text.rstrip().endswith((".", "!", "?", ":")):
        return False
    return sum(w[0].isupper() for w in words) / len(words) >= 0.6


def features(d: Doc, f: Fact) -> list[str]:
    """The feature names of fact ``f`` (one-hot: each name is on)."""
    i = f.sentence
    s = d.sent(i)
    src, tgt = _mentions_of(d, f.source, i), _mentions_of(d, f.target, i)
    gap = _gap(src, tgt)
    ttype = _end_type(d, f.target)
    same_type = {m.ref for m in d.mentions.get(i, []) if m.kind == "entity" and m.type == ttype}
    same_facts = sum(1 for g in d.facts if g.sentence == i and g.type == f.type)
    position = "first" if i == 1 else ("title" if _title_like(s.text) else "body")
    out = [
        f"rule={f.rule}",
        f"type={f.type}",
        f"rule_type={f.rule}|{f.type}",
        f"ends={_end_type(d, f.source)}>{ttype}",
        f"src_origin={_origin(d, f.source)}",
        f"tgt_origin={_origin(d, f.target)}",
        f"distance={'none' if gap is None else bucket(gap, DISTANCE_BUCKETS)}",
        f"in_sentence={'both' if src and tgt else ('one' if src or tgt else 'neither')}",
        f"target_type_count={bucket(len(same_type), COUNT_BUCKETS)}",
        f"position={position}",
        f"length={bucket(len(s.text), LENGTH_BUCKETS)}",
        f"lang={d.lang}",
        f"event={_event_reading(d, f, src, tgt)}",
        f"same_type_facts={bucket(same_facts, FACT_BUCKETS)}",
    ]
    return out
