package io.treeline.compensation.run;

import io.treeline.compensation.CommissionLineList;

/**
 * The partner numbers of a run's lines as bytes, for the hash and the segment encoding,
 * which write one or two for every line, in the scattered order of the partners: each
 * number at a fixed stride, its length in a byte and then its characters (a partner
 * number is 1 to 32 ASCII characters), so that a partner's bytes are found without an
 * object or an offset to read first. Immutable once made.
 */
final class PartnerTexts {

	private final byte[] bytes;

	private final int stride;

	/**
	 * Writes the number of every partner key of some lines.
	 * @param lines the lines
	 * @throws IllegalArgumentException if a number is not a partner number's ASCII text
	 */
	PartnerTexts(CommissionLineList lines) {
		int keys = lines.partnerKeyLimit();
		int longest = 1;
		for (int key = 0; key < keys; key++) {
			longest = Math.max(longest, lines.partnerNumberOfKey(key).length());
		}
		if (longest > Byte.MAX_VALUE) {
			throw new IllegalArgumentException("A partner number of " + longest + " characters is not one");
		}
		this.stride = 1 + longest;
		this.bytes = new byte[Math.multiplyExact(keys, this.stride)];
		for (int key = 0; key < keys; key++) {
			String number = lines.partnerNumberOfKey(key);
			int at = key * this.stride;
			this.bytes[at] = (byte) number.length();
			for (int i = 0; i < number.length(); i++) {
				char c = number.charAt(i);
				if (c >= 0x80) {
					throw new IllegalArgumentException("A partner number is ASCII: " + number);
				}
				this.bytes[at + 1 + i] = (byte) c;
			}
		}
	}

	/**
	 * Returns the bytes of all numbers; a key's are at {@link #at(int)}.
	 * @return the bytes, not to be changed
	 */
	byte[] bytes() {
		return this.bytes;
	}

	/**
	 * Returns where a key's number starts in {@link #bytes()}: its length in one byte (as
	 * a varint writes a length below 128), then its characters.
	 * @param key a partner key of the lines
	 * @return the offset
	 */
	int at(int key) {
		return key * this.stride;
	}

	/**
	 * Returns the length of a key's number.
	 * @param key a partner key of the lines
	 * @return the number of characters (and bytes)
	 */
	int length(int key) {
		return this.bytes[key * this.stride];
	}

	/**
	 * Returns how many partner keys there are numbers of.
	 * @return the bound of the keys
	 */
	int keys() {
		return this.bytes.length / this.stride;
	}

	/**
	 * Returns the longest a number is written with its length byte.
	 * @return the byte count
	 */
	int stride() {
		return this.stride;
	}

}
