"""How much of the curated seed dataset the text loader reproduces from the releases.

Usage: python benchmarks/text_seeds.py SEEDS_DIR [--published 000=2022-05-17 ...] [--verbose]

Runs ``loaders.text.load_text_files`` over the release files in SEEDS_DIR (name
order) into an empty embedded store, each with its publication date and with
the Document id the curated dataset uses for it (by order), then compares with
``regiograph/data/seed``:

* nodes: a curated node is reproduced when an extracted node has its id, or the
  same type and a common name/alias (normalized as in text_eval), or - for
  events and agreements - the same kind (travel kinds count as one) and a date
  that agrees (or no date on either side), reported by the same release; or,
  failing that, the only unmatched one of its kind from the same releases on
  both sides;
* edges: (type, source, target) after mapping extracted ids onto curated ids.

Three edge comparisons: *stated* (curated edges a release backs vs extracted
edges a release backs: the extraction proper), *reference* (edges whose only
source is ``doc:regiograph-reference`` on both sides: seats, parent bodies,
region hierarchy that the loader takes from its gazetteer) and *all* (the whole
graph). Nodes whose only source is the reference document are left out of the
node comparison on both sides.

Then the questions the README asks of the graph, answered by the store the
releases were loaded into (path node ids; "none" when there is no path):
``path Hessen KOSME -k 1``, ``connections Sachsen "Ministry of SMEs and Startups"``,
``path "SAW Components" TIPA -k 1`` and ``connections WFS TIPA``.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from graph.store.embedded import EmbeddedStore  # noqa: E402
from loaders import load_path  # noqa: E402
from loaders.text import load_text_files  # noqa: E402
from loaders.text.gazetteer import name_keys  # noqa: E402

SEED_DATA = ROOT / "regiograph" / "data" / "seed"
REFERENCE = "doc:regiograph-reference"
DEFAULT_PUBLISHED = {"000": "2022-05-17", "001": "2023-09-08", "002": "2019-09-11", "003": "2021", "004": "2019"}
TRAVEL = {"delegation_visit", "trip", "mission"}
QUESTIONS = [
    ("path", "Hessen", "KOSME"),
    ("connections", "Sachsen", "Ministry of SMEs and Startups"),
    ("path", "SAW Components", "TIPA"),
    ("connections", "WFS", "TIPA"),
]


def _only_reference(rec) -> bool:
    return bool(rec.sources) and all(x.document == REFERENCE for x in rec.sources)


def answer(store, kind: str, a: str, b: str) -> dict:
    """One README question against ``store``: the path's node ids (or None) and a readable line."""
    from graph.errors import NotFoundError
    from graph.resolve import resolve_ref
    from graph.store.base import PARTNER_VIA

    try:
        ia, ib = resolve_ref(store, a, "a"), resolve_ref(store, b, "b")
    except NotFoundError as e:
        return {"question": f"{kind} {a!r} {b!r}", "path": None, "error": str(e)}
    if kind == "path":
        res = store.paths(ia, ib, k=1, via=PARTNER_VIA)  # the CLI's and API's default
        path = res.paths[0] if res.paths else None
    else:
        path = store.connections(ia, ib).shortest
    out = {"question": f"{kind} {a!r} {b!r}", "path": path.node_ids() if path else None}
    if path:
        steps = [path.nodes[0].id]
        for hop, n in zip(path.hops, path.nodes[1:]):
            arrow = f"-{hop.edge.type}->" if hop.direction == "forward" else f"<-{hop.edge.type}-"
            ref = " (reference)" if _only_reference(hop.edge) else ""
            steps.append(f"{arrow}{ref} {n.id}")
        out["line"] = " ".join(steps)
    return out


def _keys(names) -> set:
    out = set()
    for n in names:
        out |= name_keys(n)
    return out


def _names(n) -> list[str]:
    if hasattr(n, "all_names"):
        return n.all_names()
    return list(n.name.values()) + [a for v in n.aliases.values() for a in v]


def _date(n) -> str:
    p = n.properties
    return str(p.get("signed") or p.get("start") or "")


