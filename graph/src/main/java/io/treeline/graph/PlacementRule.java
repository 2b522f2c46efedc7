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
	 * Binary with a holding tank: the new partner waits unplaced; the sponsor places it
	 * within {@code days} (see {@link TreeChanges#place}), else, once the deadline
	 * passes, the fallback places it at the deadline.
	 *
	 * @param plan the binary plan
	 * @param days how long the sponsor has to place the partner
	 * @param fallbackLeg the leg the fallback spills over into, {@code null} for the
	 * weaker leg
	 */
	record HoldingTank(String plan, int days, Leg fallbackLeg) implements PlacementRule {

		public HoldingTank {
			if (days < 1) {
				throw new IllegalArgumentException("A holding tank keeps a partner at least 1 day (got " + days + ")");
			}
		}

		/**
		 * Returns the rule that places the partner once the deadline has passed.
		 * @return the chosen leg, or the weaker leg when none was chosen
		 */
		public PlacementRule fallback() {
			return fallback(this.plan, this.fallbackLeg);
		}

		/**
		 * Returns the rule that places a partner out of a holding tank.
		 * @param plan the binary plan
		 * @param leg the chosen leg, or {@code null} for the weaker leg
		 * @return the rule
		 */
		public static PlacementRule fallback(String plan, Leg leg) {
			return (leg != null) ? new ChosenLeg(plan, leg) : new WeakerLeg(plan);
		}

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
