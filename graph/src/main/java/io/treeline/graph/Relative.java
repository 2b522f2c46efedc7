package io.treeline.graph;

/**
 * A partner above or below another in a tree, with the number of levels between them.
 *
 * @param partner the partner
 * @param level 1 for the direct sponsor or child, 2 for the next, ...
 * @param side the binary side of the partner under its own parent, {@code null} outside
 * binary trees
 */
public record Relative(PartnerNumber partner, int level, Leg side) {
}
