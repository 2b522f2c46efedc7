package io.treeline.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The report of one size, made from its {@link Results}: a Markdown table of every figure
 * beside its baseline and floor, the reproducibility checks and the plots over all sizes.
 */
final class Report {

	private Report() {
	}

	static String format(double value) {
		if (Double.isNaN(value)) {
			return "";
		}
		if (value >= 100) {
			return String.format(Locale.ROOT, "%,.0f", value);
		}
		return String.format(Locale.ROOT, (value >= 1) ? "%,.2f" : "%,.3f", value);
	}

	static String ratio(double value, double reference) {
		if (Double.isNaN(value) || Double.isNaN(reference) || reference <= 0) {
			return "";
		}
		double ratio = value / reference;
		if (ratio >= 100) {
			return String.format(Locale.ROOT, "%,.0f×", ratio);
		}
		return String.format(Locale.ROOT, (ratio >= 1) ? "%,.1f×" : (ratio >= 0.01) ? "%.2f×" : "%.4f×", ratio);
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

	/**
	 * Describes the machine the benchmark runs on.
	 * @return cores, memory, processor, JDK, operating system and heap
	 */
	static String machine() {
		Runtime runtime = Runtime.getRuntime();
		long memory = (ManagementFactory
			.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os)
					? os.getTotalMemorySize() : -1;
		String heapLimit = ManagementFactory.getRuntimeMXBean()
			.getInputArguments()
			.stream()
			.filter((argument) -> argument.startsWith("-Xmx"))
			.reduce((first, second) -> second)
			.orElse(gib(runtime.maxMemory()) + " GiB");
		return String.format(Locale.ROOT, "%d cores (%s), %s memory, heap %s; %s %s (%s); %s, kernel %s %s",
				runtime.availableProcessors(), cpu(), (memory > 0) ? gib(memory) + " GiB" : "unknown", heapLimit,
				ManagementFactory.getRuntimeMXBean().getVmName(), System.getProperty("java.version"),
				System.getProperty("java.vendor"), operatingSystem(), System.getProperty("os.version"),
				System.getProperty("os.arch"));
	}

	private static String gib(long bytes) {
		return String.format(Locale.ROOT, "%.1f", bytes / (1024.0 * 1024 * 1024));
	}

	private static String cpu() {
		return firstValue(Path.of("/proc/cpuinfo"), "model name").orElse("processor unknown");
	}

	private static String operatingSystem() {
		return firstValue(Path.of("/etc/os-release"), "PRETTY_NAME").map((name) -> name.replace("\"", ""))
			.orElse(System.getProperty("os.name"));
	}

	private static Optional<String> firstValue(Path file, String name) {
		try {
			return Files.readAllLines(file)
				.stream()
				.filter((line) -> line.startsWith(name))
				.map((line) -> line.substring(line.indexOf((line.indexOf(':') >= 0) ? ':' : '=') + 1).trim())
				.findFirst();
		}
		catch (IOException | RuntimeException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Writes the report of one size.
	 * @param file the Markdown file
	 * @param results the size's results
	 * @param plots the plot files (relative to the report), shown below the table
	 */
	static void write(Path file, Results results, List<String> plots) {
		StringBuilder text = new StringBuilder();
		text.append("# Benchmark: ").append(String.format(Locale.ROOT, "%,d", results.size)).append(" partners\n\n");
		info(results, "measured").ifPresent((value) -> text.append("Measured ").append(value));
		info(results, "command").ifPresent((value) -> text.append(" with `").append(value).append('`'));
		text.append(".\n\n");
		info(results, "machine").ifPresent((value) -> text.append("Machine: ").append(value).append(".\n\n"));
		info(results, "setup").ifPresent((value) -> text.append(value).append("\n\n"));
		text.append("""
				Ratios are ours divided by the other. "Baseline" is the faster of the naive alternatives run \
				beside ours in the same run (PostgreSQL recursive CTE, Cypher variable-length pattern; both are \
				shown), "× baseline" below 1 means ours is faster. "Floor" is a bare pass over arrays of the \
				same data, "× floor" how many times the floor ours takes. "did not finish" marks a baseline \
				stopped at its time limit.

				""");
		text.append("| What | Ours | Baseline | × baseline | Floor | × floor | Note |\n");
		text.append("|---|---:|---|---:|---:|---:|---|\n");
		for (Results.Row row : results.rows()) {
			if (Results.CHECK.equals(row.unit()) || Results.INFO.equals(row.unit())) {
				continue;
			}
			boolean timed = Results.MILLIS.equals(row.unit());
			double baseline = fastest(row.cte(), row.cypher());
			text.append("| ")
				.append(row.what())
				.append(" | ")
				.append(figure(row))
				.append(" | ")
				.append(baselines(row))
				.append(" | ")
				.append(timed ? ratio(row.number(), baseline) : "")
				.append(" | ")
				.append(Double.isNaN(row.floor()) ? "" : format(row.floor()) + " ms")
				.append(" | ")
				.append(timed ? ratio(row.number(), row.floor()) : "")
				.append(" | ")
				.append((row.note() != null) ? row.note().replace("|", "/") : "")
				.append(" |\n");
		}
		text.append("\n## Reproducibility\n\n");
		text.append("""
				The same seed gives the same organisation, orders and commission results. To compare a run \
				with the one recorded here, run `./benchmark/run SIZE --check`: it measures again, compares \
				these values with `results-SIZE.csv` and fails on any difference, without overwriting the \
				recorded files.

				""");
		text.append("| Check | Value |\n|---|---|\n");
		for (Results.Row row : results.rows()) {
			if (Results.CHECK.equals(row.unit())) {
				text.append("| ").append(row.what()).append(" | `").append(row.value()).append("` |\n");
			}
		}
		if (!plots.isEmpty()) {
			text.append("\n## Time against size (all sizes measured, log scales)\n\n");
			for (String plot : plots) {
				text.append("![").append(plot).append("](").append(plot).append(")\n");
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

	private static String figure(Results.Row row) {
		double number = row.number();
		if (Double.isNaN(number)) {
			return row.value();
		}
		return switch (row.unit()) {
			case Results.MILLIS -> format(number) + " ms";
			case Results.PER_SECOND -> String.format(Locale.ROOT, "%,.0f/s", number);
			case Results.MEBIBYTES -> String.format(Locale.ROOT, "%,.0f MiB", number);
			case Results.COUNT -> String.format(Locale.ROOT, "%,.0f", number);
			default -> row.value();
		};
	}

	private static double fastest(double cte, double cypher) {
		double fastest = Double.NaN;
		for (double candidate : new double[] { cte, cypher }) {
			if (!Double.isNaN(candidate) && !Double.isInfinite(candidate)
					&& (Double.isNaN(fastest) || candidate < fastest)) {
				fastest = candidate;
			}
		}
		return fastest;
	}

	private static String baselines(Results.Row row) {
		StringBuilder text = new StringBuilder();
		baseline(text, "CTE", row.cte());
		baseline(text, "Cypher", row.cypher());
		return text.toString();
	}

	private static void baseline(StringBuilder text, String name, double millis) {
		if (Double.isNaN(millis)) {
			return;
		}
		if (!text.isEmpty()) {
			text.append("; ");
		}
		text.append(name).append(' ').append(Double.isInfinite(millis) ? "did not finish" : format(millis) + " ms");
	}

	private static Optional<String> info(Results results, String key) {
		return results.row(key).map(Results.Row::value);
	}

}
