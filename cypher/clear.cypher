// Purpose: delete every node and relationship, in batches (auto-commit
//   transaction required because of CALL ... IN TRANSACTIONS).
// Parameters: none.  Returns: nothing.
MATCH (n)
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS
