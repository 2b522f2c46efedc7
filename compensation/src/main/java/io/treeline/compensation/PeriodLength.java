package io.treeline.compensation;

/**
 * How long the commission periods of a plan are.
 */
public enum PeriodLength {

	/** Calendar months, labelled {@code 2026-01}. */
	MONTHLY,

	/** ISO weeks from Monday, labelled {@code 2026-W03}. */
	WEEKLY

}
