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


def test_the_given_names_ablation_reaches_every_module_that_asks():
    """A patch bites only where the name is looked up: every module of the ``discover`` package that calls
    ``is_given_name`` through its own global is patched, and what those modules decide by a given name changes."""
    import sys

    from benchmarks.corpus_ablation import GIVEN_NAME_USERS
    from loaders.text import givennames

    users = [m for name, m in sys.modules.items() if name.startswith("loaders.text.discover.")
             and getattr(m, "is_given_name", None) is givennames.is_given_name]
    assert users and set(users) <= set(GIVEN_NAME_USERS), users
    # invented texts, own words. A headline in title case keeps a person only for a given name the list knows
    # (``discover.persons``); a field list after a body's head stops before a given name (``discover.headnames``).
    # Neither changes when only ``personnames`` or the package's re-export is patched.
    headline = "Governor Jonas Feldkamp Leads Trade Mission To Kiel"
    field_list = "Tarnland Ministry of Finance, Jonas Feldkamp and Petra Olandt met in Kiel."
    ids = lambda text: {n.id for n in extract(text, doc_id="doc:abl3", language="en").batch.nodes}  # noqa: E731
    before = ids(headline), ids(field_list)
    assert "person:jonas-feldkamp" in before[0] and "org:tarnland-ministry-of-finance" in before[1]
    with dict(ablations())["given names"]():
        assert all(m.is_given_name("Jonas") is False for m in GIVEN_NAME_USERS)
        assert "person:jonas-feldkamp" not in ids(headline)
        assert "org:tarnland-ministry-of-finance" not in ids(field_list)
    assert (ids(headline), ids(field_list)) == before
    assert all(m.is_given_name is givennames.is_given_name for m in users)
