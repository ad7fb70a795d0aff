// Purpose: every edge touching a node (any type, any date), with the node at
//   the other end; restricted to edges to $other when it is given (timelines).
// Parameters: $id - node id; $other - node id or null.
// Returns: edge (Edge JSON), node (the other end's Node JSON).
MATCH (u:Entity {id: $id})-[r]-(v:Entity)
WHERE $other IS NULL OR v.id = $other
RETURN DISTINCT r.data AS edge, v.data AS node
