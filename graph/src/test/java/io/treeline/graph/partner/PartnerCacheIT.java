package io.treeline.graph.partner;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.treeline.cypher.CypherStatements;
import io.treeline.graph.GenealogyChanged;
import io.treeline.graph.OrganisationLoader;
import io.treeline.graph.Partner;
import io.treeline.graph.PartnerNumber;
import io.treeline.graph.PartnerStatus;
import io.treeline.graph.Partners;
import io.treeline.graph.TestOrganisations;
import io.treeline.graph.TreeChanges;
import io.treeline.graph.snapshot.GenealogyClock;
import io.treeline.graph.store.GraphStoreConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Partners kept in memory per version of the genealogy clock: how many partner queries
 * reach Neo4j (counted, not timed), and that what is kept follows changes.
 */
@SpringBootTest
class PartnerCacheIT {

	private static final String FIND_BY_NUMBERS = CypherStatements.load("partner/findByNumbers");

	private static final String FIND_BY_NUMBER = CypherStatements.load("partner/findByNumber");

	private static final String LIST = CypherStatements.load("partner/list");

	private static final List<PartnerNumber> ALL = List.of(PartnerNumber.of("T-A"), PartnerNumber.of("T-B"),
			PartnerNumber.of("T-C"), PartnerNumber.of("T-D"));

	@Autowired
	Partners partners;

	@Autowired
	GenealogyClock clock;

	@Autowired
	TreeChanges changes;

	@Autowired
	OrganisationLoader loader;

	@Autowired
	Neo4jClient neo4j;

	@Autowired
	@Qualifier(GraphStoreConfiguration.TRANSACTION_MANAGER)
	PlatformTransactionManager transactionManager;

	/** Statements sent through {@link #counting}, by text. */
	final Map<String, AtomicInteger> sent = new ConcurrentHashMap<>();

	Neo4jClient counting;

