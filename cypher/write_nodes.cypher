// Purpose: upsert nodes of one type by id, replacing everything stored under that id.
//   Template: <<type>> is the node type name, taken from the validated schema
//   and filled by cypher.render: a static label is set without evaluating an
//   expression per row. A stale type label from an earlier type (a node has
//   exactly two labels, Entity and its type) is removed. The node's
//   (:EntityKey {key, id}) nodes are brought in step with row.name_keys: keys
//   it no longer has are deleted, new ones created (schema.cypher). The seek
//   hint keeps the planner from scanning an index instead, which it picks when
//   it plans on a database with few keys (a fresh one): that plan then serves
//   the whole load, and a scan per row grows with the keys the load writes.
// Parameters: $rows - list of maps {id, type, label, data, name_keys,
//   search_text, subtype_key, vf, vt} (see schema.cypher for the meaning).
// Returns: nothing.
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n:<<type>>,
    n.type = row.type,
    n.label = row.label,
    n.data = row.data,
    n.name_keys = row.name_keys,
    n.search_text = row.search_text,
    n.subtype_key = row.subtype_key,
    n.vf = row.vf,
    n.vt = row.vt
WITH n, row
CALL (row) {
  MATCH (k:EntityKey {id: row.id})
  USING INDEX SEEK k:EntityKey(id)
  WHERE NOT k.key IN row.name_keys
  DELETE k
}
CALL (row) {
  UNWIND row.name_keys AS key
  MERGE (:EntityKey {key: key, id: row.id})
}
WITH n
WHERE size(labels(n)) > 2
REMOVE n:$([l IN labels(n) WHERE l <> 'Entity' AND l <> '<<type>>'])
