// Creates the sponsor edges of a batch that do not exist yet (same partners, same
// validFrom); existing edges are never changed. The existence check expands from the two
// bound partners (a relationship-index MERGE would scan every edge with the same date).
// Parameters: $rows (List<Map>: partner, sponsor, validFrom, validTo)
// Index: partner_number_unique
UNWIND $rows AS row
MATCH (p:Partner {number: row.partner})
MATCH (s:Partner {number: row.sponsor})
WHERE NOT EXISTS { (p)-[r:SPONSORED_BY]->(s) WHERE r.validFrom = row.validFrom }
CREATE (p)-[:SPONSORED_BY {validFrom: row.validFrom, validTo: row.validTo}]->(s)
