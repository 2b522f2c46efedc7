package io.treeline.graph;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.IntPredicate;
import java.util.function.IntUnaryOperator;

/**
 * One tree as it was at an instant, held in arrays for computation: every partner has an
 * int id (its position in number order), a parent id ({@code -1} for a root), a depth,
 * and a place in the preorder (Euler tour) of the forest, so that the whole downline of a
 * partner is one contiguous range of the preorder. Built iteratively, so a chain of any
 * depth works; immutable and safe to share between threads.
 */
public final class GenealogySnapshot {

	/** The parent id of a root. */
	public static final int NONE = -1;

	/**
	 * Accepts every partner. A downline page that accepts everyone, in tree order and
	 * over all levels, reads the page and no more of the team.
	 */
	public static final IntPredicate EVERYONE = (member) -> true;

	private final Tree tree;

	private final Instant asOf;

	private final Instant validFrom;

	private final Instant validThrough;

	private final int[] parent;

	private final byte[] side;

	private final int[] depth;

	private final int[] preorderIndex;

	private final int[] preorder;

	private final int[] subtreeSize;

	private final int[] deepestBelow;

	private final int[] activeBefore;

	private final Directory directory;

	private final int[] childStart;

	private final int[] children;

	private GenealogySnapshot(Tree tree, Instant asOf, Instant validFrom, Instant validThrough, int[] parent,
			byte[] side, Directory directory) {
		this.tree = tree;
		this.directory = directory;
		this.asOf = asOf;
		this.validFrom = validFrom;
		this.validThrough = validThrough;
		this.parent = parent;
		this.side = side;
		int n = directory.size();
		this.childStart = new int[n + 1];
		this.children = new int[n];
		indexChildren();
		this.depth = new int[n];
		this.preorderIndex = new int[n];
		this.preorder = new int[n];
		walkPreorder();
		this.subtreeSize = new int[n];
		this.deepestBelow = new int[n];
		summariseSubtrees();
		this.activeBefore = new int[n + 1];
		for (int i = 0; i < n; i++) {
			boolean active = directory.status(this.preorder[i]) == PartnerStatus.ACTIVE;
			this.activeBefore[i + 1] = this.activeBefore[i] + (active ? 1 : 0);
		}
	}

	/**
	 * Builds a snapshot.
	 * @param tree the tree it shows
	 * @param asOf the instant it shows the tree at
	 * @param numbers partner numbers in ascending order; a partner's id is its index
	 * @param parent the parent id of each partner, {@link #NONE} for a root
	 * @param side the binary side of each partner under its parent (0 none, 1 LEFT, 2
	 * RIGHT)
	 * @param active whether each partner is active
	 * @return the snapshot
	 * @throws IllegalStateException if the parents form a cycle
	 */
	public static GenealogySnapshot of(Tree tree, Instant asOf, String[] numbers, int[] parent, byte[] side,
			boolean[] active) {
		PartnerStatus[] statuses = new PartnerStatus[active.length];
		for (int id = 0; id < active.length; id++) {
			statuses[id] = active[id] ? PartnerStatus.ACTIVE : PartnerStatus.SUSPENDED;
		}
		int[] nameRank = new int[active.length];
		Arrays.setAll(nameRank, (id) -> id);
		return of(tree, asOf, parent, side, new Directory(numbers, statuses, new long[active.length], nameRank));
	}

	/**
	 * Builds a snapshot with what the downline filters and orders need of each partner.
	 * @param tree the tree it shows
	 * @param asOf the instant it shows the tree at
	 * @param parent the parent id of each partner, {@link #NONE} for a root
	 * @param side the binary side of each partner (0 none, 1 LEFT, 2 RIGHT)
	 * @param directory number, status, join instant and name rank of each partner
	 * @return the snapshot
	 * @throws IllegalStateException if the parents form a cycle
	 */
	public static GenealogySnapshot of(Tree tree, Instant asOf, int[] parent, byte[] side, Directory directory) {
		return of(tree, asOf, asOf, asOf, parent, side, directory);
	}

