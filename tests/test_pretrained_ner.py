"""The pretrained-recognizer experiment (benchmarks/pretrained_ner.py): its parsing of the tagger's output,
its span filter, and its hook into the loader, which offers spans for real and is undone afterwards.
Java and the CoreNLP jars are not needed here: the tagger's output is written by hand (own words)."""

import importlib

import pytest

import benchmarks.corpus_eval as corpus_eval
from benchmarks.pretrained_ner import SEPARATOR, clean, keep_filtered, offered, split_tagged
from loaders.text.typenames import ORGANIZATION

extract_module = importlib.import_module("loaders.text.extract")

# invented text, own words: "Velmar Logistik" has no type word, no legal form and no acronym, so the
# rules alone do not take it for a body
TEXT = "Ministerin Petra Olandt sprach in Kiel mit Vertretern von Velmar Logistik über Wasserstoff."
TAGGED = [("PERSON", "Petra Olandt"), ("LOCATION", "Kiel"), ("ORGANIZATION", "Velmar Logistik")]


def _bodies():
    x = corpus_eval.extract(TEXT, doc_id="doc:ner-check", language="de")
    return {list(n.name.values())[0] for n in x.batch.nodes if n.type == ORGANIZATION}


def test_split_tagged_reads_spans_per_text_in_order():
    out = (f"<PERSON>Jana  Orlik</PERSON> traf die <ORGANIZATION>Kelmer\nWerke</ORGANIZATION>.\n\n{SEPARATOR}\n\n"
           f"Nichts hier.\n\n{SEPARATOR}\n\nIn <LOCATION>Busan</LOCATION>.")
    assert split_tagged(out, 3) == [[("PERSON", "Jana Orlik"), ("ORGANIZATION", "Kelmer Werke")], [],
                                    [("LOCATION", "Busan")]]
    with pytest.raises(ValueError, match="2 parts for 3 texts"):
        split_tagged(f"a {SEPARATOR} b", 3)


def test_filter_keeps_names_and_drops_offices_lists_single_words_and_headlines():
    assert clean(" der Velmar Logistik, ") == "Velmar Logistik"
    assert keep_filtered("Velmar Logistik", [])
    assert not keep_filtered("Velmar", [])  # one word
    assert not keep_filtered("Executive Director of Velmar", [])  # an office
    assert not keep_filtered("Velmar and Orsbach Tools", [])  # a coordination
    assert not keep_filtered("Velmar Logistik", ["Velmar Logistik Expands To Busan"])  # in a headline
    assert not keep_filtered("vom Velmar Institut", [])


def test_offered_spans_become_bodies_and_the_hook_is_undone():
    spans = {TEXT: TAGGED}
    before = _bodies()
    assert "Velmar Logistik" not in before
    saved = (extract_module.discover_organizations, corpus_eval.extract)
    with offered(spans, "union"):
        assert "Velmar Logistik" in _bodies()
    with offered(spans, "off"):
        assert _bodies() == before
    assert (extract_module.discover_organizations, corpus_eval.extract) == saved
    assert _bodies() == before
