package io.treeline.graph.snapshot;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import io.treeline.graph.DownlineOrder;
import io.treeline.graph.DownlinePage;
import io.treeline.graph.DownlineQuery;
import io.treeline.graph.GenealogyChangeRefused;
import io.treeline.graph.GenealogySnapshot;
import io.treeline.graph.Leg;
import io.treeline.graph.Organisation;
import io.treeline.graph.OrganisationLoader;
import io.treeline.graph.Partner;
import io.treeline.graph.PartnerNumber;
import io.treeline.graph.PartnerStatus;
import io.treeline.graph.Placement;
import io.treeline.graph.PlacementRule;
import io.treeline.graph.Sponsorship;
import io.treeline.graph.Tree;
import io.treeline.graph.TreeChanges;
import io.treeline.graph.store.GraphStoreConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.neo4j.driver.Driver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cache brought up to date change by change (ADR 21) answers exactly as a cache that
 * reads everything again: random enrolments, placements, moves and terminations, each
 * followed by a comparison of both caches on every partner at several instants (parents,
 * sides, statuses, team statistics, uplines, the order of names and of joining); and it
 * reads no tree again while it can bring its trees up to date.
 */
@SpringBootTest
class IncrementalRefreshIT {

	private static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");

	private static final String PLAN = "binary";

	private static final String[] LAST_NAMES = { "Adler", "Müller", "Becker", "Özdemir", "Zander", "Mueller", "ßler",
			"Abel", "Dorn" };

	@Autowired
	TreeChanges changes;

	@Autowired
	OrganisationLoader loader;

	@Autowired
	Neo4jClient neo4j;

	@Autowired
	Driver driver;

	@Autowired
	GenealogyClock clock;

	@Autowired
	@Qualifier(GraphStoreConfiguration.TRANSACTION_MANAGER)
	PlatformTransactionManager transactions;

	@Autowired
	CypherGenealogy genealogy;

	@BeforeEach
	void emptyGraph() {
		this.neo4j.query("MATCH (p:Partner) DETACH DELETE p").run();
	}

