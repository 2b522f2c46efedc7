// Every placement edge of one plan with its validity: the history from which snapshots of
// the plan's placement tree at any instant are built in memory.
// Parameters: $plan (String)
// Index: none (a full scan of the edges of one type)
MATCH (c:Partner)-[r:PLACED_UNDER]->(p:Partner)
WHERE r.plan = $plan
RETURN c.number AS partner, p.number AS parent, r.position AS position, r.validFrom AS validFrom, r.validTo AS validTo
