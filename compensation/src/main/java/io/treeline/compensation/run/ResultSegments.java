package io.treeline.compensation.run;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import io.treeline.compensation.PartnerResult;
import io.treeline.compensation.calculation.PartnerResults;
import io.treeline.graph.PartnerNumber;

/**
 * The stored form of what the partners reached in a closed run (ADR 0016): segments of up
 * to {@value #RESULTS_PER_SEGMENT} results sorted by partner number, compressed, keyed by
 * their first and last partner, so that a partner's career reads one segment per run and
 * the previous period's state of a million partners reads a few megabytes.
 *
 * <p>
 * Format 1 of a segment, before compressing ({@link SegmentCodec}): the result count, the
 * rank dictionary (count, then each name), then per result: partner number, personal PV
 * and group PV in ten-thousandths (zigzag), 1 if active else 0, achieved, paid-as and
 * highest rank (0 none, else dictionary index plus one), left and right carry in
 * ten-thousandths (zigzag).
 */
final class ResultSegments {

	static final int RESULTS_PER_SEGMENT = 16_384;

	private static final int FORMAT = 1;

	private ResultSegments() {
	}

	/**
	 * One stored segment.
	 *
	 * @param number its number within the run, from 0
	 * @param firstPartner the partner of its first result
	 * @param lastPartner the partner of its last result
	 * @param count how many results it holds
	 * @param data the compressed encoding
	 */
	record Segment(int number, String firstPartner, String lastPartner, int count, byte[] data) {
	}

	/**
	 * Encodes results sorted by partner, segments in parallel.
	 * @param results the results, sorted by partner number
	 * @return the segments
	 */
	static List<Segment> encode(List<PartnerResult> results) {
		return encode(results, true);
	}

	/**
	 * Encodes results sorted by partner.
	 * @param results the results, sorted by partner number
	 * @param parallel whether to use the common pool
	 * @return the segments
	 */
	static List<Segment> encode(List<PartnerResult> results, boolean parallel) {
		int count = (results.size() + RESULTS_PER_SEGMENT - 1) / RESULTS_PER_SEGMENT;
		if (results instanceof PartnerResults computed && !parallel) {
			SegmentTasks.Prepared<Segment> prepared = prepare(computed);
			return IntStream.range(0, count).mapToObj(prepared::task).toList();
		}
		if (results instanceof PartnerResults computed) {
			IntStream numbers = IntStream.range(0, count);
			return (parallel ? numbers.parallel() : numbers).mapToObj((number) -> {
				int from = number * RESULTS_PER_SEGMENT;
				int to = Math.min(computed.size(), from + RESULTS_PER_SEGMENT);
				return new Segment(number, computed.number(from), computed.number(to - 1), to - from,
						encodeSegment(computed, from, to).compressed());
			}).toList();
		}
		return IntStream.range(0, count).parallel().mapToObj((number) -> {
			List<PartnerResult> part = results.subList(number * RESULTS_PER_SEGMENT,
					Math.min(results.size(), (number + 1) * RESULTS_PER_SEGMENT));
			return new Segment(number, part.get(0).partner().value(), part.get(part.size() - 1).partner().value(),
					part.size(), encodeSegment(part).compressed());
		}).toList();
	}

	private static SegmentCodec.Buffer encodeSegment(List<PartnerResult> results) {
		Map<String, Integer> rankIndex = new HashMap<>();
		List<String> ranks = new ArrayList<>();
		SegmentCodec.Buffer body = new SegmentCodec.Buffer(results.size() * 24);
		for (PartnerResult result : results) {
			body.text(result.partner().value());
			body.varint(SegmentCodec.zigzag(units(result.personalPv())));
			body.varint(SegmentCodec.zigzag(units(result.groupPv())));
			body.varint(result.active() ? 1 : 0);
			for (String rank : new String[] { result.achievedRank(), result.paidAsRank(), result.highestRank() }) {
				if (rank == null) {
					body.varint(0);
				}
				else {
					body.varint(rankIndex.computeIfAbsent(rank, (name) -> {
						ranks.add(name);
						return ranks.size() - 1;
					}) + 1);
				}
			}
			body.varint(SegmentCodec.zigzag(units(result.carryLeft())));
			body.varint(SegmentCodec.zigzag(units(result.carryRight())));
		}
		SegmentCodec.Buffer all = new SegmentCodec.Buffer(body.length + 64);
		all.varint(FORMAT);
		all.varint(results.size());
		all.varint(ranks.size());
		for (String rank : ranks) {
			all.text(rank);
		}
		all.bytes(body.bytes, body.length);
		return all;
	}