	/**
	 * Builds a snapshot of a tree that is the same at every instant of a stretch of time
	 * (between two changes of the tree).
	 * @param tree the tree it shows
	 * @param asOf the instant it was asked for
	 * @param validFrom the stretch's first instant, {@link Instant#MIN} if the tree never
	 * changed before
	 * @param validThrough the stretch's last instant, {@link Instant#MAX} if the tree has
	 * not changed since
	 * @param parent the parent id of each partner, {@link #NONE} for a root
	 * @param side the binary side of each partner (0 none, 1 LEFT, 2 RIGHT)
	 * @param directory number, status, join instant and name rank of each partner
	 * @return the snapshot
	 * @throws IllegalStateException if the parents form a cycle
	 */
	public static GenealogySnapshot of(Tree tree, Instant asOf, Instant validFrom, Instant validThrough, int[] parent,
			byte[] side, Directory directory) {
		if (parent.length != directory.size() || side.length != directory.size()) {
			throw new IllegalArgumentException("parent, side and directory must have the same length");
		}
		if (asOf.isBefore(validFrom) || asOf.isAfter(validThrough)) {
			throw new IllegalArgumentException(asOf + " is not between " + validFrom + " and " + validThrough);
		}
		return new GenealogySnapshot(tree, asOf, validFrom, validThrough, parent, side, directory);
	}

	/**
	 * What the snapshots of one tree know of each partner besides the tree, shared by all
	 * of them: the partner's number (its id is the number's index in ascending order, so
	 * a number is found by binary search, without a map per snapshot), status, join
	 * instant and place in the order of names.
	 */
	public static final class Directory {

		private final String[] numbers;

		private final PartnerStatus[] statuses;

		private final long[] joinedAt;

		private final int[] nameRank;

		/**
		 * Makes a directory; the arrays are taken over, not copied.
		 * @param numbers partner numbers in strictly ascending order
		 * @param statuses the status of each partner
		 * @param joinedAt the start of each partner's contract in nanoseconds since the
		 * epoch
		 * @param nameRank each partner's place in the order of names
		 * @throws IllegalArgumentException if the lengths differ or the numbers do not
		 * ascend
		 */
		public Directory(String[] numbers, PartnerStatus[] statuses, long[] joinedAt, int[] nameRank) {
			if (statuses.length != numbers.length || joinedAt.length != numbers.length
					|| nameRank.length != numbers.length) {
				throw new IllegalArgumentException(
						"numbers, statuses, join instants and name ranks must have the " + "same length");
			}
			for (int id = 1; id < numbers.length; id++) {
				if (numbers[id - 1].compareTo(numbers[id]) >= 0) {
					throw new IllegalArgumentException(
							"Partner numbers must ascend: " + numbers[id - 1] + " comes before " + numbers[id]);
				}
			}
			this.numbers = numbers;
			this.statuses = statuses;
			this.joinedAt = joinedAt;
			this.nameRank = nameRank;
		}

		public int size() {
			return this.numbers.length;
		}

		/**
		 * Returns the id of a partner number.
		 * @param number the number
		 * @return the id, or a negative value if no partner has the number
		 */
		public int id(String number) {
			int found = Arrays.binarySearch(this.numbers, number);
			return (found >= 0) ? found : -1;
		}

		public String number(int id) {
			return this.numbers[id];
		}

		public PartnerStatus status(int id) {
			return this.statuses[id];
		}

		public long joinedAt(int id) {
			return this.joinedAt[id];
		}

		public int nameRank(int id) {
			return this.nameRank[id];
		}

	}

	private void indexChildren() {
		int n = this.directory.size();
		for (int id = 0; id < n; id++) {
			if (this.parent[id] != NONE) {
				this.childStart[this.parent[id] + 1]++;
			}
		}
		for (int id = 0; id < n; id++) {
			this.childStart[id + 1] += this.childStart[id];
		}
		int[] next = Arrays.copyOf(this.childStart, n);
		// ids ascend, so children come in number order; a LEFT child goes before a RIGHT
		// one
		for (byte wanted : new byte[] { 1, 0, 2 }) {
			for (int id = 0; id < n; id++) {
				int p = this.parent[id];
				if (p != NONE && this.side[id] == wanted) {
					this.children[next[p]++] = id;
				}
			}
		}
	}

	private void walkPreorder() {
		int n = this.directory.size();
		int[] stack = new int[n];
		int top = 0;
		int visited = 0;
		for (int root = n - 1; root >= 0; root--) {
			if (this.parent[root] == NONE) {
				stack[top++] = root;
			}
		}
		while (top > 0) {
			int id = stack[--top];
			this.preorderIndex[id] = visited;
			this.preorder[visited++] = id;
			this.depth[id] = (this.parent[id] == NONE) ? 0 : this.depth[this.parent[id]] + 1;
			for (int c = this.childStart[id + 1] - 1; c >= this.childStart[id]; c--) {
				stack[top++] = this.children[c];
			}
		}
		if (visited != n) {
			throw new IllegalStateException("The " + describe(this.tree) + " as of " + this.asOf + " has a cycle: "
					+ (n - visited) + " partners cannot be reached from a root");
		}
	}

