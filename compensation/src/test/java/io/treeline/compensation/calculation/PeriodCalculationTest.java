package io.treeline.compensation.calculation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sales are sorted in the order their events are commissioned in, however far apart their
 * instants lie (ADR 0031).
 */
class PeriodCalculationTest {

	private static final Comparator<Sale> COMMISSIONED = Comparator.comparingLong(Sale::occurredAtMicros)
		.thenComparing(Sale::orderNumber)
		.thenComparing(Sale::returned)
		.thenComparingLong(Sale::eventId);

	@Test
	void sortsSalesByInstantOrderNumberReturnAndEventIdAsTheComparisonWould() {
		Random random = new Random(20261127);
		// a month of instants; a few instants shared by many events; instants that
		// need the whole long, so that no key of instant and position fits
		long[] spreads = { 31L * 24 * 3_600_000_000L, 7, Long.MAX_VALUE / 2 };
		for (long spread : spreads) {
			for (int count : new int[] { 0, 1, 2, 3, 1_000, 100_003 }) {
				List<Sale> sales = new ArrayList<>();
				for (int i = 0; i < count; i++) {
					long instant = (random.nextLong() & Long.MAX_VALUE) % spread - spread / 2;
					boolean returned = random.nextInt(10) == 0;
					sales.add(new Sale(random.nextLong(), "O-" + random.nextInt(Math.max(1, count / 3)), i % 97,
							instant, instant, returned, 10_000, 10_000, returned ? BigDecimal.ONE : null, returned));
				}
				Sale[] sorted = sales.toArray(Sale[]::new);
				PeriodCalculation.sortInOrder(sorted);

				assertThat(sorted).as("%d sales over %d microseconds", count, spread)
					.containsExactlyElementsOf(sales.stream().sorted(COMMISSIONED).toList());
			}
		}
	}

}
