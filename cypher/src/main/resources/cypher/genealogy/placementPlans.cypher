// The plans that have a placement tree.
// Parameters: none
MATCH ()-[r:PLACED_UNDER]->()
RETURN DISTINCT r.plan AS plan
ORDER BY plan
