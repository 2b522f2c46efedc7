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
import io.treeline.graph.store.GraphTransactional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * Loads organisations with batched {@code UNWIND ... MERGE} statements from
 * {@code cypher/organisation}, partners first, then sponsor and placement edges.
 */
@Component
class CypherOrganisationLoader implements OrganisationLoader {

	private static final Logger logger = LoggerFactory.getLogger(CypherOrganisationLoader.class);

	private static final int BATCH_SIZE = 5_000;

	private static final String MERGE_PARTNERS = CypherStatements.load("organisation/mergePartners");

	private static final String MERGE_SPONSORSHIPS = CypherStatements.load("organisation/mergeSponsorships");

	private static final String MERGE_PLACEMENTS = CypherStatements.load("organisation/mergePlacements");

	private final Neo4jClient neo4j;

	private final ApplicationEventPublisher events;

	CypherOrganisationLoader(Neo4jClient neo4j, ApplicationEventPublisher events) {
		this.neo4j = neo4j;
		this.events = events;
	}

	@Override
	@GraphTransactional
	public void load(Organisation organisation) {
		inBatches(MERGE_PARTNERS, organisation.partners(), PartnerNodes::properties);
		inBatches(MERGE_SPONSORSHIPS, organisation.sponsorships(), CypherOrganisationLoader::row);
		inBatches(MERGE_PLACEMENTS, organisation.placements(), CypherOrganisationLoader::row);
		this.events.publishEvent(new GenealogyChanged());
		logger.info("Loaded {} partners, {} sponsor edges and {} placement edges", organisation.partners().size(),
				organisation.sponsorships().size(), organisation.placements().size());
	}

	private <T> void inBatches(String statement, List<T> items, Function<T, Map<String, Object>> toRow) {
		for (int from = 0; from < items.size(); from += BATCH_SIZE) {
			List<Map<String, Object>> rows = items.subList(from, Math.min(items.size(), from + BATCH_SIZE))
				.stream()
				.map(toRow)
				.toList();
			this.neo4j.query(statement).bind(rows).to("rows").run();
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
