// Purpose: create the constraints and indexes every Regiograph database needs.
//   Idempotent (IF NOT EXISTS); run statement by statement in auto-commit
//   transactions, then wait for the indexes to come online.
// Data model (shared by all statements in this folder):
//   * every node has the label :Entity plus one label for its node type
//     (:Region, :Organization, ...), and the properties
//       id, type, label (display name), data (the Node as JSON),
//       name_keys (list of folded names/aliases, graph.text.fold_variants),
//       search_text (those keys joined by ' | ', full-text indexed),
//       subtype_key ('Type:subtype' from the level/kind property, for `via`),
//       vf / vt (first / last day of validity, YYYY-MM-DD, or null);
//   * every edge is a relationship whose TYPE is the schema's edge type
//     (PART_OF, TRADES_WITH, ...), pointing from source to target, with
//       id, data (the Edge as JSON), vf / vt.
//   Real relationship types (not one generic type with a property) keep the
//   graph readable in Neo4j Browser and let the planner filter by type while
//   expanding; filtering uses type(r) IN $edge_types, so no type is ever
//   spliced into a query from a request.
// Parameters: none.  Returns: nothing.
CREATE CONSTRAINT entity_id IF NOT EXISTS
FOR (n:Entity) REQUIRE n.id IS UNIQUE;

// Whitespace analyzer: the indexed text is already folded (lowercase, no
// accents, no punctuation), so tokens are exactly the folded words.
// Not eventually consistent: a committed write is searchable at once.
CREATE FULLTEXT INDEX entity_search IF NOT EXISTS
FOR (n:Entity) ON EACH [n.search_text]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'whitespace', `fulltext.eventually_consistent`: false}};

CREATE CONSTRAINT write_lock_id IF NOT EXISTS
FOR (l:RegiographWriteLock) REQUIRE l.id IS UNIQUE;

CREATE INDEX entity_type IF NOT EXISTS
FOR (n:Entity) ON (n.type);
