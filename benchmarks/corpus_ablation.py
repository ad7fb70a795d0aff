"""Which recognizers and rule modules carry the text loader's scores: each one switched off in turn.

Usage: python benchmarks/corpus_ablation.py [--corpus DIR] [--only NAME]

Runs ``corpus_eval.evaluate`` on the corpus's development texts once with everything on, then once
per ablation with one part switched off, all in this process, and prints a table: entity F1 and
relation F1 (stated relations) with the drop against the full loader. A large drop means the part
carries much of the score. The test split is never scored here (it is scored once, by corpus_eval).

Ablations (each restores what it changed before the next one runs):

* ``rule: <module>``: one rule module left out of ``rules.DOCUMENT_RULES`` / ``rules.SENTENCE_RULES``.
* ``listed companies``: the companies of stock-index lists (``refcompanies.py``, ``pytickersymbols``).
* ``discover: organizations`` / ``discover: persons``: the recognizers that find names the gazetteer
  does not hold (the ``discover`` package: type words, legal forms, acronyms; name shape plus office).
* ``given names``: the multilingual given-name list (``givennames.py``) answers "no" for every word.
* ``reference regions``: the gazetteer without the ISO 3166 / GeoNames layer (``refdata.py``), hand
  entries only.
"""

from __future__ import annotations

import argparse
import sys
from contextlib import ExitStack, contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.corpus_eval import CorpusMissing, corpus_dir, evaluate  # noqa: E402
import importlib  # noqa: E402

from loaders.text import gazetteer, personnames, rules  # noqa: E402
from loaders.text.discover import companies, headnames, persons, places  # noqa: E402

extract = importlib.import_module("loaders.text.extract")  # the module (the package exports the function)

# A patch takes effect only where the name is looked up: each module below calls ``is_given_name`` through
# its own global (the ``discover`` package re-exports it, but replacing it there would change nothing).
GIVEN_NAME_USERS = (places, headnames, persons, personnames)


@contextmanager
def _patched(obj, name: str, value):
    old = getattr(obj, name)
    setattr(obj, name, value)
    try:
        yield
    finally:
        setattr(obj, name, old)


def _without_rule(fn):
    @contextmanager
    def ctx():
        with _patched(extract, "DOCUMENT_RULES", tuple(r for r in rules.DOCUMENT_RULES if r is not fn)), \
                _patched(extract, "SENTENCE_RULES", tuple(r for r in rules.SENTENCE_RULES if r is not fn)):
            yield
    return ctx


@contextmanager
def _no_given_names():
    no = lambda *a, **k: False  # noqa: E731
    with ExitStack() as stack:
        for module in GIVEN_NAME_USERS:
            stack.enter_context(_patched(module, "is_given_name", no))
        yield


@contextmanager
def _hand_gazetteer_only():
    with _patched(gazetteer, "_DEFAULT", gazetteer.load_gazetteer(check_home=False)):
        yield


def _rule_label(fn) -> str:
    mod = fn.__module__.rsplit(".", 1)[-1]
    return f"rule: {mod}" if fn.__name__ == "apply" else f"rule: {mod}.{fn.__name__}"


def ablations() -> list[tuple[str, object]]:
    out = [(_rule_label(fn), _without_rule(fn)) for fn in rules.DOCUMENT_RULES + rules.SENTENCE_RULES]
    noop = lambda *a, **k: None  # noqa: E731
    out.append(("discover: organizations", lambda: _patched(extract, "discover_organizations", noop)))
    out.append(("discover: persons", lambda: _patched(extract, "discover_persons", noop)))
    out.append(("listed companies", lambda: _patched(companies, "listed_companies", lambda *a, **k: [])))
    out.append(("given names", _no_given_names))
    out.append(("reference regions", _hand_gazetteer_only))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", help="corpus folder (default: $REGIOGRAPH_CORPUS or ../shared/corpus)")
    ap.add_argument("--only", help="run just the ablation whose label contains this text")
    args = ap.parse_args(argv)
    try:
        cdir = corpus_dir(args.corpus)
    except CorpusMissing as e:
        print(f"corpus_ablation: {e}", file=sys.stderr)
        return 2
    print(f"corpus: {cdir} (dev texts)", flush=True)
    full = evaluate(cdir, "dev")
    rows = [("everything on", full.ent.f1, full.stated.f1)]
    todo = [(label, ctx) for label, ctx in ablations() if not args.only or args.only in label]
    for n, (label, ctx) in enumerate(todo, 1):
        print(f"[{n}/{len(todo)}] without {label} ...", file=sys.stderr, flush=True)
        with ctx():
            res = evaluate(cdir, "dev")
        rows.append((f"without {label}", res.ent.f1, res.stated.f1))
    print(f"\n| run | entity F1 | drop | relation F1 | drop |\n|---|---|---|---|---|")
    for label, ef, rf in rows:
        print(f"| {label} | {ef:.3f} | {full.ent.f1 - ef:+.3f} | {rf:.3f} | {full.stated.f1 - rf:+.3f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
