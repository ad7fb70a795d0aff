"""The corpus evaluation command: finds the corpus or says clearly that it is missing, and scores a corpus
laid out like ../shared/corpus. The corpus here is a tiny one we write ourselves (own words)."""

import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.corpus_eval import CorpusMissing, corpus_dir, evaluate, read_corpus

ROOT = Path(__file__).resolve().parent.parent


def _corpus(tmp_path: Path) -> Path:
    c = tmp_path / "corpus"
    (c / "texts").mkdir(parents=True)
    (c / "split.yaml").write_text("test:\n- de_t1\n", encoding="utf-8")
    (c / "texts" / "de_d1.txt").write_text(
        "# source: https://example.org/d1\n# lang: de\n"
        "Wirtschaftsminister Tarek Feldmann reiste in die Präfektur Fukushima. "
        "Seit zehn Jahren besteht die Partnerschaft zwischen Sachsen-Anhalt und Masowien.\n", encoding="utf-8")
    (c / "texts" / "de_t1.txt").write_text("# source: https://example.org/t1\n# lang: de\nKiel liegt am Meer.\n",
                                           encoding="utf-8")
    (c / "gold_de.yaml").write_text(
        "de_d1:\n  entities:\n"
        "    - {name: Tarek Feldmann, type: Person, aliases: []}\n"
        "    - {name: Fukushima, type: Region, aliases: []}\n"
        "    - {name: Sachsen-Anhalt, type: Region, aliases: []}\n"
        "    - {name: Masowien, type: Region, aliases: []}\n"
        "    - {name: Nordwerk, type: Company, aliases: []}\n"
        "  relations:\n"
        "    - [Sachsen-Anhalt, partner_of, Masowien]\n"
        "    - [Tarek Feldmann, holds_role_at, Sachsen-Anhalt, Wirtschaftsminister]  # implied\n"
        "de_t1:\n  entities:\n    - {name: Kiel, type: Region, aliases: []}\n  relations: []\n", encoding="utf-8")
    return c


def test_missing_corpus_is_named_with_the_way_out(tmp_path):
    with pytest.raises(CorpusMissing, match="not part of the repository"):
        corpus_dir(str(tmp_path / "nowhere"))
    r = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "corpus_eval.py"), "--corpus", str(tmp_path / "x")],
                       capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 2 and "corpus not found" in r.stderr and "--corpus" in r.stderr


def test_split_header_and_implied_marks_are_read(tmp_path):
    c = _corpus(tmp_path)
    dev = read_corpus(c, "dev")
    assert [d.key for d in dev] == ["de_d1"] and [d.key for d in read_corpus(c, "test")] == ["de_t1"]
    d = dev[0]
    assert d.lang == "de" and d.source_url == "https://example.org/d1" and not d.text.startswith("#")
    assert d.implied == {1}


def test_scores_entities_and_relations_per_type(tmp_path):
    c = _corpus(tmp_path)
    res = evaluate(c, "dev")
    assert res.docs == 1
    # the company the text never names is a miss; the rest is found
    assert res.ent_by["Company"].fn == 1 and res.ent_by["Region"].tp == 3 and res.ent_by["Person"].tp == 1
    assert res.rel_by["PARTNER_OF"].tp == 1
    # the implied relation is left out of the stated score
    assert res.stated.tp + res.stated.fn == 1
    assert evaluate(c, "test").ent.tp == 1


def test_a_gold_trade_year_written_as_a_string_is_that_year_and_a_phrase_is_no_year():
    from benchmarks.corpus_eval import _gold_key, _match_rel

    gidx = {"Sachsen": 0, "Japan": 1}
    got = [("TRADES_WITH", 0, 1, "export", 2017)]
    assert _match_rel(_gold_key(["Sachsen", "trades_with", "Japan", "2017", "2 Mrd.", "export"], gidx, "t"), got)
    assert _match_rel(_gold_key(["Sachsen", "trades_with", "Japan", 2017, "2 Mrd.", "export"], gidx, "t"), got)
    assert _match_rel(_gold_key(["Sachsen", "trades_with", "Japan", "last year", "2 Mrd.", "export"], gidx, "t"), got)
    assert _match_rel(_gold_key(["Sachsen", "trades_with", "Japan", "2016", "2 Mrd.", "export"], gidx, "t"), got) is None


def test_comments_that_mark_a_relation_or_only_its_year_implied(tmp_path):
    c = tmp_path / "corpus"
    (c / "texts").mkdir(parents=True)
    (c / "split.yaml").write_text("test: []\n", encoding="utf-8")
    (c / "texts" / "de_d2.txt").write_text(
        "# source: https://example.org/d2\n# lang: de\n"
        "Sachsen exportierte im vergangenen Jahr Waren im Wert von 2 Milliarden Euro nach Japan. "
        "Die Provinz Hebei ist seit 2012 Partnerprovinz von Sachsen.\n", encoding="utf-8")
    (c / "gold_de.yaml").write_text(
        "de_d2:\n  entities:\n"
        "    - {name: Sachsen, type: Region, aliases: []}\n"
        "    - {name: Japan, type: Region, aliases: []}\n"
        "    - {name: Hebei, type: Region, aliases: []}\n"
        "  relations:\n"
        "    - [Sachsen, trades_with, Japan, 2023, \"2 Milliarden Euro\", export]  # implied year\n"
        "    - [Sachsen, partner_of, Hebei]  # planned, implied\n", encoding="utf-8")
    d = read_corpus(c, "dev")[0]
    assert d.implied == {1}
    assert d.relations[0][3] is None  # the flow is stated, its year is not required
    res = evaluate(c, "dev")
    # the stated flow is found; the implied partnership, found as well, is neither a hit nor an error
    assert (res.stated.tp, res.stated.fn) == (1, 0), res.stated.errors
    assert res.stated.fp == 0 and res.rel_by["PARTNER_OF"].fp == 0, res.stated.errors
