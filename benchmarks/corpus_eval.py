"""Precision, recall and F1 of the text loader on the third-party corpus (dev and test splits).

Usage: python benchmarks/corpus_eval.py [--corpus DIR] [--split dev|test|all] [--verbose] [--only KEY]
       [--min-confidence X] [--confidence-file FILE]

The corpus (real press releases with hand-made gold annotations) is not part of
the repository: its sentences are not ours. It is read at run time from
``--corpus``, else ``$REGIOGRAPH_CORPUS``, else ``../shared/corpus`` beside the
project (for a git worktree also beside the main checkout). When it is not
there the script says so and exits with status 2.

Corpus layout: ``texts/<key>.txt`` (first line ``# source: URL``, second
``# lang: de|en``), ``gold_de.yaml`` / ``gold_en.yaml`` (per key: ``entities``
``{name, type, aliases, norm}``, ``relations`` ``[subject, relation, object,
...]``; a relation line commented ``# implied`` is not stated literally),
``split.yaml`` (the ``test`` keys; every other key is dev).

Matching
--------
* Entity: an extracted node (Documents, Topics and reference-only nodes left
  out; the gold has no topics) matches a gold entity of the same type when one
  of the node's names or aliases equals the gold name, ``norm`` or an alias after
  normalization (``loaders.text.gazetteer.name_keys``: case, accents,
  punctuation, German inflection endings). Agreements and Events, whose gold
  names are descriptions ("offizielle Protokoll"), then pair with a remaining
  gold entity of the same type in order of appearance. One-to-one.
* Relation: (type, subject, object) with both ends mapped to gold entities; the
  gold relation name upper-cased is the edge type (checked against the schema);
  ``PARTNER_OF`` is symmetric; ``TRADES_WITH`` also needs the direction (an edge
  from the partner with the opposite direction is the same flow) and, when the
  gold states a year, the year (a year written as a string, "2017", is that
  year; a phrase such as "last year" or "Since 2010" counts as no year
  stated, and so does a year the comment marks ``# implied year``: the flow
  is stated, its year is left to the context). Role, value and other extras
  are not compared. A relation whose comment says ``implied`` anywhere
  ("# planned, implied", "# implied subject") is implied.
* Two relation rows: ``stated`` compares the edges the text states (reference
  facts left out) with the gold relations not marked ``# implied``; an edge
  that matches an implied gold relation is neither a hit nor an error there
  (the gold says it is true, but does not require it); ``all`` compares every
  edge, reference facts included, with every gold relation.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.text_eval import Score, _keys  # noqa: E402
from graph.schema import default_schema  # noqa: E402
from loaders.text import extract  # noqa: E402
from loaders.text.extract import is_reference  # noqa: E402

SCHEMA = default_schema()
DOCUMENT, TOPIC = "Document", "Topic"  # node types read from the schema below
assert DOCUMENT in SCHEMA.nodes and TOPIC in SCHEMA.nodes
DESCRIBED = tuple(t for t in ("Agreement", "Event") if t in SCHEMA.nodes)  # gold names are descriptions
TRADES = "TRADES_WITH"
SYMMETRIC = {"PARTNER_OF"}
assert TRADES in SCHEMA.edges and SYMMETRIC <= set(SCHEMA.edges)


class CorpusMissing(Exception):
    pass


def corpus_dir(explicit: str | None = None) -> Path:
    """The corpus folder, or CorpusMissing naming the places looked at."""
    cands: list[Path] = []
    if explicit:
        cands.append(Path(explicit))
    elif os.environ.get("REGIOGRAPH_CORPUS"):
        cands.append(Path(os.environ["REGIOGRAPH_CORPUS"]))
    else:
        cands.append(ROOT.parent / "shared" / "corpus")
        try:  # a git worktree: beside the main checkout too
            common = subprocess.run(["git", "rev-parse", "--git-common-dir"], cwd=ROOT, capture_output=True,
                                    text=True, timeout=10).stdout.strip()
            if common:
                main = (ROOT / common).resolve().parent
                cands.append(main.parent / "shared" / "corpus")
        except (OSError, subprocess.SubprocessError):
            pass
    for c in cands:
        if (c / "split.yaml").is_file() and (c / "texts").is_dir():
            return c
    raise CorpusMissing(
        "corpus not found (looked in: " + ", ".join(str(c) for c in cands) + "). It is not part of the repository; "
        "put it at ../shared/corpus beside the project or pass --corpus DIR / set REGIOGRAPH_CORPUS."
    )


@dataclass
class Doc:
    key: str
    lang: str
    source_url: str | None
    text: str
    entities: list[dict]
    relations: list[tuple]
    implied: set[int] = field(default_factory=set)  # indexes into relations


def _implied_lines(raw: str) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Per key, the relation lines (as written) whose comment marks them implied ('# implied', '# planned,
    implied', '# implied subject'), and those whose comment marks only the year implied ('# implied year'):
    a stated flow whose year the text leaves to the context."""
    implied: dict[str, list[str]] = defaultdict(list)
    year_only: dict[str, list[str]] = defaultdict(list)
    key = None
    for line in raw.splitlines():
        m = re.match(r"^([A-Za-z0-9_]+):\s*$", line)
        if m:
            key = m.group(1)
            continue
        m = re.match(r"^\s*-\s*(\[.*\])\s*#(?P<c>.*)$", line)
        if not (m and key):
            continue
        if re.search(r"\bimplied\s+year\b", m.group("c")):
            year_only[key].append(m.group(1))
        elif re.search(r"\bimplied\b", m.group("c")):
            implied[key].append(m.group(1))
    return implied, year_only


