// Purpose: id, type and subtype of existing nodes, optionally only those valid
//   at any day of a period.
// Parameters: $ids - node ids; $as_of - [first day, last day] (YYYY-MM-DD) of
//   the period, or null (every node).
// Returns: id, type, subtype_key ('Type:subtype' or null).
UNWIND $ids AS nid
MATCH (n:Entity {id: nid})
WHERE $as_of IS NULL OR ((n.vf IS NULL OR n.vf <= $as_of[1]) AND (n.vt IS NULL OR n.vt >= $as_of[0]))
RETURN n.id AS id, n.type AS type, n.subtype_key AS subtype_key
