package io.treeline.compensation.run;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.treeline.compensation.CommissionLineList;
import io.treeline.compensation.Component;
import io.treeline.compensation.PartnerResult;
import io.treeline.compensation.calculation.PartnerResults;
import io.treeline.graph.PartnerNumber;

/**
 * The fingerprint of a run's result: SHA-256 over its lines and results in the order they
 * were computed, which depends only on the data (events by instant and id, partners by
 * number), written in a canonical form with no locale or time zone, so equal results give
 * equal hashes on any machine and with any number of threads.
 * <p>
 * The form (version 2, ADR 0043) starts with the ASCII text {@code treeline run hash 2}
 * and a newline. Each line follows as these fields, varints as in {@link SegmentCodec}
 * (unsigned LEB128, signed numbers zigzag-encoded first):
 * <ol>
 * <li>the partner who earns, a reference (below, never 0);</li>
 * <li>the component, a reference to its name;</li>
 * <li>one byte, 1 for a reversal, else 0;</li>
 * <li>the order: varint 0 for none, 1 for the order of the line before when that line has
 * one, else varint(2 + byte length) and the order number's UTF-8 bytes;</li>
 * <li>the source partner, a reference, 0 for none;</li>
 * <li>the plan version, signed;</li>
 * <li>the level: 0 for none, else its zigzag value plus 1;</li>
 * <li>the base in ten-thousandths, signed;</li>
 * <li>the rate, a reference to its plain text without trailing zeros ({@code 0} for
 * zero);</li>
 * <li>the amount in cents, signed.</li>
 * </ol>
 * Partner numbers, component names and rates are three dictionaries whose entries are
 * numbered from 0 in the order they first appear in the lines. A reference to an entry
 * met before is varint(number + 2); a first one is varint 1, followed by the varint byte
 * length and the UTF-8 bytes of its text. After the last line comes varint 0 where a
 * partner would be, then the results, sorted by partner number, as canonical text: per
 * partner the fields partner number, personal and group volume at four decimals, active
 * ({@code true} or {@code false}), achieved, paid-as and highest rank ({@code -} for
 * none), left and right carry at four decimals, each followed by {@code |}, and a
 * newline.
 * <p>
 * Before version 2 the lines were canonical text as well; they made some 80 bytes a line,
 * whose formatting and hashing took longer than the computation of the lines (ADR 0043).
 */
final class RunHash {

	private static final byte[] NONE = { '-' };

	private static final byte[] TRUE = ascii("true");

	private static final byte[] FALSE = ascii("false");

	private static final byte[] HEADER = ascii("treeline run hash 2\n");

	/** A reference: none. */
	private static final int NO_ENTRY = 0;

	/** A reference: an entry met for the first time, its text follows. */
	private static final int NEW_ENTRY = 1;

	/** The order of a line: the order of the line before. */
	private static final int SAME_ORDER = 1;

	/** The order id before the first line. */
	private static final int NO_LINE = Integer.MIN_VALUE;

	/** Lines whose partners' references are read together. */
	private static final int BLOCK = 1024;

	/** Bytes gathered before the digest reads them: one call per line was slow. */
	private static final int CHUNK = 60_000;

	private RunHash() {
	}

	static String of(CommissionLineList lines, List<PartnerResult> results) {
		Streaming hash = new Streaming();
		hash.lines(lines);
		return hash.finish(results);
	}

	/**
	 * The hash of lines handed over in parts, in the order of the lines, and then of the
	 * results: equal to {@link RunHash#of} of all lines at once, however they are cut
	 * into parts. A close hashes the parts of its lines while it computes the next ones
	 * ({@link CommissionLineList.Builder#publishing}). Used by one thread at a time.
	 */
	static final class Streaming {

		private final MessageDigest digest = sha256();

		private final SegmentCodec.Buffer out = new SegmentCodec.Buffer(CHUNK + 1024);

		/**
		 * The numbers of the partner keys the first part knew, in one array: a partner's
		 * first reference reads it from here rather than from its string, met in the
		 * scattered order of the partners.
		 */
		private PartnerTexts texts;

		/** Each partner key's reference once its number has been written, else 0. */
		private int[] partners = new int[0];

		private int partnersNamed;

		/** Each component's reference once its name has been written, else 0. */
		private final int[] components = new int[Component.values().length];

		private int componentsNamed;

		/** Each rate id's reference once its text has been written, else 0. */
		private int[] rates = new int[0];

		/**
		 * The references of the rates' texts: rates equal in value but not in scale have
		 * one text, and so one entry.
		 */
		private final Map<String, Integer> rateTexts = new HashMap<>();

		/** The order id of the line before, {@link #NO_LINE} before the first. */
		private int lastOrder = NO_LINE;

		Streaming() {
			this.digest.update(HEADER);
		}

