// Counts one genealogy change: increments the version of the genealogy clock, creating the
// clock at the first change, and records which partners the change touched under the new
// version (ADR 21). Runs in the transaction of the change, so version and record are
// committed together with the change or not at all; the write lock on the clock orders
// concurrent changes' increments. Records older than $kept versions are deleted: a node
// that far behind reads its trees again.
// Parameters: $name (String), $changed (List<String>), $added (List<String>),
//   $everything (Boolean), $kept (Long)
// Index: genealogy_clock_name_unique, genealogy_change_version_unique
MERGE (c:GenealogyClock {name: $name})
ON CREATE SET c.version = 1
ON MATCH SET c.version = c.version + 1
CREATE (:GenealogyChange {version: c.version, changed: $changed, added: $added, everything: $everything})
WITH c
OPTIONAL MATCH (old:GenealogyChange)
WHERE old.version <= c.version - $kept
DELETE old
RETURN DISTINCT c.version AS version
