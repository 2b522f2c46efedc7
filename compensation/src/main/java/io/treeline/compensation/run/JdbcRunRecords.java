package io.treeline.compensation.run;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;

import javax.sql.DataSource;

import io.treeline.compensation.CommissionLine;
import io.treeline.compensation.CommissionLineList;
import io.treeline.compensation.PartnerResult;
import io.treeline.compensation.Period;
import io.treeline.compensation.PeriodLength;
import io.treeline.compensation.Plan;
import io.treeline.compensation.PlanType;
import io.treeline.compensation.calculation.Sale;
import io.treeline.compensation.store.CompensationStoreConfiguration;
import io.treeline.compensation.store.PostgresCopy;
import io.treeline.graph.PartnerNumber;

import org.postgresql.PGStatement;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.PreparedStatementSetter;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The tables of commission runs: {@code commission_runs},
 * {@code commission_line_segments}, {@code period_result_segments} and
 * {@code run_skipped_events}, and the order events a run reads.
 */
@Repository
class JdbcRunRecords {

	/**
	 * Segments fetched per round trip where a query reads many: a storno-heavy close
	 * reads most partner segments of the last run, which PostgreSQL's driver would
	 * otherwise hold all at once (3 GB at 90M lines).
	 */
	private static final int SEGMENTS_PER_FETCH = 16;

	/**
	 * Decode the segments a storno reads while the close's thread fetches the next ones:
	 * a daemon thread per processor, shared by all closes (the close's thread mostly
	 * waits for PostgreSQL meanwhile).
	 */
	private static final Executor DECODERS = Background.threads("close-segment-decoder",
			Runtime.getRuntime().availableProcessors());

	/**
	 * Read the lines of returned orders while a computation reads its events (ADR 0045):
	 * a daemon thread per read, shared by all computations.
	 */
	private static final Executor READERS_AHEAD = Background.threadsAsNeeded("close-read-ahead");

	/** The advisory lock key of the event watermark (also in migration V006). */
	static final long EVENT_WATERMARK_LOCK = 7262001;

	private static final Instant DAWN = Instant.parse("0001-01-01T00:00:00Z");

	private final JdbcClient jdbc;

	private final PostgresCopy copy;

	private final DataSource dataSource;

	/** A read-only transaction of its own, for reads on another thread. */
	private final TransactionTemplate readOnly;

	JdbcRunRecords(JdbcClient jdbc, PostgresCopy copy, DataSource dataSource,
			@Qualifier(CompensationStoreConfiguration.TRANSACTION_MANAGER) PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.copy = copy;
		this.dataSource = dataSource;
		this.readOnly = new TransactionTemplate(transactionManager);
		this.readOnly.setReadOnly(true);
	}

	Optional<PlanRow> plan(String name, boolean lock) {
		return this.jdbc
			.sql("select id, name, type, period_length, first_period from plans where name = :name"
					+ (lock ? " for update" : ""))
			.param("name", name)
			.query((rs, row) -> new PlanRow(rs.getLong("id"),
					new Plan(rs.getString("name"), PlanType.valueOf(rs.getString("type")),
							PeriodLength.valueOf(rs.getString("period_length")), rs.getString("first_period"))))
			.optional();
	}

	List<VersionRow> versions(long planId) {
		return this.jdbc.sql("""
				select version, effective_from, document::text as document from plan_versions
				where plan_id = :planId order by effective_from, version
				""")
			.param("planId", planId)
			.query((rs, row) -> new VersionRow(rs.getInt("version"), rs.getDate("effective_from").toLocalDate(),
					rs.getString("document")))
			.list();
	}

	List<RunRow> runs(long planId) {
		return this.jdbc.sql("""
				select id, period, starts_at, ends_at, result_hash, total, event_watermark from commission_runs
				where plan_id = :planId order by starts_at
				""").param("planId", planId).query(JdbcRunRecords::run).list();
	}

