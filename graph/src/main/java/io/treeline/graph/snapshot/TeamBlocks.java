package io.treeline.graph.snapshot;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import io.treeline.graph.GenealogySnapshot;
import io.treeline.graph.Legs;

/**
 * Team statistics as of any instant for partners high in a large tree, from what changed
 * in the history instead of from a walk over the team.
 * <p>
 * A depth-first walk over the union of all edges ever gives every partner a first parent.
 * Most partners have one edge in their whole history: to that parent, from their join on,
 * and within the time their parent had its own edge. Such a partner is in the tree
 * exactly while its edge is valid, and then sits under its first parent, so a stretch of
 * them below one partner behaves as a block whose size at an instant is a count of the
 * members whose edge is valid then. Every other partner (moved, rolled up, several edges,
 * or an edge outside its parent's) is a <em>head</em>: the blocks hang below heads, and
 * at an instant each head hangs wherever its edge valid then points. A question therefore
 * costs one look at each head's edges and a binary search in each leg's counts by
 * instant: proportional to the partners who ever changed and the legs below them, not to
 * the team. For the root of ten million partners (8 % heads, 10 % legs) that is a quarter
 * of the walk's time.
 * <p>
 * The blocks below a head are kept per direct child of the head (a <em>leg</em>), so the
 * legs of a head come out of the same counts. Instants are the indexes of the history's
 * edge boundaries: a count that changes at boundary {@code b} holds from boundary
 * {@code b} on. Immutable once built and safe to share between threads; a question's
 * working arrays are kept for the next one (see {@link Scratch}).
 */
final class TeamBlocks {

	private static final int NONE = -1;

	private static final int OPEN = Integer.MAX_VALUE;

	private final int size;

	/** The boundaries of the history the blocks were built from. */
	private final long[] boundaries;

	/** The partners who are heads, ascending, and the index of each among the heads. */
	private final int[] headIds;

	private final int[] headIndexes;

	/** The partner of each head. */
	private final int[] headPartner;

	/**
	 * How many partners the first walk met below each head: everyone who was ever below
	 * it by an edge of the walk, the measure of what a walk over its team costs.
	 */
	private final int[] headSpan;

	private final boolean[] headActive;

	/**
	 * The arrays of the last question, for the next one; a question asked meanwhile makes
	 * its own.
	 */
	private final AtomicReference<Scratch> spare = new AtomicReference<>();

	/** The legs of head {@code k} are {@code legStart[k]} to {@code legStart[k+1]}. */
	private final int[] legStart;

	/** The partner at the top of each leg: a direct child of its head. */
	private final int[] legRoot;

	private final byte[] legSide;

	/**
	 * The counts of leg {@code l} are {@code pointStart[l]} to {@code pointStart[l+1]},
	 * by ascending boundary.
	 */
	private final int[] pointStart;

	/** The boundary from which a count holds. */
	private final int[] pointAt;

	private final int[] pointSize;

	private final int[] pointActive;

	/** The deepest member's level below the head. */
	private final int[] pointDepth;

	/**
	 * The places a head hangs at: those of head {@code k} are {@code pieceStart[k]} to
	 * {@code pieceStart[k+1]}, each for the boundaries {@code pieceFrom} up to but not
	 * including {@code pieceTo}.
	 */
	private final int[] pieceStart;

	private final int[] pieceFrom;

	private final int[] pieceTo;

	/** The head under which the head hangs then. */
	private final int[] pieceHead;

	/** The leg of that head it hangs in, or {@link #NONE} when directly under it. */
	private final int[] pieceLeg;

	/** Its level below that head. */
	private final int[] pieceLevel;

	private final byte[] pieceSide;

