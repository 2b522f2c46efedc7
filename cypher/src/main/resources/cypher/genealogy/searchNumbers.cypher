// The numbers of the partners matching a full-text query, for filtering a downline.
// Parameters: $query (Lucene query built from user terms), $limit (Integer)
// Index: partner_search (full-text)
CALL db.index.fulltext.queryNodes('partner_search', $query) YIELD node
RETURN node.number AS number
LIMIT $limit
