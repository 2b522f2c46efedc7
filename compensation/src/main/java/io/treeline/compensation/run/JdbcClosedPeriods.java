package io.treeline.compensation.run;

import java.sql.Timestamp;
import java.time.Instant;

import io.treeline.graph.ClosedPeriods;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells the genealogy until when the past is closed: the end of the latest closed
 * commission period of any plan (a move before it would change a closed period's tree),
 * or the configured {@code treeline.genealogy.locked-until}, whichever is later.
 */
@Component
class JdbcClosedPeriods implements ClosedPeriods {

	private final JdbcClient jdbc;

	private final Instant configured;

	JdbcClosedPeriods(JdbcClient jdbc, @Value("${treeline.genealogy.locked-until:}") String lockedUntil) {
		this.jdbc = jdbc;
		this.configured = lockedUntil.isBlank() ? Instant.MIN : Instant.parse(lockedUntil);
	}

	@Override
	public Instant closedUntil() {
		Instant closed = this.jdbc.sql("select max(ends_at) from commission_runs").query((rs, row) -> {
			Timestamp end = rs.getTimestamp(1);
			return (end != null) ? end.toInstant() : Instant.MIN;
		}).single();
		return closed.isAfter(this.configured) ? closed : this.configured;
	}

}
