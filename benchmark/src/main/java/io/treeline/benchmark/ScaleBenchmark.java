package io.treeline.benchmark;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import io.treeline.compensation.CommissionRuns;
import io.treeline.compensation.CompanySettings;
import io.treeline.compensation.NewOrder;
import io.treeline.compensation.OrderEvent;
import io.treeline.compensation.OrderImport;
import io.treeline.compensation.OrderImportResult;
import io.treeline.compensation.OrderLine;
import io.treeline.compensation.OrderReturn;
import io.treeline.compensation.Orders;
import io.treeline.compensation.PeriodLength;
import io.treeline.compensation.Plan;
import io.treeline.compensation.PlanType;
import io.treeline.compensation.Plans;
import io.treeline.compensation.RunProgress;
import io.treeline.compensation.RunResult;
import io.treeline.graph.DownlineQuery;
import io.treeline.graph.Genealogy;
import io.treeline.graph.GenealogySnapshot;
import io.treeline.graph.ImportResult;
import io.treeline.graph.OrganisationImport;
import io.treeline.graph.PartnerNumber;
import io.treeline.graph.PartnerStatus;
import io.treeline.graph.Relative;
import io.treeline.graph.TeamStats;
import io.treeline.graph.Tree;
import io.treeline.graph.TreeChanges;
import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The benchmark: generates an organisation with its history, loads it through the
 * product's imports and genealogy services, loads the orders of the last periods through
 * the order import and the order API, and measures the genealogy questions (also with
 * concurrent clients) and the closes of a unilevel (7 levels) and a binary plan, beside
 * the naive alternatives (PostgreSQL recursive CTE, Cypher variable-length patterns) and
 * the floor (a bare pass over arrays). Writes {@code results-SIZE.csv}, the report
 * {@code run-SIZE.md} and the plots over all sizes measured.
 */
@Component
class ScaleBenchmark implements ApplicationRunner {

	static final String BINARY = "binary";

	private static final Logger logger = LoggerFactory.getLogger(ScaleBenchmark.class);

	private static final String UNILEVEL = "unilevel";

	private static final long[] RATES_PER_MILLE = { 100, 50, 40, 30, 20, 20, 10 };

	/** The last period of the history: it has ended, so it can be closed. */
	private static final YearMonth LAST_PERIOD = YearMonth.of(2026, 10);

	/** Untimed questions before team statistics as of dates are measured. */
	private static final int WARM_UP_QUESTIONS = 5;

	private static final int[] CLIENTS = { 1, 16, 64 };

	private static final int LEADER = 25;

	/**
	 * Events of the orders through the order API recorded one per call, before the
	 * batches.
	 */
	private static final int API_SINGLE_EVENTS = 2_000;

	/** Events per call of the order API after the first {@link #API_SINGLE_EVENTS}. */
	private static final int API_BATCH = 1_000;

	private final OrganisationImport organisationImport;

	private final TreeChanges changes;

	private final Genealogy genealogy;

	private final Orders orders;

	private final OrderImport orderImport;

	private final Plans plans;

	private final CommissionRuns runs;

	private final Baselines baselines;

	private final OrderCopy orderCopy;

	private final Settings settings;

	private final CompanySettings company;

	private final Results results;

	/**
	 * The total of each close by plan and period, as the close answered it: reading a
	 * closed run back makes an object per line, which at ten million partners does not
	 * fit beside the rest.
	 */
	private final Map<String, BigDecimal> closedTotals = new HashMap<>();

	private final List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans()
		.stream()
		.filter((pool) -> pool.getType() == MemoryType.HEAP)
		.toList();

	ScaleBenchmark(OrganisationImport organisationImport, TreeChanges changes, Genealogy genealogy, Orders orders,
			OrderImport orderImport, Plans plans, CommissionRuns runs, JdbcTemplate jdbc, Driver neo4j,
			CompanySettings company, Environment environment) {
		this.organisationImport = organisationImport;
		this.changes = changes;
		this.genealogy = genealogy;
		this.orders = orders;
		this.orderImport = orderImport;
		this.plans = plans;
		this.runs = runs;
		this.baselines = new Baselines(jdbc, neo4j);
		this.orderCopy = new OrderCopy(jdbc);
		this.company = company;
		this.settings = Settings.read(environment);
		this.results = new Results(this.settings.size());
	}

	/**
	 * The benchmark's settings ({@code treeline.benchmark.*}).
	 *
	 * @param size partners
	 * @param seed the seed of the organisation and its orders
	 * @param chain partners of the grafted chain (0 for none)
	 * @param periods monthly periods of history
	 * @param orderPeriods how many of the last periods have orders (the plans start with
	 * the first of them, and each of them is closed)
	 * @param movesPerMille partners moved per period, per mille
	 * @param terminationsPerMille partners terminated per period, per mille
	 * @param apiChanges how many of the last changes go through the genealogy services
	 * instead of the import
	 * @param apiOrders how many orders of the last period go through the order API
	 * instead of the order import
	 * @param ordersPerFile orders per order import file
	 * @param importedOrders at most this many orders go through the order import, the
	 * others are written by COPY
	 * @param baselines whether to run the recursive CTE and Cypher for the close:
	 * {@code null} for the CTE at every size and Cypher up to 1,000,000 partners
	 * @param check compare with the recorded results instead of writing them
	 * @param importOnly generate the organisation, import it and log the import's time
	 * and peak heap, nothing else (no results, reports or plots are written)
	 * @param folder where the results, reports and plots go
	 * @param command the command that ran the benchmark, for the report
	 */
	record Settings(int size, long seed, int chain, int periods, int orderPeriods, double movesPerMille,
			double terminationsPerMille, int apiChanges, int apiOrders, int ordersPerFile, long importedOrders,
			Boolean baselines, boolean check, boolean importOnly, Path folder, String command) {

		static Settings read(Environment environment) {
			int size = environment.getProperty("treeline.benchmark.size", Integer.class, 100_000);
			int periods = environment.getProperty("treeline.benchmark.periods", Integer.class, 12);
			int orderPeriods = environment.getProperty("treeline.benchmark.order-periods", Integer.class, 2);
			return new Settings(size, environment.getProperty("treeline.benchmark.seed", Long.class, 20261126L),
					environment.getProperty("treeline.benchmark.chain", Integer.class, 0), periods,
					Math.max(1, Math.min(orderPeriods, periods)),
					environment.getProperty("treeline.benchmark.moves-per-mille", Double.class, 5.0),
					environment.getProperty("treeline.benchmark.terminations-per-mille", Double.class, 2.0),
					environment.getProperty("treeline.benchmark.api-changes", Integer.class, 20),
					environment.getProperty("treeline.benchmark.api-orders", Integer.class, 10_000),
					environment.getProperty("treeline.benchmark.orders-per-file", Integer.class, 20_000),
					environment.getProperty("treeline.benchmark.imported-orders", Long.class, 1_000_000L),
					environment.getProperty("treeline.benchmark.baselines", Boolean.class),
					environment.getProperty("treeline.benchmark.check", Boolean.class, false),
					environment.getProperty("treeline.benchmark.import-only", Boolean.class, false),
					Path.of(environment.getProperty("treeline.benchmark.folder", "docs/benchmarks")),
					environment.getProperty("treeline.benchmark.command", "./benchmark/run " + size));
		}

	}

