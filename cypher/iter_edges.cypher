// Purpose: every edge (ordered by id; the caller sorts again in Python order).
// Parameters: none.
// Returns: id, data.
MATCH ()-[r]->()
RETURN r.id AS id, r.data AS data
ORDER BY r.id
