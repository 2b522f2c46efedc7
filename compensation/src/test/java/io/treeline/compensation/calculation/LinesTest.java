package io.treeline.compensation.calculation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.treeline.compensation.CommissionLine;
import io.treeline.compensation.CommissionLineList;
import io.treeline.compensation.Component;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The long arithmetic of commission amounts (ADR 0020) equals the decimal one to the
 * cent.
 */
class LinesTest {

	private static final List<String> RATES = List.of("0.10", "0.05", "0.04", "0.03", "0.02", "0.01", "0.125", "0.1",
			"1", "0", "0.333333", "0.00005", "0.5", "2.5", "1E+1", "1E+3", "7E+20", "0.123456789012345678",
			"0.0000000000000000001", "-0.05", "123456789.123456789", "0.999999999999999999");

	@Test
	void roundsHalfUpLikeDecimalsOnTheEdges() {
		long[] bases = { 0, 1, -1, 5, -5, 49, 50, 51, -49, -50, -51, 125, -125, 250, -250, 9_999, 10_000, 12_345,
				-12_345, 99_995, 100_000_0000L, 999_999_999_999L, -999_999_999_999L, Long.MAX_VALUE / 1_000,
				Long.MIN_VALUE / 1_000, Long.MAX_VALUE, Long.MIN_VALUE + 1, 4_611_686_018_427_387_904L };
		for (String text : RATES) {
			BigDecimal rate = new BigDecimal(text);
			for (long base : bases) {
				assertSame(base, rate);
			}
		}
	}

	@Test
	void roundsLikeDecimalsOnRandomValues() {
		Random random = new Random(20261127);
		for (int i = 0; i < 200_000; i++) {
			BigDecimal rate = (random.nextInt(4) == 0) ? new BigDecimal(RATES.get(random.nextInt(RATES.size())))
					: BigDecimal.valueOf(random.nextLong(-1_000_000, 1_000_000), random.nextInt(-3, 12));
			long base = switch (random.nextInt(3)) {
				case 0 -> random.nextLong(-100_000_000L, 100_000_000L);
				case 1 -> random.nextLong(-1_000_000_000_000_000L, 1_000_000_000_000_000L);
				default -> random.nextLong();
			};
			assertSame(base, rate);
		}
	}

	@Test
	void writesTheSameLineAsTheDecimalPath() {
		Population population = new Population(new String[] { "P-1", "P-2" });
		Lines longs = new Lines(population);
		Lines decimals = new Lines(population);
		BigDecimal rate = new BigDecimal("0.05");
		for (long base : new long[] { 12_345, 99, 100_000, -12_345, 0, 1_000 }) {
			longs.earn(0, Component.UNILEVEL, "O-1", 1, 2, 3, base, rate);
			decimals.earn(0, Component.UNILEVEL, "O-1", 1, 2, 3, Sale.decimal(base), rate);
			longs.earn(1, Component.FAST_START, "O-2", 0, 2, Lines.NO_LEVEL, base, rate);
			decimals.earn(1, Component.FAST_START, "O-2", 0, 2, null, Sale.decimal(base), rate);
		}
		CommissionLineList a = longs.build();
		CommissionLineList b = decimals.build();
		assertThat(a).hasSize(8);
		assertThat(a).containsExactlyElementsOf(b);
		for (int i = 0; i < a.size(); i++) {
			CommissionLine line = a.get(i);
			assertThat(line.amount()).isEqualTo(Lines.amount(line.base(), line.rate()));
			assertThat(a.rateId(i)).isEqualTo(b.rateId(i));
		}
	}

	/**
	 * Rates come as a few objects asked for again and again (a unilevel plan's levels),
	 * as equal objects of different versions, and as a new object for each line (a
	 * stair-step difference): each line has its own rate, and equal rates share an id.
	 */
	@Test
	void takesEachLineAtItsOwnRateHoweverRatesAreAskedFor() {
		Population population = new Population(new String[] { "P-1", "P-2" });
		Lines lines = new Lines(population);
		Random random = new Random(20261128);
		List<BigDecimal> levels = RATES.stream().limit(12).map(BigDecimal::new).toList();
		List<BigDecimal> expected = new ArrayList<>();
		for (int i = 0; i < 5_000; i++) {
			BigDecimal rate = switch (random.nextInt(3)) {
				case 0 -> levels.get(random.nextInt(levels.size()));
				case 1 -> new BigDecimal(RATES.get(random.nextInt(12)));
				default -> BigDecimal.valueOf(random.nextInt(1, 1_000), 3);
			};
			lines.earn(0, Component.UNILEVEL, "O-" + i, 1, 1, 1, 1_000_000, rate);
			if (Lines.cents(1_000_000, rate) != 0) {
				expected.add(rate);
			}
		}
		CommissionLineList built = lines.build();

		assertThat(built).hasSize(expected.size());
		Map<BigDecimal, Integer> ids = new HashMap<>();
		for (int i = 0; i < built.size(); i++) {
			assertThat(built.rate(i)).isEqualTo(expected.get(i));
			assertThat(built.amountCents(i)).isEqualTo(Lines.cents(1_000_000, expected.get(i)));
			Integer id = ids.putIfAbsent(expected.get(i), built.rateId(i));
			if (id != null) {
				assertThat(built.rateId(i)).isEqualTo(id);
			}
		}
		assertThat(ids).hasSizeGreaterThan(100);
	}

	private static void assertSame(long base, BigDecimal rate) {
		BigDecimal expected = Lines.amount(BigDecimal.valueOf(base, 4), rate);
		boolean fits = expected.unscaledValue().bitLength() < 64;
		long actual;
		try {
			actual = Lines.cents(base, rate);
		}
		catch (ArithmeticException ex) {
			assertThat(fits).as("%s x %s = %s overflows", base, rate, expected).isFalse();
			return;
		}
		assertThat(fits).as("%s x %s = %s", base, rate, expected).isTrue();
		assertThat(actual).as("%s x %s", base, rate).isEqualTo(expected.unscaledValue().longValueExact());
	}

}
