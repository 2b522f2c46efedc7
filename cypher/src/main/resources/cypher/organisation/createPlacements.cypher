// Creates the placement edges of a batch that the genealogy does not hold: the import
// compared its edges with the stored ones and passes only new ones, so no existence check
// is needed. The partners are found by element id (returned when the loader created them
// or read by partnerIds): no index look-up, which in a writing statement also locks the
// index entry. Returns how many it created (fewer than rows if a partner is missing).
// Parameters: $rows (List<List>: [partner id, parent id, plan, position, validFrom, validTo])
// Index: none (element id seeks)
UNWIND $rows AS row
MATCH (p) WHERE elementId(p) = row[0]
MATCH (parent) WHERE elementId(parent) = row[1]
CREATE (p)-[:PLACED_UNDER {plan: row[2], position: row[3], validFrom: row[4], validTo: row[5]}]->(parent)
RETURN count(*) AS created
