package io.treeline.graph.snapshot;

import java.time.Instant;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntPredicate;

import io.treeline.graph.GenealogySnapshot;
import io.treeline.graph.Legs;
import io.treeline.graph.PartnerNumber;
import io.treeline.graph.PartnerStatus;
import io.treeline.graph.TeamStats;
import io.treeline.graph.Tree;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every edge a tree has ever had, with its validity, held in arrays and indexed twice: by
 * child (a partner's edges in time order, so its parent at an instant is a look at one or
 * two edges) and by parent (a partner's children over all time, so a downline at an
 * instant is a walk over the edges valid then). A whole snapshot at an instant is one
 * pass over the edges; the parent, the upline and the team of one partner at an instant
 * need no snapshot. Instants are nanoseconds since the epoch.
 * <p>
 * The index by parent is laid out in tree order: partners get positions in the order a
 * depth-first walk over all edges ever meets them, and the edges down are stored by the
 * position of their parent with their children as positions too. A tree at any instant
 * differs from the union of all edges only by the moves of its history, so a walk down at
 * an instant reads memory almost in sequence instead of jumping through arrays of ten
 * million partners. The layout is only an order: any numbering gives the same answers.
 * <p>
 * A partner's edges never overlap in time (the constructor checks it), so at any instant
 * every partner has at most one parent.
 */
final class TreeHistory {

	/**
	 * The team size from which a walk starts building the team blocks: below it, a walk
	 * costs a few milliseconds at most.
	 */
	static final int INDEX_FROM = 100_000;

