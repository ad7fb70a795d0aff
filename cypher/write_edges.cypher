// Purpose: upsert edges by id as relationships of type row.type (validated
//   against the schema by the caller) from row.source to row.target.
//   Rows whose endpoints do not exist match nothing; the caller compares
//   `written` with the number of rows and aborts the transaction.
// Parameters: $rows - list of maps {id, type, source, target, data, vf, vt}.
// Returns: written - number of rows applied.
UNWIND $rows AS row
MATCH (a:Entity {id: row.source}), (b:Entity {id: row.target})
MERGE (a)-[r:$(row.type) {id: row.id}]->(b)
SET r.data = row.data,
    r.vf = row.vf,
    r.vt = row.vt
RETURN count(*) AS written
