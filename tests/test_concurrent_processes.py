"""Several processes write the same nodes of one embedded store at once.

Every acknowledged write must be present at the end, and every read made after a
write was acknowledged (in any process) must see it: the reads go through the
array index (search, neighbours) as well as SQLite (find_by_names).
"""

from __future__ import annotations

import multiprocessing as mp
import queue

from graph.model import Batch, EdgeRecord, NodeRecord, Origin, Source
from graph.store.embedded import EmbeddedStore
from graph.text import fold
from loaders import load_path
from tests.conftest import MINI

WRITERS = 4
WRITES = 12
TARGET = "org:jtro"  # an organization of the mini graph every writer adds to


def _writer(path: str, who: int, acks, errors) -> None:
    try:
        store = EmbeddedStore(path)
        for i in range(WRITES):
            alias = f"Writer {who} alias {i}"
            person = f"person:w{who}-{i}"
            batch = Batch(
                nodes=[
                    NodeRecord(type="Organization", id=TARGET, name={"en": "Japan Trade Relations Office"}, aliases={"en": [alias]},
                               properties={"kind": "agency"}, sources=[Source("doc:mini-2", f"writer {who}/{i}")],
                               origin=Origin("writer", i)),
                    NodeRecord(type="Person", id=person, name={"en": f"Person W{who} {i}"},
                               sources=[Source("doc:mini-2", f"writer {who}/{i}")], origin=Origin("writer", i)),
                ],
                edges=[EdgeRecord(type="HOLDS_ROLE_AT", source=person, target=TARGET, properties={"role": "member"},
                                  sources=[Source("doc:mini-2", f"writer {who}/{i}")], origin=Origin("writer", i))],
            )
            store.load(batch)
            acks.put((who, i, alias, person))  # acknowledged
        store.close()
    except Exception as e:  # pragma: no cover - reported to the parent
        errors.put(f"writer {who}: {type(e).__name__}: {e}")


def _reader(path: str, acks, results, expected: int) -> None:
    store = EmbeddedStore(path)
    misses, seen = [], 0
    while seen < expected:
        try:
            who, i, alias, person = acks.get(timeout=120)
        except queue.Empty:
            break
        seen += 1
        # a read made after the write was acknowledged, in another process
        if TARGET not in store.find_by_names("Organization", [fold(alias)]).get(fold(alias), set()):
            misses.append(("find_by_names", alias))
        if not any(h.node.id == person for h in store.search(f"Person W{who} {i}")):
            misses.append(("search", person))
        sub = store.neighbors(person, depth=1)
        if TARGET not in {n.id for n in sub.nodes}:
            misses.append(("neighbors", person))
    results.put((seen, misses))
    store.close()


def test_no_acknowledged_write_is_lost_and_every_later_read_sees_it(tmp_path):
    path = str(tmp_path / "store")
    s = EmbeddedStore(path)
    s.load(load_path(MINI))
    s.close()
    ctx = mp.get_context("spawn")
    acks, errors, results = ctx.Queue(), ctx.Queue(), ctx.Queue()
    reader = ctx.Process(target=_reader, args=(path, acks, results, WRITERS * WRITES))
    reader.start()
    writers = [ctx.Process(target=_writer, args=(path, w, acks, errors)) for w in range(WRITERS)]
    for p in writers:
        p.start()
    for p in writers:
        p.join(300)
    reader.join(300)
    errs = []
    while not errors.empty():
        errs.append(errors.get())
    assert not errs, errs
    seen, misses = results.get(timeout=10)
    assert seen == WRITERS * WRITES
    assert misses == []
    final = EmbeddedStore(path)
    node = final.get_node(TARGET)
    aliases = set(node.aliases.get("en", ()))
    expected = {f"Writer {w} alias {i}" for w in range(WRITERS) for i in range(WRITES)}
    assert expected <= aliases, f"{len(expected - aliases)} acknowledged aliases lost"
    locators = {s.locator for s in node.sources}
    assert {f"writer {w}/{i}" for w in range(WRITERS) for i in range(WRITES)} <= locators
    sub = final.neighbors(TARGET, depth=1, limit=5000)
    people = {n.id for n in sub.nodes if n.id.startswith("person:w")}
    assert people == {f"person:w{w}-{i}" for w in range(WRITERS) for i in range(WRITES)}
    final.close()
