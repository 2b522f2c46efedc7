package io.treeline.compensation.calculation;

import java.util.Arrays;
import java.util.SplittableRandom;

import io.treeline.graph.PartnerNumber;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The population's own table of ids (ADR 0023) finds every partner and no other. */
class PopulationTest {

	@Test
	void findsEveryPartnerByNumber() {
		String[] numbers = new String[100_003];
		for (int i = 0; i < numbers.length; i++) {
			// numbers whose hashes collide in their low bits, and ordinary ones
			numbers[i] = (i % 2 == 0) ? "P-" + (i * 1024) : "B-" + Integer.toString(i, 36);
		}
		Population population = new Population(numbers);

		assertThat(population.size()).isEqualTo(numbers.length);
		for (int id = 0; id < numbers.length; id++) {
			assertThat(population.id(new String(numbers[id]))).isEqualTo(id);
			assertThat(population.number(id)).isEqualTo(numbers[id]);
		}
		assertThat(population.id("P-1")).isEqualTo(-1);
		assertThat(population.id("")).isEqualTo(-1);
		assertThat(population.id(PartnerNumber.of("P-2048"))).isEqualTo(2);
		int[] byNumber = population.idsByNumber();
		String[] sorted = numbers.clone();
		Arrays.sort(sorted);
		for (int i = 0; i < sorted.length; i++) {
			assertThat(numbers[byNumber[i]]).isEqualTo(sorted[i]);
		}
	}

	@Test
	void findsManyPartnersAtOnceAsOneByOne() {
		// "Aa", "BB" and "C#" have the same hash: of two partners that share a first
		// slot, one is found by probing further, and "C#-" numbers of no partner meet
		// both on their way
		String[] numbers = new String[60_000];
		for (int i = 0; i < numbers.length; i++) {
			numbers[i] = switch (i % 3) {
				case 0 -> "Aa-" + i / 3;
				case 1 -> "BB-" + i / 3;
				default -> "B-" + Integer.toString(i, 36);
			};
		}
		Population population = new Population(numbers);
		SplittableRandom random = new SplittableRandom(7);
		String[] asked = new String[1000];
		int[] ids = new int[asked.length + 1];
		int unknown = 0;
		for (int round = 0; round < 200; round++) {
			int count = random.nextInt(asked.length + 1);
			for (int j = 0; j < count; j++) {
				// partners of the population (as new strings, as a database row gives
				// them), and numbers of no partner
				int pick = random.nextInt(numbers.length + numbers.length / 10);
				asked[j] = (pick < numbers.length) ? new String(numbers[pick]) : "C#-" + pick / 3;
			}
			Arrays.fill(ids, -2);
			population.ids(asked, count, ids);
			for (int j = 0; j < count; j++) {
				int id = population.id(asked[j]);
				assertThat(ids[j]).as(asked[j]).isEqualTo(id);
				assertThat((id < 0) ? asked[j] : population.number(id)).isEqualTo(asked[j]);
				unknown += (id < 0) ? 1 : 0;
			}
			assertThat(ids[count]).as("after the last number asked").isEqualTo(-2);
		}
		assertThat(unknown).isPositive();
	}

	@Test
	void sortsByNumberWhetherTheIdsFollowTheNumbersOrNot() {
		String[] inOrder = { "P-1", "P-10", "P-2", "Q-1" };
		assertThat(new Population(inOrder).idsByNumber()).containsExactly(0, 1, 2, 3);
		String[] almost = { "P-1", "P-2", "P-10", "Q-1" };
		assertThat(new Population(almost).idsByNumber()).containsExactly(0, 2, 1, 3);
		assertThat(new Population(new String[] { "P-1" }).idsByNumber()).containsExactly(0);
		assertThat(new Population(new String[0]).idsByNumber()).isEmpty();
	}

	@Test
	void refusesAPartnerTwice() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Population(new String[] { "P-1", "P-2", "P-1" }))
			.withMessage("Partner P-1 appears twice");
	}

	@Test
	void holdsNoOne() {
		Population empty = new Population(new String[0]);
		assertThat(empty.size()).isZero();
		assertThat(empty.id("P-1")).isEqualTo(-1);
	}

}
