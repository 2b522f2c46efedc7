package io.treeline.compensation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.treeline.compensation.calculation.Population;
import io.treeline.graph.PartnerNumber;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatIndexOutOfBoundsException;

/**
 * The packed rows of ADR 0023 (three longs a line, shapes, bases and amounts beyond an
 * int kept aside, chunks) give back every line as it was added.
 */
class CommissionLineListTest {

	private static final Component[] COMPONENTS = Component.values();

	private static final long[] EDGES = { 0, 1, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MIN_VALUE + 1L,
			Integer.MAX_VALUE + 1L, Integer.MIN_VALUE - 1L, Long.MAX_VALUE, Long.MIN_VALUE };

	@Test
	void givesBackEveryLineOverSeveralChunks() {
		Population population = population();
		Random random = new Random(20261128);
		List<CommissionLine> expected = new ArrayList<>();
		CommissionLineList.Builder builder = CommissionLineList.builder(population);
		int count = 3 * CommissionLineList.CHUNK_LINES + 17;
		CommissionLineList early = null;
		for (int i = 0; i < count; i++) {
			CommissionLine line = randomLine(random, i);
			expected.add(line);
			builder.add(line);
			if (i == CommissionLineList.CHUNK_LINES + 5) {
				early = builder.soFar();
			}
		}
		CommissionLineList lines = builder.build();

		assertThat(lines).hasSize(count);
		assertThat(lines).containsExactlyElementsOf(expected);
		assertThat(early).hasSize(CommissionLineList.CHUNK_LINES + 6)
			.containsExactlyElementsOf(expected.subList(0, CommissionLineList.CHUNK_LINES + 6));
		Map<PartnerNumber, BigDecimal> amounts = new HashMap<>();
		BigDecimal total = BigDecimal.ZERO.setScale(2);
		for (CommissionLine line : expected) {
			amounts.merge(line.partner(), line.amount(), BigDecimal::add);
			total = total.add(line.amount());
		}
		assertThat(lines.total()).isEqualTo(total);
		assertThat(lines.amountsByPartner()).isEqualTo(amounts);
		for (int i = 0; i < count; i++) {
			CommissionLine line = expected.get(i);
			assertThat(lines.baseUnits(i)).isEqualTo(line.base().movePointRight(4).longValueExact());
			assertThat(lines.amountCents(i)).isEqualTo(line.amount().movePointRight(2).longValueExact());
			assertThat(lines.levelOrMin(i)).isEqualTo((line.level() != null) ? line.level() : Integer.MIN_VALUE);
			assertThat(lines.planVersion(i)).isEqualTo(line.planVersion());
			assertThat(lines.rate(i)).isEqualTo(line.rate());
		}
	}

	@Test
	void handsOverPartsThatReadLikeTheWholeList() {
		Random random = new Random(20261127);
		List<CommissionLineList> parts = new ArrayList<>();
		CommissionLineList.Builder builder = CommissionLineList.builder(population()).publishing(parts::add);
		int count = 2 * CommissionLineList.CHUNK_LINES + 5;
		for (int i = 0; i < count; i++) {
			builder.add(randomLine(random, i));
		}
		assertThat(parts).hasSize(2);
		CommissionLineList lines = builder.build();

		assertThat(parts).hasSize(3);
		assertThat(parts).extracting(CommissionLineList::size)
			.containsExactly(CommissionLineList.CHUNK_LINES, CommissionLineList.CHUNK_LINES, 5);
		int at = 0;
		for (CommissionLineList part : parts) {
			for (int i = 0; i < part.size(); i++, at++) {
				assertReadsAlike(part, i, lines, at);
			}
		}
		assertThatIllegalStateException()
			.isThrownBy(() -> CommissionLineList.builder(CommissionLineList.PartnerIds.NONE)
				.add(randomLine(random, 0))
				.publishing(parts::add));
	}

	/**
	 * A selection copies the rows of lines taken in any order, and reads like them: the
	 * same lines, keys and ids, and the bases and amounts kept aside.
	 */
	@Test
	void selectsLinesInAnyOrderAsAListOfTheirOwn() {
		Random random = new Random(20261129);
		CommissionLineList.Builder builder = CommissionLineList.builder(population());
		int count = 2 * CommissionLineList.CHUNK_LINES + 9;
		for (int i = 0; i < count; i++) {
			builder.add(randomLine(random, i));
		}
		CommissionLineList lines = builder.build();
		// every line once, shuffled, and a few twice
		int[] indexes = new int[count + 100];
		for (int i = 0; i < count; i++) {
			indexes[i] = i;
		}
		for (int i = count - 1; i > 0; i--) {
			int other = random.nextInt(i + 1);
			int kept = indexes[i];
			indexes[i] = indexes[other];
			indexes[other] = kept;
		}
		for (int i = count; i < indexes.length; i++) {
			indexes[i] = random.nextInt(count);
		}

		CommissionLineList selected = lines.select(indexes, 3, indexes.length);

		assertThat(selected).hasSize(indexes.length - 3);
		boolean wide = false;
		for (int j = 0; j < selected.size(); j++) {
			assertReadsAlike(selected, j, lines, indexes[3 + j]);
			wide |= selected.baseUnits(j) != (int) selected.baseUnits(j);
		}
		assertThat(wide).as("some bases are beyond an int").isTrue();
		assertThat(selected.partnerKeyLimit()).isEqualTo(lines.partnerKeyLimit());
		assertThat(lines.select(indexes, 5, 5)).isEmpty();
		assertThatIndexOutOfBoundsException().isThrownBy(() -> lines.select(new int[] { 0, count }, 0, 2));
	}

