package io.treeline.compensation.order;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import io.treeline.compensation.NewOrder;
import io.treeline.compensation.OrderLine;
import io.treeline.compensation.Orders;
import io.treeline.compensation.store.CompensationTransactional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@link Orders} in the tables {@code orders}, {@code order_lines} and
 * {@code order_events}.
 */
@Component
class JdbcOrders implements Orders {

	private final JdbcClient jdbc;

	JdbcOrders(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@CompensationTransactional
	public boolean record(NewOrder order) {
		Optional<Long> id = this.jdbc.sql("""
				insert into orders (order_number, partner_number, ordered_at, currency)
				values (:orderNumber, :partner, :orderedAt, :currency)
				on conflict (order_number) do nothing
				returning id
				""")
			.param("orderNumber", order.orderNumber())
			.param("partner", order.partner().value())
			.param("orderedAt", Timestamp.from(order.orderedAt()))
			.param("currency", order.currency())
			.query(Long.class)
			.optional();
		if (id.isEmpty()) {
			return false;
		}
		int lineNo = 0;
		for (OrderLine line : order.lines()) {
			this.jdbc.sql("""
					insert into order_lines (order_id, line_no, product, quantity, unit_price, vat_rate, pv, bv)
					values (:orderId, :lineNo, :product, :quantity, :unitPrice, :vatRate, :pv, :bv)
					""")
				.param("orderId", id.get())
				.param("lineNo", ++lineNo)
				.param("product", line.product())
				.param("quantity", line.quantity())
				.param("unitPrice", line.unitPrice())
				.param("vatRate", line.vatRate())
				.param("pv", line.pv())
				.param("bv", line.bv())
				.update();
		}
		return true;
	}

	@Override
	@CompensationTransactional
	public boolean markPaid(String orderNumber, Instant paidAt) {
		Long orderId = this.jdbc.sql("select id from orders where order_number = :orderNumber")
			.param("orderNumber", orderNumber)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new IllegalArgumentException("No order has the number " + orderNumber));
		return this.jdbc.sql("""
				insert into order_events (order_id, kind, occurred_at) values (:orderId, 'PAID', :paidAt)
				on conflict (order_id, kind) do nothing
				""").param("orderId", orderId).param("paidAt", Timestamp.from(paidAt)).update() == 1;
	}

}
