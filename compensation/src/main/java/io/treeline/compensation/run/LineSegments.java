package io.treeline.compensation.run;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import io.treeline.compensation.CommissionLine;
import io.treeline.compensation.CommissionLineList;
import io.treeline.compensation.Component;
import io.treeline.graph.PartnerNumber;

/**
 * The stored form of a run's commission lines (ADR 0014): segments of up to
 * {@value #LINES_PER_SEGMENT} lines in a compact binary encoding, compressed
 * ({@link SegmentCodec}), in two arrangements. {@link Arrangement#BY_PARTNER} sorts the
 * lines by who earns them (a partner's statement reads one or two segments);
 * {@link Arrangement#BY_ORDER} is a directory sorted by a hash of the order number that
 * names the partner segments holding an order's order-based lines (a storno reads the
 * directory segments its order's hash falls in, then those partner segments; ADR 0020).
 * Runs stored before the directory hold the order-based lines themselves there (format
 * 1), and are read as they are. Every line keeps its number within the run, so a run's
 * lines are read back in the order they were computed.
 *
 * <p>
 * Format 1 of a segment, before compressing: the line count, the partner dictionary
 * (count, then each number), the rate dictionary (count, then each rate in plain
 * notation), then per line: its number, partner index, component ordinal times two plus
 * one for a reversal, the order (0 none, 1 as the line before, 2 followed by the number),
 * source partner index plus one (0 none), plan version, level (0 none, else zigzag plus
 * one), base in ten-thousandths (zigzag), rate index, amount in cents (zigzag). Counts
 * and indexes are unsigned LEB128 varints, texts are a length and UTF-8 bytes.
 *
 * <p>
 * Format 3, the order directory: the entry count, then per entry (a run of lines of one
 * order, in the order of the hash of its number): the order number, the count of partner
 * segments, each segment's number, the number of the entry's first line, and how many
 * numbers after it its last line has. The segment's line count is that of the lines its
 * entries point to. A storno reads the partner segments for those line numbers only, and
 * does not look at the order of every other line (ADR 0040). Format 2, as runs stored
 * before have it, is format 3 without the line numbers.
 */
final class LineSegments {

	static final int LINES_PER_SEGMENT = 8192;

	private static final int FORMAT = 1;

	/** The format of the order directory's segments. */
	private static final int DIRECTORY_FORMAT = 3;

	/** The format of the order directory's segments without line numbers. */
	private static final int DIRECTORY_FORMAT_WITHOUT_LINES = 2;

	static final int ORDERS_PER_DIRECTORY_SEGMENT = 16_384;

	private static final Component[] COMPONENTS = Component.values();

	private static final ThreadLocal<Dictionary> PARTNERS = ThreadLocal.withInitial(Dictionary::new);

	private static final ThreadLocal<Dictionary> RATES = ThreadLocal.withInitial(Dictionary::new);

	private LineSegments() {
	}

	/** How a run's lines are sorted into segments. */
	enum Arrangement {

		/** All lines, by partner number. */
		BY_PARTNER("P"),

		/** Order-based lines, by the hash of their order number ({@link #orderKey}). */
		BY_ORDER("O");

		private final String code;

		Arrangement(String code) {
			this.code = code;
		}

		String code() {
			return this.code;
		}

	}

	/**
	 * One stored segment.
	 *
	 * @param arrangement its arrangement
	 * @param number its number within the run and arrangement, from 0
	 * @param firstKey the key of its first line (partner number or order key)
	 * @param lastKey the key of its last line
	 * @param lineCount how many lines it holds
	 * @param data the compressed encoding
	 */
	record Segment(Arrangement arrangement, int number, String firstKey, String lastKey, int lineCount, byte[] data) {
	}

	/**
	 * A line read back with its number within the run.
	 *
	 * @param number the line's number, from 1
	 * @param line the line
	 */
	record NumberedLine(int number, CommissionLine line) {
	}

	/**
	 * Returns the key an order's lines are arranged by: its hash (Java's specified
	 * {@link String#hashCode()}) as eight hexadecimal digits, so that text order is hash
	 * order.
	 * @param orderNumber the order
	 * @return the key
	 */
	static String orderKey(String orderNumber) {
		return String.format("%08x", orderNumber.hashCode());
	}