	@Override
	public void run(ApplicationArguments args) throws Exception {
		Settings s = this.settings;
		logger.info("Benchmark of {} partners (seed {})", s.size(), s.seed());
		this.heap.forEach(MemoryPoolMXBean::resetPeakUsage);
		describe();
		Calibration.CpuTicks ticksAtStart = Calibration.CpuTicks.now();
		calibrate("calibration-start", "at the start", null);
		GeneratedCompany generated = timed("generate", "Generate the organisation and its history (arrays)",
				() -> GeneratedCompany.generate(s.size(), s.seed(), s.chain(),
						new GeneratedCompany.History(s.periods(), LAST_PERIOD.minusMonths(s.periods() - 1),
								this.company.timeZone(), s.movesPerMille(), s.terminationsPerMille())));
		this.results.text("organisation", "Organisation and history (SHA-256 of both trees and every change)",
				Results.CHECK, generated.fingerprint(), null);
		if (s.importOnly()) {
			importOnly(generated);
			return;
		}
		GeneratedOrders generatedOrders = new GeneratedOrders(generated, s.seed());
		load(generated);
		genealogyQuestions(generated);
		loadOrders(generated, generatedOrders);
		calibrate("calibration-closes", "before the closes", null);
		closes(generated);
		unilevelBaselines(generated, generatedOrders);
		double steal = Calibration.CpuTicks.now().stealPercentSince(ticksAtStart);
		calibrate("calibration-end", "at the end", Double.isNaN(steal) ? null : String.format(Locale.ROOT,
				"processor time the hypervisor gave to others since the start (steal, /proc/stat): %.2f %%", steal));
		memory();
		finish();
	}

	/**
	 * Times the calibration's fixed work ({@link Calibration}) and records it.
	 */
	private void calibrate(String key, String when, String note) {
		Calibration.Figure figure = Calibration.measure();
		logger.info("Calibration {}: {} (check {})", when, figure.describe(), figure.check());
		this.results.millis(key, "Calibration " + when + ": the same fixed work in every run, one thread",
				figure.millis(),
				Results.join(figure.describe() + String.format(Locale.ROOT,
						"; medians of %d rounds; a sort of %,d longs, %,d dependent reads in %d MiB; the machine was "
								+ "slower than in another run by as much as this figure is larger",
						Calibration.ROUNDS, Calibration.SORTED, Calibration.READS, Calibration.TABLE * 4 >> 20), note));
	}

	private void describe() {
		Settings s = this.settings;
		YearMonth first = LAST_PERIOD.minusMonths(s.periods() - 1);
		YearMonth ordersFrom = LAST_PERIOD.minusMonths(s.orderPeriods() - 1);
		this.results.text("measured", "Measured", Results.INFO,
				Instant.now().toString().substring(0, 16) + "Z at commit " + commit(), null);
		this.results.text("command", "Command", Results.INFO, s.command(), null);
		this.results.text("machine", "Machine", Results.INFO,
				Report.machine() + "; embedded Neo4j in the benchmark's JVM, embedded PostgreSQL in its own processes",
				null);
		this.results.text("setup", "Setup", Results.INFO, String.format(Locale.ROOT,
				"Seed %d. %,d partners joined in the year before %s; %d monthly periods %s to %s with %.1f %% moves "
						+ "and %.1f %% terminations per period%s. Orders (about two per partner and month, 1 %% never "
						+ "paid, 0.5 %% cancelled unpaid, 3 %% paid in the next period, 2 %% of the paid returned, "
						+ "whole or in part) in the last %d period(s), %s to %s; both plans start there and each of "
						+ "these periods is closed. The last %d genealogy changes go through the genealogy service, "
						+ "the first %,d orders of the last period through the order API (their first %,d events one per "
						+ "call, the others in batches of %,d), everything else through the product's CSV imports%s.",
				s.seed(), s.size(), first, s.periods(), first, LAST_PERIOD, s.movesPerMille() / 10,
				s.terminationsPerMille() / 10,
				(s.chain() > 0) ? String.format(Locale.ROOT, "; the last %,d partners form one chain", s.chain()) : "",
				s.orderPeriods(), ordersFrom, LAST_PERIOD, s.apiChanges(), s.apiOrders(), API_SINGLE_EVENTS, API_BATCH,
				String.format(Locale.ROOT, " (orders beyond the first %,d of the order import are written by COPY)",
						s.importedOrders())),
				null);
	}

	private static String commit() {
		try {
			Process git = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").redirectErrorStream(true).start();
			String commit = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
			return (git.waitFor() == 0) ? "`" + commit + "`" : "unknown";
		}
		catch (IOException ex) {
			return "unknown";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "unknown";
		}
	}

