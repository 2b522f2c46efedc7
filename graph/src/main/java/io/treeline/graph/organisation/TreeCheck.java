package io.treeline.graph.organisation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import io.treeline.graph.ImportProblem;
import io.treeline.graph.organisation.TreeSweep.Edge;

/**
 * Checks the imported edges of one tree against each other and against the edges the tree
 * already has in the genealogy. An import adds, it never changes: an edge that the
 * genealogy holds already (same partner, parent and start) must be the same edge again,
 * which then changes nothing; any other edge must start after the last closed period,
 * must not overlap another edge of its partner in the file or in the genealogy, and must
 * not, together with all of them, make a cycle, take a taken binary position or overfill
 * a matrix parent at any instant.
 * <p>
 * Reads from the genealogy only what the file touches: the edges of partners the file
 * names and, in placement trees, the edges under parents it names. Only an import that
 * gives partners of the genealogy new parents can make a cycle with stored edges (a cycle
 * needs an edge into a stored partner's upline), and only then is the tree's whole
 * history read.
 */
final class TreeCheck {

	private final String tree;

	private final Set<String> storedPartners;

	private final StoredEdges stored;

	private final int width;

	private final Instant closedUntil;

	private final List<ImportProblem> problems = new ArrayList<>();

	private final Set<Long> storedAlready = new HashSet<>();

	/**
	 * Prepares a check.
	 * @param tree how problems name the tree after a partner: empty for the sponsor tree,
	 * {@code " in <plan>"} for a placement tree
	 * @param storedPartners the partners the files name that the genealogy holds already
	 * @param stored the tree's stored edges
	 * @param width the matrix width, 0 for none
	 * @param closedUntil no new edge may start before this instant
	 */
	TreeCheck(String tree, Set<String> storedPartners, StoredEdges stored, int width, Instant closedUntil) {
		this.tree = tree;
		this.storedPartners = storedPartners;
		this.stored = stored;
		this.width = width;
		this.closedUntil = closedUntil;
	}

	/**
	 * Checks the imported edges.
	 * @param rows the edges of the tree in the files, each with its line
	 * @return what is wrong, by line
	 */
	List<ImportProblem> check(List<Located<Edge>> rows) {
		Map<String, List<Edge>> storedOfChildren = storedOf(rows);
		List<Located<Edge>> added = new ArrayList<>();
		for (Located<Edge> row : rows) {
			Edge edge = row.value();
			Edge same = storedOfChildren.getOrDefault(edge.child(), List.of())
				.stream()
				.filter((s) -> s.parent().equals(edge.parent()) && s.validFrom().equals(edge.validFrom()))
				.findFirst()
				.orElse(null);
			if (same != null) {
				if (refuseChange(row, same)) {
					this.storedAlready.add(row.line());
				}
			}
			else if (edge.validFrom().isBefore(this.closedUntil)) {
				this.problems
					.add(row.problem("starts at " + edge.validFrom() + ", before the end of the last closed period ("
							+ this.closedUntil + "); closed periods never change"));
			}
			else {
				added.add(row);
			}
		}
		boolean overlaps = refuseOverlaps(added, storedOfChildren);
		if (!overlaps && !added.isEmpty()) {
			sweep(added, storedOfChildren);
		}
		return this.problems;
	}

	private Map<String, List<Edge>> storedOf(List<Located<Edge>> rows) {
		Set<String> children = rows.stream()
			.map((row) -> row.value().child())
			.filter(this.storedPartners::contains)
			.collect(Collectors.toSet());
		if (children.isEmpty()) {
			return Map.of();
		}
		return this.stored.of(children).stream().collect(Collectors.groupingBy(Edge::child));
	}

	/**
	 * Returns the lines of the checked edges that the genealogy holds already, exactly as
	 * the file has them: loading them again would change nothing, so they need not be
	 * loaded.
	 * @return line numbers in the file of the checked rows
	 */
	Set<Long> storedAlready() {
		return this.storedAlready;
	}

