package io.treeline.compensation.calculation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.treeline.compensation.CommissionLine;
import io.treeline.compensation.plan.PlanDocument;
import io.treeline.compensation.plan.PlanRules;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The computation of a period by itself, on trees and states made by hand: the rules that
 * no worked example of domain.md exercises.
 */
class PeriodCalculationTest {

	private static final Instant START = Instant.parse("2026-10-01T00:00:00Z");

	private static final Instant END = Instant.parse("2026-11-01T00:00:00Z");

	private static final long START_MICROS = START.getEpochSecond() * 1_000_000L;

	private static final PlanRules RULES = PlanDocument
		.read("""
				{"type":"UNILEVEL","levelRates":["0.10","0.05","0.02"],"minPersonalPv":"50",
				 "ranks":[{"name":"Starter","minPersonalPv":"50"},{"name":"Leader","minPersonalPv":"50","minGroupPv":"500"}],
				 "levelsByRank":{"Starter":1,"Leader":3}}""");

	/**
	 * Partners 0 to 5 in a line, 0 on top; before the period, 5 stood right under 2. An
	 * inactive partner uses up no level (dynamic compression), an active one whose
	 * paid-as rank unlocks fewer levels earns nothing at its level but uses it up, and an
	 * order dated in the period before is paid in that period's tree with that period's
	 * activity and ranks.
	 */
	@Test
	void paysUnilevelLevelsOnlyToActivePartnersWhoseRankUnlocksThem() {
		int[] now = { TreeAt.NONE, 0, 1, 2, 3, 4 };
		int[] before = { TreeAt.NONE, 0, 1, 2, 3, 2 };
		TreeAt treeNow = tree(START, now);
		TreeAt treeBefore = tree(START.minusSeconds(86_400 * 31), before);
		int[] paidAsBefore = { 0, -1, 1, -1, -1, -1 };
		PeriodState previous = new PeriodState("2026-09", 1, RULES, new long[6], new long[6],
				new boolean[] { true, false, true, false, false, false }, paidAsBefore, paidAsBefore, paidAsBefore,
				new long[6], new long[6]);
		List<Sale> sales = List.of(sale(1, "O-0", 0, 600), sale(2, "O-1", 1, 400), sale(3, "O-2", 2, 60),
				sale(4, "O-3", 3, 60), sale(5, "O-4", 4, 20), sale(6, "O-5", 5, 100), new Sale(7, "O-L", 5,
						START_MICROS - 86_400_000_000L, START_MICROS + 7, false, units(50), units(50), null, false));
		PeriodCalculation.Conditions conditions = new Conditions(treeNow, treeBefore, previous);

		PeriodCalculation.Outcome outcome = PeriodCalculation.compute("2026-10", START, END, 1, RULES, sales, previous,
				new Population(new String[] { "P-0", "P-1", "P-2", "P-3", "P-4", "P-5" }), conditions);

		assertThat(outcome.state().active()).containsExactly(true, true, true, true, false, true);
		assertThat(outcome.state().paidAs()).containsExactly(1, 1, 0, 0, -1, 0);
		assertThat(outcome.lines()).extracting(PeriodCalculationTest::line)
			.containsExactly("O-1 P-0 1 40.00", "O-2 P-1 1 6.00", "O-2 P-0 2 3.00", "O-3 P-2 1 6.00", "O-3 P-1 2 3.00",
					"O-3 P-0 3 1.20", "O-4 P-3 1 2.00", "O-4 P-1 3 0.40", "O-5 P-3 1 10.00", "O-5 P-1 3 2.00",
					"O-L P-2 1 5.00");
	}

	private static String line(CommissionLine line) {
		return line.orderNumber() + " " + line.partner().value() + " " + line.level() + " " + line.amount();
	}

	private static Sale sale(long event, String order, int partner, long volume) {
		return new Sale(event, order, partner, START_MICROS + event, START_MICROS + event, false, units(volume),
				units(volume), null, false);
	}

	private static long units(long volume) {
		return volume * 10_000;
	}

	private static TreeAt tree(Instant asOf, int[] parent) {
		// each partner's sponsor has a lower id here: the ids are a preorder
		return new TreeAt(asOf, parent, new byte[parent.length], new int[] { 0, 1, 2, 3, 4, 5 },
				new long[parent.length]);
	}

	private record Conditions(TreeAt now, TreeAt before, PeriodState previous) implements PeriodCalculation.Conditions {

		@Override
		public TreeAt sponsorTree(Instant at) {
			return at.isBefore(START) ? this.before : this.now;
		}

		@Override
		public TreeAt placementTree(Instant at) {
			return null;
		}

		@Override
		public Version versionAt(Instant at) {
			return new Version(1, RULES);
		}

		@Override
		public PeriodState stateAt(Instant at) {
			return this.previous;
		}

		@Override
		public List<CommissionLine> closedOriginals(String orderNumber) {
			return List.of();
		}

		@Override
		public Map<Reversals.LineKey, Reversals.Reversed> closedReversals(String orderNumber) {
			return Map.of();
		}

	}

}
