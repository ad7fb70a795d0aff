// Purpose: edge count of one edge type, from the count store (no scan).
// Template: <<type>> is an edge type name from the validated schema, filled by
//   cypher.render; the store joins one copy per schema type with UNION ALL so
//   all counts come back from one statement.
// Parameters: none.  Returns: kind ('edge'), type, count.
MATCH ()-[r:<<type>>]->()
RETURN 'edge' AS kind, '<<type>>' AS type, count(r) AS count
