package io.treeline.graph;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A page of a partner's downline, limited to a range of levels and optionally to some
 * statuses and a search text, in a chosen order.
 *
 * @param partner the partner at the top
 * @param tree the tree
 * @param asOf the instant the tree is read at
 * @param minLevel the first level included, at least 1 (the direct children)
 * @param maxLevel the last level included, {@code null} for no limit
 * @param statuses only partners with one of these statuses; empty for all
 * @param search only partners whose name, number, e-mail or city starts with every word
 * of this text; {@code null} for all
 * @param order the order of the page
 * @param after the position in that order after which the page starts
 * ({@link DownlinePage.Entry#position()}), {@code -1} for the start
 * @param first the page size, 1 to 1000
 */
public record DownlineQuery(PartnerNumber partner, Tree tree, Instant asOf, int minLevel, Integer maxLevel,
		Set<PartnerStatus> statuses, String search, DownlineOrder order, int after, int first) {

	/**
	 * A page in tree order without filters.
	 * @param partner the partner at the top
	 * @param tree the tree
	 * @param asOf the instant
	 * @param minLevel first level included
	 * @param maxLevel last level included, or {@code null}
	 * @param after position after which the page starts, {@code -1} for the start
	 * @param first page size
	 */
	public DownlineQuery(PartnerNumber partner, Tree tree, Instant asOf, int minLevel, Integer maxLevel, int after,
			int first) {
		this(partner, tree, asOf, minLevel, maxLevel, Set.of(), null, DownlineOrder.TREE, after, first);
	}

	public DownlineQuery {
		Objects.requireNonNull(partner, "partner");
		Objects.requireNonNull(tree, "tree");
		Objects.requireNonNull(asOf, "asOf");
		statuses = (statuses != null) ? Set.copyOf(statuses) : Set.of();
		order = (order != null) ? order : DownlineOrder.TREE;
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
