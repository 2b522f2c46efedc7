// The placement edges of one plan, over their whole history, below parents an import file
// places partners under: the import checks free positions and matrix widths against them.
// Parameters: $parents (List<String>: partner numbers, a batch), $plan (String)
// Index: partner_number_unique
UNWIND $parents AS number
MATCH (p:Partner {number: number})<-[r:PLACED_UNDER]-(c:Partner)
WHERE r.plan = $plan
RETURN c.number AS partner, p.number AS parent, r.position AS position, r.validFrom AS validFrom, r.validTo AS validTo
