"""Would a pretrained named-entity recognizer help the text loader? An experiment, not part of the loader.

Usage: python benchmarks/pretrained_ner.py --corpus DIR [--corpus DIR ...] [--cache DIR]

The loader finds bodies and companies with rules (type words, legal forms, acronyms, lists). The
closing notes of issue 10 asked whether a learned recognizer would do better on texts the rules were
not written for. The one pretrained recognizer this project can reach without a model hub is the
CRF tagger of Stanford CoreNLP, published on Maven Central (``edu.stanford.nlp:stanford-corenlp``,
with the ``models-german`` and ``models`` jars: ``german.distsim`` and ``english.conll.4class``).

This script downloads those jars once into ``--cache`` (about 680 MB; checked against Maven's SHA-1
files), tags each corpus text with one JVM run per language, and scores the corpus's development
texts three ways in this process:

* ``off``: the loader as it is;
* ``union``: every ORGANIZATION span of the tagger is also offered to the loader as a body
  (through the loader's own ``_register_org``, so known names, regions and persons win);
* ``filtered``: only spans of two words or more that are no coordination, hold no office word,
  end in a capital and do not stand in a headline.

It needs Java 17 (``java`` on the PATH). The test split is never scored here.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import subprocess
import sys
import tempfile
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import importlib  # noqa: E402

import benchmarks.corpus_eval as corpus_eval  # noqa: E402
from benchmarks.corpus_ablation import _patched  # noqa: E402
from benchmarks.corpus_eval import CorpusMissing, corpus_dir, evaluate, read_corpus  # noqa: E402
from loaders.text import discover  # noqa: E402
from loaders.text.typenames import ORGANIZATION, PERSON, REGION, TOPIC  # noqa: E402

extract = importlib.import_module("loaders.text.extract")  # the module (the package exports the function)

VERSION = "4.5.10"
MAVEN = f"https://repo1.maven.org/maven2/edu/stanford/nlp/stanford-corenlp/{VERSION}/"
JARS = {"code": f"stanford-corenlp-{VERSION}.jar", "de": f"stanford-corenlp-{VERSION}-models-german.jar",
        "en": f"stanford-corenlp-{VERSION}-models.jar"}
MODELS = {"de": "edu/stanford/nlp/models/ner/german.distsim.crf.ser.gz",
          "en": "edu/stanford/nlp/models/ner/english.conll.4class.distsim.crf.ser.gz"}
ORG_LABEL = "ORGANIZATION"
SEPARATOR = "QQDOCUMENTSEPARATORQQ"  # one token the tagger leaves untagged; splits its output per text
MODES = ("off", "union", "filtered")

_TAG = re.compile(r"<([A-Z]+)>(.*?)</\1>", re.S)
# words of an office or a desk, not of a body's name ("Executive Director of ...", "Minister of State for ...")
_OFFICE = re.compile(r"(?i)minist(?:er|re)\b|secretary|chairman|director|head of|representative|chancellor|executive|"
                     r"plenipotentiary|state for|affairs|präsident|president|governor|mayor|\bpress\b|\bnews\b|\binfo\b")
_COORDINATION = re.compile(r",|\band\b|\bund\b|&")
_LEADING_ARTICLE = re.compile(r"(?i)^(?:der|die|das|des|dem|den|the)\s+")
_LEADING_PREPOSITION = re.compile(r"(?i)^(?:vom|von|im|in)\s")


def _say(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def fetch(cache: Path) -> dict[str, Path]:
    """The three jars in ``cache``, downloaded from Maven Central where missing and checked by SHA-1."""
    cache.mkdir(parents=True, exist_ok=True)
    out = {}
    for key, name in JARS.items():
        path = cache / name
        if not path.is_file():
            _say(f"downloading {MAVEN}{name} to {cache} ...")
            part = path.with_suffix(".part")
            urllib.request.urlretrieve(MAVEN + name, part)
            want = urllib.request.urlopen(MAVEN + name + ".sha1").read().decode().split()[0]
            got = hashlib.sha1(part.read_bytes()).hexdigest()
            if got != want:
                part.unlink()
                raise SystemExit(f"error: {name}: SHA-1 {got} differs from Maven Central's {want}; run again")
            part.rename(path)
        out[key] = path
    return out


def split_tagged(output: str, count: int) -> list[list[tuple[str, str]]]:
    """The tagger's inline-XML output of ``count`` texts joined by ``SEPARATOR``: per text, its
    (label, span text) pairs, in order."""
    parts = output.split(SEPARATOR)
    if len(parts) != count:
        raise ValueError(f"the tagger's output has {len(parts)} parts for {count} texts")
    return [[(m.group(1), re.sub(r"\s+", " ", m.group(2)).strip()) for m in _TAG.finditer(p)] for p in parts]


def tag(texts: list[str], lang: str, jars: dict[str, Path]) -> list[list[tuple[str, str]]]:
    """Tag the texts of one language in one JVM run."""
    if not texts:
        return []
    with tempfile.TemporaryDirectory() as tmp:
        inp = Path(tmp) / "texts.txt"
        inp.write_text(f"\n\n{SEPARATOR}\n\n".join(texts), encoding="utf-8")
        cp = f"{jars['code']}:{jars[lang]}"
        run = subprocess.run(["java", "-mx3g", "-cp", cp, "edu.stanford.nlp.ie.crf.CRFClassifier",
                              "-loadClassifier", MODELS[lang], "-textFile", str(inp), "-outputFormat", "inlineXML",
                              "-encoding", "utf-8"], capture_output=True, text=True)
    if run.returncode != 0:
        raise SystemExit(f"error: CoreNLP failed ({run.returncode}): {run.stderr[-500:]}")
    return split_tagged(run.stdout, len(texts))


def clean(span: str) -> str:
    return _LEADING_ARTICLE.sub("", re.sub(r"\s+", " ", span).strip(" ,.;:"))


def keep_filtered(span: str, headlines: list[str]) -> bool:
    """The ``filtered`` mode's test for one cleaned ORGANIZATION span."""
    words = span.split()
    if len(words) < 2 or _COORDINATION.search(span) or _OFFICE.search(span):
        return False
    if not words[-1][:1].isupper() or _LEADING_PREPOSITION.match(span):
        return False
    return not any(span in h for h in headlines)


