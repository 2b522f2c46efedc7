package io.treeline.graph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LegsTest {

	@Test
	void putsTheLargestFirstAndKeepsEqualSizesInTheOrderAdded() {
		Legs legs = legs(new int[] { 3, 7, 3, 1, 7 });
		assertThat(legs.all()).extracting(TeamStats.LegSize::child)
			.extracting(PartnerNumber::value)
			.containsExactly("P-1", "P-4", "P-0", "P-2", "P-3");
		assertThat(legs.count()).isEqualTo(5);
	}

	@Test
	void selectsTheLargestFewAsASortOfAllWouldList() {
		SplittableRandom random = new SplittableRandom(31);
		for (int round = 0; round < 200; round++) {
			int[] sizes = new int[random.nextInt(0, 300)];
			for (int i = 0; i < sizes.length; i++) {
				// few distinct sizes, so that ties are common
				sizes[i] = random.nextInt(1, 20);
			}
			List<TeamStats.LegSize> sorted = new ArrayList<>(legs(sizes).all());
			assertThat(sorted).isSortedAccordingTo(Comparator.comparingInt(TeamStats.LegSize::size).reversed());
			for (int limit : new int[] { 0, 1, 5, 64, 65, 400 }) {
				// a fresh instance each time, so that the selection runs, not the cached
				// sort
				assertThat(legs(sizes).largest(limit)).as("limit %d of %d", limit, sizes.length)
					.isEqualTo(sorted.subList(0, Math.min(limit, sizes.length)));
			}
		}
	}

	@Test
	void sumsEachBinarySideWithoutListingTheLegs() {
		Legs legs = new Legs.Builder(1).add(0, Leg.LEFT, 4)
			.add(1, Leg.RIGHT, 2)
			.add(2, Leg.LEFT, 1)
			.build((id) -> PartnerNumber.of("P-" + id));
		assertThat(legs.sizeOf(Leg.LEFT)).isEqualTo(5);
		assertThat(legs.sizeOf(Leg.RIGHT)).isEqualTo(2);
		assertThat(Legs.none().sizeOf(Leg.LEFT)).isZero();
		assertThat(Legs.none().all()).isEmpty();
	}

	@Test
	void equalsLegsOfTheSameChildrenAndSizesHoweverBuilt() {
		Legs built = legs(new int[] { 2, 5 });
		Legs listed = Legs.of(List.of(new TeamStats.LegSize(PartnerNumber.of("P-0"), null, 2),
				new TeamStats.LegSize(PartnerNumber.of("P-1"), null, 5)));
		assertThat(built).isEqualTo(listed).hasSameHashCodeAs(listed);
		assertThat(built).isNotEqualTo(legs(new int[] { 2, 4 }));
	}

	@Test
	void refusesANegativeLimit() {
		assertThatIllegalArgumentException().isThrownBy(() -> legs(new int[] { 1 }).largest(-1))
			.withMessage("The number of legs must not be negative, was -1");
	}

	private static Legs legs(int[] sizes) {
		Legs.Builder builder = new Legs.Builder(0);
		for (int i = 0; i < sizes.length; i++) {
			builder.add(i, null, sizes[i]);
		}
		return builder.build((id) -> PartnerNumber.of("P-" + id));
	}

}