	/**
	 * Encodes a run's lines in both arrangements, segments in parallel: the lines by
	 * partner, and the directory of the orders to the partner segments that hold their
	 * order-based lines.
	 * @param lines the lines
	 * @return the segments
	 */
	static List<Segment> encode(CommissionLineList lines) {
		return encode(lines, true);
	}

	/**
	 * Encodes a run's lines in both arrangements.
	 * @param lines the lines
	 * @param parallel whether to use the common pool
	 * @return the segments
	 */
	static List<Segment> encode(CommissionLineList lines, boolean parallel) {
		SegmentTasks.Prepared<Segment> prepared = prepare(lines);
		IntStream tasks = IntStream.range(0, prepared.count());
		return (parallel ? tasks.parallel() : tasks).mapToObj(prepared::task).toList();
	}

	/**
	 * Sorts a run's lines and gathers its order directory, and returns the encoding of
	 * each segment as a task that any thread can run: first the partner segments, then
	 * the directory's.
	 * @param lines the lines
	 * @return the tasks
	 */
	static SegmentTasks.Prepared<Segment> prepare(CommissionLineList lines) {
		PartnerOrder partnerOrder = new PartnerOrder(lines);
		int[] byPartner = partnerOrder.sorted();
		OrderTexts orders = new OrderTexts(lines);
		PartnerTexts partnerTexts = new PartnerTexts(lines);
		Directory directory = new Directory(lines, partnerOrder);
		int partnerSegments = (byPartner.length + LINES_PER_SEGMENT - 1) / LINES_PER_SEGMENT;
		return new SegmentTasks.Prepared<>() {

			@Override
			public int count() {
				return partnerSegments + directory.segments();
			}

			@Override
			public Segment task(int index) {
				if (index >= partnerSegments) {
					return directory.segment(index - partnerSegments, orders);
				}
				int from = index * LINES_PER_SEGMENT;
				int to = Math.min(byPartner.length, from + LINES_PER_SEGMENT);
				return new Segment(Arrangement.BY_PARTNER, index, partnerNumber(lines, byPartner[from]),
						partnerNumber(lines, byPartner[to - 1]), to - from,
						encode(lines, orders, partnerTexts, Arrays.copyOfRange(byPartner, from, to)).compressed());
			}

		};
	}

	private static String partnerNumber(CommissionLineList lines, int index) {
		return lines.partnerNumberOfKey(lines.partnerKey(index));
	}

	/**
	 * The order directory (format 3 of the {@link Arrangement#BY_ORDER} segments): for
	 * each run of lines of one order (lines of an order are made one after the other),
	 * the partner segments that hold its order-based lines and the numbers of its first
	 * and last line, sorted by the hash of the order number,
	 * {@value #ORDERS_PER_DIRECTORY_SEGMENT} entries a segment.
	 */
	private static final class Directory {

		private final CommissionLineList lines;

		/** Per entry: its first line, where its segments start, and its line count. */
		private final int[] first;

		private final int[] segmentsFrom;

		private final int[] lineCounts;

		private final int[] segments;

		/** Entries by (hash, entry). */
		private final long[] sorted;

		Directory(CommissionLineList lines, PartnerOrder partnerOrder) {
			this.lines = lines;
			// an order's lines are made one after the other, and lines of one order id
			// are one entry: there are at most as many entries as order ids
			int capacity = lines.orderCount();
			int[] first = new int[capacity];
			int[] segmentsFrom = new int[capacity + 1];
			int[] lineCounts = new int[capacity];
			long[] keys = new long[capacity];
			int[] segments = new int[Math.max(16, capacity + capacity / 4)];
			int entries = 0;
			int used = 0;
			int lastOrder = -1;
			// where each line goes in the partner order, replayed line by line as the
			// stable sort placed them, instead of an int per line
			int[] cursor = partnerOrder.starts();
			for (int i = 0; i < lines.size(); i++) {
				int position = cursor[partnerOrder.rank(lines.partnerKey(i))]++;
				int order = lines.orderId(i);
				if (order < 0 || !lines.component(i).orderBased()) {
					continue;
				}
				if (order != lastOrder) {
					first[entries] = i;
					segmentsFrom[entries] = used;
					// the sign bit flipped, so that signed order of the key is unsigned
					// order of the hash, as its hexadecimal text sorts
					keys[entries] = ((long) (lines.orderNumber(i).hashCode() ^ Integer.MIN_VALUE) << 32) | entries;
					entries++;
					lastOrder = order;
				}
				lineCounts[entries - 1]++;
				int segment = position / LINES_PER_SEGMENT;
				boolean known = false;
				for (int k = segmentsFrom[entries - 1]; k < used && !known; k++) {
					known = segments[k] == segment;
				}
				if (!known) {
					if (used == segments.length) {
						segments = Arrays.copyOf(segments, used * 2);
					}
					segments[used++] = segment;
				}
			}
			segmentsFrom[entries] = used;
			Arrays.sort(keys, 0, entries);
			this.sorted = (entries == keys.length) ? keys : Arrays.copyOf(keys, entries);
			this.first = first;
			this.segmentsFrom = segmentsFrom;
			this.lineCounts = lineCounts;
			this.segments = segments;
		}