@contextmanager
def offered(spans_by_text: dict[str, list[tuple[str, str]]], mode: str):
    """While open, ``corpus_eval.evaluate`` runs a loader whose body recognizer also registers the tagger's
    ORGANIZATION spans of the text being read (``spans_by_text``: corpus text -> spans; ``mode`` ``union``
    or ``filtered``; ``off`` changes nothing)."""
    original, original_extract = extract.discover_organizations, corpus_eval.extract
    reading: list[str] = [""]  # the text being extracted

    def extract_noting(text, **kw):
        reading[0] = text
        return original_extract(text, **kw)

    def with_spans(gaz, sentences, lang):
        original(gaz, sentences, lang)
        spans = spans_by_text.get(reading[0], [])
        headlines = [s.text for s in sentences if discover.title_case(s.text, lang)]
        for label, raw in spans:
            span = clean(raw)
            if label != ORG_LABEL or len(span) < 3:
                continue
            if any(e.type in (REGION, PERSON, TOPIC) for e in gaz.lookup(span)):
                continue
            if mode == "filtered" and not keep_filtered(span, headlines):
                continue
            discover._register_org(gaz, span, lang)

    if mode == "off":
        yield
        return
    with _patched(extract, "discover_organizations", with_spans), _patched(corpus_eval, "extract", extract_noting):
        yield


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", action="append", help="corpus folder (repeatable; default: ../shared/corpus)")
    ap.add_argument("--cache", default=str(Path.home() / ".cache" / "regiograph" / "corenlp"))
    args = ap.parse_args(argv)
    try:
        dirs = [corpus_dir(c) for c in (args.corpus or [None])]
    except CorpusMissing as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    jars = fetch(Path(args.cache))
    print("| corpus | mode | entities P / R / F1 | Organization P / R | relations P / R / F1 |")
    print("|---|---|---|---|---|")
    for cdir in dirs:
        docs = read_corpus(cdir, "dev")
        spans: dict[str, list[tuple[str, str]]] = {}
        for lang in ("de", "en"):
            mine = [d for d in docs if d.lang == lang]
            _say(f"{cdir}: tagging {len(mine)} texts ({lang}) ...")
            for d, s in zip(mine, tag([d.text for d in mine], lang, jars)):
                spans[d.text] = s
        for mode in MODES:
            with offered(spans, mode):
                res = evaluate(cdir, "dev")
            e, o, r = res.ent, res.ent_by[ORGANIZATION], res.stated
            print(f"| {cdir.name} | {mode} | {e.precision:.3f} / {e.recall:.3f} / {e.f1:.3f} | "
                  f"{o.precision:.3f} / {o.recall:.3f} | {r.precision:.3f} / {r.recall:.3f} / {r.f1:.3f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
