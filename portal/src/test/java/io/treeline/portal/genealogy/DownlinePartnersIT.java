package io.treeline.portal.genealogy;

import java.util.List;
import java.util.Map;

import io.treeline.graph.PartnerNumber;
import io.treeline.graph.Partners;
import io.treeline.portal.GraphQlTestClient;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * The partners of a downline page are looked up together, once per page (counted on the
 * partner look-ups the page makes, not timed).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class DownlinePartnersIT {

	@LocalServerPort
	int port;

	@MockitoSpyBean
	Partners partners;

	@Test
	@SuppressWarnings("unchecked")
	void looksUpThePartnersOfAPageOfTwentyOnce() {
		GraphQlTestClient client = GraphQlTestClient.signedIn(this.port);
		clearInvocations(this.partners);
		Map<String, Object> page = client.data(
				"{ downline(number: \"P-0000001\", first: 20) { edges { level node { number name status } } } }",
				"downline");
		List<Map<String, Object>> edges = (List<Map<String, Object>>) page.get("edges");
		assertThat(edges).hasSize(20);
		verify(this.partners, times(1)).find(anyCollection());
		verify(this.partners, never()).find(any(PartnerNumber.class));
		for (Map<String, Object> edge : edges) {
			Map<String, Object> node = (Map<String, Object>) edge.get("node");
			String number = (String) node.get("number");
			assertThat(node.get("name")).isEqualTo(this.partners.find(PartnerNumber.of(number)).orElseThrow().name());
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void looksUpNoPartnerForAPageWithoutNodes() {
		GraphQlTestClient client = GraphQlTestClient.signedIn(this.port);
		clearInvocations(this.partners);
		Map<String, Object> page = client
			.data("{ downline(number: \"P-0000001\", first: 20) { totalCount edges { level cursor } } }", "downline");
		assertThat((List<Object>) page.get("edges")).hasSize(20);
		verify(this.partners, never()).find(anyCollection());
		verify(this.partners, never()).find(any(PartnerNumber.class));
	}

}
