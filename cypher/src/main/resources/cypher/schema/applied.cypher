// The schema migrations recorded in the graph.
// Parameters: none
// Index: schema_migration_version
MATCH (m:__SchemaMigration)
RETURN m.version AS version, m.checksum AS checksum
ORDER BY version
