package io.treeline.compensation;

import java.time.Instant;
import java.util.Objects;

/**
 * A commission period of a plan: from {@code start} (inclusive) to {@code end}
 * (exclusive), in the company's time zone.
 *
 * @param plan the plan's name
 * @param label {@code 2026-01} for a month, {@code 2026-W03} for an ISO week
 * @param start first instant of the period
 * @param end first instant after the period
 * @param closed whether the period's run is closed
 */
public record Period(String plan, String label, Instant start, Instant end, boolean closed) {

	public Period {
		Objects.requireNonNull(plan, "plan");
		Objects.requireNonNull(label, "label");
		if (!end.isAfter(start)) {
			throw new IllegalArgumentException("A period ends after it starts");
		}
	}

	/**
	 * Tells whether an instant lies in the period.
	 * @param instant the instant
	 * @return {@code true} if {@code start <= instant < end}
	 */
	public boolean contains(Instant instant) {
		return !instant.isBefore(this.start) && instant.isBefore(this.end);
	}

}