	/**
	 * Indexes a history given by its edges sorted by child, then by start.
	 * @param size the number of partners
	 * @param byChildStart where each partner's edges start ({@code size + 1} entries)
	 * @param parent the parent of each edge
	 * @param side the side of each edge
	 * @param from the start of each edge
	 * @param to the end of each edge, {@code Long.MAX_VALUE} while it is valid
	 * @param boundaries the distinct instants at which edges start or end, ascending
	 * @param active whether each partner is active
	 */
	TeamBlocks(int size, int[] byChildStart, int[] parent, byte[] side, long[] from, long[] to, long[] boundaries,
			boolean[] active) {
		this.size = size;
		this.boundaries = boundaries;
		// the one edge of each partner that has exactly one (empty edges do not count)
		int[] single = new int[size];
		for (int c = 0; c < size; c++) {
			single[c] = NONE;
			boolean one = TreeHistory.nonEmptyEdges(c, byChildStart, from, to) == 1;
			for (int e = byChildStart[c]; one && e < byChildStart[c + 1]; e++) {
				single[c] = (from[e] != to[e]) ? e : single[c];
			}
		}
		// the first walk: over all non-empty edges ever
		int[] firstParent = new int[size];
		int[] order = TreeHistory.depthFirst(size, byChildStart, parent, side, (e) -> from[e] != to[e], firstParent);
		// heads, levels below their head, and how many legs each head has
		int[] level = new int[size];
		int[] headOf = new int[size];
		int[] partnerOfHead = new int[size];
		int[] legsOfHead = new int[size];
		int heads = 0;
		for (int v : order) {
			int p = firstParent[v];
			int e = single[v];
			// a partner with one edge was met through it: its first parent is that edge's
			boolean head = p == NONE || e == NONE
					|| (headOf[p] == NONE && (from[e] < from[single[p]] || to[e] > to[single[p]]));
			if (head) {
				partnerOfHead[heads] = v;
				headOf[v] = heads++;
			}
			else {
				headOf[v] = NONE;
				if (headOf[p] != NONE) {
					legsOfHead[headOf[p]]++;
				}
			}
			level[v] = head ? 0 : level[p] + 1;
		}
		this.headPartner = Arrays.copyOf(partnerOfHead, heads);
		this.headIds = new int[heads];
		this.headIndexes = new int[heads];
		for (int v = 0, k = 0; v < size; v++) {
			if (headOf[v] != NONE) {
				this.headIds[k] = v;
				this.headIndexes[k++] = headOf[v];
			}
		}
		this.legStart = new int[heads + 1];
		for (int k = 0; k < heads; k++) {
			this.legStart[k + 1] = this.legStart[k] + legsOfHead[k];
		}
		int legs = this.legStart[heads];
		this.legRoot = new int[legs];
		this.legSide = new byte[legs];
		int[] legOf = new int[size];
		int[] nextLeg = Arrays.copyOf(this.legStart, heads);
		for (int v : order) {
			int p = firstParent[v];
			if (headOf[v] != NONE) {
				legOf[v] = NONE;
			}
			else if (headOf[p] != NONE) {
				int l = nextLeg[headOf[p]]++;
				legOf[v] = l;
				this.legRoot[l] = v;
				this.legSide[l] = side[single[v]];
			}
			else {
				legOf[v] = legOf[p];
			}
		}
		this.headSpan = spans(order, firstParent);
		this.headActive = new boolean[heads];
		for (int k = 0; k < heads; k++) {
			this.headActive[k] = active[this.headPartner[k]];
		}
		this.pointStart = new int[legs + 1];
		Boundaries instants = new Boundaries(boundaries);
		Points points = points(legOf, level, single, from, to, instants, active);
		this.pointAt = points.at;
		this.pointSize = points.size;
		this.pointActive = points.active;
		this.pointDepth = points.depth;
		this.pieceStart = new int[heads + 1];
		for (int k = 0; k < heads; k++) {
			this.pieceStart[k + 1] = this.pieceStart[k]
					+ TreeHistory.nonEmptyEdges(this.headPartner[k], byChildStart, from, to);
		}
		int pieces = this.pieceStart[heads];
		this.pieceFrom = new int[pieces];
		this.pieceTo = new int[pieces];
		this.pieceHead = new int[pieces];
		this.pieceLeg = new int[pieces];
		this.pieceLevel = new int[pieces];
		this.pieceSide = new byte[pieces];
		for (int k = 0, at = 0; k < heads; k++) {
			int h = this.headPartner[k];
			for (int e = byChildStart[h]; e < byChildStart[h + 1]; e++) {
				if (from[e] == to[e]) {
					continue;
				}
				int p = parent[e];
				long start = from[e];
				long end = to[e];
				if (headOf[p] != NONE) {
					this.pieceHead[at] = headOf[p];
					this.pieceLeg[at] = NONE;
					this.pieceLevel[at] = 1;
				}
				else {
					// in a block: hangs there only while its parent is in the tree
					int l = legOf[p];
					start = Math.max(start, from[single[p]]);
					end = Math.min(end, to[single[p]]);
					this.pieceHead[at] = headOf[this.legHead(l, firstParent)];
					this.pieceLeg[at] = l;
					this.pieceLevel[at] = level[p] + 1;
				}
				// empty when its parent was never under its head while the edge was valid
				this.pieceFrom[at] = (start < end) ? instants.indexOf(start) : 0;
				this.pieceTo[at] = (start < end) ? instants.indexOf(end) : 0;
				this.pieceSide[at] = side[e];
				at++;
			}
		}
	}

