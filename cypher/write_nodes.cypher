// Purpose: upsert nodes by id, replacing everything stored under that id.
//   The type label is set dynamically from row.type (validated against the
//   schema by the caller) and a stale type label from an earlier type is removed.
// Parameters: $rows - list of maps {id, type, label, data, name_keys,
//   search_text, subtype_key, vf, vt} (see schema.cypher for the meaning).
// Returns: written - number of rows applied.
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
WITH n, row, [l IN labels(n) WHERE l <> 'Entity' AND l <> row.type] AS stale
REMOVE n:$(stale)
SET n:$(row.type),
    n.type = row.type,
    n.label = row.label,
    n.data = row.data,
    n.name_keys = row.name_keys,
    n.search_text = row.search_text,
    n.subtype_key = row.subtype_key,
    n.vf = row.vf,
    n.vt = row.vt
RETURN count(*) AS written
