// A page of partners matching a full-text query, ordered by business number.
// Parameters: $query (Lucene query built from user terms), $after (String or null),
// $offset (Integer), $limit (Integer)
// Index: partner_search (full-text)
CALL db.index.fulltext.queryNodes('partner_search', $query) YIELD node AS p
WHERE p.number > coalesce($after, '')
RETURN p {.*} AS partner
ORDER BY p.number
SKIP $offset
LIMIT $limit