	@ParameterizedTest
	@ValueSource(longs = { 7, 8 })
	void aCacheBroughtUpToDateAnswersAsOneReadAgain(long seed) {
		Random random = new Random(seed);
		List<String> numbers = new ArrayList<>();
		List<Partner> partners = new ArrayList<>();
		List<Sponsorship> sponsorships = new ArrayList<>();
		List<Placement> placements = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			String number = number(i);
			numbers.add(number);
			partners.add(partner(number, random, T0));
			if (i > 0) {
				String sponsor = numbers.get(random.nextInt(i));
				sponsorships.add(new Sponsorship(PartnerNumber.of(number), PartnerNumber.of(sponsor), T0, null));
			}
		}
		placements
			.add(new Placement(PartnerNumber.of(number(1)), PartnerNumber.of(number(0)), PLAN, Leg.LEFT, T0, null));
		this.loader.load(new Organisation(partners, sponsorships, placements));
		Instant start = T0.plusSeconds(3600);
		answersAlike(List.of(start));
		long reads = this.genealogy.treeReads();
		for (int step = 1; step <= 20; step++) {
			Instant at = T0.plusSeconds(3600L * 24 * step);
			List<String> working = working(numbers, at);
			int action = random.nextInt(10);
			try {
				if (action < 5) {
					String number = number(numbers.size());
					numbers.add(number);
					String sponsor = working.get(random.nextInt(working.size()));
					PlacementRule rule = random.nextBoolean() ? null : new PlacementRule.WeakerLeg(PLAN);
					this.changes.enrol(partner(number, random, at), PartnerNumber.of(sponsor), rule);
				}
				else if (action < 8) {
					this.changes.moveSponsor(PartnerNumber.of(working.get(1 + random.nextInt(working.size() - 1))),
							PartnerNumber.of(working.get(random.nextInt(working.size()))), at);
				}
				else {
					this.changes.terminate(PartnerNumber.of(working.get(1 + random.nextInt(working.size() - 1))), at);
				}
			}
			catch (GenealogyChangeRefused refused) {
				// a move into the own downline: nothing changed
			}
			// the instant of the change, one before it and the start
			answersAlike(List.of(start, at.minusSeconds(1), at));
		}
		assertThat(this.genealogy.treeReads()).as("trees read again instead of brought up to date").isEqualTo(reads);
	}

	@Test
	void readsEverythingAgainAfterAChangeThatNamesNoPartners() {
		this.loader.load(
				new Organisation(List.of(partner(number(0), new Random(1), T0), partner(number(1), new Random(2), T0)),
						List.of(new Sponsorship(PartnerNumber.of(number(1)), PartnerNumber.of(number(0)), T0, null)),
						List.of()));
		answersAlike(List.of(T0));
		long reads = this.genealogy.treeReads();
		this.loader.load(new Organisation(List.of(partner(number(2), new Random(3), T0)),
				List.of(new Sponsorship(PartnerNumber.of(number(2)), PartnerNumber.of(number(1)), T0, null)),
				List.of()));
		answersAlike(List.of(T0));
		assertThat(this.genealogy.treeReads()).isGreaterThan(reads);
		assertThat(this.genealogy.snapshot(Tree.SPONSOR, T0).size()).isEqualTo(3);
	}

	/**
	 * Compares the application's cache with a new one that reads everything and keeps
	 * only the snapshot it used last (a budget of one partner).
	 */
	private void answersAlike(List<Instant> instants) {
		CypherGenealogy fresh = new CypherGenealogy(this.neo4j, this.driver, this.clock, this.transactions,
				Duration.ofSeconds(1), 1);
		for (Tree tree : List.of(Tree.SPONSOR, Tree.placement(PLAN))) {
			for (Instant at : instants) {
				GenealogySnapshot cached = this.genealogy.snapshot(tree, at);
				GenealogySnapshot read = fresh.snapshot(tree, at);
				assertThat(cached.size()).isEqualTo(read.size());
				for (int id = 0; id < read.size(); id++) {
					PartnerNumber partner = read.number(id);
					assertThat(cached.number(id)).isEqualTo(partner);
					assertThat(cached.parent(id)).as("parent of %s at %s", partner, at).isEqualTo(read.parent(id));
					assertThat(cached.side(id)).isEqualTo(read.side(id));
					assertThat(cached.status(id)).isEqualTo(read.status(id));
					assertThat(cached.joinedAt(id)).isEqualTo(read.joinedAt(id));
					assertThat(this.genealogy.teamStats(partner, tree, at))
						.isEqualTo(fresh.teamStats(partner, tree, at));
					assertThat(this.genealogy.upline(partner, tree, at)).isEqualTo(fresh.upline(partner, tree, at));
				}
				PartnerNumber root = read.number(0);
				for (DownlineOrder order : List.of(DownlineOrder.NAME, DownlineOrder.JOINED_AT)) {
					DownlineQuery query = new DownlineQuery(root, tree, at, 1, null, Set.of(), null, order, -1, 1000);
					DownlinePage expected = fresh.downline(query);
					assertThat(this.genealogy.downline(query)).as("%s order at %s", order, at).isEqualTo(expected);
				}
			}
		}
	}

	private List<String> working(List<String> numbers, Instant at) {
		GenealogySnapshot tree = this.genealogy.snapshot(Tree.SPONSOR, at);
		List<String> working = new ArrayList<>();
		for (String number : numbers) {
			int id = tree.id(PartnerNumber.of(number)).orElseThrow();
			if (tree.status(id) != PartnerStatus.TERMINATED && (id == 0 || tree.parent(id) != GenealogySnapshot.NONE)) {
				working.add(number);
			}
		}
		return working;
	}

	private static String number(int i) {
		return String.format("IR-%05d", i);
	}

	private static Partner partner(String number, Random random, Instant joined) {
		String lastName = LAST_NAMES[random.nextInt(LAST_NAMES.length)];
		return new Partner(PartnerNumber.of(number), "Vorname" + random.nextInt(3), lastName,
				number.toLowerCase() + "@example.com", "Köln", "DE", "de", PartnerStatus.ACTIVE, joined);
	}

}
