// The sponsor of each of several partners as of an instant (one hop, never a path).
// Parameters: $numbers (List<String>), $asOf (DateTime)
// Index: partner_number_unique
UNWIND $numbers AS number
MATCH (p:Partner {number: number})-[r:SPONSORED_BY]->(s:Partner)
WHERE r.validFrom <= $asOf AND (r.validTo IS NULL OR $asOf < r.validTo)
RETURN number, s {.*} AS sponsor