	/**
	 * Only the organisation import, for measuring it without the rest of the run: the
	 * import's time, partners per second and the peak heap from the files written to the
	 * end of the import are logged as an {@code IMPORT} line.
	 */
	private void importOnly(GeneratedCompany generated) throws IOException {
		int imported = generated.changes() - Math.min(this.settings.apiChanges(), generated.changes());
		Path[] files = writeImportFiles(generated, imported);
		System.gc();
		long before = this.heap.stream().mapToLong((pool) -> pool.getUsage().getUsed()).sum();
		this.heap.forEach(MemoryPoolMXBean::resetPeakUsage);
		long cpu = cpuNanos();
		double millis = importFiles(files);
		cpu = cpuNanos() - cpu;
		long peak = this.heap.stream().mapToLong((pool) -> pool.getPeakUsage().getUsed()).sum();
		logger.info(String.format(Locale.ROOT,
				"IMPORT %,d partners in %,.0f ms = %,.0f partners/s, %,d ms CPU of the JVM with Neo4j (on a shared "
						+ "machine the time also depends on the other processes, the CPU time less); peak heap %,d MiB "
						+ "(%,d MiB before the import, the generated organisation and Neo4j)",
				this.settings.size(), millis, this.settings.size() / (millis / 1000), cpu / 1_000_000, peak >> 20,
				before >> 20));
	}

	private static long cpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	private static Path[] writeImportFiles(GeneratedCompany generated, int imported) throws IOException {
		Path folder = Path.of("benchmark/target/import");
		Files.createDirectories(folder);
		Path[] files = { folder.resolve("partners.csv"), folder.resolve("sponsorships.csv"),
				folder.resolve("placements.csv") };
		generated.writeImportFiles(files[0], files[1], files[2], BINARY, imported);
		return files;
	}

	/**
	 * Imports the files through the product's organisation import.
	 * @return the milliseconds it took
	 */
	private double importFiles(Path[] files) throws IOException {
		long started = System.nanoTime();
		ImportResult result;
		try (Reader p = Files.newBufferedReader(files[0]);
				Reader s = Files.newBufferedReader(files[1]);
				Reader l = Files.newBufferedReader(files[2])) {
			result = this.organisationImport.importCsv(p, s, l);
		}
		double millis = (System.nanoTime() - started) / 1e6;
		if (!result.loaded()) {
			throw new IllegalStateException("The generated import files were refused: " + result.problems());
		}
		return millis;
	}

	private void load(GeneratedCompany generated) throws IOException {
		int throughApi = Math.min(this.settings.apiChanges(), generated.changes());
		int imported = generated.changes() - throughApi;
		Path[] files = writeImportFiles(generated, imported);
		long edges = Files.lines(files[1]).count() - 1;
		double millis = importFiles(files);
		this.results.millis("import",
				"Bulk import of the organisation (CSV: partners, sponsor edges with history, "
						+ "binary edges) through the product's import",
				millis,
				String.format(Locale.ROOT,
						"%,.0f partners/s; %,d sponsor edges (%,d changes of %d periods), %,d binary edges",
						this.settings.size() / (millis / 1000), edges, imported, this.settings.periods(),
						this.settings.size() - 1));
		// a node has its trees in memory before it takes changes: the first read is
		// measured
		// on its own
		Instant now = generated.start(generated.periods);
		timed("snapshot-sponsor",
				"First sponsor tree after the import (read the partners and the edge history from Neo4j, "
						+ "build the arrays)",
				() -> this.genealogy.snapshot(Tree.SPONSOR, now));
		long started = System.nanoTime();
		for (int op = imported; op < generated.changes(); op++) {
			PartnerNumber partner = PartnerNumber.of(GeneratedCompany.number(generated.opPartner[op]));
			Instant at = Instant.ofEpochMilli(generated.opAtMillis[op]);
			if (generated.opKind[op] == GeneratedCompany.MOVE) {
				this.changes.moveSponsor(partner, PartnerNumber.of(GeneratedCompany.number(generated.opSponsor[op])),
						at);
			}
			else {
				this.changes.terminate(partner, at);
			}
		}
		if (throughApi > 0) {
			millis = (System.nanoTime() - started) / 1e6;
			this.results.millis("changes",
					"Genealogy change (move or termination) through the genealogy service, " + "per change",
					millis / throughApi,
					String.format(Locale.ROOT,
							"the last %d changes of the history, %,.0f ms in all, on a node holding the sponsor tree; "
									+ "each is checked on the tree at its instant, and the cache catches up with the "
									+ "partners it touched (ADR 21)",
							throughApi, millis));
		}
	}

	private void genealogyQuestions(GeneratedCompany generated) throws Exception {
		Instant now = generated.start(generated.periods);
		GenealogySnapshot sponsor = timed("snapshot-sponsor-changed",
				"Sponsor tree after the changes (the cache caught up with them)",
				() -> this.genealogy.snapshot(Tree.SPONSOR, now));
		verify(generated, sponsor);
		GenealogySnapshot binary = timed("snapshot-binary", "First binary tree",
				() -> this.genealogy.snapshot(Tree.placement(BINARY), now));
		downlinePages(now);
		int children = sponsor.children(0).length;
		SplittableRandom random = new SplittableRandom(this.settings.seed());
		long[] wide = new long[200];
		PartnerNumber root = PartnerNumber.of(GeneratedCompany.number(0));
		for (int i = 0; i < wide.length; i++) {
			long started = System.nanoTime();
			this.genealogy.downline(new DownlineQuery(root, Tree.SPONSOR, now, 1, 1, random.nextInt(children), 20));
			wide[i] = System.nanoTime() - started;
		}
		this.results.millis("wide-page",
				String.format(Locale.ROOT, "Page of 20 of the root's %,d direct partners, p99", children),
				Report.percentile(wide, 99), "200 pages at random offsets (the explorer's lazy children)");
		int[] depth = generated.binaryDepths();
		int deepest = 0;
		for (int i = 0; i < depth.length; i++) {
			deepest = (depth[i] > depth[deepest]) ? i : deepest;
		}
		this.baselines.copyTrees(generated);
		upline(generated, binary, deepest, depth[deepest], now);
		int deepLeg = deepest;
		while (deepLeg != GeneratedCompany.NONE && depth[deepLeg] > depth[deepest] / 2) {
			deepLeg = generated.binaryParent[deepLeg];
		}
		firstTeamStats(generated, now);
		teamStats("stats-root", "the root", 0, Tree.SPONSOR, generated, now, random);
		teamStats("stats-leader", "the leader " + GeneratedCompany.number(LEADER), LEADER, Tree.SPONSOR, generated, now,
				random);
		teamStats("stats-deep",
				String.format(Locale.ROOT, "the deep-leg partner %s (binary level %,d)",
						GeneratedCompany.number(deepLeg), depth[deepLeg]),
				deepLeg, Tree.placement(BINARY), generated, now, random);
	}

