// Purpose: block until every index is online (after schema.cypher).
// Parameters: $seconds - how long to wait at most.  Returns: nothing.
CALL db.awaitIndexes($seconds)
