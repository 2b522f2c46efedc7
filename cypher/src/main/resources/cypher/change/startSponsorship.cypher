// Starts a sponsor edge at an instant.
// Parameters: $partner (String), $sponsor (String), $at (DateTime)
// Index: partner_number_unique
MATCH (p:Partner {number: $partner})
MATCH (s:Partner {number: $sponsor})
CREATE (p)-[:SPONSORED_BY {validFrom: $at}]->(s)
