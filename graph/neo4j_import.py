"""A whole store as the CSV files ``neo4j-admin database import full`` takes (the bulk path into Neo4j).

``write_import_files(store, folder)`` writes four files (header files apart, as
the import tool takes them): ``nodes_header.csv`` + ``nodes.csv`` and
``relationships_header.csv`` + ``relationships.csv``. Each row carries exactly
what the Neo4j store writes through the driver (``graph.store.neo4j`` rows:
labels ``Entity`` plus the node type, id, JSON data, folded name keys, search
text, subtype key, validity bounds; relationships typed by the edge type), so a
database imported from them answers like one loaded with ``regiograph migrate``.
Open it once with the Neo4j store (it creates the constraints and indexes, and
the ``(:EntityKey)`` name key nodes the files leave out: cypher/schema.cypher).

Import (into a database that does not exist yet), from the folder::

    neo4j-admin database import full neo4j --nodes=nodes_header.csv,nodes.csv \\
        --relationships=relationships_header.csv,relationships.csv --multiline-fields=true

(``IMPORT_ARGS`` holds these arguments; the command is also written to ``import.txt``.)
"""

from __future__ import annotations

import csv
from pathlib import Path

NODE_HEADER = ["id:ID", ":LABEL", "type", "label", "data", "name_keys:string[]", "search_text", "subtype_key", "vf", "vt"]
REL_HEADER = [":START_ID", ":END_ID", ":TYPE", "id", "data", "vf", "vt"]
FILES = ("nodes_header.csv", "nodes.csv", "relationships_header.csv", "relationships.csv")
ARRAY_DELIMITER = ";"
ENTITY_LABEL = "Entity"  # the label every node has (cypher/schema.cypher)


def import_args(folder: str | Path, database: str = "neo4j") -> list[str]:
    """The arguments after ``neo4j-admin`` that import ``folder`` into ``database``."""
    f = Path(folder)
    return ["database", "import", "full", database,
            f"--nodes={f / 'nodes_header.csv'},{f / 'nodes.csv'}",
            f"--relationships={f / 'relationships_header.csv'},{f / 'relationships.csv'}",
            "--multiline-fields=true", f"--array-delimiter={ARRAY_DELIMITER}"]


def _cell(v) -> str:
    return "" if v is None else v


def write_import_files(store, folder: str | Path, progress=None) -> tuple[int, int]:
    """Write the import files of every node and edge of ``store`` into ``folder`` (created);
    returns (nodes, edges). ``progress(done, None)`` every 10,000 rows."""
    from .store.neo4j import _edge_row, _node_row

    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    schema = store.schema
    for name, header in (("nodes_header.csv", NODE_HEADER), ("relationships_header.csv", REL_HEADER)):
        with open(out / name, "w", newline="", encoding="utf-8") as f:
            csv.writer(f).writerow(header)
    n = m = 0
    with open(out / "nodes.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        for node in store.iter_nodes():
            r = _node_row(node, schema)
            keys = r["name_keys"]
            if any(ARRAY_DELIMITER in k for k in keys):  # folded keys hold no punctuation; never split one
                raise ValueError(f"node '{node.id}': a name key contains '{ARRAY_DELIMITER}'")
            w.writerow([r["id"], f"{ENTITY_LABEL};{r['type']}", r["type"], r["label"], r["data"],
                        ARRAY_DELIMITER.join(keys), r["search_text"], _cell(r["subtype_key"]),
                        _cell(r["vf"]), _cell(r["vt"])])
            n += 1
            if progress and n % 10_000 == 0:
                progress(n, None)
    with open(out / "relationships.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        for edge in store.iter_edges():
            r = _edge_row(edge)
            w.writerow([r["source"], r["target"], edge.type, r["id"], r["data"], _cell(r["vf"]), _cell(r["vt"])])
            m += 1
            if progress and (n + m) % 10_000 == 0:
                progress(n + m, None)
    (out / "import.txt").write_text("neo4j-admin " + " ".join(import_args(".")) + "\n", encoding="utf-8")
    return n, m
