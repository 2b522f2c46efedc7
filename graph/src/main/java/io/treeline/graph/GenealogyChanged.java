package io.treeline.graph;

/**
 * The genealogy changed: partners or tree edges were added or ended. Published inside the
 * Neo4j transaction that made the change, where the genealogy clock in Neo4j counts it,
 * so that every application node notices the change (ADR 15); listeners that cache trees
 * react after commit. Code that changes the genealogy must publish it in the writing
 * transaction.
 */
public record GenealogyChanged() {
}
