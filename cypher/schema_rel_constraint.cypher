// Purpose: unique id per relationship type, e.g. [:PART_OF {id}]. Besides
//   guarding against duplicates it gives MERGE in write_edges a unique index
//   to seek, so its plan never degrades to a relationship scan (which the
//   planner picks on an empty database when the type is not known).
// Template: <<type>> is an edge type name from the validated schema, filled
//   by cypher.render (types cannot be parameters in schema commands).
// Parameters: none.  Returns: nothing.
CREATE CONSTRAINT <<type>>_rel_id IF NOT EXISTS
FOR ()-[r:<<type>>]-() REQUIRE r.id IS UNIQUE