	@Test
	void refusesWhatItCannotHold() {
		CommissionLineList.Builder builder = CommissionLineList.builder(CommissionLineList.PartnerIds.NONE);
		CommissionLine line = new CommissionLine(PartnerNumber.of("P-1"), Component.UNILEVEL, false, "O-1", null,
				1 << 23, 1, new BigDecimal("1.0000"), BigDecimal.ONE, new BigDecimal("1.00"));
		assertThatIllegalArgumentException().isThrownBy(() -> builder.add(line)).withMessageContaining("plan version");
		CommissionLine fine = new CommissionLine(PartnerNumber.of("P-1"), Component.UNILEVEL, false, "O-1", null, 1, 1,
				new BigDecimal("1.00001"), BigDecimal.ONE, new BigDecimal("1.00"));
		assertThatIllegalArgumentException().isThrownBy(() -> builder.add(fine)).withMessageContaining("4 decimals");
		builder.build();
		assertThatIllegalStateException().isThrownBy(builder::build);
	}

	/** A line of one list reads like a line of another: the line, its keys and ids. */
	private static void assertReadsAlike(CommissionLineList actual, int index, CommissionLineList expected, int at) {
		assertThat(actual.get(index)).isEqualTo(expected.get(at));
		assertThat(actual.partnerKey(index)).isEqualTo(expected.partnerKey(at));
		assertThat(actual.sourceKey(index)).isEqualTo(expected.sourceKey(at));
		assertThat(actual.orderId(index)).isEqualTo(expected.orderId(at));
		assertThat(actual.flags(index)).isEqualTo(expected.flags(at));
		assertThat(actual.rateId(index)).isEqualTo(expected.rateId(at));
		assertThat(actual.baseUnits(index)).isEqualTo(expected.baseUnits(at));
		assertThat(actual.amountCents(index)).isEqualTo(expected.amountCents(at));
	}

	/** 300 partners; the lines name partners beyond them too. */
	private static Population population() {
		String[] numbers = new String[300];
		for (int i = 0; i < numbers.length; i++) {
			numbers[i] = String.format("P-%05d", i);
		}
		return new Population(numbers);
	}

	private static CommissionLine randomLine(Random random, int i) {
		PartnerNumber partner = PartnerNumber.of(String.format("P-%05d", random.nextInt(400)));
		PartnerNumber source = random.nextBoolean() ? PartnerNumber.of(String.format("P-%05d", random.nextInt(400)))
				: null;
		Component component = COMPONENTS[random.nextInt(COMPONENTS.length)];
		String order = (random.nextInt(5) == 0) ? null : "O-" + (i / 3);
		int version = switch (random.nextInt(3)) {
			case 0 -> 1;
			case 1 -> random.nextInt(5);
			default -> (1 << 23) - 1 - random.nextInt(3);
		};
		Integer level = switch (random.nextInt(4)) {
			case 0 -> null;
			case 1 -> 1 + random.nextInt(7);
			case 2 -> random.nextInt();
			default -> (random.nextBoolean() ? Integer.MAX_VALUE : Integer.MIN_VALUE + 1);
		};
		// a pool's shares: many distinct rates
		BigDecimal rate = random.nextBoolean() ? new BigDecimal("0.05")
				: BigDecimal.valueOf(random.nextInt(100_000), 8);
		return new CommissionLine(partner, component, random.nextInt(10) == 0, order, source, version, level,
				BigDecimal.valueOf(value(random), 4), rate, BigDecimal.valueOf(value(random) / 100_000, 2));
	}

	private static long value(Random random) {
		// amounts are divided by 100,000 so that the totals fit a long, and still pass
		// an int's limits
		return switch (random.nextInt(4)) {
			case 0 -> EDGES[random.nextInt(EDGES.length)] * ((random.nextBoolean()) ? 1 : 100_000);
			case 1 -> random.nextLong();
			default -> random.nextInt(-2_000_000, 2_000_000);
		};
	}

}
