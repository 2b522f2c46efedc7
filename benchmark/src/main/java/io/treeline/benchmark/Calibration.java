package io.treeline.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A fixed amount of work timed at points of a run, so that a report shows how fast the
 * machine was while it ran. The machines here drift by ±20 % within an hour, also in
 * steps no change touched; without such a figure a slow hour looks like a regression.
 *
 * <p>
 * The work is the kind a close does: a sort of {@value #SORTED} pseudo-random longs
 * (processor and sequential memory) and {@value #READS} reads one after the other through
 * a random cycle of {@value #TABLE} ints, 64 MiB (each read a cache miss, as in the
 * close's lookups of partners). Each part runs {@value #ROUNDS} times and counts with its
 * median; everything is seeded, so every run does the same work. Both run on one thread:
 * a figure is the speed of a core, not of the machine's two.
 */
final class Calibration {

	static final int SORTED = 1 << 22;

	static final int TABLE = 1 << 24;

	static final int READS = 1 << 22;

	static final int ROUNDS = 3;

	private static final long SEED = 20261128L;

	/**
	 * One calibration.
	 *
	 * @param sortMillis the median time of the sort
	 * @param readMillis the median time of the dependent reads
	 * @param check a value computed from both parts (the same in every run), so that
	 * neither can be left out by the compiler
	 */
	record Figure(double sortMillis, double readMillis, long check) {

		double millis() {
			return this.sortMillis + this.readMillis;
		}

		String describe() {
			return String.format(Locale.ROOT, "sort %.0f ms + reads %.0f ms", this.sortMillis, this.readMillis);
		}

	}

	private Calibration() {
	}

	/**
	 * Times the fixed work.
	 * @return the medians of its parts
	 */
	static Figure measure() {
		int[] table = cycle();
		long[] sorts = new long[ROUNDS];
		long[] reads = new long[ROUNDS];
		long check = 0;
		for (int round = 0; round < ROUNDS; round++) {
			long started = System.nanoTime();
			check += sort();
			sorts[round] = System.nanoTime() - started;
			started = System.nanoTime();
			check += read(table, round);
			reads[round] = System.nanoTime() - started;
		}
		return new Figure(Report.percentile(sorts, 50), Report.percentile(reads, 50), check);
	}

	/** Sorts the same pseudo-random longs and returns one of them. */
	static long sort() {
		SplittableRandom random = new SplittableRandom(SEED);
		long[] values = new long[SORTED];
		for (int i = 0; i < values.length; i++) {
			values[i] = random.nextLong();
		}
		Arrays.sort(values);
		return values[SORTED / 2];
	}

	/**
	 * Follows the cycle for {@value #READS} steps from a start given by the round, each
	 * step the index the one before read.
	 */
	static long read(int[] table, int round) {
		int at = round;
		for (int i = 0; i < READS; i++) {
			at = table[at];
		}
		return at;
	}

	/**
	 * A random cycle through every index (Sattolo's algorithm: a permutation of a single
	 * cycle, so a walk never falls into a short loop that stays in the cache). Made for
	 * each calibration and not timed; not kept, so that it does not count in the run's
	 * peak heap.
	 */
	static int[] cycle() {
		int[] table = new int[TABLE];
		for (int i = 0; i < table.length; i++) {
			table[i] = i;
		}
		SplittableRandom random = new SplittableRandom(SEED);
		for (int i = table.length - 1; i > 0; i--) {
			int j = random.nextInt(i);
			int swap = table[i];
			table[i] = table[j];
			table[j] = swap;
		}
		return table;
	}

	/**
	 * The processors' time counters of the whole machine (from {@code /proc/stat}), in
	 * ticks of all processors together: to tell how busy the machine was during a step
	 * (the benchmark's JVM and PostgreSQL's processes alike), and how much of its time a
	 * hypervisor gave to others ("steal") while the run went on.
	 *
	 * @param total every tick counted
	 * @param idle the ticks idle or waiting for input or output
	 * @param steal the ticks stolen
	 */
	record CpuTicks(long total, long idle, long steal) {

		static CpuTicks now() {
			try {
				for (String line : Files.readAllLines(Path.of("/proc/stat"))) {
					if (line.startsWith("cpu ")) {
						return parse(line);
					}
				}
			}
			catch (IOException | RuntimeException ex) {
				// not a Linux machine: no figure
			}
			return new CpuTicks(0, 0, 0);
		}

		/** Reads the line "cpu user nice system idle iowait irq softirq steal ...". */
		static CpuTicks parse(String line) {
			String[] fields = line.trim().split("\\s+");
			long total = 0;
			// guest times are counted in user and nice already
			for (int i = 1; i < Math.min(fields.length, 9); i++) {
				total += Long.parseLong(fields[i]);
			}
			return new CpuTicks(total, Long.parseLong(fields[4]) + Long.parseLong(fields[5]),
					(fields.length > 8) ? Long.parseLong(fields[8]) : 0);
		}

		/**
		 * The share of the processors' time stolen since another reading, in percent.
		 * @return the share, {@code NaN} where the counters are not known
		 */
		double stealPercentSince(CpuTicks before) {
			long total = this.total - before.total;
			return (total > 0) ? 100.0 * (this.steal - before.steal) / total : Double.NaN;
		}

		/**
		 * The share of the processors' time spent working (neither idle nor stolen) since
		 * another reading, in percent of all processors.
		 * @return the share, {@code NaN} where the counters are not known
		 */
		double busyPercentSince(CpuTicks before) {
			long total = this.total - before.total;
			long busy = total - (this.idle - before.idle) - (this.steal - before.steal);
			return (total > 0) ? 100.0 * busy / total : Double.NaN;
		}

	}

}
