// Purpose: fetch nodes by id.
// Parameters: $ids - list of node ids.
// Returns: one row per existing node: data (Node JSON).
UNWIND $ids AS nid
MATCH (n:Entity {id: nid})
USING INDEX SEEK n:Entity(id)
RETURN n.data AS data
