// Number of partners (answered from the count store).
// Parameters: none
MATCH (p:Partner)
RETURN count(p) AS count
