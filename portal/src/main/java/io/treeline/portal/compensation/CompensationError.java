package io.treeline.portal.compensation;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.treeline.compensation.InvalidPlanException;

/**
 * Why a change of plans, runs or orders was refused (GraphQL type
 * {@code CompensationError}), with the input field it is about.
 *
 * @param code {@code INVALID_PLAN} or {@code INVALID_INPUT}
 * @param field the input field, e.g. {@code document.levelRates[1]}; {@code null} when no
 * single field is to blame
 * @param message what is wrong
 */
record CompensationError(String code, String field, String message) {

	static final String INVALID_PLAN = "INVALID_PLAN";

	static final String INVALID_INPUT = "INVALID_INPUT";

	/**
	 * The field path a problem of the compensation module starts with, e.g.
	 * {@code ranks[0].name}.
	 */
	private static final Pattern LEADING_FIELD = Pattern
		.compile("^([a-z][A-Za-z0-9]*(?:\\[\\d+\\]|\\.[A-Za-z0-9_-]+)*)(?=[:\\s])");

	static CompensationError invalidInput(String field, String message) {
		return new CompensationError(INVALID_INPUT, field, message);
	}

	/**
	 * Turns the problems of a refused plan, version or run into errors. Every problem
	 * names its field first; the names the module uses are translated into the mutation's
	 * input fields, and any other name is a field of the plan document.
	 * @param refused the refusal
	 * @param inputFields the module's field names and the input fields they stand for
	 * @param hasDocument whether the input has a plan document
	 * @return one error per problem
	 */
	static List<CompensationError> of(InvalidPlanException refused, Map<String, String> inputFields,
			boolean hasDocument) {
		return refused.problems()
			.stream()
			.map((problem) -> new CompensationError(INVALID_PLAN, field(problem, inputFields, hasDocument), problem))
			.toList();
	}

	/**
	 * Returns the field a message of the compensation module starts with, if it is one of
	 * the expected ones.
	 * @param message the message, e.g. {@code quantity must be more than 0 (got 0)}
	 * @param expected the field names that may start it
	 * @param otherwise the field to name when none does
	 * @return the field
	 */
	static String leadingField(String message, Set<String> expected, String otherwise) {
		Matcher matcher = LEADING_FIELD.matcher((message != null) ? message : "");
		return (matcher.find() && expected.contains(matcher.group(1))) ? matcher.group(1) : otherwise;
	}

	private static String field(String problem, Map<String, String> inputFields, boolean hasDocument) {
		if (problem.startsWith("The plan document")) {
			return hasDocument ? "document" : null;
		}
		Matcher matcher = LEADING_FIELD.matcher(problem);
		if (!matcher.find()) {
			return null;
		}
		String path = matcher.group(1);
		String root = path.split("[.\\[]", 2)[0];
		if (inputFields.containsKey(root)) {
			return inputFields.get(root) + path.substring(root.length());
		}
		return hasDocument ? "document." + path : null;
	}

}
