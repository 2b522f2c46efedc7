package io.treeline.embedded;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns an {@link EmbeddedStoreException} into Spring Boot's short start-up failure
 * report instead of a stack trace.
 */
class EmbeddedStoreFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedStoreException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedStoreException cause) {
		return new FailureAnalysis(cause.getMessage(), "Change " + cause.setting()
				+ " (in application.properties, as --" + cause.setting() + "=... or as an environment variable).",
				cause);
	}

}
