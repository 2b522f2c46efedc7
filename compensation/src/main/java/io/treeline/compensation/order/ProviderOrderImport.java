package io.treeline.compensation.order;

import java.io.Reader;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.treeline.compensation.NewOrder;
import io.treeline.compensation.OrderBatchException;
import io.treeline.compensation.OrderEvent;
import io.treeline.compensation.OrderImport;
import io.treeline.compensation.OrderImportProblem;
import io.treeline.compensation.OrderImportResult;
import io.treeline.compensation.OrderLine;
import io.treeline.compensation.OrderReturn;
import io.treeline.compensation.Orders;
import io.treeline.compensation.store.CompensationTransactional;
import io.treeline.graph.PartnerNumber;
import io.treeline.graph.Partners;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * {@link OrderImport} of CSV and JSON files: a parser turns the file into orders and
 * events or problems with their lines; then the events are played, in the order of their
 * instants, against the orders of the file and those recorded already, so that a payment
 * of an unknown order, a storno before the payment or a line returned twice is reported
 * before anything is written. Only a clean file is recorded, through
 * {@link Orders#recordAll} (one batch: its orders, then its events in the order above,
 * read and written a batch at a time), in the one transaction of the import; should
 * {@link Orders} still refuse an event, the transaction is rolled back and the refusal is
 * reported at the event's line.
 */
@Component
class ProviderOrderImport implements OrderImport {

	static final int MAX_PROBLEMS = 200;

	private final Orders orders;

	private final JdbcClient jdbc;

	private final Partners partners;

	ProviderOrderImport(Orders orders, JdbcClient jdbc, Partners partners) {
		this.orders = orders;
		this.jdbc = jdbc;
		this.partners = partners;
	}

	@Override
	@CompensationTransactional
	public OrderImportResult importCsv(String fileName, Reader orders) {
		return load(CsvOrderFile.read(fileName, orders));
	}

	@Override
	@CompensationTransactional
	public OrderImportResult importJson(String fileName, Reader orders) {
		return load(JsonOrderFile.read(fileName, orders));
	}

	private OrderImportResult load(ImportedFile file) {
		List<OrderImportProblem> problems = new ArrayList<>(file.problems());
		List<Located<ImportedEvent>> events = distinctEvents(file, problems);
		int payments = (int) events.stream().filter((event) -> event.value() instanceof ImportedEvent.Payment).count();
		int returns = events.size() - payments;
		Set<String> numbers = new LinkedHashSet<>();
		file.orders().forEach((order) -> numbers.add(order.value().orderNumber()));
		events.forEach((event) -> numbers.add(event.value().orderNumber()));
		Map<String, RecordedOrder> recorded = recorded(numbers);
		for (Located<NewOrder> order : file.orders()) {
			RecordedOrder before = recorded.get(order.value().orderNumber());
			if (before != null && !ImportFields.sameOrder(before.order(), order.value())) {
				problems.add(new OrderImportProblem(file.file(), order.line(), "order " + order.value().orderNumber()
						+ " is recorded already with another partner, time, currency or other lines; a recorded order"
						+ " is never changed, a storno takes back what it should not have had"));
			}
		}
		Set<PartnerNumber> named = new HashSet<>();
		file.orders().forEach((order) -> named.add(order.value().partner()));
		named.remove(null);
		Set<PartnerNumber> known = this.partners.find(named).keySet();
		for (Located<NewOrder> order : file.orders()) {
			PartnerNumber partner = order.value().partner();
			if (partner != null && !known.contains(partner)) {
				problems.add(new OrderImportProblem(file.file(), order.line(),
						"no partner has the number " + partner + " in the genealogy"));
			}
		}
		new Play(file, recorded, problems).play(events);
		if (!problems.isEmpty()) {
			return OrderImportResult.refused(sorted(problems), file.orders().size(), payments, returns);
		}
		return record(file, events, payments, returns);
	}

	private OrderImportResult record(ImportedFile file, List<Located<ImportedEvent>> events, int payments,
			int returns) {
		List<OrderEvent> batch = new ArrayList<>(file.orders().size() + events.size());
		List<Long> lines = new ArrayList<>(file.orders().size() + events.size());
		for (Located<NewOrder> order : file.orders()) {
			batch.add(new OrderEvent.Placed(order.value()));
			lines.add(order.line());
		}
		for (Located<ImportedEvent> event : events) {
			batch.add(switch (event.value()) {
				case ImportedEvent.Payment payment -> new OrderEvent.Paid(payment.orderNumber(), payment.at());
				case ImportedEvent.Return storno ->
					new OrderEvent.Returned(storno.orderNumber(), storno.returned(), storno.at(), storno.stornoId());
			});
			lines.add(event.line());
		}
		List<Boolean> recorded;
		try {
			recorded = this.orders.recordAll(batch);
		}
		catch (OrderBatchException ex) {
			TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
			return OrderImportResult.refused(
					List.of(new OrderImportProblem(file.file(), lines.get(ex.index()),
							ex.reason() + "; nothing of the file was recorded")),
					file.orders().size(), payments, returns);
		}
		int newOrders = 0;
		int newPayments = 0;
		int newReturns = 0;
		for (int i = 0; i < batch.size(); i++) {
			if (recorded.get(i)) {
				switch (batch.get(i)) {
					case OrderEvent.Placed order -> newOrders++;
					case OrderEvent.Paid payment -> newPayments++;
					case OrderEvent.Returned storno -> newReturns++;
				}
			}
		}
		return new OrderImportResult(List.of(), file.orders().size(), newOrders, payments, newPayments, returns,
				newReturns);
	}