	/**
	 * Measures the first question about the root's team as of a date after the changes,
	 * which walks the team and starts indexing the tree in the background, and then waits
	 * for the index, so that the dates measured next read it.
	 */
	private void firstTeamStats(GeneratedCompany generated, Instant now) {
		Instant from = generated.joinedAt(0);
		Instant middle = from.plus(Duration.between(from, now).dividedBy(2));
		PartnerNumber root = PartnerNumber.of(GeneratedCompany.number(0));
		long started = System.nanoTime();
		teamStats(root, Tree.SPONSOR, middle);
		this.results.millis("stats-root-first",
				"Team statistics of the root as of a date, first question after a genealogy change",
				(System.nanoTime() - started) / 1e6, "a walk over the team; it starts indexing the tree");
		timed("team-blocks-sponsor", "Index of the sponsor tree's team blocks (from the first question on)", () -> {
			this.genealogy.prepareTeamStats(Tree.SPONSOR);
			return null;
		});
	}

	/** Checks that the product's tree after import and changes is the generated one. */
	private void verify(GeneratedCompany generated, GenealogySnapshot sponsor) {
		int differences = 0;
		for (int id = 0; id < sponsor.size(); id++) {
			int partner = Integer.parseInt(sponsor.numberValue(id).substring(2));
			int parent = sponsor.parent(id);
			int expected = generated.finalSponsor[partner];
			int actual = (parent == GenealogySnapshot.NONE) ? GeneratedCompany.NONE
					: Integer.parseInt(sponsor.numberValue(parent).substring(2));
			boolean terminated = sponsor.status(id) == PartnerStatus.TERMINATED;
			if (actual != expected || terminated != (generated.terminatedIn[partner] >= 0)) {
				differences++;
			}
		}
		this.results.text("genealogy", "The product's sponsor tree after import and changes equals the generated one",
				Results.CHECK, (differences == 0 && sponsor.size() == generated.size) ? "yes"
						: String.format(Locale.ROOT, "no: %,d partners differ", differences),
				null);
		if (differences > 0) {
			logger.error("{} partners of the product's sponsor tree differ from the generated one", differences);
		}
	}

	private void downlinePages(Instant now) throws Exception {
		int size = this.settings.size();
		for (int clients : CLIENTS) {
			int perClient = Math.max(2_000 / clients, 200);
			long[][] times = new long[clients][perClient];
			long started = System.nanoTime();
			ConcurrentClients.run(clients, (client) -> {
				SplittableRandom random = new SplittableRandom(this.settings.seed() + client);
				for (int i = 0; i < perClient; i++) {
					PartnerNumber partner = PartnerNumber.of(GeneratedCompany.number(random.nextInt(size)));
					long begin = System.nanoTime();
					this.genealogy.downline(new DownlineQuery(partner, Tree.SPONSOR, now, 1, null, -1, 20));
					times[client][i] = System.nanoTime() - begin;
				}
			});
			double seconds = (System.nanoTime() - started) / 1e9;
			long[] all = new long[clients * perClient];
			for (int c = 0; c < clients; c++) {
				System.arraycopy(times[c], 0, all, c * perClient, perClient);
			}
			this.results.millis("downline-c" + clients,
					String.format(Locale.ROOT, "Downline page of 20 (random partner), %d concurrent client%s, p99",
							clients, (clients == 1) ? "" : "s"),
					Report.percentile(all, 99),
					String.format(Locale.ROOT,
							"p50 %s ms; %,d pages, %,.0f pages/s; through the genealogy service the GraphQL "
									+ "controller calls (in process, no HTTP)",
							Report.format(Report.percentile(all, 50)), all.length, all.length / seconds));
		}
		SplittableRandom random = new SplittableRandom(this.settings.seed());
		long[] cypher = new long[100];
		for (int i = 0; i < cypher.length; i++) {
			String partner = GeneratedCompany.number(random.nextInt(size));
			Baselines.Outcome outcome = this.baselines.cypher(Baselines.DOWNLINE_PAGE_CYPHER,
					Map.of("number", partner, "at", now.atZone(this.company.timeZone())), (row) -> row.get("n"));
			if (!outcome.finished()) {
				this.results.cypher("downline-c1", Double.POSITIVE_INFINITY, "Cypher: " + outcome.failure());
				return;
			}
			cypher[i] = (long) (outcome.millis() * 1e6);
		}
		this.results.cypher("downline-c1", Report.percentile(cypher, 99), "Cypher: variable-length pattern over "
				+ "the edges valid now, sorted by number, first 20; 100 random partners, one client");
	}

	private void upline(GeneratedCompany generated, GenealogySnapshot binary, int deepest, int levels, Instant now) {
		PartnerNumber deepPartner = PartnerNumber.of(GeneratedCompany.number(deepest));
		long[] uplines = new long[50];
		for (int i = 0; i < uplines.length; i++) {
			long started = System.nanoTime();
			List<Relative> upline = this.genealogy.upline(deepPartner, Tree.placement(BINARY), now);
			// as the GraphQL upline's first page: the count and the nearest 20 partners
			List<Relative> page = List.copyOf(upline.subList(0, Math.min(20, upline.size())));
			uplines[i] = System.nanoTime() - started;
			if (upline.size() != levels || page.get(page.size() - 1).level() != page.size()) {
				throw new IllegalStateException("The upline of " + deepPartner + " has " + upline.size()
						+ " levels, the generated tree " + levels);
			}
		}
		this.results.millis("upline",
				String.format(Locale.ROOT, "Upline of the deepest binary partner %s (%,d levels), p50",
						deepPartner.value(), levels),
				Report.percentile(uplines, 50),
				"every level walked and counted, the nearest 20 partners read (the GraphQL upline's first page)");
		long[] floor = new long[50];
		for (int i = 0; i < floor.length; i++) {
			long started = System.nanoTime();
			Floors.upline(generated.binaryParent, deepest);
			floor[i] = System.nanoTime() - started;
		}
		this.results.floor("upline", Report.percentile(floor, 50), null);
		Baselines.Outcome cypher = this.baselines.cypher(Baselines.UPLINE_CYPHER, Map.of("number", deepPartner.value()),
				(row) -> row.get("n").asLong());
		this.results.cypher("upline", cypher.millis(),
				cypher.finished() ? "Cypher counts " + cypher.answer() : "Cypher: " + cypher.failure());
		Baselines.Outcome cte = this.baselines.sql(Baselines.UPLINE_CTE, deepPartner.value());
		this.results.cte("upline", cte.millis(),
				cte.finished() ? "CTE counts " + cte.answer() : "CTE: " + cte.failure());
		if (binary.depth(binary.id(deepPartner).orElseThrow()) != levels) {
			logger.error("The product's binary tree puts {} at level {}, the generated one at {}", deepPartner,
					binary.depth(binary.id(deepPartner).orElseThrow()), levels);
		}
	}

