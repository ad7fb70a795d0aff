"""Dates that mean what people mean (issue 12): a year or month as_of is a period,
since/until ranges, and the timeline of a region, on the bundled seed data."""

from __future__ import annotations

import pytest

from graph.errors import QueryError
from graph.query.checks import check_as_of

LOI = "agreement:wfs-tipa-loi-2022"  # signed 2022-05-17


def test_as_of_periods_at_their_edges():
    assert check_as_of("2022") == ("2022-01-01", "2022-12-31")
    assert check_as_of("2024-02") == ("2024-02-01", "2024-02-29")
    assert check_as_of("2022-05-17") == ("2022-05-17", "2022-05-17")
    assert check_as_of(None, since="2020") == ("2020-01-01", "9999-12-31")
    assert check_as_of(None, until="2021-06") == ("0001-01-01", "2021-06-30")
    with pytest.raises(QueryError, match="either 'as_of' or 'since'"):
        check_as_of("2022", since="2020")
    with pytest.raises(QueryError, match="'since' .* is after 'until'"):
        check_as_of(None, since="2023", until="2022")
    with pytest.raises(QueryError, match="'until'"):
        check_as_of(None, until="2022-13")


@pytest.mark.parametrize("as_of, kept", [
    ("2022", True), ("2022-05", True), ("2022-05-17", True), ("2022-05-16", False), ("2021", False), ("2023-01-01", True),
])
def test_as_of_year_keeps_the_letter_of_intent_signed_in_may(seed_store, as_of, kept):
    ids = {n.id for n in seed_store.neighbors("org:wfs", as_of=as_of).nodes}
    assert (LOI in ids) is kept


def test_since_until_on_neighbours_paths_and_connections(seed_store):
    assert LOI in {n.id for n in seed_store.neighbors("org:wfs", since="2022-06").nodes}
    assert LOI not in {n.id for n in seed_store.neighbors("org:wfs", until="2022-04").nodes}
    assert LOI in {n.id for n in seed_store.neighbors("org:wfs", since="2021", until="2022-05").nodes}
    p = seed_store.paths("org:wfs", "org:tipa", k=1, as_of="2022")
    assert p.paths[0].node_ids() == ["org:wfs", LOI, "org:tipa"]
    p = seed_store.paths("org:wfs", "org:tipa", k=1, until="2021")
    assert not p.paths or LOI not in p.paths[0].node_ids()
    c = seed_store.connections("org:wfs", "org:tipa", since="2022")
    assert [n.id for n in c.agreements] == [LOI]


def test_region_timeline_has_the_agreements_and_events_of_its_actors(seed_store):
    t = seed_store.timeline("region:de-sn")
    by_node = {i.node.id: i for i in t.items if i.node is not None}
    loi = by_node[LOI]
    assert loi.date == "2022-05-17"
    # why it is on Saxony's timeline: WFS is party to it, WFS is located in Dresden, Dresden is part of Saxony
    why = {(e.type, e.source, e.target) for e in loi.facts}
    assert ("PARTY_TO", "org:wfs", LOI) in why and ("LOCATED_IN", "org:wfs", "region:de-dresden") in why
    assert all(e.sources for e in loi.facts)
    assert "event:saxony-delegation-japan-korea-2023" in by_node  # organized by WFS
    assert "event:semiconductor-workshop-japan-2023" in by_node
    lines = [(i.date, i.label) for i in t.items]
    assert len(lines) == len(set(lines)), "duplicate lines"
    # the visit of the Iksan delegation is one line (its node), not a node line plus an edge line
    assert sum("Iksan" in label for _d, label in lines) == 1
    years = [i.date[:4] for i in seed_store.timeline("region:de-sn", since="2022", until="2022").items]
    assert years and set(years) == {"2022"}


def test_trip_legs_fold_into_one_line(seed_store):
    t = seed_store.timeline("event:saxony-delegation-japan-korea-2023")
    legs = [i for i in t.items if i.kind == "edge" and i.edge.type == "VISITED"]
    assert len(legs) == 2  # Japan leg (4 places) and Korea leg (3 places)
    japan = next(i for i in legs if i.date == "2023-09-10")
    assert len(japan.facts) == 3 and "Japan" in japan.label
