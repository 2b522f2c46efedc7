package io.treeline.portal.api;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;

import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.DataFetcherExceptionResolver;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * The GraphQL engine: custom scalars, bad input reported as {@code BAD_REQUEST} with its
 * message, a start that fails when schema and controllers do not match, and documents
 * parsed and validated once per query text.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlConfiguration {

	@Bean
	RuntimeWiringConfigurer scalars() {
		return (wiring) -> wiring.scalar(Scalars.DATE_TIME).scalar(Scalars.DATE).scalar(Scalars.DECIMAL);
	}

	@Bean
	DataFetcherExceptionResolver badInput() {
		return new DataFetcherExceptionResolverAdapter() {

			@Override
			protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment environment) {
				if (ex instanceof IllegalArgumentException) {
					return GraphqlErrorBuilder.newError(environment)
						.errorType(ErrorType.BAD_REQUEST)
						.message(ex.getMessage())
						.build();
				}
				return null;
			}

		};
	}

	/**
	 * Documents kept; the API's clients send a handful of query texts with variables.
	 */
	static final int CACHED_DOCUMENTS = 1_000;

	@Bean
	GraphQlSourceBuilderCustomizer parseAndValidateOnce() {
		DocumentCache documents = new DocumentCache(CACHED_DOCUMENTS);
		return (builder) -> builder.configureGraphQl((graphQl) -> graphQl.preparsedDocumentProvider(documents));
	}

	@Bean
	GraphQlSourceBuilderCustomizer failOnUnmappedSchema() {
		return (builder) -> builder.inspectSchemaMappings((report) -> {
			if (!report.unmappedFields().isEmpty() || !report.unmappedRegistrations().isEmpty()
					|| !report.unmappedArguments().isEmpty()) {
				throw new IllegalStateException("GraphQL schema and controllers do not match: " + report);
			}
		});
	}

}
