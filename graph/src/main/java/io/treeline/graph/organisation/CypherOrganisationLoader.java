package io.treeline.graph.organisation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

import io.treeline.cypher.CypherStatements;
import io.treeline.graph.GenealogyChanged;
import io.treeline.graph.Organisation;
import io.treeline.graph.OrganisationLoader;
import io.treeline.graph.Partner;
import io.treeline.graph.PartnerNumber;
import io.treeline.graph.Placement;
import io.treeline.graph.Sponsorship;
import io.treeline.graph.partner.PartnerNodes;
import io.treeline.graph.store.GraphStoreConfiguration;
import org.neo4j.driver.exceptions.TransientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads organisations with batched {@code UNWIND} statements from
 * {@code cypher/organisation}, partners first, then sponsor and placement edges, in
 * transactions of many rows (one transaction of a million partners exceeds Neo4j's
 * transaction memory, measured). {@link #load} merges (idempotent, for any caller);
 * {@link #add} creates without looking for what exists, for organisations checked against
 * the genealogy, with several writers at once (ADR 22).
 */
@Component
class CypherOrganisationLoader implements OrganisationLoader {

	/** Transactions {@link #add} runs at once. */
	static final int WRITERS = 2;

	private static final Logger logger = LoggerFactory.getLogger(CypherOrganisationLoader.class);

	private static final int BATCH_SIZE = 5_000;

	private static final int COMMIT_SIZE = 50_000;

	/**
	 * Attempts of a chunk of {@link #add} that fails transiently (writers deadlocked).
	 */
	private static final int ATTEMPTS = 10;

	private static final String MERGE_PARTNERS = CypherStatements.load("organisation/mergePartners");

	private static final String MERGE_SPONSORSHIPS = CypherStatements.load("organisation/mergeSponsorships");

	private static final String MERGE_PLACEMENTS = CypherStatements.load("organisation/mergePlacements");

	private static final String CREATE_PARTNERS = CypherStatements.load("organisation/createPartners");

	private static final String CREATE_SPONSORSHIPS = CypherStatements.load("organisation/createSponsorships");

	private static final String CREATE_PLACEMENTS = CypherStatements.load("organisation/createPlacements");

	private static final String PARTNER_IDS = CypherStatements.load("organisation/partnerIds");

	private final Neo4jClient neo4j;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final int chunkSize;

	@Autowired
	CypherOrganisationLoader(Neo4jClient neo4j, ApplicationEventPublisher events,
			@Qualifier(GraphStoreConfiguration.TRANSACTION_MANAGER) PlatformTransactionManager transactionManager) {
		this(neo4j, events, transactionManager, COMMIT_SIZE);
	}

	/**
	 * A loader whose {@link #add} commits chunks of the given size (tests use small ones
	 * to run many chunks at once).
	 */
	CypherOrganisationLoader(Neo4jClient neo4j, ApplicationEventPublisher events,
			PlatformTransactionManager transactionManager, int chunkSize) {
		this.neo4j = neo4j;
		this.events = events;
		this.transactions = new TransactionTemplate(transactionManager);
		this.chunkSize = chunkSize;
	}

	@Override
	public void load(Organisation organisation) {
		long started = System.nanoTime();
		merge(MERGE_PARTNERS, organisation.partners(), PartnerNodes::properties);
		long partners = System.nanoTime();
		merge(MERGE_SPONSORSHIPS, organisation.sponsorships(), CypherOrganisationLoader::row);
		long sponsorships = System.nanoTime();
		merge(MERGE_PLACEMENTS, organisation.placements(), CypherOrganisationLoader::row);
		log("Merged", organisation, started, partners, sponsorships);
	}

	/**
	 * Runs a statement over the items in batches, committing every {@link #COMMIT_SIZE}
	 * rows so that a load of millions never holds them all in one transaction.
	 */
	private <T> void merge(String statement, List<T> items, Function<T, Map<String, Object>> toRow) {
		for (int commit = 0; commit < items.size(); commit += COMMIT_SIZE) {
			int start = commit;
			int end = Math.min(items.size(), commit + COMMIT_SIZE);
			this.transactions.executeWithoutResult((status) -> {
				for (int from = start; from < end; from += BATCH_SIZE) {
					List<Map<String, Object>> rows = items.subList(from, Math.min(end, from + BATCH_SIZE))
						.stream()
						.map(toRow)
						.toList();
					this.neo4j.query(statement).bind(rows).to("rows").run();
				}
				this.events.publishEvent(GenealogyChanged.all());
			});
		}
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * Chunks of 50,000 rows are committed by {@link #WRITERS} transactions at once; a
	 * chunk whose transaction fails transiently (writers that deadlocked on the same
	 * partners) is run again. The genealogy clock advances once, after the last chunk, in
	 * a transaction of its own, also when nothing was new (a load completed by loading
	 * again notifies the caches too) and after a failure (chunks committed before it
	 * changed the genealogy).
	 */
	@Override
	public void add(Organisation organisation) {
		RuntimeException failure = null;
		try {
			write(organisation);
		}
		catch (RuntimeException ex) {
			failure = ex;
			throw ex;
		}
		finally {
			// also after a failure: chunks committed before it changed the genealogy
			try {
				this.transactions.executeWithoutResult((status) -> this.events.publishEvent(GenealogyChanged.all()));
			}
			catch (RuntimeException ex) {
				if (failure == null) {
					throw ex;
				}
				failure.addSuppressed(ex);
			}
		}
	}

	private void write(Organisation organisation) {
		long started = System.nanoTime();
		Map<String, String> ids = new ConcurrentHashMap<>();
		int again = inParallel(organisation.partners(), (chunk) -> {
			List<Object> rows = rows(chunk, CypherOrganisationLoader::values);
			// keyed by the caller's number strings, not by the copies the answer brings
			Map<String, String> numbers = new HashMap<>();
			chunk.forEach((partner) -> numbers.put(partner.number().value(), partner.number().value()));
			Map<String, String> created = new HashMap<>();
			this.neo4j.query(CREATE_PARTNERS)
				.bind(rows)
				.to("rows")
				.fetch()
				.all()
				.forEach((row) -> created.put(numbers.get((String) row.get("number")), (String) row.get("id")));
			if (created.size() != rows.size()) {
				throw new IllegalStateException("Created " + created.size() + " of " + rows.size() + " partners");
			}
			return () -> ids.putAll(created);
		});
		long partners = System.nanoTime();
		Set<String> stored = new LinkedHashSet<>();
		Consumer<PartnerNumber> storedIfNamed = (number) -> {
			if (!ids.containsKey(number.value())) {
				stored.add(number.value());
			}
		};
		organisation.sponsorships().forEach((edge) -> {
			storedIfNamed.accept(edge.partner());
			storedIfNamed.accept(edge.sponsor());
		});
		organisation.placements().forEach((edge) -> {
			storedIfNamed.accept(edge.partner());
			storedIfNamed.accept(edge.parent());
		});
		readIds(stored, ids);
		again += inParallel(organisation.sponsorships(),
				(chunk) -> create(CREATE_SPONSORSHIPS,
						rows(chunk,
								(edge) -> Arrays.asList(ids.get(edge.partner().value()),
										ids.get(edge.sponsor().value()), PartnerNodes.utc(edge.validFrom()),
										PartnerNodes.utc(edge.validTo())))));
		long sponsorships = System.nanoTime();
		again += inParallel(organisation.placements(),
				(chunk) -> create(CREATE_PLACEMENTS,
						rows(chunk,
								(edge) -> Arrays.asList(ids.get(edge.partner().value()), ids.get(edge.parent().value()),
										edge.plan(), (edge.leg() != null) ? edge.leg().name() : null,
										PartnerNodes.utc(edge.validFrom()), PartnerNodes.utc(edge.validTo())))));
		log("Created", organisation, started, partners, sponsorships);
		if (again > 0) {
			logger.info("{} chunks were written again after a transient failure (writers deadlocked)", again);
		}
	}

	/**
	 * Reads the element ids of partners the genealogy holds already, in batches.
	 * @throws IllegalStateException if a partner is not in the genealogy
	 */
	private void readIds(Set<String> numbers, Map<String, String> ids) {
		List<String> all = List.copyOf(numbers);
		for (int from = 0; from < all.size(); from += CypherStoredEdges.BATCH_SIZE) {
			this.neo4j.query(PARTNER_IDS)
				.bind(all.subList(from, Math.min(all.size(), from + CypherStoredEdges.BATCH_SIZE)))
				.to("numbers")
				.fetch()
				.all()
				.forEach((row) -> ids.put((String) row.get("number"), (String) row.get("id")));
		}
		List<String> missing = all.stream().filter((number) -> !ids.containsKey(number)).limit(10).toList();
		if (!missing.isEmpty()) {
			throw new IllegalStateException("Edges name partners the genealogy does not hold: " + missing);
		}
	}

	private Runnable create(String statement, List<Object> rows) {
		long created = this.neo4j.query(statement)
			.bind(rows)
			.to("rows")
			.fetchAs(Long.class)
			.mappedBy((types, row) -> row.get("created").asLong())
			.one()
			.orElse(0L);
		if (created != rows.size()) {
			throw new IllegalStateException(
					"Created " + created + " of " + rows.size() + " edges: a partner is missing from the genealogy");
		}
		return () -> {
		};
	}

	private static <T> List<Object> rows(List<T> chunk, Function<T, Object> toRow) {
		List<Object> rows = new ArrayList<>(chunk.size());
		chunk.forEach((item) -> rows.add(toRow.apply(item)));
		return rows;
	}

	/**
	 * Writes the items in chunks, each in a transaction of its own, {@link #WRITERS} at
	 * once.
	 * @param write writes one chunk in the current transaction and returns what to do
	 * once it committed
	 * @return how many chunks were written again after a transient failure
	 */
	private <T> int inParallel(List<T> items, Function<List<T>, Runnable> write) {
		if (items.isEmpty()) {
			return 0;
		}
		ExecutorService writers = Executors.newFixedThreadPool(WRITERS,
				Thread.ofPlatform().name("organisation-writer-", 1).factory());
		try {
			List<Future<Integer>> chunks = new ArrayList<>();
			for (int start = 0; start < items.size(); start += this.chunkSize) {
				List<T> chunk = items.subList(start, Math.min(items.size(), start + this.chunkSize));
				chunks.add(writers.submit(() -> commit(chunk, write)));
			}
			int again = 0;
			for (Future<Integer> chunk : chunks) {
				again += chunk.get();
			}
			return again;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while loading the organisation", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			throw new IllegalStateException("Loading the organisation failed", ex.getCause());
		}
		finally {
			// after a failure, the chunks still running are interrupted and rolled back
			// before the failure is reported
			writers.shutdownNow();
			awaitTermination(writers);
		}
	}

	private static void awaitTermination(ExecutorService writers) {
		try {
			if (!writers.awaitTermination(1, TimeUnit.MINUTES)) {
				logger.warn("Writers of the organisation did not stop within a minute");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Writes one chunk in a transaction of its own, again after a transient failure.
	 * @return how often it was written again
	 */
	private <T> int commit(List<T> chunk, Function<List<T>, Runnable> write) {
		for (int attempt = 1;; attempt++) {
			try {
				Runnable committed = this.transactions.execute((status) -> write.apply(chunk));
				committed.run();
				return attempt - 1;
			}
			catch (RuntimeException ex) {
				if (attempt == ATTEMPTS || !isTransient(ex)) {
					throw ex;
				}
				logger.debug("A chunk failed transiently, attempt {} of {}: {}", attempt, ATTEMPTS, ex.getMessage());
			}
		}
	}

	private static boolean isTransient(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof TransientDataAccessException || cause instanceof TransientException) {
				return true;
			}
		}
		return false;
	}

	private static void log(String verb, Organisation organisation, long started, long partners, long sponsorships) {
		long placements = System.nanoTime();
		logger.info("{} {} partners in {} ms, {} sponsor edges in {} ms and {} placement edges in {} ms", verb,
				organisation.partners().size(), (partners - started) / 1_000_000, organisation.sponsorships().size(),
				(sponsorships - partners) / 1_000_000, organisation.placements().size(),
				(placements - sponsorships) / 1_000_000);
	}

	private static Object values(Partner partner) {
		return Arrays.asList(partner.number().value(), partner.firstName(), partner.lastName(), partner.email(),
				partner.city(), partner.country(), partner.language(), partner.status().name(),
				PartnerNodes.utc(partner.joinedAt()));
	}

	private static Map<String, Object> row(Sponsorship edge) {
		Map<String, Object> row = new HashMap<>();
		row.put("partner", edge.partner().value());
		row.put("sponsor", edge.sponsor().value());
		row.put("validFrom", PartnerNodes.utc(edge.validFrom()));
		row.put("validTo", PartnerNodes.utc(edge.validTo()));
		return row;
	}

	private static Map<String, Object> row(Placement edge) {
		Map<String, Object> row = new HashMap<>();
		row.put("partner", edge.partner().value());
		row.put("parent", edge.parent().value());
		row.put("plan", edge.plan());
		row.put("position", (edge.leg() != null) ? edge.leg().name() : null);
		row.put("validFrom", PartnerNodes.utc(edge.validFrom()));
		row.put("validTo", PartnerNodes.utc(edge.validTo()));
		return row;
	}

}