	private void summariseSubtrees() {
		for (int i = this.preorder.length - 1; i >= 0; i--) {
			int id = this.preorder[i];
			this.subtreeSize[id] += 1;
			this.deepestBelow[id] = Math.max(this.deepestBelow[id], this.depth[id]);
			int p = this.parent[id];
			if (p != NONE) {
				this.subtreeSize[p] += this.subtreeSize[id];
				this.deepestBelow[p] = Math.max(this.deepestBelow[p], this.deepestBelow[id]);
			}
		}
	}

	public Tree tree() {
		return this.tree;
	}

	public Instant asOf() {
		return this.asOf;
	}

	/**
	 * Returns the first instant at which the tree is as this snapshot shows it: the
	 * snapshot shows the tree at every instant from here through {@link #validThrough()}.
	 * @return the instant, {@link Instant#MIN} if the tree never changed before
	 * {@link #asOf()}, or {@link #asOf()} itself for a snapshot of one instant
	 */
	public Instant validFrom() {
		return this.validFrom;
	}

	/**
	 * Returns the last instant at which the tree is as this snapshot shows it.
	 * @return the instant, {@link Instant#MAX} if the tree has not changed after
	 * {@link #asOf()}, or {@link #asOf()} itself for a snapshot of one instant
	 */
	public Instant validThrough() {
		return this.validThrough;
	}

	/**
	 * Returns the number of partners in the snapshot (all partners, roots included).
	 * @return the size
	 */
	public int size() {
		return this.directory.size();
	}

	public OptionalInt id(PartnerNumber number) {
		int id = this.directory.id(number.value());
		return (id >= 0) ? OptionalInt.of(id) : OptionalInt.empty();
	}

	public PartnerNumber number(int id) {
		return PartnerNumber.of(this.directory.number(id));
	}

	/**
	 * Returns a partner's number as text, without making a {@link PartnerNumber}: for
	 * passes over every partner.
	 * @param id the partner
	 * @return the number
	 */
	public String numberValue(int id) {
		return this.directory.number(id);
	}

	/**
	 * Returns when a partner's contract started.
	 * @param id the partner
	 * @return the join instant
	 */
	public Instant joinedAt(int id) {
		long nanos = this.directory.joinedAt(id);
		return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
	}

	public int parent(int id) {
		return this.parent[id];
	}

	public int depth(int id) {
		return this.depth[id];
	}

	/**
	 * Returns the side a partner is placed on under its parent.
	 * @param id the partner
	 * @return LEFT, RIGHT, or {@code null} outside binary trees and for roots
	 */
	public Leg side(int id) {
		return leg(this.side[id]);
	}

	/**
	 * Returns the leg a side code stands for.
	 * @param side 0 none, 1 LEFT, 2 RIGHT
	 * @return LEFT, RIGHT or {@code null}
	 */
	public static Leg leg(byte side) {
		return switch (side) {
			case 1 -> Leg.LEFT;
			case 2 -> Leg.RIGHT;
			default -> null;
		};
	}

	/**
	 * Returns the position of a partner in the preorder; its downline follows it
	 * directly.
	 * @param id the partner
	 * @return the preorder index
	 */
	public int preorderIndex(int id) {
		return this.preorderIndex[id];
	}

	/**
	 * Returns the partner at a position of the preorder.
	 * @param index the preorder index
	 * @return the partner's id
	 */
	public int atPreorder(int index) {
		return this.preorder[index];
	}

	/**
	 * Returns the size of a partner's subtree: the partner and the whole downline.
	 * @param id the partner
	 * @return at least 1
	 */
	public int subtreeSize(int id) {
		return this.subtreeSize[id];
	}

	/**
	 * Returns the ids of a partner's direct children: LEFT before RIGHT, else in number
	 * order.
	 * @param id the partner
	 * @return the children
	 */
	public int[] children(int id) {
		return Arrays.copyOfRange(this.children, this.childStart[id], this.childStart[id + 1]);
	}

	/**
	 * Returns the upline of a partner, nearest first.
	 * @param id the partner
	 * @return the ids of all partners above it
	 */
	public int[] upline(int id) {
		int[] upline = new int[this.depth[id]];
		int current = this.parent[id];
		for (int level = 0; current != NONE; level++) {
			upline[level] = current;
			current = this.parent[current];
		}
		return upline;
	}

