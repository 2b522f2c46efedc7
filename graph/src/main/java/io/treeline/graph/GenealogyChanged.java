package io.treeline.graph;

/**
 * The genealogy changed: partners or tree edges were added or ended. Published inside the
 * Neo4j transaction that made the change; listeners that cache trees react after commit.
 */
public record GenealogyChanged() {
}
