package io.treeline.compensation.calculation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tree as of an instant, in the ids of a population.
 */
class TreeAtTest {

	@Test
	void findsTheNearestMarkedPartnerAboveEachPartner() {
		// 9 (marked) > 8 > 0 (marked) > 1 > 3 (marked) > 5; 0 > 2 > 4 > 6; and 7 > 11
		// (marked)
		// > 10: a partner's id may be below its sponsor's, the preorder decides
		int[] parent = { 8, 0, 0, 1, 2, 3, 4, TreeAt.NONE, 9, TreeAt.NONE, 11, 7 };
		boolean[] marked = new boolean[parent.length];
		for (int id : new int[] { 9, 0, 3, 11 }) {
			marked[id] = true;
		}
		TreeAt tree = tree(parent, new int[] { 9, 8, 0, 1, 3, 5, 2, 4, 6, 7, 11, 10 });

		assertThat(tree.nearestMarkedAbove(marked)).containsExactly(9, 0, 0, 0, 0, 3, 0, TreeAt.NONE, 9, TreeAt.NONE,
				11, TreeAt.NONE);
	}

	@Test
	void compressesGeneratedForestsAsAWalkUpTheirParentsWould() {
		Random random = new Random(20261128);
		for (int round = 0; round < 50; round++) {
			int size = 1 + random.nextInt(2_000);
			// a random forest: each partner hangs under an earlier one in a shuffled
			// numbering, or is a root
			List<Integer> ids = new ArrayList<>();
			for (int id = 0; id < size; id++) {
				ids.add(id);
			}
			Collections.shuffle(ids, random);
			int[] parent = new int[size];
			for (int i = 0; i < size; i++) {
				parent[ids.get(i)] = (i == 0 || random.nextInt(20) == 0) ? TreeAt.NONE : ids.get(random.nextInt(i));
			}
			boolean[] marked = new boolean[size];
			int share = random.nextInt(11);
			for (int id = 0; id < size; id++) {
				marked[id] = random.nextInt(10) < share;
			}
			int[] preorder = ids.stream().mapToInt(Integer::intValue).toArray();

			int[] above = tree(parent, preorder).nearestMarkedAbove(marked);

			for (int id = 0; id < size; id++) {
				int expected = parent[id];
				while (expected != TreeAt.NONE && !marked[expected]) {
					expected = parent[expected];
				}
				assertThat(above[id]).as("partner %d of %d", id, size).isEqualTo(expected);
			}
		}
	}

	private static TreeAt tree(int[] parent, int[] preorder) {
		return new TreeAt(Instant.EPOCH, parent, new byte[parent.length], preorder, new long[parent.length]);
	}

}
