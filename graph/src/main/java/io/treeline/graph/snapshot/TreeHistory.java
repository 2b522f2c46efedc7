package io.treeline.graph.snapshot;

import java.time.Instant;
import java.util.Arrays;

import io.treeline.graph.GenealogySnapshot;
import io.treeline.graph.Tree;

/**
 * Every edge a tree has ever had, with its validity, held in arrays: a snapshot at any
 * instant is one pass over them. Instants are nanoseconds since the epoch.
 */
final class TreeHistory {

	private static final long OPEN = Long.MAX_VALUE;

	private final Tree tree;

	private final String[] numbers;

	private final GenealogySnapshot.Directory directory;

	private final int[] child;

	private final int[] parent;

	private final byte[] side;

	private final long[] validFrom;

	private final long[] validTo;

	private final long[] boundaries;

	TreeHistory(Tree tree, String[] numbers, GenealogySnapshot.Directory directory, int[] child, int[] parent,
			byte[] side, long[] validFrom, long[] validTo) {
		this.tree = tree;
		this.numbers = numbers;
		this.directory = directory;
		this.child = child;
		this.parent = parent;
		this.side = side;
		this.validFrom = validFrom;
		this.validTo = validTo;
		this.boundaries = Arrays.stream(new long[][] { validFrom, validTo })
			.flatMapToLong(Arrays::stream)
			.filter((t) -> t != OPEN)
			.sorted()
			.distinct()
			.toArray();
	}

	static long nanos(Instant instant) {
		return (instant != null)
				? Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano()) : OPEN;
	}

	/**
	 * Returns which stretch of the history an instant falls into: two instants in the
	 * same stretch see exactly the same edges, so they share one snapshot.
	 * @param asOf the instant
	 * @return the number of edge boundaries at or before the instant
	 */
	int stretch(Instant asOf) {
		int found = Arrays.binarySearch(this.boundaries, nanos(asOf));
		return (found >= 0) ? found + 1 : -found - 1;
	}

	GenealogySnapshot at(Instant asOf) {
		long t = nanos(asOf);
		int[] parentAt = new int[this.numbers.length];
		byte[] sideAt = new byte[this.numbers.length];
		Arrays.fill(parentAt, GenealogySnapshot.NONE);
		for (int e = 0; e < this.child.length; e++) {
			if (this.validFrom[e] <= t && t < this.validTo[e]) {
				int c = this.child[e];
				if (parentAt[c] != GenealogySnapshot.NONE) {
					throw new IllegalStateException(
							"Partner " + this.numbers[c] + " has two parents in the " + this.tree + " at " + asOf);
				}
				parentAt[c] = this.parent[e];
				sideAt[c] = this.side[e];
			}
		}
		return GenealogySnapshot.of(this.tree, asOf, this.numbers, parentAt, sideAt, this.directory);
	}

}