		/**
		 * Finds the last line of an entry: the entry's lines follow its first one, and
		 * lines of other components than order-based ones may lie between them.
		 */
		private int last(int first, int count) {
			int order = this.lines.orderId(first);
			int line = first;
			for (int seen = 1; seen < count;) {
				line++;
				if (this.lines.orderId(line) == order && this.lines.component(line).orderBased()) {
					seen++;
				}
			}
			return line;
		}

		int segments() {
			return (this.sorted.length + ORDERS_PER_DIRECTORY_SEGMENT - 1) / ORDERS_PER_DIRECTORY_SEGMENT;
		}

		Segment segment(int number, OrderTexts orders) {
			int start = number * ORDERS_PER_DIRECTORY_SEGMENT;
			int count = Math.min(this.sorted.length, start + ORDERS_PER_DIRECTORY_SEGMENT) - start;
			// in the order of their hashes the entries lie scattered over the entry
			// arrays,
			// the line rows and the orders' texts: each is fetched for all entries of the
			// segment in a short loop of its own, whose cache misses overlap, before the
			// loop that writes them (as the partner segments do, ADR 0029)
			int[] firsts = new int[count];
			int[] lineCounts = new int[count];
			int[] segmentsFrom = new int[count];
			int[] segmentCounts = new int[count];
			int segmentTotal = 0;
			for (int j = 0; j < count; j++) {
				int entry = (int) this.sorted[start + j];
				firsts[j] = this.first[entry];
				lineCounts[j] = this.lineCounts[entry];
				segmentsFrom[j] = this.segmentsFrom[entry];
				segmentCounts[j] = this.segmentsFrom[entry + 1] - segmentsFrom[j];
				segmentTotal += segmentCounts[j];
			}
			int[] segmentNumbers = new int[segmentTotal];
			for (int j = 0, n = 0; j < count; j++) {
				for (int k = 0; k < segmentCounts[j]; k++) {
					segmentNumbers[n++] = this.segments[segmentsFrom[j] + k];
				}
			}
			int[] orderIds = new int[count];
			for (int j = 0; j < count; j++) {
				orderIds[j] = this.lines.orderId(firsts[j]);
			}
			int[] spans = new int[count];
			for (int j = 0; j < count; j++) {
				spans[j] = last(firsts[j], lineCounts[j]) - firsts[j];
			}
			OrderTexts.Gathered texts = orders.gather(orderIds, count);
			SegmentCodec.Buffer out = new SegmentCodec.Buffer(
					texts.bytes().length + 5 * (3 * count + segmentTotal) + 16);
			out.varint(DIRECTORY_FORMAT);
			out.varint(count);
			int lineCount = 0;
			for (int j = 0, n = 0; j < count; j++) {
				out.put(texts.bytes(), texts.at()[j], texts.lengths()[j]);
				out.put(segmentCounts[j]);
				for (int k = 0; k < segmentCounts[j]; k++) {
					out.put(segmentNumbers[n++]);
				}
				out.put(firsts[j] + 1);
				out.put(spans[j]);
				lineCount += lineCounts[j];
			}
			String firstKey = orderKey(this.lines.orderNumber(firsts[0]));
			String lastKey = orderKey(this.lines.orderNumber(firsts[count - 1]));
			return new Segment(Arrangement.BY_ORDER, number, firstKey, lastKey, lineCount,
					SegmentCodec.compress(out.bytes, out.length));
		}

	}

