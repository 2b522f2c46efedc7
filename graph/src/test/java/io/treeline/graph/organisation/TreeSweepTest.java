package io.treeline.graph.organisation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.treeline.graph.organisation.TreeSweep.Edge;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TreeSweepTest {

	@Test
	void acceptsADeepChainImportedInJoinOrderInOnePass() {
		List<Edge> chain = new ArrayList<>();
		for (int i = 1; i < 200_000; i++) {
			chain.add(new Edge("P" + i, "P" + (i - 1), null, day(0).plusSeconds(i), null));
		}
		assertThat(TreeSweep.check(chain)).isEmpty();
	}

	@Test
	void refusesTwoEdgesThatMakeACycleAtTheSameInstant() {
		assertThat(TreeSweep
			.check(List.of(new Edge("A", "B", null, day(1), null), new Edge("B", "A", null, day(1), null))))
			.containsOnlyKeys(1)
			.containsValue("A is below B at " + day(1) + ": the edge would make a cycle");
	}

	@Test
	void refusesACycleThatExistsOnlyForAWhile() {
		List<Edge> edges = List.of(new Edge("B", "A", null, day(1), null), new Edge("A", "C", null, day(1), day(3)),
				new Edge("C", "B", null, day(2), null));
		assertThat(TreeSweep.check(edges)).containsOnlyKeys(2);
		List<Edge> afterwards = List.of(edges.get(0), edges.get(1), new Edge("C", "B", null, day(3), null));
		assertThat(TreeSweep.check(afterwards)).isEmpty();
	}

	@Test
	void refusesABinaryPositionHeldTwiceAtTheSameTimeButNotOneAfterTheOther() {
		Edge first = new Edge("B", "A", "LEFT", day(1), day(5));
		assertThat(TreeSweep.check(List.of(first, new Edge("C", "A", "LEFT", day(4), null)))).containsOnlyKeys(1)
			.containsValue("the LEFT position under A is taken by B at " + day(4));
		assertThat(TreeSweep.check(List.of(first, new Edge("C", "A", "LEFT", day(5), null)))).isEmpty();
		assertThat(TreeSweep.check(List.of(first, new Edge("C", "A", "RIGHT", day(2), null)))).isEmpty();
	}

	@Test
	void refusesAnEdgeOfAPartnerToItselfEvenWithoutADownline() {
		assertThat(TreeSweep.check(List.of(new Edge("A", "A", null, day(1), null)))).containsOnlyKeys(0);
	}

	@Test
	void refusesAMatrixParentWithMorePartnersThanTheWidthAtOnce() {
		List<Edge> edges = List.of(new Edge("B", "A", null, day(1), day(3)), new Edge("C", "A", null, day(2), null),
				new Edge("D", "A", null, day(2), null), new Edge("E", "A", null, day(3), null));
		assertThat(TreeSweep.check(edges, 2)).containsOnlyKeys(2)
			.containsValue("A has 2 partners under it at " + day(2) + " already, the width of the matrix");
	}

	@Test
	void blamesTheImportedEdgeWhenAStoredEdgeLaterTakesItsPositionOrFillsTheMatrix() {
		Edge stored = new Edge("S", "A", "LEFT", day(3), null, true);
		assertThat(TreeSweep.check(List.of(stored, new Edge("I", "A", "LEFT", day(1), null)))).containsOnlyKeys(1)
			.containsValue(
					"the genealogy places S in the LEFT position under A at " + day(3) + ", while this edge holds it");
		List<Edge> matrix = List.of(new Edge("S", "A", null, day(3), null, true),
				new Edge("I", "A", null, day(1), null), new Edge("J", "A", null, day(2), null));
		assertThat(TreeSweep.check(matrix, 2)).containsOnlyKeys(2);
	}

	@Test
	void blamesAnImportedEdgeOnTheWayWhenAStoredEdgeClosesACycle() {
		List<Edge> edges = List.of(new Edge("B", "A", null, day(3), null, true), new Edge("A", "X", null, day(1), null),
				new Edge("X", "B", null, day(1), null));
		assertThat(TreeSweep.check(edges)).containsOnlyKeys(1)
			.containsValue(
					"with the edge from B to A in the genealogy from " + day(3) + " this edge would make a cycle");
	}

	@Test
	void neverBlamesStoredEdges() {
		List<Edge> edges = List.of(new Edge("B", "A", "LEFT", day(1), null, true),
				new Edge("C", "A", "LEFT", day(1), null, true), new Edge("D", "A", "LEFT", day(1), null));
		assertThat(TreeSweep.check(edges)).containsOnlyKeys(2);
	}

	private static Instant day(int day) {
		return Instant.parse("2026-01-01T00:00:00Z").plusSeconds(86_400L * day);
	}

}
