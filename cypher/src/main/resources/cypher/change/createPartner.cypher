// Creates a new partner node.
// Parameters: $partner (Map: number, firstName, lastName, email, city, country, language,
// status, joinedAt)
// Index: partner_number_unique (the constraint refuses a duplicate number)
CREATE (p:Partner)
SET p = $partner
