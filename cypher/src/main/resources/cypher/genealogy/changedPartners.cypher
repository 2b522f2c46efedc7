// Some partners with what snapshots need besides the tree, as genealogy/partners returns
// them: the partners a genealogy change touched.
// Parameters: $numbers (List<String>)
// Index: partner_number_unique
MATCH (p:Partner)
WHERE p.number IN $numbers
RETURN p.number AS number, p.status AS status, p.lastName AS lastName, p.firstName AS firstName,
  p.joinedAt AS joinedAt
ORDER BY number
