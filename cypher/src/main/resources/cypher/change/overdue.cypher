// Lists the partners whose holding-tank deadline has passed, earliest first.
// Parameters: $now (DateTime)
// Index: none (scans the open holding-tank edges, a small set)
MATCH (p:Partner)-[w:WAITS_FOR_PLACEMENT]->(s:Partner)
WHERE w.validTo IS NULL AND w.deadline <= $now
RETURN p.number AS partner, s.number AS sponsor, w.plan AS plan, w.validFrom AS since, w.deadline AS deadline,
  w.fallbackLeg AS fallbackLeg
ORDER BY w.deadline, p.number