def align(curated: list, extracted: list) -> dict[str, str]:
    """extracted id -> curated id."""
    out: dict[str, str] = {}
    used: set[str] = set()
    cur_by_id = {c.id: c for c in curated}
    for e in extracted:  # 1. same id
        if e.id in cur_by_id and cur_by_id[e.id].type == e.type:
            out[e.id] = e.id
            used.add(e.id)
    for e in extracted:  # 2. same name
        if e.id in out:
            continue
        ek = _keys(_names(e))
        for c in curated:
            if c.id in used or c.type != e.type:
                continue
            if ek & _keys(_names(c)):
                out[e.id] = c.id
                used.add(c.id)
                break
    for e in extracted:  # 3. events/agreements by kind and date
        if e.id in out or e.type not in ("Event", "Agreement"):
            continue
        for c in curated:
            if c.id in used or c.type != e.type:
                continue
            ka, kb = e.properties.get("kind"), c.properties.get("kind")
            if not (ka == kb or (ka in TRAVEL and kb in TRAVEL)):
                continue
            if not ({x.document for x in e.sources} & {x.document for x in c.sources}):
                continue  # the same release must report both
            da, db = _date(e), _date(c)
            if (da and db and (da.startswith(db) or db.startswith(da))) or (not da and not db):
                out[e.id] = c.id
                used.add(c.id)
                break
    # 4. the only unmatched event/agreement of a kind that a release reports, on both sides
    def group(n) -> tuple:
        kind = n.properties.get("kind")
        return (n.type, "travel" if kind in TRAVEL else kind, frozenset(x.document for x in n.sources))

    left: dict[tuple, list] = {}
    right: dict[tuple, list] = {}
    for e in extracted:
        if e.id not in out and e.type in ("Event", "Agreement"):
            left.setdefault(group(e), []).append(e)
    for c in curated:
        if c.id not in used and c.type in ("Event", "Agreement"):
            right.setdefault(group(c), []).append(c)
    for g, es in left.items():
        cs = right.get(g, [])
        if len(es) == 1 and len(cs) == 1:
            out[es[0].id] = cs[0].id
            used.add(cs[0].id)
    return out


