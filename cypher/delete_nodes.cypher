// Purpose: delete nodes by id (undo) with every relationship that touches them
//   and their (:EntityKey) name keys (schema.cypher).
// Parameters: $ids - list of node ids.
// Returns: nothing.
UNWIND $ids AS nid
CALL (nid) {
  MATCH (k:EntityKey {id: nid})
  USING INDEX SEEK k:EntityKey(id)
  DELETE k
}
WITH nid
MATCH (n:Entity {id: nid})
DETACH DELETE n
