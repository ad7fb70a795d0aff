// Purpose: delete nodes by id (undo) with every relationship that touches them.
// Parameters: $ids - list of node ids.
// Returns: nothing.
UNWIND $ids AS nid
MATCH (n:Entity {id: nid})
DETACH DELETE n
