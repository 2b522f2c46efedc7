package io.treeline.compensation.order;

import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.treeline.compensation.Customer;
import io.treeline.compensation.Customers;
import io.treeline.compensation.NewOrder;
import io.treeline.compensation.OrderBatchException;
import io.treeline.compensation.OrderEvent;
import io.treeline.compensation.OrderImport;
import io.treeline.compensation.OrderImportProblem;
import io.treeline.compensation.OrderImportResult;
import io.treeline.compensation.OrderLine;
import io.treeline.compensation.OrderReturn;
import io.treeline.compensation.Orders;
import io.treeline.compensation.RecordedOrder;
import io.treeline.compensation.TestPartners;
import io.treeline.graph.OrganisationLoader;
import io.treeline.graph.PartnerNumber;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Batches of order events ({@link Orders#recordAll}) and the order import that records
 * through them store exactly what the single-event methods store, one event at a time.
 * Each test writes orders under numbers of its own prefix (a random suffix), and compares
 * the rows of two prefixes with the prefix taken out.
 */
@SpringBootTest
class OrderBatchIT {

	private static final String[] PARTNERS = { "P-BAT-1", "P-BAT-2", "P-BAT-3" };

	@Autowired
	OrganisationLoader organisationLoader;

	@Autowired
	Orders orders;

	@Autowired
	OrderImport orderImport;

	@Autowired
	Customers customers;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	String suffix;

	@BeforeEach
	void partnersOfTheOrders() {
		TestPartners.ensure(this.organisationLoader, PARTNERS);
		this.suffix = UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void importStoresWhatTheSingleEventMethodsStoreAndAgainNothing() {
		Scenario batch = Scenario.of("BI-" + this.suffix, 300);
		Scenario single = Scenario.of("BS-" + this.suffix, 300);
		OrderImportResult first = this.orderImport.importCsv("first.csv", new StringReader(batch.csv(1)));
		assertThat(first.problems()).isEmpty();
		assertThat(first.newOrders()).isEqualTo(300);
		OrderImportResult second = this.orderImport.importCsv("second.csv", new StringReader(batch.csv(2)));
		assertThat(second.problems()).isEmpty();
		List<Boolean> recorded = single.recordOneByOne(this.orders);
		assertThat(recorded).doesNotContain(false);
		assertThat(first.newOrders() + first.newPayments() + first.newReturns() + second.newPayments()
				+ second.newReturns())
			.isEqualTo(recorded.size());
		Rows rows = rows(batch.prefix());
		assertThat(rows.events()).hasSizeGreaterThan(300);
		assertThat(rows.returnedLines()).isNotEmpty();
		assertThat(rows).isEqualTo(rows(single.prefix()));

		OrderImportResult again = this.orderImport.importCsv("first.csv", new StringReader(batch.csv(1)));
		assertThat(again.problems()).isEmpty();
		assertThat(again.unchanged()).isTrue();
		assertThat(this.orderImport.importCsv("second.csv", new StringReader(batch.csv(2))).unchanged()).isTrue();
		assertThat(rows(batch.prefix())).isEqualTo(rows);
	}

	@Test
	void everyEventCarriesTheNumberPartnerAndDateOfItsOrderWhicheverWayItCame() {
		Scenario batch = Scenario.of("BC-" + this.suffix, 40);
		Scenario single = Scenario.of("BD-" + this.suffix, 40);
		assertThat(this.orderImport.importCsv("first.csv", new StringReader(batch.csv(1))).problems()).isEmpty();
		assertThat(this.orderImport.importCsv("second.csv", new StringReader(batch.csv(2))).problems()).isEmpty();
		assertThat(single.recordOneByOne(this.orders)).doesNotContain(false);
		List<String> events = this.jdbc.sql("""
				select concat_ws('|', e.order_number = o.order_number, e.partner_number = o.partner_number,
				                 e.ordered_at = o.ordered_at)
				from order_events e join orders o on o.id = e.order_id
				where o.order_number like :batch or o.order_number like :single
				""")
			.param("batch", batch.prefix() + "%")
			.param("single", single.prefix() + "%")
			.query(String.class)
			.list();
		assertThat(events).hasSizeGreaterThan(80).containsOnly("t|t|t");
	}

	@Test
	void refusesToChangeARecordedOrderThatItsEventsCopy() {
		Scenario batch = Scenario.of("BU-" + this.suffix, 5);
		assertThat(this.orderImport.importCsv("first.csv", new StringReader(batch.csv(1))).problems()).isEmpty();
		String like = batch.prefix() + "%";
		String before = this.jdbc
			.sql("select string_agg(concat_ws('|', partner_number, ordered_at), ',' order by id) "
					+ "from orders where order_number like :like")
			.param("like", like)
			.query(String.class)
			.single();
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(
					() -> this.jdbc.sql("update orders set partner_number = 'P-BAT-3' where order_number like :like")
						.param("like", like)
						.update())
			.withMessageContaining("a recorded order is not changed");
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.jdbc
				.sql("update orders set ordered_at = ordered_at + interval '1 day' where order_number like :like")
				.param("like", like)
				.update())
			.withMessageContaining("a recorded order is not changed");
		assertThat(this.jdbc
			.sql("select string_agg(concat_ws('|', partner_number, ordered_at), ',' order by id) "
					+ "from orders where order_number like :like")
			.param("like", like)
			.query(String.class)
			.single()).isEqualTo(before);
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.jdbc
				.sql("update order_events set partner_number = 'P-BAT-3' where order_number like :like")
				.param("like", like)
				.update())
			.withMessageContaining("a recorded order is not changed");
		assertThat(this.jdbc
			.sql("select count(*) from order_events e join orders o on o.id = e.order_id "
					+ "where o.order_number like :like and e.partner_number = o.partner_number")
			.param("like", like)
			.query(Long.class)
			.single()).isPositive();
	}

	@Test
	void refusesAFileWithOneBadRecordWhole() {
		Scenario scenario = Scenario.of("BF-" + this.suffix, 200);
		String csv = scenario.csv(1);
		// one storno more than what is left of an order returned by 0.25 and 0.5 already
		String number = scenario.prefix() + "-8";
		String bad = "return," + number + ",,,,,,,,,,,,2026-06-20T00:00:00Z,ST-TOO-MUCH,fraction:0.5\n";
		int at = csv.indexOf('\n', csv.length() / 2) + 1;
		long line = csv.substring(0, at).lines().count() + 1;
		OrderImportResult result = this.orderImport.importCsv("bad.csv",
				new StringReader(csv.substring(0, at) + bad + csv.substring(at)));
		assertThat(result.loaded()).isFalse();
		assertThat(result.problems()).singleElement()
			.satisfies((problem) -> assertThat(problem.line()).isEqualTo(line))
			.satisfies((problem) -> assertThat(problem.message()).contains("of order " + number + " is left"));
		assertThat(rows(scenario.prefix())).isEqualTo(new Rows(List.of(), List.of(), List.of(), List.of()));
	}

	@Test
	void refusesAFileWhoseEventTheOrdersRefuseAtItsLineAndLoadsNothingOfIt() {
		Scenario scenario = Scenario.of("BR-" + this.suffix, 100);
		assertThat(this.orderImport.importCsv("first.csv", new StringReader(scenario.csv(1))).loaded()).isTrue();
		Rows before = rows(scenario.prefix());
		// order 1 was paid on 3 June and returned by 0.25 on 4 June and by 0.5 on 5 June:
		// a
		// storno of 4 June 12:00 is after the payment (so the file's own check lets it
		// through) but before the last return, which the orders refuse
		String number = scenario.prefix() + "-1";
		String csv = scenario.csv(2) + "return," + number + ",,,,,,,,,,,,2026-06-04T12:00:00Z,ST-LATE,fraction:0.1\n";
		long line = csv.lines().count();
		OrderImportResult result = this.orderImport.importCsv("second.csv", new StringReader(csv));
		assertThat(result.problems()).containsExactly(new OrderImportProblem("second.csv", line,
				"A return of order " + number + " cannot be dated before 2026-06-05T00:01:01Z, when it was last "
						+ "returned; nothing of the file was recorded"));
		assertThat(rows(scenario.prefix())).isEqualTo(before);
	}

	@Test
	void recordsMixedBatchesAsTheSingleEventMethodsDo() {
		Scenario batch = Scenario.of("BA-" + this.suffix, 250);
		Scenario single = Scenario.of("BB-" + this.suffix, 250);
		List<OrderEvent> events = batch.interleaved();
		// an event twice: recorded the first time only, as one by one
		events.add(40, events.get(10));
		events.add(events.get(events.size() - 1));
		List<Boolean> recorded = new ArrayList<>();
		for (int from = 0; from < events.size(); from += 97) {
			recorded.addAll(this.orders.recordAll(events.subList(from, Math.min(events.size(), from + 97))));
		}
		List<OrderEvent> singleEvents = single.interleaved();
		singleEvents.add(40, singleEvents.get(10));
		singleEvents.add(singleEvents.get(singleEvents.size() - 1));
		assertThat(recorded).isEqualTo(recordOneByOne(singleEvents)).contains(false);
		assertThat(rows(batch.prefix())).isEqualTo(rows(single.prefix()));
		assertThat(this.orders.recordAll(events)).containsOnly(false);
	}

	@Test
	void recordsAPaymentAndReturnsOfAnOrderPlacedEarlierInTheBatch() {
		String customer = "C-BAT-" + this.suffix;
		this.customers.register(new Customer(customer, PartnerNumber.of("P-BAT-2"), "Kunde", null));
		String number = "BM-" + this.suffix;
		NewOrder order = new NewOrder(number, null, Instant.parse("2026-05-01T10:00:00Z"), "EUR",
				List.of(line("10.5", "9"), line("20", "18"), line("0", "0")), customer);
		List<Boolean> recorded = this.orders.recordAll(List.of(new OrderEvent.Placed(order),
				new OrderEvent.Paid(number, Instant.parse("2026-05-02T10:00:00Z")),
				new OrderEvent.Returned(number, new OrderReturn.Lines(List.of(2)),
						Instant.parse("2026-05-03T10:00:00Z"), "S-1"),
				new OrderEvent.Paid(number, Instant.parse("2026-05-04T10:00:00Z")), new OrderEvent.Returned(number,
						new OrderReturn.Lines(List.of(1, 3)), Instant.parse("2026-05-05T10:00:00Z"), "S-2")));
		assertThat(recorded).containsExactly(true, true, true, false, true);
		RecordedOrder stored = this.orders.find(number).orElseThrow();
		assertThat(stored.partner()).isEqualTo(PartnerNumber.of("P-BAT-2"));
		assertThat(stored.customer()).isEqualTo(customer);
		assertThat(stored.lines()).hasSize(3);
		assertThat(stored.events()).extracting(RecordedOrder.Event::kind)
			.containsExactly("PAID", "RETURNED", "RETURNED");
		assertThat(stored.events().get(0).pv()).isEqualByComparingTo("30.5");
		assertThat(stored.events().get(1).pv()).isEqualByComparingTo("20");
		assertThat(stored.events().get(1).fraction()).isEqualByComparingTo("0.666666666666666667");
		assertThat(stored.events().get(1).lineNumbers()).containsExactly(2);
		assertThat(stored.events().get(2).pv()).isEqualByComparingTo("10.5");
		assertThat(stored.events().get(2).fraction()).isEqualByComparingTo("0.333333333333333333");
		assertThat(stored.events().get(2).lineNumbers()).containsExactly(1, 3);
		assertThat(this.jdbc
			.sql("select completes from order_events e join orders o on o.id = e.order_id "
					+ "where o.order_number = :n order by e.id")
			.param("n", number)
			.query(Boolean.class)
			.list()).containsExactly(false, false, true);
	}

	@Test
	void refusesABatchWithOneBadEventWholeAndNamesIt() {
		String number = "BX-" + this.suffix;
		NewOrder order = new NewOrder(number, PartnerNumber.of("P-BAT-1"), Instant.parse("2026-05-01T10:00:00Z"), "EUR",
				List.of(line("10", "9")));
		List<OrderEvent> events = List.of(new OrderEvent.Placed(order),
				new OrderEvent.Paid(number, Instant.parse("2026-05-02T10:00:00Z")),
				new OrderEvent.Returned(number, new OrderReturn.Share(new BigDecimal("0.6")),
						Instant.parse("2026-05-03T10:00:00Z"), "S-1"),
				new OrderEvent.Returned(number, new OrderReturn.Share(new BigDecimal("0.6")),
						Instant.parse("2026-05-04T10:00:00Z"), "S-2"));
		assertThatExceptionOfType(OrderBatchException.class).isThrownBy(() -> this.orders.recordAll(events))
			.satisfies((ex) -> assertThat(ex.index()).isEqualTo(3))
			.withMessage("Event 3 of the batch (storno S-2 of order " + number + ") is refused, nothing of the "
					+ "batch was recorded: Only 0.4 of order " + number + " is left to return (asked 0.6)");
		assertThat(this.orders.find(number)).isEmpty();
		List<OrderEvent> unknown = List.of(new OrderEvent.Placed(order),
				new OrderEvent.Paid(number + "-NOPE", Instant.parse("2026-05-02T10:00:00Z")));
		assertThatExceptionOfType(OrderBatchException.class).isThrownBy(() -> this.orders.recordAll(unknown))
			.satisfies((ex) -> assertThat(ex.index()).isEqualTo(1))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo("No order has the number " + number + "-NOPE"));
		assertThat(this.orders.find(number)).isEmpty();
		// a refused event of a batch that pays a recorded order leaves that order unpaid
		this.orders.record(order);
		List<OrderEvent> unpaid = List.of(new OrderEvent.Paid(number, Instant.parse("2026-05-02T10:00:00Z")),
				new OrderEvent.Returned(number, new OrderReturn.Whole(), Instant.parse("2026-05-03T10:00:00Z"), ""));
		assertThatExceptionOfType(OrderBatchException.class).isThrownBy(() -> this.orders.recordAll(unpaid))
			.satisfies((ex) -> assertThat(ex.index()).isEqualTo(1))
			.satisfies((ex) -> assertThat(ex.reason()).startsWith("A return needs a key"));
		assertThat(this.orders.find(number).orElseThrow().events()).isEmpty();
	}

	@Test
	void waitsWhileACloseReadsTheEventWatermark() throws Exception {
		String number = "BW-" + this.suffix;
		NewOrder order = new NewOrder(number, PartnerNumber.of("P-BAT-1"), Instant.parse("2026-05-01T10:00:00Z"), "EUR",
				List.of(line("10", "9")));
		List<OrderEvent> events = List.of(new OrderEvent.Placed(order),
				new OrderEvent.Paid(number, Instant.parse("2026-05-02T10:00:00Z")));
		// a close holds the watermark lock exclusively (JdbcRunRecords, ADR 17): the
		// batch's events wait for it, as events written one by one or by COPY do
		try (Connection close = this.dataSource.getConnection()) {
			close.setAutoCommit(false);
			try (Statement statement = close.createStatement()) {
				statement.execute("select pg_advisory_xact_lock(7262001)");
			}
			CompletableFuture<List<Boolean>> batch = CompletableFuture.supplyAsync(() -> this.orders.recordAll(events));
			Thread.sleep(1_000);
			assertThat(batch).isNotDone();
			close.commit();
			assertThat(batch.get(30, TimeUnit.SECONDS)).containsExactly(true, true);
		}
		assertThat(this.orders.find(number).orElseThrow().events()).hasSize(1);
	}

	private List<Boolean> recordOneByOne(List<OrderEvent> events) {
		return Scenario.recordOneByOne(this.orders, events);
	}

	private static OrderLine line(String pv, String bv) {
		return new OrderLine("A-1", BigDecimal.ONE, new BigDecimal(pv), new BigDecimal("0.19"), new BigDecimal(pv),
				new BigDecimal(bv));
	}

	/** The rows of the orders whose numbers start with a prefix, the prefix taken out. */
	private Rows rows(String prefix) {
		int from = prefix.length() + 1;
		String like = prefix + "-%";
		return new Rows(this.jdbc
			.sql("""
					select concat_ws('|', substr(order_number, :from), partner_number, customer_number, ordered_at, currency)
					from orders where order_number like :like order by id
					""")
			.param("from", from)
			.param("like", like)
			.query(String.class)
			.list(), this.jdbc.sql("""
					select concat_ws('|', substr(o.order_number, :from), l.line_no, l.product, l.quantity, l.unit_price,
					                 l.vat_rate, l.pv, l.bv)
					from order_lines l join orders o on o.id = l.order_id
					where o.order_number like :like order by o.id, l.line_no
					""").param("from", from).param("like", like).query(String.class).list(), this.jdbc.sql("""
					select concat_ws('|', substr(o.order_number, :from), e.kind, e.occurred_at, e.fraction, e.pv, e.bv,
					                 e.completes, e.event_key)
					from order_events e join orders o on o.id = e.order_id
					where o.order_number like :like order by e.id
					""").param("from", from).param("like", like).query(String.class).list(),
				this.jdbc
					.sql("""
							select concat_ws('|', substr(o.order_number, :from), e.event_key, r.line_no)
							from order_returned_lines r join order_events e on e.id = r.event_id join orders o on o.id = r.order_id
							where o.order_number like :like order by e.id, r.line_no
							""")
					.param("from", from)
					.param("like", like)
					.query(String.class)
					.list());
	}

	record Rows(List<String> orders, List<String> lines, List<String> events, List<String> returnedLines) {
	}

	/**
	 * Orders of three partners with one to three lines, their payments and stornos: of
	 * whole orders, fractions and lines, of paid and unpaid orders. The first file has
	 * the orders and most events, the second pays some orders late and returns more of
	 * some orders of the first.
	 */
	record Scenario(String prefix, List<NewOrder> orders, List<Timed> events) {

		static Scenario of(String prefix, int count) {
			Random random = new Random(count);
			Instant start = Instant.parse("2026-06-01T00:00:00Z");
			List<NewOrder> orders = new ArrayList<>();
			List<Timed> events = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				String number = prefix + "-" + i;
				Instant orderedAt = start.plusSeconds(61L * i);
				List<OrderLine> lines = new ArrayList<>();
				for (int j = 0; j <= i % 3; j++) {
					BigDecimal pv = BigDecimal.valueOf(random.nextInt(10_000), 2);
					lines.add(new OrderLine("A-" + j, BigDecimal.valueOf(1 + j),
							BigDecimal.valueOf(random.nextInt(5_000), 2), new BigDecimal("0.19"), pv,
							pv.multiply(new BigDecimal("0.9"))));
				}
				orders.add(new NewOrder(number, PartnerNumber.of(PARTNERS[i % 3]), orderedAt, "EUR", lines));
				Instant paidAt = orderedAt.plus(Duration.ofDays(2));
				Instant later = orderedAt.plus(Duration.ofDays(30));
				if (i % 17 == 5) {
					events.add(new Timed(1, new OrderEvent.Returned(number, new OrderReturn.Whole(),
							orderedAt.plus(Duration.ofDays(3)), "ST-" + i)));
					continue;
				}
				if (i % 10 == 9) {
					events.add(new Timed(2, new OrderEvent.Paid(number, later)));
					continue;
				}
				events.add(new Timed(1, new OrderEvent.Paid(number, paidAt)));
				switch (i % 7) {
					case 1 -> {
						events.add(new Timed(1,
								new OrderEvent.Returned(number, new OrderReturn.Share(new BigDecimal("0.25")),
										paidAt.plus(Duration.ofDays(1)), "ST-A")));
						events.add(new Timed(1,
								new OrderEvent.Returned(number, new OrderReturn.Share(new BigDecimal("0.5")),
										paidAt.plus(Duration.ofDays(2)), "ST-B")));
						events
							.add(new Timed(2, new OrderEvent.Returned(number, new OrderReturn.Whole(), later, "ST-C")));
					}
					case 2 -> {
						events.add(new Timed(1, new OrderEvent.Returned(number, new OrderReturn.Lines(List.of(1)),
								paidAt.plus(Duration.ofDays(1)), "ST-A")));
						if (lines.size() > 1) {
							events.add(new Timed(2, new OrderEvent.Returned(number,
									new OrderReturn.Lines(List.of(lines.size())), later, "ST-B")));
						}
					}
					case 3 -> events.add(new Timed(1, new OrderEvent.Returned(number, new OrderReturn.Whole(),
							paidAt.plusSeconds(3_600), "ST-A")));
					case 4 -> events.add(new Timed(2, new OrderEvent.Returned(number,
							new OrderReturn.Share(new BigDecimal("0.333333333333333333")), later, "ST-A")));
					default -> {
					}
				}
			}
			events.sort(Comparator.comparing(Timed::at));
			return new Scenario(prefix, orders, events);
		}

		/**
		 * An import file: the first with the orders and its events, the second with its
		 * events.
		 */
		String csv(int file) {
			StringBuilder csv = new StringBuilder("record,orderNumber,line,partner,orderedAt,currency,product,quantity,"
					+ "unitPrice,vatRate,pv,bv,paidAt,returnedAt,stornoId,returns\n");
			if (file == 1) {
				for (NewOrder order : this.orders) {
					int lineNo = 0;
					for (OrderLine line : order.lines()) {
						csv.append(String.join(",", "line", order.orderNumber(), String.valueOf(++lineNo),
								order.partner().value(), order.orderedAt().toString(), order.currency(), line.product(),
								line.quantity().toPlainString(), line.unitPrice().toPlainString(),
								line.vatRate().toPlainString(), line.pv().toPlainString(), line.bv().toPlainString()))
							.append(",,,,\n");
					}
				}
			}
			for (Timed timed : this.events) {
				if (timed.file() != file) {
					continue;
				}
				switch (timed.event()) {
					case OrderEvent.Paid paid -> csv.append("payment,")
						.append(paid.orderNumber())
						.append(",,,,,,,,,,,")
						.append(paid.paidAt())
						.append(",,,\n");
					case OrderEvent.Returned storno -> csv.append("return,")
						.append(storno.orderNumber())
						.append(",,,,,,,,,,,,")
						.append(storno.returnedAt())
						.append(',')
						.append(storno.returnKey())
						.append(',')
						.append(switch (storno.returned()) {
							case OrderReturn.Whole whole -> "whole";
							case OrderReturn.Share share -> "fraction:" + share.fraction().toPlainString();
							case OrderReturn.Lines lines ->
								"lines:" + String.join(";", lines.lineNumbers().stream().map(String::valueOf).toList());
						})
						.append('\n');
					case OrderEvent.Placed placed -> throw new IllegalStateException();
				}
			}
			return csv.toString();
		}

		/**
		 * What the import recorded one event at a time: the orders, then each file's
		 * events.
		 */
		List<Boolean> recordOneByOne(Orders orders) {
			List<OrderEvent> all = new ArrayList<>();
			this.orders.forEach((order) -> all.add(new OrderEvent.Placed(order)));
			this.events.stream().filter((timed) -> timed.file() == 1).forEach((timed) -> all.add(timed.event()));
			this.events.stream().filter((timed) -> timed.file() == 2).forEach((timed) -> all.add(timed.event()));
			return recordOneByOne(orders, all);
		}

		/** Each order followed by its events, in the order of the orders. */
		List<OrderEvent> interleaved() {
			List<OrderEvent> all = new ArrayList<>();
			for (NewOrder order : this.orders) {
				all.add(new OrderEvent.Placed(order));
				this.events.stream()
					.filter((timed) -> timed.event().orderNumber().equals(order.orderNumber()))
					.forEach((timed) -> all.add(timed.event()));
			}
			return all;
		}

		static List<Boolean> recordOneByOne(Orders orders, List<OrderEvent> events) {
			return events.stream().map((event) -> switch (event) {
				case OrderEvent.Placed placed -> orders.record(placed.order());
				case OrderEvent.Paid paid -> orders.markPaid(paid.orderNumber(), paid.paidAt());
				case OrderEvent.Returned storno -> orders.recordReturn(storno.orderNumber(), storno.returned(),
						storno.returnedAt(), storno.returnKey());
			}).toList();
		}

	}

	/** A payment or storno and the import file it is in. */
	record Timed(int file, OrderEvent event) {

		Instant at() {
			return switch (this.event) {
				case OrderEvent.Paid paid -> paid.paidAt();
				case OrderEvent.Returned storno -> storno.returnedAt();
				case OrderEvent.Placed placed -> placed.order().orderedAt();
			};
		}

	}

}
