package io.treeline.portal;

import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends GraphQL requests over HTTP as the test administrator and reads the JSON answer.
 */
public final class GraphQlTestClient {

	private final RestClient client;

	private GraphQlTestClient(RestClient client) {
		this.client = client;
	}

	public static GraphQlTestClient signedIn(int port) {
		return new GraphQlTestClient(RestClient.builder()
			.baseUrl("http://localhost:" + port + "/graphql")
			.defaultHeaders((h) -> h.setBasicAuth(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD))
			.build());
	}

	/**
	 * Returns one field of the answer's data, asserting that there were no errors.
	 * @param query the query or mutation
	 * @param variables its variables
	 * @param field the top-level field wanted
	 * @return the field's value as JSON maps and lists
	 */
	@SuppressWarnings("unchecked")
	public Map<String, Object> data(String query, Map<String, Object> variables, String field) {
		Map<String, Object> response = post(query, variables);
		assertThat(response.get("errors")).as("errors").isNull();
		return (Map<String, Object>) ((Map<String, Object>) response.get("data")).get(field);
	}

	public Map<String, Object> data(String query, String field) {
		return data(query, Map.of(), field);
	}

	/**
	 * Returns the whole answer, errors included.
	 * @param query the query or mutation
	 * @param variables its variables
	 * @return the answer
	 */
	@SuppressWarnings("unchecked")
	public Map<String, Object> post(String query, Map<String, Object> variables) {
		return this.client.post()
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("query", query, "variables", variables))
			.retrieve()
			.body(Map.class);
	}

}
