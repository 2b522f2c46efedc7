package io.treeline.graph.partner;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Turns what a user types into a full-text query: the text is split into terms at every
 * character that is neither a letter nor a digit, and every term must match as a prefix.
 * Splitting this way leaves no Lucene syntax in the query, so user input can never change
 * its meaning, and matches the way the index tokenises numbers such as {@code P-0000123}.
 */
public final class SearchText {

	private SearchText() {
	}

	/**
	 * Returns the full-text query for a search text.
	 * @param text what the user typed, may be {@code null}
	 * @return the query, or {@code null} when the text holds no term
	 */
	public static String toQuery(String text) {
		if (text == null) {
			return null;
		}
		String query = Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
			.filter((term) -> !term.isEmpty())
			.map((term) -> term + "*")
			.collect(Collectors.joining(" AND "));
		return query.isEmpty() ? null : query;
	}

}
