package io.treeline.cypher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the Neo4j schema migrations of the schema module in version order, split into
 * statements, for tests that need the product's indexes.
 */
final class SchemaFiles {

	private static final Path FOLDER = Path.of("../schema/src/main/resources/neo4j");

	private SchemaFiles() {
	}

	static List<String> statements() throws IOException {
		try (Stream<Path> files = Files.list(FOLDER)) {
			return files.filter((f) -> f.getFileName().toString().matches("V\\d+__.+\\.cypher"))
				.sorted()
				.flatMap(SchemaFiles::split)
				.toList();
		}
	}

	private static Stream<String> split(Path file) {
		try {
			return Arrays.stream(CypherStatements.withoutHeader(Files.readString(file)).split(";"))
				.map(String::strip)
				.filter((s) -> !s.isEmpty());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
