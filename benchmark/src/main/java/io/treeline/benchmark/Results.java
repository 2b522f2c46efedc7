package io.treeline.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The figures of one size, kept machine-readable in {@code results-SIZE.csv} beside the
 * report, so that the report and the plots can be made again from every size measured,
 * and a second run can be compared with the first.
 */
final class Results {

	static final String MILLIS = "ms";

	static final String PER_SECOND = "per s";

	static final String MEBIBYTES = "MiB";

	static final String COUNT = "count";

	/** Reproducibility checks: the same seed must give the same value. */
	static final String CHECK = "check";

	/** Descriptive text: machine, command, dates. */
	static final String INFO = "info";

	private static final Pattern FILE = Pattern.compile("results-(\\d+)\\.csv");

	private static final String HEADER = "key,what,unit,value,cteMillis,cypherMillis,floorMillis,note";

	final int size;

	private final Map<String, Row> rows = new LinkedHashMap<>();

	Results(int size) {
		this.size = size;
	}

	/**
	 * One figure.
	 *
	 * @param key a stable name (the plots and checks find rows by it)
	 * @param what what was measured, as the report shows it
	 * @param unit one of the units above
	 * @param value the figure (a number, or text for checks and information)
	 * @param cte the same by a PostgreSQL recursive CTE in milliseconds, {@code NaN} if
	 * not run, infinite if it did not finish within its limit
	 * @param cypher the same by a Cypher variable-length pattern, likewise
	 * @param floor the same as a bare pass over arrays, {@code NaN} if not run
	 * @param note how it was measured
	 */
	record Row(String key, String what, String unit, String value, double cte, double cypher, double floor,
			String note) {

		double number() {
			try {
				return Double.parseDouble(this.value);
			}
			catch (NumberFormatException ex) {
				return Double.NaN;
			}
		}

	}

	void add(Row row) {
		this.rows.put(row.key(), row);
	}

	void millis(String key, String what, double millis, String note) {
		add(new Row(key, what, MILLIS, number(millis), Double.NaN, Double.NaN, Double.NaN, note));
	}

	void value(String key, String what, String unit, double value, String note) {
		add(new Row(key, what, unit, number(value), Double.NaN, Double.NaN, Double.NaN, note));
	}

	void text(String key, String what, String unit, String value, String note) {
		add(new Row(key, what, unit, value, Double.NaN, Double.NaN, Double.NaN, note));
	}

	/**
	 * Adds rows after another row (or at the end, if there is none), replacing rows with
	 * the same keys.
	 * @param key the row they follow
	 * @param added the rows
	 */
	void addAfter(String key, List<Row> added) {
		List<Row> before = new ArrayList<>(this.rows.values());
		this.rows.clear();
		boolean placed = false;
		for (Row row : before) {
			if (added.stream().anyMatch((candidate) -> candidate.key().equals(row.key()))) {
				continue;
			}
			this.rows.put(row.key(), row);
			if (row.key().equals(key)) {
				added.forEach((candidate) -> this.rows.put(candidate.key(), candidate));
				placed = true;
			}
		}
		if (!placed) {
			added.forEach((candidate) -> this.rows.put(candidate.key(), candidate));
		}
	}

	Optional<Row> row(String key) {
		return Optional.ofNullable(this.rows.get(key));
	}

	List<Row> rows() {
		return List.copyOf(this.rows.values());
	}

	/**
	 * Adds the recursive CTE's time to a row measured before.
	 * @param key the row
	 * @param millis its time, infinite if it did not finish within its limit
	 * @param note what to add to the row's note
	 */
	void cte(String key, double millis, String note) {
		change(key, (row) -> new Row(row.key(), row.what(), row.unit(), row.value(), millis, row.cypher(), row.floor(),
				join(row.note(), note)));
	}

