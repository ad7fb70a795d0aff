// Purpose: nodes carrying any of the given name keys (folded names, or
//   identifier keys such as '#lei=...'), optionally of one type. Exact: one
//   seek per key in the (key, id) index of the :EntityKey nodes (schema.cypher),
//   forced by hints: on a database with few keys the planner would scan instead.
// Parameters: $keys - list of keys; $type - node type name, or null for any type.
// Returns: key, id - one row per (key, matching node).
UNWIND $keys AS key
MATCH (k:EntityKey)
USING INDEX SEEK k:EntityKey(key, id)
WHERE k.key = key AND k.id IS NOT NULL
MATCH (n:Entity {id: k.id})
USING INDEX SEEK n:Entity(id)
WHERE $type IS NULL OR n.type = $type
RETURN DISTINCT key, n.id AS id
