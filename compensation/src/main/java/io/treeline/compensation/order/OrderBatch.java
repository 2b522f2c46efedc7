package io.treeline.compensation.order;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.treeline.compensation.NewOrder;
import io.treeline.compensation.OrderBatchException;
import io.treeline.compensation.OrderEvent;
import io.treeline.compensation.OrderLine;
import io.treeline.compensation.OrderReturn;
import io.treeline.compensation.order.OrderRules.ReturnableLine;
import io.treeline.compensation.order.OrderRules.Share;
import io.treeline.compensation.order.OrderRules.State;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;

/**
 * Records a batch of order events in the current transaction, a whole batch per round
 * trip instead of one event per round trip: it reads what is recorded of every order the
 * batch names (locking those it pays or returns, as the single-event methods do), the
 * customers of its new orders and the lines of the orders it returns by lines, in one
 * query each per 10,000 orders; then it plays the events in memory by the rules of
 * {@link OrderRules}, and only when every event is accepted it writes the new orders,
 * their lines, the events and the returned lines with one {@code INSERT ... SELECT FROM
 * unnest(arrays)} each per 10,000 rows. The statement trigger on {@code order_events}
 * (the event watermark's shared lock, ADR 17) fires for each of these statements.
 * <p>
 * Measured against {@code COPY} straight into the tables (files of 20,000 orders): the
 * same time, with some 10 % less CPU in PostgreSQL for {@code COPY}, which however needs
 * another query for the ids of the new orders; the {@code INSERT} returns them, and meets
 * an order recorded meanwhile by another transaction in the same statement.
 */
final class OrderBatch {

	/** Orders per read, rows per write. */
	static final int CHUNK = 10_000;

	private final JdbcClient jdbc;

	private final List<OrderEvent> events;

	/**
	 * The orders the batch pays or returns, as recorded or placed earlier in the batch.
	 */
	private final Map<String, State> states = new HashMap<>();

	/** The recorded orders the batch only places again. */
	private final Set<String> existing = new HashSet<>();

	/** The storno keys of each order in {@link #states}. */
	private final Map<String, Set<String>> keys = new HashMap<>();

	/** The lines of the orders placed in the batch and of those it returns by lines. */
	private final Map<String, List<ReturnableLine>> lines = new HashMap<>();

	/** The partner of each customer of the batch's orders. */
	private final Map<String, String> customers = new HashMap<>();

	private final List<PlacedOrder> placed = new ArrayList<>();

	private final List<PlayedEvent> played = new ArrayList<>();

	OrderBatch(JdbcClient jdbc, List<? extends OrderEvent> events) {
		this.jdbc = jdbc;
		this.events = new ArrayList<>(events);
	}

	/**
	 * Checks and records the batch.
	 * @return for each event whether it was recorded now
	 */
	List<Boolean> record() {
		for (int index = 0; index < this.events.size(); index++) {
			if (this.events.get(index) == null) {
				throw new OrderBatchException(index, null, "an event is an order, a payment or a storno (got none)");
			}
		}
		read();
		List<Boolean> recorded = new ArrayList<>(this.events.size());
		for (int index = 0; index < this.events.size(); index++) {
			OrderEvent event = this.events.get(index);
			try {
				recorded.add(switch (event) {
					case OrderEvent.Placed order -> place(order.order());
					case OrderEvent.Paid payment -> pay(payment);
					case OrderEvent.Returned storno -> giveBack(storno);
				});
			}
			catch (IllegalArgumentException ex) {
				throw new OrderBatchException(index, event, ex.getMessage());
			}
		}
		write();
		return recorded;
	}

