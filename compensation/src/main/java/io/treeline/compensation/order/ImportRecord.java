package io.treeline.compensation.order;

/**
 * One record of an import file (a CSV row or a JSON object) whose fields are read as
 * text.
 */
interface ImportRecord {

	/**
	 * Returns a field as text.
	 * @param field the field's name
	 * @return its text, {@code null} if it is absent or empty
	 * @throws IllegalArgumentException if it is not a single value
	 */
	String text(String field);

	/**
	 * Returns the line of a field, or of the record if the field is absent.
	 * @param field the field's name
	 * @return the line
	 */
	long line(String field);

	/**
	 * Returns how a problem names a field, e.g. {@code pv} or
	 * {@code orders[3].lines[1].pv}.
	 * @param field the field's name
	 * @return the name
	 */
	String name(String field);

}
