package io.treeline.graph;

/**
 * No partner has the given number.
 */
public class UnknownPartnerException extends IllegalArgumentException {

	private final PartnerNumber number;

	public UnknownPartnerException(PartnerNumber number) {
		super("No partner has the number " + number);
		this.number = number;
	}

	public PartnerNumber number() {
		return this.number;
	}

}
