package io.treeline.graph;

import java.util.Objects;

/**
 * The size and shape of a partner's downline in one tree as of an instant.
 *
 * @param partner the partner at the top
 * @param teamSize everyone below the partner, at any depth
 * @param activeCount how many of them have the status {@link PartnerStatus#ACTIVE}
 * @param depth levels below the partner (0 without downline)
 * @param legs the size of the subtree under each direct child, largest first
 */
public record TeamStats(PartnerNumber partner, int teamSize, int activeCount, int depth, Legs legs) {

	public TeamStats {
		Objects.requireNonNull(legs, "legs");
	}

	/**
	 * The size of one leg: a direct child and everyone below it.
	 *
	 * @param child the direct child
	 * @param side LEFT or RIGHT under a binary parent, {@code null} in other trees
	 * @param size the child and its whole downline
	 */
	public record LegSize(PartnerNumber child, Leg side, int size) {
	}

	/**
	 * Returns the size of one binary side.
	 * @param side LEFT or RIGHT
	 * @return the number of partners in that leg, 0 when it is empty
	 */
	public int sizeOf(Leg side) {
		return this.legs.sizeOf(side);
	}

}
