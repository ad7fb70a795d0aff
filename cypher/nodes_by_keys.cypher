// Purpose: the nodes carrying any of the given name keys (the fuzzy search
//   tier: keys picked by similarity, then their nodes), each node once.
//   Exact seeks in the (key, id) index of the :EntityKey nodes (forced by
//   hints: on a database with few keys the planner would scan instead).
// Parameters: $keys - list of folded name keys.
// Returns: id, data (Node JSON) - one row per node, ordered by id.
UNWIND $keys AS key
MATCH (k:EntityKey)
USING INDEX SEEK k:EntityKey(key, id)
WHERE k.key = key AND k.id IS NOT NULL
MATCH (n:Entity {id: k.id})
USING INDEX SEEK n:Entity(id)
WITH DISTINCT n
RETURN n.id AS id, n.data AS data
ORDER BY id
