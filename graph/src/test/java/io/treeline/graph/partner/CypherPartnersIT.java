package io.treeline.graph.partner;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.treeline.graph.Partner;
import io.treeline.graph.PartnerNumber;
import io.treeline.graph.PartnerQuery;
import io.treeline.graph.Partners;
import io.treeline.graph.OrganisationLoader;
import io.treeline.graph.TestOrganisations;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.neo4j.core.Neo4jClient;

import static io.treeline.graph.TestOrganisations.FEB_10;
import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
class CypherPartnersIT {

	@Autowired
	Partners partners;

	@Autowired
	OrganisationLoader loader;

	@Autowired
	Neo4jClient neo4j;

	@BeforeEach
	void loadH1() {
		this.neo4j.query("MATCH (p:Partner) DETACH DELETE p").run();
		this.loader.load(TestOrganisations.h1());
	}

	@Test
	void findsAPartnerByNumberWithAllItsFields() {
		Partner clara = this.partners.find(PartnerNumber.of("T-C")).orElseThrow();
		assertThat(clara).isEqualTo(TestOrganisations.partner("T-C", "Clara", "Müller", "Köln"));
		assertThat(this.partners.find(PartnerNumber.of("T-X"))).isEmpty();
	}

	@Test
	void findsSeveralPartnersInOneRoundTrip() {
		Map<PartnerNumber, Partner> found = this.partners
			.find(List.of(PartnerNumber.of("T-A"), PartnerNumber.of("T-D"), PartnerNumber.of("T-X")));
		assertThat(found).containsOnlyKeys(PartnerNumber.of("T-A"), PartnerNumber.of("T-D"));
		assertThat(found.get(PartnerNumber.of("T-D")).city()).isEqualTo("Dresden");
	}

	@Test
	void searchesByPrefixesOfNameNumberAndCityRegardlessOfCase() {
		assertThat(numbers(PartnerQuery.first(10).matching("müll"))).containsExactly("T-C");
		assertThat(numbers(PartnerQuery.first(10).matching("T-D"))).containsExactly("T-D");
		assertThat(numbers(PartnerQuery.first(10).matching("bonn becker"))).containsExactly("T-B");
		assertThat(numbers(PartnerQuery.first(10).matching("anna AND OR *:* (("))).isEmpty();
		assertThat(this.partners.count("d")).isEqualTo(1);
		assertThat(this.partners.count("  ")).isEqualTo(4);
	}

	@Test
	void pagesByKeysetAndByOffsetInNumberOrder() {
		assertThat(numbers(PartnerQuery.first(2))).containsExactly("T-A", "T-B");
		assertThat(numbers(PartnerQuery.first(2).after(PartnerNumber.of("T-B")))).containsExactly("T-C", "T-D");
		assertThat(numbers(new PartnerQuery(null, null, 3, 2))).containsExactly("T-D");
	}

	@Test
	void answersTheSponsorAsOfAnInstant() {
		List<PartnerNumber> who = List.of(PartnerNumber.of("T-C"), PartnerNumber.of("T-A"));
		Map<PartnerNumber, Partner> before = this.partners.sponsorsOf(who, FEB_10.minusSeconds(1));
		Map<PartnerNumber, Partner> after = this.partners.sponsorsOf(who, FEB_10);
		assertThat(before).containsOnlyKeys(PartnerNumber.of("T-C"));
		assertThat(before.get(PartnerNumber.of("T-C")).number()).isEqualTo(PartnerNumber.of("T-B"));
		assertThat(after.get(PartnerNumber.of("T-C")).number()).isEqualTo(PartnerNumber.of("T-D"));
		assertThat(this.partners.sponsorsOf(who, Instant.parse("2025-12-31T00:00:00Z"))).isEmpty();
	}

	@Test
	void loadingTheSameOrganisationTwiceChangesNothing() {
		this.loader.load(TestOrganisations.h1());
		long edges = this.neo4j.query("MATCH ()-[r]->() RETURN count(r) AS n")
			.fetchAs(Long.class)
			.mappedBy((t, r) -> r.get("n").asLong())
			.one()
			.orElseThrow();
		assertThat(this.partners.count(null)).isEqualTo(4);
		assertThat(edges).isEqualTo(5);
	}

	private List<String> numbers(PartnerQuery query) {
		return this.partners.find(query).stream().map((p) -> p.number().value()).toList();
	}

}
