// Marks a partner as terminated; the node and its history stay.
// Parameters: $partner (String), $at (DateTime)
// Index: partner_number_unique
MATCH (p:Partner {number: $partner})
SET p.status = 'TERMINATED', p.terminatedAt = $at