	/** The head a leg hangs below: the first parent of its top partner. */
	private int legHead(int leg, int[] firstParent) {
		return firstParent[this.legRoot[leg]];
	}

	/** How many partners the first walk met below each head. */
	private int[] spans(int[] order, int[] firstParent) {
		int[] below = new int[this.size];
		for (int i = order.length - 1; i >= 0; i--) {
			int v = order[i];
			if (firstParent[v] != NONE) {
				below[firstParent[v]] += below[v] + 1;
			}
		}
		int[] spans = new int[this.headPartner.length];
		for (int k = 0; k < spans.length; k++) {
			spans[k] = below[this.headPartner[k]];
		}
		return spans;
	}

	/**
	 * Finds instants among the boundaries: first in a sample of every 64th, which stays
	 * in the processor's cache, then among the 64 it points to. A plain binary search
	 * over ten million boundaries misses the cache a dozen times per instant.
	 */
	private static final class Boundaries {

		private static final int STEP = 64;

		private final long[] all;

		private final long[] sample;

		Boundaries(long[] all) {
			this.all = all;
			this.sample = new long[(all.length + STEP - 1) / STEP];
			for (int i = 0; i < this.sample.length; i++) {
				this.sample[i] = all[i * STEP];
			}
		}

		/** The index of an instant among the boundaries, {@link #OPEN} for no end. */
		int indexOf(long instant) {
			if (instant == Long.MAX_VALUE) {
				return OPEN;
			}
			int block = Arrays.binarySearch(this.sample, instant);
			if (block >= 0) {
				return block * STEP;
			}
			block = -block - 2;
			int found = (block < 0) ? -1 : Arrays.binarySearch(this.all, block * STEP,
					Math.min(block * STEP + STEP, this.all.length), instant);
			if (found < 0) {
				throw new IllegalStateException("An edge starts or ends at " + instant + ", which is no boundary");
			}
			return found;
		}

	}

	/** The counts of every leg by boundary, in one set of arrays. */
	private record Points(int[] at, int[] size, int[] active, int[] depth) {
	}

