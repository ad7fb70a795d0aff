"""The embedded store: durability, atomic loads, concurrent readers and writers, other processes."""

import subprocess
import sys
import threading

import pytest

from graph.errors import NotFoundError
from graph.model import Batch, Edge, Node, Source
from graph.store.embedded import EmbeddedStore
from loaders import load_path
from tests.conftest import MINI


def test_restart_keeps_everything(tmp_path):
    s = EmbeddedStore(tmp_path)
    s.load(load_path(MINI))
    nodes, edges = list(s.iter_nodes()), list(s.iter_edges())
    s.close()
    s2 = EmbeddedStore(tmp_path)
    assert list(s2.iter_nodes()) == nodes and list(s2.iter_edges()) == edges
    assert s2.search("JTRO")[0].node.id == "org:jtro"
    assert s2.paths("region:de-by", "org:jtro", k=1).paths[0].length == 2


class Boom(Exception):
    pass


def test_crash_in_the_middle_of_a_write_leaves_the_last_complete_state(tmp_path):
    s = EmbeddedStore(tmp_path)
    s.load(load_path(MINI))
    before = (list(s.iter_nodes()), list(s.iter_edges()))
    doc = s.get_node("doc:mini-1")
    nodes = [Node(f"topic:t{i}", "Topic", {"en": f"T {i}"}, properties={"kind": "sector"},
                  sources=(Source(doc.id, "x"),)) for i in range(12_000)]

    def explode(done, total):
        if done > 5_000:
            raise Boom("disk on fire")

    with pytest.raises(Boom):
        s.write(nodes, [], progress=explode)
    assert (list(s.iter_nodes()), list(s.iter_edges())) == before
    s.close()
    again = EmbeddedStore(tmp_path)
    assert (list(again.iter_nodes()), list(again.iter_edges())) == before


def test_get_node_names_the_missing_id(mini_store):
    with pytest.raises(NotFoundError, match="node 'org:nope' is not in the graph"):
        mini_store.get_node("org:nope")


def test_concurrent_readers_and_a_writer(tmp_path):
    s = EmbeddedStore(tmp_path)
    s.load(load_path(MINI))
    doc = "doc:mini-1"
    errors, counts = [], []
    stop = threading.Event()

    def reader():
        try:
            while not stop.is_set():
                st = s.stats().to_dict()
                # a reader never sees a half-applied write: topics and their edges come together
                topics = st["nodes"].get("Topic", 0) - 1
                focus = st["edges"].get("FOCUSES_ON", 0) - 1
                assert topics == focus, st
                counts.append(topics)
                assert s.paths("region:de-by", "org:jtro", k=1).paths
        except Exception as e:  # noqa: BLE001 - collected for the assertion below
            errors.append(e)

    threads = [threading.Thread(target=reader) for _ in range(4)]
    for t in threads:
        t.start()
    for i in range(30):
        n = Node(f"topic:c{i}", "Topic", {"en": f"C {i}"}, properties={"kind": "sector"}, sources=(Source(doc, ""),))
        e = Edge(f"agreement:bi-jtro-mou|FOCUSES_ON|topic:c{i}", "FOCUSES_ON", "agreement:bi-jtro-mou", n.id,
                 sources=(Source(doc, ""),))
        s.write([n], [e])
    stop.set()
    for t in threads:
        t.join()
    assert not errors, errors[0]
    assert max(counts) <= 30 and s.stats().nodes["Topic"] == 31


def test_a_write_from_another_process_is_seen(tmp_path):
    s = EmbeddedStore(tmp_path)
    s.load(load_path(MINI))
    code = (
        "from graph.store.embedded import EmbeddedStore\n"
        "from graph.model import Node, Source\n"
        f"s = EmbeddedStore({str(tmp_path)!r})\n"
        "s.write([Node('topic:remote', 'Topic', {'en': 'Remote topic'}, properties={'kind': 'sector'},"
        " sources=(Source('doc:mini-1', ''),))], [])\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
    assert s.get_node("topic:remote").label == "Remote topic"
    assert s.search("remote topic")[0].node.id == "topic:remote"


def test_unwritable_folder_gives_a_clear_error(tmp_path):
    from graph.errors import StoreError

    f = tmp_path / "file"
    f.write_text("x")
    with pytest.raises(StoreError, match="REGIOGRAPH_DATA_DIR"):
        EmbeddedStore(f / "sub")


def test_empty_batch_is_a_no_op(empty_store):
    r = empty_store.load(Batch())
    assert not r.changed and empty_store.stats().to_dict()["total_nodes"] == 0


def test_migrate_between_stores_copies_everything_and_is_idempotent(tmp_path):
    from graph.migrate import migrate
    from regiograph.seed import load_seed

    a = EmbeddedStore(tmp_path / "a")
    load_seed(a)
    b = EmbeddedStore(tmp_path / "b")
    seen = []
    r = migrate(a, b, batch_size=40, progress=lambda d, t: seen.append((d, t)))
    assert r.nodes == a.stats().to_dict()["total_nodes"] and seen[-1][0] == seen[-1][1]
    assert list(a.iter_nodes()) == list(b.iter_nodes()) and list(a.iter_edges()) == list(b.iter_edges())
    migrate(a, b)
    assert b.stats() == a.stats()


def test_name_and_alias_order_survives_a_restart(tmp_path):
    from graph.model import Node, Source

    s = EmbeddedStore(tmp_path)
    doc = Node("doc:o", "Document", {"en": "O"}, properties={"title": "O"})
    n = Node("org:z", "Organization", {"en": "Zeta Agency", "de": "Zeta-Agentur"},
             aliases={"en": ("ZA", "Zeta"), "de": ("Zeta-Büro", "Agentur Zeta")},
             properties={"kind": "agency"}, sources=(Source("doc:o", "p"),))
    s.write([doc, n], [])
    s.close()
    again = EmbeddedStore(tmp_path).get_node("org:z")
    assert again == n and list(again.name) == ["en", "de"] and again.aliases["de"] == ("Zeta-Büro", "Agentur Zeta")