	/**
	 * Returns the encoding of each segment of computed results as a task that any thread
	 * can run.
	 * @param results the results
	 * @return the tasks
	 */
	static SegmentTasks.Prepared<Segment> prepare(PartnerResults results) {
		int count = (results.size() + RESULTS_PER_SEGMENT - 1) / RESULTS_PER_SEGMENT;
		return new SegmentTasks.Prepared<>() {

			@Override
			public int count() {
				return count;
			}

			@Override
			public Segment task(int number) {
				int from = number * RESULTS_PER_SEGMENT;
				int to = Math.min(results.size(), from + RESULTS_PER_SEGMENT);
				return new Segment(number, results.number(from), results.number(to - 1), to - from,
						encodeSegment(results, from, to).compressed());
			}

		};
	}

	/** Encodes results from arrays, byte for byte as {@link #encodeSegment(List)}. */
	private static SegmentCodec.Buffer encodeSegment(PartnerResults results, int from, int to) {
		String[] names = results.rankNames();
		int[] rankIndex = new int[names.length];
		List<String> ranks = new ArrayList<>();
		SegmentCodec.Buffer body = new SegmentCodec.Buffer((to - from) * 24);
		for (int i = from; i < to; i++) {
			body.text(results.number(i));
			body.varint(SegmentCodec.zigzag(results.personalPvUnits(i)));
			body.varint(SegmentCodec.zigzag(results.groupPvUnits(i)));
			body.varint(results.active(i) ? 1 : 0);
			for (int rank : new int[] { results.achievedRank(i), results.paidAsRank(i), results.highestRank(i) }) {
				if (rank < 0) {
					body.varint(0);
				}
				else {
					if (rankIndex[rank] == 0) {
						ranks.add(names[rank]);
						rankIndex[rank] = ranks.size();
					}
					body.varint(rankIndex[rank]);
				}
			}
			body.varint(SegmentCodec.zigzag(results.carryLeftUnits(i)));
			body.varint(SegmentCodec.zigzag(results.carryRightUnits(i)));
		}
		SegmentCodec.Buffer all = new SegmentCodec.Buffer(body.length + 64);
		all.varint(FORMAT);
		all.varint(to - from);
		all.varint(ranks.size());
		for (String rank : ranks) {
			all.text(rank);
		}
		all.bytes(body.bytes, body.length);
		return all;
	}

	/** Receives the results of a segment without objects for them. */
	@FunctionalInterface
	interface Visitor {

		/**
		 * Receives one result; volumes in ten-thousandths.
		 */
		void result(String partner, long personalPv, long groupPv, boolean active, String achieved, String paidAs,
				String highest, long carryLeft, long carryRight);

	}

	/**
	 * Reads every result of a segment.
	 * @param data the stored segment
	 * @param visitor where the results go
	 */
	static void decode(byte[] data, Visitor visitor) {
		SegmentCodec.Reader in = new SegmentCodec.Reader(SegmentCodec.decompress(data));
		int format = (int) in.varint();
		if (format != FORMAT) {
			throw new IllegalStateException("A stored segment of period results has format " + format
					+ "; this version reads format " + FORMAT);
		}
		int count = (int) in.varint();
		String[] ranks = new String[(int) in.varint()];
		for (int i = 0; i < ranks.length; i++) {
			ranks[i] = in.text();
		}
		for (int i = 0; i < count; i++) {
			String partner = in.text();
			long pv = SegmentCodec.unzigzag(in.varint());
			long gv = SegmentCodec.unzigzag(in.varint());
			boolean active = in.varint() == 1;
			String achieved = rank(ranks, in.varint());
			String paidAs = rank(ranks, in.varint());
			String highest = rank(ranks, in.varint());
			long carryLeft = SegmentCodec.unzigzag(in.varint());
			long carryRight = SegmentCodec.unzigzag(in.varint());
			visitor.result(partner, pv, gv, active, achieved, paidAs, highest, carryLeft, carryRight);
		}
	}

	/**
	 * Reads the results of a segment that a test accepts.
	 * @param data the stored segment
	 * @param wanted which partners to keep
	 * @param into where the results go
	 */
	static void decode(byte[] data, Predicate<String> wanted, List<PartnerResult> into) {
		decode(data, (partner, pv, gv, active, achieved, paidAs, highest, carryLeft, carryRight) -> {
			if (wanted.test(partner)) {
				into.add(new PartnerResult(PartnerNumber.of(partner), BigDecimal.valueOf(pv, 4),
						BigDecimal.valueOf(gv, 4), active, achieved, paidAs, highest, BigDecimal.valueOf(carryLeft, 4),
						BigDecimal.valueOf(carryRight, 4)));
			}
		});
	}

	private static long units(BigDecimal value) {
		try {
			return value.setScale(4, RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
		}
		catch (ArithmeticException ex) {
			throw new IllegalArgumentException("A period result " + value + " has more than four decimals", ex);
		}
	}

	private static String rank(String[] ranks, long index) {
		return (index == 0) ? null : ranks[(int) index - 1];
	}

}
