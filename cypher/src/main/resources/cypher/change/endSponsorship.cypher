// Ends the current sponsor edge of a partner at an instant and returns when it started,
// so the caller can refuse a change dated before it.
// Parameters: $partner (String), $at (DateTime)
// Index: partner_number_unique
MATCH (:Partner {number: $partner})-[r:SPONSORED_BY]->(s:Partner)
WHERE r.validTo IS NULL
SET r.validTo = $at
RETURN r.validFrom AS validFrom, s.number AS sponsor
