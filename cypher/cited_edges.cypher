// Purpose: the relationships whose stored sources name one of the given
//   documents (what changed). A scan of the JSON text; the caller decodes and
//   checks the sources exactly, then sorts and caps.
// Parameters: $needles - strings '"document":"<id>",' as graph.codec writes them.
// Returns: data (Edge JSON).
MATCH (:Entity)-[r]->(:Entity)
WHERE any(x IN $needles WHERE r.data CONTAINS x)
RETURN r.data AS data