def run(seeds_dir: Path, published: dict[str, str], verbose: bool = False) -> dict:
    curated_batch = load_path(SEED_DATA)
    with tempfile.TemporaryDirectory() as tmp:
        cur_store = EmbeddedStore(Path(tmp) / "curated")
        cur_store.load(curated_batch)
        curated_nodes = list(cur_store.iter_nodes())
        curated_edges = list(cur_store.iter_edges())
        # the curated Document nodes are in release order in 00-documents.yaml
        order = [r.id for r in curated_batch.nodes if r.type == "Document" and r.id != REFERENCE]
        files = sorted(p for p in Path(seeds_dir).iterdir() if p.is_file() and p.suffix.lower() in (".txt", ".md", ".html", ".htm"))
        doc_ids = {f.name: order[i] for i, f in enumerate(files) if i < len(order)}
        pub = {f.name: published.get(f.name[:3]) for f in files}
        store = EmbeddedStore(Path(tmp) / "text")
        result = load_text_files(files, store, published=pub, doc_ids=doc_ids)
        all_ext_nodes = [n for n in store.iter_nodes() if n.type != "Document"]
        ext_nodes = [n for n in all_ext_nodes if not _only_reference(n)]
        ext_edges = list(store.iter_edges())
        cur_cmp = [n for n in curated_nodes if n.type != "Document" and not _only_reference(n)]
        amap = align(cur_cmp, ext_nodes)
        matched_cur = set(amap.values())
        # edges: map every extracted node, reference-only ones too (gazetteer ids equal curated ids)
        emap = dict(amap)
        emap.update(align([n for n in curated_nodes if n.type != "Document" and n.id not in matched_cur],
                          [n for n in all_ext_nodes if n.id not in amap]))
        node_rows = Counter()
        node_hits = Counter()
        for c in cur_cmp:
            node_rows[c.type] += 1
            node_hits[c.type] += c.id in matched_cur

        def key(e):
            return (e.type, emap.get(e.source, "?" + e.source), emap.get(e.target, "?" + e.target))

        cur_e = {(e.type, e.source, e.target) for e in curated_edges if not _only_reference(e)}
        ext_e = {key(e) for e in ext_edges if not _only_reference(e)}
        cur_ref = {(e.type, e.source, e.target) for e in curated_edges if _only_reference(e)}
        ext_ref = {key(e) for e in ext_edges if _only_reference(e)}
        cur_all = cur_e | cur_ref
        ext_all = ext_e | ext_ref
        hit_e = cur_e & ext_e
        edge_rows = Counter(t for t, _, _ in cur_e)
        edge_hits = Counter(t for t, _, _ in hit_e)
        ext_rows = Counter(t for t, _, _ in ext_e)
        answers = [answer(store, *q) for q in QUESTIONS]
        if verbose:
            for c in cur_cmp:
                if c.id not in matched_cur:
                    print(f"missed node   {c.type:12s} {c.id}  {c.label}")
            for n in ext_nodes:
                if n.id not in amap:
                    print(f"extra node    {n.type:12s} {n.id}  {n.label}")
            for e in sorted(cur_e - ext_e):
                print(f"missed edge   {e}")
            for e in sorted(ext_e - cur_e):
                print(f"extra edge    {e}")
            for e in sorted(cur_ref - ext_all):
                print(f"missed reference edge {e}")
            for e in sorted(ext_ref - cur_all):
                print(f"extra reference edge  {e}")
        return {
            "files": len(files),
            "loaded": result.report.to_dict(),
            "reviews": len(result.reviews),
            "nodes": {"curated": len(cur_cmp), "reproduced": len(matched_cur), "extracted": len(ext_nodes),
                      "extracted_matching": len(amap), "by_type": {t: (node_hits[t], node_rows[t]) for t in sorted(node_rows)}},
            "edges": {"curated": len(cur_e), "reproduced": len(hit_e), "extracted": len(ext_e),
                      "by_type": {t: (edge_hits[t], edge_rows[t], ext_rows[t]) for t in sorted(set(edge_rows) | set(ext_rows))}},
            "reference_edges": {"curated": len(cur_ref), "reproduced": len(cur_ref & ext_all), "extracted": len(ext_ref),
                                "extracted_curated": len(ext_ref & cur_all)},
            "all_edges": {"curated": len(cur_all), "reproduced": len(cur_all & ext_all), "extracted": len(ext_all)},
            "answers": answers,
        }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("seeds_dir")
    ap.add_argument("--published", action="append", default=[], metavar="NNN=DATE",
                    help="publication date of the release whose file name starts with NNN (default: the known dates)")
    ap.add_argument("--verbose", "-v", action="store_true")
    args = ap.parse_args(argv)
    pub = dict(DEFAULT_PUBLISHED)
    for item in args.published:
        k, _, v = item.partition("=")
        pub[k.strip()] = v.strip()
    r = run(Path(args.seeds_dir), pub, verbose=args.verbose)
    n, e = r["nodes"], r["edges"]
    print(f"files: {r['files']}  loaded: {r['loaded']}  review items: {r['reviews']}")
    print(f"nodes: reproduced {n['reproduced']}/{n['curated']} curated ({n['reproduced'] / max(1, n['curated']):.1%}); "
          f"{n['extracted_matching']}/{n['extracted']} extracted nodes match a curated one ({n['extracted_matching'] / max(1, n['extracted']):.1%})")
    for t, (h, c) in n["by_type"].items():
        print(f"  {t:13s} {h:3d}/{c:<3d}")
    print(f"edges: reproduced {e['reproduced']}/{e['curated']} curated ({e['reproduced'] / max(1, e['curated']):.1%}); "
          f"{e['reproduced']}/{e['extracted']} extracted edges are curated ({e['reproduced'] / max(1, e['extracted']):.1%})")
    for t, (h, c, x) in e["by_type"].items():
        print(f"  {t:16s} {h:3d}/{c:<3d} (extracted {x})")
    rf, al = r["reference_edges"], r["all_edges"]
    print(f"reference edges (doc:regiograph-reference only): reproduced {rf['reproduced']}/{rf['curated']} curated; "
          f"{rf['extracted_curated']}/{rf['extracted']} added by the loader are in the curated graph")
    print(f"all edges: reproduced {al['reproduced']}/{al['curated']} curated ({al['reproduced'] / max(1, al['curated']):.1%}); "
          f"{al['extracted']} extracted")
    print("questions (store loaded from the releases only):")
    for a in r["answers"]:
        print(f"  {a['question']}: {a.get('line') or a.get('error') or 'no path'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