	/**
	 * Reads what is recorded of the batch's orders and customers.
	 */
	private void read() {
		Set<String> paidOrReturned = new LinkedHashSet<>();
		Set<String> placedOnly = new LinkedHashSet<>();
		Set<String> customerNumbers = new LinkedHashSet<>();
		Set<String> returnedByLines = new HashSet<>();
		for (OrderEvent event : this.events) {
			switch (event) {
				case OrderEvent.Placed order -> {
					placedOnly.add(order.orderNumber());
					if (order.order().customer() != null) {
						customerNumbers.add(order.order().customer());
					}
				}
				case OrderEvent.Paid payment -> paidOrReturned.add(payment.orderNumber());
				case OrderEvent.Returned storno -> {
					paidOrReturned.add(storno.orderNumber());
					if (storno.returned() instanceof OrderReturn.Lines) {
						returnedByLines.add(storno.orderNumber());
					}
				}
			}
		}
		placedOnly.removeAll(paidOrReturned);
		for (List<String> chunk : chunks(paidOrReturned)) {
			lockStates(chunk);
		}
		for (List<String> chunk : chunks(placedOnly)) {
			this.jdbc.sql("select order_number from orders where order_number = any(cast(:numbers as varchar[]))")
				.param("numbers", chunk.toArray(String[]::new))
				.query(String.class)
				.list()
				.forEach(this.existing::add);
		}
		List<Long> linesOf = new ArrayList<>();
		for (String number : returnedByLines) {
			State state = this.states.get(number);
			if (state != null) {
				linesOf.add(state.id);
			}
		}
		Map<Long, String> numbers = new HashMap<>();
		this.states.values().forEach((state) -> numbers.put(state.id, state.number));
		for (List<Long> chunk : chunks(linesOf)) {
			this.jdbc.sql("""
					select l.order_id, l.line_no, l.pv, l.bv, r.line_no is not null as returned
					from order_lines l
					left join order_returned_lines r on r.order_id = l.order_id and r.line_no = l.line_no
					where l.order_id = any(cast(:ids as bigint[])) order by l.order_id, l.line_no
					""").param("ids", chunk.toArray(Long[]::new)).query((rs) -> {
				this.lines.computeIfAbsent(numbers.get(rs.getLong("order_id")), (key) -> new ArrayList<>())
					.add(new ReturnableLine(rs.getInt("line_no"), rs.getBigDecimal("pv"), rs.getBigDecimal("bv"),
							rs.getBoolean("returned")));
			});
		}
		for (List<String> chunk : chunks(customerNumbers)) {
			this.jdbc.sql("""
					select customer_number, partner_number from customers
					where customer_number = any(cast(:numbers as varchar[]))
					""").param("numbers", chunk.toArray(String[]::new)).query((rs) -> {
				this.customers.put(rs.getString("customer_number"), rs.getString("partner_number"));
			});
		}
	}

	/**
	 * Reads and locks the recorded orders of a chunk, in the order of their ids (so that
	 * two batches lock shared orders in the same order).
	 */
	private void lockStates(List<String> numbers) {
		this.jdbc.sql("""
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
				       (select max(e.occurred_at) from order_events e where e.order_id = o.id) as latest_event,
				       array(select e.event_key from order_events e
				             where e.order_id = o.id and e.event_key is not null) as return_keys
				from orders o where o.order_number = any(cast(:numbers as varchar[]))
				order by o.id
				for update of o
				""").param("numbers", numbers.toArray(String[]::new)).query((rs) -> {
			Timestamp latest = rs.getTimestamp("latest_event");
			State state = new State(rs.getLong("id"), rs.getString("order_number"), rs.getBigDecimal("pv"),
					rs.getBigDecimal("bv"), rs.getBoolean("paid"), rs.getBigDecimal("returned_fraction"),
					rs.getBigDecimal("returned_pv"), rs.getBigDecimal("returned_bv"), rs.getBoolean("lines_returned"),
					(latest != null) ? latest.toInstant() : null);
			this.states.put(state.number, state);
			Array returnKeys = rs.getArray("return_keys");
			this.keys.put(state.number, new HashSet<>(List.of((String[]) returnKeys.getArray())));
		});
	}

