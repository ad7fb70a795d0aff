// Purpose: node count per type.
// Parameters: none.  Returns: type, count.
MATCH (n:Entity)
RETURN n.type AS type, count(*) AS count
