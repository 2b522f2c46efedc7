package io.treeline.graph;

import java.util.Map;
import java.util.Set;

/**
 * The placement trees of the company's plans and their shape, as an organisation import
 * checks them: the genealogy keeps placement trees by plan name but does not know the
 * plans, their owner does.
 *
 * @param binary the names of the binary plans: two positions, LEFT and RIGHT, under every
 * parent
 * @param matrixWidths the names of the matrix plans with their width: at most that many
 * partners under every parent at a time
 */
public record PlacementPlans(Set<String> binary, Map<String, Integer> matrixWidths) {

	public PlacementPlans {
		binary = Set.copyOf(binary);
		matrixWidths = Map.copyOf(matrixWidths);
		for (Map.Entry<String, Integer> matrix : matrixWidths.entrySet()) {
			if (matrix.getValue() < 1) {
				throw new IllegalArgumentException(
						"A matrix needs a width of at least 1 (" + matrix.getKey() + ": " + matrix.getValue() + ")");
			}
			if (binary.contains(matrix.getKey())) {
				throw new IllegalArgumentException(matrix.getKey() + " cannot be a binary and a matrix plan");
			}
		}
	}

	/**
	 * Whether a plan of this name has a placement tree.
	 * @param plan the plan's name
	 * @return whether it is a binary or a matrix plan
	 */
	public boolean contains(String plan) {
		return this.binary.contains(plan) || this.matrixWidths.containsKey(plan);
	}

}
