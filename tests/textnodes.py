"""What the text loader extracts from one of our own test sentences, by node type (shared by the recognizer tests)."""

from loaders.text import extract


def extracted(text: str, lang: str = "de"):
    """The batch of records extracted from ``text`` (no reference facts, no known graph)."""
    x = extract(text, doc_id="doc:t", published="2025-03-01", title=None, source_url=None, language=lang,
                known=None, reference=False)
    return x.batch


def names_by_type(text: str, lang: str = "de") -> dict[str, set[str]]:
    """Every name of every extracted node, by node type."""
    out: dict[str, set[str]] = {}
    for n in extracted(text, lang).nodes:
        out.setdefault(n.type, set()).update(n.name.values())
    return out


def facts_of_type(text: str, type_: str, lang: str = "de") -> set[tuple[str, str]]:
    """(source name, target name) of every extracted edge of ``type_`` (an end without a node: its id)."""
    batch = extracted(text, lang)
    names = {n.id: next(iter(n.name.values())) for n in batch.nodes}
    return {(names.get(e.source, e.source), names.get(e.target, e.target)) for e in batch.edges if e.type == type_}
