package io.treeline.compensation;

/**
 * The part of a plan a commission line comes from.
 */
public enum Component {

	/** Unilevel level commission on an order. */
	UNILEVEL(true),

	/** Stair-step differential on an order. */
	DIFFERENTIAL(true),

	/** Breakaway generation override on an order. */
	GENERATION_OVERRIDE(true),

	/** Forced-matrix level commission on an order. */
	MATRIX(true),

	/** Fast-start bonus on an order of a new partner. */
	FAST_START(true),

	/** Binary commission on the weak leg of a period. */
	BINARY(false),

	/** Matching bonus on the commissions of the generations below. */
	MATCHING(false),

	/** One-time bonus for a rank achieved for the first time. */
	RANK_ADVANCEMENT(false),

	/** Share of the company's BV of the period. */
	POOL(false);

	private final boolean orderBased;

	Component(boolean orderBased) {
		this.orderBased = orderBased;
	}

	/**
	 * Tells whether the component pays per order (and is reversed line by line on a
	 * storno) rather than once per period.
	 * @return {@code true} for order-based components
	 */
	public boolean orderBased() {
		return this.orderBased;
	}

}
