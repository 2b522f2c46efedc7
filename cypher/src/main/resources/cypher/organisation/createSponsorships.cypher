// Creates the sponsor edges of a batch that the genealogy does not hold: the import
// compared its edges with the stored ones and passes only new ones, so no existence check
// is needed. The partners are found by element id (returned when the loader created them
// or read by partnerIds): no index look-up, which in a writing statement also locks the
// index entry. Returns how many it created (fewer than rows if a partner is missing).
// Parameters: $rows (List<List>: [partner id, sponsor id, validFrom, validTo])
// Index: none (element id seeks)
UNWIND $rows AS row
MATCH (p) WHERE elementId(p) = row[0]
MATCH (s) WHERE elementId(s) = row[1]
CREATE (p)-[:SPONSORED_BY {validFrom: row[2], validTo: row[3]}]->(s)
RETURN count(*) AS created
