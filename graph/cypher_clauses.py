"""A clause allow-list for ad-hoc Cypher, decided on the tokenized query.

The query is split into tokens (comments, strings and `quoted` names are
recognised and cannot hide a keyword, nor can a keyword hide in them); then:

* it is one statement (no ``;`` between statements);
* it starts with a reading clause: ``MATCH``, ``OPTIONAL MATCH``, ``WITH``,
  ``UNWIND``, ``RETURN`` or ``CALL`` (so no ``SHOW``, ``TERMINATE``, ``CREATE``,
  ``USE``, ``CYPHER`` options, ``EXPLAIN`` or administration command);
* no keyword of a writing, loading or administration clause appears anywhere
  (a property ``n.set``, a label ``:Delete`` or a map key ``{set: 1}`` is a name,
  not a keyword; a variable with such a name must be written in backticks);
* every procedure after ``CALL`` is on the allow-list, and every namespaced
  function (``ns.fn(...)``) is in an allowed namespace (temporal, spatial, vector).

The server then classifies the query itself (``EXPLAIN``; graph.cypher_readonly);
both checks must pass.
"""

from __future__ import annotations

from dataclasses import dataclass

from .errors import RegiographError

FIRST_CLAUSES = frozenset({"MATCH", "OPTIONAL", "WITH", "UNWIND", "RETURN", "CALL"})
REFUSED_KEYWORDS = frozenset({
    "CREATE", "MERGE", "DELETE", "DETACH", "SET", "REMOVE", "DROP", "LOAD", "FOREACH", "INSERT",
    "SHOW", "TERMINATE", "ALTER", "GRANT", "DENY", "REVOKE", "ENABLE", "DEALLOCATE", "RENAME",
    "TRANSACTIONS", "USE", "CYPHER", "EXPLAIN", "PROFILE", "PERIODIC", "IMPORT", "DBMS",
})
FUNCTION_NAMESPACES = frozenset({"point", "date", "datetime", "localdatetime", "localtime", "time", "duration", "vector"})


class CypherRefused(RegiographError):
    code = "cypher_refused"
    http_status = 400


@dataclass(frozen=True)
class Token:
    kind: str  # word, quoted, string, number, param, punct
    text: str
    pos: int


def tokenize(query: str) -> list[Token]:
    out: list[Token] = []
    i, n = 0, len(query)
    while i < n:
        c = query[i]
        if c.isspace():
            i += 1
        elif query.startswith("//", i):
            j = query.find("\n", i)
            i = n if j < 0 else j + 1
        elif query.startswith("/*", i):
            j = query.find("*/", i + 2)
            if j < 0:
                raise CypherRefused(f"unclosed comment at character {i}", details=[{"field": "query", "position": i}])
            i = j + 2
        elif c in "'\"":
            j = i + 1
            while j < n and query[j] != c:
                j += 2 if query[j] == "\\" else 1
            if j >= n:
                raise CypherRefused(f"unclosed string at character {i}", details=[{"field": "query", "position": i}])
            out.append(Token("string", query[i:j + 1], i))
            i = j + 1
        elif c == "`":
            j = i + 1
            while True:
                k = query.find("`", j)
                if k < 0:
                    raise CypherRefused(f"unclosed `name` at character {i}", details=[{"field": "query", "position": i}])
                if query.startswith("``", k):
                    j = k + 2
                    continue
                break
            out.append(Token("quoted", query[i:k + 1], i))
            i = k + 1
        elif c == "$":
            j = i + 1
            while j < n and (query[j].isalnum() or query[j] == "_"):
                j += 1
            out.append(Token("param", query[i:j], i))
            i = j
        elif c.isdigit():
            j = i + 1
            while j < n and (query[j].isalnum() or query[j] in "._"):
                if query[j] == "." and not (j + 1 < n and query[j + 1].isdigit()):
                    break
                j += 1
            out.append(Token("number", query[i:j], i))
            i = j
        elif c.isalpha() or c == "_":
            j = i + 1
            while j < n and (query[j].isalnum() or query[j] == "_"):
                j += 1
            out.append(Token("word", query[i:j], i))
            i = j
        else:
            out.append(Token("punct", c, i))
            i += 1
    return out


def _refuse(message: str, tok: Token | None = None) -> CypherRefused:
    details = [{"field": "query", "value": tok.text, "position": tok.pos}] if tok else [{"field": "query"}]
    return CypherRefused(message, details=details)


def _dotted(tokens: list[Token], i: int) -> tuple[str, int]:
    """The dotted name starting at ``tokens[i]`` and the index after it."""
    parts = [tokens[i].text.strip("`")]
    j = i + 1
    while j + 1 < len(tokens) and tokens[j].text == "." and tokens[j + 1].kind in ("word", "quoted"):
        parts.append(tokens[j + 1].text.strip("`"))
        j += 2
    return ".".join(parts), j


def check_clauses(query: str, allowed_procedures: frozenset[str]) -> None:
    """Raise CypherRefused unless the query is one reading statement made of allowed clauses."""
    tokens = tokenize(query)
    while tokens and tokens[-1].text == ";":
        tokens.pop()
    if not tokens:
        raise _refuse("the query is empty")
    first = tokens[0]
    if first.kind != "word" or first.text.upper() not in FIRST_CLAUSES:
        raise _refuse(f"the query starts with '{first.text}'; a query that writes, loads or administers is refused: "
                      f"POST /api/cypher runs reading queries that start with {', '.join(sorted(FIRST_CLAUSES))}", first)
    for i, tok in enumerate(tokens):
        prev = tokens[i - 1].text if i else ""
        nxt = tokens[i + 1].text if i + 1 < len(tokens) else ""
        if tok.text == ";":
            raise _refuse("one statement per request (found ';')", tok)
        if tok.kind != "word" or prev in (".", ":") or (nxt == ":" and prev in ("{", ",")):
            continue  # a property, label, relationship type or map key: a name, not a keyword
        word = tok.text.upper()
        if word in REFUSED_KEYWORDS:
            raise _refuse(f"refused: '{tok.text}' writes, loads or administers (allowed: reading clauses, WITH, UNWIND, "
                          "RETURN, ORDER BY, SKIP, LIMIT, UNION, catalogue procedures); a variable of that name must be "
                          "written in backticks", tok)
        if word == "CALL" and i + 1 < len(tokens) and tokens[i + 1].kind in ("word", "quoted"):
            name, _ = _dotted(tokens, i + 1)
            if name not in allowed_procedures:
                raise _refuse(f"refused: procedure '{name}' is not allowed; allowed: {', '.join(sorted(allowed_procedures))}",
                              tokens[i + 1])
        elif nxt == "." and prev.upper() != "CALL":
            name, j = _dotted(tokens, i)
            if j < len(tokens) and tokens[j].text == "(" and "." in name:
                if name.split(".")[0].lower() not in FUNCTION_NAMESPACES:
                    raise _refuse(f"refused: function '{name}' is not allowed; namespaced functions allowed: "
                                  f"{', '.join(sorted(FUNCTION_NAMESPACES))}", tok)
