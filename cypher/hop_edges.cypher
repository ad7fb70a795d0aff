// Purpose: for consecutive node pairs of paths, every allowed edge (type,
//   validity) between the two in either direction; the caller picks the one
//   that sorts first by (path_cost, type, id).
// Parameters: $pairs - list of [from_id, to_id]; $edge_types - type names or
//   null; $as_of - YYYY-MM-DD or null.
// Returns: a, b (the pair), data (Edge JSON).
UNWIND $pairs AS pair
MATCH (a:Entity {id: pair[0]})-[r]-(b:Entity {id: pair[1]})
WHERE ($edge_types IS NULL OR type(r) IN $edge_types)
  AND ($as_of IS NULL OR ((r.vf IS NULL OR r.vf <= $as_of) AND (r.vt IS NULL OR r.vt >= $as_of)))
RETURN pair[0] AS a, pair[1] AS b, r.data AS data
