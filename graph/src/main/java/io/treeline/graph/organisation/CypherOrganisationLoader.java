package io.treeline.graph.organisation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.treeline.cypher.CypherStatements;
import io.treeline.graph.GenealogyChanged;
import io.treeline.graph.Organisation;
import io.treeline.graph.OrganisationLoader;
import io.treeline.graph.Partner;
import io.treeline.graph.Placement;
import io.treeline.graph.Sponsorship;
import io.treeline.graph.partner.PartnerNodes;
import io.treeline.graph.store.GraphStoreConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
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
 * the genealogy (ADR 22).
 */
@Component
class CypherOrganisationLoader implements OrganisationLoader {

	private static final Logger logger = LoggerFactory.getLogger(CypherOrganisationLoader.class);

	private static final int BATCH_SIZE = 5_000;

	private static final int COMMIT_SIZE = 50_000;

	private static final String MERGE_PARTNERS = CypherStatements.load("organisation/mergePartners");

	private static final String MERGE_SPONSORSHIPS = CypherStatements.load("organisation/mergeSponsorships");

	private static final String MERGE_PLACEMENTS = CypherStatements.load("organisation/mergePlacements");

	private static final String CREATE_PARTNERS = CypherStatements.load("organisation/createPartners");

	private static final String CREATE_SPONSORSHIPS = CypherStatements.load("organisation/createSponsorships");

	private static final String CREATE_PLACEMENTS = CypherStatements.load("organisation/createPlacements");

	private final Neo4jClient neo4j;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	CypherOrganisationLoader(Neo4jClient neo4j, ApplicationEventPublisher events,
			@Qualifier(GraphStoreConfiguration.TRANSACTION_MANAGER) PlatformTransactionManager transactionManager) {
		this.neo4j = neo4j;
		this.events = events;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	@Override
	public void load(Organisation organisation) {
		long started = System.nanoTime();
		inBatches(MERGE_PARTNERS, organisation.partners(), PartnerNodes::properties, false);
		long partners = System.nanoTime();
		inBatches(MERGE_SPONSORSHIPS, organisation.sponsorships(), CypherOrganisationLoader::row, false);
		long sponsorships = System.nanoTime();
		inBatches(MERGE_PLACEMENTS, organisation.placements(), CypherOrganisationLoader::row, false);
		log("Merged", organisation, started, partners, sponsorships);
	}

	@Override
	public void add(Organisation organisation) {
		long started = System.nanoTime();
		inBatches(CREATE_PARTNERS, organisation.partners(), CypherOrganisationLoader::values, true);
		long partners = System.nanoTime();
		inBatches(CREATE_SPONSORSHIPS, organisation.sponsorships(), CypherOrganisationLoader::values, true);
		long sponsorships = System.nanoTime();
		inBatches(CREATE_PLACEMENTS, organisation.placements(), CypherOrganisationLoader::values, true);
		log("Created", organisation, started, partners, sponsorships);
	}

	private static void log(String verb, Organisation organisation, long started, long partners, long sponsorships) {
		long placements = System.nanoTime();
		logger.info("{} {} partners in {} ms, {} sponsor edges in {} ms and {} placement edges in {} ms", verb,
				organisation.partners().size(), (partners - started) / 1_000_000, organisation.sponsorships().size(),
				(sponsorships - partners) / 1_000_000, organisation.placements().size(),
				(placements - sponsorships) / 1_000_000);
	}

	/**
	 * Runs a statement over the items in batches, committing every {@link #COMMIT_SIZE}
	 * rows so that a load of millions never holds them all in one transaction.
	 * @param counted whether the statement returns how many rows it created, which must
	 * be all of them (a missing partner fails the transaction instead of dropping edges)
	 */
	private <T> void inBatches(String statement, List<T> items, Function<T, Object> toRow, boolean counted) {
		for (int commit = 0; commit < items.size(); commit += COMMIT_SIZE) {
			int start = commit;
			int end = Math.min(items.size(), commit + COMMIT_SIZE);
			this.transactions.executeWithoutResult((status) -> {
				for (int from = start; from < end; from += BATCH_SIZE) {
					List<Object> rows = new ArrayList<>(Math.min(end, from + BATCH_SIZE) - from);
					items.subList(from, Math.min(end, from + BATCH_SIZE))
						.forEach((item) -> rows.add(toRow.apply(item)));
					Neo4jClient.RunnableSpec query = this.neo4j.query(statement).bind(rows).to("rows");
					if (!counted) {
						query.run();
						continue;
					}
					long created = query.fetchAs(Long.class)
						.mappedBy((types, row) -> row.get("created").asLong())
						.one()
						.orElse(0L);
					if (created != rows.size()) {
						throw new IllegalStateException("Created " + created + " of " + rows.size()
								+ " rows: a partner an edge names is missing from the genealogy");
					}
				}
				this.events.publishEvent(GenealogyChanged.all());
			});
		}
	}

	private static Object values(Partner partner) {
		return Arrays.asList(partner.number().value(), partner.firstName(), partner.lastName(), partner.email(),
				partner.city(), partner.country(), partner.language(), partner.status().name(),
				PartnerNodes.utc(partner.joinedAt()));
	}

	private static Object values(Sponsorship edge) {
		return Arrays.asList(edge.partner().value(), edge.sponsor().value(), PartnerNodes.utc(edge.validFrom()),
				PartnerNodes.utc(edge.validTo()));
	}

	private static Object values(Placement edge) {
		return Arrays.asList(edge.partner().value(), edge.parent().value(), edge.plan(),
				(edge.leg() != null) ? edge.leg().name() : null, PartnerNodes.utc(edge.validFrom()),
				PartnerNodes.utc(edge.validTo()));
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
