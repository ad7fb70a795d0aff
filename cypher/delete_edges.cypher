// Purpose: delete relationships by id (undo), anchored on their endpoints.
// Parameters: $rows - list of maps {id, source, target}.
// Returns: nothing.
UNWIND $rows AS row
MATCH (:Entity {id: row.source})-[r]->(:Entity {id: row.target})
WHERE r.id = row.id
DELETE r
