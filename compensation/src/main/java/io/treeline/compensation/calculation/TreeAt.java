package io.treeline.compensation.calculation;

import java.time.Instant;

/**
 * One tree as it was at an instant, in the ids of a {@link Population}: the parent and
 * binary side of every partner and a preorder in which every partner comes before its
 * downline (so a reverse pass sums subtrees).
 *
 * @param asOf the instant
 * @param parent parent id of each partner, {@code -1} for a root
 * @param side 0 none, 1 LEFT, 2 RIGHT
 * @param preorder all ids, each before its downline
 * @param joinedAt start of each partner's contract, nanoseconds since the epoch
 */
public record TreeAt(Instant asOf, int[] parent, byte[] side, int[] preorder, long[] joinedAt) {

	/** The parent of a root. */
	public static final int NONE = -1;

	/**
	 * Converts an instant to the unit of {@link #joinedAt()}.
	 * @param instant the instant
	 * @return nanoseconds since the epoch
	 */
	public static long nanos(Instant instant) {
		return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
	}

	/**
	 * Sums values over every subtree.
	 * @param own the value of each partner
	 * @return the sum of each partner's value and its whole downline's
	 */
	public long[] subtreeSums(long[] own) {
		long[] sums = own.clone();
		for (int i = this.preorder.length - 1; i >= 0; i--) {
			int id = this.preorder[i];
			int p = this.parent[id];
			if (p != NONE) {
				sums[p] += sums[id];
			}
		}
		return sums;
	}

	/**
	 * Returns, for every partner, the nearest partner above it (not itself) that is
	 * marked: the tree compressed to the marked partners, for walks that pass over the
	 * others. A unilevel order's walk up the inactive partners (dynamic compression) cost
	 * a cache miss in the tree and one in the activity per partner passed; in the
	 * compressed tree it costs one per level paid.
	 * @param marked the partners to keep, by id
	 * @return the nearest marked partner above each partner, {@link #NONE} if none is
	 */
	public int[] nearestMarkedAbove(boolean[] marked) {
		int[] above = new int[this.parent.length];
		for (int id : this.preorder) {
			int p = this.parent[id];
			above[id] = (p == NONE) ? NONE : marked[p] ? p : above[p];
		}
		return above;
	}

}
