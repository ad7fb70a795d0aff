"""The ablation benchmark switches each part off for real and puts it back afterwards."""

import importlib

from benchmarks.corpus_ablation import ablations
from loaders.text import extract, rules

extract_module = importlib.import_module("loaders.text.extract")

# invented text, own words
TEXT = ("Wirtschaftsministerin Petra Olandt reiste mit einer Delegation nach Osaka. "
        "Sachsen und die Präfektur Osaka unterzeichneten dort eine Absichtserklärung über Wasserstoff.")


def _facts():
    x = extract(TEXT, doc_id="doc:ablation-check", published="2026-03-01")
    return ({(n.type, n.id) for n in x.batch.nodes}, {(e.type, e.source, e.target) for e in x.batch.edges})


def test_every_rule_module_has_an_ablation():
    labels = [label for label, _ in ablations()]
    for fn in rules.DOCUMENT_RULES + rules.SENTENCE_RULES:
        assert any(fn.__module__.rsplit(".", 1)[-1] in label for label in labels), fn


def test_each_ablation_changes_what_is_patched_and_restores_it():
    before = _facts()
    by_label = dict(ablations())
    with by_label["discover: persons"]():
        nodes, _ = _facts()
        assert not any(t == "Person" for t, _ in nodes), nodes
    with by_label["rule: agreements"]():
        _, edges = _facts()
        assert not any(t == "PARTY_TO" for t, _, _ in edges), edges
    for label, ctx in ablations():
        saved = (extract_module.DOCUMENT_RULES, extract_module.SENTENCE_RULES, extract_module.discover_persons)
        with ctx():
            pass
        assert (extract_module.DOCUMENT_RULES, extract_module.SENTENCE_RULES,
                extract_module.discover_persons) == saved, label
    assert _facts() == before
    nodes, edges = before
    assert any(t == "Person" for t, _ in nodes) and any(t == "PARTY_TO" for t, _, _ in edges), before


def test_the_listed_companies_ablation_drops_only_listed_names():
    from loaders.text import extract as run

    text = "Die Zalando-Zentrale und die Kelvotronik GmbH wachsen."
    ids = lambda: {n.id for n in run(text, doc_id="doc:abl2", reference=False).batch.nodes if n.type == "Company"}  # noqa: E731
    before = ids()
    assert "company:zalando" in before and "company:kelvotronik" in before
    with dict(ablations())["listed companies"]():
        assert ids() == before - {"company:zalando"}
    assert ids() == before
