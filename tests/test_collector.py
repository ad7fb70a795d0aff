"""The cycle-collector pause (graph/collector.py) always hands the collector back as it found it."""
import gc

import pytest

from graph import collector
from graph.errors import ValidationError
from graph.model import Batch, NodeRecord, Origin
from graph.store.embedded import EmbeddedStore


def test_paused_turns_the_collector_off_and_back_on_even_after_an_error():
    assert gc.isenabled()
    with collector.paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(RuntimeError):
        with collector.paused():
            raise RuntimeError("boom")
    assert gc.isenabled()
    with collector.paused(False):
        assert gc.isenabled()


def test_only_the_outer_block_turns_it_back_on():
    with collector.paused():
        with collector.paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the inner block found it off and leaves it off
    assert gc.isenabled()


def test_a_failed_big_load_leaves_the_collector_on(tmp_path):
    store = EmbeddedStore(tmp_path / "s")
    node_type = sorted(store.schema.nodes)[0]
    recs = [NodeRecord(type=node_type, name={"en": f"Body {i}"}, id=f"x:{i}", origin=Origin("t.json", i))
            for i in range(collector.PAUSE_AT + 10)]
    recs.append(NodeRecord(type="NoSuchType", name={"en": "Bad"}, id="x:bad", origin=Origin("t.json", 9999)))
    try:
        with pytest.raises(ValidationError):
            store.load(Batch(nodes=recs, edges=[]))
        assert gc.isenabled()
        assert sum(store.stats().nodes.values()) == 0
    finally:
        store.close()