	/**
	 * Refuses an edge the genealogy holds with other data.
	 * @return whether the edge is exactly the stored one
	 */
	private boolean refuseChange(Located<Edge> row, Edge same) {
		Edge edge = row.value();
		List<String> differences = new ArrayList<>();
		if (!Objects.equals(same.validTo(), edge.validTo())) {
			differences.add("until " + until(same.validTo()) + " (the file: " + until(edge.validTo()) + ")");
		}
		if (!Objects.equals(same.side(), edge.side())) {
			differences.add("on the side " + Objects.toString(same.side(), "none") + " (the file: "
					+ Objects.toString(edge.side(), "none") + ")");
		}
		if (differences.isEmpty()) {
			return true;
		}
		this.problems.add(row.problem("the genealogy holds this edge of " + edge.child() + this.tree + " already, "
				+ String.join(" and ", differences) + "; an import adds edges, it never changes them"));
		return false;
	}

	private static String until(Instant validTo) {
		return (validTo != null) ? validTo.toString() : "open";
	}

	/**
	 * Refuses imported edges that overlap another edge of their partner, imported or
	 * stored: a partner has one parent at a time.
	 * @return whether there were any
	 */
	private boolean refuseOverlaps(List<Located<Edge>> added, Map<String, List<Edge>> storedOfChildren) {
		Map<String, List<Located<Edge>>> byChild = new HashMap<>();
		added.forEach((row) -> byChild.computeIfAbsent(row.value().child(), (c) -> new ArrayList<>()).add(row));
		boolean found = false;
		for (Map.Entry<String, List<Located<Edge>>> partner : byChild.entrySet()) {
			List<Located<Edge>> edges = new ArrayList<>(partner.getValue());
			storedOfChildren.getOrDefault(partner.getKey(), List.of())
				.forEach((edge) -> edges.add(new Located<>(null, 0, edge)));
			edges.sort(Comparator.comparing((Located<Edge> row) -> row.value().validFrom())
				.thenComparing((row) -> !row.value().stored())
				.thenComparingLong(Located::line));
			Located<Edge> furthest = edges.get(0);
			for (Located<Edge> row : edges.subList(1, edges.size())) {
				Instant end = furthest.value().validTo();
				if (end == null || end.isAfter(row.value().validFrom())) {
					found |= refuseOverlap(row, furthest);
				}
				Instant rowEnd = row.value().validTo();
				if (end != null && (rowEnd == null || rowEnd.isAfter(end))) {
					furthest = row;
				}
			}
		}
		return found;
	}

	private boolean refuseOverlap(Located<Edge> row, Located<Edge> earlier) {
		Located<Edge> imported = row.value().stored() ? earlier : row;
		Located<Edge> other = row.value().stored() ? row : earlier;
		if (imported.value().stored()) {
			return false;
		}
		String with = other.value().stored() ? "its edge to " + other.value().parent() + " in the genealogy (from "
				+ other.value().validFrom() + " until " + until(other.value().validTo()) + ")"
				: "the edge of line " + other.line();
		this.problems.add(imported.problem("overlaps " + with + " for " + imported.value().child() + this.tree
				+ "; a partner has one parent at a time"));
		return true;
	}

	private void sweep(List<Located<Edge>> added, Map<String, List<Edge>> storedOfChildren) {
		boolean newParentsForStoredPartners = added.stream()
			.anyMatch((row) -> this.storedPartners.contains(row.value().child()));
		Map<List<Object>, Edge> storedEdges = new LinkedHashMap<>();
		if (newParentsForStoredPartners) {
			this.stored.all().forEach((edge) -> storedEdges.put(key(edge), edge));
		}
		else {
			storedOfChildren.values().forEach((edges) -> edges.forEach((edge) -> storedEdges.put(key(edge), edge)));
			Set<String> parents = added.stream()
				.map((row) -> row.value().parent())
				.filter(this.storedPartners::contains)
				.collect(Collectors.toSet());
			if (!parents.isEmpty()) {
				this.stored.under(parents).forEach((edge) -> storedEdges.put(key(edge), edge));
			}
		}
		List<Edge> edges = new ArrayList<>(storedEdges.values());
		int firstAdded = edges.size();
		added.forEach((row) -> edges.add(row.value()));
		TreeSweep.check(edges, this.width)
			.forEach((index, message) -> this.problems.add(added.get(index - firstAdded).problem(message)));
	}

	private static List<Object> key(Edge edge) {
		return List.of(edge.child(), edge.parent(), edge.validFrom());
	}

}
