// Purpose: one page of nodes in id order (keyset pagination on the id index).
// Parameters: $after - id to continue after ('' for the first page);
//   $page - page size.
// Returns: id, data - up to $page rows ordered by id.
MATCH (n:Entity)
WHERE n.id > $after
RETURN n.id AS id, n.data AS data
ORDER BY n.id
LIMIT $page
