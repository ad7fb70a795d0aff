// Purpose: take Regiograph's write lock inside a write transaction: every writer
//   updates the same lock node, so Neo4j serializes writers until commit (the
//   reads of a load and its write see no concurrent write in between).
// Parameters: none.
// Returns: nothing.
MERGE (l:RegiographWriteLock {id: 'lock'})
SET l.taken = timestamp()
