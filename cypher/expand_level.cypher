// Purpose: one breadth-first level of an undirected traversal: the neighbours
//   of the frontier nodes over allowed edges (type and validity), themselves
//   allowed (type and validity). The caller removes nodes already visited.
// Parameters: $frontier - node ids; $edge_types / $node_types - type names or
//   null (all); $as_of - [first day, last day] (YYYY-MM-DD) of the period, or null;
//   a node or edge takes part when valid at any day of it.
// Returns: id, type, subtype_key - each reached neighbour once.
UNWIND $frontier AS uid
MATCH (u:Entity {id: uid})-[r]-(v:Entity)
WHERE ($edge_types IS NULL OR type(r) IN $edge_types)
  AND ($as_of IS NULL OR ((r.vf IS NULL OR r.vf <= $as_of[1]) AND (r.vt IS NULL OR r.vt >= $as_of[0])))
  AND ($node_types IS NULL OR v.type IN $node_types)
  AND ($as_of IS NULL OR ((v.vf IS NULL OR v.vf <= $as_of[1]) AND (v.vt IS NULL OR v.vt >= $as_of[0])))
RETURN DISTINCT v.id AS id, v.type AS type, v.subtype_key AS subtype_key
