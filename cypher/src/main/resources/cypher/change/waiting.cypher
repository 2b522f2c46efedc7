// Lists the partners waiting in a sponsor's holding tank of a plan, earliest deadline
// first.
// Parameters: $sponsor (String), $plan (String)
// Index: partner_number_unique
MATCH (p:Partner)-[w:WAITS_FOR_PLACEMENT]->(s:Partner {number: $sponsor})
WHERE w.plan = $plan AND w.validTo IS NULL
RETURN p.number AS partner, s.number AS sponsor, w.plan AS plan, w.validFrom AS since, w.deadline AS deadline,
  w.fallbackLeg AS fallbackLeg
ORDER BY w.deadline, p.number
