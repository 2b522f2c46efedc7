package io.treeline.graph.store;

import org.neo4j.driver.exceptions.AuthenticationException;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * Reports a Neo4j server that cannot be reached or refuses the credentials in one
 * sentence naming the settings, instead of a stack trace.
 */
class GraphStoreFailureAnalyzer extends AbstractFailureAnalyzer<Neo4jException> {

	private final Environment environment;

	GraphStoreFailureAnalyzer(Environment environment) {
		this.environment = environment;
	}

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, Neo4jException cause) {
		String uri = this.environment.getProperty("spring.neo4j.uri", "(embedded)");
		if (cause instanceof ServiceUnavailableException) {
			return new FailureAnalysis("Cannot reach Neo4j at " + uri + ": " + cause.getMessage(),
					"Check spring.neo4j.uri (SPRING_NEO4J_URI), or run with the embedded default.", cause);
		}
		if (cause instanceof AuthenticationException) {
			return new FailureAnalysis("Neo4j at " + uri + " refused the log-in: " + cause.getMessage(),
					"Check spring.neo4j.authentication.username and spring.neo4j.authentication.password.", cause);
		}
		return null;
	}

}
