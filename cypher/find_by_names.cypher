// Purpose: nodes carrying any of the given folded names (optionally of one type).
//   Candidates come from the full-text index (a phrase query per name, built
//   and escaped by the caller); the exact test is membership in name_keys.
// Parameters: $rows - list of maps {key, query}: key = folded name, query =
//   its Lucene phrase; $type - node type name, or null for any type.
// Returns: key, id, data (Node JSON) - one row per (name, matching node).
UNWIND $rows AS row
CALL db.index.fulltext.queryNodes('entity_search', row.query) YIELD node
WITH row, node
WHERE ($type IS NULL OR node.type = $type) AND row.key IN node.name_keys
RETURN DISTINCT row.key AS key, node.id AS id, node.data AS data
