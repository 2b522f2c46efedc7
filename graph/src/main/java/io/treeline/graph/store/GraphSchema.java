package io.treeline.graph.store;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.treeline.cypher.CypherStatements;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the graph's constraints and indexes to the version of the running code: applies
 * the schema migrations that are not yet recorded in the graph, in version order, and
 * records each one as a {@code (:__SchemaMigration)} node, so none is ever applied twice.
 * A recorded migration whose file has changed since stops the start, because the graph
 * would no longer match what its file says. Schema statements are idempotent
 * ({@code IF NOT EXISTS}), so two instances starting at once do no harm.
 */
public class GraphSchema {

	static final String LOCATION = "classpath*:neo4j";

	private static final Logger logger = LoggerFactory.getLogger(GraphSchema.class);

	private static final String CONSTRAIN_VERSIONS = CypherStatements.load("schema/constrainVersions");

	private static final String APPLIED = CypherStatements.load("schema/applied");

	private static final String RECORD = CypherStatements.load("schema/record");

	private final Driver driver;

	private final List<SchemaMigration> migrations;

	GraphSchema(Driver driver, List<SchemaMigration> migrations) {
		this.driver = driver;
		this.migrations = migrations;
	}

	void migrate() {
		try (Session session = this.driver.session()) {
			session.run(CONSTRAIN_VERSIONS).consume();
			Map<Integer, String> applied = new HashMap<>();
			session.run(APPLIED)
				.forEachRemaining((row) -> applied.put(row.get("version").asInt(), row.get("checksum").asString()));
			int newlyApplied = 0;
			for (SchemaMigration migration : this.migrations) {
				String recorded = applied.get(migration.version());
				if (recorded != null) {
					if (!recorded.equals(migration.checksum())) {
						throw new IllegalStateException(
								("Neo4j schema migration V%d (%s) was changed after it was applied;"
										+ " add a new migration instead of editing an applied one")
									.formatted(migration.version(), migration.description()));
					}
					continue;
				}
				migration.statements().forEach((statement) -> session.run(statement).consume());
				session.executeWriteWithoutResult((tx) -> tx
					.run(RECORD, Map.of("version", migration.version(), "description", migration.description(),
							"checksum", migration.checksum()))
					.consume());
				logger.info("Applied Neo4j schema migration V{} ({})", migration.version(), migration.description());
				newlyApplied++;
			}
			logger.info("Neo4j schema is at version {} ({} applied now)", version(), newlyApplied);
		}
	}

	/**
	 * Returns the version of the schema the running code expects, which
	 * {@link #migrate()} has brought the graph to.
	 * @return the version of the last migration, {@code 0} when there is none
	 */
	public int version() {
		return this.migrations.isEmpty() ? 0 : this.migrations.get(this.migrations.size() - 1).version();
	}

}
