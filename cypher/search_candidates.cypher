// Purpose: candidate nodes for a name search: every node that has, for each
//   query word, a folded name word starting with it. The caller builds the
//   Lucene query ('+w1* +w2*') from folded, escaped words; ranking happens in
//   Python with graph.search.score so every backend ranks alike.
// Parameters: $query - Lucene query; $types - node type names or null (all);
//   $cap - most candidates to consider.
// Returns: data (Node JSON) per candidate.
CALL db.index.fulltext.queryNodes('entity_search', $query, {limit: $cap}) YIELD node
WITH node
WHERE $types IS NULL OR node.type IN $types
RETURN node.data AS data