	/**
	 * Returns a page of a partner's downline, limited to a range of levels and to the
	 * partners a filter accepts, in the given order.
	 * @param id the partner at the top
	 * @param minLevel first level included (1: direct children)
	 * @param maxLevel last level included
	 * @param accept which partners (by id) to include
	 * @param order the order
	 * @param after the position (in that order) after which the page starts, {@code -1}
	 * for the start
	 * @param first the page size
	 * @return the page
	 */
	public DownlinePage downline(int id, int minLevel, int maxLevel, IntPredicate accept, DownlineOrder order,
			int after, int first) {
		int top = this.preorderIndex[id];
		int end = top + this.subtreeSize[id];
		long minDepth = (long) this.depth[id] + minLevel;
		long maxDepth = (long) this.depth[id] + maxLevel;
		if (accept == EVERYONE && order == DownlineOrder.TREE && minDepth <= this.depth[id] + 1L
				&& maxDepth >= this.deepestBelow[id]) {
			// the whole downline in tree order is the preorder range after the partner:
			// only the page is read, not the whole team
			return page(id, end - top - 1, (position) -> this.preorder[top + 1 + position], after, first);
		}
		int[] members = new int[end - top - 1];
		int count = 0;
		for (int i = top + 1; i < end; i++) {
			int member = this.preorder[i];
			if (this.depth[member] >= minDepth && this.depth[member] <= maxDepth && accept.test(member)) {
				members[count++] = member;
			}
		}
		int[] ordered = sorted(Arrays.copyOf(members, count), order);
		return page(id, count, (position) -> ordered[position], after, first);
	}

	private DownlinePage page(int id, int count, IntUnaryOperator memberAt, int after, int first) {
		List<DownlinePage.Entry> entries = new ArrayList<>(Math.min(first, count));
		int from = Math.max(after + 1, 0);
		for (int position = from; position < Math.min(count, from + first); position++) {
			int member = memberAt.applyAsInt(position);
			Relative relative = new Relative(number(member), this.depth[member] - this.depth[id], side(member));
			entries.add(new DownlinePage.Entry(relative, number(this.parent[member]), position));
		}
		return new DownlinePage(entries, count, from + first < count);
	}

	/**
	 * Returns a page of a partner's downline in tree order within a range of levels.
	 * @param id the partner at the top
	 * @param minLevel first level included
	 * @param maxLevel last level included
	 * @param after the position after which the page starts, {@code -1} for the start
	 * @param first the page size
	 * @return the page
	 */
	public DownlinePage downline(int id, int minLevel, int maxLevel, int after, int first) {
		return downline(id, minLevel, maxLevel, EVERYONE, DownlineOrder.TREE, after, first);
	}

	private int[] sorted(int[] members, DownlineOrder order) {
		if (order == DownlineOrder.TREE) {
			return members;
		}
		Comparator<Integer> comparator = switch (order) {
			case LEVEL -> Comparator.comparingInt((Integer member) -> this.depth[member])
				.thenComparingInt((member) -> this.preorderIndex[member]);
			case NAME -> Comparator.comparingInt((Integer member) -> this.directory.nameRank(member));
			case JOINED_AT -> Comparator.comparingLong((Integer member) -> this.directory.joinedAt(member))
				.thenComparingInt((member) -> member);
			case TREE -> throw new IllegalStateException("tree order needs no sorting");
		};
		return Arrays.stream(members).boxed().sorted(comparator).mapToInt(Integer::intValue).toArray();
	}

	/**
	 * Returns the status of a partner.
	 * @param id the partner
	 * @return its status
	 */
	public PartnerStatus status(int id) {
		return this.directory.status(id);
	}

	/**
	 * Returns the team statistics of a partner.
	 * @param id the partner
	 * @return size, active count, depth and legs of the downline
	 */
	public TeamStats teamStats(int id) {
		int first = this.preorderIndex[id] + 1;
		int end = this.preorderIndex[id] + this.subtreeSize[id];
		Legs.Builder legs = new Legs.Builder(this.childStart[id + 1] - this.childStart[id]);
		for (int c = this.childStart[id]; c < this.childStart[id + 1]; c++) {
			int child = this.children[c];
			legs.add(child, side(child), this.subtreeSize[child]);
		}
		return new TeamStats(number(id), this.subtreeSize[id] - 1, this.activeBefore[end] - this.activeBefore[first],
				this.deepestBelow[id] - this.depth[id], legs.build(this::number));
	}

	private static String describe(Tree tree) {
		return switch (tree) {
			case Tree.Sponsor sponsor -> "sponsor tree";
			case Tree.Placement placement -> "placement tree of " + placement.plan();
		};
	}

}
