package io.treeline.graph;

/**
 * The side of a binary placement parent a partner is placed on.
 */
public enum Leg {

	LEFT, RIGHT

}