	/**
	 * Asks for the team statistics as a screen would show them, with the ten largest
	 * legs.
	 * @return the team size
	 */
	private int teamStats(PartnerNumber partner, Tree tree, Instant asOf) {
		TeamStats stats = this.genealogy.teamStats(partner, tree, asOf);
		if (stats.legs().largest(10).size() != Math.min(10, stats.legs().count())) {
			throw new IllegalStateException("Fewer than the ten largest legs of " + partner);
		}
		return stats.teamSize();
	}

	private void teamStats(String key, String who, int partnerId, Tree tree, GeneratedCompany generated, Instant to,
			SplittableRandom random) {
		Instant from = generated.joinedAt(partnerId);
		PartnerNumber partner = PartnerNumber.of(GeneratedCompany.number(partnerId));
		long[] cached = new long[200];
		int teamSize = 0;
		for (int i = 0; i < cached.length; i++) {
			long started = System.nanoTime();
			teamSize = teamStats(partner, tree, to);
			cached[i] = System.nanoTime() - started;
		}
		this.results.millis(key + "-now",
				String.format(Locale.ROOT, "Team statistics of %s (%,d partners), p50", who, teamSize),
				Report.percentile(cached, 50), "as of now (tree cached)");
		long span = to.getEpochSecond() - from.getEpochSecond();
		// warmed up, as a server that has answered a few questions is: the first
		// questions from a new index run before the JIT has compiled them, two to three
		// times slower (reported beside the figure); dates of their own, so that the
		// measured ones stay those of earlier runs (ADR 42)
		SplittableRandom warmUpDates = new SplittableRandom(key.hashCode());
		long[] warmUp = new long[WARM_UP_QUESTIONS];
		for (int i = 0; i < warmUp.length; i++) {
			long started = System.nanoTime();
			teamStats(partner, tree, from.plusSeconds(warmUpDates.nextLong(span)));
			warmUp[i] = System.nanoTime() - started;
		}
		Instant[] dates = new Instant[20];
		long[] asOf = new long[dates.length];
		long[] floor = new long[dates.length];
		boolean binary = tree instanceof Tree.Placement;
		int[] sizes = new int[dates.length];
		for (int i = 0; i < dates.length; i++) {
			dates[i] = from.plusSeconds(random.nextLong(span));
			long started = System.nanoTime();
			sizes[i] = teamStats(partner, tree, dates[i]);
			asOf[i] = System.nanoTime() - started;
		}
		// the floor after the questions, so that collections of its garbage (hundreds of
		// megabytes a date at ten million partners) do not fall into them; twice, the
		// first time to warm it up: it is the best the machine can do
		for (int i = 0; i < dates.length; i++) {
			int expected = 0;
			for (int pass = 0; pass < 2; pass++) {
				long started = System.nanoTime();
				int present = Floors.joinedBy(generated, dates[i]);
				expected = (partnerId >= present) ? 0 : Floors
					.teamSize(binary ? generated.binaryParent : generated.sponsorsAt(dates[i]), partnerId, present);
				floor[i] = System.nanoTime() - started;
			}
			if (expected != sizes[i]) {
				logger.error("Team size of {} as of {}: product {}, generated {}", partner, dates[i], sizes[i],
						expected);
			}
		}
		String warmedUp = Arrays.stream(warmUp)
			.mapToObj((nanos) -> Report.format(nanos / 1e6))
			.collect(Collectors.joining(" / "));
		logger.info("Team statistics of {} as of {} random dates: p50 {} ms, p99 {} ms (warm-up {} ms)", who,
				dates.length, Report.format(Report.percentile(asOf, 50)), Report.format(Report.percentile(asOf, 99)),
				warmedUp);
		this.results.millis(key, String.format(Locale.ROOT, "Team statistics of %s as of a random date, p99", who),
				Report.percentile(asOf, 99),
				String.format(Locale.ROOT,
						"%d random dates between its join and now, with the ten largest legs, after %d warm-up "
								+ "questions (%s ms): p50 %s ms",
						dates.length, warmUp.length, warmedUp, Report.format(Report.percentile(asOf, 50))));
		this.results.floor(key, Report.percentile(floor, 99),
				"floor: the tree at the date from the edge history in " + "arrays, then one counting pass");
		// the baselines on the first three dates: p99 of three is their slowest
		long[] cypher = new long[3];
		long[] cte = new long[3];
		String cypherNote = null;
		String cteNote = null;
		for (int i = 0; i < 3; i++) {
			Instant date = dates[i];
			if (cypherNote == null) {
				Baselines.Outcome c = binary
						? this.baselines.cypher(Baselines.PLACEMENT_TEAM_SIZE_CYPHER,
								Map.of("number", partner.value(), "plan", BINARY, "at",
										date.atZone(this.company.timeZone())),
								(row) -> row.get("n").asLong())
						: this.baselines.cypher(Baselines.TEAM_SIZE_CYPHER,
								Map.of("number", partner.value(), "at", date.atZone(this.company.timeZone())),
								(row) -> row.get("n").asLong());
				cypher[i] = (long) (c.millis() * 1e6);
				cypherNote = c.finished() ? null : c.failure();
			}
			if (cteNote == null) {
				int present = Floors.joinedBy(generated, date);
				Baselines.Outcome q = binary
						? this.baselines.sql(Baselines.BINARY_TEAM_SIZE_CTE, partner.value(),
								GeneratedCompany.number(Math.max(0, present - 1)),
								GeneratedCompany.number(Math.max(0, present - 1)))
						: this.baselines.sql(Baselines.TEAM_SIZE_CTE, partner.value(), date, date, date, date);
				cte[i] = (long) (q.millis() * 1e6);
				cteNote = q.finished() ? null : q.failure();
			}
		}
		double cypherP99 = (cypherNote != null) ? Double.POSITIVE_INFINITY : Report.percentile(cypher, 99);
		double cteP99 = (cteNote != null) ? Double.POSITIVE_INFINITY : Report.percentile(cte, 99);
		this.results.cypher(key, cypherP99,
				(cypherNote != null) ? "Cypher: " + cypherNote : "baselines: slowest of 3 of the dates");
		this.results.cte(key, cteP99, (cteNote != null) ? "CTE: " + cteNote : null);
	}

