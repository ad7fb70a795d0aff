// Purpose: node count of one node type, from the count store (no scan).
// Template: <<label>> is a node type name from the validated schema, filled by
//   cypher.render; the store joins one copy per schema type with UNION ALL so
//   all counts come back from one statement.
// Parameters: none.  Returns: kind ('node'), type, count.
MATCH (n:<<label>>)
RETURN 'node' AS kind, '<<label>>' AS type, count(n) AS count