	/**
	 * Counts the members of every leg by boundary: each member joins its leg's count
	 * where its edge starts and leaves it where the edge ends.
	 */
	private Points points(int[] legOf, int[] level, int[] single, long[] from, long[] to, Boundaries boundaries,
			boolean[] active) {
		int legs = this.legRoot.length;
		int[] memberStart = new int[legs + 1];
		int events = 0;
		for (int v = 0; v < this.size; v++) {
			if (legOf[v] != NONE) {
				memberStart[legOf[v] + 1]++;
				events += (to[single[v]] != Long.MAX_VALUE) ? 2 : 1;
			}
		}
		for (int l = 0; l < legs; l++) {
			memberStart[l + 1] += memberStart[l];
		}
		// what the sweep needs of each member, grouped by leg, read in the order of ids
		int members = memberStart[legs];
		int[] joins = new int[members];
		int[] leaves = new int[members];
		int[] levels = new int[members];
		boolean[] actives = new boolean[members];
		int[] next = Arrays.copyOf(memberStart, legs);
		for (int v = 0; v < this.size; v++) {
			if (legOf[v] != NONE) {
				int m = next[legOf[v]]++;
				joins[m] = boundaries.indexOf(from[single[v]]);
				leaves[m] = boundaries.indexOf(to[single[v]]);
				levels[m] = level[v];
				actives[m] = active[v];
			}
		}
		int[] at = new int[events];
		int[] count = new int[events];
		int[] activeCount = new int[events];
		int[] depth = new int[events];
		int points = 0;
		long[] keys = new long[16];
		Deepest deepest = new Deepest();
		for (int l = 0; l < legs; l++) {
			this.pointStart[l] = points;
			int first = memberStart[l];
			int end = memberStart[l + 1];
			if (keys.length < 2 * (end - first)) {
				keys = new long[Math.max(keys.length * 2, 2 * (end - first))];
			}
			// (boundary, member, leaves) in one long each, sorted by boundary
			int k = 0;
			int maxLevel = 0;
			boolean leave = false;
			for (int m = first; m < end; m++) {
				keys[k++] = ((long) joins[m] << 32) | ((long) (m - first) << 1);
				if (leaves[m] != OPEN) {
					keys[k++] = ((long) leaves[m] << 32) | ((long) (m - first) << 1) | 1;
					leave = true;
				}
				maxLevel = Math.max(maxLevel, levels[m]);
			}
			Arrays.sort(keys, 0, k);
			deepest.reset(leave ? maxLevel : 0);
			int present = 0;
			int activeSize = 0;
			int deepestLevel = 0;
			for (int i = 0; i < k;) {
				int b = (int) (keys[i] >>> 32);
				for (; i < k && (int) (keys[i] >>> 32) == b; i++) {
					int m = first + (int) ((keys[i] & 0xFFFF_FFFFL) >>> 1);
					int delta = ((keys[i] & 1) == 0) ? 1 : -1;
					present += delta;
					activeSize += actives[m] ? delta : 0;
					if (leave) {
						deepest.add(levels[m], delta);
					}
					else {
						deepestLevel = Math.max(deepestLevel, levels[m]);
					}
				}
				at[points] = b;
				count[points] = present;
				activeCount[points] = activeSize;
				depth[points] = leave ? deepest.level() : deepestLevel;
				points++;
			}
		}
		this.pointStart[legs] = points;
		return new Points(Arrays.copyOf(at, points), Arrays.copyOf(count, points), Arrays.copyOf(activeCount, points),
				Arrays.copyOf(depth, points));
	}

	/**
	 * Members by level, with the deepest level that has one found in logarithmic time,
	 * for legs whose members also leave.
	 */
	private static final class Deepest {

		private int leaves = 1;

		private int[] counts = new int[2];

		void reset(int maxLevel) {
			this.leaves = Integer.highestOneBit(Math.max(maxLevel, 1)) << 1;
			if (this.counts.length < 2 * this.leaves) {
				this.counts = new int[2 * this.leaves];
			}
			else {
				Arrays.fill(this.counts, 0, 2 * this.leaves, 0);
			}
		}

		void add(int level, int delta) {
			for (int i = this.leaves + level; i > 0; i >>= 1) {
				this.counts[i] += delta;
			}
		}

		int level() {
			if (this.counts[1] == 0) {
				return 0;
			}
			int i = 1;
			while (i < this.leaves) {
				i = (this.counts[2 * i + 1] > 0) ? 2 * i + 1 : 2 * i;
			}
			return i - this.leaves;
		}

	}

	/**
	 * Returns whether answering for a partner from the blocks costs less than walking its
	 * team: it must be a head, and its team much larger than the heads and legs a
	 * question looks at.
	 * @param id the partner
	 * @return whether {@link #teamStats} answers for it and is the cheaper way
	 */
	boolean pays(int id) {
		int k = headOf(id);
		return k != NONE && this.headSpan[k] >= 4L * (this.headPartner.length + this.legRoot.length);
	}

	/**
	 * Returns whether a partner is a head, the partners {@link #teamStats} answers for.
	 * @param id the partner
	 * @return whether it is a head
	 */
	boolean isHead(int id) {
		return headOf(id) != NONE;
	}

	/**
	 * Returns how many partners the blocks know: those of the history they were built
	 * from.
	 * @return the number of partners
	 */
	int size() {
		return this.size;
	}

	/**
	 * Returns the index of the last boundary at or before an instant, as
	 * {@link #teamStats} takes it.
	 * @param instant nanoseconds since the epoch
	 * @return the index, {@code -1} before the first boundary
	 */
	int last(long instant) {
		int found = Arrays.binarySearch(this.boundaries, instant);
		return (found >= 0) ? found : -found - 2;
	}

