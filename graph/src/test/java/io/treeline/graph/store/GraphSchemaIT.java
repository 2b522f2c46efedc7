package io.treeline.graph.store;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

@SpringBootTest
class GraphSchemaIT {

	@Autowired
	Driver driver;

	@Autowired
	GraphSchema schema;

	@Test
	void recordsEveryMigrationOnceAndCreatesItsIndexes() {
		new GraphSchema(this.driver, SchemaMigration.onClassPath(
				new org.springframework.core.io.support.PathMatchingResourcePatternResolver(), GraphSchema.LOCATION))
			.migrate();
		List<Integer> recorded = this.driver
			.executableQuery("MATCH (m:__SchemaMigration) RETURN m.version AS v ORDER BY v")
			.execute()
			.records()
			.stream()
			.map((r) -> r.get("v").asInt())
			.toList();
		assertThat(recorded).containsExactly(1, 2, 3, 4, 5, 6, 7);
		assertThat(this.schema.version()).isEqualTo(7);
		List<String> indexes = this.driver.executableQuery("SHOW INDEXES YIELD name RETURN name")
			.execute()
			.records()
			.stream()
			.map((r) -> r.get("name").asString())
			.toList();
		assertThat(indexes)
			.contains("partner_number_unique", "partner_search", "genealogy_clock_name_unique",
					"genealogy_change_version_unique")
			.doesNotContain("sponsored_by_valid_from");
	}

	@Test
	void refusesToStartWhenAnAppliedMigrationWasChanged() {
		SchemaMigration edited = SchemaMigration.parse(1, "partner identity",
				"CREATE CONSTRAINT partner_number_unique IF NOT EXISTS FOR (p:Partner) REQUIRE p.number IS UNIQUE;\n// edited");
		assertThatIllegalStateException().isThrownBy(() -> new GraphSchema(this.driver, List.of(edited)).migrate())
			.withMessageContaining("V1 (partner identity) was changed after it was applied");
	}

	@Test
	void splitsStatementsAtSemicolonsThatEndALine() {
		SchemaMigration migration = SchemaMigration.parse(7, "two_things",
				"// header\nCREATE INDEX a IF NOT EXISTS FOR (n:A) ON (n.x);\n\nCREATE INDEX b IF NOT EXISTS FOR (n:B) ON (n.y);\n");
		assertThat(migration.statements()).containsExactly("CREATE INDEX a IF NOT EXISTS FOR (n:A) ON (n.x)",
				"CREATE INDEX b IF NOT EXISTS FOR (n:B) ON (n.y)");
		assertThat(migration.description()).isEqualTo("two things");
	}

}
