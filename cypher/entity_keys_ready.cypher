// Purpose: whether every node's (:EntityKey) name keys exist (schema.cypher):
//   true once backfill_entity_keys.cypher has run over the database (or the
//   database was created with them), as recorded on the (:RegiographSchema) node.
// Parameters: none.
// Returns: ready (true, or null when the keys have not been built yet).
OPTIONAL MATCH (s:RegiographSchema {id: 'schema'})
RETURN s.entity_keys AS ready
