// Creates the partners of a batch that the genealogy does not hold: the import read the
// stored partners it names and passes only new ones, so no look-up is needed (the
// uniqueness constraint still refuses a number that exists). Returns each partner's
// element id, so that the loader creates the edges between nodes found by id.
// Parameters: $rows (List<List>: [number, firstName, lastName, email, city, country,
// language, status, joinedAt])
// Index: partner_number_unique (written, not read)
UNWIND $rows AS row
CREATE (p:Partner {number: row[0], firstName: row[1], lastName: row[2], email: row[3], city: row[4],
  country: row[5], language: row[6], status: row[7], joinedAt: row[8]})
RETURN row[0] AS number, elementId(p) AS id
