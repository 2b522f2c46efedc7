package io.treeline.graph.organisation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks the edges of one tree over their whole history: at no instant may they form a
 * cycle, and no binary position may hold two partners. Sweeps the edges' starts and ends
 * in time order (ends first at equal instants) keeping the tree of the moment; a start
 * can close a cycle only if the partner it attaches has a downline at that moment, so
 * only then is the upline walked. An import in join order therefore costs one pass.
 */
final class TreeSweep {

	private TreeSweep() {
	}

	/**
	 * Checks edges.
	 * @param edges the edges of one tree
	 * @return a problem per offending edge, by edge index
	 */
	static Map<Integer, String> check(List<Edge> edges) {
		List<long[]> events = new ArrayList<>();
		for (int i = 0; i < edges.size(); i++) {
			Edge edge = edges.get(i);
			events.add(new long[] { nanos(edge.validFrom()), 1, i });
			if (edge.validTo() != null) {
				events.add(new long[] { nanos(edge.validTo()), 0, i });
			}
		}
		events.sort(Comparator.<long[]>comparingLong((event) -> event[0])
			.thenComparingLong((event) -> event[1])
			.thenComparingLong((event) -> event[2]));
		Map<String, Integer> parentEdge = new HashMap<>();
		Map<String, Integer> children = new HashMap<>();
		Map<String, Integer> taken = new HashMap<>();
		Map<Integer, String> problems = new HashMap<>();
		for (long[] event : events) {
			int index = (int) event[2];
			Edge edge = edges.get(index);
			String position = edge.parent() + " " + edge.side();
			if (event[1] == 0) {
				if (parentEdge.remove(edge.child(), index)) {
					children.merge(edge.parent(), -1, Integer::sum);
					if (edge.side() != null) {
						taken.remove(position, index);
					}
				}
				continue;
			}
			if (edge.side() != null && taken.containsKey(position)) {
				problems.put(index, "the " + edge.side() + " position under " + edge.parent() + " is taken by "
						+ edges.get(taken.get(position)).child() + " at " + edge.validFrom());
				continue;
			}
			if (children.getOrDefault(edge.child(), 0) > 0 && reaches(edge.parent(), edge.child(), edges, parentEdge)) {
				problems.put(index, edge.parent() + " is below " + edge.child() + " at " + edge.validFrom()
						+ ": the edge would make a cycle");
				continue;
			}
			Integer before = parentEdge.put(edge.child(), index);
			if (before != null) {
				children.merge(edges.get(before).parent(), -1, Integer::sum);
			}
			children.merge(edge.parent(), 1, Integer::sum);
			if (edge.side() != null) {
				taken.put(position, index);
			}
		}
		return problems;
	}

	private static boolean reaches(String from, String target, List<Edge> edges, Map<String, Integer> parentEdge) {
		String node = from;
		for (int steps = 0; node != null && steps <= parentEdge.size(); steps++) {
			if (node.equals(target)) {
				return true;
			}
			Integer up = parentEdge.get(node);
			node = (up != null) ? edges.get(up).parent() : null;
		}
		return false;
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
	 */
	record Edge(String child, String parent, String side, Instant validFrom, Instant validTo) {
	}

}
