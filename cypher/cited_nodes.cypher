// Purpose: the nodes whose stored sources name one of the given documents
//   (what changed: the facts a document states). A scan of the JSON text; the
//   caller decodes and checks the sources exactly, then sorts and caps.
// Parameters: $needles - strings '"document":"<id>",' as graph.codec writes them.
// Returns: data (Node JSON).
MATCH (n:Entity)
WHERE any(x IN $needles WHERE n.data CONTAINS x)
RETURN n.data AS data
