"""The embedded store's in-memory index: compact arrays, no Python object per node or edge.

* per node: type code (int16), subtype code (int16), validity bounds (int32 day numbers);
* per edge: source, target (int32), type code (int16), validity bounds (int32);
* CSR adjacency (undirected): ``indptr`` (int64) and per entry the neighbour (int32) and
  the edge (int32), each node's entries sorted by neighbour, so the edges between two
  nodes are found by binary search;
* ``order``: node ixs sorted by node id (``rank`` its inverse), so "sorted by id" is an
  integer comparison and a capped neighbourhood is a partial selection;
* a delta: edges added since the CSR was built, per node, merged into the CSR when it
  grows past ``DELTA_MAX`` (a rebuild is a few numpy sorts).

Absent (deleted or never written) nodes and edges carry the type code ``len(types)``,
which every type mask maps to False.

The arrays are saved next to the database (``index/<name>/*.npy`` plus ``meta.json``
naming the change-log position they reflect) and memory-mapped on open, so reopening
costs a few file maps plus the changes written since; processes on the same store
share those pages.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import numpy as np

from . import db as sqldb

DELTA_MAX = 50_000
INDEX_FORMAT = 1
_NODE_COLS = ("ntype", "nsub", "nvf", "nvt")
_EDGE_COLS = ("esrc", "edst", "etype", "evf", "evt")
_CSR = ("indptr", "nbr", "eix", "order")


def unique(a: np.ndarray) -> np.ndarray:
    """``np.unique`` by sorting: the same sorted distinct values, many times faster on large
    integer arrays than the hash-based default of recent numpy versions."""
    a = np.sort(np.asarray(a).ravel())
    if len(a) < 2:
        return a
    keep = np.empty(len(a), dtype=bool)
    keep[0] = True
    np.not_equal(a[1:], a[:-1], out=keep[1:])
    return a[keep]


class Column:
    """A growable numpy column (capacity doubles)."""

    def __init__(self, dtype, fill, data: np.ndarray | None = None) -> None:
        self.fill = fill
        self.a = np.array(data, dtype=dtype) if data is not None else np.empty(0, dtype=dtype)
        self.n = len(self.a)

    def ensure(self, n: int) -> None:
        if n > len(self.a):
            cap = max(n, 2 * len(self.a), 1024)
            new = np.full(cap, self.fill, dtype=self.a.dtype)
            new[: self.n] = self.a[: self.n]
            self.a = new
        self.n = max(self.n, n)

    def view(self) -> np.ndarray:
        return self.a[: self.n]


class ArrayIndex:
    def __init__(self, schema) -> None:
        self.node_types = sorted(schema.nodes)
        self.edge_types = sorted(schema.edges)
        subs = set()
        for nt in schema.nodes.values():
            prop = nt.properties.get(nt.subtype_property) if nt.subtype_property else None
            if prop is not None:
                subs.update(prop.values)
        self.subtypes = sorted(subs)
        self.ncode = {t: i for i, t in enumerate(self.node_types)}
        self.ecode = {t: i for i, t in enumerate(self.edge_types)}
        self.scode = {s: i for i, s in enumerate(self.subtypes)}
        self.NT, self.ET = len(self.node_types), len(self.edge_types)
        self.reset()

    def reset(self) -> None:
        self.ntype = Column(np.int16, self.NT)
        self.nsub = Column(np.int16, -1)
        self.nvf = Column(np.int32, sqldb.LO)
        self.nvt = Column(np.int32, sqldb.HI)
        self.esrc = Column(np.int32, -1)
        self.edst = Column(np.int32, -1)
        self.etype = Column(np.int16, self.ET)
        self.evf = Column(np.int32, sqldb.LO)
        self.evt = Column(np.int32, sqldb.HI)
        self.indptr = np.zeros(1, dtype=np.int64)
        self.nbr = np.empty(0, dtype=np.int32)
        self.eix = np.empty(0, dtype=np.int32)
        self.order = np.empty(0, dtype=np.int32)
        self.rank = np.empty(0, dtype=np.int64)
        self.csr_nodes = 0
        self.csr_edges = 0
        self.delta: dict[int, list[int]] = {}
        self.delta_count = 0
        self.seq = 0
        self.epoch = None
        self.ranked = 0  # nodes covered by ``order``
        self.stale = False  # an edge in the CSR changed its ends: rebuild before use

    # --------------------------------------------------------------- build

    def signature(self) -> dict:
        return {"format": INDEX_FORMAT, "node_types": self.node_types, "edge_types": self.edge_types,
                "subtypes": self.subtypes}

    def apply_nodes(self, rows) -> None:
        """rows: (ix, type, sub, vf, vt) of written nodes; (ix, None, ...) marks a deleted one."""
        if not rows:
            return
        ix = np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))
        top = int(ix.max()) + 1
        for c in (self.ntype, self.nsub, self.nvf, self.nvt):
            c.ensure(top)
        self.ntype.a[ix] = [self.ncode.get(r[1], self.NT) if r[1] else self.NT for r in rows]
        self.nsub.a[ix] = [self.scode.get(r[2], -1) if r[2] else -1 for r in rows]
        self.nvf.a[ix] = [r[3] if r[3] is not None else sqldb.LO for r in rows]
        self.nvt.a[ix] = [r[4] if r[4] is not None else sqldb.HI for r in rows]

    def apply_edges(self, rows) -> None:
        """rows: (ix, type, src, dst, vf, vt) of written edges; (ix, None, ...) marks a deleted one."""
        if not rows:
            return
        if any(not r[1] for r in rows):
            self.stale = True  # deletions: fold them out of the CSR and the delta before the next query
        ix = np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))
        top = int(ix.max()) + 1
        for c in (self.esrc, self.edst, self.etype, self.evf, self.evt):
            c.ensure(top)
        src = np.array([r[2] if r[1] else -1 for r in rows], dtype=np.int32)
        dst = np.array([r[3] if r[1] else -1 for r in rows], dtype=np.int32)
        in_csr = ix < self.csr_edges
        if in_csr.any():
            alive = np.array([bool(r[1]) for r in rows])
            moved = in_csr & alive & ((self.esrc.a[ix] != src) | (self.edst.a[ix] != dst))
            if moved.any():
                self.stale = True
        old_type = self.etype.a[ix].copy()
        self.etype.a[ix] = [self.ecode.get(r[1], self.ET) if r[1] else self.ET for r in rows]
        self.esrc.a[ix] = src
        self.edst.a[ix] = dst
        self.evf.a[ix] = [r[4] if r[4] is not None else sqldb.LO for r in rows]
        self.evt.a[ix] = [r[5] if r[5] is not None else sqldb.HI for r in rows]
        new = np.nonzero(~in_csr & (old_type == self.ET) & (src >= 0))[0]
        if self.delta_count + len(new) > self.delta_limit():
            self.stale = True  # too many for the delta: the next rebuild reads them from the columns
            return
        for k in new:
            e, u, v = int(ix[k]), int(src[k]), int(dst[k])
            self.delta.setdefault(u, []).append(e)
            self.delta.setdefault(v, []).append(e)
            self.delta_count += 1

    def rebuild(self) -> None:
        """The CSR from the edge columns (and the delta folded in)."""
        n, m = self.ntype.n, self.etype.n
        et = self.etype.view()
        live = np.nonzero(et < self.ET)[0].astype(np.int32)
        src, dst = self.esrc.a[live], self.edst.a[live]
        u = np.concatenate([src, dst])
        v = np.concatenate([dst, src])
        e = np.concatenate([live, live])
        perm = np.lexsort((v, u))
        self.nbr = v[perm].astype(np.int32)
        self.eix = e[perm].astype(np.int32)
        counts = np.bincount(u, minlength=n) if len(u) else np.zeros(n, dtype=np.int64)
        self.indptr = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(counts, out=self.indptr[1:])
        self.csr_nodes, self.csr_edges = n, m
        self.delta, self.delta_count, self.stale = {}, 0, False

    def set_order(self, order: np.ndarray) -> None:
        """``order``: node ixs sorted by id, possibly read from a newer snapshot than the
        index: nodes the index does not know yet are left out (ranks stay in id order)."""
        order = np.asarray(order, dtype=np.int64)
        known = order < self.ntype.n
        self.order = order[known].astype(np.int32)
        self.rank = np.full(self.ntype.n, len(order) + 1, dtype=np.int64)
        self.rank[self.order] = np.arange(len(self.order))
        self.ranked = self.ntype.n

    def delta_limit(self) -> int:
        """The delta is walked in Python: it holds at most a few thousand edges or a
        twentieth of the CSR, and never more than ``DELTA_MAX``."""
        return min(DELTA_MAX, max(2_000, self.csr_edges // 20))

    def needs_rebuild(self) -> bool:
        limit = self.delta_limit()
        return self.stale or self.delta_count > limit or self.ntype.n > len(self.indptr) - 1 + limit

    # ---------------------------------------------------------- traversal

    def masks(self, edge_types, node_types):
        em = np.ones(self.ET + 1, dtype=bool)
        em[self.ET] = False
        if edge_types is not None:
            em[:] = False
            em[[self.ecode[t] for t in edge_types]] = True
        nm = np.ones(self.NT + 1, dtype=bool)
        nm[self.NT] = False
        if node_types is not None:
            nm[:] = False
            nm[[self.ncode[t] for t in node_types]] = True
        return em, nm

    def via_table(self, via: set[str] | None) -> np.ndarray | None:
        """passable[type code, subtype code + 1]: may the node stand between path ends."""
        if via is None:
            return None
        tab = np.zeros((self.NT + 1, len(self.subtypes) + 1), dtype=bool)
        for entry in via:
            t, _, sub = entry.partition(":")
            if t not in self.ncode:
                continue
            if sub:
                if sub in self.scode:
                    tab[self.ncode[t], self.scode[sub] + 1] = True
            else:
                tab[self.ncode[t], :] = True
        return tab

    def passable(self, nodes: np.ndarray, tab: np.ndarray | None) -> np.ndarray:
        if tab is None:
            return np.ones(len(nodes), dtype=bool)
        return tab[self.ntype.a[nodes], self.nsub.a[nodes] + 1]

    def valid_nodes(self, nodes: np.ndarray, nm: np.ndarray, as_of: tuple[int, int] | None) -> np.ndarray:
        """Nodes of an allowed type valid at any day of ``as_of`` (first, last day number)."""
        ok = nm[self.ntype.a[nodes]]
        if as_of is not None:
            ok &= (self.nvf.a[nodes] <= as_of[1]) & (self.nvt.a[nodes] >= as_of[0])
        return ok

    def entries(self, frontier: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(from node, neighbour, edge) of every adjacency entry of the frontier (CSR and delta)."""
        f = frontier[frontier < self.csr_nodes]
        starts = self.indptr[f]
        lens = self.indptr[f + 1] - starts
        total = int(lens.sum())
        if total:
            offs = np.repeat(starts - np.concatenate(([0], np.cumsum(lens)[:-1])), lens)
            idx = np.arange(total, dtype=np.int64) + offs
            frm, nb, ee = np.repeat(f, lens), self.nbr[idx], self.eix[idx]
        else:
            frm = nb = ee = np.empty(0, dtype=np.int32)
        if self.delta:
            keys = frontier.tolist() if len(frontier) < len(self.delta) else [k for k in self.delta]
            fset = None if len(frontier) < len(self.delta) else set(frontier.tolist())
            extra_f, extra_n, extra_e = [], [], []
            for u in keys:
                if fset is not None and u not in fset:
                    continue
                for e in self.delta.get(u, ()):
                    s, d = int(self.esrc.a[e]), int(self.edst.a[e])
                    extra_f.append(u)
                    extra_n.append(d if s == u else s)
                    extra_e.append(e)
            if extra_f:
                frm = np.concatenate([frm, np.array(extra_f, dtype=np.int32)])
                nb = np.concatenate([nb, np.array(extra_n, dtype=np.int32)])
                ee = np.concatenate([ee, np.array(extra_e, dtype=np.int32)])
        return frm, nb, ee

    def allowed(self, ee: np.ndarray, em: np.ndarray, as_of: tuple[int, int] | None) -> np.ndarray:
        """Edges of an allowed type valid at any day of ``as_of`` (first, last day number)."""
        ok = em[self.etype.a[ee]]
        if as_of is not None:
            ok &= (self.evf.a[ee] <= as_of[1]) & (self.evt.a[ee] >= as_of[0])
        return ok

    def expand(self, frontier: np.ndarray, em, nm, as_of) -> np.ndarray:
        """Distinct allowed neighbours of the frontier (edge and node filters applied)."""
        _f, nb, ee = self.entries(frontier)
        ok = self.allowed(ee, em, as_of)
        nb = nb[ok]
        nb = nb[self.valid_nodes(nb, nm, as_of)]
        if len(nb) > self.ntype.n // 8:  # many entries: a mark per node beats sorting them
            mark = np.zeros(self.ntype.n, dtype=bool)
            mark[nb] = True
            return np.flatnonzero(mark)
        return unique(nb)

    # -------------------------------------------------------- persistence

    def save(self, folder: Path, seq: int, epoch: str) -> None:
        """Write the arrays under ``folder/index`` atomically (a new directory, then the pointer)."""
        root = folder / "index"
        root.mkdir(exist_ok=True)
        name = f"i{seq}-{os.getpid()}-{time.time_ns()}"
        tmp = root / (name + ".tmp")
        tmp.mkdir()
        arrays = {c: getattr(self, c).view() for c in _NODE_COLS + _EDGE_COLS}
        arrays.update({c: getattr(self, c) for c in _CSR})
        for k, a in arrays.items():
            np.save(tmp / f"{k}.npy", a)
        meta = {**self.signature(), "seq": seq, "epoch": epoch, "csr_nodes": self.csr_nodes,
                "csr_edges": self.csr_edges, "ranked": self.ranked}
        (tmp / "meta.json").write_text(json.dumps(meta))
        os.replace(tmp, root / name)
        ptr = root / f"CURRENT.{os.getpid()}"
        ptr.write_text(name)
        os.replace(ptr, root / "CURRENT")
        for old in root.iterdir():  # mapped files stay readable for processes that hold them
            if old.name not in (name, "CURRENT") and not old.name.startswith("CURRENT"):
                if old.name.endswith(".tmp") and time.time() - old.stat().st_mtime < 600:
                    continue
                shutil.rmtree(old, ignore_errors=True)

    def load(self, folder: Path, epoch: str) -> bool:
        """Map the saved arrays; False when there are none or they do not fit this schema/epoch."""
        root = folder / "index"
        try:
            name = (root / "CURRENT").read_text().strip()
            d = root / name
            meta = json.loads((d / "meta.json").read_text())
        except (OSError, ValueError):
            return False
        if {k: meta.get(k) for k in self.signature()} != self.signature() or meta.get("epoch") != epoch:
            return False
        try:
            # plain array views of the maps (same pages): indexing a ``np.memmap`` runs Python code per call
            cols = {c: np.asarray(np.load(d / f"{c}.npy", mmap_mode="c")) for c in _NODE_COLS + _EDGE_COLS}
            csr = {c: np.asarray(np.load(d / f"{c}.npy", mmap_mode="r")) for c in _CSR}
        except (OSError, ValueError):
            return False
        self.reset()
        for c in _NODE_COLS + _EDGE_COLS:
            col = getattr(self, c)
            col.a, col.n = cols[c], len(cols[c])
        self.indptr, self.nbr, self.eix, self.order = csr["indptr"], csr["nbr"], csr["eix"], csr["order"]
        self.csr_nodes, self.csr_edges = meta["csr_nodes"], meta["csr_edges"]
        self.rank = np.full(self.ntype.n, len(self.order) + 1, dtype=np.int64)
        self.rank[np.asarray(self.order, dtype=np.int64)] = np.arange(len(self.order))
        self.ranked = meta["ranked"]
        self.seq, self.epoch = meta["seq"], epoch
        return True
