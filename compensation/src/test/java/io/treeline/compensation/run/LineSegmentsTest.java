package io.treeline.compensation.run;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;

import io.treeline.compensation.CommissionLine;
import io.treeline.compensation.CommissionLineList;
import io.treeline.compensation.Component;
import io.treeline.compensation.PartnerResult;
import io.treeline.compensation.calculation.Lines;
import io.treeline.compensation.calculation.Population;
import io.treeline.compensation.run.LineSegments.Arrangement;
import io.treeline.compensation.run.LineSegments.NumberedLine;
import io.treeline.compensation.run.LineSegments.Segment;
import io.treeline.graph.PartnerNumber;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LineSegmentsTest {

	private static final Component[] COMPONENTS = Component.values();

	@Test
	void readsBackEveryLineInBothArrangements() {
		readsBackEveryLine(population(500));
	}

	/**
	 * The genealogy's snapshots number partners in the order of their numbers, and the
	 * encoding takes a key for its rank then (the other tests number them backwards).
	 */
	@Test
	void readsBackEveryLineOfPartnersNumberedInTheOrderOfTheirNumbers() {
		String[] numbers = new String[500];
		for (int i = 0; i < numbers.length; i++) {
			numbers[i] = String.format("P-%07d", i + 1);
		}
		readsBackEveryLine(new Population(numbers));
	}

	private static void readsBackEveryLine(Population population) {
		List<CommissionLine> expected = randomLines(population, 20_000, 7);
		CommissionLineList lines = build(population, expected);

		List<Segment> segments = LineSegments.encode(lines);

		List<NumberedLine> byPartner = decodeAll(segments, Arrangement.BY_PARTNER);
		assertThat(byPartner).hasSize(expected.size());
		assertThat(byPartner).isSortedAccordingTo(Comparator.comparing((NumberedLine line) -> line.line().partner())
			.thenComparingInt(NumberedLine::number));
		byPartner.sort(Comparator.comparingInt(NumberedLine::number));
		for (int i = 0; i < expected.size(); i++) {
			assertSame(byPartner.get(i).line(), expected.get(i));
		}
		// an order's order-based lines are found through the order directory, and only
		// those (every 20th order: each reads its partner segments)
		List<String> orders = expected.stream()
			.filter((line) -> line.orderNumber() != null && line.component().orderBased())
			.map(CommissionLine::orderNumber)
			.distinct()
			.toList();
		for (int k = 0; k < orders.size(); k += 20) {
			String order = orders.get(k);
			List<NumberedLine> ofOrder = linesOfOrder(segments, order);
			List<Integer> numbers = new ArrayList<>();
			for (int i = 0; i < expected.size(); i++) {
				if (order.equals(expected.get(i).orderNumber()) && expected.get(i).component().orderBased()) {
					numbers.add(i + 1);
				}
			}
			assertThat(ofOrder).extracting(NumberedLine::number).containsExactlyElementsOf(numbers);
			for (NumberedLine line : ofOrder) {
				assertSame(line.line(), expected.get(line.number() - 1));
			}
		}
		assertThat(segments.stream()
			.filter((segment) -> segment.arrangement() == Arrangement.BY_ORDER)
			.mapToLong(Segment::lineCount)
			.sum())
			.isEqualTo(expected.stream()
				.filter((line) -> line.orderNumber() != null && line.component().orderBased())
				.count());
	}

	/**
	 * Stored segments are read back by every later version, and the encoding is made fast
	 * in ways that must not change a byte (the order directory, like the partner
	 * segments, fetches what it writes in loops of their own, ADR 0029): the segments of
	 * a fixed run, decompressed, have the digest they had when the formats were last
	 * changed. A change of the encoding is a new format, and this digest changes with it.
	 */
	@Test
	void encodesTheBytesOfTheDocumentedFormats() throws Exception {
		Population population = population(2_000);
		List<Segment> segments = LineSegments.encode(build(population, randomLines(population, 60_000, 23)));

		MessageDigest digest = MessageDigest.getInstance("SHA-256");
		for (Segment segment : segments) {
			digest.update((segment.arrangement().code() + segment.number() + "|" + segment.firstKey() + "|"
					+ segment.lastKey() + "|" + segment.lineCount() + "|")
				.getBytes(StandardCharsets.UTF_8));
			digest.update(SegmentCodec.decompress(segment.data()));
		}
		assertThat(segments).extracting(Segment::arrangement).contains(Arrangement.BY_PARTNER, Arrangement.BY_ORDER);
		assertThat(HexFormat.of().formatHex(digest.digest()))
			.isEqualTo("e2411e0bab5d80c4395744bb51ae44adf0f32d00729a9304211032f47130e8b1");
	}

	@Test
	void readsRunsStoredDeflatedBeforeZstandard() {
		Population population = population(300);
		List<CommissionLine> expected = randomLines(population, 12_000, 11);
		List<Segment> stored = LineSegments.encode(build(population, expected))
			.stream()
			.map((segment) -> new Segment(segment.arrangement(), segment.number(), segment.firstKey(),
					segment.lastKey(), segment.lineCount(),
					DeflatedSegments.deflate(SegmentCodec.decompress(segment.data()))))
			.toList();

		List<NumberedLine> byPartner = decodeAll(stored, Arrangement.BY_PARTNER);
		byPartner.sort(Comparator.comparingInt(NumberedLine::number));
		assertThat(byPartner).hasSize(expected.size());
		for (int i = 0; i < expected.size(); i++) {
			assertSame(byPartner.get(i).line(), expected.get(i));
		}
		String order = expected.stream()
			.filter((line) -> line.orderNumber() != null && line.component().orderBased())
			.map(CommissionLine::orderNumber)
			.findFirst()
			.orElseThrow();
		assertThat(linesOfOrder(stored, order)).isNotEmpty()
			.allSatisfy((line) -> assertThat(line.line().orderNumber()).isEqualTo(order));
	}

	@Test
	void directoryNamesTheLinesOfAnOrderAndAStornoReadsNoOthers() {
		Population population = population(300);
		List<CommissionLine> expected = randomLines(population, 12_000, 19);
		List<Segment> segments = LineSegments.encode(build(population, expected));
		List<String> orders = expected.stream()
			.filter((line) -> line.orderNumber() != null && line.component().orderBased())
			.map(CommissionLine::orderNumber)
			.distinct()
			.toList();
		for (int k = 0; k < orders.size(); k += 40) {
			String order = orders.get(k);
			LineSegments.LineNumbers numbers = new LineSegments.LineNumbers();
			for (Segment segment : segments) {
				if (segment.arrangement() == Arrangement.BY_ORDER) {
					assertThat(LineSegments.decodeOrders(segment.data(), LineSegments.Wanted.orders(List.of(order)),
							new ArrayList<>(), (number) -> {
							}, numbers))
						.isTrue();
				}
			}
			// every order-based line of the order is named, and no order-based line of
			// another
			for (int i = 0; i < expected.size(); i++) {
				CommissionLine line = expected.get(i);
				if (line.component().orderBased()) {
					assertThat(numbers.contains(i + 1)).as("line %d", i + 1)
						.isEqualTo(order.equals(line.orderNumber()));
				}
			}
		}
		// lines of a wanted order whose numbers are not named are not read
		String order = orders.get(0);
		LineSegments.LineNumbers none = new LineSegments.LineNumbers();
		List<NumberedLine> read = new ArrayList<>();
		for (Segment segment : segments) {
			if (segment.arrangement() == Arrangement.BY_PARTNER) {
				LineSegments.decode(segment.data(), LineSegments.Wanted.orders(List.of(order)), none, read);
			}
		}
		assertThat(read).isEmpty();
	}

	@Test
	void readsOrderDirectoriesStoredWithoutLineNumbers() {
		Population population = population(300);
		List<CommissionLine> expected = randomLines(population, 12_000, 17);
		List<Segment> stored = LineSegments.encode(build(population, expected))
			.stream()
			.map((segment) -> (segment.arrangement() == Arrangement.BY_ORDER) ? withoutLineNumbers(segment) : segment)
			.toList();
		List<String> orders = expected.stream()
			.filter((line) -> line.orderNumber() != null && line.component().orderBased())
			.map(CommissionLine::orderNumber)
			.distinct()
			.toList();

		for (int k = 0; k < orders.size(); k += 50) {
			String order = orders.get(k);
			assertThat(linesOfOrder(stored, order)).extracting(NumberedLine::line)
				.containsExactlyElementsOf(expected.stream()
					.filter((line) -> order.equals(line.orderNumber()) && line.component().orderBased())
					.toList());
		}
	}

	/**
	 * An order directory segment as format 2 had it: without the entries' line numbers.
	 */
	private static Segment withoutLineNumbers(Segment segment) {
		SegmentCodec.Reader in = new SegmentCodec.Reader(SegmentCodec.decompress(segment.data()));
		SegmentCodec.Buffer out = new SegmentCodec.Buffer(segment.data().length * 4);
		assertThat(in.varint()).isEqualTo(3);
		out.varint(2);
		long count = in.varint();
		out.varint(count);
		for (long i = 0; i < count; i++) {
			out.text(in.text());
			long segments = in.varint();
			out.varint(segments);
			for (long k = 0; k < segments; k++) {
				out.varint(in.varint());
			}
			in.varint();
			in.varint();
		}
		return new Segment(segment.arrangement(), segment.number(), segment.firstKey(), segment.lastKey(),
				segment.lineCount(), out.compressed());
	}

	/**
	 * What a storno reads: the directory segments of the order's key, then the partner
	 * segments they name, at the line numbers they name (every number if they name none).
	 */
	private static List<NumberedLine> linesOfOrder(List<Segment> segments, String order) {
		String key = LineSegments.orderKey(order);
		java.util.Set<Integer> partnerSegments = new java.util.TreeSet<>();
		List<NumberedLine> lines = new ArrayList<>();
		LineSegments.LineNumbers numbers = new LineSegments.LineNumbers();
		for (Segment segment : segments) {
			if (segment.arrangement() == Arrangement.BY_ORDER && segment.firstKey().compareTo(key) <= 0
					&& segment.lastKey().compareTo(key) >= 0) {
				LineSegments.decodeOrders(segment.data(), LineSegments.Wanted.orders(List.of(order)), lines,
						partnerSegments::add, numbers);
			}
		}
		assertThat(lines).as("a directory holds no lines").isEmpty();
		for (Segment segment : segments) {
			if (segment.arrangement() == Arrangement.BY_PARTNER && partnerSegments.contains(segment.number())) {
				LineSegments.decode(segment.data(), LineSegments.Wanted.orders(List.of(order)), numbers, lines);
			}
		}
		lines.removeIf((line) -> !line.line().component().orderBased());
		lines.sort(Comparator.comparingInt(NumberedLine::number));
		return lines;
	}

	@Test
	void keysTellWhichSegmentsHoldAPartnerOrAnOrder() {
		Population population = population(300);
		List<CommissionLine> expected = randomLines(population, 30_000, 11);
		List<Segment> segments = LineSegments.encode(build(population, expected));
		PartnerNumber partner = expected.get(12_345).partner();
		String order = expected.stream()
			.filter((line) -> line.orderNumber() != null && line.component().orderBased())
			.findFirst()
			.orElseThrow()
			.orderNumber();

		List<NumberedLine> ofPartner = new ArrayList<>();
		for (Segment segment : segments) {
			String key = partner.value();
			if (segment.arrangement() == Arrangement.BY_PARTNER && segment.firstKey().compareTo(key) <= 0
					&& segment.lastKey().compareTo(key) >= 0) {
				LineSegments.decode(segment.data(), (line) -> line.partner().equals(partner), ofPartner);
			}
		}
		List<NumberedLine> ofOrder = linesOfOrder(segments, order);
		assertThat(ofPartner).extracting(NumberedLine::line)
			.hasSameElementsAs(expected.stream().filter((line) -> line.partner().equals(partner)).toList());
		assertThat(ofOrder).extracting(NumberedLine::line)
			.hasSameElementsAs(expected.stream()
				.filter((line) -> order.equals(line.orderNumber()) && line.component().orderBased())
				.toList());
	}

	@Test
	void keepsPartnersOutsideThePopulationAndAwkwardOrderNumbers() {
		Population population = population(3);
		List<CommissionLine> expected = List.of(
				new CommissionLine(PartnerNumber.of("X-OUTSIDE"), Component.UNILEVEL, true, "O,1 \"quoted\" ü",
						PartnerNumber.of("P-0000002"), 3, 1, new BigDecimal("-12.3456"), new BigDecimal("0.05"),
						new BigDecimal("-0.62")),
				new CommissionLine(PartnerNumber.of("P-0000001"), Component.POOL, false, null, null, 1, null,
						new BigDecimal("99999999.9999"), new BigDecimal("0.333333"), new BigDecimal("33333333.33")));
		List<Segment> segments = LineSegments.encode(build(population, expected));
		List<NumberedLine> read = decodeAll(segments, Arrangement.BY_PARTNER);
		read.sort(Comparator.comparingInt(NumberedLine::number));
		assertThat(read).extracting(NumberedLine::line).containsExactlyElementsOf(expected);
		assertThat(decodeAll(segments, LineSegments.Wanted.orders(List.of("O,1 \"quoted\" ü", "O,1"))))
			.extracting(NumberedLine::line)
			.containsExactly(expected.get(0));
		assertThat(decodeAll(segments, LineSegments.Wanted.partner("P-0000001"))).extracting(NumberedLine::line)
			.containsExactly(expected.get(1));
	}

	@Test
	void readsTheLinesOfManyOrdersAtOnceAndNoOthers() {
		Population population = population(400);
		List<CommissionLine> expected = randomLines(population, 30_000, 13);
		List<Segment> segments = LineSegments.encode(build(population, expected));
		Random random = new Random(13);
		List<String> orders = expected.stream()
			.map(CommissionLine::orderNumber)
			.filter(Objects::nonNull)
			.distinct()
			.filter((order) -> random.nextInt(3) == 0)
			.toList();

		Set<String> chosen = new HashSet<>(orders);

		List<NumberedLine> read = decodeAll(segments, LineSegments.Wanted.orders(orders));

		read.sort(Comparator.comparingInt(NumberedLine::number));
		assertThat(read).extracting(NumberedLine::line)
			.containsExactlyElementsOf(
					expected.stream().filter((line) -> chosen.contains(line.orderNumber())).toList());
	}

	private static List<NumberedLine> decodeAll(List<Segment> segments, LineSegments.Wanted wanted) {
		List<NumberedLine> lines = new ArrayList<>();
		for (Segment segment : segments) {
			if (segment.arrangement() == Arrangement.BY_PARTNER) {
				LineSegments.decode(segment.data(), wanted, lines);
			}
		}
		return lines;
	}

	@Test
	void refusesAmountsFinerThanCents() {
		CommissionLineList.Builder builder = CommissionLineList.builder(population(1));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> builder.add(0, Component.UNILEVEL, false, "O-1", -1, 1, 1, BigDecimal.TEN,
					new BigDecimal("0.1"), new BigDecimal("1.005")))
			.withMessageContaining("amount 1.005 has more than 2 decimals");
	}

	@Test
	void hashesEveryLineInTheDocumentedForm() throws Exception {
		Population population = population(50);
		List<CommissionLine> lines = new ArrayList<>(randomLines(population, 2_000, 3));
		// one rate at two scales (one text), an order number beyond ASCII, partners
		// outside the population, a line without a level
		BigDecimal base = new BigDecimal("12.3400");
		lines.set(100, new CommissionLine(population.partner(3), Component.UNILEVEL, false, "O-Ä1",
				population.partner(4), 1, 2, base, new BigDecimal("0.1"), Lines.amount(base, new BigDecimal("0.1"))));
		lines.set(101,
				new CommissionLine(PartnerNumber.of("X-1"), Component.UNILEVEL, true, "O-Ä1", PartnerNumber.of("X-2"),
						2, null, base.negate(), new BigDecimal("0.10"),
						Lines.amount(base.negate(), new BigDecimal("0.10"))));
		List<PartnerResult> results = List.of(new PartnerResult(PartnerNumber.of("P-0000001"), new BigDecimal("1.5"),
				new BigDecimal("10"), true, "Gold", null, "Gold", BigDecimal.ZERO, new BigDecimal("2.25")));

		// the form as the hash documents it, written the plain way
		ByteArrayOutputStream form = new ByteArrayOutputStream();
		form.writeBytes("treeline run hash 2\n".getBytes(StandardCharsets.US_ASCII));
		Map<String, Integer> partners = new HashMap<>();
		Map<String, Integer> components = new HashMap<>();
		Map<String, Integer> rates = new HashMap<>();
		String previousOrder = null;
		for (CommissionLine line : lines) {
			reference(form, partners, line.partner().value());
			reference(form, components, line.component().name());
			form.write(line.reversal() ? 1 : 0);
			if (line.orderNumber() == null) {
				varint(form, 0);
			}
			else if (line.orderNumber().equals(previousOrder)) {
				varint(form, 1);
			}
			else {
				byte[] number = line.orderNumber().getBytes(StandardCharsets.UTF_8);
				varint(form, 2 + number.length);
				form.writeBytes(number);
			}
			previousOrder = line.orderNumber();
			if (line.sourcePartner() == null) {
				varint(form, 0);
			}
			else {
				reference(form, partners, line.sourcePartner().value());
			}
			varint(form, zigzag(line.planVersion()));
			varint(form, (line.level() == null) ? 0 : zigzag(line.level()) + 1);
			varint(form, zigzag(line.base().setScale(4).unscaledValue().longValueExact()));
			reference(form, rates,
					(line.rate().signum() == 0) ? "0" : line.rate().stripTrailingZeros().toPlainString());
			varint(form, zigzag(line.amount().setScale(2).unscaledValue().longValueExact()));
		}
		varint(form, 0);
		form.writeBytes(text("P-0000001", "1.5000", "10.0000", true, "Gold", null, "Gold", "0.0000", "2.2500"));
		String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(form.toByteArray()));

		assertThat(rates).hasSize(4);
		assertThat(RunHash.of(build(population, lines), results)).isEqualTo(expected);
	}

	/** A reference to a dictionary's entry, as {@link RunHash} documents it. */
	private static void reference(ByteArrayOutputStream form, Map<String, Integer> dictionary, String text) {
		Integer number = dictionary.get(text);
		if (number != null) {
			varint(form, number + 2);
			return;
		}
		dictionary.put(text, dictionary.size());
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		varint(form, 1);
		varint(form, bytes.length);
		form.writeBytes(bytes);
	}

	private static void varint(ByteArrayOutputStream form, long value) {
		long rest = value;
		while ((rest & ~0x7FL) != 0) {
			form.write((int) ((rest & 0x7F) | 0x80));
			rest >>>= 7;
		}
		form.write((int) rest);
	}

	private static long zigzag(long value) {
		return (value << 1) ^ (value >> 63);
	}

	@Test
	void hashesLinesHandedOverInPartsAsAllAtOnce() {
		Population population = population(50);
		List<CommissionLine> lines = new ArrayList<>(randomLines(population, 40_000, 5));
		// partners the population does not know, met only after the first part, and
		// bases beyond an int
		BigDecimal wide = BigDecimal.valueOf(3_000_000_000L, 4);
		lines.set(20_000, new CommissionLine(PartnerNumber.of("X-1"), Component.UNILEVEL, false, "O-X", null, 1, 1,
				wide, new BigDecimal("0.10"), Lines.amount(wide, new BigDecimal("0.10"))));
		lines.set(35_000,
				new CommissionLine(PartnerNumber.of("P-0000001"), Component.UNILEVEL, true, "O-Y",
						PartnerNumber.of("X-2"), 1, 2, wide.negate(), new BigDecimal("0.05"),
						Lines.amount(wide.negate(), new BigDecimal("0.05"))));
		List<PartnerResult> results = List.of(new PartnerResult(PartnerNumber.of("P-0000001"), new BigDecimal("1.5"),
				new BigDecimal("10"), true, "Gold", null, "Gold", BigDecimal.ZERO, new BigDecimal("2.25")));
		List<CommissionLineList> parts = new ArrayList<>();
		CommissionLineList.Builder builder = CommissionLineList.builder(population).publishing(parts::add);
		lines.forEach(builder::add);
		CommissionLineList all = builder.build();

		RunHash.Streaming streaming = new RunHash.Streaming();
		parts.forEach(streaming::lines);
		assertThat(parts).hasSize(3);
		assertThat(streaming.finish(results)).isEqualTo(RunHash.of(all, results));
		assertThat(RunHash.of(all, results)).isEqualTo(RunHash.of(build(population, lines), results));
	}

	private static byte[] text(Object... fields) {
		StringBuilder text = new StringBuilder();
		for (Object field : fields) {
			text.append(Objects.toString(field, "-")).append('|');
		}
		return text.append('\n').toString().getBytes(StandardCharsets.UTF_8);
	}

	private static void assertSame(CommissionLine actual, CommissionLine expected) {
		assertThat(actual.partner()).isEqualTo(expected.partner());
		assertThat(actual.component()).isEqualTo(expected.component());
		assertThat(actual.reversal()).isEqualTo(expected.reversal());
		assertThat(actual.orderNumber()).isEqualTo(expected.orderNumber());
		assertThat(actual.sourcePartner()).isEqualTo(expected.sourcePartner());
		assertThat(actual.planVersion()).isEqualTo(expected.planVersion());
		assertThat(actual.level()).isEqualTo(expected.level());
		assertThat(actual.base()).isEqualByComparingTo(expected.base());
		assertThat(actual.rate()).isEqualByComparingTo(expected.rate());
		assertThat(actual.amount()).isEqualTo(expected.amount());
	}

	private static List<NumberedLine> decodeAll(List<Segment> segments, Arrangement arrangement) {
		List<NumberedLine> lines = new ArrayList<>();
		for (Segment segment : segments) {
			if (segment.arrangement() == arrangement) {
				int before = lines.size();
				LineSegments.decode(segment.data(), (line) -> true, lines);
				assertThat(lines.size() - before).isEqualTo(segment.lineCount());
			}
		}
		return lines;
	}

	private static CommissionLineList build(Population population, List<CommissionLine> lines) {
		CommissionLineList.Builder builder = CommissionLineList.builder(population);
		lines.forEach(builder::add);
		return builder.build();
	}

	private static Population population(int size) {
		String[] numbers = new String[size];
		for (int i = 0; i < size; i++) {
			numbers[i] = String.format("P-%07d", size - i);
		}
		return new Population(numbers);
	}

	private static List<CommissionLine> randomLines(Population population, int count, long seed) {
		Random random = new Random(seed);
		BigDecimal[] rates = { new BigDecimal("0.10"), new BigDecimal("0.05"), new BigDecimal("0.02"),
				new BigDecimal("0.125") };
		List<CommissionLine> lines = new ArrayList<>();
		while (lines.size() < count) {
			String order = "O-" + random.nextInt(count / 3);
			PartnerNumber source = population.partner(random.nextInt(population.size()));
			for (int level = 1; level <= 1 + random.nextInt(7) && lines.size() < count; level++) {
				Component component = COMPONENTS[random.nextInt(COMPONENTS.length)];
				boolean orderBased = component.orderBased();
				BigDecimal base = BigDecimal.valueOf(random.nextLong(-1_000_000, 10_000_000), 4);
				BigDecimal rate = rates[random.nextInt(rates.length)];
				lines.add(new CommissionLine(population.partner(random.nextInt(population.size())), component,
						random.nextInt(10) == 0, orderBased ? order : null, orderBased ? source : null,
						1 + random.nextInt(3), (random.nextInt(5) == 0) ? null : level, base, rate,
						Lines.amount(base, rate)));
			}
		}
		return lines;
	}

}