	/**
	 * Adds the Cypher variable-length pattern's time to a row measured before.
	 * @param key the row
	 * @param millis its time, infinite if it did not finish within its limit
	 * @param note what to add to the row's note
	 */
	void cypher(String key, double millis, String note) {
		change(key, (row) -> new Row(row.key(), row.what(), row.unit(), row.value(), row.cte(), millis, row.floor(),
				join(row.note(), note)));
	}

	/**
	 * Adds the floor's time to a row measured before.
	 * @param key the row
	 * @param millis the time of a bare pass over arrays
	 * @param note what to add to the row's note
	 */
	void floor(String key, double millis, String note) {
		change(key, (row) -> new Row(row.key(), row.what(), row.unit(), row.value(), row.cte(), row.cypher(), millis,
				join(row.note(), note)));
	}

	private void change(String key, UnaryOperator<Row> change) {
		Row row = this.rows.get(key);
		if (row != null) {
			this.rows.put(key, change.apply(row));
		}
	}

	static String join(String a, String b) {
		if (a == null || a.isEmpty()) {
			return b;
		}
		return (b == null || b.isEmpty()) ? a : a + "; " + b;
	}

	static String number(double value) {
		if (Double.isNaN(value)) {
			return "";
		}
		if (Double.isInfinite(value)) {
			return "Infinity";
		}
		return String.format(Locale.ROOT, "%.4f", value);
	}

	static Path file(Path folder, int size) {
		return folder.resolve("results-" + size + ".csv");
	}

	void write(Path file) {
		StringBuilder text = new StringBuilder(HEADER).append('\n');
		for (Row row : this.rows.values()) {
			text.append(String.join(",", quote(row.key()), quote(row.what()), quote(row.unit()), quote(row.value()),
					number(row.cte()), number(row.cypher()), number(row.floor()), quote(row.note())))
				.append('\n');
		}
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			Files.writeString(file, text, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Results read(Path file, int size) {
		Results results = new Results(size);
		try {
			List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
			for (String line : lines.subList(1, lines.size())) {
				if (line.isBlank()) {
					continue;
				}
				List<String> fields = split(line);
				results.add(new Row(fields.get(0), fields.get(1), fields.get(2), fields.get(3), parse(fields.get(4)),
						parse(fields.get(5)), parse(fields.get(6)), fields.get(7)));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return results;
	}

	/**
	 * Reads the results of every size in a folder.
	 * @param folder the folder
	 * @return results by size, smallest first
	 */
	static List<Results> all(Path folder) {
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		List<Results> all = new ArrayList<>();
		try (Stream<Path> files = Files.list(folder)) {
			files.forEach((file) -> {
				Matcher matcher = FILE.matcher(file.getFileName().toString());
				if (matcher.matches()) {
					all.add(read(file, Integer.parseInt(matcher.group(1))));
				}
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		all.sort((a, b) -> Integer.compare(a.size, b.size));
		return all;
	}

	/**
	 * Compares the reproducibility checks with those of an earlier run.
	 * @param earlier the earlier run's results
	 * @return one line per check that differs or is missing; empty if all agree
	 */
	List<String> differencesFrom(Results earlier) {
		List<String> differences = new ArrayList<>();
		for (Row row : this.rows.values()) {
			if (!CHECK.equals(row.unit())) {
				continue;
			}
			Optional<Row> before = earlier.row(row.key());
			if (before.isEmpty()) {
				differences.add(row.key() + ": not in the earlier results (now " + row.value() + ")");
			}
			else if (!before.get().value().equals(row.value())) {
				differences.add(row.key() + ": " + before.get().value() + " before, " + row.value() + " now");
			}
		}
		return differences;
	}

	private static double parse(String field) {
		return field.isEmpty() ? Double.NaN : Double.parseDouble(field);
	}

	private static String quote(String field) {
		if (field == null) {
			return "";
		}
		if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0) {
			return field;
		}
		return '"' + field.replace("\"", "\"\"") + '"';
	}

	private static List<String> split(String line) {
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
					field.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					field.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				fields.add(field.toString());
				field.setLength(0);
			}
			else {
				field.append(c);
			}
		}
		fields.add(field.toString());
		return fields;
	}

}
