package io.treeline.compensation;

import java.time.Instant;

/**
 * How far a running computation has come.
 *
 * @param plan the plan
 * @param period the period's label
 * @param closing whether it is a close (else a preview)
 * @param phase what it is doing: loading, computing, writing, done or failed
 * @param startedAt when it started
 * @param message the failure, if it failed
 */
public record RunProgress(String plan, String period, boolean closing, String phase, Instant startedAt,
		String message) {

}
