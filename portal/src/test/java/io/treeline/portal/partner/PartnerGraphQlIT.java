package io.treeline.portal.partner;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.treeline.portal.GraphQlTestClient;
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

	GraphQlTestClient client;

	@BeforeEach
	void signIn() {
		this.client = GraphQlTestClient.signedIn(this.port);
	}

	@Test
	void answersOnePartnerWithSponsorAndVolumesFromBothStores() {
		Map<String, Object> partner = this.client.data(
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
		assertThat(this.client.data("{ partner(number: \"P-9999999\") { number } }", "partner")).isNull();
	}

	@Test
	@SuppressWarnings("unchecked")
	void pagesThroughAllPartnersWithCursorsWithoutGapsOrRepeats() {
		List<String> seen = new ArrayList<>();
		String after = null;
		long total;
		do {
			Map<String, Object> page = this.client.data(
					"query($after: String) { partners(first: 70, after: $after) { totalCount "
							+ "edges { cursor node { number } } pageInfo { hasNextPage endCursor } } }",
					(after != null) ? Map.of("after", after) : Map.of(), "partners");
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
		Map<String, Object> response = this.client
			.post("{ partners(first: 5, after: \"not-a-cursor\") { totalCount } }", Map.of());
		assertThat(response.get("errors").toString()).contains("BAD_REQUEST", "is not a cursor of this list");
		response = this.client.post("{ partners(first: 0) { totalCount } }", Map.of());
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

}