	/**
	 * Reads a segment of the {@link Arrangement#BY_ORDER} arrangement: from format 1 (the
	 * order-based lines themselves, as runs stored before ADR 0020 have them) the lines
	 * of the wanted orders, from formats 2 and 3 (the order directory) the partner
	 * segments that hold them and, from format 3, their line numbers.
	 * @param data the stored segment
	 * @param orders the wanted orders
	 * @param lines where the lines of a format 1 segment go
	 * @param partnerSegments receives the numbers of the partner segments the directory
	 * names for the wanted orders (a number may come more than once)
	 * @param lineNumbers receives the numbers of the lines of the wanted orders, and
	 * others between them (see {@link #decode(byte[], Wanted, LineNumbers, List)}), or,
	 * from a format 2 directory, which names none, every number: the partner segments it
	 * names are then read by the order of every line
	 * @return whether the segment named the line numbers
	 */
	static boolean decodeOrders(byte[] data, Wanted orders, List<NumberedLine> lines, IntConsumer partnerSegments,
			LineNumbers lineNumbers) {
		byte[] raw = SegmentCodec.decompress(data);
		SegmentCodec.Reader in = new SegmentCodec.Reader(raw);
		int format = (int) in.varint();
		if (format == FORMAT) {
			decodeRaw(raw, orders, null, (line) -> true, lines);
			return true;
		}
		if (format != DIRECTORY_FORMAT && format != DIRECTORY_FORMAT_WITHOUT_LINES) {
			throw new IllegalStateException(
					"A stored segment of an order directory has format " + format + "; this version reads formats "
							+ FORMAT + ", " + DIRECTORY_FORMAT_WITHOUT_LINES + " and " + DIRECTORY_FORMAT);
		}
		int count = (int) in.varint();
		for (int i = 0; i < count; i++) {
			int length = (int) in.varint();
			boolean wanted = orders.order(raw, in.position(), length);
			in.skip(length);
			int segments = (int) in.varint();
			for (int k = 0; k < segments; k++) {
				int segment = (int) in.varint();
				if (wanted) {
					partnerSegments.accept(segment);
				}
			}
			if (format == DIRECTORY_FORMAT) {
				int first = (int) in.varint();
				int span = (int) in.varint();
				if (wanted) {
					lineNumbers.add(first, first + span);
				}
			}
		}
		if (format == DIRECTORY_FORMAT_WITHOUT_LINES) {
			lineNumbers.addEveryNumber();
		}
		return format == DIRECTORY_FORMAT;
	}

	/**
	 * Line numbers of one run a storno reads, a bit each (a run of ten million partners
	 * has some 90 million lines: 11 MB).
	 */
	static final class LineNumbers {

		private final BitSet numbers = new BitSet();

		/** Whether a directory that names no line numbers was read for the run. */
		private boolean everyNumber;

		/** Adds the numbers from one to another, both included. */
		void add(int from, int to) {
			this.numbers.set(from, to + 1);
		}

		/** Adds every number: the run's directory names none. */
		void addEveryNumber() {
			this.everyNumber = true;
		}

		boolean contains(int number) {
			return this.everyNumber || this.numbers.get(number);
		}

	}

	/**
	 * The lines in the order of their partners' numbers, lines of a partner in their own
	 * order: a counting sort by the partner's rank among the numbers (the population is
	 * sorted once), an int per line and two per partner, not a sort of a long per line
	 * (ADR 0023).
	 */
	private static final class PartnerOrder {

		/** Each partner key's rank among the numbers; {@code null} if keys are ranks. */
		private final int[] rank;

		/** Where each rank's lines start; one more for the end. */
		private final int[] starts;

		private final int[] sorted;

		PartnerOrder(CommissionLineList lines) {
			int[] byNumber = lines.partnerKeysByNumber();
			// the genealogy's snapshots number partners in the order of their numbers;
			// then a key is its rank, and no lookup is made per line
			boolean keysAreRanks = true;
			for (int r = 0; r < byNumber.length && keysAreRanks; r++) {
				keysAreRanks = byNumber[r] == r;
			}
			this.rank = keysAreRanks ? null : new int[lines.partnerKeyLimit()];
			if (!keysAreRanks) {
				for (int r = 0; r < byNumber.length; r++) {
					this.rank[byNumber[r]] = r;
				}
			}
			this.starts = new int[byNumber.length + 1];
			for (int i = 0; i < lines.size(); i++) {
				this.starts[rank(lines.partnerKey(i)) + 1]++;
			}
			for (int r = 0; r < byNumber.length; r++) {
				this.starts[r + 1] += this.starts[r];
			}
			int[] cursor = starts();
			this.sorted = new int[lines.size()];
			for (int i = 0; i < lines.size(); i++) {
				this.sorted[cursor[rank(lines.partnerKey(i))]++] = i;
			}
		}

