package io.treeline.graph.change;

import java.util.ArrayDeque;
import java.util.Deque;

import io.treeline.graph.GenealogySnapshot;
import io.treeline.graph.Leg;
import io.treeline.graph.PlacementRule;

/**
 * Finds the position a placement rule gives a new partner in a snapshot of the placement
 * tree: pure computation, iterative, so legs of any depth work.
 */
final class Placements {

	private Placements() {
	}

	/**
	 * A free position: under {@code parent}, on {@code leg} in a binary tree.
	 *
	 * @param parent the parent's id in the snapshot
	 * @param leg the side, {@code null} in a matrix
	 */
	record Position(int parent, Leg leg) {
	}

	static Position find(GenealogySnapshot tree, int sponsor, PlacementRule rule) {
		return switch (rule) {
			case PlacementRule.ChosenLeg chosen -> outermost(tree, sponsor, chosen.leg());
			case PlacementRule.WeakerLeg weaker -> outermost(tree, sponsor, weakerLeg(tree, sponsor));
			case PlacementRule.Matrix matrix -> firstFree(tree, sponsor, matrix.width());
			case PlacementRule.HoldingTank tank -> throw new IllegalArgumentException(
					"A holding tank places nobody at once; its fallback places after the deadline");
		};
	}

	private static Leg weakerLeg(GenealogySnapshot tree, int sponsor) {
		int left = 0;
		int right = 0;
		for (int child : tree.children(sponsor)) {
			if (tree.side(child) == Leg.LEFT) {
				left += tree.subtreeSize(child);
			}
			else if (tree.side(child) == Leg.RIGHT) {
				right += tree.subtreeSize(child);
			}
		}
		return (right < left) ? Leg.RIGHT : Leg.LEFT;
	}

	private static Position outermost(GenealogySnapshot tree, int top, Leg leg) {
		int node = top;
		for (int next = childOn(tree, node, leg); next != GenealogySnapshot.NONE; next = childOn(tree, node, leg)) {
			node = next;
		}
		return new Position(node, leg);
	}

	private static int childOn(GenealogySnapshot tree, int parent, Leg leg) {
		for (int child : tree.children(parent)) {
			if (tree.side(child) == leg) {
				return child;
			}
		}
		return GenealogySnapshot.NONE;
	}

	private static Position firstFree(GenealogySnapshot tree, int sponsor, int width) {
		Deque<Integer> queue = new ArrayDeque<>();
		queue.add(sponsor);
		while (!queue.isEmpty()) {
			int node = queue.poll();
			int[] children = tree.children(node);
			if (children.length < width) {
				return new Position(node, null);
			}
			for (int child : children) {
				queue.add(child);
			}
		}
		throw new IllegalStateException("A finite matrix always has a free position");
	}

}