	private void loadOrders(GeneratedCompany generated, GeneratedOrders generatedOrders) {
		Settings s = this.settings;
		int last = generated.periods - 1;
		int first = generated.periods - s.orderPeriods();
		MessageDigest digest = GeneratedCompany.sha256();
		long[] importedEvents = new long[3];
		long[] importNanos = { 0 };
		long[] copyNanos = { 0 };
		int[] files = { 0 };
		long[] copied = { 0 };
		StringBuilder toCopy = new StringBuilder();
		int[] waiting = { 0 };
		for (int period = first; period <= last; period++) {
			int skip = (period == last) ? s.apiOrders() : 0;
			String label = generated.label(period);
			generatedOrders.chunks(period, skip, s.ordersPerFile(), (csv, rows, count) -> {
				digest.update(csv.toString().getBytes(StandardCharsets.UTF_8));
				if (importedEvents[0] + count <= s.importedOrders()) {
					String name = "orders-" + label + "-" + (++files[0]) + ".csv";
					long started = System.nanoTime();
					OrderImportResult result = this.orderImport.importCsv(name, new StringReader(csv.toString()));
					importNanos[0] += System.nanoTime() - started;
					if (!result.loaded()) {
						throw new IllegalStateException(name + " was refused: " + result.problems());
					}
					importedEvents[0] += result.orders();
					importedEvents[1] += result.payments();
					importedEvents[2] += result.returns();
					return;
				}
				toCopy.append(rows);
				waiting[0] += count;
				if (waiting[0] >= 500_000) {
					long started = System.nanoTime();
					this.orderCopy.write(toCopy);
					copyNanos[0] += System.nanoTime() - started;
					copied[0] += waiting[0];
					toCopy.setLength(0);
					waiting[0] = 0;
				}
			});
		}
		long started = System.nanoTime();
		if (waiting[0] > 0) {
			this.orderCopy.write(toCopy);
			copied[0] += waiting[0];
		}
		this.orderCopy.analyze();
		copyNanos[0] += System.nanoTime() - started;
		long events = importedEvents[0] + importedEvents[1] + importedEvents[2];
		double millis = importNanos[0] / 1e6;
		if (importedEvents[0] > 0) {
			this.results.millis("orders",
					String.format(
							Locale.ROOT, "Order import (order provider CSV files) of %,d orders", importedEvents[0]),
					millis,
					String.format(Locale.ROOT,
							"%,d orders, %,d payments, %,d stornos in %,d files of up to %,d orders, "
									+ "one transaction each",
							importedEvents[0], importedEvents[1], importedEvents[2], files[0], s.ordersPerFile()));
			this.results.value("orders-rate", "Order ingest through the order import", Results.PER_SECOND,
					events / (millis / 1000), "events (orders, payments, stornos) per second");
		}
		if (copied[0] > 0) {
			this.results.millis("orders-copy",
					String.format(Locale.ROOT, "The other %,d orders written by COPY", copied[0]), copyNanos[0] / 1e6,
					String.format(Locale.ROOT,
							"%,.0f orders/s; the rows the import would write, without its checks "
									+ "(the import is limited to %,d orders: --treeline.benchmark.imported-orders)",
							copied[0] / (copyNanos[0] / 1e9), s.importedOrders()));
		}
		// the first events one per call (one transaction each), the others in batches of
		// API_BATCH events per call (one transaction per batch)
		List<OrderEvent> apiEvents = new ArrayList<>();
		generatedOrders.forEach(last, (order) -> {
			if (order.sequence >= s.apiOrders()) {
				return;
			}
			String number = order.number();
			BigDecimal bv = order.bv();
			apiEvents.add(new OrderEvent.Placed(new NewOrder(number,
					PartnerNumber.of(GeneratedCompany.number(order.partner)), Instant.ofEpochSecond(order.orderedAt),
					"EUR", List.of(new OrderLine("ART-1", BigDecimal.ONE, bv, new BigDecimal("0.19"), bv, bv)))));
			if (order.paidAt != GeneratedOrders.NOT_PAID) {
				apiEvents.add(new OrderEvent.Paid(number, Instant.ofEpochSecond(order.paidAt)));
			}
			if (order.returnedAt != GeneratedOrders.NOT_PAID) {
				OrderReturn returned = (order.returnedPerMille == 1_000) ? new OrderReturn.Whole()
						: new OrderReturn.Share(BigDecimal.valueOf(order.returnedPerMille, 3));
				apiEvents.add(new OrderEvent.Returned(number, returned, Instant.ofEpochSecond(order.returnedAt),
						"ST-" + number));
			}
		});
		int single = Math.min(API_SINGLE_EVENTS, apiEvents.size());
		started = System.nanoTime();
		for (OrderEvent event : apiEvents.subList(0, single)) {
			switch (event) {
				case OrderEvent.Placed placed -> this.orders.record(placed.order());
				case OrderEvent.Paid paid -> this.orders.markPaid(paid.orderNumber(), paid.paidAt());
				case OrderEvent.Returned storno -> this.orders.recordReturn(storno.orderNumber(), storno.returned(),
						storno.returnedAt(), storno.returnKey());
			}
		}
		double singleMillis = (System.nanoTime() - started) / 1e6;
		started = System.nanoTime();
		int batches = 0;
		for (int from = single; from < apiEvents.size(); from += API_BATCH) {
			this.orders.recordAll(apiEvents.subList(from, Math.min(apiEvents.size(), from + API_BATCH)));
			batches++;
		}
		millis = (System.nanoTime() - started) / 1e6;
		int batched = apiEvents.size() - single;
		if (batched > 0) {
			this.results.value("orders-api-rate", "Order ingest through the order API, in batches", Results.PER_SECOND,
					batched / (millis / 1000),
					String.format(Locale.ROOT,
							"%,d events (orders, payments, stornos) of the first %,d orders of the last period after "
									+ "the first %,d, in %,d batches of up to %,d events (Orders.recordAll, which the "
									+ "recordOrderEvents mutation calls), one transaction per batch",
							batched, s.apiOrders(), single, batches, API_BATCH));
		}
		if (single > 0) {
			this.results.value("orders-api-single-rate", "Order ingest through the order API, one event per call",
					Results.PER_SECOND, single / (singleMillis / 1000),
					String.format(Locale.ROOT,
							"the first %,d events of the last period's orders, one transaction per event "
									+ "(Orders.record, markPaid, recordReturn)",
							single));
		}
		this.results.text("orders-files", "Order import files (SHA-256 of their text)", Results.CHECK,
				HexFormat.of().formatHex(digest.digest()), null);
	}

