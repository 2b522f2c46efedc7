package io.treeline.compensation.calculation;

import java.util.Arrays;

import io.treeline.compensation.plan.PlanRules;

/**
 * What every partner reached in one period: volumes, activity, ranks and binary carry.
 * Rank values are indices into the ranks of {@link #rules()}, {@code -1} for none.
 *
 * @param period the period's label
 * @param planVersion the plan version in force at the period's start
 * @param rules its rules
 * @param pv personal PV in units
 * @param gv group PV in units
 * @param active whether each partner is active
 * @param achieved achieved rank
 * @param paidAs paid-as rank
 * @param highest highest rank ever achieved
 * @param carryLeft binary carry of the left leg in units
 * @param carryRight binary carry of the right leg in units
 */
public record PeriodState(String period, int planVersion, PlanRules rules, long[] pv, long[] gv, boolean[] active,
		int[] achieved, int[] paidAs, int[] highest, long[] carryLeft, long[] carryRight) {

	/**
	 * Returns the state of a period nobody took part in (before the plan's first period).
	 * @param size the population's size
	 * @param rules the rules to read ranks with
	 * @return the empty state: no volume, no activity, no rank, no carry
	 */
	public static PeriodState empty(int size, PlanRules rules) {
		int[] none = new int[size];
		Arrays.fill(none, -1);
		return new PeriodState("", 0, rules, new long[size], new long[size], new boolean[size], none, none, none,
				new long[size], new long[size]);
	}

	/**
	 * Returns the name of a rank index.
	 * @param rank an index into this state's ranks
	 * @return the name, {@code null} for none
	 */
	public String rankName(int rank) {
		return (rank < 0) ? null : this.rules.career().ranks().get(rank).name();
	}

	/**
	 * Returns one of this state's rank indices as an index into other rules' ranks,
	 * matched by name (a plan version may rename or add ranks).
	 * @param rank an index into this state's ranks, {@code -1} for none
	 * @param other the rules to read it with
	 * @return the index there, {@code -1} if those rules have no rank of that name
	 */
	public int rankIn(int rank, PlanRules other) {
		if (rank < 0 || other == this.rules) {
			return rank;
		}
		return other.career().indexOf(rankName(rank)).orElse(-1);
	}

}
