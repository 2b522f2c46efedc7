// Every edge, in any tree, of which one of some partners is the child, with its validity:
// what replaces those partners' edges in the cached edge histories after a change.
// $plan null for the sponsor tree, else the plan of a placement tree.
// Parameters: $numbers (List<String>)
// Index: partner_number_unique
MATCH (c:Partner)-[r:SPONSORED_BY|PLACED_UNDER]->(p:Partner)
WHERE c.number IN $numbers
RETURN c.number AS partner, p.number AS parent, r.plan AS plan, r.position AS position,
  r.validFrom AS validFrom, r.validTo AS validTo
