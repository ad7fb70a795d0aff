"""Brokers between two regions (issue 12) on the bundled seed data."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from graph import query
from graph.errors import NotFoundError, QueryError
from graph.query.brokers import region_actors, sample_pairs


def test_brokers_between_saxony_and_korea(seed_store):
    r = query.run(seed_store, "brokers", a="region:de-sn", b="region:kr")
    sn, kr = region_actors(seed_store, "region:de-sn", "a"), region_actors(seed_store, "region:kr", "b")
    assert "org:wfs" in sn and "org:tipa" in kr and "org:tipa" not in sn
    assert r.pairs_total == len(sn) * len(kr) == r.pairs_sampled and r.standard_error == 0.0
    ranked = [x.node.id for x in r.brokers]
    assert "org:wfs" in ranked[:3] and "org:tipa" in ranked
    assert [x.pairs for x in r.brokers] == sorted((x.pairs for x in r.brokers), reverse=True)
    wfs = next(x for x in r.brokers if x.node.id == "org:wfs")
    ids = wfs.example.node_ids()
    assert "org:wfs" in ids[1:-1] and ids[0] in sn and ids[-1] in kr
    assert all(h.edge.sources for h in wfs.example.hops)
    # every count is checked against the paths themselves
    for x in r.brokers[:3]:
        n = sum(1 for a in sn for b in kr
                if (p := seed_store.paths(a, b, k=1, via=seed_store.schema.partner_via).paths)
                and x.node.id in p[0].node_ids()[1:-1])
        assert n == x.pairs


def test_sampling_is_even_deterministic_and_stated(seed_store):
    assert sample_pairs(["a", "b"], ["x", "y", "z"], 3) == [("a", "x"), ("a", "z"), ("b", "y")]
    assert len(sample_pairs([str(i) for i in range(50)], [f"y{i}" for i in range(40)], 100)) == 100
    r = query.run(seed_store, "brokers", a="region:de-sn", b="region:kr", sample=10)
    d = r.to_dict()
    assert d["sampled"] and d["pairs_sampled"] == 10 and d["standard_error"] == round(0.5 / 10 ** 0.5, 4)
    assert r.to_dict() == query.run(seed_store, "brokers", a="region:de-sn", b="region:kr", sample=10).to_dict()


def test_bad_input(seed_store):
    with pytest.raises(QueryError):
        query.run(seed_store, "brokers", a="region:kr", b="region:kr")
    with pytest.raises(NotFoundError):
        query.run(seed_store, "brokers", a="region:nope", b="region:kr")
    with pytest.raises(QueryError, match="'sample'"):
        query.run(seed_store, "brokers", a="region:de-sn", b="region:kr", sample=0)


def test_brokers_command(tmp_path, monkeypatch):
    from regiograph.cli import cli

    monkeypatch.setenv("REGIOGRAPH_DATA_DIR", str(tmp_path / "data"))
    res = CliRunner().invoke(cli, ["brokers", "Sachsen", "Korea", "--limit", "3"], catch_exceptions=False)
    assert res.exit_code == 0 and "[org:wfs]" in res.output and "pairs searched" in res.output
    assert "doc:wfs-2022-05-17-tipa-loi" in res.output
