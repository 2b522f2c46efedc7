package io.treeline.compensation.store;

import java.sql.SQLException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * Reports a PostgreSQL server that cannot be reached or refuses the credentials in one
 * sentence naming the settings, instead of a stack trace.
 */
class RelationalStoreFailureAnalyzer extends AbstractFailureAnalyzer<SQLException> {

	private final Environment environment;

	RelationalStoreFailureAnalyzer(Environment environment) {
		this.environment = environment;
	}

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
		String state = (cause.getSQLState() != null) ? cause.getSQLState() : "";
		String url = this.environment.getProperty("spring.datasource.url", "(embedded)");
		if (state.startsWith("08")) {
			return new FailureAnalysis("Cannot reach PostgreSQL at " + url + ": " + cause.getMessage(),
					"Check spring.datasource.url (SPRING_DATASOURCE_URL), or run with the embedded default.", cause);
		}
		if (state.startsWith("28")) {
			return new FailureAnalysis("PostgreSQL at " + url + " refused the log-in: " + cause.getMessage(),
					"Check spring.datasource.username and spring.datasource.password.", cause);
		}
		if (state.equals("3D000")) {
			return new FailureAnalysis("PostgreSQL at " + url + " has no such database: " + cause.getMessage(),
					"Create the database or correct spring.datasource.url.", cause);
		}
		return null;
	}

}