	/** The index of a partner among the heads, or {@link #NONE}. */
	private int headOf(int id) {
		int found = Arrays.binarySearch(this.headIds, id);
		return (found >= 0) ? this.headIndexes[found] : NONE;
	}

	int heads() {
		return this.headPartner.length;
	}

	int legs() {
		return this.legRoot.length;
	}

	int points() {
		return this.pointAt.length;
	}

	/** The answer of {@link #teamStats}: a partner's team without it. */
	record Team(int size, int active, int depth, Legs.Builder legs) {
	}

	/**
	 * Returns the team of a head at an instant.
	 * @param id the partner, a head
	 * @param last the index of the last edge boundary at or before the instant,
	 * {@code -1} when the instant precedes them all
	 * @param cycle the exception to throw if the team at the instant holds a cycle
	 * @return its size, active count, depth and legs (partner ids)
	 * @throws IllegalArgumentException if the partner is not a head
	 */
	Team teamStats(int id, int last, Supplier<IllegalStateException> cycle) {
		int top = headOf(id);
		if (top == NONE) {
			throw new IllegalArgumentException("Partner " + id + " is no head");
		}
		Scratch scratch = this.spare.getAndSet(null);
		try {
			if (scratch == null) {
				scratch = new Scratch(this.headPartner.length);
			}
			return teamStats(top, last, cycle, scratch);
		}
		finally {
			this.spare.set(scratch);
		}
	}

	private Team teamStats(int top, int last, Supplier<IllegalStateException> cycle, Scratch scratch) {
		int heads = this.headPartner.length;
		int[] hangs = scratch.hangs;
		int[] teamSize = scratch.size;
		int[] teamActive = scratch.active;
		int[] teamDepth = scratch.depth;
		Arrays.fill(teamSize, 0);
		Arrays.fill(teamActive, 0);
		Arrays.fill(teamDepth, 0);
		Answer answer = new Answer(this.legStart[top + 1] - this.legStart[top]);
		// One sweep against the order of the first walk: where each head hangs at the
		// instant, its own members then, and its team into the head it hangs below. The
		// walk numbered every head after the heads it was met below, so a head hanging
		// where it was met (or anywhere earlier in the walk) is complete before the sweep
		// reaches the head above it. The others hang forward; they come after the sweep.
		int[] forward = scratch.forward;
		int forwards = 0;
		for (int k = heads - 1; k >= 0; k--) {
			int piece = piece(k, last);
			hangs[k] = piece;
			int members = teamSize[k] + 1;
			int activeMembers = teamActive[k] + (this.headActive[k] ? 1 : 0);
			int deepest = teamDepth[k];
			for (int l = this.legStart[k]; l < this.legStart[k + 1]; l++) {
				int p = point(l, last);
				if (p != NONE) {
					members += this.pointSize[p];
					activeMembers += this.pointActive[p];
					deepest = Math.max(deepest, this.pointDepth[p]);
				}
			}
			teamSize[k] = members;
			teamActive[k] = activeMembers;
			teamDepth[k] = deepest;
			if (piece == NONE) {
				continue;
			}
			int up = this.pieceHead[piece];
			if (up < k) {
				teamSize[up] += members;
				teamActive[up] += activeMembers;
				teamDepth[up] = Math.max(teamDepth[up], this.pieceLevel[piece] + deepest);
				if (up == top) {
					answer.below(this, top, k, piece, members, teamSize);
				}
			}
			else {
				forward[forwards++] = k;
			}
		}
		answer.size = teamSize[top];
		answer.active = teamActive[top];
		answer.depth = teamDepth[top];
		if (forwards > 0) {
			addForward(top, forwards, scratch, answer, cycle);
		}
		Legs.Builder legs = legs(top, last, answer.legExtra, answer.direct(), hangs, teamSize);
		int self = this.headActive[top] ? 1 : 0;
		return new Team(answer.size - 1, answer.active - self, answer.depth, legs);
	}

	/**
	 * The place a head hangs at an instant, or {@link #NONE} while it is not in the tree.
	 */
	private int piece(int k, int last) {
		for (int p = this.pieceStart[k]; p < this.pieceStart[k + 1]; p++) {
			if (this.pieceFrom[p] <= last && last < this.pieceTo[p]) {
				return p;
			}
		}
		return NONE;
	}

