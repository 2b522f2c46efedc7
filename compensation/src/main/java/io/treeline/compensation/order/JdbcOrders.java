package io.treeline.compensation.order;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.treeline.compensation.NewOrder;
import io.treeline.compensation.OrderBatchException;
import io.treeline.compensation.OrderEvent;
import io.treeline.compensation.OrderLine;
import io.treeline.compensation.OrderReturn;
import io.treeline.compensation.Orders;
import io.treeline.compensation.RecordedOrder;
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
		return single(new OrderEvent.Placed(order));
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

	@Override
	@CompensationTransactional
	public boolean markPaid(String orderNumber, Instant paidAt) {
		return single(new OrderEvent.Paid(orderNumber, paidAt));
	}

	@Override
	@CompensationTransactional
	public boolean recordReturn(String orderNumber, OrderReturn returned, Instant returnedAt, String returnKey) {
		return single(new OrderEvent.Returned(orderNumber, returned, returnedAt, returnKey));
	}

	@Override
	@CompensationTransactional
	public List<Boolean> recordAll(List<? extends OrderEvent> events) {
		return new OrderBatch(this.jdbc, events).record();
	}

	/**
	 * Records one event as a batch of one, so that one event and a batch follow the same
	 * rules and statements; a refusal says only what is wrong with the event. An order
	 * recorded meanwhile by another transaction is found by a second try, which then
	 * reports it as recorded before.
	 */
	private boolean single(OrderEvent event) {
		try {
			try {
				return new OrderBatch(this.jdbc, List.of(event)).record().get(0);
			}
			catch (OrderBatch.RecordedMeanwhile ex) {
				return new OrderBatch(this.jdbc, List.of(event)).record().get(0);
			}
		}
		catch (OrderBatchException ex) {
			throw new IllegalArgumentException(ex.reason(), ex);
		}
	}

}
