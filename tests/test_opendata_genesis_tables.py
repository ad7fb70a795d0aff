"""GENESIS: the loader takes the table that holds trade by state, partner country and year
(51000-0032), in the ffcsv layout with or without the value_q column, and tells the user what
to download when a file is another of the states' trade tables (by commodity, monthly, totals)."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.errors import LoadError, ValidationError
from loaders import source

DATA = Path(__file__).parent / "data" / "opendata"
GENESIS = DATA / "51000-0032_de_flat.csv"
OPTS = {"retrieved": "2026-11-30"}
HEAD = ("statistics_code;statistics_label;time_code;time_label;time;1_variable_code;1_variable_label;"
        "1_variable_attribute_code;1_variable_attribute_label;2_variable_code;2_variable_label;"
        "2_variable_attribute_code;2_variable_attribute_label;value;value_unit;value_variable_code;value_variable_label")


def _flows(store):
    return sorted((e.source, e.target, e.properties["year"], e.properties["direction"], e.properties.get("value_eur"),
                   e.properties.get("quality")) for e in store.iter_edges() if "direction" in e.properties)


def test_download_without_value_q_gives_the_same_flows(tmp_path, empty_store):
    from graph.store.embedded import EmbeddedStore

    lines = GENESIS.read_text(encoding="utf-8").splitlines()
    plain = tmp_path / "51000-0032_de_flat.csv"
    plain.write_text("\n".join(line.rsplit(";", 1)[0] for line in lines) + "\n", encoding="utf-8")
    assert plain.read_text(encoding="utf-8").splitlines()[0] == HEAD
    source.run(empty_store, "genesis", [plain], OPTS)
    reference = EmbeddedStore(tmp_path / "reference")
    source.run(reference, "genesis", [GENESIS], OPTS)
    # the same flows and figures; only the flag value_q carried ('p', provisional) is missing
    got, want = _flows(empty_store), _flows(reference)
    assert len(got) == len(want) and any(f[5] == "p" for f in want)
    assert [f[:5] for f in got] == [f[:5] for f in want]
    assert [f[5] for f in got] == [None if f[5] == "p" else f[5] for f in want]
    reference.close()


@pytest.mark.parametrize("code", ["51000-0030", "51000-0031", "51000-0034", "51000-0035"])
def test_another_state_trade_table_says_what_to_download(tmp_path, empty_store, code):
    f = tmp_path / f"{code}_de_flat.csv"
    f.write_text(GENESIS.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(LoadError, match=rf"{code} holds .*download 51000-0032"):
        source.run(empty_store, "genesis", [f], OPTS)
    assert list(empty_store.iter_nodes()) == []


@pytest.mark.parametrize("variable,label,attr,shape", [
    ("GP19B2", "Güterverzeichnis für Produktionsstatistiken (2-Steller)", "GP19-26", "commodity group"),
    ("MONAT", "Monate", "MONAT03", "monthly"),
])
def test_a_file_of_another_shape_names_file_line_and_variable(tmp_path, empty_store, variable, label, attr, shape):
    row = (f"51000;Außenhandel;JAHR;Jahr;2022;DLANDX;Bundesländer mit Auslandsbezug;14;Sachsen;{variable};{label};"
           f"{attr};Datenverarbeitungsgeräte;1.234.567;Tsd. EUR;WERTA;Ausfuhr: Wert")
    f = tmp_path / "trade_de_flat.csv"
    f.write_text(HEAD + "\n" + row + "\n", encoding="utf-8")
    with pytest.raises(ValidationError, match=rf"{f}:2: field '2_variable_code': '{variable}': this is .*{shape}.*51000-0032"):
        source.run(empty_store, "genesis", [f], {**OPTS, "table": "51000-0032"})
    assert list(empty_store.iter_nodes()) == []
