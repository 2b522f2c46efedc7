package io.treeline.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The figures of one benchmark run, written as a Markdown table with the machine they
 * were measured on.
 */
final class Report {

	private final List<String[]> rows = new ArrayList<>();

	private final List<String> notes = new ArrayList<>();

	void add(String what, String value, String note) {
		this.rows.add(new String[] { what, value, (note != null) ? note : "" });
	}

	void millis(String what, double millis, String note) {
		add(what, format(millis) + " ms", note);
	}

	void note(String note) {
		this.notes.add(note);
	}

	static String format(double value) {
		if (value >= 100) {
			return String.format(Locale.ROOT, "%,.0f", value);
		}
		return String.format(Locale.ROOT, (value >= 1) ? "%,.2f" : "%,.3f", value);
	}

	/**
	 * Returns a percentile of measured times.
	 * @param nanos the times
	 * @param percentile e.g. 50 or 99
	 * @return milliseconds
	 */
	static double percentile(long[] nanos, int percentile) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
	}

	void write(Path file, String title, String command) {
		StringBuilder text = new StringBuilder();
		text.append("# ").append(title).append("\n\n");
		text.append("Measured ")
			.append(Instant.now().toString(), 0, 16)
			.append("Z with `")
			.append(command)
			.append("`.\n\n");
		Runtime runtime = Runtime.getRuntime();
		text.append("Machine: ")
			.append(runtime.availableProcessors())
			.append(" cores, max heap ")
			.append(runtime.maxMemory() / (1024 * 1024 * 1024))
			.append(" GiB, ")
			.append(ManagementFactory.getRuntimeMXBean().getVmName())
			.append(' ')
			.append(System.getProperty("java.version"))
			.append(", ")
			.append(System.getProperty("os.name"))
			.append(' ')
			.append(System.getProperty("os.arch"))
			.append("; embedded Neo4j and PostgreSQL in the same process tree.\n\n");
		text.append("| What | Figure | Note |\n|---|---:|---|\n");
		for (String[] row : this.rows) {
			text.append("| ").append(row[0]).append(" | ").append(row[1]).append(" | ").append(row[2]).append(" |\n");
		}
		if (!this.notes.isEmpty()) {
			text.append('\n');
			for (String note : this.notes) {
				text.append("- ").append(note).append('\n');
			}
		}
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			Files.writeString(file, text, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
