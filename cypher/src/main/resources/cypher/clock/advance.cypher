// Counts one genealogy change: increments the version of the genealogy clock, creating the
// clock at the first change. Runs in the transaction of the change, so the version is
// committed together with the change or not at all; the write lock on the clock orders
// concurrent changes' increments.
// Parameters: $name (String)
// Index: genealogy_clock_name_unique
MERGE (c:GenealogyClock {name: $name})
ON CREATE SET c.version = 1
ON MATCH SET c.version = c.version + 1
RETURN c.version AS version
