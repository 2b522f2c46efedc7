package io.treeline.graph.organisation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.treeline.cypher.CypherStatements;
import io.treeline.graph.organisation.TreeSweep.Edge;
import io.treeline.graph.partner.PartnerNodes;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * Reads the stored edges an import is checked against with the statements of
 * {@code cypher/organisation}: set-based, one query per batch of 10,000 partner numbers,
 * never one per row.
 */
@Component
class CypherStoredEdges {

	static final int BATCH_SIZE = 10_000;

	private static final String SPONSOR_EDGES_OF = CypherStatements.load("organisation/sponsorEdgesOf");

	private static final String SPONSOR_HISTORY = CypherStatements.load("organisation/sponsorHistory");

	private static final String PLACEMENT_EDGES_OF = CypherStatements.load("organisation/placementEdgesOf");

	private static final String PLACEMENT_EDGES_UNDER = CypherStatements.load("organisation/placementEdgesUnder");

	private static final String PLACEMENT_HISTORY = CypherStatements.load("organisation/placementHistory");

	private final Neo4jClient neo4j;

	CypherStoredEdges(Neo4jClient neo4j) {
		this.neo4j = neo4j;
	}

	/**
	 * Returns the stored edges of the sponsor tree.
	 * @return the edges as the import reads them
	 */
	StoredEdges sponsorTree() {
		return new StoredEdges() {

			@Override
			public List<Edge> of(Collection<String> children) {
				return inBatches(SPONSOR_EDGES_OF, "partners", children, Map.of());
			}

			@Override
			public List<Edge> under(Collection<String> parents) {
				return List.of();
			}

			@Override
			public List<Edge> all() {
				return read(SPONSOR_HISTORY, Map.of());
			}

		};
	}

	/**
	 * Returns the stored edges of a placement tree.
	 * @param plan the plan of the tree
	 * @return the edges as the import reads them
	 */
	StoredEdges placementTree(String plan) {
		Map<String, Object> inPlan = Map.of("plan", plan);
		return new StoredEdges() {

			@Override
			public List<Edge> of(Collection<String> children) {
				return inBatches(PLACEMENT_EDGES_OF, "partners", children, inPlan);
			}

			@Override
			public List<Edge> under(Collection<String> parents) {
				return inBatches(PLACEMENT_EDGES_UNDER, "parents", parents, inPlan);
			}

			@Override
			public List<Edge> all() {
				return read(PLACEMENT_HISTORY, inPlan);
			}

		};
	}

	private List<Edge> inBatches(String statement, String name, Collection<String> numbers,
			Map<String, Object> parameters) {
		List<String> all = List.copyOf(numbers);
		List<Edge> edges = new ArrayList<>();
		for (int from = 0; from < all.size(); from += BATCH_SIZE) {
			Map<String, Object> batch = new HashMap<>(parameters);
			batch.put(name, all.subList(from, Math.min(all.size(), from + BATCH_SIZE)));
			edges.addAll(read(statement, batch));
		}
		return edges;
	}

	private List<Edge> read(String statement, Map<String, Object> parameters) {
		return List.copyOf(this.neo4j.query(statement)
			.bindAll(parameters)
			.fetchAs(Edge.class)
			.mappedBy((types, row) -> edge(row))
			.all());
	}

	private static Edge edge(Record row) {
		Value position = row.get("position");
		Value validTo = row.get("validTo");
		return new Edge(row.get("partner").asString(), row.get("parent").asString(),
				position.isNull() ? null : position.asString(), instant(row.get("validFrom")),
				validTo.isNull() ? null : instant(validTo), true);
	}

	private static Instant instant(Value value) {
		return PartnerNodes.instant(value.asZonedDateTime());
	}

}
