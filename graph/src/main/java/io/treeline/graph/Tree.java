package io.treeline.graph;

import java.util.Objects;

/**
 * One of the trees of the genealogy: the sponsor tree, or the placement tree of a plan.
 */
public sealed interface Tree {

	/** The sponsor tree (who recruited whom): unilevel and stair-step plans. */
	Tree SPONSOR = new Sponsor();

	static Tree placement(String plan) {
		return new Placement(plan);
	}

	/** The sponsor tree. */
	record Sponsor() implements Tree {
	}

	/**
	 * The placement tree of one plan (binary, matrix).
	 *
	 * @param plan the plan's name
	 */
	record Placement(String plan) implements Tree {

		public Placement {
			Objects.requireNonNull(plan, "plan");
		}

	}

}