		int rank(int partnerKey) {
			return (this.rank != null) ? this.rank[partnerKey] : partnerKey;
		}

		/** A copy of where each rank's lines start, to place lines with. */
		int[] starts() {
			return this.starts.clone();
		}

		int[] sorted() {
			return this.sorted;
		}

	}

	private static SegmentCodec.Buffer encode(CommissionLineList lines, OrderTexts orders, PartnerTexts partnerTexts,
			int[] indexes) {
		Dictionary partners = PARTNERS.get().cleared();
		Dictionary rates = RATES.get().cleared();
		int count = indexes.length;
		// in partner order the lines lie scattered over the rows, and so do their orders'
		// texts and their sources' names: the rows are copied in a short loop of their
		// own (select), whose cache misses overlap, and so are the texts, rather than
		// one after the other in the loop that writes the lines (ADR 0029)
		CommissionLineList selected = lines.select(indexes, 0, count);
		int[] partnerIndexes = new int[count];
		int[] sourceIndexes = new int[count];
		int[] orderIds = new int[count];
		// numbered in the order the lines meet them: a line's partner, then its source
		for (int j = 0; j < count; j++) {
			partnerIndexes[j] = partners.index(selected.partnerKey(j));
			int source = selected.sourceKey(j);
			sourceIndexes[j] = (source != CommissionLineList.PartnerIds.NO_PARTNER) ? partners.index(source) + 1 : 0;
			orderIds[j] = selected.orderId(j);
		}
		OrderTexts.Gathered texts = orders.gather(orderIds, count);
		SegmentCodec.Buffer body = new SegmentCodec.Buffer(count * 24);
		int previousOrder = -1;
		for (int j = 0; j < count; j++) {
			// room for ten varints and the order's text, checked once a line
			body.ensure(100 + orders.longest());
			body.put(indexes[j] + 1);
			body.put(partnerIndexes[j]);
			body.put(selected.flags(j));
			int order = orderIds[j];
			if (order < 0) {
				body.put(0);
			}
			else if (order == previousOrder) {
				body.put(1);
			}
			else {
				body.put(2);
				body.put(texts.bytes(), texts.at()[j], texts.lengths()[j]);
			}
			previousOrder = order;
			body.put(sourceIndexes[j]);
			body.put(selected.planVersion(j));
			int level = selected.levelOrMin(j);
			body.put((level == Integer.MIN_VALUE) ? 0 : SegmentCodec.zigzag(level) + 1);
			body.put(SegmentCodec.zigzag(selected.baseUnits(j)));
			body.put(rates.index(selected.rateId(j)));
			body.put(SegmentCodec.zigzag(selected.amountCents(j)));
		}
		SegmentCodec.Buffer all = new SegmentCodec.Buffer(body.length + partners.size() * partnerTexts.stride() + 64);
		all.varint(FORMAT);
		all.varint(indexes.length);
		all.varint(partners.size());
		// the numbers' lengths first, in a loop of their own, for their cache misses to
		// overlap; then their bytes, from the cache
		int[] written = new int[partners.size()];
		for (int i = 0; i < written.length; i++) {
			written[i] = 1 + partnerTexts.length(partners.key(i));
		}
		for (int i = 0; i < written.length; i++) {
			all.put(partnerTexts.bytes(), partnerTexts.at(partners.key(i)), written[i]);
		}
		all.varint(rates.size());
		for (int i = 0; i < rates.size(); i++) {
			all.text(lines.rateById(rates.key(i)).toPlainString());
		}
		all.bytes(body.bytes, body.length);
		return all;
	}

