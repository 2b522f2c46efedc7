// Several partners by business number, in one round trip.
// Parameters: $numbers (List<String>)
// Index: partner_number_unique
UNWIND $numbers AS number
MATCH (p:Partner {number: number})
RETURN p {.*} AS partner
