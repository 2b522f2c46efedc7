package io.treeline.graph;

/**
 * The order of a downline page.
 */
public enum DownlineOrder {

	/** Tree order: each partner followed by its own downline. */
	TREE,

	/** By level, nearest first; within a level in tree order. */
	LEVEL,

	/** By last and first name (German collation). */
	NAME,

	/** By the start of the contract, earliest first. */
	JOINED_AT

}