	/**
	 * Adds the heads that hang forward after a move (below a head the first walk numbered
	 * after them, or below themselves) to the asked head's team. The sweep has given
	 * every head the team that hangs below it by backward places only; these teams are
	 * joined along the forward places, children first, as a forest of far fewer nodes:
	 * the forward heads and the asked head, each the top of the heads hanging below it by
	 * backward places. The asked head's members are counted once: each below the lowest
	 * forward head above them, or in its own sweep.
	 */
	private void addForward(int top, int forwards, Scratch scratch, Answer answer,
			Supplier<IllegalStateException> cycle) {
		int heads = this.headPartner.length;
		int[] hangs = scratch.hangs;
		// along the walk's order, for each head: the top of the chain of backward places
		// above it (a node, or a head hanging nowhere, which is none; the asked head ends
		// every chain that reaches it), its level below that top, and the head directly
		// below the asked one that it is under, if any
		int[] root = scratch.root;
		int[] level = scratch.level;
		int[] via = scratch.via;
		for (int k = 0; k < heads; k++) {
			int piece = hangs[k];
			int up = (piece != NONE) ? this.pieceHead[piece] : NONE;
			if (k == top) {
				root[k] = k;
				level[k] = 0;
				via[k] = k;
			}
			else if (piece != NONE && up < k) {
				root[k] = root[up];
				level[k] = level[up] + this.pieceLevel[piece];
				via[k] = (up == top) ? k : via[up];
			}
			else {
				root[k] = k;
				level[k] = 0;
				via[k] = NONE;
			}
		}
		// the nodes: the forward heads, and the asked head unless it is one of them
		int[] node = Arrays.copyOf(scratch.forward, forwards + 1);
		int nodes = forwards;
		if (!hangsForward(top, hangs)) {
			node[nodes++] = top;
		}
		int[] slot = scratch.slot;
		for (int i = 0; i < nodes; i++) {
			slot[node[i]] = i;
		}
		int[] parent = new int[nodes];
		int[] pending = new int[nodes];
		int[] size = new int[nodes];
		int[] active = new int[nodes];
		int[] depth = new int[nodes];
		for (int i = 0; i < nodes; i++) {
			int x = node[i];
			int piece = hangs[x];
			int above = (piece != NONE) ? root[this.pieceHead[piece]] : NONE;
			boolean isNode = above != NONE && (above == top || hangsForward(above, hangs));
			parent[i] = isNode ? slot[above] : NONE;
			if (isNode) {
				pending[parent[i]]++;
			}
			size[i] = scratch.size[x];
			active[i] = scratch.active[x];
			depth[i] = scratch.depth[x];
		}
		// children first; a node in a cycle is never ready, and neither is the asked
		// head if it is in one
		int[] ready = new int[nodes];
		int count = 0;
		for (int i = 0; i < nodes; i++) {
			if (pending[i] == 0) {
				ready[count++] = i;
			}
		}
		for (int r = 0; r < count; r++) {
			int i = ready[r];
			int x = node[i];
			if (x == top) {
				answer.size = size[i];
				answer.active = active[i];
				answer.depth = depth[i];
				return;
			}
			int q = parent[i];
			if (q == NONE) {
				continue;
			}
			int piece = hangs[x];
			int u = this.pieceHead[piece];
			size[q] += size[i];
			active[q] += active[i];
			depth[q] = Math.max(depth[q], depth[i] + this.pieceLevel[piece] + level[u]);
			if (node[q] == top) {
				int v = via[u];
				if (v == top) {
					answer.below(this, top, x, piece, size[i], scratch.size);
				}
				else {
					answer.under(this, hangs[v], v, size[i], scratch.size);
				}
			}
			if (--pending[q] == 0) {
				ready[count++] = q;
			}
		}
		throw cycle.get();
	}

	/** Whether a head hangs forward at the instant: below itself or a later head. */
	private boolean hangsForward(int k, int[] hangs) {
		return hangs[k] != NONE && this.pieceHead[hangs[k]] >= k;
	}

	/**
	 * What a question adds up for the asked head: its team, and what hangs below each of
	 * its legs and directly below it.
	 */
	private static final class Answer {

		private int size;

		private int active;

		private int depth;

		/** The members of its heads below each of its legs. */
		private final int[] legExtra;

		/**
		 * The heads directly below it, each as its partner and head index in one long.
		 */
		private long[] direct = new long[4];

