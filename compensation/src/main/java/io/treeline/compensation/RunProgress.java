package io.treeline.compensation;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How far a running computation has come.
 *
 * @param plan the plan
 * @param period the period's label
 * @param closing whether it is a close (else a preview)
 * @param phase what it is doing: loading, computing, writing, done or failed
 * @param startedAt when it started
 * @param message the failure, if it failed
 * @param phaseMillis milliseconds spent per finished phase ({@code load},
 * {@code compute}, {@code write}), in order
 */
public record RunProgress(String plan, String period, boolean closing, String phase, Instant startedAt, String message,
		Map<String, Long> phaseMillis) {

	public RunProgress {
		phaseMillis = Collections.unmodifiableMap(new LinkedHashMap<>(phaseMillis));
	}

}