	private boolean place(NewOrder order) {
		String partner = creditedPartner(order);
		String number = order.orderNumber();
		if (this.states.containsKey(number) || this.existing.contains(number)) {
			return false;
		}
		this.existing.add(number);
		BigDecimal pv = BigDecimal.ZERO;
		BigDecimal bv = BigDecimal.ZERO;
		List<ReturnableLine> orderLines = new ArrayList<>(order.lines().size());
		for (OrderLine line : order.lines()) {
			BigDecimal linePv = OrderRules.stored(line.pv());
			BigDecimal lineBv = OrderRules.stored(line.bv());
			orderLines.add(new ReturnableLine(orderLines.size() + 1, linePv, lineBv, false));
			pv = pv.add(linePv);
			bv = bv.add(lineBv);
		}
		State state = new State(0, number, pv, bv, false, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, false,
				null);
		this.states.put(number, state);
		this.keys.put(number, new HashSet<>());
		this.lines.put(number, orderLines);
		this.placed.add(new PlacedOrder(order, partner, state));
		return true;
	}

	/** {@code JdbcOrders.creditedPartner} on the customers read for the batch. */
	private String creditedPartner(NewOrder order) {
		if (order.customer() == null) {
			return order.partner().value();
		}
		String partner = this.customers.get(order.customer());
		if (partner == null) {
			throw new IllegalArgumentException(
					"No customer has the number " + order.customer() + "; register the customer first");
		}
		if (order.partner() != null && !order.partner().value().equals(partner)) {
			throw new IllegalArgumentException("Customer " + order.customer() + " belongs to partner " + partner
					+ " (Kundenschutz); the order cannot be credited to " + order.partner());
		}
		return partner;
	}

	private State state(String orderNumber) {
		State state = this.states.get(orderNumber);
		if (state == null) {
			throw new IllegalArgumentException("No order has the number " + orderNumber);
		}
		return state;
	}

	private boolean pay(OrderEvent.Paid payment) {
		State order = state(payment.orderNumber());
		if (order.paid) {
			return false;
		}
		OrderRules.requirePayable(order);
		this.played
			.add(new PlayedEvent(order, "PAID", payment.paidAt(), null, order.pv, order.bv, false, null, List.of()));
		order.paid = true;
		order.happened(payment.paidAt());
		return true;
	}

	private boolean giveBack(OrderEvent.Returned storno) {
		OrderRules.requireKey(storno.returnKey());
		State order = state(storno.orderNumber());
		if (this.keys.get(order.number).contains(storno.returnKey())) {
			return false;
		}
		Share share = OrderRules.share(order, storno.returned(), storno.returnedAt(),
				() -> this.lines.get(order.number));
		boolean completes = share.fraction().compareTo(BigDecimal.ONE.subtract(order.returnedFraction)) == 0;
		BigDecimal pv = order.paid ? share.pv() : BigDecimal.ZERO;
		BigDecimal bv = order.paid ? share.bv() : BigDecimal.ZERO;
		this.played.add(new PlayedEvent(order, "RETURNED", storno.returnedAt(), share.fraction(), pv, bv, completes,
				storno.returnKey(), share.lines()));
		this.keys.get(order.number).add(storno.returnKey());
		order.returnedFraction = order.returnedFraction.add(share.fraction());
		order.returnedPv = order.returnedPv.add(pv);
		order.returnedBv = order.returnedBv.add(bv);
		if (!share.lines().isEmpty()) {
			order.linesReturned = true;
			List<ReturnableLine> orderLines = this.lines.get(order.number);
			orderLines.replaceAll((line) -> share.lines().contains(line.lineNo())
					? new ReturnableLine(line.lineNo(), line.pv(), line.bv(), true) : line);
		}
		order.happened(storno.returnedAt());
		return true;
	}

