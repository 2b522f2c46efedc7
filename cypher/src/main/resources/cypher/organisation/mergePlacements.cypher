// Creates the placement edges of a batch that do not exist yet (same partners, plan and
// validFrom); existing edges are never changed.
// Parameters: $rows (List<Map>: partner, parent, plan, position, validFrom, validTo)
// Index: partner_number_unique
UNWIND $rows AS row
MATCH (p:Partner {number: row.partner})
MATCH (parent:Partner {number: row.parent})
MERGE (p)-[r:PLACED_UNDER {plan: row.plan, validFrom: row.validFrom}]->(parent)
ON CREATE SET r.validTo = row.validTo, r.position = row.position
