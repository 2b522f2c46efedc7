// Number of partners matching a full-text query.
// Parameters: $query (Lucene query built from user terms)
// Index: partner_search (full-text)
CALL db.index.fulltext.queryNodes('partner_search', $query) YIELD node
RETURN count(node) AS count
