// Ends a partner's wait in a holding tank when it is placed; the edge stays as history.
// Parameters: $partner (String), $plan (String), $at (DateTime)
// Index: partner_number_unique
MATCH (p:Partner {number: $partner})-[w:WAITS_FOR_PLACEMENT]->()
WHERE w.plan = $plan AND w.validTo IS NULL
SET w.validTo = $at
