// Ends a partner's wait in a holding tank when it is placed; the edge stays as history.
// Locks the partner first, so that of two nodes placing the same overdue partner at once
// the second finds the wait ended and places nothing.
// Parameters: $partner (String), $plan (String), $at (DateTime)
// Index: partner_number_unique
MATCH (p:Partner {number: $partner})
SET p.placementVersion = coalesce(p.placementVersion, 0) + 1
WITH p
OPTIONAL MATCH (p)-[w:WAITS_FOR_PLACEMENT]->()
WHERE w.plan = $plan AND w.validTo IS NULL
SET w.validTo = $at
RETURN count(w) AS ended
