// The committed version of the genealogy clock: how many genealogy changes there have been.
// No row before the first change.
// Parameters: $name (String)
// Index: genealogy_clock_name_unique
MATCH (c:GenealogyClock {name: $name})
RETURN c.version AS version
