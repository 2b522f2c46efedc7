// Every sponsor edge with its validity: the history from which snapshots of the sponsor
// tree at any instant are built in memory (one pass, no paths).
// Parameters: none
MATCH (c:Partner)-[r:SPONSORED_BY]->(s:Partner)
RETURN c.number AS partner, s.number AS parent, null AS position, r.validFrom AS validFrom, r.validTo AS validTo
