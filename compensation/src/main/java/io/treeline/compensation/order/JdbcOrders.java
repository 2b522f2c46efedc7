package io.treeline.compensation.order;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.treeline.compensation.NewOrder;
import io.treeline.compensation.OrderEvent;
import io.treeline.compensation.OrderLine;
import io.treeline.compensation.OrderReturn;
import io.treeline.compensation.Orders;
import io.treeline.compensation.RecordedOrder;
import io.treeline.compensation.order.OrderRules.ReturnableLine;
import io.treeline.compensation.order.OrderRules.Share;
import io.treeline.compensation.order.OrderRules.State;
import io.treeline.compensation.store.CompensationTransactional;
import io.treeline.graph.PartnerNumber;

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
		String partner = creditedPartner(order);
		Optional<Long> id = this.jdbc.sql("""
				insert into orders (order_number, partner_number, customer_number, ordered_at, currency)
				values (:orderNumber, :partner, :customer, :orderedAt, :currency)
				on conflict (order_number) do nothing
				returning id
				""")
			.param("orderNumber", order.orderNumber())
			.param("partner", partner)
			.param("customer", order.customer())
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
	public Optional<RecordedOrder> find(String orderNumber) {
		return this.jdbc.sql("""
				select id, order_number, partner_number, customer_number, ordered_at, currency
				from orders where order_number = :orderNumber
				""").param("orderNumber", orderNumber).query((rs, row) -> {
			long id = rs.getLong("id");
			return new RecordedOrder(rs.getString("order_number"), PartnerNumber.of(rs.getString("partner_number")),
					rs.getString("customer_number"), rs.getTimestamp("ordered_at").toInstant(),
					rs.getString("currency"), lines(id), events(id));
		}).optional();
	}

	private List<OrderLine> lines(long orderId) {
		return this.jdbc.sql("""
				select product, quantity, unit_price, vat_rate, pv, bv from order_lines
				where order_id = :orderId order by line_no
				""")
			.param("orderId", orderId)
			.query((rs, row) -> new OrderLine(rs.getString("product"), rs.getBigDecimal("quantity"),
					rs.getBigDecimal("unit_price"), rs.getBigDecimal("vat_rate"), rs.getBigDecimal("pv"),
					rs.getBigDecimal("bv")))
			.list();
	}

	private List<RecordedOrder.Event> events(long orderId) {
		return this.jdbc.sql("""
				select e.kind, e.occurred_at, e.fraction, e.pv, e.bv, e.event_key,
				       array(select r.line_no from order_returned_lines r where r.event_id = e.id order by r.line_no)
				         as line_numbers
				from order_events e where e.order_id = :orderId order by e.occurred_at, e.id
				""").param("orderId", orderId).query((rs, row) -> {
			Integer[] lineNumbers = (Integer[]) rs.getArray("line_numbers").getArray();
			return new RecordedOrder.Event(rs.getString("kind"), rs.getTimestamp("occurred_at").toInstant(),
					rs.getBigDecimal("fraction"), rs.getBigDecimal("pv"), rs.getBigDecimal("bv"),
					rs.getString("event_key"), List.of(lineNumbers));
		}).list();
	}

	/**
	 * Returns the partner an order is credited to: a customer's order goes to the partner
	 * who brought the customer.
	 */
	private String creditedPartner(NewOrder order) {
		if (order.customer() == null) {
			return order.partner().value();
		}
		String partner = this.jdbc.sql("select partner_number from customers where customer_number = :customer")
			.param("customer", order.customer())
			.query(String.class)
			.optional()
			.orElseThrow(() -> new IllegalArgumentException(
					"No customer has the number " + order.customer() + "; register the customer first"));
		if (order.partner() != null && !order.partner().value().equals(partner)) {
			throw new IllegalArgumentException("Customer " + order.customer() + " belongs to partner " + partner
					+ " (Kundenschutz); the order cannot be credited to " + order.partner());
		}
		return partner;
	}

	@Override
	@CompensationTransactional
	public boolean markPaid(String orderNumber, Instant paidAt) {
		State order = lock(orderNumber);
		if (order.paid) {
			return false;
		}
		OrderRules.requirePayable(order);
		return this.jdbc.sql("""
				insert into order_events (order_id, kind, occurred_at, pv, bv)
				values (:orderId, 'PAID', :paidAt, :pv, :bv)
				""")
			.param("orderId", order.id)
			.param("paidAt", Timestamp.from(paidAt))
			.param("pv", order.pv)
			.param("bv", order.bv)
			.update() == 1;
	}

	@Override
	@CompensationTransactional
	public boolean recordReturn(String orderNumber, OrderReturn returned, Instant returnedAt, String returnKey) {
		OrderRules.requireKey(returnKey);
		State order = lock(orderNumber);
		boolean known = this.jdbc
			.sql("select count(*) from order_events where order_id = :orderId and event_key = :key")
			.param("orderId", order.id)
			.param("key", returnKey)
			.query(Integer.class)
			.single() > 0;
		if (known) {
			return false;
		}
		Share share = OrderRules.share(order, returned, returnedAt, () -> returnableLines(order.id));
		boolean completes = share.fraction().compareTo(BigDecimal.ONE.subtract(order.returnedFraction)) == 0;
		long eventId = this.jdbc.sql("""
				insert into order_events (order_id, kind, occurred_at, fraction, pv, bv, completes, event_key)
				values (:orderId, 'RETURNED', :returnedAt, :fraction, :pv, :bv, :completes, :key)
				returning id
				""")
			.param("orderId", order.id)
			.param("returnedAt", Timestamp.from(returnedAt))
			.param("fraction", share.fraction())
			.param("pv", order.paid ? share.pv() : BigDecimal.ZERO)
			.param("bv", order.paid ? share.bv() : BigDecimal.ZERO)
			.param("completes", completes)
			.param("key", returnKey)
			.query(Long.class)
			.single();
		for (int lineNo : share.lines()) {
			this.jdbc.sql("""
					insert into order_returned_lines (event_id, order_id, line_no) values (:eventId, :orderId, :lineNo)
					""").param("eventId", eventId).param("orderId", order.id).param("lineNo", lineNo).update();
		}
		return true;
	}

	@Override
	@CompensationTransactional
	public List<Boolean> recordAll(List<? extends OrderEvent> events) {
		return new OrderBatch(this.jdbc, events).record();
	}

	private List<ReturnableLine> returnableLines(long orderId) {
		return this.jdbc.sql("""
				select l.line_no, l.pv, l.bv, r.line_no is not null as returned
				from order_lines l
				left join order_returned_lines r on r.order_id = l.order_id and r.line_no = l.line_no
				where l.order_id = :orderId order by l.line_no
				""")
			.param("orderId", orderId)
			.query((rs, row) -> new ReturnableLine(rs.getInt("line_no"), rs.getBigDecimal("pv"), rs.getBigDecimal("bv"),
					rs.getBoolean("returned")))
			.list();
	}

	private State lock(String orderNumber) {
		return this.jdbc.sql("""
				select o.id, o.order_number,
				       (select coalesce(sum(l.pv), 0) from order_lines l where l.order_id = o.id) as pv,
				       (select coalesce(sum(l.bv), 0) from order_lines l where l.order_id = o.id) as bv,
				       exists (select 1 from order_events e where e.order_id = o.id and e.kind = 'PAID') as paid,
				       (select coalesce(sum(e.fraction), 0) from order_events e
				        where e.order_id = o.id and e.kind = 'RETURNED') as returned_fraction,
				       (select coalesce(sum(e.pv), 0) from order_events e
				        where e.order_id = o.id and e.kind = 'RETURNED') as returned_pv,
				       (select coalesce(sum(e.bv), 0) from order_events e
				        where e.order_id = o.id and e.kind = 'RETURNED') as returned_bv,
				       exists (select 1 from order_returned_lines r where r.order_id = o.id) as lines_returned,
				       (select max(e.occurred_at) from order_events e where e.order_id = o.id) as latest_event
				from orders o where o.order_number = :orderNumber
				for update
				""")
			.param("orderNumber", orderNumber)
			.query((rs, row) -> new State(rs.getLong("id"), rs.getString("order_number"), rs.getBigDecimal("pv"),
					rs.getBigDecimal("bv"), rs.getBoolean("paid"), rs.getBigDecimal("returned_fraction"),
					rs.getBigDecimal("returned_pv"), rs.getBigDecimal("returned_bv"), rs.getBoolean("lines_returned"),
					Optional.ofNullable(rs.getTimestamp("latest_event")).map(Timestamp::toInstant).orElse(null)))
			.optional()
			.orElseThrow(() -> new IllegalArgumentException("No order has the number " + orderNumber));
	}

}
