package io.treeline.compensation;

import org.flywaydb.core.Flyway;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Gives a test a company of its own. Every plan sees every order and the pool shares the
 * company's BV, so tests must not see each other's data; the ledger refuses deletes, so
 * the schema is dropped and migrated again instead.
 */
public final class EmptyCompany {

	private EmptyCompany() {
	}

	public static void reset(Neo4jClient neo4j, JdbcClient jdbc, Flyway flyway) {
		neo4j.query("MATCH (p:Partner) DETACH DELETE p").run();
		jdbc.sql("drop schema public cascade").update();
		jdbc.sql("create schema public").update();
		flyway.migrate();
	}

}
