// A page of partners ordered by business number, optionally after a number (keyset)
// and/or skipping rows (offset, for grids that page by position).
// Parameters: $after (String, null for the start), $offset (Integer), $limit (Integer)
// Index: partner_number_unique (ordered range scan)
MATCH (p:Partner)
WHERE p.number > coalesce($after, '')
RETURN p {.*} AS partner
ORDER BY p.number
SKIP $offset
LIMIT $limit
