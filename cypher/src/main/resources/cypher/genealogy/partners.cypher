// Every partner with what snapshots need besides the tree (status for activity and
// filters, names and join instant for ordering), in number order: the nodes of every
// snapshot.
// Parameters: none
// Index: partner_number_unique (ordered scan)
MATCH (p:Partner)
RETURN p.number AS number, p.status AS status, p.lastName AS lastName, p.firstName AS firstName,
  p.joinedAt AS joinedAt
ORDER BY number
