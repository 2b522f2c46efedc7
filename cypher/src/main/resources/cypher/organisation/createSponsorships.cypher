// Creates the sponsor edges of a batch that the genealogy does not hold: the import
// compared its edges with the stored ones and passes only new ones, so no existence check
// is needed. Returns how many it created (fewer than rows if a partner is missing).
// Parameters: $rows (List<List>: [partner, sponsor, validFrom, validTo])
// Index: partner_number_unique
UNWIND $rows AS row
MATCH (p:Partner {number: row[0]})
MATCH (s:Partner {number: row[1]})
CREATE (p)-[:SPONSORED_BY {validFrom: row[2], validTo: row[3]}]->(s)
RETURN count(*) AS created
