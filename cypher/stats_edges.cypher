// Purpose: edge count per type.
// Parameters: none.  Returns: type, count.
MATCH ()-[r]->()
RETURN type(r) AS type, count(*) AS count
