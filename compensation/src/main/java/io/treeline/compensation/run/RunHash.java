package io.treeline.compensation.run;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

import io.treeline.compensation.CommissionLineList;
import io.treeline.compensation.Component;
import io.treeline.compensation.PartnerResult;
import io.treeline.compensation.calculation.PartnerResults;
import io.treeline.graph.PartnerNumber;

/**
 * The fingerprint of a run's result: SHA-256 over the lines and results written in a
 * canonical text (fixed decimal scales, no locale or time zone) in the order they were
 * computed, which depends only on the data (events by instant and id, partners by
 * number), so equal results give equal hashes on any machine. The text of a line is
 * assembled from bytes made once per partner, component and rate: a close hashes some ten
 * million lines at a million partners.
 */
final class RunHash {

	private static final byte[] NONE = { '-' };

	private static final byte[] TRUE = ascii("true");

	private static final byte[] FALSE = ascii("false");

	private static final byte[][] COMPONENTS = Arrays.stream(Component.values())
		.map((component) -> ascii(component.name()))
		.toArray(byte[][]::new);

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

		private final Text text = new Text();

		/**
		 * The numbers of the partner keys the first part knew; later keys (partners
		 * outside the population) are written from their text.
		 */
		private PartnerTexts partners;

		private int partnerKeys;

		private byte[][] rates = new byte[0][];

		private int lastOrder = Integer.MIN_VALUE;

		private byte[] orderBytes = NONE;

		/**
		 * Hashes the next lines.
		 * @param lines the lines after those hashed so far
		 */
		void lines(CommissionLineList lines) {
			if (this.partners == null) {
				this.partners = new PartnerTexts(lines);
				this.partnerKeys = this.partners.keys();
			}
			if (this.rates.length < lines.rateCount()) {
				this.rates = Arrays.copyOf(this.rates, lines.rateCount());
			}
			byte[][] rates = this.rates;
			Text text = this.text;
			for (int i = 0; i < lines.size(); i++) {
				if (text.length > 60_000) {
					// the digest reads many lines at once: one call per line was a
					// third of the hash's time
					this.digest.update(text.bytes, 0, text.length);
					text.clear();
				}
				int partner = lines.partnerKey(i);
				int rate = lines.rateId(i);
				if (rates[rate] == null) {
					rates[rate] = ascii(canonical(lines.rateById(rate)));
				}
				int flags = lines.flags(i);
				partner(lines, partner).field(COMPONENTS[flags >>> 1]).field(((flags & 1) != 0) ? TRUE : FALSE);
				int order = lines.orderId(i);
				if (order != this.lastOrder) {
					// lines of one order come one after the other and share its id
					String number = lines.orderNumber(i);
					this.orderBytes = (number != null) ? number.getBytes(StandardCharsets.UTF_8) : NONE;
					this.lastOrder = order;
				}
				text.field(this.orderBytes);
				int source = lines.sourceKey(i);
				if (source != CommissionLineList.PartnerIds.NO_PARTNER) {
					partner(lines, source);
				}
				else {
					text.field(NONE);
				}
				text.number(lines.planVersion(i));
				int level = lines.levelOrMin(i);
				if (level == Integer.MIN_VALUE) {
					text.field(NONE);
				}
				else {
					text.number(level);
				}
				text.decimal(lines.baseUnits(i), 4).field(rates[rate]).decimal(lines.amountCents(i), 2).end();
			}
		}

		private Text partner(CommissionLineList lines, int key) {
			return (key < this.partnerKeys) ? this.text.partner(this.partners, key)
					: this.text.text(lines.partnerNumberOfKey(key));
		}

		/**
		 * Hashes the results after the lines.
		 * @param results the results, sorted by partner number
		 * @return the hash in hexadecimal
		 */
		String finish(List<PartnerResult> results) {
			if (results instanceof PartnerResults computed) {
				results(computed, this.digest, this.text);
				return HexFormat.of().formatHex(this.digest.digest());
			}
			this.digest.update(this.text.bytes, 0, this.text.length);
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
	 * One line's canonical text: the fields separated by {@code |}, ended by a newline,
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

		/** Writes a partner's number, as {@link PartnerTexts} holds it. */
		Text partner(PartnerTexts partners, int key) {
			int length = partners.length(key);
			ensure(length + 1);
			System.arraycopy(partners.bytes(), partners.at(key) + 1, this.bytes, this.length, length);
			this.length += length;
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

		Text number(long value) {
			ensure(21);
			if (value < 0) {
				this.bytes[this.length++] = '-';
				value = -value;
			}
			int end = this.length + digitCount(value);
			writeBackwards(value, end, this.length);
			this.length = end;
			this.bytes[this.length++] = '|';
			return this;
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
