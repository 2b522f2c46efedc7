package io.treeline.benchmark;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Statement;

import org.postgresql.PGConnection;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes generated orders straight into the order tables with COPY, for the orders beyond
 * what the benchmark sends through the order import (which would take hours at ten
 * million partners). It writes the rows the order import would write for these orders:
 * one line, the payment with the order's volume, and a storno with its fraction, the
 * volume it takes back ({@code round(volume * fraction, 4)}, nothing for an unpaid order)
 * and whether it completes the order, so the closes do not depend on the path.
 */
final class OrderCopy {

	private final JdbcTemplate jdbc;

	OrderCopy(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Writes orders.
	 * @param rows CSV rows: order number, partner, ordered at, BV, paid at, returned at,
	 * returned per mille
	 */
	void write(CharSequence rows) {
		this.jdbc.execute((ConnectionCallback<Void>) (connection) -> {
			try (Statement statement = connection.createStatement()) {
				statement.execute("""
						create temp table if not exists bench_orders (order_number varchar(64),
						  partner_number varchar(32), ordered_at timestamptz, bv numeric(19,4), paid_at timestamptz,
						  returned_at timestamptz, returned_mille integer)""");
				statement.execute("truncate bench_orders");
			}
			try {
				connection.unwrap(PGConnection.class)
					.getCopyAPI()
					.copyIn("copy bench_orders from stdin with (format csv)", new StringReader(rows.toString()));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			try (Statement statement = connection.createStatement()) {
				// without statistics of the chunk the planner joined it with all orders
				// written so far: at 10M partners (37M orders) each chunk took longer
				statement.execute("analyze bench_orders");
				statement.execute(
						"""
								insert into orders (order_number, partner_number, ordered_at, currency)
								select order_number, partner_number, ordered_at, 'EUR' from bench_orders order by order_number""");
				statement.execute("""
						insert into order_lines (order_id, line_no, product, quantity, unit_price, vat_rate, pv, bv)
						select o.id, 1, 'ART-1', 1, b.bv, 0.19, b.bv, b.bv
						from bench_orders b join orders o using (order_number)""");
				statement.execute("""
						insert into order_events (order_id, kind, occurred_at, pv, bv, order_number, partner_number,
						                          ordered_at)
						select o.id, 'PAID', b.paid_at, b.bv, b.bv, o.order_number, o.partner_number, o.ordered_at
						from bench_orders b join orders o using (order_number)
						where b.paid_at is not null order by b.paid_at, b.order_number""");
				statement.execute("""
						insert into order_events (order_id, kind, occurred_at, fraction, pv, bv, completes, event_key,
						                          order_number, partner_number, ordered_at)
						select o.id, 'RETURNED', b.returned_at, b.returned_mille / 1000.0,
						       case when b.paid_at is null then 0 else round(b.bv * b.returned_mille / 1000.0, 4) end,
						       case when b.paid_at is null then 0 else round(b.bv * b.returned_mille / 1000.0, 4) end,
						       b.returned_mille = 1000, 'ST-' || b.order_number, o.order_number, o.partner_number,
						       o.ordered_at
						from bench_orders b join orders o using (order_number)
						where b.returned_at is not null order by b.returned_at, b.order_number""");
				statement.execute("truncate bench_orders");
			}
			return null;
		});
	}

	void analyze() {
		this.jdbc.execute("analyze orders; analyze order_lines; analyze order_events");
	}

}