	/**
	 * Reads the lines of a segment that a test accepts.
	 * @param data the stored segment
	 * @param wanted which lines to keep
	 * @param into where they go
	 */
	static void decode(byte[] data, Predicate<CommissionLine> wanted, List<NumberedLine> into) {
		decodeRaw(SegmentCodec.decompress(data), Wanted.ALL, null, wanted, into);
	}

	/**
	 * Reads the lines of a segment of the partners or orders wanted, without making the
	 * others: a storno or a statement wants a few lines of a segment.
	 * @param data the stored segment
	 * @param wanted which lines to keep
	 * @param into where they go
	 */
	static void decode(byte[] data, Wanted wanted, List<NumberedLine> into) {
		decodeRaw(SegmentCodec.decompress(data), wanted, null, (line) -> true, into);
	}

	/**
	 * Reads the lines of a segment of the orders wanted among some line numbers: a storno
	 * knows from the order directory which lines it wants, and looks at the order of
	 * those only.
	 * @param data the stored segment
	 * @param wanted which lines to keep
	 * @param numbers the numbers of the lines to look at
	 * @param into where they go
	 */
	static void decode(byte[] data, Wanted wanted, LineNumbers numbers, List<NumberedLine> into) {
		decodeRaw(SegmentCodec.decompress(data), wanted, numbers, (line) -> true, into);
	}

	private static void decodeRaw(byte[] raw, Wanted wanted, LineNumbers numbers, Predicate<CommissionLine> test,
			List<NumberedLine> into) {
		SegmentCodec.Reader in = new SegmentCodec.Reader(raw);
		int format = (int) in.varint();
		if (format != FORMAT) {
			throw new IllegalStateException("A stored segment of commission lines has format " + format
					+ "; this version reads format " + FORMAT);
		}
		int count = (int) in.varint();
		// partners, like orders, are looked at where their bytes are and made only for
		// the lines kept
		int[] numberAt = new int[(int) in.varint()];
		int[] numberLength = new int[numberAt.length];
		boolean[] partnerWanted = new boolean[numberAt.length];
		for (int i = 0; i < numberAt.length; i++) {
			numberLength[i] = (int) in.varint();
			numberAt[i] = in.position();
			in.skip(numberLength[i]);
			partnerWanted[i] = wanted.partner(raw, numberAt[i], numberLength[i]);
		}
		PartnerNumber[] partners = new PartnerNumber[numberAt.length];
		String[] rateTexts = new String[(int) in.varint()];
		for (int i = 0; i < rateTexts.length; i++) {
			rateTexts[i] = in.text();
		}
		BigDecimal[] rates = new BigDecimal[rateTexts.length];
		// the order's bytes are looked at where they are, and only for a line whose
		// number is wanted; its text is made for a line kept
		int orderAt = -1;
		int orderLength = 0;
		boolean orderLookedAt = false;
		boolean orderWanted = false;
		String order = null;
		for (int i = 0; i < count; i++) {
			int number = (int) in.varint();
			int partner = (int) in.varint();
			int flags = (int) in.varint();
			int orderMark = (int) in.varint();
			if (orderMark == 0) {
				orderAt = -1;
				orderLookedAt = false;
				order = null;
			}
			else if (orderMark != 1) {
				orderLength = (int) in.varint();
				orderAt = in.position();
				in.skip(orderLength);
				orderLookedAt = false;
				order = null;
			}
			if (!partnerWanted[partner] || (numbers != null && !numbers.contains(number))) {
				// source, plan version, level, base, rate and amount
				in.skipVarints(6);
				continue;
			}
			int source = (int) in.varint();
			int version = (int) in.varint();
			long level = in.varint();
			long base = SegmentCodec.unzigzag(in.varint());
			int rate = (int) in.varint();
			long amount = SegmentCodec.unzigzag(in.varint());
			if (!orderLookedAt) {
				orderWanted = (orderAt < 0) ? wanted.orderless() : wanted.order(raw, orderAt, orderLength);
				orderLookedAt = true;
			}
			if (!orderWanted) {
				continue;
			}
			if (order == null && orderAt >= 0) {
				order = new String(raw, orderAt, orderLength, StandardCharsets.UTF_8);
			}
			if (rates[rate] == null) {
				rates[rate] = new BigDecimal(rateTexts[rate]);
			}
			CommissionLine line = new CommissionLine(partner(partners, raw, numberAt, numberLength, partner),
					COMPONENTS[flags >>> 1], (flags & 1) != 0, order,
					(source != 0) ? partner(partners, raw, numberAt, numberLength, source - 1) : null, version,
					(level != 0) ? (int) SegmentCodec.unzigzag(level - 1) : null, BigDecimal.valueOf(base, 4),
					rates[rate], BigDecimal.valueOf(amount, 2));
			if (test.test(line)) {
				into.add(new NumberedLine(number, line));
			}
		}
	}

