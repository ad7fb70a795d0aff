// Purpose: fetch edges by id. An edge id starts with '<source>|<TYPE>|<target>',
//   so the caller passes both endpoints and the lookup is anchored on the
//   unique Entity.id index instead of scanning relationships. The seek hint
//   keeps the planner from scanning the id index per row instead, which it
//   picks on a database with few nodes (a fresh one) and keeps for a whole load.
// Parameters: $rows - list of maps {id, source, target}.
// Returns: one row per existing edge: data (Edge JSON).
UNWIND $rows AS row
MATCH (a:Entity {id: row.source})-[r]->(:Entity {id: row.target})
USING INDEX SEEK a:Entity(id)
WHERE r.id = row.id
RETURN r.data AS data
