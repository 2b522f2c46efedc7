package io.treeline.compensation.calculation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.treeline.compensation.Component;
import io.treeline.compensation.plan.PlanRules;
import io.treeline.compensation.plan.PlanRules.FastStart;
import io.treeline.compensation.plan.PlanRules.Matrix;
import io.treeline.compensation.plan.PlanRules.StairStep;
import io.treeline.compensation.plan.PlanRules.Unilevel;

/**
 * The order-based components (domain.md §4): each paid order is commissioned with the
 * plan version in force at its order date, the tree as of its order date and the activity
 * and paid-as ranks of the period that contains its order date. One instance serves one
 * computation: it keeps the sponsor trees compressed to their active partners for the
 * unilevel walks.
 */
final class OrderCommissions {

	private final Lines lines;

	/** The compressed trees made so far: a few, one for each tree and period met. */
	private final List<ActiveTree> activeTrees = new ArrayList<>();

	private ActiveTree lastActive;

	/**
	 * Starts the order-based lines of a computation.
	 * @param lines where the lines go
	 */
	OrderCommissions(Lines lines) {
		this.lines = lines;
	}

	/**
	 * Commissions one paid order.
	 * @param sale the payment
	 * @param version the plan version in force at the order date
	 * @param rules its rules
	 * @param conditions the state of the period containing the order date
	 * @param sponsor the sponsor tree as of the order date
	 * @param placement the plan's placement tree as of the order date, or {@code null}
	 */
	void commission(Sale sale, int version, PlanRules rules, PeriodState conditions, TreeAt sponsor, TreeAt placement) {
		long base = sale.bv();
		switch (rules.payout()) {
			case Unilevel unilevel -> unilevel(sale, base, version, unilevel, conditions, sponsor);
			case StairStep stairStep -> differential(sale, base, version, rules, stairStep, conditions, sponsor);
			case Matrix matrix -> matrix(sale, base, version, rules, matrix, conditions, placement);
			case PlanRules.Binary binary -> {
				// binary pays per period on the legs, not per order
			}
		}
		FastStart fastStart = rules.bonuses().fastStart();
		if (fastStart != null) {
			fastStart(sale, base, version, fastStart, sponsor);
		}
	}

	/**
	 * Pays the active partners above the order's partner, level by level; the inactive
	 * ones are passed over (dynamic compression) in the tree compressed to the active
	 * partners of the order date's period.
	 */
	private void unilevel(Sale sale, long base, int version, Unilevel unilevel, PeriodState conditions,
			TreeAt sponsor) {
		List<BigDecimal> rates = unilevel.levelRates();
		int[] above = activeAbove(sponsor, conditions);
		boolean byRank = !unilevel.levelsByRank().isEmpty();
		int level = 0;
		for (int up = above[sale.partner()]; up != TreeAt.NONE && level < rates.size(); up = above[up]) {
			level++;
			if (byRank && level > unlockedLevels(unilevel, conditions, up)) {
				continue;
			}
			this.lines.earn(up, Component.UNILEVEL, sale.orderNumber(), sale.partner(), version, level, base,
					rates.get(level - 1));
		}
	}

	/** The tree compressed to the partners active in a period, made once per pair. */
	private int[] activeAbove(TreeAt tree, PeriodState conditions) {
		ActiveTree last = this.lastActive;
		if (last != null && last.tree() == tree && last.active() == conditions.active()) {
			return last.above();
		}
		for (ActiveTree known : this.activeTrees) {
			if (known.tree() == tree && known.active() == conditions.active()) {
				this.lastActive = known;
				return known.above();
			}
		}
		ActiveTree made = new ActiveTree(tree, conditions.active(), tree.nearestMarkedAbove(conditions.active()));
		this.activeTrees.add(made);
		this.lastActive = made;
		return made.above();
	}

	private static int unlockedLevels(Unilevel unilevel, PeriodState conditions, int partner) {
		String rank = conditions.rankName(conditions.paidAs()[partner]);
		return (rank != null) ? unilevel.levelsByRank().getOrDefault(rank, 0) : 0;
	}

	private void differential(Sale sale, long base, int version, PlanRules rules, StairStep stairStep,
			PeriodState conditions, TreeAt sponsor) {
		BigDecimal top = topRate(rules);
		BigDecimal paid = BigDecimal.ZERO;
		int generation = 0;
		for (int up = sale.partner(); up != TreeAt.NONE; up = sponsor.parent()[up]) {
			BigDecimal rate = rankRate(rules, conditions, up);
			if (paid.compareTo(top) < 0) {
				if (rate.compareTo(paid) > 0) {
					this.lines.earn(up, Component.DIFFERENTIAL, sale.orderNumber(), sale.partner(), version,
							Lines.NO_LEVEL, base, rate.subtract(paid));
					paid = rate;
				}
			}
			else if (generation < stairStep.generationRates().size() && top.signum() > 0 && rate.compareTo(top) == 0) {
				generation++;
				this.lines.earn(up, Component.GENERATION_OVERRIDE, sale.orderNumber(), sale.partner(), version,
						generation, base, stairStep.generationRates().get(generation - 1));
			}
			else if (generation >= stairStep.generationRates().size()) {
				return;
			}
		}
	}

	private void matrix(Sale sale, long base, int version, PlanRules rules, Matrix matrix, PeriodState conditions,
			TreeAt placement) {
		if (placement == null) {
			return;
		}
		boolean activityRequired = rules.minPersonalPv().signum() > 0;
		int level = 0;
		for (int up = placement.parent()[sale.partner()]; up != TreeAt.NONE
				&& level < matrix.depth(); up = placement.parent()[up]) {
			level++;
			if (activityRequired && !conditions.active()[up]) {
				continue;
			}
			this.lines.earn(up, Component.MATRIX, sale.orderNumber(), sale.partner(), version, level, base,
					matrix.levelRates().get(level - 1));
		}
	}

	private void fastStart(Sale sale, long base, int version, FastStart fastStart, TreeAt sponsor) {
		int up = sponsor.parent()[sale.partner()];
		long joined = sponsor.joinedAt()[sale.partner()];
		long ordered = TreeAt.nanos(sale.orderedAt());
		if (up != TreeAt.NONE && ordered >= joined && ordered - joined < fastStart.days() * 86_400_000_000_000L) {
			this.lines.earn(up, Component.FAST_START, sale.orderNumber(), sale.partner(), version, Lines.NO_LEVEL, base,
					fastStart.rate());
		}
	}

	/**
	 * Returns the stair-step rate of a partner's paid-as rank, read by name in the rules
	 * of the order date.
	 */
	private static BigDecimal rankRate(PlanRules rules, PeriodState conditions, int partner) {
		return Qualification.rate(rules, conditions.rankIn(conditions.paidAs()[partner], rules));
	}

	private static BigDecimal topRate(PlanRules rules) {
		List<PlanRules.Rank> ranks = rules.career().ranks();
		return ranks.isEmpty() ? BigDecimal.ZERO : ranks.get(ranks.size() - 1).rate();
	}

	/**
	 * A sponsor tree compressed to the partners active in a period.
	 *
	 * @param tree the tree
	 * @param active the period's activity
	 * @param above the nearest active partner above each partner
	 */
	private record ActiveTree(TreeAt tree, boolean[] active, int[] above) {

	}

}
