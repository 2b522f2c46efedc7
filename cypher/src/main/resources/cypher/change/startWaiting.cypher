// Puts a newly enrolled partner into its sponsor's holding tank of a plan: the sponsor may
// place it until the deadline; after it, the fallback rule places it.
// Parameters: $partner (String), $sponsor (String), $plan (String), $at (DateTime),
// $deadline (DateTime), $fallbackLeg (String or null: the weaker leg)
// Index: partner_number_unique
MATCH (p:Partner {number: $partner})
MATCH (s:Partner {number: $sponsor})
CREATE (p)-[:WAITS_FOR_PLACEMENT {plan: $plan, validFrom: $at, deadline: $deadline, fallbackLeg: $fallbackLeg}]->(s)