	/**
	 * Returns each payment and storno once, in the order they are recorded: by instant,
	 * payments first, then by line.
	 */
	private static List<Located<ImportedEvent>> distinctEvents(ImportedFile file, List<OrderImportProblem> problems) {
		Map<String, Located<ImportedEvent>> byKey = new LinkedHashMap<>();
		for (Located<ImportedEvent> event : file.events()) {
			String key = switch (event.value()) {
				case ImportedEvent.Payment payment -> "payment of " + payment.orderNumber();
				case ImportedEvent.Return storno -> "storno " + storno.stornoId() + " of " + storno.orderNumber();
			};
			Located<ImportedEvent> before = byKey.putIfAbsent(key, event);
			if (before != null && !ImportFields.sameEvent(before.value(), event.value())) {
				problems.add(new OrderImportProblem(file.file(), event.line(),
						"the " + key + " is given differently on line " + before.line()));
			}
		}
		return byKey.values()
			.stream()
			.sorted(Comparator.comparing((Located<ImportedEvent> event) -> event.value().at())
				.thenComparing((event) -> event.value() instanceof ImportedEvent.Return)
				.thenComparingLong(Located::line))
			.toList();
	}

	private static List<OrderImportProblem> sorted(List<OrderImportProblem> problems) {
		return problems.stream()
			.sorted(Comparator.comparingLong(OrderImportProblem::line))
			.distinct()
			.limit(MAX_PROBLEMS)
			.toList();
	}

	/** Reads what is recorded of the orders, 10,000 numbers per query. */
	private Map<String, RecordedOrder> recorded(Set<String> numbers) {
		Map<String, RecordedOrder> recorded = new HashMap<>();
		List<String> all = List.copyOf(numbers);
		for (int from = 0; from < all.size(); from += 10_000) {
			List<String> chunk = all.subList(from, Math.min(all.size(), from + 10_000));
			Map<String, List<OrderLine>> lines = new HashMap<>();
			this.jdbc.sql("""
					select o.order_number, l.product, l.quantity, l.unit_price, l.vat_rate, l.pv, l.bv
					from orders o join order_lines l on l.order_id = o.id
					where o.order_number = any(cast(:numbers as varchar[])) order by o.order_number, l.line_no
					""")
				.param("numbers", chunk.toArray(String[]::new))
				.query((rs, row) -> lines.computeIfAbsent(rs.getString("order_number"), (key) -> new ArrayList<>())
					.add(new OrderLine(rs.getString("product"), rs.getBigDecimal("quantity"),
							rs.getBigDecimal("unit_price"), rs.getBigDecimal("vat_rate"), rs.getBigDecimal("pv"),
							rs.getBigDecimal("bv"))))
				.list();
			this.jdbc.sql("""
					select o.order_number, o.partner_number, o.ordered_at, o.currency,
					       (select min(e.occurred_at) from order_events e
					        where e.order_id = o.id and e.kind = 'PAID') as paid_at,
					       (select coalesce(sum(e.fraction), 0) from order_events e
					        where e.order_id = o.id and e.kind = 'RETURNED') as returned_fraction,
					       (select array_agg(e.event_key) from order_events e
					        where e.order_id = o.id and e.event_key is not null) as storno_ids,
					       (select array_agg(r.line_no) from order_returned_lines r
					        where r.order_id = o.id) as returned_lines
					from orders o where o.order_number = any(cast(:numbers as varchar[]))
					""").param("numbers", chunk.toArray(String[]::new)).query((rs, row) -> {
				String number = rs.getString("order_number");
				Timestamp paidAt = rs.getTimestamp("paid_at");
				Array stornoIds = rs.getArray("storno_ids");
				Array returnedLines = rs.getArray("returned_lines");
				recorded.put(number,
						new RecordedOrder(
								new NewOrder(number, PartnerNumber.of(rs.getString("partner_number")),
										rs.getTimestamp("ordered_at").toInstant(), rs.getString("currency"),
										lines.getOrDefault(number, List.of())),
								(paidAt != null) ? paidAt.toInstant() : null, rs.getBigDecimal("returned_fraction"),
								(stornoIds != null) ? Set.of((String[]) stornoIds.getArray()) : Set.of(),
								(returnedLines != null) ? Set.of((Integer[]) returnedLines.getArray()) : Set.of()));
				return number;
			}).list();
		}
		return recorded;
	}

	/** What is recorded of an order. */
	private record RecordedOrder(NewOrder order, Instant paidAt, BigDecimal returnedFraction, Set<String> stornoIds,
			Set<Integer> returnedLines) {
	}

	/**
	 * Plays the events of the file against the orders and reports what would be refused.
	 */
	private static final class Play {

