package io.treeline.graph.organisation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks the edges of one tree over their whole history: at no instant may they form a
 * cycle, no binary position may hold two partners, and no matrix parent may hold more
 * partners than the width. Sweeps the edges' starts and ends in time order (ends first at
 * equal instants) keeping the tree of the moment; a start can close a cycle only if the
 * partner it attaches has a downline at that moment, so only then is the upline walked.
 * An import in join order therefore costs one pass.
 * <p>
 * Edges already in the genealogy ({@link Edge#stored()}) are facts: a conflict is always
 * blamed on an imported edge. When a stored edge starts into a position, a full matrix or
 * a cycle that imported edges made, the imported edge that made it is blamed and taken
 * out of the tree of the moment.
 */
final class TreeSweep {

	private static final int END = 0;

	private static final int START = 1;

	/**
	 * Bits of an event: the edge's index in the lowest 31, then origin, type, instant.
	 */
	private static final long INDEX = Integer.MAX_VALUE;

	private static final int ORIGIN_SHIFT = 31;

	private static final int TYPE_SHIFT = 32;

	private static final int RANK_SHIFT = 33;

	private final List<Edge> edges;

	private final int width;

	private final Map<String, Integer> parentEdge = new HashMap<>();

	private final Map<String, Integer> children = new HashMap<>();

	private final Map<String, Integer> taken = new HashMap<>();

	private final Map<String, List<Integer>> under = new HashMap<>();

	private final Map<Integer, String> problems = new HashMap<>();

	private TreeSweep(List<Edge> edges, int width) {
		this.edges = edges;
		this.width = width;
	}

	/**
	 * Checks edges of a tree without a width (the sponsor tree, a binary tree).
	 * @param edges the edges of one tree
	 * @return a problem per offending imported edge, by edge index
	 */
	static Map<Integer, String> check(List<Edge> edges) {
		return check(edges, 0);
	}

	/**
	 * Checks edges.
	 * @param edges the edges of one tree, stored and imported
	 * @param width the most partners under one parent at a time, 0 for no limit
	 * @return a problem per offending imported edge, by edge index
	 */
	static Map<Integer, String> check(List<Edge> edges, int width) {
		TreeSweep sweep = new TreeSweep(edges, width);
		for (long event : events(edges)) {
			int index = (int) (event & INDEX);
			if (((event >>> TYPE_SHIFT) & 1) == END) {
				sweep.end(index);
			}
			else if (edges.get(index).stored()) {
				sweep.startStored(index);
			}
			else {
				sweep.startImported(index);
			}
		}
		return sweep.problems;
	}

	/**
	 * Starts and ends in time order: ends before starts at the same instant, and stored
	 * edges before imported ones, so that an imported edge is the one found in conflict.
	 * Each event is one long (the rank of its instant among the edges' instants, its
	 * type, the edge's origin, the edge's index, from the highest bits down), so that
	 * sorting the longs sorts the events: 8 bytes an event, not an array of its fields.
	 */
	private static long[] events(List<Edge> edges) {
		long[] instants = new long[2 * edges.size()];
		int count = 0;
		for (Edge edge : edges) {
			instants[count++] = nanos(edge.validFrom());
			if (edge.validTo() != null) {
				instants[count++] = nanos(edge.validTo());
			}
		}
		Arrays.sort(instants, 0, count);
		int distinct = 0;
		for (int i = 0; i < count; i++) {
			if (distinct == 0 || instants[distinct - 1] != instants[i]) {
				instants[distinct++] = instants[i];
			}
		}
		long[] events = new long[count];
		int event = 0;
		for (int i = 0; i < edges.size(); i++) {
			Edge edge = edges.get(i);
			long origin = edge.stored() ? 0 : 1;
			events[event++] = event(Arrays.binarySearch(instants, 0, distinct, nanos(edge.validFrom())), START, origin,
					i);
			if (edge.validTo() != null) {
				events[event++] = event(Arrays.binarySearch(instants, 0, distinct, nanos(edge.validTo())), END, origin,
						i);
			}
		}
		Arrays.sort(events);
		return events;
	}

	private static long event(long instantRank, long type, long origin, int index) {
		return (instantRank << RANK_SHIFT) | (type << TYPE_SHIFT) | (origin << ORIGIN_SHIFT) | index;
	}

	private void end(int index) {
		if (this.parentEdge.remove(this.edges.get(index).child(), index)) {
			detach(index);
		}
	}

	private void startImported(int index) {
		Edge edge = this.edges.get(index);
		Integer holder = (edge.side() != null) ? this.taken.get(position(edge)) : null;
		if (holder != null) {
			Edge held = this.edges.get(holder);
			this.problems.put(index, "the " + edge.side() + " position under " + edge.parent() + " is taken by "
					+ held.child() + " at " + edge.validFrom() + (held.stored() ? " (in the genealogy)" : ""));
			return;
		}
		if (this.width > 0 && this.children.getOrDefault(edge.parent(), 0) >= this.width) {
			this.problems.put(index, edge.parent() + " has " + this.width + " partners under it at " + edge.validFrom()
					+ " already, the width of the matrix");
			return;
		}
		if (closesCycle(edge)) {
			this.problems.put(index, edge.parent() + " is below " + edge.child() + " at " + edge.validFrom()
					+ ": the edge would make a cycle");
			return;
		}
		attach(index);
	}

	private void startStored(int index) {
		Edge edge = this.edges.get(index);
		Integer holder = (edge.side() != null) ? this.taken.get(position(edge)) : null;
		if (holder != null && !this.edges.get(holder).stored()) {
			blame(holder, "the genealogy places " + edge.child() + " in the " + edge.side() + " position under "
					+ edge.parent() + " at " + edge.validFrom() + ", while this edge holds it");
		}
		if (this.width > 0 && this.children.getOrDefault(edge.parent(), 0) >= this.width) {
			List<Integer> siblings = this.under.get(edge.parent());
			for (int i = siblings.size() - 1; i >= 0; i--) {
				if (!this.edges.get(siblings.get(i)).stored()) {
					blame(siblings.get(i),
							"the genealogy places " + edge.child() + " under " + edge.parent() + " at "
									+ edge.validFrom() + ", which with this edge is more than the width of the matrix ("
									+ this.width + ")");
					break;
				}
			}
		}
		if (closesCycle(edge)) {
			Integer imported = firstImportedAbove(edge);
			if (imported != null) {
				blame(imported, "with the edge from " + edge.child() + " to " + edge.parent()
						+ " in the genealogy from " + edge.validFrom() + " this edge would make a cycle");
			}
		}
		attach(index);
	}

	private void blame(int index, String problem) {
		this.problems.putIfAbsent(index, problem);
		end(index);
	}

	private void attach(int index) {
		Edge edge = this.edges.get(index);
		Integer before = this.parentEdge.put(edge.child(), index);
		if (before != null) {
			detach(before);
		}
		this.children.merge(edge.parent(), 1, Integer::sum);
		if (edge.side() != null) {
			this.taken.put(position(edge), index);
		}
		if (this.width > 0) {
			this.under.computeIfAbsent(edge.parent(), (parent) -> new ArrayList<>()).add(index);
		}
	}

	private void detach(int index) {
		Edge edge = this.edges.get(index);
		this.children.merge(edge.parent(), -1, Integer::sum);
		if (edge.side() != null) {
			this.taken.remove(position(edge), index);
		}
		if (this.width > 0) {
			this.under.get(edge.parent()).remove(Integer.valueOf(index));
		}
	}

	/**
	 * Whether attaching the edge's partner under its parent would make a cycle: the
	 * parent is the partner or in its downline.
	 */
	private boolean closesCycle(Edge edge) {
		if (edge.child().equals(edge.parent())) {
			return true;
		}
		if (this.children.getOrDefault(edge.child(), 0) == 0) {
			return false;
		}
		return upline(edge.parent(), edge.child(), false) != null;
	}

	private Integer firstImportedAbove(Edge edge) {
		Integer found = upline(edge.parent(), edge.child(), true);
		return (found != null && found >= 0) ? found : null;
	}

	/**
	 * Walks up from a partner to a target.
	 * @return {@code null} if the target is not above; else -1, or with
	 * {@code findImported} the index of the first imported edge on the way (-1 if none)
	 */
	private Integer upline(String from, String target, boolean findImported) {
		String node = from;
		int imported = -1;
		for (int steps = 0; node != null && steps <= this.parentEdge.size(); steps++) {
			if (node.equals(target)) {
				return imported;
			}
			Integer up = this.parentEdge.get(node);
			if (up == null) {
				return null;
			}
			if (findImported && imported < 0 && !this.edges.get(up).stored()) {
				imported = up;
			}
			node = this.edges.get(up).parent();
		}
		return null;
	}

	private static String position(Edge edge) {
		return edge.parent() + " " + edge.side();
	}

	private static long nanos(Instant instant) {
		return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
	}

	/**
	 * One edge of a tree.
	 *
	 * @param child the partner below
	 * @param parent the partner above
	 * @param side the binary side, {@code null} outside binary trees
	 * @param validFrom start (inclusive)
	 * @param validTo end (exclusive), {@code null} while it holds
	 * @param stored whether the edge is in the genealogy already (else imported)
	 */
	record Edge(String child, String parent, String side, Instant validFrom, Instant validTo, boolean stored) {

		/** An imported edge. */
		Edge(String child, String parent, String side, Instant validFrom, Instant validTo) {
			this(child, parent, side, validFrom, validTo, false);
		}

	}

}
