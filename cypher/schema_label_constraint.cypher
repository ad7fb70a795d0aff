// Purpose: unique id per node-type label, e.g. (:Region {id}).
// Template: <<label>> is a node type name from the validated schema, filled by
//   cypher.render (labels cannot be parameters in schema commands).
// Parameters: none.  Returns: nothing.
CREATE CONSTRAINT <<label>>_id IF NOT EXISTS
FOR (n:<<label>>) REQUIRE n.id IS UNIQUE