		private int directs;

		Answer(int legs) {
			this.legExtra = new int[legs];
		}

		/**
		 * Notes a head hanging directly below the asked head, in a leg or as a leg of its
		 * own, with its team. A forward head's team is its joined total, which replaces
		 * what the sweep gave it.
		 */
		void below(TeamBlocks blocks, int top, int k, int piece, int members, int[] teamSize) {
			int leg = blocks.pieceLeg[piece];
			if (leg != NONE) {
				this.legExtra[leg - blocks.legStart[top]] += members;
				return;
			}
			if (this.directs == this.direct.length) {
				this.direct = Arrays.copyOf(this.direct, this.directs * 2);
			}
			this.direct[this.directs++] = ((long) blocks.headPartner[k] << 32) | k;
			teamSize[k] = members;
		}

		/**
		 * Adds members to the leg of the head {@code v} that hangs directly below the
		 * asked head at {@code piece}.
		 */
		void under(TeamBlocks blocks, int piece, int v, int members, int[] teamSize) {
			int leg = blocks.pieceLeg[piece];
			if (leg != NONE) {
				this.legExtra[leg - blocks.legStart[blocks.pieceHead[piece]]] += members;
			}
			else {
				teamSize[v] += members;
			}
		}

		long[] direct() {
			return Arrays.copyOf(this.direct, this.directs);
		}

	}

	/**
	 * The arrays a question works in, each as long as the heads: at ten million partners
	 * about 29 MB, which one question after another would otherwise allocate anew.
	 */
	private static final class Scratch {

		private final int[] hangs;

		private final int[] size;

		private final int[] active;

		private final int[] depth;

		private final int[] forward;

		private final int[] root;

		private final int[] level;

		private final int[] via;

		private final int[] slot;

		Scratch(int heads) {
			this.hangs = new int[heads];
			this.size = new int[heads];
			this.active = new int[heads];
			this.depth = new int[heads];
			this.forward = new int[heads];
			this.root = new int[heads];
			this.level = new int[heads];
			this.via = new int[heads];
			this.slot = new int[heads];
		}

	}

	/**
	 * Lists the legs of a head in the order a walk meets them: by side, then by partner.
	 * Its own legs are stored in that order already (the first walk meets children so);
	 * the heads hanging directly below it are sorted and merged in, side by side.
	 * @param direct the heads directly below it, each as its partner and head index in
	 * one long
	 */
	private Legs.Builder legs(int top, int last, int[] legExtra, long[] direct, int[] hangs, int[] teamSize) {
		Arrays.sort(direct);
		int first = this.legStart[top];
		int end = this.legStart[top + 1];
		Legs.Builder legs = new Legs.Builder(end - first + direct.length);
		for (int rank = 0; rank < 3; rank++) {
			int d = 0;
			for (int l = first; l <= end; l++) {
				if (l < end && TreeHistory.sideRank(this.legSide[l]) != rank) {
					continue;
				}
				int partner = (l < end) ? this.legRoot[l] : Integer.MAX_VALUE;
				for (; d < direct.length && (int) (direct[d] >>> 32) < partner; d++) {
					int k = (int) direct[d];
					byte side = this.pieceSide[hangs[k]];
					if (TreeHistory.sideRank(side) == rank) {
						legs.add(this.headPartner[k], GenealogySnapshot.leg(side), teamSize[k]);
					}
				}
				int p = (l < end) ? point(l, last) : NONE;
				if (p != NONE && this.pointSize[p] > 0) {
					legs.add(partner, GenealogySnapshot.leg(this.legSide[l]), this.pointSize[p] + legExtra[l - first]);
				}
			}
		}
		return legs;
	}

	/**
	 * Returns the count of a leg that holds at a boundary: the last one from it or
	 * before.
	 * @return its index, or {@link #NONE} before the leg's first member joined
	 */
	private int point(int leg, int last) {
		int low = this.pointStart[leg];
		int high = this.pointStart[leg + 1] - 1;
		if (high < low || this.pointAt[low] > last) {
			return NONE;
		}
		while (low < high) {
			int mid = (low + high + 1) >>> 1;
			if (this.pointAt[mid] <= last) {
				low = mid;
			}
			else {
				high = mid - 1;
			}
		}
		return low;
	}

}
