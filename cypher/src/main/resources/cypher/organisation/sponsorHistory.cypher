// Every sponsor edge with its validity, for an import that gives partners of the
// genealogy new sponsors: only the whole history shows whether that makes a cycle at some
// instant (uplines of any depth, read in one pass, no paths).
// Parameters: none
// Index: none (a full scan of the edges of one type)
MATCH (c:Partner)-[r:SPONSORED_BY]->(s:Partner)
RETURN c.number AS partner, s.number AS parent, null AS position, r.validFrom AS validFrom, r.validTo AS validTo
