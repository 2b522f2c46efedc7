// Every partner with its status, in number order: the nodes of every snapshot.
// Parameters: none
// Index: partner_number_unique (ordered scan)
MATCH (p:Partner)
RETURN p.number AS number, p.status AS status
ORDER BY number
