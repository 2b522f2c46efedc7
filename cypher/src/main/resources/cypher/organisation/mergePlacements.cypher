// Creates the placement edges of a batch that do not exist yet (same partners, plan and
// validFrom); existing edges are never changed. The existence check expands from the two
// bound partners (a relationship-index MERGE would scan every edge with the same date).
// Parameters: $rows (List<Map>: partner, parent, plan, position, validFrom, validTo)
// Index: partner_number_unique
UNWIND $rows AS row
MATCH (p:Partner {number: row.partner})
MATCH (parent:Partner {number: row.parent})
WHERE NOT EXISTS { (p)-[r:PLACED_UNDER]->(parent) WHERE r.plan = row.plan AND r.validFrom = row.validFrom }
CREATE (p)-[:PLACED_UNDER {plan: row.plan, position: row.position, validFrom: row.validFrom, validTo: row.validTo}]->(parent)
