// Purpose: all distinct folded names and aliases (the fuzzy search tier scores
//   them in Python with rapidfuzz; Cypher has no comparable similarity).
// Parameters: none.
// Returns: key.
MATCH (n:Entity)
UNWIND n.name_keys AS key
RETURN DISTINCT key
