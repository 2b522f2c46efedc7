package io.treeline.graph;

/**
 * The business number of a partner (e.g. {@code P-0000001}), unique in the company and
 * the key by which the other modules, the API and the users refer to a partner.
 *
 * @param value letters, digits, '-', '_' or '.', at most 32 characters
 */
public record PartnerNumber(String value) implements Comparable<PartnerNumber> {

	private static final int MAX_LENGTH = 32;

	public PartnerNumber {
		if (!wellFormed(value)) {
			throw new IllegalArgumentException(
					"A partner number is 1 to 32 letters, digits, '.', '_' or '-' (got '" + value + "')");
		}
	}

	/**
	 * Checks the format by hand rather than by a regular expression: numbers are made for
	 * every row of every answer (an upline of 100,000 levels makes 100,000).
	 */
	private static boolean wellFormed(String value) {
		if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
			return false;
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			boolean letterOrDigit = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
			if (!letterOrDigit && (i == 0 || (c != '.' && c != '_' && c != '-'))) {
				return false;
			}
		}
		return true;
	}

	public static PartnerNumber of(String value) {
		return new PartnerNumber(value);
	}

	@Override
	public int compareTo(PartnerNumber other) {
		return this.value.compareTo(other.value);
	}

	@Override
	public String toString() {
		return this.value;
	}

}