		private final ImportedFile file;

		private final Map<String, RecordedOrder> recorded;

		private final List<OrderImportProblem> problems;

		private final Map<String, OrderState> states = new HashMap<>();

		private final Map<String, Instant> paidAt = new HashMap<>();

		Play(ImportedFile file, Map<String, RecordedOrder> recorded, List<OrderImportProblem> problems) {
			this.file = file;
			this.recorded = recorded;
			this.problems = problems;
			for (Located<NewOrder> order : file.orders()) {
				this.states.put(order.value().orderNumber(), new OrderState(order.value().lines().size()));
			}
			for (RecordedOrder order : recorded.values()) {
				OrderState state = new OrderState(order.order().lines().size());
				state.paid = order.paidAt() != null;
				state.returned = order.returnedFraction();
				state.returnedLines.addAll(order.returnedLines());
				state.byLines = !order.returnedLines().isEmpty();
				state.stornoIds.addAll(order.stornoIds());
				this.states.put(order.order().orderNumber(), state);
				if (order.paidAt() != null) {
					this.paidAt.put(order.order().orderNumber(), order.paidAt());
				}
			}
		}

		void play(List<Located<ImportedEvent>> events) {
			for (Located<ImportedEvent> event : events) {
				if (event.value() instanceof ImportedEvent.Payment payment) {
					this.paidAt.putIfAbsent(payment.orderNumber(), payment.at());
				}
			}
			for (Located<ImportedEvent> event : events) {
				String number = event.value().orderNumber();
				OrderState state = this.states.get(number);
				if (state == null) {
					problem(event, "no order has the number " + number + " (neither in this file nor recorded)");
					continue;
				}
				switch (event.value()) {
					case ImportedEvent.Payment payment -> pay(event, state, payment);
					case ImportedEvent.Return storno -> giveBack(event, state, storno);
				}
			}
		}

		private void pay(Located<ImportedEvent> event, OrderState state, ImportedEvent.Payment payment) {
			if (state.paid) {
				return;
			}
			if (state.returned.signum() > 0) {
				problem(event, "order " + payment.orderNumber() + " was cancelled before " + payment.at()
						+ " and cannot be paid");
				return;
			}
			state.paid = true;
		}

		private void giveBack(Located<ImportedEvent> event, OrderState state, ImportedEvent.Return storno) {
			String number = storno.orderNumber();
			if (state.stornoIds.contains(storno.stornoId())) {
				return;
			}
			state.stornoIds.add(storno.stornoId());
			Instant paid = this.paidAt.get(number);
			if (paid != null && storno.at().isBefore(paid)) {
				problem(event, "storno " + storno.stornoId() + " of order " + number + " at " + storno.at()
						+ " is before the payment at " + paid);
				return;
			}
			if (state.returned.compareTo(BigDecimal.ONE) >= 0) {
				problem(event, "order " + number + " is returned in full already");
				return;
			}
			if (!state.paid && !(storno.returned() instanceof OrderReturn.Whole)) {
				problem(event, "order " + number + " is not paid: it can only be cancelled as a whole");
				return;
			}
			switch (storno.returned()) {
				case OrderReturn.Whole whole -> state.returned = BigDecimal.ONE;
				case OrderReturn.Share share -> {
					if (state.byLines) {
						problem(event, "order " + number
								+ " was returned by lines: return further lines or the rest as a whole");
						return;
					}
					BigDecimal left = BigDecimal.ONE.subtract(state.returned);
					if (share.fraction().compareTo(left) > 0) {
						problem(event, "only " + left.stripTrailingZeros().toPlainString() + " of order " + number
								+ " is left to return (asked " + share.fraction().toPlainString() + ")");
						return;
					}
					state.returned = state.returned.add(share.fraction());
				}
				case OrderReturn.Lines lines -> {
					if (state.returned.signum() > 0 && !state.byLines) {
						problem(event, "order " + number
								+ " was returned by a fraction: return a further fraction or the rest as a whole");
						return;
					}
					for (int lineNo : new HashSet<>(lines.lineNumbers())) {
						if (lineNo > state.lines) {
							problem(event,
									"order " + number + " has no line " + lineNo + " (it has " + state.lines + ")");
							return;
						}
						if (!state.returnedLines.add(lineNo)) {
							problem(event, "line " + lineNo + " of order " + number + " is returned already");
							return;
						}
					}
					state.byLines = true;
					state.returned = (state.returnedLines.size() == state.lines) ? BigDecimal.ONE
							: state.returned.add(new BigDecimal("1e-18"));
				}
			}
		}

		private void problem(Located<ImportedEvent> event, String message) {
			this.problems.add(new OrderImportProblem(this.file.file(), event.line(), message));
		}

	}

	/** The state of an order while the events are played. */
	private static final class OrderState {

		final int lines;

		boolean paid;

		BigDecimal returned = BigDecimal.ZERO;

		boolean byLines;

		final Set<Integer> returnedLines = new HashSet<>();

		final Set<String> stornoIds = new HashSet<>();

		OrderState(int lines) {
			this.lines = lines;
		}

	}

}
