package io.treeline.graph.organisation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.treeline.cypher.CypherStatements;
import io.treeline.graph.GenealogyChanged;
import io.treeline.graph.Organisation;
import io.treeline.graph.OrganisationLoader;
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
 * Loads organisations with batched {@code UNWIND ... MERGE} statements from
 * {@code cypher/organisation}, partners first, then sponsor and placement edges, in
 * transactions of 50,000 rows (one transaction of a million partners exceeds Neo4j's
 * transaction memory, measured).
 */
@Component
class CypherOrganisationLoader implements OrganisationLoader {

	private static final Logger logger = LoggerFactory.getLogger(CypherOrganisationLoader.class);

	private static final int BATCH_SIZE = 5_000;

	private static final int COMMIT_SIZE = 50_000;

	private static final String MERGE_PARTNERS = CypherStatements.load("organisation/mergePartners");

	private static final String MERGE_SPONSORSHIPS = CypherStatements.load("organisation/mergeSponsorships");

	private static final String MERGE_PLACEMENTS = CypherStatements.load("organisation/mergePlacements");

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
		inBatches(MERGE_PARTNERS, organisation.partners(), PartnerNodes::properties);
		inBatches(MERGE_SPONSORSHIPS, organisation.sponsorships(), CypherOrganisationLoader::row);
		inBatches(MERGE_PLACEMENTS, organisation.placements(), CypherOrganisationLoader::row);
		logger.info("Loaded {} partners, {} sponsor edges and {} placement edges", organisation.partners().size(),
				organisation.sponsorships().size(), organisation.placements().size());
	}

	/**
	 * Runs a statement over the items in batches, committing every {@link #COMMIT_SIZE}
	 * rows so that a load of millions never holds them all in one transaction.
	 */
	private <T> void inBatches(String statement, List<T> items, Function<T, Map<String, Object>> toRow) {
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
