package io.treeline.benchmark;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

import io.treeline.compensation.CommissionRuns;
import io.treeline.compensation.NewOrder;
import io.treeline.compensation.OrderLine;
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
import io.treeline.graph.Tree;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionConfig;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The benchmark: generates a company, loads it through the product and measures the
 * genealogy questions and the close of a unilevel (7 levels) and a binary plan, beside
 * the naive alternatives (PostgreSQL recursive CTE, Cypher variable-length patterns) and
 * the floor (a bare pass over arrays).
 */
@Component
class ScaleBenchmark implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(ScaleBenchmark.class);

	private static final String BINARY = "binary";

	private static final String UNILEVEL = "unilevel";

	private static final long[] RATES_PER_MILLE = { 100, 50, 40, 30, 20, 20, 10 };

	private static final Duration BASELINE_LIMIT = Duration.ofSeconds(180);

	private static final int INGEST_SAMPLE = 10_000;

	private final OrganisationImport organisationImport;

	private final Genealogy genealogy;

	private final Orders orders;

	private final Plans plans;

	private final CommissionRuns runs;

	private final JdbcTemplate jdbc;

	private final Driver neo4j;

	private final int size;

	private final long seed;

	private final boolean baselines;

	private final int chain;

	private final Path reportFile;

	private final Report report = new Report();

	ScaleBenchmark(OrganisationImport organisationImport, Genealogy genealogy, Orders orders, Plans plans,
			CommissionRuns runs, JdbcTemplate jdbc, Driver neo4j, @Value("${treeline.benchmark.size:100000}") int size,
			@Value("${treeline.benchmark.seed:20261126}") long seed,
			@Value("${treeline.benchmark.baselines:#{null}}") Boolean baselines,
			@Value("${treeline.benchmark.report:#{null}}") String reportFile,
			@Value("${treeline.benchmark.chain:0}") int chain) {
		this.organisationImport = organisationImport;
		this.genealogy = genealogy;
		this.orders = orders;
		this.plans = plans;
		this.runs = runs;
		this.jdbc = jdbc;
		this.neo4j = neo4j;
		this.size = size;
		this.seed = seed;
		this.baselines = (baselines != null) ? baselines : size <= 100_000;
		this.chain = chain;
		this.reportFile = Path.of((reportFile != null) ? reportFile : "docs/benchmarks/run-" + size + ".md");
	}

	@Override
	public void run(ApplicationArguments args) throws Exception {
		logger.info("Benchmark of {} partners (seed {})", this.size, this.seed);
		GeneratedCompany company = timed("Generate the company (arrays)",
				() -> GeneratedCompany.generate(this.size, this.seed, this.chain), null);
		this.report.add("Partners / orders in January 2026", String.format("%,d / %,d", this.size, company
			.orders()), "about two orders per partner, BV 20-200 EUR"
					+ ((this.chain > 0) ? String.format("; the last %,d partners form one chain", this.chain) : ""));
		load(company);
		genealogyQuestions(company);
		ingest(company);
		closes();
		if (this.baselines) {
			unilevelBaselines(company);
		}
		this.report.write(this.reportFile, "Benchmark: " + String.format("%,d", this.size) + " partners",
				"./benchmark/run " + this.size);
		logger.info("Report written to {}", this.reportFile.toAbsolutePath());
	}

	private void load(GeneratedCompany company) throws IOException {
		Path folder = Path.of("benchmark/target/import");
		Files.createDirectories(folder);
		Path partners = folder.resolve("partners.csv");
		Path sponsorships = folder.resolve("sponsorships.csv");
		Path placements = folder.resolve("placements.csv");
		company.writeImportFiles(partners, sponsorships, placements, BINARY);
		long started = System.nanoTime();
		ImportResult result;
		try (Reader p = Files.newBufferedReader(partners);
				Reader s = Files.newBufferedReader(sponsorships);
				Reader l = Files.newBufferedReader(placements)) {
			result = this.organisationImport.importCsv(p, s, l);
		}
		double millis = (System.nanoTime() - started) / 1e6;
		if (!result.loaded()) {
			throw new IllegalStateException("The generated import files were refused: " + result.problems());
		}
		this.report.millis(
				"Bulk import of the CSV files (partners, sponsor and binary edges) through the product's import",
				millis,
				String.format("%,.0f partners/s: read, checked completely, then loaded in commits of 50,000 rows",
						this.size / (millis / 1000)));
		int[] depth = company.binaryDepths();
		int deepest = 0;
		for (int i = 0; i < depth.length; i++) {
			deepest = (depth[i] > depth[deepest]) ? i : deepest;
		}
		this.report.add("Deepest binary level", String.format("%,d", depth[deepest]), GeneratedCompany.number(deepest));
	}

	private void genealogyQuestions(GeneratedCompany company) {
		Instant now = Instant.parse("2026-02-01T00:00:00Z");
		timed("First sponsor snapshot (read edges from Neo4j, build arrays)",
				() -> this.genealogy.snapshot(Tree.SPONSOR, now), null);
		GenealogySnapshot binary = timed("First binary snapshot",
				() -> this.genealogy.snapshot(Tree.placement(BINARY), now), null);
		SplittableRandom random = new SplittableRandom(this.seed);
		long[] pages = new long[2_000];
		for (int i = 0; i < pages.length; i++) {
			PartnerNumber partner = PartnerNumber.of(GeneratedCompany.number(random.nextInt(this.size)));
			long started = System.nanoTime();
			this.genealogy.downline(new DownlineQuery(partner, Tree.SPONSOR, now, 1, null, -1, 20));
			pages[i] = System.nanoTime() - started;
		}
		this.report.millis("Downline page of 20 (sponsor tree, random partner), p50", Report.percentile(pages, 50),
				null);
		this.report.millis("Downline page of 20, p99", Report.percentile(pages, 99), "2,000 pages, one client");
		PartnerNumber widest = PartnerNumber.of(GeneratedCompany.number(0));
		int children = this.genealogy.snapshot(Tree.SPONSOR, now).children(0).length;
		long[] wide = new long[200];
		for (int i = 0; i < wide.length; i++) {
			long started = System.nanoTime();
			this.genealogy.downline(new DownlineQuery(widest, Tree.SPONSOR, now, 1, 1, random.nextInt(children), 20));
			wide[i] = System.nanoTime() - started;
		}
		this.report.millis("Page of 20 of the root's " + String.format("%,d", children) + " direct partners, p99",
				Report.percentile(wide, 99), "200 pages at random offsets (the explorer's lazy children)");
		int deepest = 0;
		for (int id = 0; id < binary.size(); id++) {
			deepest = (binary.depth(id) > binary.depth(deepest)) ? id : deepest;
		}
		PartnerNumber deepPartner = binary.number(deepest);
		long[] uplines = new long[50];
		for (int i = 0; i < uplines.length; i++) {
			long started = System.nanoTime();
			this.genealogy.upline(deepPartner, Tree.placement(BINARY), now);
			uplines[i] = System.nanoTime() - started;
		}
		this.report.millis(
				"Upline of the deepest binary partner (" + String.format("%,d", binary.depth(deepest))
						+ " levels), p50",
				Report.percentile(uplines, 50), "list of every upline partner with level and side");
		PartnerNumber root = PartnerNumber.of(GeneratedCompany.number(0));
		PartnerNumber leader = PartnerNumber.of(GeneratedCompany.number(25));
		teamStats("root", root, now, random);
		teamStats("leader " + leader, leader, now, random);
		cypherBaseline("Cypher: team size of the root (variable-length, sponsor tree)", """
				MATCH (p:Partner {number: $number})<-[:SPONSORED_BY]-+(d:Partner) RETURN count(DISTINCT d) AS n""",
				Map.of("number", root.value()));
		cypherBaseline("Cypher: team size of leader " + leader, """
				MATCH (p:Partner {number: $number})<-[:SPONSORED_BY]-+(d:Partner) RETURN count(DISTINCT d) AS n""",
				Map.of("number", leader.value()));
		cypherBaseline("Cypher: upline count of the deepest binary partner", """
				MATCH (p:Partner {number: $number})-[:PLACED_UNDER]->+(u:Partner) RETURN count(u) AS n""",
				Map.of("number", deepPartner.value()));
	}

	private void teamStats(String who, PartnerNumber partner, Instant now, SplittableRandom random) {
		long[] cached = new long[200];
		int teamSize = 0;
		for (int i = 0; i < cached.length; i++) {
			long started = System.nanoTime();
			teamSize = this.genealogy.teamStats(partner, Tree.SPONSOR, now).teamSize();
			cached[i] = System.nanoTime() - started;
		}
		this.report.millis("Team statistics of the " + who + " (" + String.format("%,d", teamSize) + " partners), p50",
				Report.percentile(cached, 50), "as of now (snapshot cached)");
		long[] asOf = new long[20];
		for (int i = 0; i < asOf.length; i++) {
			Instant date = Instant.parse("2025-01-01T00:00:00Z").plusSeconds(random.nextLong(360L * 86_400));
			long started = System.nanoTime();
			this.genealogy.teamStats(partner, Tree.SPONSOR, date);
			asOf[i] = System.nanoTime() - started;
		}
		this.report.millis("Team statistics of the " + who + " as of a random date in 2025, p99",
				Report.percentile(asOf, 99),
				"each date a new snapshot: 20 dates, p50 " + Report.format(Report.percentile(asOf, 50)) + " ms");
	}

	private void cypherBaseline(String what, String cypher, Map<String, Object> parameters) {
		long started = System.nanoTime();
		try (Session session = this.neo4j.session()) {
			long n = session.executeRead((tx) -> tx.run(cypher, parameters).single().get("n").asLong(),
					TransactionConfig.builder().withTimeout(BASELINE_LIMIT).build());
			this.report.millis(what, (System.nanoTime() - started) / 1e6, String.format("answer %,d", n));
		}
		catch (RuntimeException ex) {
			this.report.add(what, "did not finish",
					"after " + Report.format((System.nanoTime() - started) / 1e6) + " ms: " + firstLine(ex));
		}
	}

	private void ingest(GeneratedCompany company) {
		long started = System.nanoTime();
		this.jdbc.execute((ConnectionCallback<Void>) (connection) -> {
			copyOrders(connection, company);
			return null;
		});
		double millis = (System.nanoTime() - started) / 1e6;
		this.report.millis("Orders written by COPY (orders, lines, payments)", millis,
				String.format("%,.0f orders/s; bypasses the order API", company.orders() / (millis / 1000)));
		started = System.nanoTime();
		for (int i = 0; i < INGEST_SAMPLE; i++) {
			String number = "BI-" + i;
			Instant at = Instant.parse("2026-01-15T10:00:00Z").plusSeconds(i);
			BigDecimal bv = BigDecimal.valueOf(ingestCents(i), 2);
			this.orders.record(new NewOrder(number, PartnerNumber.of(GeneratedCompany.number(i % this.size)), at, "EUR",
					List.of(new OrderLine("ART-1", BigDecimal.ONE, bv, new BigDecimal("0.19"), bv, bv))));
			this.orders.markPaid(number, at);
		}
		millis = (System.nanoTime() - started) / 1e6;
		this.report.millis(
				"Order ingest through the order API (" + String.format("%,d", INGEST_SAMPLE) + " orders + payments)",
				millis,
				String.format("%,.0f events/s, one transaction per event", 2 * INGEST_SAMPLE / (millis / 1000)));
	}

	private static void copyOrders(Connection connection, GeneratedCompany company) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("""
					create temp table bench_orders (order_number varchar(64), partner_number varchar(32),
					  ordered_at timestamptz, bv numeric(19,4)) on commit preserve rows""");
		}
		StringBuilder csv = new StringBuilder(company.orders() * 50);
		for (int o = 0; o < company.orders(); o++) {
			csv.append(GeneratedCompany.orderNumber(o))
				.append(',')
				.append(GeneratedCompany.number(company.orderPartner[o]))
				.append(',')
				.append(Instant.ofEpochSecond(company.orderedAtSeconds[o]))
				.append(',')
				.append(BigDecimal.valueOf(company.orderCents[o], 2).toPlainString())
				.append('\n');
		}
		copy(connection, "copy bench_orders from stdin with (format csv)", csv);
		try (Statement statement = connection.createStatement()) {
			statement.execute("""
					insert into orders (order_number, partner_number, ordered_at, currency)
					select order_number, partner_number, ordered_at, 'EUR' from bench_orders""");
			statement.execute("""
					insert into order_lines (order_id, line_no, product, quantity, unit_price, vat_rate, pv, bv)
					select o.id, 1, 'ART-1', 1, b.bv, 0.19, b.bv, b.bv
					from bench_orders b join orders o using (order_number)""");
			statement.execute("""
					insert into order_events (order_id, kind, occurred_at, pv, bv)
					select o.id, 'PAID', b.ordered_at, b.bv, b.bv
					from bench_orders b join orders o using (order_number) order by o.id""");
			statement.execute("drop table bench_orders");
			statement.execute("analyze orders; analyze order_lines; analyze order_events");
		}
	}

	private static void copyTree(Connection connection, GeneratedCompany company) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("create table bench_tree (partner varchar(32) primary key, sponsor varchar(32))");
		}
		StringBuilder csv = new StringBuilder(company.size * 24);
		for (int i = 0; i < company.size; i++) {
			csv.append(GeneratedCompany.number(i))
				.append(',')
				.append((company.sponsor[i] != GeneratedCompany.NONE) ? GeneratedCompany.number(company.sponsor[i])
						: "")
				.append('\n');
		}
		copy(connection, "copy bench_tree from stdin with (format csv)", csv);
		try (Statement statement = connection.createStatement()) {
			statement.execute("analyze bench_tree");
		}
	}

	private static void copy(Connection connection, String copy, CharSequence csv) throws SQLException {
		try {
			connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copy, new StringReader(csv.toString()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void closes() {
		this.plans.create(new Plan(UNILEVEL, PlanType.UNILEVEL, PeriodLength.MONTHLY, "2026-01"),
				LocalDate.parse("2026-01-01"), """
						{"type":"UNILEVEL","levelRates":["0.10","0.05","0.04","0.03","0.02","0.02","0.01"],
						 "minPersonalPv":"50"}""");
		this.plans.create(new Plan(BINARY, PlanType.BINARY, PeriodLength.MONTHLY, "2026-01"),
				LocalDate.parse("2026-01-01"), """
						{"type":"BINARY","rate":"0.10","minPersonalPv":"50","capPerPeriod":"5000"}""");
		close(UNILEVEL);
		close(BINARY);
	}

	private void close(String plan) {
		System.gc();
		List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter((pool) -> pool.getType() == MemoryType.HEAP)
			.toList();
		heap.forEach(MemoryPoolMXBean::resetPeakUsage);
		long started = System.nanoTime();
		RunResult result = this.runs.close(plan, "2026-01");
		double millis = (System.nanoTime() - started) / 1e6;
		long peak = heap.stream().mapToLong((pool) -> pool.getPeakUsage().getUsed()).sum();
		RunProgress progress = this.runs.running()
			.stream()
			.filter((run) -> run.plan().equals(plan))
			.findFirst()
			.orElseThrow();
		this.report.millis("Close of the " + plan + " plan, January 2026, end to end", millis,
				"phases " + progress.phaseMillis() + " ms; " + String.format("%,d", result.lines().size())
						+ " lines, total " + result.total().toPlainString() + " EUR");
		this.report.add("Peak heap during the " + plan + " close", String.format("%,d MiB", peak / (1024 * 1024)),
				"sum of the heap pools' peaks (an upper bound)");
		this.report.add("Result hash of the " + plan + " close", "`" + result.hash().substring(0, 16) + "…`",
				"same seed, same hash");
	}

	private void unilevelBaselines(GeneratedCompany company) {
		BigDecimal ours = this.runs.closed(UNILEVEL, "2026-01").orElseThrow().total();
		floor(company);
		this.jdbc.execute((ConnectionCallback<Void>) (connection) -> {
			copyTree(connection, company);
			return null;
		});
		long started = System.nanoTime();
		BigDecimal cte = baseline(() -> this.jdbc.queryForObject(UNILEVEL_CTE, BigDecimal.class));
		if (cte != null) {
			this.report.millis("PostgreSQL recursive CTE: the same unilevel", (System.nanoTime() - started) / 1e6,
					"total " + cte.toPlainString() + " EUR" + (cte.compareTo(ours) == 0 ? " (equals the close)"
							: " (differs from the close: " + ours.toPlainString() + ")"));
		}
		started = System.nanoTime();
		try (Session session = this.neo4j.session()) {
			session.executeWrite((tx) -> tx.run("""
					UNWIND $rows AS row MATCH (p:Partner {number: row.number})
					SET p.benchPv = row.pv""", Map.of("rows", partnerVolumes())).consume(),
					TransactionConfig.builder().withTimeout(BASELINE_LIMIT).build());
			long prepared = System.nanoTime();
			BigDecimal cypher = session.executeRead(
					(tx) -> new BigDecimal(tx.run(UNILEVEL_CYPHER).single().get("total").asString()),
					TransactionConfig.builder().withTimeout(BASELINE_LIMIT).build());
			this.report.millis("Cypher variable-length: the same unilevel", (System.nanoTime() - prepared) / 1e6,
					"total " + cypher.toPlainString() + " EUR, rounded per partner and level, not per order"
							+ " (volumes set on the nodes first: " + Report.format((prepared - started) / 1e6)
							+ " ms)");
		}
		catch (RuntimeException ex) {
			this.report.add("Cypher variable-length: the same unilevel", "did not finish",
					"after " + Report.format((System.nanoTime() - started) / 1e6) + " ms: " + firstLine(ex));
		}
	}

	/**
	 * The floor: the unilevel with dynamic compression as a bare pass over int arrays and
	 * long cents, no rounding subtleties, no I/O.
	 */
	private void floor(GeneratedCompany company) {
		int orders = company.orders() + INGEST_SAMPLE;
		int[] partner = Arrays.copyOf(company.orderPartner, orders);
		long[] cents = Arrays.copyOf(company.orderCents, orders);
		for (int i = 0; i < INGEST_SAMPLE; i++) {
			partner[company.orders() + i] = i % this.size;
			cents[company.orders() + i] = ingestCents(i);
		}
		long[] pvCents = new long[this.size];
		for (int o = 0; o < orders; o++) {
			pvCents[partner[o]] += cents[o];
		}
		long started = System.nanoTime();
		long totalMilliCents = 0;
		for (int o = 0; o < orders; o++) {
			int level = 0;
			for (int up = company.sponsor[partner[o]]; up != GeneratedCompany.NONE
					&& level < RATES_PER_MILLE.length; up = company.sponsor[up]) {
				if (pvCents[up] >= 5_000) {
					totalMilliCents += cents[o] * RATES_PER_MILLE[level++];
				}
			}
		}
		this.report.millis("Floor: the same unilevel as a bare array pass", (System.nanoTime() - started) / 1e6,
				"total about " + BigDecimal.valueOf(totalMilliCents, 5).setScale(2, RoundingMode.HALF_UP)
						+ " EUR (not rounded per line)");
	}

	private static long ingestCents(int i) {
		return 5_000 + i % 1_000;
	}

	private List<Map<String, Object>> partnerVolumes() {
		return this.jdbc.query("""
				select o.partner_number, sum(e.pv) as pv from orders o join order_events e on e.order_id = o.id
				where e.kind = 'PAID' group by o.partner_number""",
				(rs, row) -> Map.of("number", rs.getString(1), "pv", rs.getBigDecimal(2).doubleValue()));
	}

	private <T> T baseline(Callable<T> computation) {
		try {
			this.jdbc.execute("set statement_timeout = '" + BASELINE_LIMIT.toSeconds() + "s'");
			return computation.call();
		}
		catch (Exception ex) {
			this.report.add("PostgreSQL recursive CTE: the same unilevel", "did not finish", firstLine(ex));
			return null;
		}
		finally {
			this.jdbc.execute("set statement_timeout = 0");
		}
	}

	private <T> T timed(String what, Callable<T> step, String note) {
		long started = System.nanoTime();
		try {
			T result = step.call();
			this.report.millis(what, (System.nanoTime() - started) / 1e6, note);
			return result;
		}
		catch (Exception ex) {
			throw new IllegalStateException(what + " failed", ex);
		}
	}

	private static String firstLine(Exception ex) {
		String message = String.valueOf(ex.getMessage());
		int newline = message.indexOf('\n');
		return ((newline > 0) ? message.substring(0, newline) : message).replace('|', '/');
	}

	/** Unilevel with dynamic compression, 7 levels, active at PV >= 50, per order. */
	private static final String UNILEVEL_CTE = """
			with recursive
			sales as (
			  select o.partner_number as partner, e.bv
			  from orders o join order_events e on e.order_id = o.id and e.kind = 'PAID'),
			volume as (select partner, sum(bv) as pv from sales group by partner),
			rates(used, rate) as (values (0, 0.10), (1, 0.05), (2, 0.04), (3, 0.03), (4, 0.02), (5, 0.02), (6, 0.01)),
			walk(bv, node, used) as (
			  select s.bv, t.sponsor, 0 from sales s join bench_tree t on t.partner = s.partner
			  where t.sponsor is not null
			  union all
			  select w.bv, t.sponsor, w.used + case when coalesce(v.pv, 0) >= 50 then 1 else 0 end
			  from walk w join bench_tree t on t.partner = w.node left join volume v on v.partner = w.node
			  where t.sponsor is not null and w.used + case when coalesce(v.pv, 0) >= 50 then 1 else 0 end < 7)
			select coalesce(sum(round(w.bv * r.rate, 2)), 0)
			from walk w join volume v on v.partner = w.node and v.pv >= 50 join rates r on r.used = w.used
			""";

	/** The same with Cypher paths over the sponsor tree, volumes on the nodes. */
	private static final String UNILEVEL_CYPHER = """
			MATCH (d:Partner) WHERE d.benchPv > 0
			MATCH path = (d)-[:SPONSORED_BY]->+(u:Partner)
			WHERE u.benchPv >= 50
			WITH d, u, size([n IN nodes(path)[1..] WHERE n.benchPv >= 50]) AS level
			WHERE level <= 7
			WITH [0.10, 0.05, 0.04, 0.03, 0.02, 0.02, 0.01][level - 1] AS rate, d.benchPv AS bv
			RETURN toString(round(sum(round(bv * rate, 2)), 2)) AS total
			""";

}