def read_corpus(cdir: Path, split: str) -> list[Doc]:
    test = set(yaml.safe_load((cdir / "split.yaml").read_text(encoding="utf-8")).get("test") or [])
    docs: list[Doc] = []
    for gf in sorted(cdir.glob("gold_*.yaml")):
        raw = gf.read_text(encoding="utf-8")
        gold = yaml.safe_load(raw) or {}
        implied, year_only = _implied_lines(raw)
        for key, g in gold.items():
            in_test = key in test
            if split != "all" and (split == "test") != in_test:
                continue
            path = cdir / "texts" / f"{key}.txt"
            if not path.is_file():
                raise CorpusMissing(f"{gf}: key {key!r} has no text {path}")
            lines = path.read_text(encoding="utf-8").split("\n")
            src = lang = None
            while lines and lines[0].startswith("# ") and ":" in lines[0]:
                k, _, v = lines.pop(0)[2:].partition(":")
                if k.strip() == "source":
                    src = v.strip()
                elif k.strip() == "lang":
                    lang = v.strip()
            rels = [tuple(r) for r in g.get("relations") or []]
            imp_rows = [tuple(yaml.safe_load(x)) for x in implied.get(key, [])]
            year_rows = [tuple(yaml.safe_load(x)) for x in year_only.get(key, [])]
            # a stated flow whose year is implied: compared without its year
            rels = [(r[:3] + (None,) + r[4:]) if r in year_rows and len(r) > 3 else r for r in rels]
            d = Doc(key, lang or "de", src, "\n".join(lines).lstrip("\n"), list(g.get("entities") or []), rels)
            d.implied = {i for i, r in enumerate(rels) if r in imp_rows}
            docs.append(d)
    return sorted(docs, key=lambda d: d.key)


def _names(g: dict) -> list[str]:
    return [g["name"]] + ([g["norm"]] if g.get("norm") else []) + list(g.get("aliases") or [])


def align(gold: list[dict], nodes: list) -> dict[str, int]:
    """node id -> index of the gold entity."""
    out: dict[str, int] = {}
    used: set[int] = set()
    gkeys = [_keys(_names(g)) for g in gold]
    for n in nodes:
        nk = _keys(list(n.name.values()) + [a for v in n.aliases.values() for a in v])
        for i, g in enumerate(gold):
            if i not in used and g["type"] == n.type and gkeys[i] & nk:
                out[n.id] = i
                used.add(i)
                break
    for n in nodes:
        if n.id in out or n.type not in DESCRIBED:
            continue
        for i, g in enumerate(gold):
            if i not in used and g["type"] == n.type:
                out[n.id] = i
                used.add(i)
                break
    return out


def _gold_index(gold: list[dict]) -> dict[str, int]:
    idx: dict[str, int] = {}
    for i, g in enumerate(gold):
        for n in _names(g):
            idx.setdefault(n, i)
    return idx


def _edge_key(e, amap: dict[str, int]) -> tuple | None:
    s, t = amap.get(e.source), amap.get(e.target)
    if s is None or t is None:
        return None
    if e.type in SYMMETRIC:
        s, t = min(s, t), max(s, t)
    if e.type == TRADES:
        return (e.type, s, t, e.properties.get("direction"), e.properties.get("year"))
    return (e.type, s, t)


def _flip(k: tuple) -> tuple:
    d = {"export": "import", "import": "export"}.get(k[3], k[3])
    return (k[0], k[2], k[1], d, k[4])


