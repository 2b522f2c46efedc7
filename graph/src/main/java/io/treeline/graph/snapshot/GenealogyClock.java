package io.treeline.graph.snapshot;

import io.treeline.cypher.CypherStatements;
import io.treeline.graph.GenealogyChanged;

import org.springframework.context.event.EventListener;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * The genealogy clock: one node in Neo4j whose version counts the genealogy changes.
 * Every change increments it in its own transaction, so Neo4j, not any application node,
 * knows whether a cached tree is still current: a node whose trees were read at another
 * version reads them again (ADR 15).
 */
@Component
class GenealogyClock {

	static final String NAME = "genealogy";

	private static final String ADVANCE = CypherStatements.load("clock/advance");

	private static final String READ = CypherStatements.load("clock/read");

	private final Neo4jClient neo4j;

	GenealogyClock(Neo4jClient neo4j) {
		this.neo4j = neo4j;
	}

	/**
	 * Counts a change. {@link GenealogyChanged} is published inside the Neo4j transaction
	 * of the change, and a plain listener runs in the publisher's thread, so the
	 * increment commits or rolls back with the change; a failing increment fails the
	 * change.
	 * @param change the change
	 */
	@EventListener
	void advance(GenealogyChanged change) {
		this.neo4j.query(ADVANCE).bind(NAME).to("name").run();
	}

	/**
	 * Returns the version as the current transaction sees it.
	 * @return the number of changes, {@code 0} before the first
	 */
	long read() {
		return this.neo4j.query(READ)
			.bind(NAME)
			.to("name")
			.fetchAs(Long.class)
			.mappedBy((types, row) -> row.get("version").asLong())
			.one()
			.orElse(0L);
	}

}
