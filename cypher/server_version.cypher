// Purpose: the server's Neo4j version, checked before setup (the statements in
//   this folder need 5.26 or newer: dynamic labels, SHORTEST groups, CALL (x) {}).
// Parameters: none.
// Returns: version - e.g. '5.26.30' or '2025.08.0'.
CALL dbms.components() YIELD name, versions
WHERE name = 'Neo4j Kernel'
RETURN versions[0] AS version
