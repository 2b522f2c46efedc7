package io.treeline.portal.partner;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.treeline.portal.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The partner queries of the GraphQL API over HTTP, against the demo company.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PartnerGraphQlIT {

	@LocalServerPort
	int port;

	RestClient client;

	@BeforeEach
	void signIn() {
		this.client = RestClient.builder()
			.baseUrl("http://localhost:" + this.port + "/graphql")
			.defaultHeaders((h) -> h.setBasicAuth(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD))
			.build();
	}

	@Test
	void answersOnePartnerWithSponsorAndVolumesFromBothStores() {
		Map<String, Object> partner = data(
				"""
						{ partner(number: "P-0000002") { number name status joinedAt sponsor { number } monthlyVolumes { month pv bv } } }
						""",
				"partner");
		assertThat(partner).containsEntry("number", "P-0000002").containsEntry("status", "ACTIVE");
		assertThat(partner.get("sponsor")).isEqualTo(Map.of("number", "P-0000001"));
		assertThat((String) partner.get("joinedAt")).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
		assertThat((List<?>) partner.get("monthlyVolumes")).isNotEmpty();
	}

	@Test
	void answersNullForAnUnknownNumber() {
		assertThat(data("{ partner(number: \"P-9999999\") { number } }", "partner")).isNull();
	}

	@Test
	@SuppressWarnings("unchecked")
	void pagesThroughAllPartnersWithCursorsWithoutGapsOrRepeats() {
		List<String> seen = new ArrayList<>();
		String after = null;
		long total;
		do {
			Map<String, Object> page = data(
					"query($after: String) { partners(first: 70, after: $after) { totalCount "
							+ "edges { cursor node { number } } pageInfo { hasNextPage endCursor } } }",
					"partners", (after != null) ? Map.of("after", after) : Map.of());
			total = ((Number) page.get("totalCount")).longValue();
			((List<Map<String, Object>>) page.get("edges"))
				.forEach((edge) -> seen.add((String) ((Map<String, Object>) edge.get("node")).get("number")));
			Map<String, Object> info = (Map<String, Object>) page.get("pageInfo");
			after = Boolean.TRUE.equals(info.get("hasNextPage")) ? (String) info.get("endCursor") : null;
		}
		while (after != null);
		assertThat(seen).hasSize((int) total).doesNotHaveDuplicates().isSorted();
		assertThat(total).isEqualTo(300);
	}

	@Test
	void reportsBadInputAsBadRequestWithAMessage() {
		Map<String, Object> response = post("{ partners(first: 5, after: \"not-a-cursor\") { totalCount } }", Map.of());
		assertThat(response.get("errors").toString()).contains("BAD_REQUEST", "is not a cursor of this list");
		response = post("{ partners(first: 0) { totalCount } }", Map.of());
		assertThat(response.get("errors").toString()).contains("first must be between 1 and 500");
	}

	@Test
	void refusesRequestsWithoutValidCredentials() {
		RestClient anonymous = RestClient.create("http://localhost:" + this.port + "/graphql");
		HttpStatus status = anonymous.post()
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("query", "{ partner(number: \"P-0000001\") { name } }"))
			.exchange((request, response) -> HttpStatus.valueOf(response.getStatusCode().value()));
		assertThat(status).isEqualTo(HttpStatus.UNAUTHORIZED);
		HttpStatus wrong = anonymous.post()
			.headers((h) -> h.setBasicAuth(TestAccounts.ADMIN, "wrong"))
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("query", "{ partner(number: \"P-0000001\") { name } }"))
			.exchange((request, response) -> HttpStatus.valueOf(response.getStatusCode().value()));
		assertThat(wrong).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	private Map<String, Object> data(String query, String field) {
		return data(query, field, Map.of());
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> data(String query, String field, Map<String, Object> variables) {
		Map<String, Object> response = post(query, variables);
		assertThat(response.get("errors")).as("errors").isNull();
		return (Map<String, Object>) ((Map<String, Object>) response.get("data")).get(field);
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> post(String query, Map<String, Object> variables) {
		return this.client.post()
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("query", query, "variables", variables))
			.retrieve()
			.body(Map.class);
	}

}
