package io.treeline.graph;

import java.time.Instant;
import java.util.Objects;

/**
 * A page of a partner's downline in tree order (depth first: each partner followed by its
 * own downline), limited to a range of levels.
 *
 * @param partner the partner at the top
 * @param tree the tree
 * @param asOf the instant the tree is read at
 * @param minLevel the first level included, at least 1 (the direct children)
 * @param maxLevel the last level included, {@code null} for no limit
 * @param after the position after which the page starts
 * ({@link DownlinePage.Entry#position()}), {@code -1} for the start
 * @param first the page size, 1 to 1000
 */
public record DownlineQuery(PartnerNumber partner, Tree tree, Instant asOf, int minLevel, Integer maxLevel, int after,
		int first) {

	public DownlineQuery {
		Objects.requireNonNull(partner, "partner");
		Objects.requireNonNull(tree, "tree");
		Objects.requireNonNull(asOf, "asOf");
		if (minLevel < 1) {
			throw new IllegalArgumentException("minLevel must be at least 1 (got " + minLevel + ")");
		}
		if (maxLevel != null && maxLevel < minLevel) {
			throw new IllegalArgumentException("maxLevel must not be below minLevel (got " + maxLevel + ")");
		}
		if (first < 1 || first > 1000) {
			throw new IllegalArgumentException("first must be between 1 and 1000 (got " + first + ")");
		}
	}

}
