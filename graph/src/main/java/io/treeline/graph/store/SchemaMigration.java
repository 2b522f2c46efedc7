package io.treeline.graph.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * One versioned Cypher file of the graph schema,
 * {@code V<version>__<description>.cypher}, holding one or more statements separated by a
 * semicolon at the end of a line.
 *
 * @param version the version, compared as a number
 * @param description the description from the file name
 * @param statements the statements in file order
 * @param checksum SHA-256 of the file's text, to detect files changed after they were
 * applied
 */
record SchemaMigration(int version, String description, List<String> statements, String checksum) {

	private static final Pattern FILE_NAME = Pattern.compile("V(\\d+)__(\\w+)\\.cypher");

	private static final Pattern STATEMENT_END = Pattern.compile(";\\s*(\\R|$)");

	static List<SchemaMigration> onClassPath(ResourcePatternResolver resolver, String location) {
		try {
			List<SchemaMigration> migrations = Arrays.stream(resolver.getResources(location + "/*.cypher"))
				.map(SchemaMigration::read)
				.sorted(Comparator.comparingInt(SchemaMigration::version))
				.toList();
			for (int i = 1; i < migrations.size(); i++) {
				if (migrations.get(i).version() == migrations.get(i - 1).version()) {
					throw new IllegalStateException(
							"Two Neo4j schema migrations have version " + migrations.get(i).version());
				}
			}
			return migrations;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list the Neo4j schema migrations in " + location, ex);
		}
	}

	static SchemaMigration read(Resource resource) {
		String name = resource.getFilename();
		Matcher matcher = FILE_NAME.matcher((name != null) ? name : "");
		if (!matcher.matches()) {
			throw new IllegalStateException(
					"Neo4j schema migration " + name + " is not named V<version>__<description>.cypher");
		}
		try {
			String text = resource.getContentAsString(StandardCharsets.UTF_8);
			return parse(Integer.parseInt(matcher.group(1)), matcher.group(2), text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + name, ex);
		}
	}

	static SchemaMigration parse(int version, String description, String text) {
		List<String> statements = Arrays.stream(STATEMENT_END.split(text))
			.map(SchemaMigration::withoutComments)
			.filter((statement) -> !statement.isEmpty())
			.toList();
		if (statements.isEmpty()) {
			throw new IllegalStateException("Neo4j schema migration V" + version + " holds no statement");
		}
		return new SchemaMigration(version, description.replace('_', ' '), statements, sha256(text));
	}

	private static String withoutComments(String statement) {
		return statement.lines()
			.filter((line) -> !line.stripLeading().startsWith("//"))
			.reduce((a, b) -> a + "\n" + b)
			.orElse("")
			.strip();
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
