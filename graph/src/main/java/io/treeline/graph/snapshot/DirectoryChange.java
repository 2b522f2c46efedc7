package io.treeline.graph.snapshot;

import java.text.CollationKey;
import java.text.Collator;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import io.treeline.graph.GenealogySnapshot;
import io.treeline.graph.PartnerStatus;

/**
 * Brings a cached directory of partners up to date with the partners a genealogy change
 * touched, without reading all partners again: existing partners get their new status,
 * new partners are appended (their numbers come after every cached one, as numbers are
 * handed out in ascending order) and put into the order of names by a binary search that
 * reads the names of the partners it compares with.
 */
final class DirectoryChange {

	/** The order of names: German collation of last name, then first name. */
	static final Locale NAME_LOCALE = Locale.GERMANY;

	private DirectoryChange() {
	}

	/**
	 * One partner as Neo4j holds it now.
	 *
	 * @param number its number
	 * @param status its status
	 * @param name last and first name, separated by a NUL character
	 * @param joinedAt start of its contract, nanoseconds since the epoch
	 */
	record Row(String number, PartnerStatus status, String name, long joinedAt) {
	}

	/**
	 * Returns the directory with the rows applied.
	 * @param directory the cached directory
	 * @param rows the touched partners, existing and new
	 * @param names the names (as in {@link Row#name()}) of cached partners by number
	 * @return the new directory, or {@code null} if a new partner's number does not come
	 * after every cached one (the caller reads all partners again)
	 */
	static GenealogySnapshot.Directory apply(GenealogySnapshot.Directory directory, List<Row> rows,
			Function<String, String> names) {
		int n = directory.size();
		List<Row> added = rows.stream()
			.filter((row) -> directory.id(row.number()) < 0)
			.sorted(Comparator.comparing(Row::number))
			.toList();
		if (!added.isEmpty() && n > 0 && added.get(0).number().compareTo(directory.number(n - 1)) <= 0) {
			return null;
		}
		int size = n + added.size();
		String[] numbers = new String[size];
		PartnerStatus[] statuses = new PartnerStatus[size];
		long[] joinedAt = new long[size];
		int[] byName = new int[size];
		for (int id = 0; id < n; id++) {
			numbers[id] = directory.number(id);
			statuses[id] = directory.status(id);
			joinedAt[id] = directory.joinedAt(id);
			byName[directory.nameRank(id)] = id;
		}
		for (Row row : rows) {
			int id = directory.id(row.number());
			if (id >= 0) {
				statuses[id] = row.status();
				joinedAt[id] = row.joinedAt();
			}
		}
		Collator collator = Collator.getInstance(NAME_LOCALE);
		int ranked = n;
		for (Row row : added) {
			int id = ranked;
			numbers[id] = row.number();
			statuses[id] = row.status();
			joinedAt[id] = row.joinedAt();
			int low = 0;
			int high = ranked;
			while (low < high) {
				int middle = (low + high) >>> 1;
				int other = byName[middle];
				String otherName = (other < n) ? names.apply(numbers[other]) : added.get(other - n).name();
				int compared = collator.compare(otherName, row.name());
				if (compared < 0 || (compared == 0 && other < id)) {
					low = middle + 1;
				}
				else {
					high = middle;
				}
			}
			System.arraycopy(byName, low, byName, low + 1, ranked - low);
			byName[low] = id;
			ranked++;
		}
		int[] nameRank = new int[size];
		for (int rank = 0; rank < size; rank++) {
			nameRank[byName[rank]] = rank;
		}
		return new GenealogySnapshot.Directory(numbers, statuses, joinedAt, nameRank);
	}

	/**
	 * Ranks names: each partner's place in the order of names, ties by id.
	 * @param names the name of each partner by id
	 * @return the rank of each partner
	 */
	static int[] nameRanks(String[] names) {
		Collator collator = Collator.getInstance(NAME_LOCALE);
		CollationKey[] keys = Arrays.stream(names).map(collator::getCollationKey).toArray(CollationKey[]::new);
		Integer[] byName = new Integer[names.length];
		Arrays.setAll(byName, (id) -> id);
		Arrays.sort(byName, (a, b) -> {
			int compared = keys[a].compareTo(keys[b]);
			return (compared != 0) ? compared : Integer.compare(a, b);
		});
		int[] ranks = new int[names.length];
		for (int rank = 0; rank < byName.length; rank++) {
			ranks[byName[rank]] = rank;
		}
		return ranks;
	}

}
