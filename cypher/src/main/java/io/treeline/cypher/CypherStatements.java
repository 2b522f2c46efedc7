package io.treeline.cypher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Loads Cypher statements from the class path by name. A name such as
 * {@code partner/findByNumber} resolves to {@code cypher/partner/findByNumber.cypher}.
 * The header comment of a file (its leading {@code //} lines) documents the statement and
 * is removed; the statement itself is returned unchanged and cached.
 */
public final class CypherStatements {

	private static final Pattern NAME = Pattern.compile("[a-z][a-zA-Z0-9]*(/[a-z][a-zA-Z0-9]*)+");

	private static final Map<String, String> cache = new ConcurrentHashMap<>();

	private CypherStatements() {
	}

	/**
	 * Returns the statement of the given name.
	 * @param name feature and method name, e.g. {@code partner/findByNumber}
	 * @return the statement without its header comment
	 * @throws IllegalArgumentException if the name is malformed or no such file exists
	 */
	public static String load(String name) {
		return cache.computeIfAbsent(name, CypherStatements::read);
	}

	private static String read(String name) {
		if (!NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("Not a statement name (feature/methodName): " + name);
		}
		String resource = "cypher/" + name + ".cypher";
		try (InputStream in = CypherStatements.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalArgumentException("No Cypher statement " + resource + " on the class path");
			}
			return withoutHeader(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + resource, ex);
		}
	}

	static String withoutHeader(String text) {
		StringBuilder statement = new StringBuilder();
		boolean inHeader = true;
		for (String line : text.split("\\R")) {
			if (inHeader && (line.isBlank() || line.stripLeading().startsWith("//"))) {
				continue;
			}
			inHeader = false;
			statement.append(line).append('\n');
		}
		String result = statement.toString().strip();
		if (result.isEmpty()) {
			throw new IllegalArgumentException("The Cypher file holds no statement");
		}
		return result;
	}

}
