// Creates the placement edges of a batch that the genealogy does not hold: the import
// compared its edges with the stored ones and passes only new ones, so no existence check
// is needed. Returns how many it created (fewer than rows if a partner is missing).
// Parameters: $rows (List<List>: [partner, parent, plan, position, validFrom, validTo])
// Index: partner_number_unique
UNWIND $rows AS row
MATCH (p:Partner {number: row[0]})
MATCH (parent:Partner {number: row[1]})
CREATE (p)-[:PLACED_UNDER {plan: row[2], position: row[3], validFrom: row[4], validTo: row[5]}]->(parent)
RETURN count(*) AS created