	@BeforeEach
	void loadH1() {
		this.neo4j.query("MATCH (p:Partner) DETACH DELETE p").run();
		this.loader.load(TestOrganisations.h1());
		this.counting = (Neo4jClient) Proxy.newProxyInstance(getClass().getClassLoader(),
				new Class<?>[] { Neo4jClient.class }, (proxy, method, arguments) -> {
					if (method.getName().equals("query") && arguments.length == 1
							&& arguments[0] instanceof String statement) {
						this.sent.computeIfAbsent(statement, (key) -> new AtomicInteger()).incrementAndGet();
					}
					try {
						return method.invoke(this.neo4j, arguments);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

	@Test
	void aPageOfPartnersReadAgainReadsNoPartnerFromNeo4j() {
		CypherPartners partners = new CypherPartners(this.counting,
				new PartnerCache(this.counting, this.clock, Duration.ofHours(1), 100, null));
		Map<PartnerNumber, Partner> first = partners.find(ALL);
		assertThat(sent(FIND_BY_NUMBERS)).isEqualTo(1);
		assertThat(partners.find(ALL)).isEqualTo(first);
		assertThat(partners.find(PartnerNumber.of("T-C"))).contains(first.get(PartnerNumber.of("T-C")));
		assertThat(sent(FIND_BY_NUMBERS)).isEqualTo(1);
		assertThat(sent(FIND_BY_NUMBER)).isZero();
		assertThat(first.get(PartnerNumber.of("T-C")))
			.isEqualTo(TestOrganisations.partner("T-C", "Clara", "Müller", "Köln"));
	}

	@Test
	void readsOnlyThePartnersNotKeptAndNeverKeepsAnUnknownNumber() {
		CypherPartners partners = new CypherPartners(this.counting,
				new PartnerCache(this.counting, this.clock, Duration.ofHours(1), 100, null));
		partners.find(List.of(PartnerNumber.of("T-A")));
		Map<PartnerNumber, Partner> found = partners.find(List.of(PartnerNumber.of("T-A"), PartnerNumber.of("T-B"),
				PartnerNumber.of("T-B"), PartnerNumber.of("T-X")));
		assertThat(found).containsOnlyKeys(PartnerNumber.of("T-A"), PartnerNumber.of("T-B"));
		assertThat(sent(FIND_BY_NUMBERS)).isEqualTo(2);
		assertThat(partners.find(PartnerNumber.of("T-X"))).isEmpty();
		assertThat(partners.find(PartnerNumber.of("T-X"))).isEmpty();
		assertThat(sent(FIND_BY_NUMBER)).isEqualTo(2);
	}

	@Test
	void aNewVersionIsFilledWithAllPartnersAtOnce() {
		CypherPartners partners = new CypherPartners(this.counting,
				new PartnerCache(this.counting, this.clock, Duration.ofHours(1), 100, Runnable::run));
		assertThat(partners.find(ALL)).containsOnlyKeys(ALL);
		assertThat(partners.find(PartnerNumber.of("T-D")).orElseThrow().city()).isEqualTo("Dresden");
		assertThat(sent(LIST)).isEqualTo(1);
		assertThat(sent(FIND_BY_NUMBERS)).isZero();
		assertThat(sent(FIND_BY_NUMBER)).isZero();
	}

	@Test
	void aCompanyLargerThanTheCacheIsNotFilledAndStillAnsweredWhole() {
		CypherPartners partners = new CypherPartners(this.counting,
				new PartnerCache(this.counting, this.clock, Duration.ofHours(1), 3, Runnable::run));
		assertThat(partners.find(ALL)).containsOnlyKeys(ALL);
		assertThat(partners.find(ALL)).containsOnlyKeys(ALL);
		assertThat(sent(LIST)).isZero();
		assertThat(partners.find(PartnerNumber.of("T-A")).orElseThrow().city()).isEqualTo("Berlin");
	}

	@Test
	void aChangeCommittedOnThisNodeReadsAgainOnlyThePartnersItTouched() {
		PartnerCache cache = new PartnerCache(this.counting, this.clock, Duration.ofHours(1), 100, null);
		CypherPartners partners = new CypherPartners(this.counting, cache);
		partners.find(ALL);
		// a change of T-B as the genealogy records it (ADR 21): the partner node, the
		// clock and the record of what it touched, in one transaction
		this.neo4j
			.query("MATCH (p:Partner {number: 'T-B'}) SET p.city = 'Bremen' "
					+ "MERGE (c:GenealogyClock {name: 'genealogy'}) SET c.version = coalesce(c.version, 0) + 1 "
					+ "CREATE (:GenealogyChange {version: c.version, changed: ['T-B'], added: [], everything: false})")
			.run();
		cache.changed(GenealogyChanged.of(List.of(PartnerNumber.of("T-B"))));
		assertThat(cache.current().size()).as("kept after the change: all but T-B").isEqualTo(ALL.size() - 1);
		assertThat(partners.find(ALL).get(PartnerNumber.of("T-B")).city()).isEqualTo("Bremen");
		assertThat(partners.find(ALL).get(PartnerNumber.of("T-A")).city()).isEqualTo("Berlin");
		assertThat(sent(FIND_BY_NUMBERS)).isEqualTo(2);
		assertThat(sent(FIND_BY_NUMBER)).isZero();
		assertThat(cache.current().size()).isEqualTo(ALL.size());
	}

	@Test
	void aChangeDuringTheFillLetsTheNewVersionGoOnWhereTheFillStopped() {
		List<Runnable> queued = new ArrayList<>();
		AtomicInteger pages = new AtomicInteger();
		PartnerCache[] cache = new PartnerCache[1];
		// a change of T-B commits while the fill reads its second page of two partners
		Neo4jClient changing = (Neo4jClient) Proxy.newProxyInstance(getClass().getClassLoader(),
				new Class<?>[] { Neo4jClient.class }, (proxy, method, arguments) -> {
					if (method.getName().equals("query") && arguments != null && LIST.equals(arguments[0])
							&& pages.incrementAndGet() == 2) {
						changeCityOfB();
						cache[0].changed(GenealogyChanged.of(List.of(PartnerNumber.of("T-B"))));
						cache[0].current();
					}
					try {
						return method.invoke(this.counting, arguments);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
		cache[0] = new PartnerCache(changing, this.clock, Duration.ofHours(1), 100, queued::add, 2);
		CypherPartners partners = new CypherPartners(changing, cache[0]);

		cache[0].current();
		for (int task = 0; task < queued.size(); task++) {
			queued.get(task).run();
		}

		assertThat(queued).as("the first version's fill and the new version's").hasSize(2);
		assertThat(cache[0].current().size()).as("T-A kept, T-C and T-D read after T-B; T-B read when asked for")
			.isEqualTo(3);
		assertThat(sent(LIST)).as("two pages of the first version, the rest of the partners and the empty page")
			.isEqualTo(4);
		assertThat(partners.find(ALL)).containsOnlyKeys(ALL);
		assertThat(partners.find(PartnerNumber.of("T-B")).orElseThrow().city()).isEqualTo("Bremen");
		assertThat(sent(FIND_BY_NUMBERS)).isEqualTo(1);
		assertThat(cache[0].current().size()).isEqualTo(ALL.size());
	}

	/** A change of T-B as the genealogy records it (ADR 21), in one transaction. */
	private void changeCityOfB() {
		this.neo4j
			.query("MATCH (p:Partner {number: 'T-B'}) SET p.city = 'Bremen' "
					+ "MERGE (c:GenealogyClock {name: 'genealogy'}) SET c.version = coalesce(c.version, 0) + 1 "
					+ "CREATE (:GenealogyChange {version: c.version, changed: ['T-B'], added: [], everything: false})")
			.run();
	}

	@Test
	void aChangeOnAnotherNodeIsSeenAtTheNextCheck() {
		CypherPartners everyTime = new CypherPartners(this.counting,
				new PartnerCache(this.counting, this.clock, Duration.ZERO, 100, null));
		CypherPartners hourly = new CypherPartners(this.counting,
				new PartnerCache(this.counting, this.clock, Duration.ofHours(1), 100, null));
		everyTime.find(ALL);
		hourly.find(ALL);
		// another node's change: the partner node and the clock, in one transaction
		this.neo4j
			.query("MATCH (p:Partner {number: 'T-B'}) SET p.city = 'Bremen' "
					+ "MERGE (c:GenealogyClock {name: 'genealogy'}) SET c.version = coalesce(c.version, 0) + 1")
			.run();
		assertThat(everyTime.find(ALL).get(PartnerNumber.of("T-B")).city()).isEqualTo("Bremen");
		assertThat(hourly.find(ALL).get(PartnerNumber.of("T-B")).city()).isEqualTo("Bonn");
	}

	@Test
	void readsInsideATransactionGoToNeo4j() {
		CypherPartners partners = new CypherPartners(this.counting,
				new PartnerCache(this.counting, this.clock, Duration.ofHours(1), 100, null));
		partners.find(ALL);
		new TransactionTemplate(this.transactionManager).executeWithoutResult((status) -> {
			this.neo4j.query("MATCH (p:Partner {number: 'T-B'}) SET p.city = 'Bremen'").run();
			assertThat(partners.find(ALL).get(PartnerNumber.of("T-B")).city()).isEqualTo("Bremen");
			status.setRollbackOnly();
		});
		assertThat(sent(FIND_BY_NUMBERS)).isEqualTo(2);
		assertThat(partners.find(ALL).get(PartnerNumber.of("T-B")).city()).isEqualTo("Bonn");
	}

	@Test
	void theApplicationSeesATerminationAtOnce() {
		assertThat(this.partners.find(PartnerNumber.of("T-C")).orElseThrow().status()).isEqualTo(PartnerStatus.ACTIVE);
		assertThat(this.partners.find(ALL).get(PartnerNumber.of("T-C")).status()).isEqualTo(PartnerStatus.ACTIVE);
		this.changes.terminate(PartnerNumber.of("T-C"), TestOrganisations.FEB_10.plusSeconds(60));
		assertThat(this.partners.find(PartnerNumber.of("T-C")).orElseThrow().status())
			.isEqualTo(PartnerStatus.TERMINATED);
		assertThat(this.partners.find(ALL).get(PartnerNumber.of("T-C")).status()).isEqualTo(PartnerStatus.TERMINATED);
	}

	private int sent(String statement) {
		AtomicInteger count = this.sent.get(statement);
		return (count != null) ? count.get() : 0;
	}

}
