// Records an applied schema migration (once per version).
// Parameters: $version (Integer), $description (String), $checksum (String)
// Index: schema_migration_version
MERGE (m:__SchemaMigration {version: $version})
ON CREATE SET m.description = $description, m.checksum = $checksum, m.appliedAt = datetime()