	Optional<RunRow> run(long planId, String period) {
		return this.jdbc.sql("""
				select id, period, starts_at, ends_at, result_hash, total, event_watermark from commission_runs
				where plan_id = :planId and period = :period
				""").param("planId", planId).param("period", period).query(JdbcRunRecords::run).optional();
	}

	/**
	 * Reads the order events up to which a close commissions, under the lock every insert
	 * of an order event shares (trigger {@code order_events_watermark_lock}): once it is
	 * held, no transaction that could still commit an event with a smaller id is open.
	 * @return the greatest event id, 0 if there is none
	 */
	long eventWatermark() {
		this.jdbc.sql("select pg_advisory_lock(" + EVENT_WATERMARK_LOCK + ")").query(Object.class).single();
		try {
			return this.jdbc.sql("select coalesce(max(id), 0) from order_events").query(Long.class).single();
		}
		finally {
			this.jdbc.sql("select pg_advisory_unlock(" + EVENT_WATERMARK_LOCK + ")").query(Object.class).single();
		}
	}

	/**
	 * Reads the payments and returns no closed run of the plan has commissioned, in a
	 * time window: those above the last run's watermark, those at or after its end, and
	 * those it passed over (ADR 0017). Three index range reads, not a scan of all events.
	 * The rows come in no particular order, as PostgreSQL reads them: sorted there, the
	 * first row came only once all were read, and reading them here could not overlap
	 * that (ADR 0029).
	 * @param last the plan's last closed run, or {@code null}
	 * @param from the window's start, or {@code null} for all before {@code to}
	 * @param to after the window
	 * @param upTo the greatest event id to read (a close's watermark)
	 */
	void sales(RunRow last, Instant from, Instant to, long upTo, Consumer<SaleRow> into) {
		// read by COPY and parsed here: a million partners pay some two million orders a
		// month, and JDBC's decimals and timestamps were most of a close's load phase;
		// in binary, PostgreSQL sends instants and volumes as it holds them (ADR 0029);
		// an event carries its order's number, partner and date, so that the read is not
		// a join with every order ever recorded (ADR 0036); a return is the event with a
		// fraction (constraint order_events_return_has_fraction), so its kind is not sent
		String columns = """
				select e.id, e.order_number, e.partner_number, e.ordered_at, e.occurred_at, e.pv, e.bv, e.fraction,
				       e.completes
				""";
		String window = " and e.occurred_at >= " + timestamp((from != null) ? from : DAWN) + " and e.occurred_at < "
				+ timestamp(to);
		long watermark = (last != null) ? last.eventWatermark() : 0L;
		String lastEnd = timestamp((last != null) ? last.end() : DAWN);
		long lastRun = (last != null) ? last.id() : -1L;
		String sql = "copy (" + columns + "from order_events e where e.id > " + watermark + " and e.id <= " + upTo
				+ window + " union all " + columns + "from order_events e where e.id <= " + watermark
				+ " and e.kind in ('PAID', 'RETURNED') and e.occurred_at >= " + lastEnd + window + " union all "
				+ columns + "from run_skipped_events s join order_events e on e.id = s.event_id where s.run_id = "
				+ lastRun + " and e.occurred_at < " + lastEnd + window + ") to stdout (format binary)";
		// handed over row by row, not gathered: at ten million partners a list of the
		// rows beside the sales made of them took gigabytes (ADR 0023)
		CopyBinary.read(this.dataSource, sql,
				(row) -> into.accept(new SaleRow(row.int8(0), !row.isNull(7), row.text(1), row.text(2),
						row.timestampMicros(3), row.timestampMicros(4), row.numericUnits(5, Sale.SCALE),
						row.numericUnits(6, Sale.SCALE), row.isNull(7) ? null : row.numeric(7), row.bool(8))));
	}

	private static String timestamp(Instant instant) {
		return "timestamptz '" + instant + "'";
	}

	/**
	 * Reads what the partners reached in a closed run, sorted by partner number.
	 */
	List<PartnerResult> results(long runId) {
		List<PartnerResult> results = new ArrayList<>();
		this.jdbc.sql("select results from period_result_segments where run_id = :runId order by segment")
			.param("runId", runId)
			.query((rs) -> {
				ResultSegments.decode(rs.getBytes("results"), (partner) -> true, results);
			});
		return results;
	}

