// Purpose: create the (:EntityKey {key, id}) nodes (schema.cypher) of one page
//   of nodes, in id order - once, for a database written before those nodes
//   existed (an older Regiograph, or `neo4j-admin database import`). Run
//   page by page inside write transactions that hold the write lock;
//   idempotent (MERGE on the unique (key, id) pair).
// Parameters: $after - id to continue after ('' for the first page);
//   $page - page size.
// Returns: last (the page's last id, null when the page is empty), nodes.
MATCH (n:Entity)
WHERE n.id > $after
WITH n
ORDER BY n.id
LIMIT $page
CALL (n) {
  UNWIND coalesce(n.name_keys, []) AS key
  MERGE (:EntityKey {key: key, id: n.id})
}
RETURN max(n.id) AS last, count(n) AS nodes
