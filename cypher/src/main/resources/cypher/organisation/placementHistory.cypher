// Every placement edge of one plan with its validity, for an import that gives partners
// of the genealogy new placement parents: only the whole history shows whether that makes
// a cycle at some instant (uplines of any depth, read in one pass, no paths).
// Parameters: $plan (String)
// Index: none (a full scan of the edges of one type)
MATCH (c:Partner)-[r:PLACED_UNDER]->(p:Partner)
WHERE r.plan = $plan
RETURN c.number AS partner, p.number AS parent, r.position AS position, r.validFrom AS validFrom, r.validTo AS validTo
