package io.treeline.graph;

import java.util.regex.Pattern;

/**
 * The business number of a partner (e.g. {@code P-0000001}), unique in the company and
 * the key by which the other modules, the API and the users refer to a partner.
 *
 * @param value letters, digits, '-', '_' or '.', at most 32 characters
 */
public record PartnerNumber(String value) implements Comparable<PartnerNumber> {

	private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,31}");

	public PartnerNumber {
		if (value == null || !FORMAT.matcher(value).matches()) {
			throw new IllegalArgumentException(
					"A partner number is 1 to 32 letters, digits, '.', '_' or '-' (got '" + value + "')");
		}
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
