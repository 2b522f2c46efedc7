package io.treeline.benchmark;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionConfig;
import org.postgresql.PGConnection;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The naive alternatives: PostgreSQL recursive CTEs over a copy of the trees (with the
 * validity of every sponsor edge) and Cypher variable-length patterns over the product's
 * graph, each stopped at a time limit.
 */
final class Baselines {

	static final Duration LIMIT = Duration.ofSeconds(180);

	private static final int CHUNK = 64 * 1024 * 1024;

	private final JdbcTemplate jdbc;

	private final Driver neo4j;

	Baselines(JdbcTemplate jdbc, Driver neo4j) {
		this.jdbc = jdbc;
		this.neo4j = neo4j;
	}

	/**
	 * The outcome of one baseline query.
	 *
	 * @param millis its time; infinite if it did not finish within the limit
	 * @param answer its answer, {@code null} if it did not finish
	 * @param failure why it did not finish
	 */
	record Outcome(double millis, Object answer, String failure) {

		boolean finished() {
			return !Double.isInfinite(this.millis);
		}

	}

	/**
	 * Copies the sponsor tree with its history and the binary tree into PostgreSQL, with
	 * the indexes a recursive CTE needs.
	 * @param company the company
	 */
	void copyTrees(GeneratedCompany company) {
		this.jdbc.execute((ConnectionCallback<Void>) (connection) -> {
			try (Statement statement = connection.createStatement()) {
				statement.execute("""
						create table bench_tree (partner varchar(32), sponsor varchar(32),
						  valid_from timestamptz, valid_to timestamptz)""");
				statement.execute("create table bench_binary (partner varchar(32), parent varchar(32))");
			}
			// in chunks, so that ten million rows are never one text
			StringBuilder csv = new StringBuilder();
			company.forEachSponsorEdge((partner, sponsor, from, to) -> {
				csv.append(GeneratedCompany.number(partner))
					.append(',')
					.append(GeneratedCompany.number(sponsor))
					.append(',')
					.append(Instant.ofEpochMilli(from))
					.append(',')
					.append((to != Long.MAX_VALUE) ? Instant.ofEpochMilli(to).toString() : "")
					.append('\n');
				if (csv.length() > CHUNK) {
					copy(connection, "copy bench_tree from stdin with (format csv)", csv);
					csv.setLength(0);
				}
			});
			copy(connection, "copy bench_tree from stdin with (format csv)", csv);
			csv.setLength(0);
			for (int i = 1; i < company.size; i++) {
				csv.append(GeneratedCompany.number(i))
					.append(',')
					.append(GeneratedCompany.number(company.binaryParent[i]))
					.append('\n');
				if (csv.length() > CHUNK || i == company.size - 1) {
					copy(connection, "copy bench_binary from stdin with (format csv)", csv);
					csv.setLength(0);
				}
			}
			try (Statement statement = connection.createStatement()) {
				statement.execute("create index on bench_tree (partner, valid_from)");
				statement.execute("create index on bench_tree (sponsor, valid_from)");
				statement.execute("create index on bench_binary (partner)");
				statement.execute("create index on bench_binary (parent)");
				statement.execute("analyze bench_tree; analyze bench_binary");
			}
			return null;
		});
	}