		/**
		 * Hashes the next lines.
		 * @param lines the lines after those hashed so far
		 */
		void lines(CommissionLineList lines) {
			if (this.texts == null) {
				this.texts = new PartnerTexts(lines);
			}
			if (this.partners.length < lines.partnerKeyLimit()) {
				this.partners = Arrays.copyOf(this.partners, lines.partnerKeyLimit());
			}
			if (this.rates.length < lines.rateCount()) {
				this.rates = Arrays.copyOf(this.rates, lines.rateCount());
			}
			SegmentCodec.Buffer out = this.out;
			int[] references = new int[2 * BLOCK];
			for (int from = 0; from < lines.size(); from += BLOCK) {
				int to = Math.min(lines.size(), from + BLOCK);
				// the partners' references first, in a loop of their own: they are read
				// in the scattered order of the partners, and so their cache misses
				// overlap instead of each stalling a line (0 for a partner not met yet
				// when this block began)
				int[] partners = this.partners;
				for (int i = from; i < to; i++) {
					int source = lines.sourceKey(i);
					references[2 * (i - from)] = partners[lines.partnerKey(i)];
					references[2 * (i - from) + 1] = (source != CommissionLineList.PartnerIds.NO_PARTNER)
							? partners[source] : NO_ENTRY;
				}
				for (int i = from; i < to; i++) {
					if (out.length > CHUNK) {
						this.digest.update(out.bytes, 0, out.length);
						out.length = 0;
					}
					partner(lines, lines.partnerKey(i), references[2 * (i - from)]);
					int flags = lines.flags(i);
					component(flags >>> 1);
					// room for the reversal's byte and a varint
					out.ensure(11);
					out.bytes[out.length++] = (byte) (flags & 1);
					int order = lines.orderId(i);
					if (order == CommissionLineList.NO_ORDER) {
						out.put(NO_ENTRY);
					}
					else if (order == this.lastOrder) {
						// lines of one order come one after the other and share its id
						out.put(SAME_ORDER);
					}
					else {
						byte[] number = lines.orderNumber(i).getBytes(StandardCharsets.UTF_8);
						out.varint(2L + number.length);
						out.bytes(number, number.length);
					}
					this.lastOrder = order;
					int source = lines.sourceKey(i);
					if (source == CommissionLineList.PartnerIds.NO_PARTNER) {
						out.varint(NO_ENTRY);
					}
					else {
						partner(lines, source, references[2 * (i - from) + 1]);
					}
					// room for three varints
					out.ensure(30);
					out.put(SegmentCodec.zigzag(lines.planVersion(i)));
					int level = lines.levelOrMin(i);
					out.put((level == Integer.MIN_VALUE) ? NO_ENTRY : SegmentCodec.zigzag(level) + 1);
					out.put(SegmentCodec.zigzag(lines.baseUnits(i)));
					rate(lines, lines.rateId(i));
					out.varint(SegmentCodec.zigzag(lines.amountCents(i)));
				}
			}
		}

		/**
		 * Writes a reference to a partner.
		 * @param lines the lines
		 * @param key the partner's key
		 * @param read the reference read before the block, {@link #NO_ENTRY} if the
		 * partner had none yet (it may have got one earlier in the block)
		 */
		private void partner(CommissionLineList lines, int key, int read) {
			int reference = (read != NO_ENTRY) ? read : this.partners[key];
			if (reference == NO_ENTRY) {
				reference = 2 + this.partnersNamed++;
				this.partners[key] = reference;
				if (key < this.texts.keys()) {
					// its length (below 128, so a varint of one byte) and its characters
					int length = 1 + this.texts.length(key);
					this.out.varint(NEW_ENTRY);
					this.out.ensure(length);
					this.out.put(this.texts.bytes(), this.texts.at(key), length);
				}
				else {
					firstReference(lines.partnerNumberOfKey(key));
				}
				return;
			}
			this.out.varint(reference);
		}

		private void component(int ordinal) {
			int reference = this.components[ordinal];
			if (reference == NO_ENTRY) {
				reference = 2 + this.componentsNamed++;
				this.components[ordinal] = reference;
				firstReference(Component.values()[ordinal].name());
				return;
			}
			this.out.varint(reference);
		}

		private void rate(CommissionLineList lines, int id) {
			int reference = this.rates[id];
			if (reference == NO_ENTRY) {
				String text = canonical(lines.rateById(id));
				Integer known = this.rateTexts.get(text);
				if (known == null) {
					reference = 2 + this.rateTexts.size();
					this.rateTexts.put(text, reference);
					this.rates[id] = reference;
					firstReference(text);
					return;
				}
				reference = known;
				this.rates[id] = reference;
			}
			this.out.varint(reference);
		}

		/** Writes the first reference to a dictionary's entry: the mark and its text. */
		private void firstReference(String text) {
			this.out.varint(NEW_ENTRY);
			this.out.text(text);
		}

		/**
		 * Hashes the results after the lines.
		 * @param results the results, sorted by partner number
		 * @return the hash in hexadecimal
		 */
		String finish(List<PartnerResult> results) {
			// the end of the lines, where the next line's partner would be
			this.out.varint(NO_ENTRY);
			this.digest.update(this.out.bytes, 0, this.out.length);
			this.out.length = 0;
			if (results instanceof PartnerResults computed) {
				results(computed, this.digest, new Text());
				return HexFormat.of().formatHex(this.digest.digest());
			}
			for (PartnerResult result : results) {
				update(this.digest, result.partner(), scaled(result.personalPv(), 4), scaled(result.groupPv(), 4),
						result.active(), result.achievedRank(), result.paidAsRank(), result.highestRank(),
						scaled(result.carryLeft(), 4), scaled(result.carryRight(), 4));
			}
			return HexFormat.of().formatHex(this.digest.digest());
		}

	}

