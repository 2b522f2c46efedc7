// The sponsor edges, over their whole history, of partners an import file names: the
// import checks its edges for these partners against them (same edge again, or overlap).
// Parameters: $partners (List<String>: partner numbers, a batch)
// Index: partner_number_unique
UNWIND $partners AS number
MATCH (c:Partner {number: number})-[r:SPONSORED_BY]->(s:Partner)
RETURN c.number AS partner, s.number AS parent, null AS position, r.validFrom AS validFrom, r.validTo AS validTo
