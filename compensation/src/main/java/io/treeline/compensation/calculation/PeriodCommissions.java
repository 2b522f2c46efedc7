package io.treeline.compensation.calculation;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.treeline.compensation.Component;
import io.treeline.compensation.plan.PlanRules.Binary;
import io.treeline.compensation.plan.PlanRules.Matching;
import io.treeline.compensation.plan.PlanRules.Pool;
import io.treeline.compensation.plan.PlanRules.PoolSplit;
import io.treeline.compensation.plan.PlanRules.Rank;

/**
 * The period-aggregate components (domain.md §3, §4.3, §4.5), computed once per period
 * from the period's volumes with the plan version in force at the period's start: binary,
 * pool, rank advancement and matching.
 */
public final class PeriodCommissions {

	private PeriodCommissions() {
	}

	/**
	 * Pays the weak leg of every partner and records the carry in the state.
	 * @param state the period's state; its carry arrays are filled
	 * @param binary the binary rules
	 * @param sales the period's payments and returns
	 * @param placementTree the placement tree at an instant
	 * @param previous the previous period's state (its carry)
	 * @param lines where the lines go
	 */
	public static void binary(PeriodState state, Binary binary, List<Sale> sales,
			Function<Instant, TreeAt> placementTree, PeriodState previous, Lines lines) {
		int size = state.pv().length;
		long[] newLeft = new long[size];
		long[] newRight = new long[size];
		for (Map.Entry<TreeAt, long[]> byTree : Qualification.volumeByTree(sales, size, placementTree, false)
			.entrySet()) {
			TreeAt tree = byTree.getKey();
			long[] sums = tree.subtreeSums(byTree.getValue());
			for (int id = 0; id < size; id++) {
				int p = tree.parent()[id];
				if (p != TreeAt.NONE && sums[id] != 0) {
					if (tree.side()[id] == 1) {
						newLeft[p] += sums[id];
					}
					else if (tree.side()[id] == 2) {
						newRight[p] += sums[id];
					}
				}
			}
		}
		long maxCarry = (binary.maxCarry() != null) ? Sale.units(binary.maxCarry()) : Long.MAX_VALUE;
		BigDecimal[] caps = binary.capsByRankPosition(state.rules().career());
		int noRank = caps.length - 1;
		for (int id = 0; id < size; id++) {
			long left = Math.max(0, previous.carryLeft()[id] + newLeft[id]);
			long right = Math.max(0, previous.carryRight()[id] + newRight[id]);
			if (state.active()[id]) {
				long weak = Math.min(left, right);
				if (weak > 0) {
					BigDecimal base = Sale.decimal(weak);
					BigDecimal amount = Lines.amount(base, binary.rate());
					BigDecimal cap = caps[(state.paidAs()[id] >= 0) ? state.paidAs()[id] : noRank];
					if (cap != null && amount.compareTo(cap) > 0) {
						amount = cap.setScale(2, RoundingMode.HALF_UP);
					}
					lines.pay(id, Component.BINARY, null, -1, state.planVersion(), null, base, binary.rate(), amount);
				}
				left -= weak;
				right -= weak;
			}
			state.carryLeft()[id] = Math.min(left, maxCarry);
			state.carryRight()[id] = Math.min(right, maxCarry);
		}
	}

