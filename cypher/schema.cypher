// Purpose: create the constraints and indexes every Regiograph database needs.
//   Idempotent (IF NOT EXISTS); run statement by statement in auto-commit
//   transactions, then wait for the indexes to come online.
// Data model (shared by all statements in this folder):
//   * every node has the label :Entity plus one label for its node type
//     (:Region, :Organization, ...), and the properties
//       id, type, label (display name), data (the Node as JSON),
//       name_keys (list of folded names/aliases, graph.text.fold_variants,
//         and identifier keys such as '#lei=...', graph.identity),
//       search_text (the folded names joined by ' | ', full-text indexed;
//         identifier keys are left out: a folded search word never holds '#'),
//       subtype_key ('Type:subtype' from the level/kind property, for `via`),
//       vf / vt (first / last day of validity, YYYY-MM-DD, or null);
//   * every edge is a relationship whose TYPE is the schema's edge type
//     (PART_OF, TRADES_WITH, ...), pointing from source to target, with
//       id, data (the Edge as JSON), vf / vt.
//   * every name key of a node is also one (:EntityKey {key, id}) node (no
//     relationships), so find_by_names is an exact index seek per key
//     (a range index does not serve `key IN n.name_keys`, and a full-text
//     phrase query per key cost milliseconds); write_nodes.cypher keeps them
//     in step with name_keys, delete_nodes.cypher removes them, and
//     backfill_entity_keys.cypher creates them once for a database written
//     before they existed (marked done by the (:RegiographSchema) node).
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

// The name keys of every node, one node per (key, node id): the pair is
// unique (MERGE seeks it), and its index serves look-ups by key
// (find_by_names.cypher); the id index finds a node's keys when it is
// rewritten or deleted.
CREATE CONSTRAINT entity_key_pair IF NOT EXISTS
FOR (k:EntityKey) REQUIRE (k.key, k.id) IS UNIQUE;

CREATE INDEX entity_key_id IF NOT EXISTS
FOR (k:EntityKey) ON (k.id);
