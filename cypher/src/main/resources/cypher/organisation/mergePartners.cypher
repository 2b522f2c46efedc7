// Creates the partners of a batch that do not exist yet; existing partners are left as
// they are, so loading the same organisation twice changes nothing.
// Parameters: $rows (List<Map>: number, firstName, lastName, email, city, country,
// language, status, joinedAt)
// Index: partner_number_unique
UNWIND $rows AS row
MERGE (p:Partner {number: row.number})
ON CREATE SET p.firstName = row.firstName, p.lastName = row.lastName, p.email = row.email,
  p.city = row.city, p.country = row.country, p.language = row.language,
  p.status = row.status, p.joinedAt = row.joinedAt
