package io.treeline.compensation;

/**
 * The kinds of compensation plan (domain.md §4).
 */
public enum PlanType {

	/** Unilevel with dynamic compression over the sponsor tree. */
	UNILEVEL,

	/** Stair-step (Stufenplan) with differential and breakaway generation override. */
	STAIR_STEP,

	/** Binary over a placement tree with LEFT and RIGHT legs, carry and cap. */
	BINARY,

	/** Forced matrix of a fixed width and depth over a placement tree. */
	MATRIX

}
