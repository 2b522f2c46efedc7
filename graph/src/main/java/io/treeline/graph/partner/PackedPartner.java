package io.treeline.graph.partner;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import io.treeline.graph.Partner;
import io.treeline.graph.PartnerNumber;
import io.treeline.graph.PartnerStatus;

/**
 * A partner as one byte array, the way the {@link PartnerCache} keeps it: one object
 * instead of a dozen (the record, its strings and their arrays, the instant), which
 * matters to the garbage collector when millions of partners are kept. The number comes
 * first (its length in one byte, then its characters, which {@link PartnerNumber} keeps
 * to ASCII), so that the array is its own key in a {@link PartnerTable}; then the texts
 * in UTF-8, each after its length plus one as a variable-length integer ({@code 0} for
 * {@code null}); then the status and the join instant.
 */
final class PackedPartner {

	private static final PartnerStatus[] STATUSES = PartnerStatus.values();

	private PackedPartner() {
	}

	static byte[] pack(Partner partner) {
		String number = partner.number().value();
		byte[][] texts = { utf8(partner.firstName()), utf8(partner.lastName()), utf8(partner.email()),
				utf8(partner.city()), utf8(partner.country()), utf8(partner.language()) };
		int size = 1 + number.length() + 1 + Long.BYTES + Integer.BYTES;
		for (byte[] text : texts) {
			int length = (text != null) ? text.length : 0;
			size += varIntSize(length + 1) + length;
		}
		byte[] packed = new byte[size];
		packed[0] = (byte) number.length();
		int at = 1;
		for (int i = 0; i < number.length(); i++) {
			packed[at++] = (byte) number.charAt(i);
		}
		for (byte[] text : texts) {
			if (text == null) {
				packed[at++] = 0;
			}
			else {
				at = putVarInt(packed, at, text.length + 1);
				System.arraycopy(text, 0, packed, at, text.length);
				at += text.length;
			}
		}
		packed[at++] = (byte) partner.status().ordinal();
		at = putBytes(packed, at, partner.joinedAt().getEpochSecond(), Long.BYTES);
		putBytes(packed, at, partner.joinedAt().getNano(), Integer.BYTES);
		return packed;
	}

	static Partner unpack(byte[] packed) {
		Reader reader = new Reader(packed, 1 + packed[0]);
		String firstName = reader.text();
		String lastName = reader.text();
		String email = reader.text();
		String city = reader.text();
		String country = reader.text();
		String language = reader.text();
		PartnerStatus status = STATUSES[packed[reader.at++]];
		long seconds = reader.bytes(Long.BYTES);
		int nanos = (int) reader.bytes(Integer.BYTES);
		return new Partner(PartnerNumber.of(number(packed)), firstName, lastName, email, city, country, language,
				status, Instant.ofEpochSecond(seconds, nanos));
	}

	/**
	 * Returns the number a packed partner starts with.
	 * @param packed a packed partner
	 * @return its number
	 */
	static String number(byte[] packed) {
		return new String(packed, 1, packed[0], StandardCharsets.US_ASCII);
	}

	/**
	 * Returns the hash code of the number a packed partner starts with, equal to the
	 * number's {@link String#hashCode()}, without making a string.
	 * @param packed a packed partner
	 * @return the number's hash code
	 */
	static int numberHash(byte[] packed) {
		int hash = 0;
		for (int i = 0; i < packed[0]; i++) {
			hash = 31 * hash + packed[1 + i];
		}
		return hash;
	}

	/**
	 * Whether a packed partner has a number, compared without making a string.
	 * @param packed a packed partner
	 * @param number the number
	 * @return whether it is the packed partner's
	 */
	static boolean numberIs(byte[] packed, String number) {
		int length = packed[0];
		if (length != number.length()) {
			return false;
		}
		for (int i = 0; i < length; i++) {
			if (packed[1 + i] != number.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	private static byte[] utf8(String text) {
		return (text != null) ? text.getBytes(StandardCharsets.UTF_8) : null;
	}

	private static int varIntSize(int value) {
		int size = 1;
		for (int rest = value >>> 7; rest != 0; rest >>>= 7) {
			size++;
		}
		return size;
	}

	private static int putVarInt(byte[] packed, int at, int value) {
		int rest = value;
		while ((rest & ~0x7F) != 0) {
			packed[at++] = (byte) ((rest & 0x7F) | 0x80);
			rest >>>= 7;
		}
		packed[at++] = (byte) rest;
		return at;
	}

	/** Writes the low bytes of a value, the highest first. */
	private static int putBytes(byte[] packed, int at, long value, int bytes) {
		for (int i = bytes - 1; i >= 0; i--) {
			packed[at++] = (byte) (value >>> (8 * i));
		}
		return at;
	}

	/** Reads a packed partner from a position on. */
	private static final class Reader {

		private final byte[] packed;

		private int at;

		Reader(byte[] packed, int at) {
			this.packed = packed;
			this.at = at;
		}

		String text() {
			int length = 0;
			int shift = 0;
			byte next;
			do {
				next = this.packed[this.at++];
				length |= (next & 0x7F) << shift;
				shift += 7;
			}
			while (next < 0);
			if (length == 0) {
				return null;
			}
			String text = new String(this.packed, this.at, length - 1, StandardCharsets.UTF_8);
			this.at += length - 1;
			return text;
		}

		long bytes(int count) {
			long value = 0;
			for (int i = 0; i < count; i++) {
				value = (value << 8) | (this.packed[this.at++] & 0xFF);
			}
			return value;
		}

	}

}