def _gold_key(r: tuple, gidx: dict[str, int], where: str) -> tuple:
    s, rel, o = r[0], r[1], r[2]
    etype = str(rel).upper()
    if etype not in SCHEMA.edges:
        raise ValueError(f"{where}: relation {rel!r} is not an edge type of the schema")
    if s not in gidx or o not in gidx:
        raise ValueError(f"{where}: relation {list(r)} names an entity the gold does not list")
    a, b = gidx[s], gidx[o]
    if etype in SYMMETRIC:
        a, b = min(a, b), max(a, b)
    if etype == TRADES:
        year = _gold_year(r[3] if len(r) > 3 else None)
        flow = r[5] if len(r) > 5 else None
        return (etype, a, b, flow, year)
    return (etype, a, b)


def _gold_year(year):
    """The year of a gold trade figure as a number: "2017" written as a string is 2017; a phrase ("last year",
    "Since 2010") names no single calendar year and is treated as no year stated."""
    if isinstance(year, str):
        return int(year) if re.fullmatch(r"\s*\d{4}\s*", year) else None
    return year


def _match_rel(gk: tuple, got: list[tuple]) -> tuple | None:
    for k in got:
        if gk[0] != TRADES:
            if k == gk:
                return k
            continue
        if k[0] != TRADES:
            continue
        for kk in (k, _flip(k)):
            if kk[1:3] == gk[1:3] and (gk[3] is None or kk[3] == gk[3]) and (gk[4] is None or kk[4] == gk[4]):
                return k
    return None


@dataclass
class Result:
    ent: Score = field(default_factory=Score)
    stated: Score = field(default_factory=Score)
    allrel: Score = field(default_factory=Score)
    ent_by: dict = field(default_factory=lambda: defaultdict(Score))
    rel_by: dict = field(default_factory=lambda: defaultdict(Score))  # stated, per edge type
    docs: int = 0
    seconds: float = 0.0


@dataclass
class RowMatch:
    """Relations of one text compared with its gold: each edge with its verdict ('tp', 'fp',
    'implied': matches a gold relation marked implied, 'dup': the same key as an earlier edge,
    counted once) and its key (None: an end matches no gold entity), and the gold keys not found."""

    edges: list[tuple] = field(default_factory=list)  # (edge, verdict, key)
    fn: list[tuple] = field(default_factory=list)


def extract_doc(d: Doc, min_confidence: float = 0.0, confidences=None):
    """The loader's extraction of one corpus text (``confidences``: a rule table other than the bundled one)."""
    return extract(d.text, doc_id=f"doc:{d.key}", published=None, title=None, source_url=d.source_url,
                   language=d.lang, known=None, min_confidence=min_confidence, confidences=confidences)


def scored_nodes(x) -> list:
    """The nodes compared with the gold entities (no Documents, Topics or reference-only nodes)."""
    return [n for n in x.batch.nodes if n.type not in (DOCUMENT, TOPIC) and not is_reference(n)]


def match_relations(d: Doc, x, amap: dict[str, int], stated_only: bool = True) -> RowMatch:
    """Compare the extraction's edges with the gold relations (``stated_only``: without reference
    facts and gold relations marked implied; an edge matching an implied one is 'implied')."""
    topics = {n.id for n in x.batch.nodes if n.type == TOPIC}
    gidx = _gold_index(d.entities)
    edges = [e for e in x.batch.edges if not (stated_only and is_reference(e))
             and e.source not in topics and e.target not in topics]
    out = RowMatch()
    first: dict[tuple, int] = {}  # key -> index in out.edges of the edge that brought it
    for e in edges:
        k = _edge_key(e, amap)
        if k is not None and k in first:
            out.edges.append((e, "dup", k))
            continue
        if k is not None:
            first[k] = len(out.edges)
        out.edges.append((e, "fp", k))  # until a gold relation claims it
    left = list(first)

    def claim(gk: tuple, verdict: str) -> bool:
        m = _match_rel(gk, left)
        if m is None:
            return False
        left.remove(m)
        i = first[m]
        out.edges[i] = (out.edges[i][0], verdict, m)
        return True

    gold = [_gold_key(r, gidx, f"{d.key} relation {n + 1}") for n, r in enumerate(d.relations)
            if not (stated_only and n in d.implied)]
    for gk in sorted(gold, key=lambda k: 0 if k[0] == TRADES and k[4] is not None else 1):
        if not claim(gk, "tp"):
            out.fn.append(gk)
    if stated_only:
        # an edge the gold lists as implied is true: not required in this row, and no error either
        for n, r in enumerate(d.relations):
            if n in d.implied:
                claim(_gold_key(r, gidx, f"{d.key} relation {n + 1}"), "implied")
    return out


