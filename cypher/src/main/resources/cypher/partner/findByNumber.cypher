// One partner by business number.
// Parameters: $number (String)
// Index: partner_number_unique
MATCH (p:Partner {number: $number})
RETURN p {.*} AS partner
