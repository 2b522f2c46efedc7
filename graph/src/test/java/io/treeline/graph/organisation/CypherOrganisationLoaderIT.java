package io.treeline.graph.organisation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import io.treeline.graph.Leg;
import io.treeline.graph.Organisation;
import io.treeline.graph.Partner;
import io.treeline.graph.PartnerNumber;
import io.treeline.graph.PartnerStatus;
import io.treeline.graph.Placement;
import io.treeline.graph.Sponsorship;
import io.treeline.graph.snapshot.GenealogyClock;
import io.treeline.graph.store.GraphStoreConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The loader's {@code add} with chunks of 50 rows, so that its writers commit many chunks
 * at once and meet on the same partners (a heavy-tailed sponsor tree, a binary tree), as
 * a million partners in chunks of 50,000 do.
 */
@SpringBootTest
class CypherOrganisationLoaderIT {

	private static final Instant JOINED = Instant.parse("2026-01-01T00:00:00Z");

	private static final Instant MOVED = Instant.parse("2026-02-01T00:00:00Z");

	@Autowired
	Neo4jClient neo4j;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	@Qualifier(GraphStoreConfiguration.TRANSACTION_MANAGER)
	PlatformTransactionManager transactionManager;

	@Autowired
	GenealogyClock clock;

	@BeforeEach
	void emptyGraph() {
		this.neo4j.query("MATCH (p:Partner) DETACH DELETE p").run();
	}

	@Test
	void addsEveryPartnerAndEdgeExactlyOnceWithManyChunksAtOnce() {
		int size = 3_000;
		Random random = new Random(7);
		List<Partner> partners = new ArrayList<>();
		List<Sponsorship> sponsorships = new ArrayList<>();
		List<Placement> placements = new ArrayList<>();
		Set<String> expected = new HashSet<>();
		for (int i = 0; i < size; i++) {
			partners.add(new Partner(number(i), "First" + i, "Last" + i, (i % 3 == 0) ? null : "p" + i + "@example.com",
					"City", "DE", "de", PartnerStatus.ACTIVE, JOINED));
			if (i == 0) {
				continue;
			}
			// a few leaders sponsor half of everyone: writers meet on them
			int sponsor = (random.nextBoolean()) ? random.nextInt(Math.min(i, 5)) : random.nextInt(i);
			if (i % 10 == 0 && sponsor > 0) {
				int later = random.nextInt(sponsor);
				sponsorships.add(new Sponsorship(number(i), number(sponsor), JOINED, MOVED));
				sponsorships.add(new Sponsorship(number(i), number(later), MOVED, null));
				expected.add("S " + i + " " + sponsor + " " + MOVED.toEpochMilli());
				expected.add("S " + i + " " + later + " null");
			}
			else {
				sponsorships.add(new Sponsorship(number(i), number(sponsor), JOINED, null));
				expected.add("S " + i + " " + sponsor + " null");
			}
			int parent = (i - 1) / 2;
			Leg leg = (i % 2 == 1) ? Leg.LEFT : Leg.RIGHT;
			placements.add(new Placement(number(i), number(parent), "binary", leg, JOINED, null));
			expected.add("P " + i + " " + parent + " " + leg);
		}
		long version = this.clock.read();
		new CypherOrganisationLoader(this.neo4j, this.events, this.transactionManager, 50)
			.add(new Organisation(partners, sponsorships, placements));

		assertThat(count("MATCH (p:Partner) RETURN count(p) AS n")).isEqualTo(size);
		assertThat(count("MATCH (p:Partner) WHERE p.email IS NULL RETURN count(p) AS n")).isEqualTo(size / 3);
		List<String> stored = new ArrayList<>(this.neo4j.query("""
				MATCH (c:Partner)-[r:SPONSORED_BY]->(s:Partner)
				RETURN 'S ' + substring(c.number, 2) + ' ' + substring(s.number, 2) + ' '
				  + coalesce(toString(r.validTo.epochMillis), 'null') AS edge
				UNION ALL
				MATCH (c:Partner)-[r:PLACED_UNDER]->(p:Partner)
				RETURN 'P ' + substring(c.number, 2) + ' ' + substring(p.number, 2) + ' ' + r.position AS edge
				""").fetchAs(String.class).mappedBy((types, row) -> row.get("edge").asString()).all());
		assertThat(stored).hasSize(sponsorships.size() + placements.size());
		assertThat(new HashSet<>(stored)).isEqualTo(expected);
		assertThat(this.clock.read()).isEqualTo(version + 1);
	}

	@Test
	void advancesTheClockAlsoWhenALoadFailsAfterSomeChunksCommitted() {
		List<Partner> partners = new ArrayList<>();
		for (int i = 0; i < 120; i++) {
			partners.add(new Partner(number(i), "First" + i, "Last" + i, null, "City", "DE", "de", PartnerStatus.ACTIVE,
					JOINED));
		}
		// an edge naming a partner the genealogy does not hold fails the load after the
		// partners were committed
		List<Sponsorship> sponsorships = List
			.of(new Sponsorship(number(1), PartnerNumber.of("L-MISSING"), JOINED, null));
		long version = this.clock.read();
		CypherOrganisationLoader loader = new CypherOrganisationLoader(this.neo4j, this.events, this.transactionManager,
				50);

		assertThatIllegalStateException()
			.isThrownBy(() -> loader.add(new Organisation(partners, sponsorships, List.of())))
			.withMessageContaining("L-MISSING");
		assertThat(count("MATCH (p:Partner) RETURN count(p) AS n")).isEqualTo(120);
		assertThat(this.clock.read()).isEqualTo(version + 1);
	}

	private static PartnerNumber number(int i) {
		return PartnerNumber.of("L-" + i);
	}

	private long count(String query) {
		return this.neo4j.query(query).fetchAs(Long.class).mappedBy((t, r) -> r.get("n").asLong()).one().orElseThrow();
	}

}
