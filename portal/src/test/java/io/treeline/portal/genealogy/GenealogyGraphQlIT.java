package io.treeline.portal.genealogy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.ibm.icu.text.Collator;
import com.ibm.icu.util.ULocale;
import io.treeline.portal.GraphQlTestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Upline, downline and team statistics through the GraphQL API, on the demo company.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class GenealogyGraphQlIT {

	@LocalServerPort
	int port;

	GraphQlTestClient client;

	@BeforeEach
	void signIn() {
		this.client = GraphQlTestClient.signedIn(this.port);
	}

	@Test
	void countsTheWholeDemoCompanyBelowItsFounderInBothTrees() {
		Map<String, Object> sponsor = this.client
			.data("{ teamStats(number: \"P-0000001\") { partner { number } teamSize depth "
					+ "legs { child { number } size } } }", "teamStats");
		assertThat(sponsor.get("teamSize")).isEqualTo(299);
		assertThat(sponsor.get("partner")).isEqualTo(Map.of("number", "P-0000001"));
		assertThat(
				((List<?>) sponsor.get("legs")).stream().mapToInt((leg) -> (int) ((Map<?, ?>) leg).get("size")).sum())
			.isEqualTo(299);
		Map<String, Object> binary = this.client.data(
				"{ teamStats(number: \"P-0000001\", plan: \"binary\") { teamSize leftSize rightSize } }", "teamStats");
		assertThat((int) binary.get("leftSize") + (int) binary.get("rightSize")).isEqualTo(299);
	}

	@Test
	@SuppressWarnings("unchecked")
	void listsTheLargestLegsFirstAndAsManyAsAsked() {
		Map<String, Object> stats = this.client.data("{ teamStats(number: \"P-0000001\") { legCount "
				+ "all: legs { size } largest: legs(first: 2) { size } } }", "teamStats");
		List<Integer> all = ((List<Map<String, Object>>) stats.get("all")).stream()
			.map((leg) -> (Integer) leg.get("size"))
			.toList();
		assertThat(all).hasSize((int) stats.get("legCount"))
			.hasSizeGreaterThan(2)
			.isSortedAccordingTo(Comparator.reverseOrder());
		assertThat(((List<Map<String, Object>>) stats.get("largest")).stream().map((leg) -> leg.get("size")))
			.containsExactlyElementsOf(all.subList(0, 2));
		Map<String, Object> response = this.client
			.post("{ teamStats(number: \"P-0000001\") { legs(first: -1) { size } } }", Map.of());
		assertThat(response.get("errors").toString()).contains("BAD_REQUEST", "first must not be negative (got -1)");
	}

	@Test
	void answersAsOfAnInstantBeforeTheFirstRecruit() {
		Map<String, Object> founderAlone = this.client.data(
				"{ teamStats(number: \"P-0000001\", asOf: \"2024-01-16T00:00:00+01:00\") { teamSize depth } }",
				"teamStats");
		assertThat(founderAlone).isEqualTo(Map.of("teamSize", 0, "depth", 0));
	}

	@Test
	@SuppressWarnings("unchecked")
	void walksTheUplineOfTheNewestPartnerToTheFounder() {
		Map<String, Object> upline = this.client
			.data("{ upline(number: \"P-0000300\") { totalCount edges { level node { number } } } }", "upline");
		List<Map<String, Object>> edges = (List<Map<String, Object>>) upline.get("edges");
		assertThat(edges).hasSize((int) upline.get("totalCount"));
		assertThat(edges.get(0).get("level")).isEqualTo(1);
		assertThat(edges.get(edges.size() - 1).get("node")).isEqualTo(Map.of("number", "P-0000001"));
	}

	@Test
	@SuppressWarnings("unchecked")
	void pagesThroughTheWholeDownlineWithoutGapsOrRepeats() {
		List<String> seen = new ArrayList<>();
		String after = null;
		int total;
		do {
			Map<String, Object> page = this.client
				.data("query($after: String) { downline(number: \"P-0000001\", first: 70, "
						+ "after: $after) { totalCount edges { level node { number } } pageInfo { hasNextPage endCursor } } }",
						(after != null) ? Map.of("after", after) : Map.of(), "downline");
			total = (int) page.get("totalCount");
			((List<Map<String, Object>>) page.get("edges"))
				.forEach((edge) -> seen.add((String) ((Map<String, Object>) edge.get("node")).get("number")));
			Map<String, Object> info = (Map<String, Object>) page.get("pageInfo");
			after = Boolean.TRUE.equals(info.get("hasNextPage")) ? (String) info.get("endCursor") : null;
		}
		while (after != null);
		assertThat(total).isEqualTo(299);
		assertThat(seen).hasSize(299).doesNotHaveDuplicates().doesNotContain("P-0000001");
	}

	@Test
	@SuppressWarnings("unchecked")
	void drawsTheBinaryNeighbourhoodOfThePartnerWithParentsAndSides() {
		Map<String, Object> tree = this.client
			.data("{ placementTree(number: \"P-0000001\", plan: \"binary\", depth: 2) "
					+ "{ root { number } nodes { partner { number } parent level leg } } }", "placementTree");
		List<Map<String, Object>> nodes = (List<Map<String, Object>>) tree.get("nodes");
		assertThat(tree.get("root")).isEqualTo(Map.of("number", "P-0000001"));
		assertThat(nodes).hasSizeBetween(2, 6);
		assertThat(nodes).filteredOn((node) -> node.get("level").equals(1))
			.extracting((node) -> node.get("leg"))
			.containsExactly("LEFT", "RIGHT");
		assertThat(nodes).filteredOn((node) -> node.get("level").equals(1))
			.allSatisfy((node) -> assertThat(node.get("parent")).isEqualTo("P-0000001"));
	}

	@Test
	@SuppressWarnings("unchecked")
	void filtersTheDownlineByStatusAndSearchAndSortsItByName() {
		Map<String, Object> suspended = this.client.data("{ downline(number: \"P-0000001\", status: [SUSPENDED], "
				+ "first: 100) { totalCount edges { node { status } } } }", "downline");
		assertThat((int) suspended.get("totalCount")).isPositive().isLessThan(299);
		assertThat((List<Map<String, Object>>) suspended.get("edges"))
			.allSatisfy((edge) -> assertThat(edge.get("node")).isEqualTo(Map.of("status", "SUSPENDED")));
		Map<String, Object> muellers = this.client.data("{ downline(number: \"P-0000001\", search: \"müller\", "
				+ "first: 100) { totalCount edges { node { lastName } } } }", "downline");
		assertThat((int) muellers.get("totalCount")).isPositive();
		assertThat((List<Map<String, Object>>) muellers.get("edges"))
			.allSatisfy((edge) -> assertThat(edge.get("node")).isEqualTo(Map.of("lastName", "Müller")));
		Map<String, Object> byName = this.client.data("{ downline(number: \"P-0000001\", orderBy: NAME, first: 300) "
				+ "{ totalCount edges { node { lastName firstName } } } }", "downline");
		List<String> names = ((List<Map<String, Object>>) byName.get("edges")).stream()
			.map((edge) -> (Map<String, Object>) edge.get("node"))
			.map((node) -> node.get("lastName") + " " + node.get("firstName"))
			.toList();
		assertThat(names).hasSize(299).isSortedAccordingTo(Collator.getInstance(ULocale.GERMANY));
	}

	@Test
	void reportsAnUnknownPartnerAsBadRequest() {
		Map<String, Object> response = this.client.post("{ teamStats(number: \"P-9999999\") { teamSize } }", Map.of());
		assertThat(response.get("errors").toString()).contains("BAD_REQUEST", "No partner has the number P-9999999");
	}

}