	private void write() {
		for (List<PlacedOrder> chunk : chunks(this.placed)) {
			insertOrders(chunk);
		}
		List<LineRow> lineRows = new ArrayList<>();
		for (PlacedOrder order : this.placed) {
			int lineNo = 0;
			for (OrderLine line : order.order().lines()) {
				lineRows.add(new LineRow(order.state().id, ++lineNo, line));
			}
		}
		for (List<LineRow> chunk : chunks(lineRows)) {
			insertLines(chunk);
		}
		Map<String, Long> eventIds = new HashMap<>();
		for (List<PlayedEvent> chunk : chunks(this.played)) {
			insertEvents(chunk, eventIds);
		}
		List<long[]> returnedLines = new ArrayList<>();
		for (PlayedEvent event : this.played) {
			for (int lineNo : event.lines()) {
				returnedLines
					.add(new long[] { eventIds.get(event.order().id + " " + event.key()), event.order().id, lineNo });
			}
		}
		for (List<long[]> chunk : chunks(returnedLines)) {
			this.jdbc.sql("""
					insert into order_returned_lines (event_id, order_id, line_no)
					select * from unnest(cast(:events as bigint[]), cast(:orders as bigint[]),
					                     cast(:lines as integer[]))
					""")
				.param("events", chunk.stream().map((row) -> row[0]).toArray(Long[]::new))
				.param("orders", chunk.stream().map((row) -> row[1]).toArray(Long[]::new))
				.param("lines", chunk.stream().map((row) -> (int) row[2]).toArray(Integer[]::new))
				.update();
		}
	}

	private void insertOrders(List<PlacedOrder> chunk) {
		Map<String, State> byNumber = new HashMap<>();
		chunk.forEach((order) -> byNumber.put(order.state().number, order.state()));
		this.jdbc.sql("""
				insert into orders (order_number, partner_number, customer_number, ordered_at, currency)
				select u.order_number, u.partner_number, u.customer_number, u.ordered_at, u.currency
				from unnest(cast(:numbers as varchar[]), cast(:partners as varchar[]), cast(:customers as varchar[]),
				            cast(:orderedAt as timestamptz[]), cast(:currencies as varchar[])) with ordinality
				     as u (order_number, partner_number, customer_number, ordered_at, currency, position)
				order by u.position
				on conflict (order_number) do nothing
				returning id, order_number
				""")
			.param("numbers", chunk.stream().map((order) -> order.order().orderNumber()).toArray(String[]::new))
			.param("partners", chunk.stream().map(PlacedOrder::partner).toArray(String[]::new))
			.param("customers", chunk.stream().map((order) -> order.order().customer()).toArray(String[]::new))
			.param("orderedAt",
					chunk.stream().map((order) -> instant(order.order().orderedAt())).toArray(String[]::new))
			.param("currencies", chunk.stream().map((order) -> order.order().currency()).toArray(String[]::new))
			.query((rs) -> {
				byNumber.remove(rs.getString("order_number")).id = rs.getLong("id");
			});
		if (!byNumber.isEmpty()) {
			throw new RecordedMeanwhile("Order " + byNumber.keySet().iterator().next()
					+ " was recorded by another transaction while this batch was checked; record the batch again");
		}
	}

	private void insertLines(List<LineRow> chunk) {
		int size = chunk.size();
		Long[] orders = new Long[size];
		Integer[] numbers = new Integer[size];
		String[] products = new String[size];
		String[] quantities = new String[size];
		String[] unitPrices = new String[size];
		String[] vatRates = new String[size];
		String[] pvs = new String[size];
		String[] bvs = new String[size];
		for (int i = 0; i < size; i++) {
			LineRow row = chunk.get(i);
			OrderLine line = row.line();
			orders[i] = row.orderId();
			numbers[i] = row.lineNo();
			products[i] = line.product();
			quantities[i] = line.quantity().toPlainString();
			unitPrices[i] = line.unitPrice().toPlainString();
			vatRates[i] = line.vatRate().toPlainString();
			pvs[i] = line.pv().toPlainString();
			bvs[i] = line.bv().toPlainString();
		}
		this.jdbc.sql("""
				insert into order_lines (order_id, line_no, product, quantity, unit_price, vat_rate, pv, bv)
				select * from unnest(cast(:orders as bigint[]), cast(:numbers as integer[]),
				                     cast(:products as varchar[]), cast(:quantities as numeric[]),
				                     cast(:unitPrices as numeric[]), cast(:vatRates as numeric[]),
				                     cast(:pvs as numeric[]), cast(:bvs as numeric[]))
				""")
			.param("orders", orders)
			.param("numbers", numbers)
			.param("products", products)
			.param("quantities", quantities)
			.param("unitPrices", unitPrices)
			.param("vatRates", vatRates)
			.param("pvs", pvs)
			.param("bvs", bvs)
			.update();
	}

