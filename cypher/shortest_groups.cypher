// Purpose: the node sequences of the <<groups>> shortest length groups of
//   undirected paths from $source to $target with at most <<max_hops>> hops,
//   over allowed edges (type, validity) and valid intermediate nodes whose
//   type or 'Type:subtype' key is one of $via (when given; the endpoints may
//   be of any type).
//   SHORTEST k GROUPS matches trails (no relationship twice) and returns every
//   path of each of the k smallest lengths; parallel edges give the same node
//   sequence, hence DISTINCT. The caller keeps simple paths, ranks them by
//   (length, cost, node ids) and asks for more groups if fewer than k remain.
// Template: <<groups>> (1-8) and <<max_hops>> (1-8) are integers filled by
//   cypher.render - Cypher does not accept parameters in these positions.
// Parameters: $source, $target - node ids; $edge_types, $via - type names or null;
//   $as_of - YYYY-MM-DD or null; $cap - most distinct sequences to return.
// Returns: ids - list of node ids along the path.
MATCH (s:Entity {id: $source}), (t:Entity {id: $target})
MATCH p = SHORTEST <<groups>> GROUPS (s)
  (()-[r WHERE ($edge_types IS NULL OR type(r) IN $edge_types)
              AND ($as_of IS NULL OR ((r.vf IS NULL OR r.vf <= $as_of) AND (r.vt IS NULL OR r.vt >= $as_of)))]-
   (x WHERE ($as_of IS NULL OR ((x.vf IS NULL OR x.vf <= $as_of) AND (x.vt IS NULL OR x.vt >= $as_of)))
            AND ($via IS NULL OR x.type IN $via OR x.subtype_key IN $via OR x.id = $target))){1,<<max_hops>>}
  (t)
WITH DISTINCT [n IN nodes(p) | n.id] AS ids
LIMIT $cap
RETURN ids