	private static PartnerNumber partner(PartnerNumber[] partners, byte[] raw, int[] numberAt, int[] numberLength,
			int index) {
		PartnerNumber partner = partners[index];
		if (partner == null) {
			partner = PartnerNumber.of(new String(raw, numberAt[index], numberLength[index], StandardCharsets.UTF_8));
			partners[index] = partner;
		}
		return partner;
	}

	/**
	 * Which lines a read keeps, decided before a line is made: all, those of one partner,
	 * or the lines with one of some orders. Orders are matched on their encoded bytes (an
	 * open-addressing table of their UTF-8 bytes), so that a line passed over costs no
	 * text: a storno reads whole partner segments for a few of their orders.
	 */
	static final class Wanted {

		static final Wanted ALL = new Wanted(null, null);

		/** The wanted partner's UTF-8 bytes, {@code null} for any partner. */
		private final byte[] partner;

		/** The wanted orders' UTF-8 bytes, {@code null} for any order. */
		private final byte[][] orders;

		/** Indexes plus one into {@link #orders} by slot of their hashes, 0 for free. */
		private final int[] slots;

		private final int[] hashes;

		private Wanted(String partner, Collection<String> orders) {
			this.partner = (partner != null) ? partner.getBytes(StandardCharsets.UTF_8) : null;
			if (orders == null) {
				this.orders = null;
				this.slots = null;
				this.hashes = null;
				return;
			}
			this.orders = orders.stream()
				.distinct()
				.map((order) -> order.getBytes(StandardCharsets.UTF_8))
				.toArray(byte[][]::new);
			this.slots = new int[Integer.highestOneBit(Math.max(4, this.orders.length * 2 - 1)) << 1];
			this.hashes = new int[this.orders.length];
			int mask = this.slots.length - 1;
			for (int k = 0; k < this.orders.length; k++) {
				this.hashes[k] = hash(this.orders[k], 0, this.orders[k].length);
				int i = this.hashes[k] & mask;
				while (this.slots[i] != 0) {
					i = (i + 1) & mask;
				}
				this.slots[i] = k + 1;
			}
		}

		/**
		 * Wants the lines of one partner.
		 * @param number the partner number
		 * @return the choice
		 */
		static Wanted partner(String number) {
			return new Wanted(number, null);
		}

		/**
		 * Wants the lines with one of some orders.
		 * @param numbers the order numbers
		 * @return the choice
		 */
		static Wanted orders(Collection<String> numbers) {
			return new Wanted(null, numbers);
		}

		/** Whether lines of a partner, given by its encoded number, are wanted. */
		boolean partner(byte[] bytes, int from, int length) {
			return this.partner == null
					|| Arrays.equals(this.partner, 0, this.partner.length, bytes, from, from + length);
		}

		/** Whether lines without an order are wanted. */
		boolean orderless() {
			return this.orders == null;
		}

		/** Whether lines of an order, given by its encoded bytes, are wanted. */
		boolean order(byte[] bytes, int from, int length) {
			if (this.orders == null) {
				return true;
			}
			int hash = hash(bytes, from, length);
			int mask = this.slots.length - 1;
			for (int i = hash & mask; this.slots[i] != 0; i = (i + 1) & mask) {
				int k = this.slots[i] - 1;
				if (this.hashes[k] == hash
						&& Arrays.equals(this.orders[k], 0, this.orders[k].length, bytes, from, from + length)) {
					return true;
				}
			}
			return false;
		}

		private static int hash(byte[] bytes, int from, int length) {
			int h = 0;
			for (int i = from; i < from + length; i++) {
				h = 31 * h + bytes[i];
			}
			h *= 0x9E3779B9;
			return h ^ (h >>> 16);
		}

	}

	/**
	 * The order numbers of a run's lines as they are written (a varint length and UTF-8
	 * bytes), made once per order id and copied per line.
	 */
	private static final class OrderTexts {