	/**
	 * Reads what the partners reached in a closed run without an object per partner.
	 */
	void results(long runId, ResultSegments.Visitor visitor) {
		binaryQuery("select results from period_result_segments where run_id = ? order by segment",
				(statement) -> statement.setLong(1, runId),
				(rs) -> ResultSegments.decode(rs.getBytes("results"), visitor));
	}

	/**
	 * Reads what a partner reached in each closed run of a plan: one segment per run.
	 */
	List<CareerRow> career(long planId, PartnerNumber partner) {
		List<CareerRow> career = new ArrayList<>();
		this.jdbc.sql("""
				select r.period, r.starts_at, r.ends_at, s.results
				from period_result_segments s join commission_runs r on r.id = s.run_id
				where r.plan_id = :planId and s.first_partner <= :partner and s.last_partner >= :partner
				order by r.starts_at
				""").param("planId", planId).param("partner", partner.value()).query((rs) -> {
			List<PartnerResult> found = new ArrayList<>(1);
			ResultSegments.decode(rs.getBytes("results"), partner.value()::equals, found);
			for (PartnerResult result : found) {
				career.add(new CareerRow(rs.getString("period"), rs.getTimestamp("starts_at").toInstant(),
						rs.getTimestamp("ends_at").toInstant(), result));
			}
		});
		return career;
	}

	/**
	 * Starts reading the order-based lines of closed runs for the orders returned in a
	 * time window, on a connection and thread of their own: the orders of the returns
	 * recorded so far whose instant falls in the window, whether a computation will read
	 * those returns or not (ADR 0045).
	 * @param planId the plan
	 * @param runs the closed runs to read, those the computation knows
	 * @param from the window's start
	 * @param to after the window
	 * @return the read, whose result names the orders it read the lines of
	 */
	ReadAhead<OrderLines> linesOfReturnsAhead(long planId, Set<Long> runs, Instant from, Instant to) {
		return new ReadAhead<>("the lines of returned orders", (begin) -> this.readOnly.execute((status) -> {
			if (!begin.getAsBoolean()) {
				return null;
			}
			Set<String> orders = new HashSet<>(this.jdbc.sql("""
					select distinct order_number from order_events
					where kind = 'RETURNED' and occurred_at >= :from and occurred_at < :to
					""")
				.param("from", Timestamp.from(from))
				.param("to", Timestamp.from(to))
				.query(String.class)
				.list());
			return new OrderLines(orders, linesOfOrders(planId, runs, orders));
		}), READERS_AHEAD);
	}