	/**
	 * Splits a share of the company's BV among the qualifying partners; cents go by
	 * largest remainder, ties to the lower partner number, so the parts add up exactly.
	 * @param state the period's state
	 * @param pool the pool rules
	 * @param sales the period's payments and returns (the company BV, net of stornos)
	 * @param population the partners
	 * @param lines where the lines go
	 */
	public static void pool(PeriodState state, Pool pool, List<Sale> sales, Population population, Lines lines) {
		long companyBv = 0;
		for (Sale sale : sales) {
			companyBv += sale.signedBv();
		}
		BigDecimal amount = Lines.amount(Sale.decimal(companyBv), pool.share());
		int minRank = state.rules().career().indexOf(pool.minRank()).orElseThrow();
		List<Integer> qualified = new ArrayList<>();
		List<BigInteger> weights = new ArrayList<>();
		for (int id = 0; id < population.size(); id++) {
			long weight = (pool.split() == PoolSplit.EQUAL) ? 1 : state.pv()[id];
			if (state.paidAs()[id] >= minRank && weight > 0) {
				qualified.add(id);
				weights.add(BigInteger.valueOf(weight));
			}
		}
		if (amount.signum() <= 0 || qualified.isEmpty()) {
			return;
		}
		BigInteger cents = amount.movePointRight(2).toBigIntegerExact();
		BigInteger total = weights.stream().reduce(BigInteger.ZERO, BigInteger::add);
		long[] parts = new long[qualified.size()];
		BigInteger[] remainders = new BigInteger[qualified.size()];
		long handedOut = 0;
		for (int i = 0; i < parts.length; i++) {
			BigInteger[] division = cents.multiply(weights.get(i)).divideAndRemainder(total);
			parts[i] = division[0].longValueExact();
			remainders[i] = division[1];
			handedOut += parts[i];
		}
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < parts.length; i++) {
			order.add(i);
		}
		order.sort(Comparator.<Integer, BigInteger>comparing((i) -> remainders[i])
			.reversed()
			.thenComparing((i) -> population.number(qualified.get(i))));
		for (long left = cents.longValueExact() - handedOut, k = 0; left > 0; left--, k++) {
			parts[order.get((int) k)]++;
		}
		for (int i = 0; i < parts.length; i++) {
			BigDecimal share = new BigDecimal(weights.get(i)).divide(new BigDecimal(total), 8, RoundingMode.HALF_UP);
			lines.pay(qualified.get(i), Component.POOL, null, -1, state.planVersion(), null, amount, share,
					BigDecimal.valueOf(parts[i], 2));
		}
	}

	/**
	 * Pays each rank's advancement bonus the first time a partner achieves it; a jump
	 * over several ranks pays each of them.
	 * @param state the period's state
	 * @param previous the previous period's state
	 * @param lines where the lines go
	 */
	public static void rankAdvancement(PeriodState state, PeriodState previous, Lines lines) {
		List<Rank> ranks = state.rules().career().ranks();
		for (int id = 0; id < state.pv().length; id++) {
			int before = previous.rankIn(previous.highest()[id], state.rules());
			for (int r = before + 1; r <= state.achieved()[id]; r++) {
				BigDecimal bonus = ranks.get(r).advancementBonus();
				if (bonus != null && bonus.signum() > 0) {
					lines.pay(id, Component.RANK_ADVANCEMENT, null, -1, state.planVersion(), null, bonus,
							BigDecimal.ONE, bonus.setScale(2, RoundingMode.HALF_UP));
				}
			}
		}
	}

	/**
	 * Pays receivers of at least the minimum paid-as rank a share of the net commissions
	 * (floored at zero) of the generations below them in the sponsor tree as of the
	 * period's end.
	 * @param state the period's state
	 * @param matching the matching rules
	 * @param sponsorAtEnd the sponsor tree as of the period's end
	 * @param lines the lines so far; matching lines are added
	 */
	public static void matching(PeriodState state, Matching matching, TreeAt sponsorAtEnd, Lines lines) {
		int minRank = state.rules().career().indexOf(matching.minRank()).orElseThrow();
		BigDecimal[] net = lines.netByPartner();
		for (int source = 0; source < net.length; source++) {
			if (net[source] == null || net[source].signum() <= 0) {
				continue;
			}
			int generation = 0;
			for (int up = sponsorAtEnd.parent()[source]; up != TreeAt.NONE
					&& generation < matching.generationRates().size(); up = sponsorAtEnd.parent()[up]) {
				generation++;
				if (state.paidAs()[up] >= minRank) {
					lines.earn(up, Component.MATCHING, null, source, state.planVersion(), generation, net[source],
							matching.generationRates().get(generation - 1));
				}
			}
		}
	}

}
