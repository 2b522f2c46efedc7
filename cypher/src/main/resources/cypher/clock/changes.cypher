// The recorded genealogy changes after a version up to another, oldest first: what a node
// whose trees are at $since reads to bring them to $until (ADR 21).
// Parameters: $since (Long), $until (Long)
// Index: genealogy_change_version_unique (range)
MATCH (c:GenealogyChange)
WHERE c.version > $since AND c.version <= $until
RETURN c.version AS version, c.changed AS changed, c.added AS added, c.everything AS everything
ORDER BY version
