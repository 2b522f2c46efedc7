package io.treeline.compensation;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A compensation plan. Its rules are in its versions; its periods follow one another from
 * its first period on.
 *
 * @param name unique name, also the name of its placement tree (binary, matrix)
 * @param type the kind of plan
 * @param periodLength monthly or weekly periods
 * @param firstPeriod label of the first period, e.g. {@code 2026-01} or {@code 2026-W01}
 */
public record Plan(String name, PlanType type, PeriodLength periodLength, String firstPeriod) {

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}");

	public Plan {
		if (name == null || !NAME.matcher(name).matches()) {
			throw new IllegalArgumentException(
					"A plan name is 1 to 64 letters, digits, spaces, '.', '_' or '-' (got '" + name + "')");
		}
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(periodLength, "periodLength");
		Objects.requireNonNull(firstPeriod, "firstPeriod");
	}

}
