package io.treeline.graph.organisation;

import java.util.HashMap;
import java.util.Map;

import io.treeline.graph.PartnerNumber;

/**
 * One instance of every partner number and of every repeated text (names, cities,
 * countries, languages, plans) in the files of one import. A partner's number appears in
 * up to five places of the files (its row, its sponsor edges, its placement edges, as
 * sponsor and as parent of others), and the parser makes a new string for each; an import
 * holds all rows until it has checked them, so sharing the values keeps it about 500
 * bytes a partner smaller (measured at a million partners), and each number is checked
 * for its format once.
 */
final class SharedValues {

	private final Map<String, PartnerNumber> numbers = new HashMap<>();

	private final Map<String, String> texts = new HashMap<>();

	/**
	 * Returns the partner number of the value.
	 * @param value the text of the file
	 * @return the one instance for this value in the import
	 * @throws IllegalArgumentException if the value is not a partner number
	 */
	PartnerNumber number(String value) {
		return this.numbers.computeIfAbsent(value, PartnerNumber::of);
	}

	/**
	 * Returns the text, shared with the same text read before.
	 * @param value the text of the file, may be {@code null}
	 * @return the one instance of equal texts in the import
	 */
	String text(String value) {
		return (value != null) ? this.texts.computeIfAbsent(value, (read) -> read) : null;
	}

}
