package io.treeline.compensation.calculation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.treeline.compensation.plan.PlanRules;
import io.treeline.compensation.plan.PlanRules.CareerMode;
import io.treeline.compensation.plan.PlanRules.Rank;

/**
 * Qualification of a period (domain.md §3, §4.2): personal PV, group PV along the sponsor
 * tree of each order's date (so a move never takes earned volume away), activity,
 * achieved, paid-as and highest rank.
 */
public final class Qualification {

	/** Sales whose trees are found before their volumes are added. */
	private static final int VOLUME_BLOCK = 4096;

	private Qualification() {
	}

	/**
	 * Qualifies every partner of a period.
	 * @param period the period's label
	 * @param planVersion the version in force at the period's start
	 * @param rules its rules
	 * @param sales the payments and returns whose commission period this is
	 * @param size the population's size
	 * @param sponsorTree the sponsor tree at an instant
	 * @param previous the previous period's state (for FIXED careers and highest ranks)
	 * @return the state, without binary carry (zero)
	 */
	public static PeriodState qualify(String period, int planVersion, PlanRules rules, List<Sale> sales, int size,
			Function<Instant, TreeAt> sponsorTree, PeriodState previous) {
		long[] pv = new long[size];
		Sales columns = Sales.of(sales);
		for (int i = 0; i < columns.size(); i++) {
			pv[columns.partner(i)] += columns.signedPv(i);
		}
		List<Rank> ranks = rules.career().ranks();
		boolean needsLegs = ranks.stream().anyMatch((rank) -> rank.maxLegShare() != null);
		long[] gv = new long[size];
		// leg volumes by partner and direct child (a child may change parent within a
		// period)
		Map<Integer, Map<Integer, Long>> legs = new HashMap<>();
		for (Map.Entry<TreeAt, long[]> byTree : volumeByTree(sales, size, sponsorTree, true).entrySet()) {
			TreeAt tree = byTree.getKey();
			long[] sums = tree.subtreeSums(byTree.getValue());
			for (int id = 0; id < size; id++) {
				gv[id] += sums[id];
				int p = tree.parent()[id];
				if (needsLegs && p != TreeAt.NONE && sums[id] != 0) {
					legs.computeIfAbsent(p, (key) -> new HashMap<>()).merge(id, sums[id], Long::sum);
				}
			}
		}
		long minActive = Sale.units(rules.minPersonalPv());
		boolean[] active = new boolean[size];
		int[] achieved = new int[size];
		int[] paidAs = new int[size];
		int[] highest = new int[size];
		for (int id = 0; id < size; id++) {
			active[id] = pv[id] >= minActive;
			achieved[id] = achievedRank(ranks, pv[id], gv[id], legs.get(id));
			int before = previous.rankIn(previous.paidAs()[id], rules);
			paidAs[id] = (rules.career().mode() == CareerMode.FIXED) ? Math.max(achieved[id], before) : achieved[id];
			highest[id] = Math.max(achieved[id], previous.rankIn(previous.highest()[id], rules));
		}
		return new PeriodState(period, planVersion, rules, pv, gv, active, achieved, paidAs, highest, new long[size],
				new long[size]);
	}

	/**
	 * Adds up the signed volume of sales by the tree of each sale's order date.
	 * @param sales the sales
	 * @param size the population's size
	 * @param treeAt the tree at an instant (the same object for instants that share a
	 * tree)
	 * @param points PV if {@code true}, BV otherwise
	 * @return each tree with each partner's own volume in it
	 */
	static Map<TreeAt, long[]> volumeByTree(List<Sale> sales, int size, Function<Instant, TreeAt> treeAt,
			boolean points) {
		Sales columns = Sales.of(sales);
		Map<TreeAt, long[]> byTree = new LinkedHashMap<>();
		TreeAt lastTree = null;
		long[] lastVolumes = null;
		long[][] target = new long[VOLUME_BLOCK][];
		long[] volumes = new long[VOLUME_BLOCK];
		for (int from = 0; from < columns.size(); from += VOLUME_BLOCK) {
			int to = Math.min(columns.size(), from + VOLUME_BLOCK);
			for (int i = from; i < to; i++) {
				long volume = points ? columns.signedPv(i) : columns.signedBv(i);
				volumes[i - from] = volume;
				if (volume != 0) {
					TreeAt tree = treeAt.apply(Sale.instant(columns.orderedAtMicros(i)));
					if (tree != lastTree) {
						// most sales in a row share a tree: no record hash per sale
						lastVolumes = byTree.computeIfAbsent(tree, (key) -> new long[size]);
						lastTree = tree;
					}
				}
				target[i - from] = (volume != 0) ? lastVolumes : null;
			}
			// the additions in a loop of their own: each is a cache miss in an array over
			// all partners, and in a short loop they overlap (ADR 0047)
			for (int i = from; i < to; i++) {
				long[] into = target[i - from];
				if (into != null) {
					into[columns.partner(i)] += volumes[i - from];
				}
			}
		}
		return byTree;
	}

	private static int achievedRank(List<Rank> ranks, long pv, long gv, Map<Integer, Long> legs) {
		for (int r = ranks.size() - 1; r >= 0; r--) {
			Rank rank = ranks.get(r);
			long minGroup = Sale.units(rank.minGroupPv());
			if (pv < Sale.units(rank.minPersonalPv())) {
				continue;
			}
			long group = gv;
			if (rank.maxLegShare() != null && legs != null) {
				long perLeg = rank.minGroupPv()
					.multiply(rank.maxLegShare())
					.movePointRight(Sale.SCALE)
					.setScale(0, RoundingMode.DOWN)
					.longValueExact();
				group = pv;
				for (long leg : legs.values()) {
					group += Math.min(leg, perLeg);
				}
			}
			if (group >= minGroup) {
				return r;
			}
		}
		return -1;
	}

	static BigDecimal rate(PlanRules rules, int rank) {
		return (rank < 0) ? BigDecimal.ZERO : rules.career().ranks().get(rank).rate();
	}

}
