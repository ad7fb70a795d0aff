// Purpose: the allowed edges (type and validity) touching the given nodes, in
//   either direction, each with its real source and target.
// Parameters: $ids - node ids; $edge_types - type names or null (all);
//   $as_of - [first day, last day] (YYYY-MM-DD) of the period, or null.
// Returns: id, type, source, target (the caller sorts, removes repeats and caps).
UNWIND $ids AS uid
MATCH (u:Entity {id: uid})-[r]-(:Entity)
WHERE ($edge_types IS NULL OR type(r) IN $edge_types)
  AND ($as_of IS NULL OR ((r.vf IS NULL OR r.vf <= $as_of[1]) AND (r.vt IS NULL OR r.vt >= $as_of[0])))
RETURN r.id AS id, type(r) AS type, startNode(r).id AS source, endNode(r).id AS target
