package io.treeline.graph;

/**
 * Where a partner stands in the contract life cycle.
 */
public enum PartnerStatus {

	/** Registered, the double opt-in is not yet confirmed. */
	PENDING_CONFIRMATION,

	/** Under contract and working. */
	ACTIVE,

	/** Temporarily blocked by the company; keeps position and downline. */
	SUSPENDED,

	/** Left the company (Kündigung); the node stays for history. */
	TERMINATED

}
