"""The embedded store's truth: one SQLite database (WAL journal) on disk.

Tables (format ``regiograph/2``):

* ``nodes(ix, id, type, sub, vf, vt, data, brief)`` and ``edges(ix, id, type, src, dst, vf, vt, data, brief)``:
  ``ix`` is the dense integer the array index uses; ``data`` the record's JSON and ``brief``
  its compact form for large answers (``graph.codec``); ``sub``, ``vf``, ``vt`` (subtype, validity as YYYYMMDD) are what the
  index needs, so it is built and updated without decoding any JSON;
* ``names(key, node)`` and ``words(word, node)``: folded names (and identifier keys) and the names' words, for
  ``find_by_names`` and prefix search (B-tree range scans);
* ``changes(seq, kind, ix)``: one row per node ('n') or edge ('e') written or deleted,
  appended in the same transaction as the write - every process applies the rows after
  the last ``seq`` it has seen to its index (no full reload);
* ``meta``: format, ``epoch`` (changed by ``clear``: indexes of an older epoch are void).

Everything here takes a connection: reads run on a per-thread connection, the
reads and the write of a load on the writer's connection inside ``BEGIN IMMEDIATE``.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Iterable, Iterator

from ... import dates
from ...codec import day_number, decode_edges, decode_nodes, encode, encode_brief
from ...errors import DanglingReferenceError, StoreError, ValidationError
from ...identity import KEY_PREFIX
from ...ingest import folded_keys
from ...model import Edge, Node

FORMAT = "regiograph/2"
LO, HI = 0, 99_999_999  # open validity bounds as day numbers
CHUNK = 5_000
MAX_VARS = 900

DDL = """
CREATE TABLE IF NOT EXISTS nodes (ix INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, type TEXT NOT NULL,
                                  sub TEXT, vf INTEGER, vt INTEGER, data TEXT NOT NULL, brief TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS edges (ix INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, type TEXT NOT NULL,
                                  src INTEGER NOT NULL, dst INTEGER NOT NULL, vf INTEGER, vt INTEGER,
                                  data TEXT NOT NULL, brief TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS names (key TEXT NOT NULL, node INTEGER NOT NULL, PRIMARY KEY (key, node)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS names_node ON names (node);
CREATE TABLE IF NOT EXISTS words (word TEXT NOT NULL, node INTEGER NOT NULL, PRIMARY KEY (word, node)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS words_node ON words (node);
CREATE INDEX IF NOT EXISTS nodes_type ON nodes (type, id);
CREATE TABLE IF NOT EXISTS changes (seq INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, ix INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT OR IGNORE INTO meta (key, value) VALUES ('format', 'regiograph/2');
INSERT OR IGNORE INTO meta (key, value) VALUES ('epoch', '0');
"""


READ_CACHE_KB = 16_000  # page cache of each reading connection
# page cache of the writer during a large load (store ``_WriteView.bulk``): the load inserts names,
# words and ids at random places of B-trees that outgrow a small cache; each miss is a page read,
# each spill a page written to the WAL again
WRITE_CACHE_KB = 262_144


def connect(path: Path, cache_kb: int = READ_CACHE_KB) -> sqlite3.Connection:
    conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None, timeout=60)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL: durable at commit except on power loss
    conn.execute("PRAGMA busy_timeout=60000")
    conn.execute(f"PRAGMA cache_size=-{int(cache_kb)}")  # in KiB (pages are allocated as used)
    return conn


def init(conn: sqlite3.Connection, path: Path, schema) -> None:
    """Create the tables, or upgrade a store written by version 0.1 (format ``regiograph/1``) in place."""
    old = conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='meta'").fetchone()
    if old:
        row = conn.execute("SELECT value FROM meta WHERE key='format'").fetchone()
        if row and row[0] == "regiograph/1":
            _upgrade_v1(conn, schema)
            return
        if row and row[0] != FORMAT:
            raise StoreError(
                f"'{path}' holds a store of format '{row[0]}', this version reads '{FORMAT}'; "
                "open it with the version that wrote it, export it (regiograph export) and load the export "
                "into a new data folder")
    conn.executescript(DDL)


def _upgrade_v1(conn, schema) -> None:
    """One transaction: the 0.1 tables (id, type, data) become the indexed tables of this format."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute("ALTER TABLE nodes RENAME TO nodes_v1")
        conn.execute("ALTER TABLE edges RENAME TO edges_v1")
        conn.execute("DROP TABLE meta")
        for stmt in DDL.strip().split(";"):
            if stmt.strip():
                conn.execute(stmt)
        nodes = decode_nodes([r[0] for r in conn.execute("SELECT data FROM nodes_v1 ORDER BY id")])
        edges = decode_edges([r[0] for r in conn.execute("SELECT data FROM edges_v1 ORDER BY id")])
        write(conn, schema, nodes, edges)
        conn.execute("DROP TABLE nodes_v1")
        conn.execute("DROP TABLE edges_v1")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def ix_param(ixs: Iterable[int]) -> str:
    return json.dumps([int(i) for i in ixs])


def meta(conn, key: str) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
    return row[0] if row else None


def max_seq(conn) -> int:
    return conn.execute("SELECT coalesce(max(seq), 0) FROM changes").fetchone()[0]


# ----------------------------------------------------------------- reads


def _decode(table: str, conn, ixs_or_ids: list, texts: list[str], by: str):
    """Decode rows; a row whose JSON cannot be read is named by its id (the store is damaged:
    ``regiograph check`` lists every such row, ``regiograph restore`` puts a backup back)."""
    decode = decode_nodes if table == "nodes" else decode_edges
    try:
        return decode(texts)
    except (ValueError, TypeError, KeyError, AttributeError, IndexError):
        pass
    for key, text in zip(ixs_or_ids, texts):
        try:
            decode([text])
        except (ValueError, TypeError, KeyError, AttributeError, IndexError) as e:
            rid = key if by == "id" else conn.execute(f"SELECT id FROM {table} WHERE ix = ?", (key,)).fetchone()[0]  # noqa: S608
            from pathlib import Path as _P

            from ..integrity import _damaged

            path = conn.execute("PRAGMA database_list").fetchone()[2]
            raise _damaged(_P(path), f"{table} row '{rid}' cannot be read ({type(e).__name__}: {str(e)[:200]})") from None
    return decode(texts)  # pragma: no cover - every row decoded alone: the batch error does not repeat


def node_ix(conn, ids: list[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for i in range(0, len(ids), CHUNK):
        q = "SELECT n.id, n.ix FROM json_each(?) j JOIN nodes n ON n.id = j.value"
        out.update(conn.execute(q, (json.dumps(ids[i:i + CHUNK]),)))
    return out


def node_ids(conn, ixs) -> dict[int, str]:
    ixs = list(ixs)
    out: dict[int, str] = {}
    for i in range(0, len(ixs), CHUNK):
        q = "SELECT n.ix, n.id FROM json_each(?) j JOIN nodes n ON n.ix = j.value"
        out.update(conn.execute(q, (ix_param(ixs[i:i + CHUNK]),)))
    return out


def _records(conn, table: str, by: str, keys, brief: bool = False) -> list:
    """Records of ``table`` ("nodes" or "edges") by ``id`` or by ``ix``, as (key, record) pairs;
    ``brief``: their compact form (``graph.codec.brief``)."""
    keys = list(keys)
    found, data = [], []
    col = "brief" if brief else "data"
    param = json.dumps if by == "id" else ix_param
    for i in range(0, len(keys), CHUNK):
        q = f"SELECT t.{by}, t.{col} FROM json_each(?) j JOIN {table} t ON t.{by} = j.value"  # noqa: S608 - fixed names
        for k, d in conn.execute(q, (param(keys[i:i + CHUNK]),)):
            found.append(k)
            data.append(d)
    return list(zip(found, _decode(table, conn, found, data, by)))


def nodes_by_id(conn, ids: list[str]) -> dict[str, Node]:
    return dict(_records(conn, "nodes", "id", ids))


def nodes_by_ix(conn, ixs, brief: bool = False) -> dict[int, Node]:
    return dict(_records(conn, "nodes", "ix", ixs, brief))


def edges_by_id(conn, ids: list[str]) -> dict[str, Edge]:
    return dict(_records(conn, "edges", "id", ids))


def edges_by_ix(conn, ixs, brief: bool = False) -> dict[int, Edge]:
    return dict(_records(conn, "edges", "ix", ixs, brief))


def edge_refs_by_ix(conn, ixs) -> list[tuple[int, str, str, int, int]]:
    """(ix, id, type, src ix, dst ix) of edges, without decoding their JSON."""
    ixs = list(ixs)
    out = []
    for i in range(0, len(ixs), CHUNK):
        q = "SELECT e.ix, e.id, e.type, e.src, e.dst FROM json_each(?) j JOIN edges e ON e.ix = j.value"
        out += conn.execute(q, (ix_param(ixs[i:i + CHUNK]),)).fetchall()
    return out


def nodes_of_type(conn, type_: str, subtype: str | None, after: str, limit: int) -> list[Node]:
    """Nodes of a type (and subtype) with id > ``after``, by id (the ``nodes_type`` index)."""
    q = ("SELECT data FROM nodes WHERE type = ? AND (? IS NULL OR sub = ?) AND id > ? "
         "ORDER BY type, id LIMIT ?")
    return decode_nodes([r[0] for r in conn.execute(q, (type_, subtype, subtype, after, limit))])


def cited(conn, table: str, documents: list[str], cap: int) -> list[str]:
    """The JSON of the records of ``table`` whose sources name any of ``documents``, by id."""
    assert table in ("nodes", "edges")
    q = (f"SELECT t.data FROM {table} t WHERE EXISTS (SELECT 1 FROM json_each(t.data, '$.sources') s "  # noqa: S608
         "WHERE json_extract(s.value, '$.document') IN (SELECT value FROM json_each(?))) ORDER BY t.id LIMIT ?")
    return [r[0] for r in conn.execute(q, (json.dumps(documents), cap))]


def find_by_names(conn, type_: str, keys: list[str]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for i in range(0, len(keys), CHUNK):
        # CROSS JOIN fixes the order: from the keys to their names rows to the nodes. Left to
        # itself SQLite walked every node of the type first (quadratic on large graphs).
        q = ("SELECT k.key, n.id FROM json_each(?) j CROSS JOIN names k ON k.key = j.value "
             "CROSS JOIN nodes n ON n.ix = k.node WHERE n.type = ?")
        for key, nid in conn.execute(q, (json.dumps(keys[i:i + CHUNK]), type_)):
            out.setdefault(key, set()).add(nid)
    return out


def search_candidates(conn, words: list[str], types: list[str] | None, cap: int) -> list[Node]:
    parts, params = [], []
    for w in words:
        parts.append("SELECT node FROM words WHERE word >= ? AND word < ?")
        params += [w, w + "\U0010ffff"]
    q = f"SELECT n.data FROM nodes n WHERE n.ix IN ({' INTERSECT '.join(parts)})"
    if types:
        q += " AND n.type IN (SELECT value FROM json_each(?))"
        params.append(json.dumps(types))
    q += " LIMIT ?"
    params.append(cap)
    return decode_nodes([r[0] for r in conn.execute(q, params)])


def name_keys(conn) -> list[str]:
    return [r[0] for r in conn.execute("SELECT DISTINCT key FROM names")]


def nodes_by_keys(conn, keys: list[str]) -> list[Node]:
    q = ("SELECT DISTINCT n.id, n.data FROM json_each(?) j CROSS JOIN names k ON k.key = j.value "
         "CROSS JOIN nodes n ON n.ix = k.node ORDER BY n.id")  # keys first (see find_by_names)
    return decode_nodes([r[1] for r in conn.execute(q, (json.dumps(keys),))])


def iter_data(conn, table: str) -> Iterator[str]:
    assert table in ("nodes", "edges")
    cur = conn.execute(f"SELECT data FROM {table} ORDER BY id")  # noqa: S608 - fixed table names
    while True:
        rows = cur.fetchmany(2_000)
        if not rows:
            return
        for r in rows:
            yield r[0]


# ---------------------------------------------------------------- writes


def write(conn, schema, nodes: list[Node], edges: list[Edge], progress=None) -> None:
    """Upsert inside the caller's transaction; appends one ``changes`` row per record."""
    bad = [n for n in nodes if n.type not in schema.nodes] + [e for e in edges if e.type not in schema.edges]
    if bad:
        raise ValidationError(
            f"'{bad[0].id}' has type '{bad[0].type}', which the schema does not declare; nothing was written",
            details=[{"field": "type", "value": b.type, "id": b.id} for b in bad[:50]],
        )
    total, done = len(nodes) + len(edges), 0
    nodes = list({n.id: n for n in nodes}.values())
    edges = list({e.id: e for e in edges}.values())
    known = node_ix(conn, [n.id for n in nodes])
    next_ix = conn.execute("SELECT coalesce(max(ix), -1) + 1 FROM nodes").fetchone()[0]
    # the names and words rows of the whole write, inserted in key order once the nodes are in:
    # B-tree inserts in order touch each page once (random order: ~3x slower, measured)
    names: set[tuple[str, int]] = set()
    words: set[tuple[str, int]] = set()
    for i in range(0, len(nodes), CHUNK):
        chunk = nodes[i:i + CHUNK]
        rows, olds = [], []
        for n in chunk:
            ix = known.get(n.id)
            if ix is None:
                ix = known[n.id] = next_ix
                next_ix += 1
            else:
                olds.append(ix)
            rows.append((ix, n.id, n.type, schema.subtype(n), day_number(dates.lower_bound(n.valid_from), None),
                         day_number(dates.upper_bound(n.valid_to), None), encode(n), encode_brief(n, schema)))
            for key in folded_keys(n):
                names.add((key, ix))
                if key[0] != KEY_PREFIX:  # identifier keys ('#lei=...') are no words: a folded query has no '#'
                    for w in key.split():
                        words.add((w, ix))
        if olds:
            conn.execute("DELETE FROM names WHERE node IN (SELECT value FROM json_each(?))", (ix_param(olds),))
            conn.execute("DELETE FROM words WHERE node IN (SELECT value FROM json_each(?))", (ix_param(olds),))
        conn.executemany(
            "INSERT INTO nodes (ix, id, type, sub, vf, vt, data, brief) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(ix) DO UPDATE SET type=excluded.type, sub=excluded.sub, vf=excluded.vf, "
            "vt=excluded.vt, data=excluded.data, brief=excluded.brief", rows)
        conn.executemany("INSERT INTO changes (kind, ix) VALUES ('n', ?)", [(r[0],) for r in rows])
        done += len(chunk)
        if progress:
            progress(done, total)
    if names:
        conn.executemany("INSERT OR IGNORE INTO names (key, node) VALUES (?, ?)", sorted(names))
        conn.executemany("INSERT OR IGNORE INTO words (word, node) VALUES (?, ?)", sorted(words))
        del names, words
    if not edges:
        return
    ends = sorted({x for e in edges for x in (e.source, e.target)} - known.keys())
    known.update(node_ix(conn, ends))
    missing = sorted({x for e in edges for x in (e.source, e.target)} - known.keys())
    if missing:
        raise DanglingReferenceError(
            f"edges refer to nodes that do not exist: {', '.join(missing[:10])}; nothing was written",
            details=[{"field": "source/target", "value": m} for m in missing[:50]],
        )
    eknown: dict[str, int] = {}
    ids = [e.id for e in edges]
    for i in range(0, len(ids), CHUNK):
        q = "SELECT e.id, e.ix FROM json_each(?) j JOIN edges e ON e.id = j.value"
        eknown.update(conn.execute(q, (json.dumps(ids[i:i + CHUNK]),)))
    next_e = conn.execute("SELECT coalesce(max(ix), -1) + 1 FROM edges").fetchone()[0]
    for i in range(0, len(edges), CHUNK):
        rows = []
        for e in edges[i:i + CHUNK]:
            ix = eknown.get(e.id)
            if ix is None:
                ix = next_e
                next_e += 1
            rows.append((ix, e.id, e.type, known[e.source], known[e.target],
                         day_number(dates.lower_bound(e.valid_from), None),
                         day_number(dates.upper_bound(e.valid_to), None), encode(e), encode_brief(e, schema)))
        conn.executemany(
            "INSERT INTO edges (ix, id, type, src, dst, vf, vt, data, brief) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(ix) DO UPDATE SET type=excluded.type, src=excluded.src, dst=excluded.dst, "
            "vf=excluded.vf, vt=excluded.vt, data=excluded.data, brief=excluded.brief", rows)
        conn.executemany("INSERT INTO changes (kind, ix) VALUES ('e', ?)", [(r[0],) for r in rows])
        done += len(rows)
        if progress:
            progress(done, total)


def delete(conn, node_ids: list[str], edge_ids: list[str]) -> None:
    """Delete these nodes (with every edge touching them) and edges, inside the caller's transaction."""
    nix = list(node_ix(conn, list(node_ids)).values())
    eix = []
    for i in range(0, len(edge_ids), CHUNK):
        q = "SELECT e.ix FROM json_each(?) j JOIN edges e ON e.id = j.value"
        eix += [r[0] for r in conn.execute(q, (json.dumps(list(edge_ids)[i:i + CHUNK]),))]
    if nix:
        p = ix_param(nix)
        eix += [r[0] for r in conn.execute(
            "SELECT ix FROM edges WHERE src IN (SELECT value FROM json_each(?)) OR dst IN (SELECT value FROM json_each(?))",
            (p, p))]
    eix = sorted(set(eix))
    if eix:
        conn.execute("DELETE FROM edges WHERE ix IN (SELECT value FROM json_each(?))", (ix_param(eix),))
        conn.executemany("INSERT INTO changes (kind, ix) VALUES ('e', ?)", [(i,) for i in eix])
    if nix:
        p = ix_param(nix)
        for table in ("names", "words"):
            conn.execute(f"DELETE FROM {table} WHERE node IN (SELECT value FROM json_each(?))", (p,))  # noqa: S608
        conn.execute("DELETE FROM nodes WHERE ix IN (SELECT value FROM json_each(?))", (p,))
        conn.executemany("INSERT INTO changes (kind, ix) VALUES ('n', ?)", [(i,) for i in nix])


def clear(conn) -> None:
    for table in ("nodes", "edges", "names", "words", "changes"):
        conn.execute(f"DELETE FROM {table}")  # noqa: S608 - fixed table names
    conn.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key='epoch'")
