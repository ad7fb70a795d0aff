"""The record codec: batches decode to the same records, and the cycle collector pause is undone."""

import gc

import pytest

from graph import codec
from graph.model import Edge, Node, Source


def _edges(n):
    return [Edge(f"e{i}", "PARTY_TO", f"org:o{i}", "agreement:a", {"role": "signatory", "n": i}, "2022-05-17", None,
                 (Source("doc:d", f"sentence {i}", "evidence"),)) for i in range(n)]


@pytest.mark.parametrize("n", [3, codec.GC_PAUSE_AT + 1])
def test_batches_round_trip_and_leave_the_collector_on(n):
    edges = _edges(n)
    nodes = [Node(f"org:o{i}", "Organization", {"en": f"O {i}"}, {"de": ("Ö",)}, {"kind": "agency"}) for i in range(n)]
    assert gc.isenabled()
    assert codec.decode_edges([codec.encode(e) for e in edges]) == edges
    assert codec.decode_nodes([codec.encode(x) for x in nodes]) == nodes
    assert gc.isenabled()


def test_a_failed_batch_turns_the_collector_back_on():
    texts = [codec.encode(e) for e in _edges(codec.GC_PAUSE_AT)] + ['{"id": "broken"}']
    with pytest.raises(KeyError):
        codec.decode_edges(texts)
    assert gc.isenabled()
    with pytest.raises(ValueError):  # the JSON errors of orjson and json are ValueErrors
        codec.decode_nodes(["{not json"] * codec.GC_PAUSE_AT)
    assert gc.isenabled()


def test_a_collector_turned_off_by_the_caller_stays_off():
    gc.disable()
    try:
        codec.decode_edges([codec.encode(e) for e in _edges(codec.GC_PAUSE_AT)])
        assert not gc.isenabled()
    finally:
        gc.enable()