	private void closes(GeneratedCompany generated) {
		int first = generated.periods - this.settings.orderPeriods();
		String firstLabel = generated.label(first);
		java.time.LocalDate effective = generated.firstPeriod.plusMonths(first).atDay(1);
		this.plans.create(new Plan(UNILEVEL, PlanType.UNILEVEL, PeriodLength.MONTHLY, firstLabel), effective, """
				{"type":"UNILEVEL","levelRates":["0.10","0.05","0.04","0.03","0.02","0.02","0.01"],
				 "minPersonalPv":"50"}""");
		this.plans.create(new Plan(BINARY, PlanType.BINARY, PeriodLength.MONTHLY, firstLabel), effective, """
				{"type":"BINARY","rate":"0.10","minPersonalPv":"50","capPerPeriod":"5000"}""");
		for (String plan : List.of(UNILEVEL, BINARY)) {
			for (int period = first; period < generated.periods; period++) {
				close(plan, generated.label(period), period == generated.periods - 1);
			}
		}
	}

	private void close(String plan, String period, boolean last) {
		System.gc();
		this.heap.forEach(MemoryPoolMXBean::resetPeakUsage);
		Map<String, long[]> collectionsBefore = collections();
		Calibration.CpuTicks ticks = Calibration.CpuTicks.now();
		long cpu = cpuNanos();
		long started = System.nanoTime();
		RunResult result = this.runs.close(plan, period);
		double millis = (System.nanoTime() - started) / 1e6;
		cpu = cpuNanos() - cpu;
		double busy = Calibration.CpuTicks.now().busyPercentSince(ticks);
		long peak = this.heap.stream().mapToLong((pool) -> pool.getPeakUsage().getUsed()).sum();
		StringBuilder collected = new StringBuilder();
		collections().forEach((collector, after) -> {
			long[] before = collectionsBefore.getOrDefault(collector, new long[2]);
			collected.append(String.format(Locale.ROOT, "; %s %d in %.1f s", collector, after[0] - before[0],
					(after[1] - before[1]) / 1000.0));
		});
		Map<String, Long> phases = this.runs.running()
			.stream()
			.filter((run) -> run.plan().equals(plan) && run.period().equals(period))
			.findFirst()
			.map(RunProgress::phaseMillis)
			.orElse(Map.of());
		String key = "close-" + plan + (last ? "" : "-" + period);
		this.results.millis(key, "Close of the " + plan + " plan, " + period + ", end to end", millis,
				String.format(Locale.ROOT,
						"phases %s ms; %,d lines; peak heap %,d MiB (sum of the heap pools' peaks)%s; processors busy "
								+ "%.0f %% of the time (all processes), the benchmark's JVM %.1f s of processor time",
						phases, result.lines().size(), peak / (1024 * 1024), collected, busy, cpu / 1e9));
		this.results.text("total-" + plan + "-" + period, "Total of the " + plan + " close of " + period, Results.CHECK,
				result.total().toPlainString() + " EUR, " + result.lines().size() + " lines", null);
		this.results.text("hash-" + plan + "-" + period, "Result hash of the " + plan + " close of " + period,
				Results.CHECK, result.hash(), null);
		this.closedTotals.put(plan + " " + period, result.total());
		String line = String.format(Locale.ROOT, "RESULT %s %s total=%s lines=%d hash=%s", plan, period,
				result.total().toPlainString(), result.lines().size(), result.hash());
		logger.info(line);
	}

