package io.treeline.graph;

/**
 * How a new partner finds its position in a placement tree (domain.md 4.3, 4.4). The rule
 * comes from the plan; the genealogy only applies it.
 */
public sealed interface PlacementRule {

	/** The placement tree the rule places into. */
	String plan();

	/**
	 * Binary: the sponsor picks a leg; the new partner spills over to the outermost free
	 * position of that leg.
	 *
	 * @param plan the binary plan
	 * @param leg the leg the sponsor picked
	 */
	record ChosenLeg(String plan, Leg leg) implements PlacementRule {
	}

	/**
	 * Binary: the leg with fewer partners below the sponsor (LEFT on a tie), then the
	 * outermost free position of that leg.
	 *
	 * @param plan the binary plan
	 */
	record WeakerLeg(String plan) implements PlacementRule {
	}

	/**
	 * Forced matrix: under the sponsor while it has fewer than {@code width} children,
	 * else breadth-first, left to right, under the first partner of the sponsor's matrix
	 * with a free position.
	 *
	 * @param plan the matrix plan
	 * @param width children per partner
	 */
	record Matrix(String plan, int width) implements PlacementRule {

		public Matrix {
			if (width < 1) {
				throw new IllegalArgumentException("A matrix needs a width of at least 1 (got " + width + ")");
			}
		}

	}

}
