package io.treeline.compensation.calculation;

import java.math.BigDecimal;
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
 * and paid-as ranks of the period that contains its order date.
 */
public final class OrderCommissions {

	private OrderCommissions() {
	}

	/**
	 * Commissions one paid order.
	 * @param sale the payment
	 * @param version the plan version in force at the order date
	 * @param rules its rules
	 * @param conditions the state of the period containing the order date
	 * @param sponsor the sponsor tree as of the order date
	 * @param placement the plan's placement tree as of the order date, or {@code null}
	 * @param lines where the lines go
	 */
	public static void commission(Sale sale, int version, PlanRules rules, PeriodState conditions, TreeAt sponsor,
			TreeAt placement, Lines lines) {
		long base = sale.bv();
		switch (rules.payout()) {
			case Unilevel unilevel -> unilevel(sale, base, version, rules, unilevel, conditions, sponsor, lines);
			case StairStep stairStep -> differential(sale, base, version, rules, stairStep, conditions, sponsor, lines);
			case Matrix matrix -> matrix(sale, base, version, rules, matrix, conditions, placement, lines);
			case PlanRules.Binary binary -> {
				// binary pays per period on the legs, not per order
			}
		}
		FastStart fastStart = rules.bonuses().fastStart();
		if (fastStart != null) {
			fastStart(sale, base, version, fastStart, sponsor, lines);
		}
	}

	private static void unilevel(Sale sale, long base, int version, PlanRules rules, Unilevel unilevel,
			PeriodState conditions, TreeAt sponsor, Lines lines) {
		List<BigDecimal> rates = unilevel.levelRates();
		int level = 0;
		for (int up = sponsor.parent()[sale.partner()]; up != TreeAt.NONE
				&& level < rates.size(); up = sponsor.parent()[up]) {
			if (!conditions.active()[up]) {
				continue;
			}
			level++;
			if (!unilevel.levelsByRank().isEmpty() && level > unlockedLevels(unilevel, conditions, up)) {
				continue;
			}
			lines.earn(up, Component.UNILEVEL, sale.orderNumber(), sale.partner(), version, level, base,
					rates.get(level - 1));
		}
	}

	private static int unlockedLevels(Unilevel unilevel, PeriodState conditions, int partner) {
		String rank = conditions.rankName(conditions.paidAs()[partner]);
		return (rank != null) ? unilevel.levelsByRank().getOrDefault(rank, 0) : 0;
	}

	private static void differential(Sale sale, long base, int version, PlanRules rules, StairStep stairStep,
			PeriodState conditions, TreeAt sponsor, Lines lines) {
		BigDecimal top = topRate(rules);
		BigDecimal paid = BigDecimal.ZERO;
		int generation = 0;
		for (int up = sale.partner(); up != TreeAt.NONE; up = sponsor.parent()[up]) {
			BigDecimal rate = rankRate(rules, conditions, up);
			if (paid.compareTo(top) < 0) {
				if (rate.compareTo(paid) > 0) {
					lines.earn(up, Component.DIFFERENTIAL, sale.orderNumber(), sale.partner(), version, Lines.NO_LEVEL,
							base, rate.subtract(paid));
					paid = rate;
				}
			}
			else if (generation < stairStep.generationRates().size() && top.signum() > 0 && rate.compareTo(top) == 0) {
				generation++;
				lines.earn(up, Component.GENERATION_OVERRIDE, sale.orderNumber(), sale.partner(), version, generation,
						base, stairStep.generationRates().get(generation - 1));
			}
			else if (generation >= stairStep.generationRates().size()) {
				return;
			}
		}
	}

	private static void matrix(Sale sale, long base, int version, PlanRules rules, Matrix matrix,
			PeriodState conditions, TreeAt placement, Lines lines) {
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
			lines.earn(up, Component.MATRIX, sale.orderNumber(), sale.partner(), version, level, base,
					matrix.levelRates().get(level - 1));
		}
	}

	private static void fastStart(Sale sale, long base, int version, FastStart fastStart, TreeAt sponsor, Lines lines) {
		int up = sponsor.parent()[sale.partner()];
		long joined = sponsor.joinedAt()[sale.partner()];
		long ordered = TreeAt.nanos(sale.orderedAt());
		if (up != TreeAt.NONE && ordered >= joined && ordered - joined < fastStart.days() * 86_400_000_000_000L) {
			lines.earn(up, Component.FAST_START, sale.orderNumber(), sale.partner(), version, Lines.NO_LEVEL, base,
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

}
