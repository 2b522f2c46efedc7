// The names of some partners, to place new partners in the cached order of names.
// Parameters: $numbers (List<String>)
// Index: partner_number_unique
MATCH (p:Partner)
WHERE p.number IN $numbers
RETURN p.number AS number, p.lastName AS lastName, p.firstName AS firstName
