"""Agreements (session 19): plural and 'of cooperation' memoranda are agreement words, never organizations;
a second agreement of another kind between other parties in a paragraph of its own is an agreement of its own.
Sentences written for these tests (invented companies and people)."""

from __future__ import annotations

from loaders.text import extract


def _x(text, language=None):
    return extract(text, doc_id="doc:agreements-test", published="2024-05-06", reference=False, language=language)


def _of_type(x, t):
    return [n for n in x.batch.nodes if n.type == t]


def _parties(x, aid):
    return {e.source for e in x.batch.edges if e.type == "PARTY_TO" and e.target == aid}


def test_memorandums_with_an_acronym_are_no_organization():
    x = _x("Bavaria and Karnataka signed two Memorandums of Understanding (MoUs) on startups in Munich.", "en")
    assert not [n for n in _of_type(x, "Organization") if "Memorand" in " ".join(n.name.values())]
    (ag,) = _of_type(x, "Agreement")
    assert _parties(x, ag.id) == {"region:de-by", "region:in-ka"}


def test_a_memorandum_of_cooperation_is_an_agreement_not_a_body():
    x = _x("The Kestrel Agency concluded a Memorandum of Cooperation (MOC) with the Falcon Institute in Osaka.", "en")
    assert not [n for n in x.batch.nodes if n.type in ("Organization", "Company") and "Cooperation" in " ".join(n.name.values())]
    (ag,) = _of_type(x, "Agreement")
    assert ag.properties["kind"] == "mou"
    assert len(_parties(x, ag.id)) == 2


def test_another_kind_between_other_parties_in_its_own_paragraph_is_another_agreement():
    text = ("Ministerpräsident Jonas Keller und Marschall Piotr Nowak werden eine gemeinsame Erklärung von Thüringen "
            "und Schlesien unterzeichnen.\n\nBis heute wurde etwa zwischen der Kranich AG und der Lindwurm GmbH eine "
            "Kooperationsvereinbarung unterzeichnet.\n")
    x = _x(text)
    ags = _of_type(x, "Agreement")
    assert len(ags) == 2
    by_kind = {a.properties["kind"]: a.id for a in ags}
    assert _parties(x, by_kind["partnership"]) == {"company:kranich", "company:lindwurm"}
    assert "company:kranich" not in _parties(x, by_kind["loi"])


def test_the_same_kind_named_again_in_a_later_paragraph_is_the_same_agreement():
    text = ("Thüringen und Schlesien unterzeichneten am Montag in Erfurt eine Kooperationsvereinbarung.\n\n"
            "Die Kooperationsvereinbarung zwischen Thüringen und Schlesien wurde für fünf Jahre unterzeichnet.\n")
    assert len(_of_type(_x(text), "Agreement")) == 1


def test_an_agreement_renewed_is_an_earlier_one_of_the_same_parties():
    text = ("Thuringia and the Western Cape agreed on a joint declaration of intent at a ceremony in Cape Town.\n"
            "On Friday the Premier, Anna Molefe, and Jan Berger, Minister of Thuringia, signed the charter to renew "
            "the Friendship Agreement of 1997.\n")
    x = _x(text, "en")
    ags = _of_type(x, "Agreement")
    assert [a.properties["kind"] for a in ags] == ["loi", "partnership"]  # in the order the text names them
    signed = {e.target for e in x.batch.edges if e.type == "SIGNED"}
    assert signed == {ags[0].id}  # the signing is of the declaration, not of the agreement it renews
    assert _parties(x, ags[1].id) == _parties(x, ags[0].id) == {"region:de-th", "region:za-wc"}
