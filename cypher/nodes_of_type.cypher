// Purpose: one page of the nodes of a type (and subtype), ordered by id
//   (lists and filters page through them with a cursor).
// Parameters: $type - node type name; $subtype_key - 'Type:subtype' or null;
//   $after - the last id of the previous page ('' for the first); $limit - page size.
// Returns: id, data (Node JSON).
MATCH (n:Entity)
WHERE n.type = $type AND ($subtype_key IS NULL OR n.subtype_key = $subtype_key) AND n.id > $after
RETURN n.id AS id, n.data AS data
ORDER BY n.id
LIMIT $limit
