// Purpose: fetch edges by id. An edge id starts with '<source>|<TYPE>|<target>',
//   so the caller passes both endpoints and the lookup is anchored on the
//   unique Entity.id index instead of scanning relationships.
// Parameters: $rows - list of maps {id, source, target}.
// Returns: one row per existing edge: data (Edge JSON).
UNWIND $rows AS row
MATCH (:Entity {id: row.source})-[r]->(:Entity {id: row.target})
WHERE r.id = row.id
RETURN r.data AS data