		private final int[] offsets;

		private final byte[] texts;

		private final int longest;

		OrderTexts(CommissionLineList lines) {
			int count = lines.orderCount();
			this.offsets = new int[count + 1];
			SegmentCodec.Buffer all = new SegmentCodec.Buffer(count * 16);
			int longest = 0;
			for (int id = 0; id < count; id++) {
				all.text(lines.orderById(id));
				this.offsets[id + 1] = all.length;
				longest = Math.max(longest, all.length - this.offsets[id]);
			}
			this.texts = all.bytes;
			this.longest = longest;
		}

		int longest() {
			return this.longest;
		}

		/**
		 * Copies the texts of some orders one after the other into an array of their own,
		 * in short loops whose cache misses overlap: orders met in a scattered order are
		 * then written from there.
		 * @param ids the order ids, {@link CommissionLineList#NO_ORDER} for none (an
		 * empty text)
		 * @param count how many ids
		 * @return the copy
		 */
		Gathered gather(int[] ids, int count) {
			int[] at = new int[count];
			int[] lengths = new int[count];
			int total = 0;
			for (int j = 0; j < count; j++) {
				int id = ids[j];
				if (id != CommissionLineList.NO_ORDER) {
					at[j] = this.offsets[id];
					lengths[j] = this.offsets[id + 1] - at[j];
					total += lengths[j];
				}
			}
			byte[] bytes = new byte[total];
			int position = 0;
			for (int j = 0; j < count; j++) {
				System.arraycopy(this.texts, at[j], bytes, position, lengths[j]);
				at[j] = position;
				position += lengths[j];
			}
			return new Gathered(bytes, at, lengths);
		}

		/**
		 * Texts copied one after the other.
		 *
		 * @param bytes the texts
		 * @param at where each starts
		 * @param lengths the length of each
		 */
		record Gathered(byte[] bytes, int[] at, int[] lengths) {
		}

	}

	/**
	 * Numbers the keys a segment uses in the order it meets them: an open-addressing
	 * table of the segment's own keys, reused per thread, not a hash map per line. A
	 * segment meets some thousand partners among millions, so its table stays in the
	 * cache, where an array over all partner keys (80 MB at ten million partners) cost a
	 * cache miss for every source partner of a line.
	 */
	private static final class Dictionary {

		/** Per slot: the index plus one of the key there, 0 for a free slot. */
		private int[] slots = new int[1 << 10];

		/** Per index: its key, and the slot it is in. */
		private int[] keys = new int[256];

		private int[] slotOfIndex = new int[256];

		private int size;

		/** Clears the dictionary, freeing the slots used. */
		Dictionary cleared() {
			for (int i = 0; i < this.size; i++) {
				this.slots[this.slotOfIndex[i]] = 0;
			}
			this.size = 0;
			return this;
		}

		int index(int key) {
			int mask = this.slots.length - 1;
			int slot = hash(key) & mask;
			while (true) {
				int entry = this.slots[slot];
				if (entry == 0) {
					return add(key, slot);
				}
				if (this.keys[entry - 1] == key) {
					return entry - 1;
				}
				slot = (slot + 1) & mask;
			}
		}

		private int add(int key, int slot) {
			if (this.size == this.keys.length) {
				this.keys = Arrays.copyOf(this.keys, this.size * 2);
				this.slotOfIndex = Arrays.copyOf(this.slotOfIndex, this.size * 2);
			}
			int index = this.size++;
			this.keys[index] = key;
			this.slots[slot] = index + 1;
			this.slotOfIndex[index] = slot;
			// at most half full
			if (2 * this.size > this.slots.length) {
				grow();
			}
			return index;
		}

		private void grow() {
			this.slots = new int[this.slots.length * 2];
			int mask = this.slots.length - 1;
			for (int index = 0; index < this.size; index++) {
				int slot = hash(this.keys[index]) & mask;
				while (this.slots[slot] != 0) {
					slot = (slot + 1) & mask;
				}
				this.slots[slot] = index + 1;
				this.slotOfIndex[index] = slot;
			}
		}

		private static int hash(int key) {
			int h = key * 0x9E3779B9;
			return h ^ (h >>> 16);
		}

		int size() {
			return this.size;
		}

		int key(int i) {
			return this.keys[i];
		}

	}

}
