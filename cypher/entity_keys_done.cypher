// Purpose: record on the (:RegiographSchema) node that every node's
//   (:EntityKey) name keys exist (after backfill_entity_keys.cypher), so the
//   back-fill runs once per database.
// Parameters: none.
// Returns: nothing.
MERGE (s:RegiographSchema {id: 'schema'})
SET s.entity_keys = true
