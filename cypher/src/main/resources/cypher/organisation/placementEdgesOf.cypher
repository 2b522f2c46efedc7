// The placement edges of one plan, over their whole history, of partners an import file
// places: the import checks its edges for these partners against them (same edge again,
// or overlap).
// Parameters: $partners (List<String>: partner numbers, a batch), $plan (String)
// Index: partner_number_unique
UNWIND $partners AS number
MATCH (c:Partner {number: number})-[r:PLACED_UNDER]->(p:Partner)
WHERE r.plan = $plan
RETURN c.number AS partner, p.number AS parent, r.position AS position, r.validFrom AS validFrom, r.validTo AS validTo
