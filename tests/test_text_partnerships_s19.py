"""Partnerships between regions in more shapes of real releases (session 19): a subject region qualified by
its country, a subject opened by a quotation mark or an adjective and kind word, partnerships resolved or
wanted, and twin towns named in pairs. Sentences written for these tests."""

from __future__ import annotations

from loaders.text import extract

PARTNER = "PARTNER_OF"


def _partners(text, language=None):
    x = extract(text, doc_id="doc:partnerships-test", published="2024-05-06", reference=False, language=language)
    return {frozenset((e.source, e.target)) for e in x.batch.edges if e.type == PARTNER}


def test_a_subject_region_qualified_by_its_country_is_still_the_subject():
    got = _partners("Since 1992, Thuringia and the Western Cape in South Africa have maintained a close partnership in many fields.", "en")
    assert got == {frozenset({"region:de-th", "region:za-wc"})}


def test_adjective_and_kind_word_before_the_first_subject_region():
    got = _partners("Die polnische Woiwodschaft Schlesien und Thüringen wollen eine Partnerschaft aufbauen.")
    assert got == {frozenset({"region:de-th", "region:pl-24"})}


def test_a_quotation_mark_before_the_subject():
    got = _partners("„Brandenburg und die Provinz Hebei verbindet eine enge Partnerschaft in der Energie“, sagte die Ministerin.")
    assert got == {frozenset({"region:de-bb", "region:cn-he"})}


def test_twin_towns_named_in_pairs():
    got = _partners("Es gibt viele Partnerschaften zwischen Städten, etwa Erfurt und Kumasi oder Jena und Accra.")
    assert len(got) == 2
    pairs = {tuple(sorted(p)) for p in got}
    assert all(any(r.startswith("region:de-") for r in p) and any(r.startswith("region:gh") for r in p) for p in pairs), pairs


def test_two_german_towns_are_no_twin_pair():
    assert _partners("Partnerschaften zwischen Städten wie Erfurt und Jena gibt es in Thüringen viele.") == set()


def test_talk_about_a_partnership_makes_no_partners():
    assert _partners("Thüringen und die Provinz Hebei haben über eine mögliche Partnerschaft gesprochen.") == set()
