package io.treeline.graph;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class GenealogySnapshotTest {

	private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

	/**
	 * A (0) with B (1, LEFT) and E (4, RIGHT); B with C (2); C with D (3); F (5) a second
	 * root.
	 */
	private final GenealogySnapshot small = GenealogySnapshot.of(Tree.placement("binary"), NOW,
			new String[] { "A", "B", "C", "D", "E", "F" }, new int[] { -1, 0, 1, 2, 0, -1 },
			new byte[] { 0, 1, 0, 0, 2, 0 }, new boolean[] { true, false, true, true, true, true });

	@Test
	void putsEveryDownlineIntoOneContiguousPreorderRange() {
		List<String> preorder = new ArrayList<>();
		for (int i = 0; i < this.small.size(); i++) {
			preorder.add(this.small.number(this.small.atPreorder(i)).value());
		}
		assertThat(preorder).containsExactly("A", "B", "C", "D", "E", "F");
		assertThat(this.small.subtreeSize(0)).isEqualTo(5);
		assertThat(this.small.depth(3)).isEqualTo(3);
	}

	@Test
	void countsTeamActiveMembersDepthAndLegs() {
		TeamStats a = this.small.teamStats(0);
		assertThat(a.teamSize()).isEqualTo(4);
		assertThat(a.activeCount()).isEqualTo(3);
		assertThat(a.depth()).isEqualTo(3);
		assertThat(a.sizeOf(Leg.LEFT)).isEqualTo(3);
		assertThat(a.sizeOf(Leg.RIGHT)).isEqualTo(1);
		assertThat(this.small.teamStats(5)).isEqualTo(new TeamStats(PartnerNumber.of("F"), 0, 0, 0, Legs.none()));
	}

	@Test
	void pagesThroughADownlineInTreeOrderWithinALevelRange() {
		DownlinePage firstPage = this.small.downline(0, 1, 2, -1, 2);
		assertThat(firstPage.entries()).extracting((e) -> e.relative().partner().value()).containsExactly("B", "C");
		assertThat(firstPage.entries()).extracting((e) -> e.relative().level()).containsExactly(1, 2);
		assertThat(firstPage.totalCount()).isEqualTo(3);
		assertThat(firstPage.hasNextPage()).isTrue();
		DownlinePage secondPage = this.small.downline(0, 1, 2, firstPage.entries().get(1).position(), 2);
		assertThat(secondPage.entries()).extracting((e) -> e.relative().partner().value()).containsExactly("E");
		assertThat(secondPage.entries().get(0).relative().side()).isEqualTo(Leg.RIGHT);
		assertThat(secondPage.hasNextPage()).isFalse();
		assertThat(this.small.downline(0, 3, 3, -1, 10).entries()).extracting((e) -> e.relative().partner().value())
			.containsExactly("D");
	}

	@Test
	void walksTheUplineNearestFirst() {
		assertThat(Arrays.stream(this.small.upline(3)).mapToObj((id) -> this.small.number(id).value()))
			.containsExactly("C", "B", "A");
		assertThat(this.small.upline(0)).isEmpty();
	}

	@Test
	void answersForAChainOfAHundredThousandLevelsWithoutRecursion() {
		int n = 100_000;
		String[] numbers = new String[n];
		int[] parent = new int[n];
		for (int i = 0; i < n; i++) {
			numbers[i] = "C%06d".formatted(i);
			parent[i] = i - 1;
		}
		boolean[] active = new boolean[n];
		Arrays.fill(active, true);
		GenealogySnapshot chain = GenealogySnapshot.of(Tree.SPONSOR, NOW, numbers, parent, new byte[n], active);
		assertThat(chain.upline(n - 1)).hasSize(n - 1);
		TeamStats root = chain.teamStats(0);
		assertThat(root.teamSize()).isEqualTo(n - 1);
		assertThat(root.depth()).isEqualTo(n - 1);
		assertThat(root.activeCount()).isEqualTo(n - 1);
		assertThat(chain.teamStats(n / 2).teamSize()).isEqualTo(n - n / 2 - 1);
	}

	@Test
	void refusesACycle() {
		assertThatIllegalStateException()
			.isThrownBy(() -> GenealogySnapshot.of(Tree.SPONSOR, NOW, new String[] { "A", "B", "C" },
					new int[] { -1, 2, 1 }, new byte[3], new boolean[3]))
			.withMessageContaining("has a cycle: 2 partners cannot be reached from a root");
	}

	@ParameterizedTest
	@ValueSource(longs = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20 })
	void agreesWithABruteForceWalkOnGeneratedForests(long seed) {
		Random random = new Random(seed);
		int n = 1 + random.nextInt(400);
		int[] parent = new int[n];
		boolean[] active = new boolean[n];
		// parents point to partners created earlier, created in a shuffled order of ids
		int[] creationOrder = shuffled(n, random);
		Arrays.fill(parent, -1);
		for (int k = 1; k < n; k++) {
			if (random.nextInt(10) > 0) {
				parent[creationOrder[k]] = creationOrder[random.nextInt(k)];
			}
		}
		String[] numbers = new String[n];
		for (int id = 0; id < n; id++) {
			numbers[id] = "N%04d".formatted(id);
			active[id] = random.nextBoolean();
		}
		GenealogySnapshot snapshot = GenealogySnapshot.of(Tree.SPONSOR, NOW, numbers, parent, new byte[n], active);
		for (int id = 0; id < n; id++) {
			int size = 0;
			int activeBelow = 0;
			int deepest = 0;
			for (int other = 0; other < n; other++) {
				int levels = levelsBelow(parent, id, other);
				if (levels > 0) {
					size++;
					activeBelow += active[other] ? 1 : 0;
					deepest = Math.max(deepest, levels);
				}
			}
			TeamStats stats = snapshot.teamStats(id);
			assertThat(stats.teamSize()).isEqualTo(size);
			assertThat(stats.activeCount()).isEqualTo(activeBelow);
			assertThat(stats.depth()).isEqualTo(deepest);
			assertThat(stats.legs().all().stream().mapToInt(TeamStats.LegSize::size).sum()).isEqualTo(size);
			assertThat(snapshot.upline(id)).hasSize(levelsAboveRoot(parent, id));
			// a page of everyone over all levels is read from the preorder directly, and
			// is the page the walk through the whole team finds
			int after = random.nextInt(size + 2) - 1;
			int first = 1 + random.nextInt(5);
			for (int maxLevel : new int[] { deepest, Integer.MAX_VALUE }) {
				assertThat(snapshot.downline(id, 1, maxLevel, GenealogySnapshot.EVERYONE, DownlineOrder.TREE, after,
						first))
					.isEqualTo(snapshot.downline(id, 1, maxLevel, (member) -> true, DownlineOrder.TREE, after, first));
			}
		}
	}

	private static int levelsBelow(int[] parent, int top, int node) {
		int levels = 0;
		for (int current = node; current != -1; current = parent[current]) {
			if (current == top) {
				return levels;
			}
			levels++;
		}
		return -1;
	}

	private static int levelsAboveRoot(int[] parent, int node) {
		int levels = 0;
		for (int current = parent[node]; current != -1; current = parent[current]) {
			levels++;
		}
		return levels;
	}

	private static int[] shuffled(int n, Random random) {
		int[] ids = new int[n];
		for (int i = 0; i < n; i++) {
			ids[i] = i;
		}
		for (int i = n - 1; i > 0; i--) {
			int j = random.nextInt(i + 1);
			int swap = ids[i];
			ids[i] = ids[j];
			ids[j] = swap;
		}
		return ids;
	}

}
