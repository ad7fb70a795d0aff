// Purpose: upsert edges of one type by id, as relationships from row.source
//   to row.target, replacing what is stored under that id.
//   Rows whose endpoints do not exist match nothing; the caller compares
//   `written` with the number of rows and aborts the transaction.
// Template: <<type>> is the edge type name, taken from the validated schema
//   and filled by cypher.render: a static type lets MERGE use the unique
//   index of schema_rel_constraint (a dynamic type would not).
// Parameters: $rows - list of maps {id, source, target, data, vf, vt}.
// Returns: written - number of rows applied.
UNWIND $rows AS row
MATCH (a:Entity {id: row.source}), (b:Entity {id: row.target})
USING INDEX SEEK a:Entity(id)
USING INDEX SEEK b:Entity(id)
MERGE (a)-[r:<<type>> {id: row.id}]->(b)
SET r.data = row.data,
    r.vf = row.vf,
    r.vt = row.vt
RETURN count(*) AS written
