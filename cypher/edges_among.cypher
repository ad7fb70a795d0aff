// Purpose: the allowed edges (type and validity) whose both ends are among
//   the given nodes (the edges of a neighbourhood, or the candidate nodes of
//   a path search). Expands from each node
//   and tests the far end against a map: a plain `v.id IN $ids` would be
//   planned as an index seek per pair (quadratic in the number of ids).
// Parameters: $ids - node ids; $idset - map with those ids as keys;
//   $edge_types - type names or null;
//   $as_of - [first day, last day] (YYYY-MM-DD) of the period, or null;
//   a node or edge takes part when valid at any day of it; $cap - most edges to return.
// Returns: id, type, source, target.
UNWIND $ids AS uid
MATCH (u:Entity {id: uid})-[r]->(v:Entity)
WHERE $idset[v.id] IS NOT NULL
  AND ($edge_types IS NULL OR type(r) IN $edge_types)
  AND ($as_of IS NULL OR ((r.vf IS NULL OR r.vf <= $as_of[1]) AND (r.vt IS NULL OR r.vt >= $as_of[0])))
RETURN r.id AS id, type(r) AS type, u.id AS source, v.id AS target
LIMIT $cap
