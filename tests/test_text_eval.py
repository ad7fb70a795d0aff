"""The text loader's quality on the annotated development set meets its targets."""

from pathlib import Path

from benchmarks.text_eval import DEFAULT_DIR, align, evaluate

HOLDOUT = Path(__file__).parent / "data" / "textholdout"

ENTITY_F1 = 0.90
RELATION_F1 = 0.75


def test_dev_set_f1_meets_the_targets():
    ent, rel = evaluate(DEFAULT_DIR)
    assert ent.tp + ent.fn >= 100 and rel.tp + rel.fn >= 80  # the dev set is not trivially small
    assert ent.f1 >= ENTITY_F1, "\n".join(ent.errors)
    assert rel.f1 >= RELATION_F1, "\n".join(rel.errors)


def test_held_out_texts_meet_the_targets_too():
    ent, rel = evaluate(HOLDOUT)
    assert ent.f1 >= ENTITY_F1, "\n".join(ent.errors)
    assert rel.f1 >= RELATION_F1, "\n".join(rel.errors)


def test_alignment_counts_a_wrong_type_as_a_miss():
    from graph.model import NodeRecord

    gold = {"a": {"type": "Organization", "name": "Lumitec Optics GmbH"}}
    assert align(gold, [NodeRecord(type="Company", id="company:lumitec", name={"en": "Lumitec Optics GmbH"})]) == {}
    assert align(gold, [NodeRecord(type="Organization", id="org:lumitec", name={"en": "Lumitec Optics GmbH"})]) == {"org:lumitec": "a"}