	/** Collections so far and their milliseconds, by collector (e.g. young, full). */
	private static Map<String, long[]> collections() {
		Map<String, long[]> collections = new LinkedHashMap<>();
		for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
			collections.put(collector.getName(),
					new long[] { collector.getCollectionCount(), collector.getCollectionTime() });
		}
		return collections;
	}

	private void unilevelBaselines(GeneratedCompany generated, GeneratedOrders generatedOrders) {
		int last = generated.periods - 1;
		int first = generated.periods - this.settings.orderPeriods();
		String label = generated.label(last);
		BigDecimal ours = this.closedTotals.get(UNILEVEL + " " + label);
		Floors.Unilevel floor = new Floors.Unilevel(generated, generatedOrders, first, last, RATES_PER_MILLE);
		long[] times = new long[5];
		long totalCents = 0;
		for (int i = 0; i < times.length; i++) {
			long started = System.nanoTime();
			totalCents = floor.totalCents();
			times[i] = System.nanoTime() - started;
		}
		BigDecimal floorTotal = BigDecimal.valueOf(totalCents, 2);
		this.results.floor("close-unilevel", Report.percentile(times, 50),
				"floor total " + floorTotal.toPlainString() + " EUR" + equality(floorTotal, ours));
		this.results.text("floor-" + label, "Total of the floor (array pass) for " + label, Results.CHECK,
				floorTotal.toPlainString() + " EUR" + equality(floorTotal, ours), null);
		if (this.settings.baselines() == Boolean.FALSE) {
			return;
		}
		Baselines.Outcome cte = this.baselines.sql(Baselines.UNILEVEL_CTE, generated.start(last),
				generated.start(last + 1), this.company.timeZone().getId());
		if (cte.finished()) {
			BigDecimal total = Baselines.decimal(cte.answer());
			this.results.cte("close-unilevel", cte.millis(),
					"CTE total " + total.toPlainString() + " EUR" + equality(total, ours));
		}
		else {
			this.results.cte("close-unilevel", Double.POSITIVE_INFINITY, "CTE: " + cte.failure());
		}
		if (this.settings.baselines() == Boolean.TRUE || this.settings.size() <= 1_000_000) {
			cypherUnilevel(generated, generatedOrders, last);
		}
		else {
			this.results.cypher("close-unilevel", Double.NaN, "Cypher not run above 1,000,000 partners unless "
					+ "asked for (--baselines): it first writes the period's volumes onto every ordering partner");
		}
	}

	private static String equality(BigDecimal total, BigDecimal ours) {
		return (total.compareTo(ours) == 0) ? " (equals the close)" : " (the close: " + ours.toPlainString() + " EUR)";
	}

	/**
	 * Cypher with volumes on the nodes: the period's own paid orders (not the previous
	 * period's late payments, not the stornos).
	 */
	private void cypherUnilevel(GeneratedCompany generated, GeneratedOrders generatedOrders, int last) {
		long start = generated.start(last).getEpochSecond();
		long end = generated.start(last + 1).getEpochSecond();
		int size = generated.size;
		int[] first = new int[size + 1];
		generatedOrders.forEach(last, (order) -> {
			if (order.paidAt != GeneratedOrders.NOT_PAID && order.paidAt < end) {
				first[order.partner + 1]++;
			}
		});
		for (int i = 0; i < size; i++) {
			first[i + 1] += first[i];
		}
		int[] cents = new int[first[size]];
		int[] fill = java.util.Arrays.copyOf(first, size);
		generatedOrders.forEach(last, (order) -> {
			if (order.paidAt != GeneratedOrders.NOT_PAID && order.paidAt < end) {
				cents[fill[order.partner]++] = (int) order.cents;
			}
		});
		long started = System.nanoTime();
		List<Map<String, Object>> rows = new ArrayList<>();
		for (int partner = 0; partner <= size; partner++) {
			if (rows.size() == 50_000 || (partner == size && !rows.isEmpty())) {
				this.baselines.write("""
						UNWIND $rows AS row MATCH (p:Partner {number: row.number})
						SET p.benchPv = row.pv, p.benchBv = row.bv""", Map.of("rows", rows));
				rows = new ArrayList<>();
			}
			if (partner == size || first[partner] == first[partner + 1]) {
				continue;
			}
			List<Double> bvs = new ArrayList<>();
			long pv = 0;
			for (int k = first[partner]; k < first[partner + 1]; k++) {
				bvs.add(cents[k] / 100.0);
				pv += cents[k];
			}
			rows.add(Map.of("number", GeneratedCompany.number(partner), "pv", pv / 100.0, "bv", bvs));
		}
		double prepared = (System.nanoTime() - started) / 1e6;
		Baselines.Outcome cypher = this.baselines.cypher(Baselines.UNILEVEL_CYPHER,
				Map.of("at", Instant.ofEpochSecond(start).plus(Duration.ofHours(1)).atZone(this.company.timeZone())),
				(row) -> row.get("total").asString());
		this.results.cypher("close-unilevel", cypher.millis(),
				cypher.finished()
						? "Cypher total " + cypher.answer() + " EUR without late payments and stornos (volumes set "
								+ "on the nodes first: " + Report.format(prepared) + " ms)"
						: "Cypher: " + cypher.failure());
	}

	private void memory() {
		long peak = this.heap.stream().mapToLong((pool) -> pool.getPeakUsage().getUsed()).sum();
		this.results.value("heap", "Peak heap from the last close to the end of the run (baselines included)",
				Results.MEBIBYTES, peak / (1024.0 * 1024), "sum of the heap pools' peaks (an upper bound)");
		try {
			for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
				if (line.startsWith("VmHWM:")) {
					long kib = Long.parseLong(line.replaceAll("[^0-9]", ""));
					this.results.value("rss", "Peak resident memory of the benchmark's JVM (with embedded Neo4j)",
							Results.MEBIBYTES, kib / 1024.0,
							"VmHWM; the embedded PostgreSQL runs in its own processes, not counted");
				}
			}
		}
		catch (IOException ex) {
			logger.warn("Could not read the peak resident memory: {}", ex.getMessage());
		}
	}

	private void finish() {
		Settings s = this.settings;
		Path recorded = Results.file(s.folder(), s.size());
		for (Results.Row row : this.results.rows()) {
			if (Results.CHECK.equals(row.unit())) {
				logger.info("CHECK {} = {}", row.key(), row.value());
			}
		}
		if (s.check()) {
			Path folder = Path.of("benchmark/target/check");
			this.results.write(Results.file(folder, s.size()));
			Report.write(folder.resolve("run-" + s.size() + ".md"), this.results, List.of());
			if (!Files.exists(recorded)) {
				throw new IllegalStateException("Nothing recorded to compare with: " + recorded + " does not exist");
			}
			List<String> differences = this.results.differencesFrom(Results.read(recorded, s.size()));
			if (!differences.isEmpty()) {
				differences.forEach((difference) -> logger.error("DIFFERS {}", difference));
				throw new IllegalStateException(differences.size() + " check(s) differ from " + recorded);
			}
			logger.info("SAME: every check equals {}", recorded);
			return;
		}
		this.results.write(recorded);
		List<String> plots = Plots.write(s.folder());
		Report.write(s.folder().resolve("run-" + s.size() + ".md"), this.results, plots);
		logger.info("Results written to {}", recorded.toAbsolutePath());
	}

	private <T> T timed(String key, String what, Callable<T> step) {
		long started = System.nanoTime();
		try {
			T result = step.call();
			this.results.millis(key, what, (System.nanoTime() - started) / 1e6, null);
			return result;
		}
		catch (Exception ex) {
			throw new IllegalStateException(what + " failed", ex);
		}
	}

}
