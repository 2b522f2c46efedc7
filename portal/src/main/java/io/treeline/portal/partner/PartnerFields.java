package io.treeline.portal.partner;

import graphql.TrivialDataFetcher;
import graphql.schema.idl.RuntimeWiring;
import io.treeline.graph.Partner;

import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;

/**
 * Fields of {@code Partner} that are plain reads of the record but not named like its
 * accessors: {@code number} is the business number's text. A trivial data fetcher, like
 * the property fetchers of the other fields, instead of a controller method: a downline
 * page reads it for every partner, and a controller method costs a handler invocation
 * with context propagation each time.
 */
@Component
class PartnerFields implements RuntimeWiringConfigurer {

	@Override
	public void configure(RuntimeWiring.Builder wiring) {
		wiring.type("Partner", (type) -> type.dataFetcher("number",
				(TrivialDataFetcher<String>) (environment) -> environment.<Partner>getSource().number().value()));
	}

}
