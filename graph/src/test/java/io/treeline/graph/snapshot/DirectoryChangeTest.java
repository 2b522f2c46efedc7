package io.treeline.graph.snapshot;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.SplittableRandom;

import com.ibm.icu.text.CollationKey;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DirectoryChangeTest {

	private static final String[] LAST = { "Müller", "Mueller", "müller", "Muller", "Öztürk", "Oeztuerk", "Zander",
			"Åberg", "Aberg", "van der Berg", "Van der Berg", "Łukasiewicz", "Lukas", "", "Straße", "Strasse",
			"O'Neill", "ONeill", "Ähren", "Ahren" };

	private static final String[] FIRST = { "Anna", "anna", "Änne", "Jörg", "Joerg", "", "Zoë", "Zoe", "Élodie",
			"Elodie" };

	@Test
	void ranksNamesAsTheCollatorOrdersThemTiesByIdWithManyRepeatedNames() {
		SplittableRandom random = new SplittableRandom(20261127);
		for (int round = 0; round < 20; round++) {
			String[] names = new String[1 + random.nextInt(5_000)];
			for (int id = 0; id < names.length; id++) {
				String name = LAST[random.nextInt(LAST.length)] + "\u0000" + FIRST[random.nextInt(FIRST.length)];
				// the same name composed and decomposed: equal to the collator
				names[id] = random.nextBoolean() ? name : Normalizer.normalize(name, Normalizer.Form.NFD);
			}
			assertThat(DirectoryChange.nameRanks(names)).as("round %d", round).containsExactly(byComparison(names));
		}
	}

	@Test
	void ranksDistinctNamesAndNoNames() {
		String[] names = new String[2_000];
		for (int id = 0; id < names.length; id++) {
			names[id] = "Name " + Integer.toString((id * 7_919) % 2_000, 36) + "\u0000";
		}
		assertThat(DirectoryChange.nameRanks(names)).containsExactly(byComparison(names));
		assertThat(DirectoryChange.nameRanks(new String[0])).isEmpty();
	}

	/** The definition: sort the ids by collation key, then by id. */
	private static int[] byComparison(String[] names) {
		CollationKey[] keys = Arrays.stream(names)
			.map(DirectoryChange.NAMES::getCollationKey)
			.toArray(CollationKey[]::new);
		Integer[] ids = new Integer[names.length];
		Arrays.setAll(ids, (id) -> id);
		Arrays.sort(ids, (a, b) -> {
			int compared = keys[a].compareTo(keys[b]);
			return (compared != 0) ? compared : Integer.compare(a, b);
		});
		int[] ranks = new int[names.length];
		for (int rank = 0; rank < ids.length; rank++) {
			ranks[ids[rank]] = rank;
		}
		return ranks;
	}

}
