package io.treeline.graph.snapshot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import io.treeline.graph.GenealogySnapshot;
import io.treeline.graph.PartnerStatus;
import io.treeline.graph.TeamStats;
import io.treeline.graph.Tree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class TreeHistoryTest {

	private static final long SECOND = 1_000_000_000L;

	private static final long OPEN = Long.MAX_VALUE;

	/**
	 * Team statistics and uplines answered by walking the history equal those of the
	 * snapshot at the same instant, on random histories with moves, roll-ups, partners
	 * leaving the tree and instants exactly on edge boundaries.
	 */
	@ParameterizedTest
	@ValueSource(longs = { 1, 2, 3, 4, 5 })
	void answersAboutOnePartnerAsTheSnapshotAtTheSameInstantDoes(long seed) {
		Random random = new Random(seed);
		int n = 300;
		Edges edges = randomHistory(random, n);
		TreeHistory history = edges.history(n, random);
		List<Long> instants = instants(random, edges, n, 30);
		for (long t : instants) {
			Instant asOf = instant(t);
			GenealogySnapshot snapshot = history.at(asOf);
			for (int id = 0; id < n; id++) {
				assertThat(history.teamStats(id, asOf)).as("partner %d at %s", id, asOf)
					.isEqualTo(snapshot.teamStats(id));
				int[] upline = snapshot.upline(id);
				int[] walked = history.upline(id, asOf);
				assertThat(walked).hasSize(upline.length * 2);
				for (int level = 0; level < upline.length; level++) {
					assertThat(walked[2 * level]).isEqualTo(upline[level]);
					assertThat(GenealogySnapshot.leg((byte) walked[2 * level + 1]))
						.isEqualTo(snapshot.side(upline[level]));
				}
				int[] children = snapshot.children(id);
				int[] found = history.children(id, asOf);
				assertThat(found).as("children of %d at %s", id, asOf).hasSize(children.length * 2);
				for (int i = 0; i < children.length; i++) {
					assertThat(found[2 * i]).isEqualTo(children[i]);
					assertThat(GenealogySnapshot.leg((byte) found[2 * i + 1])).isEqualTo(snapshot.side(children[i]));
				}
			}
		}
	}

	/**
	 * A history patched by changes keeps the tree order it had and puts new partners
	 * after it: it answers as a history indexed afresh from all its edges does, and its
	 * walks as its own snapshots, also where the patch took away the only edges of an
	 * instant or added an edge to a partner it did not change.
	 */
	@ParameterizedTest
	@ValueSource(longs = { 1, 2, 3, 4, 5 })
	void answersAfterAPatchAsAHistoryIndexedAfreshDoes(long seed) {
		Random random = new Random(seed);
		int n = 300;
		int before = 250;
		Edges edges = randomHistory(random, n);
		GenealogySnapshot.Directory all = directory(n, random);
		GenealogySnapshot.Directory first = directory(before, new Random(seed));
		BitSet changed = new BitSet(n);
		changed.set(before, n);
		for (int i = 0; i < 30; i++) {
			changed.set(random.nextInt(before));
		}
		TreeHistory.Edges kept = new TreeHistory.Edges(16);
		TreeHistory.Edges patch = new TreeHistory.Edges(16);
		TreeHistory.Edges whole = new TreeHistory.Edges(16);
		Set<Long> instants = new HashSet<>();
		for (int e = 0; e < edges.count(); e++) {
			int c = edges.child.get(e);
			long from = edges.from.get(e);
			long to = edges.to.get(e);
			(changed.get(c) ? patch : kept).add(c, edges.parent.get(e), edges.side.get(e), from, to);
			whole.add(c, edges.parent.get(e), edges.side.get(e), from, to);
			instants.add(from);
			if (changed.get(c) && c < before) {
				// before the change, the partner was under the first partner, some a
				// nanosecond later: instants the patch takes away
				long shift = c % 2;
				kept.add(c, 0, (byte) 0, from + shift, (to != OPEN) ? to + shift : OPEN);
				instants.add(from + shift);
			}
		}
		int untouched = changed.nextClearBit(1);
		patch.add(untouched, 0, (byte) 0, 7 * SECOND, 7 * SECOND);
		whole.add(untouched, 0, (byte) 0, 7 * SECOND, 7 * SECOND);
		TreeHistory history = kept.history(Tree.SPONSOR, first).patched(all, changed, patch);
		TreeHistory fresh = whole.history(Tree.SPONSOR, all);
		List<Long> onBoundaries = new ArrayList<>(instants);
		Collections.sort(onBoundaries);
		for (int i = 0; i < 40; i++) {
			Instant asOf = instant((i % 2 == 0) ? onBoundaries.get(random.nextInt(onBoundaries.size()))
					: random.nextLong(n * 10L + 20) * SECOND);
			GenealogySnapshot snapshot = history.at(asOf);
			GenealogySnapshot expected = fresh.at(asOf);
			assertThat(snapshot.validFrom()).as("stretch at %s", asOf).isEqualTo(expected.validFrom());
			assertThat(snapshot.validThrough()).as("stretch at %s", asOf).isEqualTo(expected.validThrough());
			for (int id = 0; id < n; id++) {
				assertThat(snapshot.parent(id)).as("parent of %d at %s", id, asOf).isEqualTo(expected.parent(id));
				assertThat(snapshot.side(id)).isEqualTo(expected.side(id));
				assertThat(history.teamStats(id, asOf)).as("partner %d at %s", id, asOf)
					.isEqualTo(snapshot.teamStats(id))
					.isEqualTo(fresh.teamStats(id, asOf));
				assertThat(history.upline(id, asOf)).isEqualTo(fresh.upline(id, asOf));
			}
		}
	}

	/**
	 * The team blocks answer for every head as the walk does: size, active count, depth
	 * and legs in the walk's order, at random instants and exactly on edge boundaries, on
	 * random histories of three kinds: with many moves, like an organisation (most
	 * partners join once and stay, some move, some leave with or without their team
	 * rolled up), and with parents of any number so that the tree holds cycles at some
	 * instants, where both refuse.
	 */
	@ParameterizedTest
	@ValueSource(longs = { 1, 2, 3, 4, 5, 6, 7, 8, 9 })
	void teamBlocksAnswerForEveryHeadAsTheWalkDoes(long seed) {
		Random random = new Random(seed);
		int n = 400;
		Edges edges = switch ((int) (seed % 3)) {
			case 0 -> randomHistory(random, n);
			case 1 -> organisationHistory(random, n);
			default -> cyclicHistory(random, n);
		};
		TreeHistory history = edges.history(n, random);
		TeamBlocks blocks = history.blocks();
		assertThat(blocks.heads()).isLessThan(n);
		List<Long> instants = instants(random, edges, n, 30);
		int compared = 0;
		for (long t : instants) {
			compared += assertEveryHeadAsTheWalk(history, blocks, instant(t));
		}
		assertThat(compared).isGreaterThan(instants.size());
	}

	/**
	 * A patched history builds its own blocks, which answer as its walk does, where the
	 * patch moved partners and added new ones.
	 */
	@ParameterizedTest
	@ValueSource(longs = { 1, 2, 3 })
	void teamBlocksOfAPatchedHistoryAnswerAsItsWalkDoes(long seed) {
		Random random = new Random(seed);
		int n = 400;
		int before = 350;
		Edges edges = organisationHistory(random, n);
		BitSet changed = new BitSet(n);
		changed.set(before, n);
		for (int i = 0; i < 20; i++) {
			changed.set(1 + random.nextInt(before - 1));
		}
		TreeHistory.Edges kept = new TreeHistory.Edges(16);
		TreeHistory.Edges patch = new TreeHistory.Edges(16);
		for (int e = 0; e < edges.count(); e++) {
			int c = edges.child.get(e);
			(changed.get(c) ? patch : kept).add(c, edges.parent.get(e), edges.side.get(e), edges.from.get(e),
					edges.to.get(e));
		}
		TreeHistory history = kept.history(Tree.SPONSOR, directory(before, new Random(seed)))
			.patched(directory(n, new Random(seed)), changed, patch);
		TeamBlocks blocks = history.blocks();
		for (int i = 0; i < 40; i++) {
			assertEveryHeadAsTheWalk(history, blocks, instant(random.nextLong(n * 10L + 100) * SECOND));
		}
	}

	/**
	 * A patch that adds partners and moves some carries the blocks over for the instants
	 * before the first it changed: questions then are answered from them, later ones by
	 * walking, all as the walk answers. A patch that changes whether a partner is active
	 * drops them, since that counts at every instant.
	 */
	@ParameterizedTest
	@ValueSource(longs = { 1, 2, 3 })
	void patchCarriesTheBlocksOverForTheInstantsBeforeItsChanges(long seed) {
		Random random = new Random(seed);
		int n = 400;
		int before = 370;
		long moved = 2_000 * SECOND;
		Edges edges = organisationHistory(random, n);
		TreeHistory.Edges kept = new TreeHistory.Edges(16);
		TreeHistory.Edges patch = new TreeHistory.Edges(16);
		BitSet changed = new BitSet(n);
		changed.set(before, n);
		BitSet movers = new BitSet(n);
		for (int e = 0; e < edges.count(); e++) {
			int c = edges.child.get(e);
			if (c < before && c % 50 == 7 && edges.to.get(e) == OPEN && edges.from.get(e) < moved) {
				movers.set(c);
				changed.set(c);
			}
		}
		for (int e = 0; e < edges.count(); e++) {
			int c = edges.child.get(e);
			long to = edges.to.get(e);
			if (movers.get(c) && to == OPEN) {
				patch.add(c, edges.parent.get(e), edges.side.get(e), edges.from.get(e), moved);
				patch.add(c, 0, (byte) 0, moved, OPEN);
			}
			else if (changed.get(c)) {
				patch.add(c, edges.parent.get(e), edges.side.get(e), edges.from.get(e), to);
			}
			if (c < before) {
				kept.add(c, edges.parent.get(e), edges.side.get(e), edges.from.get(e), to);
			}
		}
		TreeHistory earlier = kept.history(Tree.SPONSOR, directory(before, new Random(seed)));
		earlier.blocks();
		TreeHistory history = earlier.patched(directory(n, new Random(seed)), changed, patch);
		assertThat(movers.cardinality()).isGreaterThan(2);
		assertThat(history.indexedUntil()).isEqualTo(moved);
		List<Long> instants = new ArrayList<>(List.of(moved - 1, moved, moved + 1));
		for (int i = 0; i < 60; i++) {
			instants.add(random.nextLong(n * 20L) * SECOND);
		}
		for (long t : instants) {
			Instant asOf = instant(t);
			for (int id = 0; id < n; id++) {
				assertThat(history.teamStats(id, asOf)).as("partner %d at %s", id, asOf)
					.isEqualTo(history.walk(id, asOf));
			}
		}
		GenealogySnapshot.Directory statuses = directory(n, new Random(seed));
		PartnerStatus[] changedStatus = new PartnerStatus[n];
		for (int id = 0; id < n; id++) {
			changedStatus[id] = statuses.status(id);
		}
		changedStatus[3] = (changedStatus[3] == PartnerStatus.ACTIVE) ? PartnerStatus.TERMINATED : PartnerStatus.ACTIVE;
		String[] numbers = new String[n];
		int[] nameRank = new int[n];
		for (int id = 0; id < n; id++) {
			numbers[id] = statuses.number(id);
			nameRank[id] = n - 1 - id;
		}
		TreeHistory restated = earlier
			.patched(new GenealogySnapshot.Directory(numbers, changedStatus, new long[n], nameRank), changed, patch);
		assertThat(restated.indexedUntil()).isEqualTo(Long.MIN_VALUE);
		changedStatus[3] = statuses.status(3);
		changedStatus[n - 1] = (changedStatus[n - 1] == PartnerStatus.ACTIVE) ? PartnerStatus.TERMINATED
				: PartnerStatus.ACTIVE;
		TreeHistory newcomerRestated = earlier
			.patched(new GenealogySnapshot.Directory(numbers, changedStatus, new long[n], nameRank), changed, patch);
		assertThat(newcomerRestated.indexedUntil()).as("a new partner's status counts only from its join")
			.isEqualTo(moved);
		TreeHistory unchanged = history.patched(directory(n, new Random(seed)), movers, edgesOf(history, movers));
		assertThat(unchanged.indexedUntil()).as("a patch that changes nothing").isEqualTo(moved);
	}

	/**
	 * Blocks built on a history after a patch was made of it are handed on to the newer
	 * histories for the instants before the patch's changes, and blocks the newest builds
	 * itself answer for every instant.
	 */
	@Test
	void blocksBuiltAfterAPatchAreHandedOnToTheNewerHistory() {
		Random random = new Random(5);
		int n = 400;
		Edges edges = organisationHistory(random, n);
		TreeHistory earlier = edges.history(n, random);
		long moved = 9_000 * SECOND;
		int mover = 100;
		while (edges.child.indexOf(mover) != edges.child.lastIndexOf(mover)
				|| edges.to.get(edges.child.indexOf(mover)) != OPEN) {
			mover++;
		}
		int e = edges.child.indexOf(mover);
		BitSet changed = new BitSet(n);
		changed.set(mover);
		TreeHistory.Edges moving = new TreeHistory.Edges(4);
		moving.add(mover, edges.parent.get(e), edges.side.get(e), edges.from.get(e), moved);
		moving.add(mover, 1, (byte) 0, moved, OPEN);
		TreeHistory later = earlier.patched(earlier.directory(), changed, moving);
		TreeHistory latest = later.patched(later.directory(), new BitSet(n), new TreeHistory.Edges(1));
		assertThat(latest.indexedUntil()).isEqualTo(Long.MIN_VALUE);
		earlier.blocks();
		assertThat(later.indexedUntil()).isEqualTo(moved);
		assertThat(latest.indexedUntil()).isEqualTo(moved);
		for (long t : new long[] { moved - 1, moved, 2 * moved }) {
			assertThat(latest.teamStats(0, instant(t))).isEqualTo(latest.walk(0, instant(t)));
		}
		latest.blocks();
		assertThat(latest.indexedUntil()).isEqualTo(Long.MAX_VALUE);
	}

	/** The edges of some partners in a history, as a patch gives them. */
	private static TreeHistory.Edges edgesOf(TreeHistory history, BitSet partners) {
		TreeHistory.Edges edges = new TreeHistory.Edges(16);
		for (int c = partners.nextSetBit(0); c >= 0; c = partners.nextSetBit(c + 1)) {
			history.edgesOf(c, edges);
		}
		return edges;
	}

	/**
	 * The root of a large organisation is answered from the blocks once a walk over its
	 * team has built them, with the walk's answers.
	 */
	@Test
	void largeTeamIsAnsweredFromTheBlocksOnceAWalkBuiltThem() throws InterruptedException {
		Random random = new Random(11);
		int n = TreeHistory.INDEX_FROM + 20_000;
		Edges edges = organisationHistory(random, n);
		TreeHistory history = edges.history(n, random);
		Instant asOf = instant(n * 10L * SECOND);
		TeamStats walked = history.walk(0, asOf);
		assertThat(walked.teamSize()).isGreaterThanOrEqualTo(TreeHistory.INDEX_FROM);
		assertThat(history.teamStats(0, asOf)).isEqualTo(walked);
		long waited = System.nanoTime();
		while (history.indexedUntil() != Long.MAX_VALUE && System.nanoTime() - waited < 60_000_000_000L) {
			Thread.sleep(20);
		}
		assertThat(history.indexedUntil()).as("built in the background after the walk").isEqualTo(Long.MAX_VALUE);
		TeamBlocks blocks = history.blocks();
		assertThat(blocks.pays(0)).isTrue();
		assertThat(blocks.heads()).isLessThan(n / 8);
		for (int i = 0; i < 20; i++) {
			Instant at = instant(random.nextLong(n * 10L + 100) * SECOND);
			assertThat(history.teamStats(0, at)).isEqualTo(history.walk(0, at));
		}
	}

	/**
	 * A large team of a partner with one edge is walked without asking for blocks, which
	 * would not answer for it; the same team's top, without an edge, asks for them.
	 */
	@Test
	void walkOverALargeTeamAsksForBlocksOnlyWhereTheyMightAnswer() {
		Edges edges = new Edges();
		int n = TreeHistory.INDEX_FROM + 10;
		for (int c = 1; c < n; c++) {
			edges.add(c, c - 1, 0, c * SECOND, OPEN);
		}
		TreeHistory history = edges.history(n, new Random(1));
		Instant asOf = instant(n * SECOND);
		assertThat(history.teamStats(1, asOf).teamSize()).isEqualTo(n - 2);
		assertThat(history.indexingAsked()).isFalse();
		assertThat(history.teamStats(0, asOf).teamSize()).isEqualTo(n - 1);
		assertThat(history.indexingAsked()).isTrue();
	}

	@Test
	void teamBlocksRefuseACycleAsTheWalkDoes() {
		Edges edges = new Edges();
		edges.add(1, 0, 0, 10 * SECOND, OPEN);
		edges.add(0, 1, 0, 10 * SECOND, OPEN);
		edges.add(2, 1, 0, 10 * SECOND, OPEN);
		TreeHistory history = edges.history(3, new Random(1));
		TeamBlocks blocks = history.blocks();
		Instant at = Instant.ofEpochSecond(15);
		int head = blocks.isHead(0) ? 0 : 1;
		assertThatIllegalStateException().isThrownBy(() -> history.walk(head, at)).withMessageContaining("has a cycle");
		assertThatIllegalStateException().isThrownBy(() -> history.teamStats(blocks, head, at))
			.withMessageContaining("has a cycle");
		assertThat(history.teamStats(blocks, head, Instant.ofEpochSecond(5)).teamSize()).isZero();
	}

	/**
	 * A partner that moves below a head the first walk met after it hangs forward: the
	 * sweep against the walk's order passes it before that head, and it is joined
	 * afterwards, with the leg below it.
	 */
	@Test
	void teamBlocksCountAHeadThatMovedBelowAHeadMetAfterIt() {
		Edges edges = new Edges();
		edges.add(1, 0, 0, 10 * SECOND, OPEN);
		edges.add(3, 1, 0, 10 * SECOND, 20 * SECOND);
		edges.add(3, 2, 0, 20 * SECOND, OPEN);
		edges.add(4, 3, 0, 10 * SECOND, OPEN);
		edges.add(5, 2, 0, 10 * SECOND, OPEN);
		TreeHistory history = edges.history(6, new Random(1));
		TeamBlocks blocks = history.blocks();
		assertThat(blocks.isHead(0) && blocks.isHead(2) && blocks.isHead(3)).isTrue();
		Instant before = Instant.ofEpochSecond(15);
		Instant after = Instant.ofEpochSecond(25);
		TeamStats secondRoot = history.teamStats(blocks, 2, after);
		assertThat(secondRoot.teamSize()).isEqualTo(3);
		assertThat(secondRoot.depth()).isEqualTo(2);
		assertThat(secondRoot.legs().all()).extracting(TeamStats.LegSize::size).containsExactly(2, 1);
		assertThat(history.teamStats(blocks, 0, after).teamSize()).isEqualTo(1);
		assertThat(history.teamStats(blocks, 0, before).teamSize()).isEqualTo(3);
		assertThat(history.teamStats(blocks, 0, before).depth()).isEqualTo(3);
		assertThat(history.teamStats(blocks, 2, before).teamSize()).isEqualTo(1);
		for (Instant at : new Instant[] { before, after }) {
			assertEveryHeadAsTheWalk(history, blocks, at);
		}
	}

	/**
	 * A head joined forward below a head that hangs directly below the asked partner adds
	 * to that head's leg: inside one of the asked partner's legs, or as a leg of its own.
	 */
	@ParameterizedTest
	@ValueSource(ints = { 0, 1 })
	void teamBlocksAddAHeadJoinedForwardToTheLegItHangsIn(int top) {
		Edges edges = new Edges();
		edges.add(1, 0, 0, 10 * SECOND, OPEN);
		edges.add(3, top, 0, 10 * SECOND, 15 * SECOND);
		edges.add(3, top, 0, 15 * SECOND, OPEN);
		edges.add(2, top, 0, 10 * SECOND, 20 * SECOND);
		edges.add(2, 3, 0, 20 * SECOND, OPEN);
		edges.add(4, 2, 0, 10 * SECOND, OPEN);
		TreeHistory history = edges.history(5, new Random(1));
		TeamBlocks blocks = history.blocks();
		Instant after = Instant.ofEpochSecond(25);
		TeamStats team = history.teamStats(blocks, 0, after);
		assertThat(team.teamSize()).isEqualTo(4);
		assertThat(team.depth()).isEqualTo(3 + top);
		assertThat(team.legs().all()).extracting(TeamStats.LegSize::size)
			.containsExactly((top == 1) ? new Integer[] { 4 } : new Integer[] { 3, 1 });
		for (Instant at : new Instant[] { Instant.ofEpochSecond(12), Instant.ofEpochSecond(17), after }) {
			assertEveryHeadAsTheWalk(history, blocks, at);
		}
	}

	/**
	 * Asserts that the blocks answer for every head at an instant as the walk does.
	 * @return how many heads were compared
	 */
	private static int assertEveryHeadAsTheWalk(TreeHistory history, TeamBlocks blocks, Instant asOf) {
		int compared = 0;
		for (int id = 0; id < history.directory().size(); id++) {
			if (blocks.isHead(id)) {
				assertSameTeam(history, blocks, id, asOf);
				compared++;
			}
		}
		return compared;
	}

	private static void assertSameTeam(TreeHistory history, TeamBlocks blocks, int id, Instant asOf) {
		TeamStats walked;
		try {
			walked = history.walk(id, asOf);
		}
		catch (IllegalStateException ex) {
			assertThatIllegalStateException().as("partner %d at %s", id, asOf)
				.isThrownBy(() -> history.teamStats(blocks, id, asOf))
				.withMessage(ex.getMessage());
			return;
		}
		assertThat(history.teamStats(blocks, id, asOf)).as("partner %d at %s", id, asOf).isEqualTo(walked);
	}

	/**
	 * The union of a history's edges may hold a cycle (two partners each under the other
	 * at different times): the tree order still numbers everyone once.
	 */
	@Test
	void walksAHistoryWhoseEdgesTogetherFormACycle() {
		Edges edges = new Edges();
		edges.add(1, 0, 0, 10 * SECOND, 20 * SECOND);
		edges.add(0, 1, 0, 20 * SECOND, OPEN);
		edges.add(2, 1, 0, 10 * SECOND, OPEN);
		TreeHistory history = edges.history(3, new Random(1));
		assertThat(history.teamStats(0, Instant.ofEpochSecond(15)).teamSize()).isEqualTo(2);
		assertThat(history.teamStats(1, Instant.ofEpochSecond(15)).teamSize()).isEqualTo(1);
		assertThat(history.teamStats(0, Instant.ofEpochSecond(25)).teamSize()).isZero();
		assertThat(history.teamStats(1, Instant.ofEpochSecond(25)).teamSize()).isEqualTo(2);
		assertThat(history.teamStats(1, Instant.ofEpochSecond(25)).depth()).isEqualTo(1);
	}

	/**
	 * A snapshot holds for the whole stretch between two edge boundaries that it names:
	 * the tree at any instant of the stretch equals it, and the stretch ends where an
	 * edge starts or ends, on random histories.
	 */
	@ParameterizedTest
	@ValueSource(longs = { 1, 2, 3, 4, 5 })
	void snapshotNamesTheStretchOfHistoryItHoldsFor(long seed) {
		Random random = new Random(seed);
		int n = 300;
		Edges edges = randomHistory(random, n);
		TreeHistory history = edges.history(n, random);
		Set<Long> boundaries = new HashSet<>(edges.from);
		boundaries.addAll(edges.to);
		for (int i = 0; i < 60; i++) {
			long t = (i < 20) ? edges.from.get(random.nextInt(edges.count())) - random.nextInt(2)
					: random.nextLong(n * 10L + 20) * SECOND;
			GenealogySnapshot snapshot = history.at(instant(t));
			long from;
			if (snapshot.validFrom().equals(Instant.MIN)) {
				assertThat(boundaries).allMatch((boundary) -> boundary > t);
				from = t - SECOND;
			}
			else {
				from = nanos(snapshot.validFrom());
				assertThat(boundaries).contains(from);
			}
			long through;
			if (snapshot.validThrough().equals(Instant.MAX)) {
				assertThat(boundaries).allMatch((boundary) -> boundary <= t || boundary == OPEN);
				through = t + SECOND;
			}
			else {
				through = nanos(snapshot.validThrough());
				assertThat(boundaries).contains(through + 1);
			}
			assertThat(from).isLessThanOrEqualTo(t);
			assertThat(through).isGreaterThanOrEqualTo(t);
			assertThat(boundaries).noneMatch((boundary) -> boundary > from && boundary <= through);
			for (long at : new long[] { from, through, from + random.nextLong(through - from + 1) }) {
				GenealogySnapshot same = history.at(instant(at));
				for (int id = 0; id < n; id++) {
					assertThat(same.parent(id)).as("parent of %d at %d", id, at).isEqualTo(snapshot.parent(id));
					assertThat(same.side(id)).isEqualTo(snapshot.side(id));
				}
			}
		}
	}

	/**
	 * Random instants over a history, and instants on the boundaries of random edges and
	 * a nanosecond before them.
	 */
	private static List<Long> instants(Random random, Edges edges, int n, int count) {
		List<Long> instants = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			instants.add(random.nextLong(n * 10L + 100) * SECOND);
		}
		for (int i = 0; i < count; i++) {
			int e = random.nextInt(edges.count());
			instants.add(edges.from.get(e));
			instants.add(edges.from.get(e) - 1);
			if (edges.to.get(e) != OPEN) {
				instants.add(edges.to.get(e));
				instants.add(edges.to.get(e) - 1);
			}
		}
		return instants;
	}

	private static Instant instant(long nanos) {
		return Instant.ofEpochSecond(Math.floorDiv(nanos, SECOND), Math.floorMod(nanos, SECOND));
	}

	private static long nanos(Instant instant) {
		return TreeHistory.nanos(instant);
	}

	@Test
	void refusesTwoEdgesOfOnePartnerThatOverlapInTime() {
		Edges edges = new Edges();
		edges.add(1, 0, 0, 10 * SECOND, 30 * SECOND);
		edges.add(1, 2, 0, 20 * SECOND, OPEN);
		assertThatIllegalStateException().isThrownBy(() -> edges.history(3, new Random(1)))
			.withMessageContaining("P-00001 has two parents")
			.withMessageContaining("1970-01-01T00:00:20Z");
	}

	@Test
	void ignoresAnEdgeThatEndedTheInstantItStarted() {
		Edges edges = new Edges();
		edges.add(1, 0, 0, 10 * SECOND, OPEN);
		edges.add(1, 2, 0, 20 * SECOND, 20 * SECOND);
		TreeHistory history = edges.history(3, new Random(1));
		Instant at = Instant.ofEpochSecond(20);
		assertThat(history.upline(1, at)).containsExactly(0, 0);
		assertThat(history.teamStats(0, at).teamSize()).isEqualTo(1);
		assertThat(history.teamStats(2, at).teamSize()).isZero();
		assertThat(history.at(at).parent(1)).isZero();
	}

	/**
	 * Partner {@code i} joins at second {@code 10 i} under a partner with a smaller id,
	 * so the tree is a forest at every instant; then some partners move (to another
	 * smaller id), roll up to their grandparent or leave the tree.
	 */
	private static Edges randomHistory(Random random, int n) {
		Edges edges = new Edges();
		for (int c = 1; c < n; c++) {
			if (random.nextInt(10) == 0) {
				continue;
			}
			long from = c * 10L * SECOND;
			int parent = random.nextInt(c);
			while (random.nextInt(3) == 0) {
				long to = from + (1 + random.nextInt(50)) * SECOND;
				edges.add(c, parent, random.nextInt(3), from, to);
				if (random.nextInt(4) == 0) {
					from = to + random.nextInt(3) * SECOND;
				}
				else {
					from = to;
				}
				parent = random.nextInt(c);
			}
			edges.add(c, parent, random.nextInt(3), from, random.nextBoolean() ? OPEN : from + 5 * SECOND);
		}
		return edges;
	}

	/**
	 * Like an organisation: partner {@code i} joins at second {@code 10 i} under a
	 * partner with a smaller id and mostly stays. One in twenty moves once to another
	 * smaller id; one in thirty leaves, and then its direct partners either roll up to
	 * its parent at that instant or (one in three) keep an edge to it; one in forty is
	 * placed on a side of its parent; one in twenty-five also has an edge that ended the
	 * instant it started.
	 */
	private static Edges organisationHistory(Random random, int n) {
		long[] leaves = new long[n];
		Arrays.fill(leaves, OPEN);
		int[] parentOf = new int[n];
		long[] since = new long[n];
		List<List<Integer>> children = new ArrayList<>();
		for (int c = 0; c < n; c++) {
			children.add(new ArrayList<>());
		}
		Edges edges = new Edges();
		for (int c = 1; c < n; c++) {
			parentOf[c] = random.nextInt(c);
			since[c] = c * 10L * SECOND;
			children.get(parentOf[c]).add(c);
		}
		for (int c = 1; c < n; c++) {
			if (random.nextInt(20) == 0) {
				long at = since[c] + (1 + random.nextInt(n * 10)) * SECOND;
				edges.add(c, parentOf[c], 0, since[c], at);
				parentOf[c] = random.nextInt(c);
				since[c] = at;
			}
			if (random.nextInt(30) == 0) {
				leaves[c] = since[c] + (1 + random.nextInt(n * 10)) * SECOND;
			}
		}
		for (int c = 1; c < n; c++) {
			if (random.nextInt(25) == 0) {
				long at = since[c] + random.nextInt(n * 10) * SECOND;
				edges.add(c, random.nextInt(c), 0, at, at);
			}
			int side = (random.nextInt(40) == 0) ? 1 + random.nextInt(2) : 0;
			long end = leaves[c];
			int p = parentOf[c];
			if (leaves[p] != OPEN && leaves[p] < end && since[c] < leaves[p] && random.nextInt(3) != 0) {
				edges.add(c, p, side, since[c], leaves[p]);
				edges.add(c, (parentOf[p] < p) ? parentOf[p] : 0, side, leaves[p], end);
			}
			else {
				edges.add(c, p, side, since[c], end);
			}
		}
		return edges;
	}

	/**
	 * Partners under parents of any number, each edge a while after the last: the union
	 * of the edges and the tree at some instants hold cycles.
	 */
	private static Edges cyclicHistory(Random random, int n) {
		Edges edges = new Edges();
		for (int c = 0; c < n; c++) {
			if (random.nextInt(8) == 0) {
				continue;
			}
			long from = random.nextInt(n * 10) * SECOND;
			for (int k = random.nextInt(3); k >= 0; k--) {
				int p = random.nextInt(n);
				if (p == c) {
					continue;
				}
				long to = (k == 0 && random.nextBoolean()) ? OPEN : from + (1 + random.nextInt(100)) * SECOND;
				edges.add(c, p, random.nextInt(3), from, to);
				if (to == OPEN) {
					break;
				}
				from = to + random.nextInt(2) * SECOND;
			}
		}
		return edges;
	}

	/**
	 * Partners {@code P-00000} on with random statuses: the first {@code n} of the same
	 * random sequence are the same.
	 */
	private static GenealogySnapshot.Directory directory(int n, Random random) {
		String[] numbers = new String[n];
		PartnerStatus[] statuses = new PartnerStatus[n];
		int[] nameRank = new int[n];
		for (int id = 0; id < n; id++) {
			numbers[id] = String.format((n > 100_000) ? "P-%07d" : "P-%05d", id);
			statuses[id] = PartnerStatus.values()[random.nextInt(PartnerStatus.values().length)];
			nameRank[id] = n - 1 - id;
		}
		return new GenealogySnapshot.Directory(numbers, statuses, new long[n], nameRank);
	}

	private static final class Edges {

		private final List<Integer> child = new ArrayList<>();

		private final List<Integer> parent = new ArrayList<>();

		private final List<Byte> side = new ArrayList<>();

		private final List<Long> from = new ArrayList<>();

		private final List<Long> to = new ArrayList<>();

		void add(int c, int p, int s, long validFrom, long validTo) {
			this.child.add(c);
			this.parent.add(p);
			this.side.add((byte) s);
			this.from.add(validFrom);
			this.to.add(validTo);
		}

		int count() {
			return this.child.size();
		}

		/** The edges in a shuffled order: the history sorts them itself. */
		TreeHistory history(int n, Random random) {
			Integer[] order = new Integer[count()];
			Arrays.setAll(order, (i) -> i);
			Collections.shuffle(Arrays.asList(order), random);
			int[] c = new int[order.length];
			int[] p = new int[order.length];
			byte[] s = new byte[order.length];
			long[] f = new long[order.length];
			long[] t = new long[order.length];
			for (int i = 0; i < order.length; i++) {
				c[i] = this.child.get(order[i]);
				p[i] = this.parent.get(order[i]);
				s[i] = this.side.get(order[i]);
				f[i] = this.from.get(order[i]);
				t[i] = this.to.get(order[i]);
			}
			return new TreeHistory(Tree.placement("binary"), directory(n, random), c, p, s, f, t);
		}

	}

}
