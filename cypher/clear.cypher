// Purpose: delete every node and relationship, in batches (auto-commit
//   transaction required because of CALL ... IN TRANSACTIONS); the
//   (:RegiographSchema) node stays (what it records about the database's
//   structure holds for an empty one too).
// Parameters: none.  Returns: nothing.
MATCH (n)
WHERE NOT n:RegiographSchema
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS
