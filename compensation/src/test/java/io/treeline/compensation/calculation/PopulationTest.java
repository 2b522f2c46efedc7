package io.treeline.compensation.calculation;

import java.util.Arrays;

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
		String[] numbers = new String[50_001];
		for (int i = 0; i < numbers.length; i++) {
			numbers[i] = (i % 2 == 0) ? "P-" + (i * 1024) : "B-" + Integer.toString(i, 36);
		}
		Population population = new Population(numbers);
		String[] asked = new String[numbers.length + 3];
		for (int i = 0; i < numbers.length; i++) {
			asked[i] = new String(numbers[(i * 7919) % numbers.length]);
		}
		asked[numbers.length] = "P-1";
		asked[numbers.length + 1] = "";
		asked[numbers.length + 2] = numbers[0];
		int[] ids = new int[asked.length + 1];
		ids[asked.length] = 42;

		population.ids(asked, asked.length, ids);

		for (int k = 0; k < asked.length; k++) {
			assertThat(ids[k]).as(asked[k]).isEqualTo(population.id(asked[k]));
		}
		assertThat(ids[numbers.length]).isEqualTo(-1);
		assertThat(ids[asked.length]).as("beyond the count").isEqualTo(42);
		population.ids(asked, 0, ids);
		new Population(new String[0]).ids(asked, 2, ids);
		assertThat(ids).startsWith(-1, -1);
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
