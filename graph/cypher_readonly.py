"""Ad-hoc read-only Cypher for power users (POST /api/cypher), on the Neo4j store only.

A query is admitted in four steps, each of which must pass:

0. the clause allow-list on the tokenized query (graph.cypher_clauses): one
   reading statement, no ``SHOW``, ``TERMINATE``, administration, writing or
   loading clause, only allowed procedures and function namespaces;
1. ``EXPLAIN`` it: the server's own classification must be a read query
   (``query_type == 'r'``); writes, schema and admin commands are refused;
2. walk the plan: ``LOAD CSV`` (reads files and URLs) is refused, and every
   procedure call must be on a short allow-list of harmless catalogue
   procedures (no ``dbms.*``, no file, network or schema procedures);
3. run it in a *read* transaction (``execute_read``: routed to readers on a
   cluster, and the server itself rejects writes there) with a time limit and
   a row cap and a byte cap (JSON size of the rows); the answer says whether
   and why rows were cut. The time limit is the transaction timeout the driver
   sends to the server (the server ends the transaction), and the client stops
   reading past it too.

User values travel as parameters; the query text is the user's own and is never
combined with other text.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from typing import Any

import neo4j
from neo4j import exceptions as neo4j_errors
from neo4j import graph as neo4j_graph

from .cypher_clauses import CypherRefused, check_clauses
from .errors import RegiographError, StoreError

MAX_QUERY_CHARS = 20_000
ALLOWED_PROCEDURES = frozenset({
    "db.labels",
    "db.relationshipTypes",
    "db.propertyKeys",
    "db.index.fulltext.queryNodes",
    "db.index.fulltext.queryRelationships",
    "db.schema.nodeTypeProperties",
    "db.schema.relTypeProperties",
    "db.schema.visualization",
})
REFUSED_OPERATORS = {"LoadCSV": "LOAD CSV reads files and URLs"}


class CypherFailed(RegiographError):
    code = "cypher_error"
    http_status = 400


class CypherTimeout(RegiographError):
    code = "cypher_timeout"
    http_status = 408


@dataclass
class CypherResult:
    columns: list[str]
    rows: list[list[Any]]
    truncated: bool
    max_rows: int
    truncated_by: str | None = None  # "rows" or "bytes"
    max_bytes: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"columns": self.columns, "rows": self.rows, "count": len(self.rows),
                "truncated": self.truncated, "truncated_by": self.truncated_by,
                "max_rows": self.max_rows, "max_bytes": self.max_bytes}


def _operators(plan: dict) -> list[tuple[str, str]]:
    out = []
    stack = [plan]
    while stack:
        p = stack.pop()
        op = str(p.get("operatorType", "")).split("@")[0]
        out.append((op, str((p.get("args") or {}).get("Details") or "")))
        stack.extend(p.get("children") or [])
    return out


def check_plan(query_type: str | None, plan: dict | None) -> None:
    """Raise CypherRefused unless the EXPLAIN summary describes a harmless read query."""
    if query_type != "r":
        kind = {"w": "writes", "rw": "reads and writes", "s": "changes the schema or administers the server"}.get(
            query_type or "", f"is of type '{query_type}'")
        raise CypherRefused(f"the query {kind}; POST /api/cypher runs read-only queries (MATCH ... RETURN)")
    for op, details in _operators(plan or {}):
        if op in REFUSED_OPERATORS:
            raise CypherRefused(f"refused: {REFUSED_OPERATORS[op]}")
        if op == "ProcedureCall":
            name = details.split("(")[0].strip()
            if name not in ALLOWED_PROCEDURES:
                raise CypherRefused(
                    f"refused: procedure '{name}' is not allowed; allowed: {', '.join(sorted(ALLOWED_PROCEDURES))}",
                    details=[{"field": "query", "value": name}],
                )


def to_json(value: Any) -> Any:
    """Driver values as JSON: nodes, relationships and paths as small dicts; temporal values as ISO text."""
    if isinstance(value, neo4j_graph.Node):
        return {"element_id": value.element_id, "labels": sorted(value.labels), "properties": to_json(dict(value))}
    if isinstance(value, neo4j_graph.Relationship):
        return {"element_id": value.element_id, "type": value.type,
                "start": value.start_node.element_id if value.start_node else None,
                "end": value.end_node.element_id if value.end_node else None, "properties": to_json(dict(value))}
    if isinstance(value, neo4j_graph.Path):
        return {"nodes": [to_json(n) for n in value.nodes], "relationships": [to_json(r) for r in value.relationships]}
    if isinstance(value, dict):
        return {str(k): to_json(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_json(v) for v in value]
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if hasattr(value, "iso_format"):
        return value.iso_format()
    return str(value)


MAX_PARAM_DEPTH = 20


def _check_parameters(value: Any, path: str = "parameters", depth: int = 0) -> None:
    if depth > MAX_PARAM_DEPTH:
        raise CypherFailed(f"field '{path}': nested deeper than {MAX_PARAM_DEPTH} levels", details=[{"field": path}])
    if isinstance(value, dict):
        for k, v in value.items():
            _check_parameters(v, f"{path}.{k}", depth + 1)
    elif isinstance(value, list):
        for i, v in enumerate(value):
            _check_parameters(v, f"{path}[{i}]", depth + 1)
    elif isinstance(value, float) and value != value or value in (float("inf"), float("-inf")):
        raise CypherFailed(f"field '{path}': NaN and infinities are not allowed", details=[{"field": path}])
    elif isinstance(value, int) and not isinstance(value, bool) and not -2**63 <= value < 2**63:
        raise CypherFailed(f"field '{path}': integer out of the 64-bit range", details=[{"field": path}])


def run_readonly(driver, database: str | None, query: str, parameters: dict | None, *, timeout: float, max_rows: int,
                 max_bytes: int = 2_000_000) -> CypherResult:
    if not isinstance(query, str) or not query.strip():
        raise CypherFailed("field 'query' must be a non-empty Cypher query", details=[{"field": "query"}])
    if len(query) > MAX_QUERY_CHARS:
        raise CypherFailed(f"the query is longer than {MAX_QUERY_CHARS} characters", details=[{"field": "query"}])
    if parameters is not None and not isinstance(parameters, dict):
        raise CypherFailed("field 'parameters' must be an object", details=[{"field": "parameters"}])
    check_clauses(query, ALLOWED_PROCEDURES)
    _check_parameters(parameters or {})
    params = parameters or {}
    deadline = time.monotonic() + timeout
    session_args: dict[str, Any] = {"default_access_mode": neo4j.READ_ACCESS}
    if database:
        session_args["database"] = database

    def explain(tx):
        summary = tx.run("EXPLAIN " + query, params).consume()
        return summary.query_type, summary.plan

    def fetch(tx):
        result = tx.run(query, params)
        columns = list(result.keys())
        rows, size = [], 2
        for record in result:
            if time.monotonic() > deadline:
                raise CypherTimeout(f"the query ran longer than {timeout:g} s (REGIOGRAPH_CYPHER_TIMEOUT); narrow it or add LIMIT")
            if len(rows) >= max_rows:
                return columns, rows, "rows"
            row = [to_json(v) for v in record.values()]
            size += len(json.dumps(row, ensure_ascii=False, default=str)) + 1
            if size > max_bytes:
                return columns, rows, "bytes"
            rows.append(row)
        return columns, rows, None

    try:
        # explicit read transactions, not execute_read: a timed-out query is not retried
        with driver.session(**session_args) as session:
            tx = session.begin_transaction(timeout=timeout)
            try:
                query_type, plan = explain(tx)
            finally:
                tx.close()  # a read: rolled back, nothing to commit
            check_plan(query_type, plan)
            tx = session.begin_transaction(timeout=max(0.001, deadline - time.monotonic()))
            try:
                columns, rows, cut = fetch(tx)
            finally:
                tx.close()
    except RegiographError:
        raise
    except (neo4j_errors.ServiceUnavailable, neo4j_errors.SessionExpired, neo4j_errors.DriverError, OSError) as e:
        raise StoreError(f"Neo4j is not reachable ({type(e).__name__}); try again shortly") from None
    except neo4j_errors.Neo4jError as e:
        if "TransactionTimedOut" in (e.code or "") or "Terminated" in (e.code or "") or "timed out" in (e.message or "").lower():
            raise CypherTimeout(f"the query ran longer than {timeout:g} s (REGIOGRAPH_CYPHER_TIMEOUT); narrow it or add LIMIT") from None
        raise CypherFailed(f"Neo4j rejected the query: {e.message}", details=[{"field": "query", "code": e.code}]) from None
    return CypherResult(columns, rows, cut is not None, max_rows, cut, max_bytes)
