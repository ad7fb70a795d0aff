"""The CLI over the library, and the README documents every command and setting."""

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from regiograph.cli import cli, main
from regiograph.settings import SETTINGS, Settings
from tests.conftest import MINI

README = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")


def all_commands(group, prefix=""):
    for name, cmd in group.commands.items():
        if name == "records":  # 'load FILE' is the default sub-command of 'load'
            continue
        full = f"{prefix}{name}"
        yield full, cmd
        if hasattr(cmd, "commands"):
            yield from all_commands(cmd, prefix=f"{full} ")


def test_every_command_is_documented_and_has_help():
    for name, cmd in all_commands(cli):
        assert f"regiograph {name}" in README, f"'regiograph {name}' is missing from README.md"
        assert (cmd.help or "").strip(), f"'{name}' has no help text"


def test_every_setting_is_documented():
    for s in SETTINGS:
        assert f"`{s.env}`" in README, f"{s.env} is missing from README.md"


def test_settings_come_from_the_environment_with_clear_errors():
    s = Settings.from_env({"REGIOGRAPH_PORT": "9001", "REGIOGRAPH_LOAD_SEED": "no", "REGIOGRAPH_STORE": "embedded"})
    assert s.port == 9001 and s.load_seed is False
    from graph.errors import ConfigError

    with pytest.raises(ConfigError, match="REGIOGRAPH_PORT='eighty' is not an integer"):
        Settings.from_env({"REGIOGRAPH_PORT": "eighty"})
    with pytest.raises(ConfigError, match="REGIOGRAPH_STORE='oracle' is not one of: embedded, neo4j"):
        Settings.from_env({"REGIOGRAPH_STORE": "oracle"})


@pytest.fixture
def env(tmp_path, monkeypatch):
    monkeypatch.setenv("REGIOGRAPH_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("REGIOGRAPH_LOAD_SEED", "false")
    return tmp_path


def run(*args):
    r = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return r


def test_load_search_path_and_idempotent_reload(env):
    r = run("load", str(MINI))
    assert r.exit_code == 0, r.output
    report = json.loads(r.stdout)
    assert report["nodes"]["created"] == 11
    again = json.loads(run("load", str(MINI)).stdout)
    assert again["changed"] is False
    out = run("search", "bayern").stdout
    assert out.splitlines()[0].split()[1] == "region:de-by"
    out = run("path", "Bavaria", "JTRO", "-k", "1").stdout
    assert "Bavaria International [org:bayern-intl]" in out and "BI-JTRO memorandum of understanding" in out
    js = json.loads(run("path", "region:de-by", "org:jtro", "--via", "all", "--json").stdout)
    assert js["paths"][0]["length"] == 2
    nb = json.loads(run("neighbors", "org:jtro", "--json").stdout)
    assert {n["id"] for n in nb["nodes"]} == {"org:jtro", "region:jp", "agreement:bi-jtro-mou"}
    assert "2021-03-03" in run("timeline", "org:bayern-intl").stdout
    assert "BI-JTRO memorandum" in run("connections", "org:bayern-intl", "org:jtro").stdout
    assert json.loads(run("stats").stdout)["total_nodes"] == 11


def test_export_formats_and_reload_of_records(env):
    run("load", str(MINI))
    for name in ("g.json", "g.graphml", "g.gexf", "g.csv", "g.yaml"):
        r = run("export", str(env / name))
        assert r.exit_code == 0, r.output
    data = json.loads((env / "g.json").read_text())
    assert len(data["nodes"]) == 11 and len(data["edges"]) == 12
    import csv

    import networkx as nx

    nl = nx.node_link_graph(data)  # networkx's default keys
    assert nl.number_of_nodes() == 11 and nl.number_of_edges() == 12
    g = nx.read_graphml(env / "g.graphml")
    assert g.number_of_nodes() == 11 and g.number_of_edges() == 12
    gx = nx.read_gexf(env / "g.gexf")
    assert gx.number_of_nodes() == 11 and gx.number_of_edges() == 12
    assert set(gx.nodes) == set(g.nodes) and gx.nodes["region:de-by"]["type"] == g.nodes["region:de-by"]["type"]
    with open(env / "g.nodes.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 11 and {r["Id"] for r in rows} == set(g.nodes)
    with open(env / "g.edges.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 12 and all(r["Source"] in g.nodes and r["Target"] in g.nodes for r in rows)
    again = json.loads(run("load", str(env / "g.yaml")).stdout)
    assert again["changed"] is False  # the record export loads back without any change


def test_errors_are_one_clear_line_and_exit_2(env, tmp_path, monkeypatch, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text("edges:\n  - {type: PART_OF, source: region:a, target: region:b, sources: [{document: doc:x}]}\n")
    monkeypatch.setattr("sys.argv", ["regiograph", "load", str(bad)])
    with pytest.raises(SystemExit) as e:
        main()
    assert e.value.code == 2
    err = capsys.readouterr().err
    assert re.search(r"error: .*bad.yaml:2: field 'source': node 'region:a' is not in this load nor in the graph", err)
    monkeypatch.setattr("sys.argv", ["regiograph", "path", "Atlantis", "Bavaria"])
    with pytest.raises(SystemExit):
        main()
    assert "node 'Atlantis' is not in the graph" in capsys.readouterr().err
