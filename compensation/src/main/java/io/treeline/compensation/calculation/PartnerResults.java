package io.treeline.compensation.calculation;

import java.util.AbstractList;
import java.util.RandomAccess;

import io.treeline.compensation.PartnerResult;

/**
 * What the partners reached in a period, sorted by partner number, read from the arrays
 * of a {@link PeriodState} instead of one object per partner: a close at a million
 * partners hashes and stores them all, and a {@link PartnerResult} with four decimals
 * each is made only when asked for ({@link #get(int)}). Immutable: the state's arrays are
 * not changed once its period is computed.
 */
public final class PartnerResults extends AbstractList<PartnerResult> implements RandomAccess {

	private final Population population;

	private final PeriodState state;

	private final int[] ids;

	private PartnerResults(Population population, PeriodState state, int[] ids) {
		this.population = population;
		this.state = state;
		this.ids = ids;
	}

	/**
	 * Returns the results of every partner with anything to report (volume, activity, a
	 * rank or carry), sorted by partner number.
	 * @param population the partners
	 * @param state the period's state
	 * @return the results
	 */
	public static PartnerResults of(Population population, PeriodState state) {
		int[] byNumber = population.idsByNumber();
		int[] ids = new int[byNumber.length];
		int count = 0;
		for (int id : byNumber) {
			if (state.pv()[id] != 0 || state.gv()[id] != 0 || state.active()[id] || state.achieved()[id] >= 0
					|| state.paidAs()[id] >= 0 || state.highest()[id] >= 0 || state.carryLeft()[id] != 0
					|| state.carryRight()[id] != 0) {
				ids[count++] = id;
			}
		}
		return new PartnerResults(population, state, java.util.Arrays.copyOf(ids, count));
	}

	@Override
	public int size() {
		return this.ids.length;
	}

	@Override
	public PartnerResult get(int index) {
		int id = this.ids[index];
		PeriodState s = this.state;
		return new PartnerResult(this.population.partner(id), Sale.decimal(s.pv()[id]), Sale.decimal(s.gv()[id]),
				s.active()[id], s.rankName(s.achieved()[id]), s.rankName(s.paidAs()[id]), s.rankName(s.highest()[id]),
				Sale.decimal(s.carryLeft()[id]), Sale.decimal(s.carryRight()[id]));
	}

	/**
	 * Returns the partner number of a result, without making the result.
	 * @param index the result
	 * @return the number
	 */
	public String number(int index) {
		return this.population.number(this.ids[index]);
	}

	/**
	 * Returns personal PV in ten-thousandths.
	 * @param index the result
	 * @return the units
	 */
	public long personalPvUnits(int index) {
		return this.state.pv()[this.ids[index]];
	}

	/**
	 * Returns group PV in ten-thousandths.
	 * @param index the result
	 * @return the units
	 */
	public long groupPvUnits(int index) {
		return this.state.gv()[this.ids[index]];
	}

	/**
	 * Tells whether the partner was active.
	 * @param index the result
	 * @return {@code true} if active
	 */
	public boolean active(int index) {
		return this.state.active()[this.ids[index]];
	}

	/**
	 * Returns the achieved rank as an index into {@link #rankNames()}.
	 * @param index the result
	 * @return the rank, {@code -1} for none
	 */
	public int achievedRank(int index) {
		return this.state.achieved()[this.ids[index]];
	}

	/**
	 * Returns the paid-as rank as an index into {@link #rankNames()}.
	 * @param index the result
	 * @return the rank, {@code -1} for none
	 */
	public int paidAsRank(int index) {
		return this.state.paidAs()[this.ids[index]];
	}

	/**
	 * Returns the highest rank as an index into {@link #rankNames()}.
	 * @param index the result
	 * @return the rank, {@code -1} for none
	 */
	public int highestRank(int index) {
		return this.state.highest()[this.ids[index]];
	}

	/**
	 * Returns the left carry in ten-thousandths.
	 * @param index the result
	 * @return the units
	 */
	public long carryLeftUnits(int index) {
		return this.state.carryLeft()[this.ids[index]];
	}

	/**
	 * Returns the right carry in ten-thousandths.
	 * @param index the result
	 * @return the units
	 */
	public long carryRightUnits(int index) {
		return this.state.carryRight()[this.ids[index]];
	}

	/**
	 * Returns the names of the ranks the rank indexes point to.
	 * @return the names, by index
	 */
	public String[] rankNames() {
		return this.state.rules().career().ranks().stream().map((rank) -> rank.name()).toArray(String[]::new);
	}

}
