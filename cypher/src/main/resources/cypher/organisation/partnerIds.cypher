// The element ids of partners, for the loader: edges of partners the genealogy holds
// already are created between nodes found by id, not by a second index look-up per row.
// Parameters: $numbers (List<String>: partner numbers, a batch)
// Index: partner_number_unique
UNWIND $numbers AS number
MATCH (p:Partner {number: number})
RETURN number, elementId(p) AS id