def evaluate(cdir: Path, split: str = "dev", only: str | None = None, min_confidence: float = 0.0,
             confidences=None) -> Result:
    res = Result()
    t0 = time.perf_counter()
    for d in read_corpus(cdir, split):
        if only and d.key != only:
            continue
        res.docs += 1
        x = extract_doc(d, min_confidence, confidences)
        nodes = scored_nodes(x)
        amap = align(d.entities, nodes)
        for n in nodes:
            if n.id in amap:
                res.ent.tp += 1
                res.ent_by[n.type].tp += 1
            else:
                res.ent.fp += 1
                res.ent_by[n.type].fp += 1
                res.ent.errors.append(f"{d.key}: FP entity {n.type} {n.id} {list(n.name.values())[0]!r}")
        hit = set(amap.values())
        for i, g in enumerate(d.entities):
            if i not in hit:
                res.ent.fn += 1
                res.ent_by[g["type"]].fn += 1
                res.ent.errors.append(f"{d.key}: FN entity {g['type']} {g['name']!r}")
        ename = {i: g["name"] for i, g in enumerate(d.entities)}

        def show(k: tuple) -> str:
            return str((k[0], ename.get(k[1]), ename.get(k[2])) + tuple(k[3:]))

        for score, stated_only in ((res.stated, True), (res.allrel, False)):
            row = match_relations(d, x, amap, stated_only)
            for e, verdict, k in row.edges:
                if verdict == "fp" and k is None:
                    score.fp += 1
                    if stated_only:
                        res.rel_by[e.type].fp += 1
                        score.errors.append(f"{d.key}: FP relation {e.type} {e.source} -> {e.target} (unmatched end)")
            for e, verdict, k in row.edges:
                if verdict == "tp":
                    score.tp += 1
                    if stated_only:
                        res.rel_by[k[0]].tp += 1
            for gk in row.fn:
                score.fn += 1
                if stated_only:
                    res.rel_by[gk[0]].fn += 1
                    score.errors.append(f"{d.key}: FN relation {show(gk)}")
            for e, verdict, k in row.edges:
                if verdict == "fp" and k is not None:
                    score.fp += 1
                    if stated_only:
                        res.rel_by[k[0]].fp += 1
                        score.errors.append(f"{d.key}: FP relation {show(k)}")
    res.seconds = time.perf_counter() - t0
    return res


def _line(s: Score, label: str) -> str:
    return (f"{label:16s} P={s.precision:.3f} R={s.recall:.3f} F1={s.f1:.3f} (tp={s.tp} fp={s.fp} fn={s.fn})")


def report(res: Result, split: str) -> str:
    out = [f"split {split}: {res.docs} texts, {res.seconds:.1f} s"]
    out.append(_line(res.ent, "entities"))
    for t in sorted(res.ent_by):
        out.append(_line(res.ent_by[t], "  " + t))
    out.append(_line(res.stated, "relations"))
    for t in sorted(res.rel_by):
        out.append(_line(res.rel_by[t], "  " + t))
    out.append(_line(res.allrel, "rel incl implied") + "  (gold incl. '# implied'; edges incl. reference facts)")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", help="corpus folder (default: $REGIOGRAPH_CORPUS or ../shared/corpus)")
    ap.add_argument("--split", choices=("dev", "test", "all"), default="dev")
    ap.add_argument("--only", help="one text key")
    ap.add_argument("--verbose", "-v", action="store_true", help="list every false positive and false negative")
    ap.add_argument("--min-confidence", type=float, default=0.0,
                    help="score only the relations whose rule's confidence (loaders/text/rule_confidence.yaml) is at least this")
    ap.add_argument("--confidence-file", help="rule confidences to use instead of the bundled table "
                    "(e.g. one calibrated on another corpus: rule_precision.py --out FILE)")
    args = ap.parse_args(argv)
    table = None
    if args.confidence_file:
        from loaders.text.confidence import load

        table = load(args.confidence_file)
    try:
        cdir = corpus_dir(args.corpus)
        res = evaluate(cdir, args.split, args.only, args.min_confidence, table)
    except CorpusMissing as e:
        print(f"corpus_eval: {e}", file=sys.stderr)
        return 2
    if args.verbose:
        for line in res.ent.errors + res.stated.errors:
            print(line)
    print(f"corpus: {cdir}")
    print(report(res, args.split))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
