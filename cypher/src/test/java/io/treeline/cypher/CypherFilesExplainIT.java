package io.treeline.cypher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Plans every Cypher file of the product with {@code EXPLAIN} against an embedded Neo4j
 * that carries the product's schema, so a syntax error, an unknown procedure or a wrong
 * parameter style fails the build, not a user.
 */
class CypherFilesExplainIT {

	private static final Path STATEMENTS = Path.of("src/main/resources/cypher");

	@TempDir
	static Path home;

	private static DatabaseManagementService service;

	private static GraphDatabaseService database;

	@BeforeAll
	static void startWithSchema() throws IOException {
		service = new DatabaseManagementServiceBuilder(home)
			.setConfig(GraphDatabaseSettings.pagecache_memory, 16L * 1024 * 1024)
			.build();
		database = service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
		for (String schemaStatement : SchemaFiles.statements()) {
			database.executeTransactionally(schemaStatement);
		}
	}

	@AfterAll
	static void stop() {
		service.shutdown();
	}

	@TestFactory
	Stream<DynamicTest> everyStatementFileIsPlannable() throws IOException {
		List<Path> files;
		try (Stream<Path> walk = Files.walk(STATEMENTS)) {
			files = walk.filter((p) -> p.toString().endsWith(".cypher")).sorted().toList();
		}
		assertThat(files).isNotEmpty();
		return files.stream().map((file) -> {
			String name = STATEMENTS.relativize(file).toString().replace(".cypher", "").replace('\\', '/');
			return DynamicTest.dynamicTest(name, () -> {
				String statement = CypherStatements.load(name);
				assertThat(statement).doesNotContain(";");
				assertThatNoException().isThrownBy(() -> database.executeTransactionally("EXPLAIN " + statement));
			});
		});
	}

}
