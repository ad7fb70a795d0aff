// Purpose: the allowed edges (type and validity) whose both ends are among
//   the given nodes (the edges of a neighbourhood).
// Parameters: $ids - node ids; $edge_types - type names or null;
//   $as_of - YYYY-MM-DD or null; $cap - most edges to return.
// Returns: id, data.
MATCH (u:Entity)-[r]->(v:Entity)
WHERE u.id IN $ids AND v.id IN $ids
  AND ($edge_types IS NULL OR type(r) IN $edge_types)
  AND ($as_of IS NULL OR ((r.vf IS NULL OR r.vf <= $as_of) AND (r.vt IS NULL OR r.vt >= $as_of)))
RETURN r.id AS id, r.data AS data
LIMIT $cap
