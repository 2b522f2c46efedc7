package io.treeline.compensation.order;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import io.treeline.compensation.NewOrder;
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
		OrderState order = lock(orderNumber);
		if (order.paid()) {
			return false;
		}
		if (order.returnedFraction().signum() > 0) {
			throw new IllegalArgumentException("Order " + orderNumber + " was cancelled and cannot be paid");
		}
		return this.jdbc.sql("""
				insert into order_events (order_id, kind, occurred_at, pv, bv)
				values (:orderId, 'PAID', :paidAt, :pv, :bv)
				""")
			.param("orderId", order.id())
			.param("paidAt", Timestamp.from(paidAt))
			.param("pv", order.pv())
			.param("bv", order.bv())
			.update() == 1;
	}

	@Override
	@CompensationTransactional
	public boolean recordReturn(String orderNumber, OrderReturn returned, Instant returnedAt, String returnKey) {
		if (returnKey == null || returnKey.isBlank() || returnKey.length() > 128) {
			throw new IllegalArgumentException(
					"A return needs a key of 1 to 128 characters (the provider's storno id)");
		}
		OrderState order = lock(orderNumber);
		boolean known = this.jdbc
			.sql("select count(*) from order_events where order_id = :orderId and event_key = :key")
			.param("orderId", order.id())
			.param("key", returnKey)
			.query(Integer.class)
			.single() > 0;
		if (known) {
			return false;
		}
		if (order.latestEvent() != null && returnedAt.isBefore(order.latestEvent())) {
			throw new IllegalArgumentException(
					"A return of order " + orderNumber + " cannot be dated before " + order.latestEvent()
							+ ", when it was " + (order.returnedFraction().signum() > 0 ? "last returned" : "paid"));
		}
		BigDecimal left = BigDecimal.ONE.subtract(order.returnedFraction());
		if (left.signum() <= 0) {
			throw new IllegalArgumentException("Order " + orderNumber + " is returned in full already");
		}
		if (!order.paid() && !(returned instanceof OrderReturn.Whole)) {
			throw new IllegalArgumentException(
					"Order " + orderNumber + " is not paid: it can only be cancelled as a whole");
		}
		Share share = switch (returned) {
			case OrderReturn.Whole whole -> new Share(left, order.pv().subtract(order.returnedPv()),
					order.bv().subtract(order.returnedBv()), List.of());
			case OrderReturn.Share part -> byFraction(order, part.fraction(), left);
			case OrderReturn.Lines lines -> byLines(order, lines.lineNumbers(), left);
		};
		boolean completes = share.fraction().compareTo(left) == 0;
		long eventId = this.jdbc.sql("""
				insert into order_events (order_id, kind, occurred_at, fraction, pv, bv, completes, event_key)
				values (:orderId, 'RETURNED', :returnedAt, :fraction, :pv, :bv, :completes, :key)
				returning id
				""")
			.param("orderId", order.id())
			.param("returnedAt", Timestamp.from(returnedAt))
			.param("fraction", share.fraction())
			.param("pv", order.paid() ? share.pv() : BigDecimal.ZERO)
			.param("bv", order.paid() ? share.bv() : BigDecimal.ZERO)
			.param("completes", completes)
			.param("key", returnKey)
			.query(Long.class)
			.single();
		for (int lineNo : share.lines()) {
			this.jdbc.sql("""
					insert into order_returned_lines (event_id, order_id, line_no) values (:eventId, :orderId, :lineNo)
					""").param("eventId", eventId).param("orderId", order.id()).param("lineNo", lineNo).update();
		}
		return true;
	}

	private Share byFraction(OrderState order, BigDecimal fraction, BigDecimal left) {
		if (fraction.stripTrailingZeros().scale() > 18) {
			throw new IllegalArgumentException(
					"A returned fraction has at most 18 decimals (got " + fraction.toPlainString() + ")");
		}
		if (order.linesReturned()) {
			throw new IllegalArgumentException(
					"Order " + order.number() + " was returned by lines: return further lines or the rest as a whole");
		}
		if (fraction.compareTo(left) > 0) {
			throw new IllegalArgumentException("Only " + left.stripTrailingZeros().toPlainString() + " of order "
					+ order.number() + " is left to return (asked " + fraction.toPlainString() + ")");
		}
		if (fraction.compareTo(left) == 0) {
			return new Share(left, order.pv().subtract(order.returnedPv()), order.bv().subtract(order.returnedBv()),
					List.of());
		}
		return new Share(fraction, order.pv().multiply(fraction).setScale(4, RoundingMode.HALF_UP),
				order.bv().multiply(fraction).setScale(4, RoundingMode.HALF_UP), List.of());
	}

	private Share byLines(OrderState order, List<Integer> lineNumbers, BigDecimal left) {
		if (order.returnedFraction().signum() > 0 && !order.linesReturned()) {
			throw new IllegalArgumentException("Order " + order.number()
					+ " was returned by a fraction: return a further fraction or the rest as a whole");
		}
		List<ReturnableLine> lines = this.jdbc.sql("""
				select l.line_no, l.pv, l.bv, r.line_no is not null as returned
				from order_lines l
				left join order_returned_lines r on r.order_id = l.order_id and r.line_no = l.line_no
				where l.order_id = :orderId order by l.line_no
				""")
			.param("orderId", order.id())
			.query((rs, row) -> new ReturnableLine(rs.getInt("line_no"), rs.getBigDecimal("pv"), rs.getBigDecimal("bv"),
					rs.getBoolean("returned")))
			.list();
		BigDecimal pv = BigDecimal.ZERO;
		BigDecimal bv = BigDecimal.ZERO;
		Set<Integer> wanted = new TreeSet<>(lineNumbers);
		for (int lineNo : wanted) {
			ReturnableLine line = lines.stream()
				.filter((candidate) -> candidate.lineNo() == lineNo)
				.findFirst()
				.orElseThrow(() -> new IllegalArgumentException(
						"Order " + order.number() + " has no line " + lineNo + " (it has " + lines.size() + ")"));
			if (line.returned()) {
				throw new IllegalArgumentException(
						"Line " + lineNo + " of order " + order.number() + " is returned already");
			}
			pv = pv.add(line.pv());
			bv = bv.add(line.bv());
		}
		long remaining = lines.stream().filter((line) -> !line.returned() && !wanted.contains(line.lineNo())).count();
		if (remaining == 0) {
			return new Share(left, order.pv().subtract(order.returnedPv()), order.bv().subtract(order.returnedBv()),
					List.copyOf(wanted));
		}
		BigDecimal fraction;
		if (order.bv().signum() > 0) {
			fraction = bv.divide(order.bv(), 18, RoundingMode.HALF_UP);
		}
		else if (order.pv().signum() > 0) {
			fraction = pv.divide(order.pv(), 18, RoundingMode.HALF_UP);
		}
		else {
			fraction = BigDecimal.valueOf(wanted.size())
				.divide(BigDecimal.valueOf(lines.size()), 18, RoundingMode.HALF_UP);
		}
		if (fraction.signum() == 0) {
			fraction = new BigDecimal("1e-18");
		}
		return new Share(fraction.min(left), pv, bv, List.copyOf(wanted));
	}

	private OrderState lock(String orderNumber) {
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
			.query((rs, row) -> new OrderState(rs.getLong("id"), rs.getString("order_number"), rs.getBigDecimal("pv"),
					rs.getBigDecimal("bv"), rs.getBoolean("paid"), rs.getBigDecimal("returned_fraction"),
					rs.getBigDecimal("returned_pv"), rs.getBigDecimal("returned_bv"), rs.getBoolean("lines_returned"),
					Optional.ofNullable(rs.getTimestamp("latest_event")).map(Timestamp::toInstant).orElse(null)))
			.optional()
			.orElseThrow(() -> new IllegalArgumentException("No order has the number " + orderNumber));
	}

	private record OrderState(long id, String number, BigDecimal pv, BigDecimal bv, boolean paid,
			BigDecimal returnedFraction, BigDecimal returnedPv, BigDecimal returnedBv, boolean linesReturned,
			Instant latestEvent) {
	}

	private record ReturnableLine(int lineNo, BigDecimal pv, BigDecimal bv, boolean returned) {
	}

	private record Share(BigDecimal fraction, BigDecimal pv, BigDecimal bv, List<Integer> lines) {
	}

}
