// Places a partner under a parent in a plan's placement tree, after locking the parent so
// that concurrent placements under it are serialised; returns how many open edges the
// parent had in all and at the position before this one, for the capacity check.
// Parameters: $partner (String), $parent (String), $plan (String), $position (String or
// null), $at (DateTime)
// Index: partner_number_unique
MATCH (p:Partner {number: $partner})
MATCH (parent:Partner {number: $parent})
SET parent.placementVersion = coalesce(parent.placementVersion, 0) + 1
WITH p, parent
OPTIONAL MATCH (parent)<-[r:PLACED_UNDER]-()
WHERE r.plan = $plan AND r.validTo IS NULL
WITH p, parent, count(r) AS children, count(CASE WHEN r.position = $position THEN 1 END) AS atPosition
CREATE (p)-[:PLACED_UNDER {plan: $plan, position: $position, validFrom: $at}]->(parent)
RETURN children, atPosition
