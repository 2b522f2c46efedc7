package io.treeline.compensation.calculation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Sales are kept in the order their events are commissioned in, however far apart their
 * instants lie (ADRs 0031 and 0038).
 */
class SalesTest {

	private static final Comparator<Sale> COMMISSIONED = Comparator.comparingLong(Sale::occurredAtMicros)
		.thenComparing(Sale::orderNumber)
		.thenComparing(Sale::returned)
		.thenComparingLong(Sale::eventId);

	@Test
	void keepsSalesByInstantOrderNumberReturnAndEventIdAsTheComparisonWould() {
		Random random = new Random(20261127);
		for (Spread spread : Spread.values()) {
			for (int count : new int[] { 0, 1, 2, 3, 1_000, 100_003 }) {
				List<Sale> sales = new ArrayList<>();
				for (int i = 0; i < count; i++) {
					long instant = spread.instant(random);
					boolean returned = random.nextInt(10) == 0;
					sales.add(new Sale(random.nextLong(), "O-" + random.nextInt(Math.max(1, count / 3)), i % 97,
							instant - 5_000, instant, returned, 10_000 + i, 20_000 + i,
							returned ? BigDecimal.valueOf(random.nextInt(100) + 1, 2) : null,
							returned && random.nextBoolean()));
				}

				Sales sorted = Sales.of(sales);

				assertThat(sorted).as("%d sales, %s", count, spread)
					.containsExactlyElementsOf(sales.stream().sorted(COMMISSIONED).toList());
				assertThat(Sales.of(sorted)).isSameAs(sorted);
			}
		}
	}

	@Test
	void flagsTheSalesOfEveryOrderThatAReturnGivesBackAndNoOther() {
		Random random = new Random(20261128);
		List<Sale> sales = new ArrayList<>();
		// "Aa" and "BB" share a hash code, as do "AaAa", "BBBB" and "AaBB": a hash alone
		// does not decide
		sales.add(new Sale(1, "Aa", 0, 0, 10, false, 1, 1, null, false));
		sales.add(new Sale(2, "BB", 0, 0, 11, false, 1, 1, null, false));
		sales.add(new Sale(3, "Aa", 0, 0, 12, true, 1, 1, BigDecimal.ONE, true));
		sales.add(new Sale(4, "AaAa", 0, 0, 13, true, 1, 1, new BigDecimal("0.5"), false));
		sales.add(new Sale(5, "BBBB", 0, 0, 14, false, 1, 1, null, false));
		sales.add(new Sale(6, "AaBB", 0, 0, 15, false, 1, 1, null, false));
		// and many orders, some returned: bit set hits that are no return among them
		for (int i = 0; i < 50_000; i++) {
			String order = "O-" + random.nextInt(20_000);
			boolean returned = random.nextInt(50) == 0;
			sales.add(new Sale(7 + i, order, i % 13, 0, 20 + i, returned, 1, 1, returned ? BigDecimal.ONE : null,
					returned));
		}
		Set<String> returnedOrders = new HashSet<>();
		sales.stream().filter(Sale::returned).forEach((sale) -> returnedOrders.add(sale.orderNumber()));

		Sales sorted = Sales.of(sales);

		for (int i = 0; i < sorted.size(); i++) {
			assertThat(sorted.orderReturned(i)).as("%s", sorted.get(i))
				.isEqualTo(returnedOrders.contains(sorted.get(i).orderNumber()));
		}
		assertThat(sorted.subList(0, 6)).extracting(Sale::orderNumber)
			.containsExactly("Aa", "BB", "Aa", "AaAa", "BBBB", "AaBB");
		assertThat(IntStream.range(0, 6).mapToObj(sorted::orderReturned)).containsExactly(true, false, true, true,
				false, false);
		Sales none = Sales.of(List.of(new Sale(1, "O-1", 0, 0, 0, false, 1, 1, null, false)));
		assertThat(none.orderReturned(0)).isFalse();
	}

	@Test
	void readsASalesColumnsAsTheSaleWould() {
		Sales sales = Sales.of(List.of(new Sale(1, "O-1", 7, 100, 200, false, 30_000, 40_000, null, false),
				new Sale(2, "O-1", 7, 100, 300, true, 10_000, 20_000, new BigDecimal("0.25"), false)));

		for (int i = 0; i < sales.size(); i++) {
			Sale sale = sales.get(i);
			assertThat(sales.partner(i)).isEqualTo(sale.partner());
			assertThat(sales.orderedAtMicros(i)).isEqualTo(sale.orderedAtMicros());
			assertThat(sales.signedPv(i)).isEqualTo(sale.signedPv());
			assertThat(sales.signedBv(i)).isEqualTo(sale.signedBv());
		}
		assertThat(sales.signedPv(1)).isEqualTo(-10_000);
		assertThat(sales.signedBv(0)).isEqualTo(40_000);
	}

	@Test
	void isBuiltOnce() {
		Sales.Builder builder = Sales.builder().add(new Sale(1, "O-1", 0, 0, 0, false, 1, 1, null, false));
		assertThat(builder.build()).hasSize(1);
		assertThatIllegalStateException().isThrownBy(builder::build);
		assertThatIllegalStateException()
			.isThrownBy(() -> builder.add(new Sale(2, "O-2", 0, 0, 0, false, 1, 1, null, false)));
	}

	enum Spread {

		/** A month of instants. */
		MONTH {
			@Override
			long instant(Random random) {
				return random.nextLong(31L * 24 * 3_600_000_000L);
			}
		},

		/** A few instants shared by many events. */
		FEW_INSTANTS {
			@Override
			long instant(Random random) {
				return random.nextInt(7);
			}
		},

		/** Instants that need the whole long: no key of instant and position fits. */
		WHOLE_LONG {
			@Override
			long instant(Random random) {
				return random.nextLong(Long.MAX_VALUE) - Long.MAX_VALUE / 2;
			}
		},

		/**
		 * Two clusters of close instants far apart: the key's instant is coarsened, and
		 * each cluster's sales share a few keys, sorted then by the whole order.
		 */
		FAR_CLUSTERS {
			@Override
			long instant(Random random) {
				return (random.nextBoolean() ? 1L << 60 : 0) + random.nextInt(10_000);
			}
		};

		abstract long instant(Random random);

	}

}
