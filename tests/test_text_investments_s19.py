"""Joint ventures and their owners (session 19): the companies that found a joint venture invested in it.
Sentences written for these tests (invented companies)."""

from __future__ import annotations

from loaders.text import extract


def _invested(text, language=None):
    x = extract(text, doc_id="doc:jv-test", published="2024-05-06", reference=False, language=language)
    names = {n.id: next(iter(n.name.values())) for n in x.batch.nodes}
    return {(names[e.source], names[e.target]) for e in x.batch.edges if e.type == "INVESTED_IN"}


def test_founders_listed_before_the_joint_venture_word():
    got = _invested("2023 gründeten die Falkenwerk AG (FWA), die Kranich GmbH und die Lindwurm SE das "
                    "Gemeinschaftsunternehmen Lumos für den Bau einer Fabrik.")
    assert {o for o, jv in got if jv == "Lumos"} == {"Falkenwerk AG", "Kranich GmbH", "Lindwurm SE"}


def test_owners_named_after_the_joint_venture():
    got = _invested("Die Lumos GmbH, ein Joint Venture von Kranich GmbH und der Falkenwerk AG, sucht Fachkräfte.")
    assert {o for o, jv in got if jv == "Lumos GmbH"} == {"Kranich GmbH", "Falkenwerk AG"}


def test_english_joint_venture():
    got = _invested("Kranich GmbH and Falkenwerk AG formed the joint venture Lumos GmbH last year.", "en")
    assert {o for o, jv in got if jv == "Lumos GmbH"} == {"Kranich GmbH", "Falkenwerk AG"}


def test_companies_that_only_work_together_invest_in_nothing():
    got = _invested("Kranich GmbH und Falkenwerk AG arbeiten seit Jahren bei der Lumos GmbH zusammen.")
    assert not [p for p in got if p[1] == "Lumos GmbH"]


def test_a_place_written_with_ue_for_u_umlaut_is_the_place():
    x = extract("The company will open a factory in Duesseldorf next year.", doc_id="doc:translit", reference=False, language="en")
    assert "region:de-duesseldorf" in {n.id for n in x.batch.nodes}