	/**
	 * Reads the order-based lines of closed runs of the plan that belong to some orders:
	 * the segments their order keys fall in, in the order of runs and lines.
	 * @param planId the plan
	 * @param runs the runs to read: those a computation knows as closed (a run closed
	 * since is not read)
	 * @param orders the orders
	 * @return the lines
	 */
	List<CommissionLine> linesOfOrders(long planId, Set<Long> runs, Collection<String> orders) {
		if (orders.isEmpty()) {
			return List.of();
		}
		TreeSet<String> keys = new TreeSet<>();
		for (String order : orders) {
			keys.add(LineSegments.orderKey(order));
		}
		List<long[]> wanted = new ArrayList<>();
		this.jdbc.sql("""
				select s.run_id, s.segment, s.first_key, s.last_key
				from commission_line_segments s join commission_runs r on r.id = s.run_id
				where r.plan_id = :planId and s.arrangement = 'O'
				""").param("planId", planId).query((rs) -> {
			if (!runs.contains(rs.getLong("run_id"))) {
				return;
			}
			String key = keys.ceiling(rs.getString("first_key"));
			if (key != null && key.compareTo(rs.getString("last_key")) <= 0) {
				wanted.add(new long[] { rs.getLong("run_id"), rs.getInt("segment") });
			}
		});
		if (wanted.isEmpty()) {
			return List.of();
		}
		LineSegments.Wanted ofOrders = LineSegments.Wanted.orders(orders);
		List<RunLine> lines = new ArrayList<>();
		// the directory names the partner segments that hold the orders' lines and
		// their line numbers (older runs hold the lines in the order segments
		// themselves, or name no line numbers)
		Set<List<Long>> partnerSegments = new LinkedHashSet<>();
		Map<Long, LineSegments.LineNumbers> lineNumbers = new HashMap<>();
		// the wanted segments' data in one query, not one round trip per segment
		segments("O", wanted.stream().map((segment) -> segment[0]).toArray(Long[]::new),
				wanted.stream().map((segment) -> (int) segment[1]).toArray(Integer[]::new), (rs) -> {
					long run = rs.getLong("run_id");
					List<LineSegments.NumberedLine> found = new ArrayList<>();
					LineSegments.decodeOrders(rs.getBytes("lines"), ofOrders, found,
							(segment) -> partnerSegments.add(List.of(run, (long) segment)),
							lineNumbers.computeIfAbsent(run, (key) -> new LineSegments.LineNumbers()));
					for (LineSegments.NumberedLine line : found) {
						lines.add(new RunLine(run, line.number(), line.line()));
					}
				});
		if (!partnerSegments.isEmpty()) {
			// decoded on another thread while the next segments are fetched; the lines
			// are sorted below, so the order in which segments are decoded does not
			// matter
			ArrayDeque<CompletableFuture<List<RunLine>>> decoding = new ArrayDeque<>();
			segments("P", partnerSegments.stream().map((segment) -> segment.get(0)).toArray(Long[]::new),
					partnerSegments.stream().map((segment) -> segment.get(1).intValue()).toArray(Integer[]::new),
					(rs) -> {
						long run = rs.getLong("run_id");
						byte[] data = rs.getBytes("lines");
						LineSegments.LineNumbers numbers = lineNumbers.get(run);
						decoding.add(CompletableFuture.supplyAsync(() -> orderBasedLines(run, data, ofOrders, numbers),
								DECODERS));
						// a few segments ahead at most, so that they are not all held
						while (decoding.size() > SEGMENTS_PER_FETCH) {
							lines.addAll(Background.join(decoding.poll()));
						}
					});
			while (!decoding.isEmpty()) {
				lines.addAll(Background.join(decoding.poll()));
			}
		}
		lines.sort(Comparator.comparingLong(RunLine::run).thenComparingInt(RunLine::number));
		return lines.stream().map(RunLine::line).toList();
	}

	private static List<RunLine> orderBasedLines(long run, byte[] data, LineSegments.Wanted orders,
			LineSegments.LineNumbers numbers) {
		List<LineSegments.NumberedLine> found = new ArrayList<>();
		LineSegments.decode(data, orders, numbers, found);
		List<RunLine> lines = new ArrayList<>(found.size());
		for (LineSegments.NumberedLine line : found) {
			if (line.line().component().orderBased()) {
				lines.add(new RunLine(run, line.number(), line.line()));
			}
		}
		return lines;
	}

	/**
	 * Reads the given segments of one arrangement in one query, a few at a time rather
	 * than the whole result in the driver's memory (in a transaction, as a close reads
	 * them; ADR 0023).
	 */
	private void segments(String arrangement, Long[] runs, Integer[] segments, RowCallbackHandler handler) {
		binaryQuery("""
				select s.run_id, s.lines from commission_line_segments s
				join unnest(cast(? as bigint[]), cast(? as integer[])) w (run_id, segment)
				  on w.run_id = s.run_id and w.segment = s.segment
				where s.arrangement = ?
				""", (statement) -> {
			statement.setArray(1, statement.getConnection().createArrayOf("int8", runs));
			statement.setArray(2, statement.getConnection().createArrayOf("int4", segments));
			statement.setString(3, arrangement);
		}, handler);
	}

