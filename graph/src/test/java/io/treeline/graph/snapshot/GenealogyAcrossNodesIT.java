package io.treeline.graph.snapshot;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.treeline.embedded.EmbeddedNeo4j;
import io.treeline.graph.Genealogy;
import io.treeline.graph.GenealogyChangeRefused;
import io.treeline.graph.GraphTestApplication;
import io.treeline.graph.Organisation;
import io.treeline.graph.OrganisationLoader;
import io.treeline.graph.PartnerNumber;
import io.treeline.graph.TreeChanges;
import io.treeline.graph.Tree;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static io.treeline.graph.TestOrganisations.JAN_1;
import static io.treeline.graph.TestOrganisations.partner;
import static io.treeline.graph.TestOrganisations.sponsorship;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Three application nodes on one Neo4j, as behind a load balancer: the first runs the
 * embedded database, the others reach it through its Bolt connector, each with its own
 * snapshot cache. A change made through one node is seen by the others by way of the
 * genealogy clock in Neo4j (ADR 15).
 */
class GenealogyAcrossNodesIT {

	private static final Instant MARCH_1 = Instant.parse("2026-03-01T00:00:00Z");

	private static final Instant APRIL_1 = Instant.parse("2026-04-01T00:00:00Z");

	/**
	 * Runs the embedded Neo4j; checks the clock hourly (its own changes it sees at once).
	 */
	private static ConfigurableApplicationContext first;

	/** Checks the clock hourly, so it answers from its cache in between. */
	private static ConfigurableApplicationContext second;

	/** Checks the clock before every answer. */
	private static ConfigurableApplicationContext third;

	@BeforeAll
	static void startNodes() {
		first = node(Map.of("treeline.genealogy.cache-check", "PT1H"));
		String bolt = first.getBean(EmbeddedNeo4j.class).boltUri().toString();
		second = node(Map.of("treeline.genealogy.cache-check", "PT1H", "treeline.embedded.enabled", "false",
				"spring.neo4j.uri", bolt));
		third = node(Map.of("treeline.genealogy.cache-check", "PT0S", "treeline.embedded.enabled", "false",
				"spring.neo4j.uri", bolt));
	}

	@AfterAll
	static void stopNodes() {
		for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] { third, second, first }) {
			if (node != null) {
				node.close();
			}
		}
	}

	@Test
	void teamStatisticsOfAnotherNodeShowAMoveAtItsNextCheck() {
		first.getBean(OrganisationLoader.class).load(organisation("M"));
		second.getBean(Genealogy.class).refresh();
		assertThat(teamSize(second, "M-B")).isEqualTo(1);
		assertThat(teamSize(third, "M-B")).isEqualTo(1);

		first.getBean(TreeChanges.class).moveSponsor(number("M-C"), number("M-D"), MARCH_1);

		assertThat(teamSize(first, "M-B")).isZero();
		assertThat(teamSize(third, "M-B")).isZero();
		assertThat(teamSize(third, "M-D")).isEqualTo(1);
		assertThat(teamSize(second, "M-B")).as("answered from the cache until the next check").isEqualTo(1);
		second.getBean(Genealogy.class).refresh();
		assertThat(teamSize(second, "M-B")).isZero();
		assertThat(teamSize(second, "M-D")).isEqualTo(1);
	}

	@Test
	void validatesAChangeOnTheTreeAsAnotherNodeLeftIt() {
		first.getBean(OrganisationLoader.class).load(organisation("V"));
		second.getBean(Genealogy.class).refresh();
		assertThat(teamSize(second, "V-B")).isEqualTo(1);

		first.getBean(TreeChanges.class).moveSponsor(number("V-D"), number("V-C"), MARCH_1);

		assertThatExceptionOfType(GenealogyChangeRefused.class)
			.isThrownBy(() -> second.getBean(TreeChanges.class)
				.moveSponsor(number("V-B"), number("V-D"), MARCH_1.plusSeconds(60)))
			.satisfies((refused) -> assertThat(refused.reason()).isEqualTo(GenealogyChangeRefused.Reason.CYCLE));
		assertThat(teamSize(second, "V-B")).isEqualTo(2);
	}

	@Test
	void countsEveryCommittedChangeOnceWhicheverNodeMadeIt() {
		first.getBean(OrganisationLoader.class).load(organisation("C"));
		long before = second.getBean(Genealogy.class).refresh();

		third.getBean(TreeChanges.class).moveSponsor(number("C-C"), number("C-D"), MARCH_1);
		assertThat(first.getBean(Genealogy.class).refresh()).isEqualTo(before + 1);
		assertThatExceptionOfType(GenealogyChangeRefused.class)
			.isThrownBy(() -> second.getBean(TreeChanges.class).moveSponsor(number("C-A"), number("C-C"), APRIL_1));
		assertThat(first.getBean(Genealogy.class).refresh()).isEqualTo(before + 1);
		assertThat(second.getBean(Genealogy.class).refresh()).isEqualTo(before + 1);
	}

	private static ConfigurableApplicationContext node(Map<String, Object> properties) {
		return new SpringApplicationBuilder(GraphTestApplication.class).properties(properties)
			.properties(Map.of("treeline.genealogy.holding-tank-deadlines", "false"))
			.run();
	}

	/** A under nobody, B and D under A, C under B, all since January. */
	private static Organisation organisation(String prefix) {
		return new Organisation(List.of(partner(prefix + "-A", "Anna", "Adler", "Berlin"),
				partner(prefix + "-B", "Bernd", "Becker", "Bonn"), partner(prefix + "-C", "Clara", "Claus", "Köln"),
				partner(prefix + "-D", "Dieter", "Dorn", "Dresden")),
				List.of(sponsorship(prefix + "-B", prefix + "-A", JAN_1, null),
						sponsorship(prefix + "-C", prefix + "-B", JAN_1, null),
						sponsorship(prefix + "-D", prefix + "-A", JAN_1, null)),
				List.of());
	}

	private static int teamSize(ConfigurableApplicationContext node, String partner) {
		return node.getBean(Genealogy.class).teamStats(number(partner), Tree.SPONSOR, APRIL_1).teamSize();
	}

	private static PartnerNumber number(String value) {
		return PartnerNumber.of(value);
	}

}
