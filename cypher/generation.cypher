// Purpose: a token that changes whenever a write commits: the time the last
//   committed write took the write lock (write_lock.cypher), with the node and
//   relationship counts (a clear removes the lock node).
// Parameters: none.
// Returns: taken (milliseconds or null), nodes, edges.
OPTIONAL MATCH (l:RegiographWriteLock {id: 'lock'})
WITH max(l.taken) AS taken
CALL { MATCH (n:Entity) RETURN count(n) AS nodes }
CALL { MATCH (:Entity)-[r]->(:Entity) RETURN count(r) AS edges }
RETURN taken, nodes, edges