	/**
	 * Builds team blocks in the background, one at a time: at ten million partners a
	 * build takes a core for seconds.
	 */
	private static final Executor BUILDER = Executors
		.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("treeline-team-blocks").factory());

	private static final Logger logger = LoggerFactory.getLogger(TreeHistory.class);

	private static final long OPEN = Long.MAX_VALUE;

	private static final byte[] SIDE_ORDER = { 1, 0, 2 };

	private final Tree tree;

	private final GenealogySnapshot.Directory directory;

	/** Edges sorted by child, then by start. */
	private final int[] child;

	private final int[] parent;

	private final byte[] side;

	private final long[] validFrom;

	private final long[] validTo;

	/**
	 * The edges of child {@code c} are {@code byChildStart[c]} to
	 * {@code byChildStart[c+1]}.
	 */
	private final int[] byChildStart;

	/** The position of each partner in tree order. */
	private final int[] position;

	/** The partner at each position. */
	private final int[] atPosition;

	/** Whether the partner at each position is active. */
	private final boolean[] activeAt;

	/**
	 * The edges again, sorted by the position of the parent, then LEFT before unsided
	 * before RIGHT, then child (the order of children in a snapshot): copies rather than
	 * indices, so that a walk down reads each partner's children from consecutive memory.
	 * Each child is given by its position.
	 */
	private final int[] downChild;

	private final byte[] downSide;

	private final long[] downFrom;

	private final long[] downTo;

	/**
	 * The edges down from the parent at position {@code p} are {@code downStart[p]} to
	 * {@code downStart[p+1]}.
	 */
	private final int[] downStart;

	private final long[] boundaries;

	/** The team blocks, once built or handed on from before a patch. */
	private volatile Indexed indexed;

	/** Held while the team blocks are built. */
	private final Object building = new Object();

	/** Whether this history has asked for its team blocks to be built. */
	private final AtomicBoolean indexing = new AtomicBoolean();

	/**
	 * The first instant at which this history differs from the one it was patched from
	 * ({@link #changedFrom(TreeHistory, BitSet)}); {@link #OPEN} for a history indexed
	 * afresh.
	 */
	private final long changedFrom;

	/** The history a patch made of this one, once there is one. */
	private TreeHistory successor;

	/**
	 * Indexes edges given in any order, in the tree order of their union.
	 * @throws IllegalStateException if two edges of one partner overlap in time
	 */
	TreeHistory(Tree tree, GenealogySnapshot.Directory directory, int[] child, int[] parent, byte[] side,
			long[] validFrom, long[] validTo) {
		this.tree = tree;
		this.directory = directory;
		int n = directory.size();
		int edges = child.length;
		this.byChildStart = starts(child, null, n);
		int[] next = Arrays.copyOf(this.byChildStart, n);
		int[] order = new int[edges];
		for (int e = 0; e < edges; e++) {
			order[next[child[e]]++] = e;
		}
		this.child = new int[edges];
		this.parent = new int[edges];
		this.side = new byte[edges];
		this.validFrom = new long[edges];
		this.validTo = new long[edges];
		for (int i = 0; i < edges; i++) {
			int e = order[i];
			this.child[i] = child[e];
			this.parent[i] = parent[e];
			this.side[i] = side[e];
			this.validFrom[i] = validFrom[e];
			this.validTo[i] = validTo[e];
		}
		for (int c = 0; c < n; c++) {
			sortAndCheckEdgesOf(c);
		}
		this.position = treeOrder(n);
		this.atPosition = new int[n];
		this.activeAt = new boolean[n];
		for (int id = 0; id < n; id++) {
			this.atPosition[this.position[id]] = id;
			this.activeAt[this.position[id]] = directory.status(id) == PartnerStatus.ACTIVE;
		}
		this.downStart = starts(this.parent, this.position, n);
		next = Arrays.copyOf(this.downStart, n);
		this.downChild = new int[edges];
		this.downSide = new byte[edges];
		this.downFrom = new long[edges];
		this.downTo = new long[edges];
		// edges ascend by child, so each parent's edges come in child order within a side
		for (byte wanted : SIDE_ORDER) {
			for (int e = 0; e < edges; e++) {
				if (this.side[e] == wanted) {
					int d = next[this.position[this.parent[e]]]++;
					this.downChild[d] = this.position[this.child[e]];
					this.downSide[d] = wanted;
					this.downFrom[d] = this.validFrom[e];
					this.downTo[d] = this.validTo[e];
				}
			}
		}
		this.boundaries = boundaries(this.validFrom, this.validTo);
		this.changedFrom = OPEN;
	}

	/**
	 * Returns where each partner's edges start when edges are grouped by a partner of
	 * theirs: edges of partner (or position) {@code k} are {@code starts[k]} to
	 * {@code starts[k+1]}.
	 * @param partners the partner of each edge by which they are grouped
	 * @param to where each partner goes instead of its id, or {@code null}
	 * @param n the number of partners
	 * @return the starts, {@code n + 1} of them
	 */
	private static int[] starts(int[] partners, int[] to, int n) {
		int[] starts = new int[n + 1];
		for (int partner : partners) {
			starts[((to != null) ? to[partner] : partner) + 1]++;
		}
		for (int k = 0; k < n; k++) {
			starts[k + 1] += starts[k];
		}
		return starts;
	}

	/**
	 * Numbers the partners in the order a depth-first walk over all edges ever meets
	 * them, children in snapshot order: from the partners who never had a parent, then
	 * from any partner not met yet (the union of a history's edges may hold a cycle).
	 * @param n the number of partners
	 * @return the position of each partner
	 */
	private int[] treeOrder(int n) {
		int[] met = depthFirst(n, this.byChildStart, this.parent, this.side, (e) -> true, null);
		int[] order = new int[n];
		for (int i = 0; i < n; i++) {
			order[met[i]] = i;
		}
		return order;
	}

	/**
	 * Walks the union of some of a history's edges depth first, children in snapshot
	 * order (LEFT, unsided, RIGHT, each by id): from the partners without such an edge,
	 * then from any partner not met yet (the union may hold a cycle).
	 * @param n the number of partners
	 * @param byChildStart where each partner's edges start, edges sorted by child
	 * @param parent the parent of each edge
	 * @param side the side of each edge
	 * @param edges which edges to walk
	 * @param through receives the partner through whose edge the walk met each partner
	 * first ({@code -1} for a start), or {@code null}
	 * @return the partners in the order the walk met them
	 */
	static int[] depthFirst(int n, int[] byChildStart, int[] parent, byte[] side, IntPredicate edges, int[] through) {
		int[] childrenStart = new int[n + 1];
		for (int e = 0; e < parent.length; e++) {
			if (edges.test(e)) {
				childrenStart[parent[e] + 1]++;
			}
		}
		for (int p = 0; p < n; p++) {
			childrenStart[p + 1] += childrenStart[p];
		}
		int[] next = Arrays.copyOf(childrenStart, n);
		int[] children = new int[childrenStart[n]];
		for (byte wanted : SIDE_ORDER) {
			for (int c = 0; c < n; c++) {
				for (int e = byChildStart[c]; e < byChildStart[c + 1]; e++) {
					if (side[e] == wanted && edges.test(e)) {
						children[next[parent[e]]++] = c;
					}
				}
			}
		}
		boolean[] met = new boolean[n];
		int[] order = new int[n];
		int count = 0;
		int[] stack = new int[128];
		for (int pass = 0; pass < 2; pass++) {
			for (int start = 0; start < n; start++) {
				if (met[start] || (pass == 0 && walked(start, byChildStart, edges))) {
					continue;
				}
				int top = 0;
				stack[top++] = start;
				stack[top++] = -1;
				while (top > 0) {
					int from = stack[--top];
					int partner = stack[--top];
					if (met[partner]) {
						continue;
					}
					met[partner] = true;
					if (through != null) {
						through[partner] = from;
					}
					order[count++] = partner;
					int first = childrenStart[partner];
					int end = childrenStart[partner + 1];
					if (top + 2 * (end - first) > stack.length) {
						stack = Arrays.copyOf(stack, Math.max(stack.length * 2, top + 2 * (end - first)));
					}
					// pushed last to first, so the first child comes off the stack first
					for (int c = end - 1; c >= first; c--) {
						if (!met[children[c]]) {
							stack[top++] = children[c];
							stack[top++] = partner;
						}
					}
				}
			}
		}
		return order;
	}

	/** Whether a partner has an edge among those walked. */
	private static boolean walked(int c, int[] byChildStart, IntPredicate edges) {
		for (int e = byChildStart[c]; e < byChildStart[c + 1]; e++) {
			if (edges.test(e)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The distinct instants at which edges start or end, in order (primitive, no boxing).
	 */
	private static long[] boundaries(long[] from, long[] to) {
		long[] all = new long[from.length + to.length];
		int count = 0;
		for (long t : from) {
			all[count++] = t;
		}
		for (long t : to) {
			if (t != OPEN) {
				all[count++] = t;
			}
		}
		Arrays.sort(all, 0, count);
		int distinct = 0;
		for (int i = 0; i < count; i++) {
			if (distinct == 0 || all[i] != all[distinct - 1]) {
				all[distinct++] = all[i];
			}
		}
		return Arrays.copyOf(all, distinct);
	}

	/**
	 * Returns this history with the edges of some partners replaced: what a genealogy
	 * change that touched those partners (as children) made of it.
	 * @param directory the directory after the change: the same partners with the same
	 * ids, new ones after them
	 * @param changed the ids of the partners whose edges are replaced
	 * @param edges their edges now
	 * @return the new history
	 */
	TreeHistory patched(GenealogySnapshot.Directory directory, BitSet changed, Edges edges) {
		TreeHistory next = new TreeHistory(this, directory, changed, edges);
		synchronized (this) {
			this.successor = next;
			if (this.indexed != null) {
				next.receive(this.indexed.blocks(), Math.min(this.indexed.until(), next.changedFrom));
			}
		}
		return next;
	}

	/**
	 * Makes a history with the edges of some partners replaced by copying the runs of an
	 * earlier history's arrays that the change left alone and merging the rest: a change
	 * touches a handful of partners, a rebuild would cost the whole organisation. The
	 * partners keep their positions and new ones follow in the order of their ids, so the
	 * result equals a history indexed afresh from all its edges in the earlier tree
	 * order.
	 * @param before the history before the change
	 * @param directory the directory after the change: the same partners with the same
	 * ids, new ones after them
	 * @param changed the ids of the partners whose edges (as children) are taken anew
	 * @param patch their edges now, and any further edges of other partners
	 * @throws IllegalStateException if two edges of one partner overlap in time
	 */
	private TreeHistory(TreeHistory before, GenealogySnapshot.Directory directory, BitSet changed, Edges patch) {
		this.tree = before.tree;
		this.directory = directory;
		int n = directory.size();
		int known = before.position.length;
		Integer[] patchByChild = patch.sorted(Comparator.comparingInt((Integer e) -> patch.child[e]));
		BitSet replaced = (BitSet) changed.clone();
		replaced.set(known, n);
		for (int e = 0; e < patch.count; e++) {
			if (patch.child[e] >= n || patch.parent[e] >= n) {
				throw new IllegalArgumentException("Edge " + patch.child[e] + " under " + patch.parent[e]
						+ " of a directory of " + n + " partners");
			}
			replaced.set(patch.child[e]);
		}
		// by child: runs of untouched partners copied, the edges of the others merged
		this.byChildStart = new int[n + 1];
		for (int c = 0, next = 0; c < n; c++) {
			int count = keepsEdges(before, changed, c) ? before.byChildStart[c + 1] - before.byChildStart[c] : 0;
			for (; next < patchByChild.length && patch.child[patchByChild[next]] == c; next++) {
				count++;
			}
			this.byChildStart[c + 1] = this.byChildStart[c] + count;
		}
		int edges = this.byChildStart[n];
		this.child = new int[edges];
		this.parent = new int[edges];
		this.side = new byte[edges];
		this.validFrom = new long[edges];
		this.validTo = new long[edges];
		copyPatchedByChild(before, changed, replaced, patch, patchByChild);
		this.position = Arrays.copyOf(before.position, n);
		this.atPosition = Arrays.copyOf(before.atPosition, n);
		this.activeAt = new boolean[n];
		for (int id = 0; id < n; id++) {
			if (id >= known) {
				this.position[id] = id;
				this.atPosition[id] = id;
			}
			this.activeAt[this.position[id]] = directory.status(id) == PartnerStatus.ACTIVE;
		}
		// by parent: positions whose children did not change copied, the others merged
		BitSet affected = new BitSet(n);
		for (int c = changed.nextSetBit(0); c >= 0 && c < known; c = changed.nextSetBit(c + 1)) {
			for (int e = before.byChildStart[c]; e < before.byChildStart[c + 1]; e++) {
				affected.set(this.position[before.parent[e]]);
			}
		}
		Integer[] patchDown = patch.sorted(Comparator.comparingInt((Integer e) -> this.position[patch.parent[e]])
			.thenComparingInt((e) -> sideRank(patch.side[e]))
			.thenComparingInt((e) -> patch.child[e])
			.thenComparingLong((e) -> patch.from[e])
			.thenComparingLong((e) -> patch.to[e]));
		for (Integer e : patchDown) {
			affected.set(this.position[patch.parent[e]]);
		}
		this.downStart = patchedDownStart(before, changed, patch, patchDown, affected);
		this.downChild = new int[edges];
		this.downSide = new byte[edges];
		this.downFrom = new long[edges];
		this.downTo = new long[edges];
		copyPatchedDown(before, changed, patch, patchDown, affected);
		this.boundaries = patchedBoundaries(before, changed, patch);
		this.changedFrom = changedFrom(before, replaced);
	}

	/**
	 * Copies the edges by child: the runs of partners the change left alone as they are,
	 * the edges of the others (their earlier ones unless changed, then the patch's)
	 * sorted and checked.
	 */
	private void copyPatchedByChild(TreeHistory before, BitSet changed, BitSet replaced, Edges patch,
			Integer[] patchByChild) {
		int n = this.directory.size();
		for (int c = 0, next = 0; c < n;) {
			int r = replaced.nextSetBit(c);
			// partners from the earlier history's size on are all replaced
			int end = (r < 0) ? n : r;
			if (end > c) {
				copyByChild(before, before.byChildStart[c], this.byChildStart[c],
						before.byChildStart[end] - before.byChildStart[c]);
			}
			if (r < 0) {
				break;
			}
			int at = this.byChildStart[r];
			if (keepsEdges(before, changed, r)) {
				int count = before.byChildStart[r + 1] - before.byChildStart[r];
				copyByChild(before, before.byChildStart[r], at, count);
				at += count;
			}
			for (; next < patchByChild.length && patch.child[patchByChild[next]] == r; next++, at++) {
				int e = patchByChild[next];
				this.child[at] = r;
				this.parent[at] = patch.parent[e];
				this.side[at] = patch.side[e];
				this.validFrom[at] = patch.from[e];
				this.validTo[at] = patch.to[e];
			}
			sortAndCheckEdgesOf(r);
			c = r + 1;
		}
	}

	/**
	 * Counts the edges down from each position after a patch: those of the positions the
	 * change left alone as before, the others' earlier edges to unchanged children and
	 * the patch's.
	 */
	private int[] patchedDownStart(TreeHistory before, BitSet changed, Edges patch, Integer[] patchDown,
			BitSet affected) {
		int n = this.directory.size();
		int known = before.position.length;
		int[] downStart = new int[n + 1];
		for (int p = 0, next = 0; p < n; p++) {
			int count = 0;
			if (!affected.get(p)) {
				count = (p < known) ? before.downStart[p + 1] - before.downStart[p] : 0;
			}
			else {
				for (int d = (p < known) ? before.downStart[p] : 0; p < known && d < before.downStart[p + 1]; d++) {
					count += changed.get(before.atPosition[before.downChild[d]]) ? 0 : 1;
				}
				for (; next < patchDown.length && this.position[patch.parent[patchDown[next]]] == p; next++) {
					count++;
				}
			}
			downStart[p + 1] = downStart[p] + count;
		}
		return downStart;
	}

	/**
	 * Copies the edges down: the runs of positions the change left alone as they are, the
	 * edges of the others merged.
	 */
	private void copyPatchedDown(TreeHistory before, BitSet changed, Edges patch, Integer[] patchDown,
			BitSet affected) {
		int n = this.directory.size();
		int known = before.position.length;
		for (int p = 0, next = 0; p < n;) {
			int a = affected.nextSetBit(p);
			int end = Math.min((a < 0) ? n : a, known);
			if (end > p) {
				copyDown(before, before.downStart[p], this.downStart[p], before.downStart[end] - before.downStart[p]);
			}
			if (a < 0) {
				break;
			}
			next = mergeDown(before, changed, a, patch, patchDown, next);
			p = a + 1;
		}
	}

	private static boolean keepsEdges(TreeHistory before, BitSet changed, int c) {
		return c < before.position.length && !changed.get(c);
	}

	private void copyByChild(TreeHistory before, int from, int to, int length) {
		System.arraycopy(before.child, from, this.child, to, length);
		System.arraycopy(before.parent, from, this.parent, to, length);
		System.arraycopy(before.side, from, this.side, to, length);
		System.arraycopy(before.validFrom, from, this.validFrom, to, length);
		System.arraycopy(before.validTo, from, this.validTo, to, length);
	}

	private void copyDown(TreeHistory before, int from, int to, int length) {
		System.arraycopy(before.downChild, from, this.downChild, to, length);
		System.arraycopy(before.downSide, from, this.downSide, to, length);
		System.arraycopy(before.downFrom, from, this.downFrom, to, length);
		System.arraycopy(before.downTo, from, this.downTo, to, length);
	}

	/**
	 * Writes the edges down from one position: the earlier ones whose children did not
	 * change and the patch's, merged in the order of the index (side, child, start, end).
	 * @return the next patch edge in {@code patchDown} not written
	 */
	private int mergeDown(TreeHistory before, BitSet changed, int p, Edges patch, Integer[] patchDown, int next) {
		int d = (p < before.position.length) ? before.downStart[p] : 0;
		int oldEnd = (p < before.position.length) ? before.downStart[p + 1] : 0;
		int at = this.downStart[p];
		while (true) {
			while (d < oldEnd && changed.get(before.atPosition[before.downChild[d]])) {
				d++;
			}
			boolean fromPatch = next < patchDown.length && this.position[patch.parent[patchDown[next]]] == p;
			if (d >= oldEnd && !fromPatch) {
				return next;
			}
			if (fromPatch && (d >= oldEnd || comesFirst(patch, patchDown[next], before, d))) {
				int e = patchDown[next++];
				this.downChild[at] = this.position[patch.child[e]];
				this.downSide[at] = patch.side[e];
				this.downFrom[at] = patch.from[e];
				this.downTo[at] = patch.to[e];
			}
			else {
				copyDown(before, d++, at, 1);
			}
			at++;
		}
	}

	/** Whether a patch edge comes before an earlier edge down from the same parent. */
	private static boolean comesFirst(Edges patch, int e, TreeHistory before, int d) {
		int bySide = Integer.compare(sideRank(patch.side[e]), sideRank(before.downSide[d]));
		if (bySide != 0) {
			return bySide < 0;
		}
		int byChild = Integer.compare(patch.child[e], before.atPosition[before.downChild[d]]);
		if (byChild != 0) {
			return byChild < 0;
		}
		return patch.from[e] < before.downFrom[d]
				|| (patch.from[e] == before.downFrom[d] && patch.to[e] < before.downTo[d]);
	}

	/** The place of a side in {@link #SIDE_ORDER}: LEFT before unsided before RIGHT. */
	static int sideRank(byte side) {
		int rank = 0;
		while (SIDE_ORDER[rank] != side) {
			rank++;
		}
		return rank;
	}

	/**
	 * The boundaries after a patch: the earlier ones and the patch's instants, less the
	 * instants of replaced edges that no edge has any more (looked for only when there
	 * are such: a move ends one edge at the instant the next starts).
	 */
	private long[] patchedBoundaries(TreeHistory before, BitSet changed, Edges patch) {
		long[] added = boundaries(Arrays.copyOf(patch.from, patch.count), Arrays.copyOf(patch.to, patch.count));
		long[] gone = new long[0];
		int count = 0;
		for (int c = changed.nextSetBit(0); c >= 0 && c < before.position.length; c = changed.nextSetBit(c + 1)) {
			for (int e = before.byChildStart[c]; e < before.byChildStart[c + 1]; e++) {
				for (long t : new long[] { before.validFrom[e], before.validTo[e] }) {
					if (t != OPEN && Arrays.binarySearch(added, t) < 0) {
						gone = (count == gone.length) ? Arrays.copyOf(gone, count * 2 + 2) : gone;
						gone[count++] = t;
					}
				}
			}
		}
		boolean[] stillUsed = new boolean[count];
		if (count > 0) {
			Arrays.sort(gone, 0, count);
			for (int e = 0; e < this.child.length; e++) {
				markUsed(gone, count, stillUsed, this.validFrom[e]);
				markUsed(gone, count, stillUsed, this.validTo[e]);
			}
		}
		long[] merged = new long[before.boundaries.length + added.length];
		int size = 0;
		int i = 0;
		int j = 0;
		while (i < before.boundaries.length || j < added.length) {
			long t = (j >= added.length || (i < before.boundaries.length && before.boundaries[i] < added[j]))
					? before.boundaries[i++] : added[j++];
			if (size > 0 && merged[size - 1] == t) {
				continue;
			}
			int g = Arrays.binarySearch(gone, 0, count, t);
			if (g < 0 || stillUsed[g]) {
				merged[size++] = t;
			}
		}
		return Arrays.copyOf(merged, size);
	}

	private static void markUsed(long[] gone, int count, boolean[] stillUsed, long t) {
		if (t >= gone[0] && t <= gone[count - 1]) {
			int g = Arrays.binarySearch(gone, 0, count, t);
			if (g >= 0) {
				stillUsed[g] = true;
			}
		}
	}

	/**
	 * Sorts the edges of a child by start, then end, and checks that they do not overlap.
	 * @throws IllegalStateException if two of them overlap in time
	 */
	private void sortAndCheckEdgesOf(int c) {
		sortByStart(this.byChildStart[c], this.byChildStart[c + 1]);
		long end = Long.MIN_VALUE;
		for (int e = this.byChildStart[c]; e < this.byChildStart[c + 1]; e++) {
			if (this.validFrom[e] == this.validTo[e]) {
				continue;
			}
			if (this.validFrom[e] < end) {
				throw new IllegalStateException("Partner " + this.directory.number(c) + " has two parents in the "
						+ this.tree + " at " + instant(this.validFrom[e]));
			}
			end = Math.max(end, this.validTo[e]);
		}
	}

	/**
	 * Insertion sort of one child's edges by start, then end: a partner has a handful of
	 * edges.
	 */
	private void sortByStart(int from, int to) {
		for (int i = from + 1; i < to; i++) {
			for (int j = i; j > from && (this.validFrom[j - 1] > this.validFrom[j]
					|| (this.validFrom[j - 1] == this.validFrom[j] && this.validTo[j - 1] > this.validTo[j])); j--) {
				swap(j - 1, j);
			}
		}
	}

	private void swap(int a, int b) {
		int p = this.parent[a];
		this.parent[a] = this.parent[b];
		this.parent[b] = p;
		byte s = this.side[a];
		this.side[a] = this.side[b];
		this.side[b] = s;
		long f = this.validFrom[a];
		this.validFrom[a] = this.validFrom[b];
		this.validFrom[b] = f;
		long t = this.validTo[a];
		this.validTo[a] = this.validTo[b];
		this.validTo[b] = t;
	}

	static long nanos(Instant instant) {
		return (instant != null)
				? Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano()) : OPEN;
	}

	private static Instant instant(long nanos) {
		return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
	}

	Tree tree() {
		return this.tree;
	}

	GenealogySnapshot.Directory directory() {
		return this.directory;
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

	/**
	 * Returns the tree at an instant, with the stretch of history it holds for: from the
	 * last edge boundary at or before the instant to the instant before the next one.
	 */
	GenealogySnapshot at(Instant asOf) {
		long t = nanos(asOf);
		int stretch = stretch(asOf);
		Instant validFrom = (stretch > 0) ? instant(this.boundaries[stretch - 1]) : Instant.MIN;
		Instant validThrough = (stretch < this.boundaries.length) ? instant(this.boundaries[stretch] - 1) : Instant.MAX;
		int n = this.directory.size();
		int[] parentAt = new int[n];
		byte[] sideAt = new byte[n];
		for (int c = 0; c < n; c++) {
			int e = edgeAt(c, t);
			parentAt[c] = (e >= 0) ? this.parent[e] : GenealogySnapshot.NONE;
			sideAt[c] = (e >= 0) ? this.side[e] : 0;
		}
		return GenealogySnapshot.of(this.tree, asOf, validFrom, validThrough, parentAt, sideAt, this.directory);
	}

	/**
	 * Returns the edge of a child valid at an instant, or {@code -1}: the last non-empty
	 * edge starting at or before it, if it has not ended.
	 */
	private int edgeAt(int c, long t) {
		for (int e = this.byChildStart[c + 1] - 1; e >= this.byChildStart[c]; e--) {
			if (this.validFrom[e] <= t && this.validFrom[e] != this.validTo[e]) {
				return (t < this.validTo[e]) ? e : -1;
			}
		}
		return -1;
	}

	/**
	 * Returns the upline of a partner at an instant, nearest first, without a snapshot.
	 * @param id the partner
	 * @param asOf the instant
	 * @return the ids of everyone above with the side (0 none, 1 LEFT, 2 RIGHT) each is
	 * placed on under its own parent, as pairs: {@code [id, side, id, side, ...]}
	 * @throws IllegalStateException if the upline runs into a cycle
	 */
	int[] upline(int id, Instant asOf) {
		long t = nanos(asOf);
		int[] found = new int[16];
		int count = 0;
		int e = edgeAt(id, t);
		while (e >= 0) {
			if (count == 2 * this.directory.size()) {
				throw cycle(asOf);
			}
			if (count + 2 > found.length) {
				found = Arrays.copyOf(found, found.length * 2);
			}
			int above = this.parent[e];
			e = edgeAt(above, t);
			found[count++] = above;
			found[count++] = (e >= 0) ? this.side[e] : 0;
		}
		return Arrays.copyOf(found, count);
	}

	/**
	 * Returns the direct children of a partner at an instant, without a snapshot.
	 * @param id the partner
	 * @param asOf the instant
	 * @return their ids with their sides (0 none, 1 LEFT, 2 RIGHT) as pairs, {@code [id,
	 * side, id, side, ...]}, in the order of a snapshot's children (LEFT before RIGHT,
	 * else by id)
	 */
	int[] children(int id, Instant asOf) {
		long t = nanos(asOf);
		int from = this.position[id];
		int[] found = new int[2 * (this.downStart[from + 1] - this.downStart[from])];
		int count = 0;
		for (int d = this.downStart[from]; d < this.downStart[from + 1]; d++) {
			if (this.downFrom[d] <= t && t < this.downTo[d]) {
				found[count++] = this.atPosition[this.downChild[d]];
				found[count++] = this.downSide[d];
			}
		}
		return Arrays.copyOf(found, count);
	}

	/**
	 * Returns the team statistics of a partner at an instant, without a snapshot: from
	 * the team blocks where they are built and cost less than a walk, else by walking the
	 * partner's downline over the edges valid then (proportional to the team, not to the
	 * organisation). A walk over a team of {@value #INDEX_FROM} partners or more of a
	 * partner who may be a head of the blocks starts building them in the background, so
	 * that later questions about large teams read them.
	 * @param id the partner
	 * @param asOf the instant
	 * @return size, active count, depth and legs, as a snapshot at that instant would
	 * give them
	 * @throws IllegalStateException if the downline runs into a cycle
	 */
	TeamStats teamStats(int id, Instant asOf) {
		long t = nanos(asOf);
		Indexed current = this.indexed;
		if (current != null && current.answers(id, t)) {
			return teamStats(current.blocks(), id, asOf);
		}
		TeamStats walked = walk(id, asOf);
		if ((current == null || t >= current.until()) && walked.teamSize() >= INDEX_FROM && mayBeHead(id)
				&& this.indexing.compareAndSet(false, true)) {
			BUILDER.execute(this::buildUnlessSuperseded);
		}
		return walked;
	}

	/**
	 * Returns whether the blocks might answer for a partner: whether it has no edge or
	 * more than one. A partner with one edge is a head only if that edge reaches outside
	 * its parent's; asking about it does not start a build that would not serve it.
	 */
	private boolean mayBeHead(int id) {
		return nonEmptyEdges(id, this.byChildStart, this.validFrom, this.validTo) != 1;
	}

	/** How many edges of a partner did not end the instant they started. */
	static int nonEmptyEdges(int c, int[] byChildStart, long[] from, long[] to) {
		int count = 0;
		for (int e = byChildStart[c]; e < byChildStart[c + 1]; e++) {
			count += (from[e] != to[e]) ? 1 : 0;
		}
		return count;
	}

	/**
	 * Builds the team blocks on the builder's thread, unless a patch has made a newer
	 * history meanwhile: that one asks for its own, and one build at a time keeps a
	 * stream of changes from piling builds up.
	 */
	private void buildUnlessSuperseded() {
		synchronized (this) {
			if (this.successor != null) {
				return;
			}
		}
		try {
			blocks();
		}
		catch (RuntimeException ex) {
			logger.warn("Could not index the team blocks of the {}", this.tree, ex);
		}
	}

	/**
	 * Returns the team statistics of a partner at an instant from team blocks.
	 * @param blocks blocks of this history, or of an earlier one that held the same tree
	 * at the instant
	 * @param id the partner, a head of the blocks
	 * @param asOf the instant
	 * @return what the walk would give
	 */
	TeamStats teamStats(TeamBlocks blocks, int id, Instant asOf) {
		TeamBlocks.Team team = blocks.teamStats(id, blocks.last(nanos(asOf)), () -> cycle(asOf));
		return new TeamStats(number(id), team.size(), team.active(), team.depth(), team.legs().build(this::number));
	}

	/**
	 * Returns team blocks that answer for this history at every instant, building them
	 * unless it has such blocks already, and hands them on to the histories patches have
	 * made of it since, for the instants before their changes.
	 * @return the blocks
	 */
	TeamBlocks blocks() {
		Indexed current = this.indexed;
		if (current != null && current.until() == OPEN) {
			return current.blocks();
		}
		TeamBlocks blocks;
		TreeHistory next;
		// built outside the history's monitor, which a patch takes to link its successor
		synchronized (this.building) {
			current = this.indexed;
			if (current != null && current.until() == OPEN) {
				return current.blocks();
			}
			long started = System.nanoTime();
			int n = this.directory.size();
			boolean[] active = new boolean[n];
			for (int id = 0; id < n; id++) {
				active[id] = this.activeAt[this.position[id]];
			}
			blocks = new TeamBlocks(n, this.byChildStart, this.parent, this.side, this.validFrom, this.validTo,
					this.boundaries, active);
			logger.info("Indexed the team blocks of the {} ({} partners, {} heads, {} legs, {} counts) in {} ms",
					this.tree, n, blocks.heads(), blocks.legs(), blocks.points(),
					(System.nanoTime() - started) / 1_000_000);
			synchronized (this) {
				this.indexed = new Indexed(blocks, OPEN);
				next = this.successor;
			}
		}
		for (long until = OPEN; next != null;) {
			until = Math.min(until, next.changedFrom);
			next = next.receive(blocks, until);
		}
		return blocks;
	}

	/**
	 * Takes blocks of an earlier history for the instants before an instant, unless it
	 * has blocks that answer for longer.
	 * @return the history a patch made of this one, to hand them on to, or {@code null}
	 */
	private synchronized TreeHistory receive(TeamBlocks blocks, long until) {
		if (until == Long.MIN_VALUE || (this.indexed != null && this.indexed.until() >= until)) {
			return null;
		}
		this.indexed = new Indexed(blocks, until);
		return this.successor;
	}

	/**
	 * Returns whether a question has asked for this history's team blocks to be built.
	 * @return whether a build was asked for
	 */
	boolean indexingAsked() {
		return this.indexing.get();
	}

	/**
	 * Returns until when the team blocks this history has answer.
	 * @return the first instant (nanoseconds since the epoch) they do not answer for,
	 * {@code Long.MAX_VALUE} when they answer for every instant, {@code Long.MIN_VALUE}
	 * without blocks
	 */
	long indexedUntil() {
		Indexed current = this.indexed;
		return (current != null) ? current.until() : Long.MIN_VALUE;
	}

	/**
	 * Team blocks with the instant from which they no longer hold: a patch hands them on
	 * for the instants before the first one it changed.
	 */
	private record Indexed(TeamBlocks blocks, long until) {

		boolean answers(int id, long instant) {
			return instant < this.until && id < this.blocks.size() && this.blocks.pays(id);
		}

	}

	/**
	 * Returns the first instant at which a patched history differs from the one before:
	 * at which a replaced partner's parent or side differs, or a new partner joined.
	 * {@code Long.MIN_VALUE} when the patch changed whether a partner is active, which
	 * counts at every instant.
	 */
	private long changedFrom(TreeHistory before, BitSet replaced) {
		int known = before.position.length;
		// known partners keep their positions
		if (!Arrays.equals(before.activeAt, 0, known, this.activeAt, 0, known)) {
			return Long.MIN_VALUE;
		}
		long first = OPEN;
		for (int c = replaced.nextSetBit(0); c >= 0; c = replaced.nextSetBit(c + 1)) {
			first = Math.min(first, firstDifference(before, c));
		}
		return first;
	}

	/**
	 * The first instant at which a partner's parent or side differs between an earlier
	 * history and this one, {@link #OPEN} if never: a partner the earlier history did not
	 * know differs from its first edge on.
	 */
	private long firstDifference(TreeHistory before, int c) {
		boolean knownBefore = c < before.position.length;
		long first = OPEN;
		for (TreeHistory history : (knownBefore) ? new TreeHistory[] { before, this } : new TreeHistory[] { this }) {
			for (int e = history.byChildStart[c]; e < history.byChildStart[c + 1]; e++) {
				for (long t : new long[] { history.validFrom[e], history.validTo[e] }) {
					if (t < first && t != OPEN && (!knownBefore || before.placeAt(c, t) != placeAt(c, t))) {
						first = t;
					}
				}
			}
		}
		return first;
	}

	/** A partner's parent and side at an instant as one number, {@code -1} without. */
	private long placeAt(int c, long t) {
		int e = edgeAt(c, t);
		return (e >= 0) ? ((long) this.parent[e] << 2) | this.side[e] : -1;
	}

	/**
	 * Adds the edges of a partner to others, as a patch would give them.
	 * @param c the partner
	 * @param edges where they go
	 */
	void edgesOf(int c, Edges edges) {
		for (int e = this.byChildStart[c]; e < this.byChildStart[c + 1]; e++) {
			edges.add(c, this.parent[e], this.side[e], this.validFrom[e], this.validTo[e]);
		}
	}

	/**
	 * Returns the team statistics of a partner at an instant by walking its downline over
	 * the edges valid then.
	 */
	TeamStats walk(int id, Instant asOf) {
		long t = nanos(asOf);
		int n = this.directory.size();
		int[] stack = new int[64];
		int[] depthOf = new int[64];
		int total = 0;
		int active = 0;
		int deepest = 0;
		int from = this.position[id];
		Legs.Builder legs = new Legs.Builder(this.downStart[from + 1] - this.downStart[from]);
		for (int legEdge = this.downStart[from]; legEdge < this.downStart[from + 1]; legEdge++) {
			if (!(this.downFrom[legEdge] <= t && t < this.downTo[legEdge])) {
				continue;
			}
			int leg = this.downChild[legEdge];
			int size = 0;
			int top = 0;
			stack[top] = leg;
			depthOf[top++] = 1;
			while (top > 0) {
				int member = stack[--top];
				int depth = depthOf[top];
				size++;
				if (total + size > n) {
					throw cycle(asOf);
				}
				if (this.activeAt[member]) {
					active++;
				}
				deepest = Math.max(deepest, depth);
				int first = this.downStart[member];
				int end = this.downStart[member + 1];
				if (top + end - first > stack.length) {
					int capacity = Math.max(stack.length * 2, top + end - first);
					stack = Arrays.copyOf(stack, capacity);
					depthOf = Arrays.copyOf(depthOf, capacity);
				}
				// pushed last to first, so the walk meets the positions in tree order
				for (int d = end - 1; d >= first; d--) {
					if (this.downFrom[d] <= t && t < this.downTo[d]) {
						stack[top] = this.downChild[d];
						depthOf[top++] = depth + 1;
					}
				}
			}
			total += size;
			legs.add(this.atPosition[leg], GenealogySnapshot.leg(this.downSide[legEdge]), size);
		}
		return new TeamStats(number(id), total, active, deepest, legs.build(this::number));
	}

	PartnerNumber number(int id) {
		return PartnerNumber.of(this.directory.number(id));
	}

	/** Growing arrays of edges while they stream in. */
	static final class Edges {

		private int count;

		private int[] child;

		private int[] parent;

		private byte[] side;

		private long[] from;

		private long[] to;

		Edges(int capacity) {
			int initial = Math.max(capacity, 16);
			this.child = new int[initial];
			this.parent = new int[initial];
			this.side = new byte[initial];
			this.from = new long[initial];
			this.to = new long[initial];
		}

		int count() {
			return this.count;
		}

		void add(int childId, int parentId, byte sideCode, long validFrom, long validTo) {
			if (this.count == this.child.length) {
				int capacity = this.count * 2;
				this.child = Arrays.copyOf(this.child, capacity);
				this.parent = Arrays.copyOf(this.parent, capacity);
				this.side = Arrays.copyOf(this.side, capacity);
				this.from = Arrays.copyOf(this.from, capacity);
				this.to = Arrays.copyOf(this.to, capacity);
			}
			this.child[this.count] = childId;
			this.parent[this.count] = parentId;
			this.side[this.count] = sideCode;
			this.from[this.count] = validFrom;
			this.to[this.count] = validTo;
			this.count++;
		}

		/**
		 * Adds an edge as Neo4j returns it.
		 * @param position LEFT, RIGHT or {@code null}
		 * @param validTo {@code null} while the edge is valid
		 */
		void add(int childId, int parentId, String position, Instant validFrom, Instant validTo) {
			byte sideCode = switch ((position != null) ? position : "") {
				case "LEFT" -> 1;
				case "RIGHT" -> 2;
				default -> 0;
			};
			add(childId, parentId, sideCode, nanos(validFrom), nanos(validTo));
		}

		TreeHistory history(Tree tree, GenealogySnapshot.Directory directory) {
			return new TreeHistory(tree, directory, Arrays.copyOf(this.child, this.count),
					Arrays.copyOf(this.parent, this.count), Arrays.copyOf(this.side, this.count),
					Arrays.copyOf(this.from, this.count), Arrays.copyOf(this.to, this.count));
		}

		/** The indexes of the edges in an order: a patch holds a handful of edges. */
		private Integer[] sorted(Comparator<Integer> order) {
			Integer[] indexes = new Integer[this.count];
			for (int e = 0; e < this.count; e++) {
				indexes[e] = e;
			}
			Arrays.sort(indexes, order);
			return indexes;
		}

	}

	private IllegalStateException cycle(Instant asOf) {
		return new IllegalStateException("The " + this.tree + " as of " + asOf + " has a cycle");
	}

}