	private static void copy(Connection connection, String copy, CharSequence csv) {
		try {
			connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copy, new StringReader(csv.toString()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(copy + " failed", ex);
		}
	}

	/**
	 * Runs a query of one value with a time limit.
	 * @param sql the query, its parameters as {@code ?}
	 * @param parameters the parameters (instants are bound as timestamps)
	 * @return the outcome, the answer as the first column's object
	 */
	Outcome sql(String sql, Object... parameters) {
		long started = System.nanoTime();
		try {
			Object answer = this.jdbc.execute((ConnectionCallback<Object>) (connection) -> {
				try (PreparedStatement statement = connection.prepareStatement(sql)) {
					statement.setQueryTimeout((int) LIMIT.toSeconds());
					for (int i = 0; i < parameters.length; i++) {
						Object parameter = (parameters[i] instanceof Instant instant) ? Timestamp.from(instant)
								: parameters[i];
						statement.setObject(i + 1, parameter);
					}
					try (ResultSet rows = statement.executeQuery()) {
						rows.next();
						return rows.getObject(1);
					}
				}
			});
			return new Outcome((System.nanoTime() - started) / 1e6, answer, null);
		}
		catch (RuntimeException ex) {
			return new Outcome(Double.POSITIVE_INFINITY, null, firstLine(ex));
		}
	}

	/**
	 * Runs a Cypher query of one row with a time limit.
	 * @param cypher the query
	 * @param parameters its parameters
	 * @param answer reads the answer from the row
	 * @return the outcome
	 */
	Outcome cypher(String cypher, Map<String, Object> parameters, Function<Record, Object> answer) {
		long started = System.nanoTime();
		try (Session session = this.neo4j.session()) {
			Object value = session.executeRead((tx) -> answer.apply(tx.run(cypher, parameters).single()),
					TransactionConfig.builder().withTimeout(LIMIT).build());
			return new Outcome((System.nanoTime() - started) / 1e6, value, null);
		}
		catch (RuntimeException ex) {
			return new Outcome(Double.POSITIVE_INFINITY, null, firstLine(ex));
		}
	}

	/**
	 * Runs a Cypher write (preparation, not measured as a baseline).
	 * @param cypher the statement
	 * @param parameters its parameters
	 */
	void write(String cypher, Map<String, Object> parameters) {
		try (Session session = this.neo4j.session()) {
			session.executeWrite((tx) -> tx.run(cypher, parameters).consume(),
					TransactionConfig.builder().withTimeout(LIMIT).build());
		}
	}

	static BigDecimal decimal(Object value) {
		return (value instanceof BigDecimal decimal) ? decimal : new BigDecimal(String.valueOf(value));
	}

	static String firstLine(Exception ex) {
		String message = String.valueOf(ex.getMessage());
		int newline = message.indexOf('\n');
		return ((newline > 0) ? message.substring(0, newline) : message).replace('|', '/');
	}

	/** Team size as of an instant in the sponsor tree with its history. */
	static final String TEAM_SIZE_CTE = """
			with recursive team(partner) as (
			  select t.partner from bench_tree t
			  where t.sponsor = ? and t.valid_from <= ? and (t.valid_to is null or t.valid_to > ?)
			  union all
			  select t.partner from bench_tree t join team on t.sponsor = team.partner
			  where t.valid_from <= ? and (t.valid_to is null or t.valid_to > ?))
			select count(*) from team""";

	/** Team size as of an instant in the binary tree (partners present once joined). */
	static final String BINARY_TEAM_SIZE_CTE = """
			with recursive team(partner) as (
			  select b.partner from bench_binary b where b.parent = ? and b.partner <= ?
			  union all
			  select b.partner from bench_binary b join team on b.parent = team.partner where b.partner <= ?)
			select count(*) from team""";

	/** Upline length in the binary tree. */
	static final String UPLINE_CTE = """
			with recursive up(partner, level) as (
			  select b.parent, 1 from bench_binary b where b.partner = ?
			  union all
			  select b.parent, up.level + 1 from bench_binary b join up on b.partner = up.partner)
			select count(*) from up""";

	/** Team size as of an instant, sponsor edges valid at that instant only. */
	static final String TEAM_SIZE_CYPHER = """
			MATCH (p:Partner {number: $number})
			  (()<-[r:SPONSORED_BY WHERE r.validFrom <= $at AND (r.validTo IS NULL OR r.validTo > $at)]-())+
			  (d:Partner)
			RETURN count(DISTINCT d) AS n""";

	/** Team size as of an instant in a placement tree. */
	static final String PLACEMENT_TEAM_SIZE_CYPHER = """
			MATCH (p:Partner {number: $number})
			  (()<-[r:PLACED_UNDER WHERE r.plan = $plan AND r.validFrom <= $at
			    AND (r.validTo IS NULL OR r.validTo > $at)]-())+ (d:Partner)
			RETURN count(DISTINCT d) AS n""";

	/** Upline length in a placement tree. */
	static final String UPLINE_CYPHER = """
			MATCH (p:Partner {number: $number})-[:PLACED_UNDER]->+(u:Partner) RETURN count(u) AS n""";

	/** A page of 20 of a downline as of an instant, in number order. */
	static final String DOWNLINE_PAGE_CYPHER = """
			MATCH (p:Partner {number: $number})
			  (()<-[r:SPONSORED_BY WHERE r.validFrom <= $at AND (r.validTo IS NULL OR r.validTo > $at)]-())+
			  (d:Partner)
			WITH DISTINCT d ORDER BY d.number LIMIT 20
			RETURN count(d) AS n""";

	/**
	 * The unilevel close of a period (7 levels, dynamic compression, active at PV >= 50
	 * in the period of the order date) exactly as the product computes it: payments of
	 * the period with the tree of their order date, stornos of the period reversing those
	 * lines, orders paid and returned whole within the period left out. Parameters: the
	 * period's start and end, the company's time zone.
	 */
	static final String UNILEVEL_CTE = """
			with recursive
			params as (select ?::timestamptz as p_start, ?::timestamptz as p_end, ?::text as zone),
			rates(used, rate) as (values (0, 0.10), (1, 0.05), (2, 0.04), (3, 0.03), (4, 0.02), (5, 0.02), (6, 0.01)),
			ev as (
			  select o.id as order_id, o.partner_number, o.ordered_at, e.kind, e.occurred_at, e.pv, e.bv,
			         e.fraction, e.completes
			  from orders o join order_events e on e.order_id = o.id),
			volume as (
			  select ev.partner_number, date_trunc('month', ev.occurred_at at time zone params.zone) as month,
			         sum(case when ev.kind = 'PAID' then ev.pv else -ev.pv end) as pv
			  from ev cross join params group by 1, 2),
			paid as (
			  select ev.order_id, ev.partner_number, ev.ordered_at, ev.bv,
			         ev.occurred_at >= params.p_start and ev.occurred_at < params.p_end as in_period
			  from ev cross join params where ev.kind = 'PAID'),
			returned as (
			  select ev.order_id, ev.fraction, ev.completes from ev cross join params
			  where ev.kind = 'RETURNED' and ev.occurred_at >= params.p_start and ev.occurred_at < params.p_end),
			removed as (
			  select p.order_id from paid p join returned r using (order_id) where r.completes and p.in_period),
			commissioned as (
			  select p.* from paid p
			  where (p.in_period or p.order_id in (select order_id from returned))
			    and p.order_id not in (select order_id from removed)),
			walk(order_id, bv, ordered_at, month, node, used) as (
			  select c.order_id, c.bv, c.ordered_at, date_trunc('month', c.ordered_at at time zone params.zone),
			         t.sponsor, 0
			  from commissioned c cross join params
			  join bench_tree t on t.partner = c.partner_number and t.valid_from <= c.ordered_at
			    and (t.valid_to is null or t.valid_to > c.ordered_at)
			  union all
			  select w.order_id, w.bv, w.ordered_at, w.month, t.sponsor,
			         w.used + case when coalesce(v.pv, 0) >= 50 then 1 else 0 end
			  from walk w
			  join bench_tree t on t.partner = w.node and t.valid_from <= w.ordered_at
			    and (t.valid_to is null or t.valid_to > w.ordered_at)
			  left join volume v on v.partner_number = w.node and v.month = w.month
			  where w.used + case when coalesce(v.pv, 0) >= 50 then 1 else 0 end < 7),
			lines as (
			  select w.order_id, round(w.bv * r.rate, 2) as amount
			  from walk w join volume v on v.partner_number = w.node and v.month = w.month and v.pv >= 50
			  join rates r on r.used = w.used)
			select
			  (select coalesce(sum(l.amount), 0) from lines l join commissioned c using (order_id) where c.in_period)
			  - (select coalesce(sum(case when r.completes then l.amount else round(l.amount * r.fraction, 2) end), 0)
			     from lines l join returned r using (order_id))
			""";

	/**
	 * The same unilevel with Cypher paths over the sponsor tree as of one instant of the
	 * period, activity and the BV of the period's own orders set on the nodes first; per
	 * order rounding, but late payments of the previous period and stornos are left out.
	 */
	static final String UNILEVEL_CYPHER = """
			MATCH (d:Partner) WHERE d.benchBv IS NOT NULL
			MATCH path = (d) (()-[r:SPONSORED_BY WHERE r.validFrom <= $at
			  AND (r.validTo IS NULL OR r.validTo > $at)]->())+ (u:Partner)
			WHERE u.benchPv >= 50
			WITH d, u, size([n IN nodes(path)[1..] WHERE n.benchPv >= 50]) AS level
			WHERE level <= 7
			WITH [0.10, 0.05, 0.04, 0.03, 0.02, 0.02, 0.01][level - 1] AS rate, d.benchBv AS bvs
			RETURN toString(round(sum(reduce(s = 0.0, bv IN bvs | s + round(bv * rate, 2))), 2)) AS total
			""";

}
