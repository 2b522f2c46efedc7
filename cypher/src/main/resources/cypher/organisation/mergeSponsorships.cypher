// Creates the sponsor edges of a batch that do not exist yet (same partners, same
// validFrom); existing edges are never changed.
// Parameters: $rows (List<Map>: partner, sponsor, validFrom, validTo)
// Index: partner_number_unique
UNWIND $rows AS row
MATCH (p:Partner {number: row.partner})
MATCH (s:Partner {number: row.sponsor})
MERGE (p)-[r:SPONSORED_BY {validFrom: row.validFrom}]->(s)
ON CREATE SET r.validTo = row.validTo