	/**
	 * Runs a query of segments on the transaction's connection with its values sent in
	 * binary: a segment's bytes as they are stored, not as hexadecimal text that
	 * PostgreSQL writes and the driver decodes (twice the bytes; a storno-heavy close
	 * reads hundreds of megabytes of segments; ADR 0029). Rows are fetched a few at a
	 * time inside a transaction.
	 */
	private void binaryQuery(String sql, PreparedStatementSetter parameters, RowCallbackHandler handler) {
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			// a negative threshold is the driver's way to ask for binary values at once
			statement.unwrap(PGStatement.class).setPrepareThreshold(-1);
			statement.setFetchSize(SEGMENTS_PER_FETCH);
			parameters.setValues(statement);
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					handler.processRow(rows);
				}
			}
		}
		catch (SQLException ex) {
			throw new DataAccessResourceFailureException("Could not read segments: " + ex.getMessage(), ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.dataSource);
		}
	}

	/**
	 * Reads the lines of a closed run, all or a partner's, in the order they were
	 * computed.
	 */
	CommissionLineList lines(long runId, PartnerNumber partner) {
		List<LineSegments.NumberedLine> found = new ArrayList<>();
		this.jdbc.sql("""
				select lines from commission_line_segments
				where run_id = :runId and arrangement = 'P'
				  and (cast(:partner as varchar) is null or (first_key <= :partner and last_key >= :partner))
				order by segment
				""").param("runId", runId).param("partner", (partner != null) ? partner.value() : null).query((rs) -> {
			LineSegments.decode(rs.getBytes("lines"),
					(partner != null) ? LineSegments.Wanted.partner(partner.value()) : LineSegments.Wanted.ALL, found);
		});
		found.sort(Comparator.comparingInt(LineSegments.NumberedLine::number));
		return CommissionLineList.of(found.stream().map(LineSegments.NumberedLine::line).toList());
	}

	long insertRun(long planId, Period period, String hash, BigDecimal total, String currency, long eventWatermark) {
		return this.jdbc.sql("""
				insert into commission_runs (plan_id, period, starts_at, ends_at, result_hash, total, currency,
				                             event_watermark)
				values (:planId, :period, :startsAt, :endsAt, :hash, :total, :currency, :eventWatermark)
				returning id
				""")
			.param("eventWatermark", eventWatermark)
			.param("planId", planId)
			.param("period", period.label())
			.param("startsAt", Timestamp.from(period.start()))
			.param("endsAt", Timestamp.from(period.end()))
			.param("hash", hash)
			.param("total", total)
			.param("currency", currency)
			.query(Long.class)
			.single();
	}

	/**
	 * Stores a run's lines as segments ({@link LineSegments}).
	 */
	void insertLines(long runId, CommissionLineList lines) {
		insertLineSegments(runId, LineSegments.encode(lines));
	}

	/**
	 * Stores a run's lines encoded already.
	 */
	void insertLineSegments(long runId, List<LineSegments.Segment> segments) {
		insertSegments(
				"""
						insert into commission_line_segments (run_id, arrangement, segment, first_key, last_key, line_count, lines)
						values (?, ?, ?, ?, ?, ?, ?)
						""",
				segments, (insert, segment) -> {
					insert.setLong(1, runId);
					insert.setString(2, segment.arrangement().code());
					insert.setInt(3, segment.number());
					insert.setString(4, segment.firstKey());
					insert.setString(5, segment.lastKey());
					insert.setInt(6, segment.lineCount());
					insert.setBytes(7, segment.data());
				});
	}

	/**
	 * Stores what the partners reached as segments ({@link ResultSegments}).
	 * @param results sorted by partner number
	 */
	void insertResults(long runId, List<PartnerResult> results) {
		insertResultSegments(runId, ResultSegments.encode(results));
	}

	/**
	 * Stores what the partners reached, encoded already.
	 */
	void insertResultSegments(long runId, List<ResultSegments.Segment> segments) {
		insertSegments("""
				insert into period_result_segments (run_id, segment, first_partner, last_partner, result_count, results)
				values (?, ?, ?, ?, ?, ?)
				""", segments, (insert, segment) -> {
			insert.setLong(1, runId);
			insert.setInt(2, segment.number());
			insert.setString(3, segment.firstPartner());
			insert.setString(4, segment.lastPartner());
			insert.setInt(5, segment.count());
			insert.setBytes(6, segment.data());
		});
	}

	private <T> void insertSegments(String sql, List<T> segments, SegmentBinder<T> binder) {
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try (PreparedStatement insert = connection.prepareStatement(sql)) {
			int batched = 0;
			for (T segment : segments) {
				binder.bind(insert, segment);
				insert.addBatch();
				if (++batched % 64 == 0) {
					insert.executeBatch();
				}
			}
			insert.executeBatch();
		}
		catch (SQLException ex) {
			throw new DataAccessResourceFailureException("Could not write segments: " + ex.getMessage(), ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.dataSource);
		}
	}

	@FunctionalInterface
	private interface SegmentBinder<T> {

		void bind(PreparedStatement insert, T segment) throws SQLException;

	}

	void insertSkippedEvents(long runId, Collection<Long> eventIds) {
		List<Long> ids = List.copyOf(eventIds);
		this.copy.copy("run_skipped_events (run_id, event_id)", ids.size(),
				(index, row) -> row.add(runId).add(ids.get(index)));
	}

	private static RunRow run(ResultSet rs, int row) throws SQLException {
		return new RunRow(rs.getLong("id"), rs.getString("period"), rs.getTimestamp("starts_at").toInstant(),
				rs.getTimestamp("ends_at").toInstant(), rs.getString("result_hash"), rs.getBigDecimal("total"),
				rs.getLong("event_watermark"));
	}

	record PlanRow(long id, Plan plan) {
	}

	record VersionRow(int version, java.time.LocalDate effectiveFrom, String document) {
	}

	record RunRow(long id, String period, Instant start, Instant end, String hash, BigDecimal total,
			long eventWatermark) {
	}

	/**
	 * The order-based lines of closed runs for some orders.
	 *
	 * @param orders the orders read, also those without lines
	 * @param lines their lines, in the order of runs and lines
	 */
	record OrderLines(Set<String> orders, List<CommissionLine> lines) {

		/**
		 * Returns the lines of some orders: those read here, and those of the orders not
		 * read here by another read; lines of orders read here but not wanted are passed
		 * over. An order's lines come from one read, in the order it read them.
		 * @param wanted the orders
		 * @param readOthers reads the lines of the orders not read here
		 * @return the lines read here, then the others
		 */
		List<CommissionLine> linesOf(Set<String> wanted, Function<Set<String>, List<CommissionLine>> readOthers) {
			List<CommissionLine> found = new ArrayList<>();
			for (CommissionLine line : this.lines) {
				if (wanted.contains(line.orderNumber())) {
					found.add(line);
				}
			}
			Set<String> others = new LinkedHashSet<>(wanted);
			others.removeAll(this.orders);
			if (!others.isEmpty()) {
				found.addAll(readOthers.apply(others));
			}
			return found;
		}

	}

	/**
	 * An order event a run reads.
	 *
	 * @param eventId the event's id
	 * @param returned whether it is a return
	 * @param orderNumber the order
	 * @param partner the partner the order is credited to
	 * @param orderedAtMicros the order date, microseconds since the epoch
	 * @param occurredAtMicros when the event happened, microseconds since the epoch
	 * @param pv PV in ten-thousandths
	 * @param bv BV in ten-thousandths
	 * @param fraction the share a return gives back, {@code null} for a payment
	 * @param completes whether the return gives back the rest of the order
	 */
	record SaleRow(long eventId, boolean returned, String orderNumber, String partner, long orderedAtMicros,
			long occurredAtMicros, long pv, long bv, BigDecimal fraction, boolean completes) {
	}

	private record RunLine(long run, int number, CommissionLine line) {
	}

	record CareerRow(String period, Instant start, Instant end, PartnerResult result) {
	}

}