	/** The results' canonical text as {@link #update} writes it, from the arrays. */
	private static void results(PartnerResults results, MessageDigest digest, Text text) {
		String[] names = results.rankNames();
		byte[][] ranks = new byte[names.length][];
		for (int r = 0; r < names.length; r++) {
			ranks[r] = names[r].getBytes(StandardCharsets.UTF_8);
		}
		for (int i = 0; i < results.size(); i++) {
			if (text.length > 60_000) {
				digest.update(text.bytes, 0, text.length);
				text.clear();
			}
			text.text(results.number(i))
				.decimal(results.personalPvUnits(i), 4)
				.decimal(results.groupPvUnits(i), 4)
				.field(results.active(i) ? TRUE : FALSE)
				.rank(ranks, results.achievedRank(i))
				.rank(ranks, results.paidAsRank(i))
				.rank(ranks, results.highestRank(i))
				.decimal(results.carryLeftUnits(i), 4)
				.decimal(results.carryRightUnits(i), 4)
				.end();
		}
		digest.update(text.bytes, 0, text.length);
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

	private static void update(MessageDigest digest, Object... fields) {
		StringBuilder text = new StringBuilder();
		for (Object field : fields) {
			text.append((field instanceof PartnerNumber number) ? number.value() : Objects.toString(field, "-"))
				.append('|');
		}
		text.append('\n');
		digest.update(text.toString().getBytes(StandardCharsets.UTF_8));
	}

	private static String scaled(BigDecimal value, int scale) {
		return value.setScale(scale).toPlainString();
	}

	private static String canonical(BigDecimal value) {
		return (value.signum() == 0) ? "0" : value.stripTrailingZeros().toPlainString();
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

	/**
	 * One result's canonical text: the fields separated by {@code |}, ended by a newline,
	 * decimals in plain notation at their fixed scale (as
	 * {@link BigDecimal#toPlainString()} writes them).
	 */
	private static final class Text {

		private byte[] bytes = new byte[64 * 1024];

		private int length;

		void clear() {
			this.length = 0;
		}

		Text field(byte[] value) {
			ensure(value.length + 1);
			System.arraycopy(value, 0, this.bytes, this.length, value.length);
			this.length += value.length;
			this.bytes[this.length++] = '|';
			return this;
		}

		Text text(String value) {
			int length = value.length();
			ensure(length + 1);
			for (int i = 0; i < length; i++) {
				char c = value.charAt(i);
				if (c >= 0x80) {
					this.length -= i;
					return field(value.getBytes(StandardCharsets.UTF_8));
				}
				this.bytes[this.length++] = (byte) c;
			}
			this.bytes[this.length++] = '|';
			return this;
		}

		Text rank(byte[][] ranks, int rank) {
			return field((rank < 0) ? NONE : ranks[rank]);
		}

		/**
		 * Writes {@code unscaled / 10^scale} in plain notation with {@code scale}
		 * decimals, in one pass from the last digit.
		 */
		Text decimal(long unscaled, int scale) {
			ensure(23 + scale);
			if (unscaled < 0) {
				this.bytes[this.length++] = '-';
				unscaled = -unscaled;
			}
			int end = this.length + Math.max(digitCount(unscaled), scale + 1) + 1;
			int at = end;
			long value = unscaled;
			for (int i = 0; i < scale; i++) {
				this.bytes[--at] = (byte) ('0' + (value % 10));
				value /= 10;
			}
			this.bytes[--at] = '.';
			writeBackwards(value, at, this.length);
			this.length = end;
			this.bytes[this.length++] = '|';
			return this;
		}

		/**
		 * Writes a non-negative number so that it ends before {@code end}, zeros in front
		 * down to {@code start}.
		 */
		private void writeBackwards(long value, int end, int start) {
			int at = end;
			if (value <= Integer.MAX_VALUE) {
				// int division is the cheaper one
				int small = (int) value;
				do {
					this.bytes[--at] = (byte) ('0' + (small % 10));
					small /= 10;
				}
				while (small > 0);
			}
			else {
				do {
					this.bytes[--at] = (byte) ('0' + (value % 10));
					value /= 10;
				}
				while (value > 0);
			}
			while (at > start) {
				this.bytes[--at] = '0';
			}
		}

		private static int digitCount(long value) {
			int count = 1;
			for (long limit = 10; count < 19 && value >= limit; limit *= 10) {
				count++;
			}
			return count;
		}

		void end() {
			ensure(1);
			this.bytes[this.length++] = '\n';
		}

		private void ensure(int more) {
			if (this.length + more > this.bytes.length) {
				this.bytes = Arrays.copyOf(this.bytes, Math.max(this.bytes.length * 2, this.length + more));
			}
		}

	}

}
