package io.treeline.compensation.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.treeline.compensation.CommissionLineList;
import io.treeline.compensation.PartnerResult;
import io.treeline.compensation.calculation.PartnerResults;
import io.treeline.compensation.calculation.PeriodState;
import io.treeline.compensation.calculation.Population;
import io.treeline.compensation.plan.PlanDocument;
import io.treeline.compensation.plan.PlanRules;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The results a computation keeps in arrays hash, store and read back exactly as the same
 * results as objects.
 */
class PartnerResultsTest {

	@Test
	void hashAndSegmentsEqualThoseOfTheResultsAsObjects() {
		PartnerResults computed = randomResults(40_000, 5);
		List<PartnerResult> plain = new ArrayList<>(computed);
		assertThat(plain).hasSizeGreaterThan(20_000);
		assertThat(plain).isSortedAccordingTo((a, b) -> a.partner().compareTo(b.partner()));

		CommissionLineList noLines = CommissionLineList.of(List.of());
		assertThat(RunHash.of(noLines, computed)).isEqualTo(RunHash.of(noLines, plain));
		List<ResultSegments.Segment> fast = ResultSegments.encode(computed);
		List<ResultSegments.Segment> slow = ResultSegments.encode(plain);
		assertThat(fast).hasSameSizeAs(slow);
		for (int i = 0; i < fast.size(); i++) {
			assertThat(fast.get(i).data()).isEqualTo(slow.get(i).data());
			assertThat(fast.get(i).firstPartner()).isEqualTo(slow.get(i).firstPartner());
			assertThat(fast.get(i).lastPartner()).isEqualTo(slow.get(i).lastPartner());
			assertThat(fast.get(i).count()).isEqualTo(slow.get(i).count());
		}

		List<PartnerResult> read = new ArrayList<>();
		for (ResultSegments.Segment segment : fast) {
			ResultSegments.decode(segment.data(),
					(partner, pv, gv, active, achieved, paidAs, highest, carryLeft,
							carryRight) -> read.add(new PartnerResult(io.treeline.graph.PartnerNumber.of(partner),
									io.treeline.compensation.calculation.Sale.decimal(pv),
									io.treeline.compensation.calculation.Sale.decimal(gv), active, achieved, paidAs,
									highest, io.treeline.compensation.calculation.Sale.decimal(carryLeft),
									io.treeline.compensation.calculation.Sale.decimal(carryRight))));
		}
		assertThat(read).containsExactlyElementsOf(plain);
	}

	private static PartnerResults randomResults(int size, long seed) {
		Random random = new Random(seed);
		String[] numbers = new String[size];
		for (int i = 0; i < size; i++) {
			// not in number order
			numbers[i] = (i == 7) ? "p.7_x" : String.format("P-%07d", (i * 7919L) % 1_000_003);
		}
		Population population = new Population(numbers);
		PlanRules rules = PlanDocument.read("""
				{"type":"UNILEVEL","levelRates":["0.10"],"ranks":[{"name":"Partner"},
				 {"name":"Leiter","minPersonalPv":"100"},{"name":"Direktor ü","minPersonalPv":"500"}]}""");
		PeriodState state = PeriodState.empty(size, rules);
		state = new PeriodState("2026-10", 1, rules, state.pv(), state.gv(), state.active(), new int[size],
				new int[size], new int[size], state.carryLeft(), state.carryRight());
		for (int id = 0; id < size; id++) {
			boolean empty = random.nextInt(3) == 0;
			state.pv()[id] = empty ? 0 : random.nextLong(-2_000_000, 20_000_000);
			state.gv()[id] = empty ? 0 : random.nextLong(0, 2_000_000_000);
			state.active()[id] = !empty && random.nextBoolean();
			state.achieved()[id] = empty ? -1 : random.nextInt(-1, 3);
			state.paidAs()[id] = empty ? -1 : random.nextInt(-1, 3);
			state.highest()[id] = empty ? -1 : random.nextInt(-1, 3);
			state.carryLeft()[id] = empty ? 0 : random.nextLong(0, 100_000);
			state.carryRight()[id] = (empty || random.nextBoolean()) ? 0 : random.nextLong(0, 100_000);
		}
		return PartnerResults.of(population, state);
	}

}