	private void insertEvents(List<PlayedEvent> chunk, Map<String, Long> eventIds) {
		// the ids are read back only for the returned lines
		boolean byLines = chunk.stream().anyMatch((event) -> !event.lines().isEmpty());
		StatementSpec insert = this.jdbc.sql("""
				insert into order_events (order_id, kind, occurred_at, fraction, pv, bv, completes, event_key,
				                          order_number, partner_number, ordered_at)
				select u.order_id, u.kind, u.occurred_at, u.fraction, u.pv, u.bv, u.completes, u.event_key,
				       o.order_number, o.partner_number, o.ordered_at
				from unnest(cast(:orders as bigint[]), cast(:kinds as varchar[]), cast(:at as timestamptz[]),
				            cast(:fractions as numeric[]), cast(:pvs as numeric[]), cast(:bvs as numeric[]),
				            cast(:completes as boolean[]), cast(:keys as varchar[])) with ordinality
				     as u (order_id, kind, occurred_at, fraction, pv, bv, completes, event_key, position)
				join orders o on o.id = u.order_id
				order by u.position
				""" + (byLines ? "returning id, order_id, event_key" : ""))
			.param("orders", chunk.stream().map((event) -> event.order().id).toArray(Long[]::new))
			.param("kinds", chunk.stream().map(PlayedEvent::kind).toArray(String[]::new))
			.param("at", chunk.stream().map((event) -> instant(event.at())).toArray(String[]::new))
			.param("fractions", chunk.stream().map((event) -> plain(event.fraction())).toArray(String[]::new))
			.param("pvs", chunk.stream().map((event) -> plain(event.pv())).toArray(String[]::new))
			.param("bvs", chunk.stream().map((event) -> plain(event.bv())).toArray(String[]::new))
			.param("completes", chunk.stream().map(PlayedEvent::completes).toArray(Boolean[]::new))
			.param("keys", chunk.stream().map(PlayedEvent::key).toArray(String[]::new));
		int inserted;
		if (!byLines) {
			inserted = insert.update();
		}
		else {
			int[] rows = { 0 };
			insert.query((rs) -> {
				rows[0]++;
				String key = rs.getString("event_key");
				if (key != null) {
					eventIds.put(rs.getLong("order_id") + " " + key, rs.getLong("id"));
				}
			});
			inserted = rows[0];
		}
		// the events take their order's columns by a join: an event whose order row
		// were missing would be left out, not refused by the foreign key
		if (inserted != chunk.size()) {
			throw new IllegalStateException("Stored " + inserted + " of " + chunk.size()
					+ " order events: the orders of the others are missing; nothing of the batch is kept");
		}
	}

	/**
	 * An instant as {@code timestamptz} text, rounded to microseconds as the driver
	 * rounds it.
	 */
	private static String instant(Instant at) {
		return OrderRules.stored(at).toString();
	}

	private static String plain(BigDecimal value) {
		return (value != null) ? value.toPlainString() : null;
	}

	private static <T> List<List<T>> chunks(Collection<T> all) {
		List<T> list = List.copyOf(all);
		List<List<T>> chunks = new ArrayList<>();
		for (int from = 0; from < list.size(); from += CHUNK) {
			chunks.add(list.subList(from, Math.min(list.size(), from + CHUNK)));
		}
		return chunks;
	}

	/** A line of an order placed in the batch. */
	private record LineRow(long orderId, int lineNo, OrderLine line) {
	}

	/** An order placed in the batch, with the partner it is credited to. */
	private record PlacedOrder(NewOrder order, String partner, State state) {
	}

	/** A payment or storno accepted in the batch, with what it records. */
	private record PlayedEvent(State order, String kind, Instant at, BigDecimal fraction, BigDecimal pv, BigDecimal bv,
			boolean completes, String key, List<Integer> lines) {
	}

	/**
	 * An order of the batch was recorded by another transaction after the batch read what
	 * is recorded; nothing of the batch was written, and recording it again sees the
	 * order.
	 */
	static final class RecordedMeanwhile extends ConcurrencyFailureException {

		RecordedMeanwhile(String message) {
			super(message);
		}

	}

}
