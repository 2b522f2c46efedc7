package io.treeline.compensation.run;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.treeline.compensation.CommissionLine;
import io.treeline.compensation.CommissionRuns;
import io.treeline.compensation.EmptyCompany;
import io.treeline.compensation.InvalidPlanException;
import io.treeline.compensation.Ledger;
import io.treeline.compensation.NewOrder;
import io.treeline.compensation.OrderLine;
import io.treeline.compensation.OrderReturn;
import io.treeline.compensation.Orders;
import io.treeline.compensation.PeriodLength;
import io.treeline.compensation.Plan;
import io.treeline.compensation.PlanType;
import io.treeline.compensation.Plans;
import io.treeline.compensation.RunResult;
import io.treeline.graph.Organisation;
import io.treeline.graph.OrganisationLoader;
import io.treeline.graph.Partner;
import io.treeline.graph.PartnerNumber;
import io.treeline.graph.PartnerStatus;
import io.treeline.graph.Sponsorship;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

@SpringBootTest
class CommissionRunsIT {

	private static final Instant JOINED = Instant.parse("2025-11-01T11:00:00Z");

	@Autowired
	CommissionRuns runs;

	@Autowired
	Plans plans;

	@Autowired
	Orders orders;

	@Autowired
	Ledger ledger;

	@Autowired
	OrganisationLoader loader;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Flyway flyway;

	@Autowired
	Neo4jClient neo4j;

	@Autowired
	PlatformTransactionManager compensationTransactionManager;

	@Autowired
	JdbcRunRecords records;

	@BeforeEach
	void chainOfThreeWithOrders() {
		EmptyCompany.reset(this.neo4j, this.jdbc, this.flyway);
		this.loader.load(new Organisation(List.of(partner("A"), partner("B"), partner("C")),
				List.of(new Sponsorship(number("B"), number("A"), JOINED, null),
						new Sponsorship(number("C"), number("B"), JOINED, null)),
				List.of()));
		this.plans.create(new Plan("Uni", PlanType.UNILEVEL, PeriodLength.MONTHLY, "2026-01"),
				LocalDate.parse("2026-01-01"), """
						{"type":"UNILEVEL","levelRates":["0.10","0.05"]}""");
		paidOrder("O-1", "C", "100.00", "2026-01-10T10:00:00Z");
		paidOrder("O-2", "B", "50.00", "2026-01-11T10:00:00Z");
	}

	@Test
	void closesAPeriodOnceUnderTwentyConcurrentRequests() throws Exception {
		List<RunResult> results = closeTwentyTimesAtOnce("2026-01");
		assertThat(results).extracting(RunResult::hash).containsOnly(results.get(0).hash());
		assertThat(results).extracting(RunResult::total)
			.allSatisfy((total) -> assertThat(total).isEqualByComparingTo("20.00"));
		assertThat(count("select count(*) from commission_runs")).isEqualTo(1);
		assertThat(count("select count(*) from journal_transactions")).isEqualTo(1);
		assertThat(count("select sum(line_count) from commission_line_segments where arrangement = 'P'")).isEqualTo(3);
		assertThat(this.ledger.commissionPayable(number("B"))).containsEntry("EUR", new BigDecimal("10.0000"));
		assertThat(this.ledger.commissionPayable(number("A"))).containsEntry("EUR", new BigDecimal("10.0000"));
		assertThat(this.ledger.trialBalance()).allSatisfy((currency, sum) -> assertThat(sum).isZero());
	}

	@Test
	void previewsAsOftenAsWantedWithoutPostingAndWithTheSameHash() {
		RunResult first = this.runs.preview("Uni", "2026-01");
		RunResult second = this.runs.preview("Uni", "2026-01");
		assertThat(second.hash()).isEqualTo(first.hash());
		assertThat(first.total()).isEqualByComparingTo("20.00");
		assertThat(count("select count(*) from journal_transactions")).isZero();
		assertThat(count("select count(*) from commission_runs")).isZero();
		RunResult closed = this.runs.close("Uni", "2026-01");
		assertThat(closed.hash()).isEqualTo(first.hash());
		assertThat(this.runs.closed("Uni", "2026-01")).hasValueSatisfying((stored) -> {
			assertThat(stored.hash()).isEqualTo(first.hash());
			assertThat(stored.lines()).hasSize(3);
		});
	}

	@Test
	void closesPeriodsOnlyInOrderAndOnlyOnceTheyAreOver() {
		assertThatExceptionOfType(InvalidPlanException.class).isThrownBy(() -> this.runs.close("Uni", "2026-02"))
			.withMessageContaining("first open period of plan 'Uni' is 2026-01");
		this.plans.create(new Plan("Weekly", PlanType.UNILEVEL, PeriodLength.WEEKLY, "2030-W01"),
				LocalDate.parse("2030-01-01"), """
						{"type":"UNILEVEL","levelRates":["0.10"]}""");
		assertThatExceptionOfType(InvalidPlanException.class).isThrownBy(() -> this.runs.close("Weekly", "2030-W01"))
			.withMessageContaining("it can be closed once it is over");
		this.runs.close("Uni", "2026-01");
		assertThatExceptionOfType(InvalidPlanException.class).isThrownBy(() -> this.runs.preview("Uni", "2026-01"))
			.withMessageContaining("is closed");
		assertThat(count("select count(*) from commission_runs")).isEqualTo(1);
	}

	@Test
	void ledgerRefusesToChangeOrDeletePostedRows() {
		this.runs.close("Uni", "2026-01");
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> this.jdbc.sql("update journal_entries set amount = amount + 1").update())
			.withMessageContaining("append-only");
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> this.jdbc.sql("delete from journal_transactions").update())
			.withMessageContaining("append-only");
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> this.jdbc.sql("update commission_line_segments set line_count = 1").update())
			.withMessageContaining("append-only");
		assertThatExceptionOfType(DataAccessException.class).isThrownBy(() -> this.jdbc.sql("""
				insert into journal_entries (transaction_id, entry_no, account, amount, currency)
				select id, 99, 'commission-expense', 0, 'EUR' from journal_transactions""").update())
			.withMessageContaining("is posted already");
		assertThat(this.ledger.trialBalance()).allSatisfy((currency, sum) -> assertThat(sum).isZero());
	}

	@Test
	void leavesNothingBehindWhenACloseFailsWhileWriting() {
		this.jdbc.sql("""
				create function fail_posting() returns trigger language plpgsql as $$
				begin raise exception 'disk full (simulated)'; end; $$""").update();
		this.jdbc.sql("""
				create trigger fail_posting before insert on journal_transactions
				for each row execute function fail_posting()""").update();
		assertThatExceptionOfType(DataAccessException.class).isThrownBy(() -> this.runs.close("Uni", "2026-01"))
			.withMessageContaining("disk full (simulated)");
		for (String table : List.of("commission_runs", "commission_line_segments", "period_result_segments",
				"run_skipped_events", "journal_transactions", "journal_entries")) {
			assertThat(count("select count(*) from " + table)).as(table).isZero();
		}
		assertThat(this.runs.running()).anySatisfy((progress) -> assertThat(progress.phase()).isEqualTo("failed"));
		this.jdbc.sql("drop trigger fail_posting on journal_transactions").update();
		assertThat(this.runs.close("Uni", "2026-01").total()).isEqualByComparingTo("20.00");
		assertThat(count("select sum(line_count) from commission_line_segments where arrangement = 'P'")).isEqualTo(3);
	}

	@Test
	void passesOverAnOrderOfAnUnknownPartnerNamesItAndCommissionsItOnceThePartnerExists() {
		paidOrder("O-GHOST", "GHOST", "300.00", "2026-01-12T10:00:00Z");
		RunResult january = this.runs.close("Uni", "2026-01");
		assertThat(january.total()).isEqualByComparingTo("20.00");
		assertThat(this.runs.running()).anySatisfy((progress) -> assertThat(progress.message())
			.isEqualTo("1 orders wait for a partner the genealogy does not know: O-GHOST (R-GHOST)"));
		this.loader.load(new Organisation(List.of(partner("GHOST")),
				List.of(new Sponsorship(number("GHOST"), number("A"), JOINED, null)), List.of()));
		assertThat(this.runs.preview("Uni", "2026-02").amountsByPartner()).containsEntry(number("A"),
				new BigDecimal("30.00"));
	}

	@Test
	void commissionsAPaymentRecordedAfterItsPeriodClosedInTheNextPeriodOnce() {
		assertThat(this.runs.close("Uni", "2026-01").total()).isEqualByComparingTo("20.00");
		paidOrder("O-LATE", "C", "200.00", "2026-01-20T10:00:00Z");

		RunResult february = this.runs.close("Uni", "2026-02");

		assertThat(february.lines()).extracting(CommissionLine::orderNumber).containsOnly("O-LATE");
		assertThat(february.total()).isEqualByComparingTo("30.00");
		assertThat(this.runs.close("Uni", "2026-03").lines()).isEmpty();
		assertThat(this.runs.closed("Uni", "2026-01").orElseThrow().total()).isEqualByComparingTo("20.00");
	}

	@Test
	void waitsForAnOrderEventBeingRecordedWhileItReadsTheWatermarkAndCommissionsIt() throws Exception {
		TransactionTemplate transaction = new TransactionTemplate(this.compensationTransactionManager);
		CountDownLatch recorded = new CountDownLatch(1);
		CountDownLatch commit = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		Future<?> recording = pool.submit(() -> transaction.executeWithoutResult((status) -> {
			paidOrder("O-SLOW", "C", "100.00", "2026-01-15T10:00:00Z");
			recorded.countDown();
			await(commit);
		}));
		recorded.await();

		Future<RunResult> close = pool.submit(() -> this.runs.close("Uni", "2026-01"));
		Thread.sleep(500);
		assertThat(close).as("the close waits for the uncommitted order event").isNotDone();
		commit.countDown();
		recording.get();

		assertThat(close.get().total()).isEqualByComparingTo("35.00");
		pool.shutdown();
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void namesPaidOrdersDatedBeforeThePlansFirstVersionInTheRunStatus() {
		BigDecimal volume = new BigDecimal("80.00");
		this.orders.record(new NewOrder("O-EARLY", number("C"), Instant.parse("2025-12-20T10:00:00Z"), "EUR",
				List.of(new OrderLine("ART-1", BigDecimal.ONE, volume, new BigDecimal("0.19"), volume, volume))));
		this.orders.markPaid("O-EARLY", Instant.parse("2026-01-05T10:00:00Z"));

		assertThat(this.runs.close("Uni", "2026-01").total()).isEqualByComparingTo("20.00");
		assertThat(this.runs.running()).anySatisfy((progress) -> assertThat(progress.message())
			.isEqualTo("1 paid orders are dated before the plan's first version and earn nothing in it: O-EARLY"));
	}

	@Test
	void previewOfALaterOpenPeriodReversesAnOrderPaidInAnEarlierOpenPeriod() {
		this.orders.recordReturn("O-1", new OrderReturn.Whole(), Instant.parse("2026-02-05T10:00:00Z"), "S-1");

		RunResult february = this.runs.preview("Uni", "2026-02");

		assertThat(february.lines()).allSatisfy((line) -> assertThat(line.reversal()).isTrue());
		assertThat(february.total()).isEqualByComparingTo("-15.00");
		this.runs.close("Uni", "2026-01");
		assertThat(this.runs.preview("Uni", "2026-02").hash()).isEqualTo(february.hash());
	}

	@Test
	void reversesReturnsReadAheadAndReturnsRecordedLateForAnEarlierPeriod() {
		RunResult january = this.runs.close("Uni", "2026-01");
		// in February: read beside the events; dated in January and recorded after its
		// close: not in the window read ahead, read after the events
		this.orders.recordReturn("O-2", new OrderReturn.Whole(), Instant.parse("2026-02-05T10:00:00Z"), "S-2");
		this.orders.recordReturn("O-1", new OrderReturn.Whole(), Instant.parse("2026-01-25T10:00:00Z"), "S-1");

		RunResult february = this.runs.close("Uni", "2026-02");

		assertThat(february.lines()).hasSize(3).allSatisfy((line) -> assertThat(line.reversal()).isTrue());
		assertThat(february.lines())
			.extracting(CommissionLine::partner, CommissionLine::orderNumber, (line) -> line.amount().negate())
			.containsExactlyInAnyOrderElementsOf(january.lines()
				.stream()
				.map((line) -> tuple(line.partner(), line.orderNumber(), line.amount()))
				.toList());
		assertThat(february.total()).isEqualByComparingTo("-20.00");
	}

	@Test
	void readsTheLinesOfReturnedOrdersOnlyOfTheRunsAComputationKnows() throws Exception {
		this.runs.close("Uni", "2026-01");
		this.orders.recordReturn("O-1", new OrderReturn.Whole(), Instant.parse("2026-02-05T10:00:00Z"), "S-1");
		long plan = count("select id from plans where name = 'Uni'");
		long january = count("select id from commission_runs");

		assertThat(this.records.linesOfOrders(plan, Set.of(january), List.of("O-1"))).hasSize(2);
		assertThat(this.records.linesOfOrders(plan, Set.of(), List.of("O-1"))).isEmpty();

		JdbcRunRecords.OrderLines ahead = readAhead(plan, Set.of(january));
		assertThat(ahead.orders()).containsExactly("O-1");
		assertThat(ahead.lines()).extracting(CommissionLine::orderNumber).containsExactly("O-1", "O-1");
		assertThat(readAhead(plan, Set.of()).lines()).isEmpty();
	}

	private List<RunResult> closeTwentyTimesAtOnce(String period) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(20);
		List<Callable<RunResult>> requests = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			requests.add(() -> this.runs.close("Uni", period));
		}
		List<RunResult> results = new ArrayList<>();
		for (Future<RunResult> result : pool.invokeAll(requests)) {
			results.add(result.get());
		}
		pool.shutdown();
		return results;
	}

	/**
	 * Reads the lines of February's returns ahead, until a read had begun when claimed.
	 */
	private JdbcRunRecords.OrderLines readAhead(long plan, Set<Long> runs) throws InterruptedException {
		for (int attempt = 1; attempt <= 50; attempt++) {
			ReadAhead<JdbcRunRecords.OrderLines> ahead = this.records.linesOfReturnsAhead(plan, runs,
					Instant.parse("2026-02-01T00:00:00Z"), Instant.parse("2026-03-01T00:00:00Z"));
			Thread.sleep(20L * attempt);
			JdbcRunRecords.OrderLines lines = ahead.claim();
			if (lines != null) {
				return lines;
			}
		}
		throw new AssertionError("no read ahead began");
	}

	@Test
	void closesALaterPeriodOnceUnderTwentyConcurrentRequestsWhileItsReturnsAreReadAhead() throws Exception {
		this.runs.close("Uni", "2026-01");
		this.orders.recordReturn("O-1", new OrderReturn.Whole(), Instant.parse("2026-02-05T10:00:00Z"), "S-1");
		// the requests hold the connections, so a read ahead may find none: the close
		// then calls it off and reads for itself rather than wait
		List<RunResult> results = closeTwentyTimesAtOnce("2026-02");
		assertThat(results).extracting(RunResult::total)
			.allSatisfy((total) -> assertThat(total).isEqualByComparingTo("-15.00"));
		assertThat(count("select count(*) from commission_runs")).isEqualTo(2);
		assertThat(this.ledger.trialBalance()).allSatisfy((currency, sum) -> assertThat(sum).isZero());
	}

	@Test
	void databaseRefusesAnUnbalancedJournalTransaction() {
		TransactionTemplate transaction = new TransactionTemplate(this.compensationTransactionManager);
		assertThatExceptionOfType(DataAccessException.class).isThrownBy(() -> transaction.executeWithoutResult((s) -> {
			long id = journalTransaction("unbalanced");
			this.jdbc.sql("""
					insert into journal_entries (transaction_id, entry_no, account, amount, currency)
					values (:id, 1, 'commission-expense', 10, 'EUR'), (:id, 2, 'commission-payable:X', -9, 'EUR')
					""").param("id", id).update();
		})).withMessageContaining("does not balance");
		assertThat(count("select count(*) from journal_transactions")).isZero();
	}

	@Test
	void databaseRefusesEntriesAddedAfterTheBalanceWasCheckedEarly() {
		TransactionTemplate transaction = new TransactionTemplate(this.compensationTransactionManager);
		assertThatExceptionOfType(DataAccessException.class).isThrownBy(() -> transaction.executeWithoutResult((s) -> {
			long id = journalTransaction("checked-early");
			this.jdbc.sql("""
					insert into journal_entries (transaction_id, entry_no, account, amount, currency)
					values (:id, 1, 'commission-expense', 10, 'EUR'), (:id, 2, 'commission-payable:X', -10, 'EUR')
					""").param("id", id).update();
			this.jdbc.sql("set constraints all immediate").update();
			this.jdbc.sql("""
					insert into journal_entries (transaction_id, entry_no, account, amount, currency)
					values (:id, 3, 'commission-expense', 5, 'EUR')
					""").param("id", id).update();
		})).withMessageContaining("has entries already");
		assertThat(count("select count(*) from journal_transactions")).isZero();
	}

	@Test
	void databaseRefusesASecondStatementOfEntriesNumberedFromOne() {
		TransactionTemplate transaction = new TransactionTemplate(this.compensationTransactionManager);
		assertThatExceptionOfType(DataAccessException.class).isThrownBy(() -> transaction.executeWithoutResult((s) -> {
			long id = journalTransaction("twice-from-one");
			String entries = """
					insert into journal_entries (transaction_id, entry_no, account, amount, currency)
					values (:id, 1, 'commission-expense', 10, 'EUR'), (:id, 2, 'commission-payable:X', -10, 'EUR')
					""";
			this.jdbc.sql(entries).param("id", id).update();
			this.jdbc.sql(entries).param("id", id).update();
		})).withMessageContaining("journal_entries_pkey");
		assertThat(count("select count(*) from journal_transactions")).isZero();
	}

	@Test
	void databaseRefusesEntriesNotNumberedFromOneToTheirCount() {
		TransactionTemplate transaction = new TransactionTemplate(this.compensationTransactionManager);
		for (String numbers : List.of("2, 3", "1, 3", "0, 1")) {
			assertThatExceptionOfType(DataAccessException.class).as(numbers)
				.isThrownBy(() -> transaction.executeWithoutResult((s) -> {
					long id = journalTransaction("numbered " + numbers);
					String[] number = numbers.split(", ");
					this.jdbc.sql("""
							insert into journal_entries (transaction_id, entry_no, account, amount, currency)
							values (:id, :first, 'commission-expense', 10, 'EUR'),
							       (:id, :second, 'commission-payable:X', -10, 'EUR')
							""")
						.param("id", id)
						.param("first", Integer.parseInt(number[0]))
						.param("second", Integer.parseInt(number[1]))
						.update();
				}))
				.withMessageContaining("not numbered from 1");
		}
		assertThat(count("select count(*) from journal_transactions")).isZero();
	}

	@Test
	void databaseRefusesEntriesOfNoJournalTransaction() {
		TransactionTemplate transaction = new TransactionTemplate(this.compensationTransactionManager);
		assertThatExceptionOfType(DataAccessException.class).isThrownBy(() -> transaction.executeWithoutResult((s) -> {
			long id = journalTransaction("next-to-nothing");
			this.jdbc.sql("""
					insert into journal_entries (transaction_id, entry_no, account, amount, currency)
					values (:id, 1, 'commission-expense', 10, 'EUR'), (:id, 2, 'commission-payable:X', -10, 'EUR')
					""").param("id", id + 1000).update();
		})).withMessageContaining("does not exist");
		assertThat(count("select count(*) from journal_entries")).isZero();
	}

	@Test
	void databaseRefusesAJournalTransactionWithoutEntries() {
		TransactionTemplate transaction = new TransactionTemplate(this.compensationTransactionManager);
		assertThatExceptionOfType(DataAccessException.class).isThrownBy(() -> transaction.executeWithoutResult((s) -> {
			journalTransaction("empty");
		})).withMessageContaining("needs at least two entries");
		assertThatExceptionOfType(DataAccessException.class).isThrownBy(() -> transaction.executeWithoutResult((s) -> {
			long id = journalTransaction("one-entry");
			this.jdbc.sql("""
					insert into journal_entries (transaction_id, entry_no, account, amount, currency)
					values (:id, 1, 'commission-expense', 0, 'EUR')
					""").param("id", id).update();
		})).withMessageContaining("needs at least two entries");
		assertThat(count("select count(*) from journal_transactions")).isZero();
	}

	/** Inserts a journal transaction without entries; returns its id. */
	private long journalTransaction(String key) {
		return this.jdbc.sql("""
				insert into journal_transactions (idempotency_key, description, booked_at)
				values (:key, 'test', now()) returning id""").param("key", key).query(Long.class).single();
	}

	private void paidOrder(String orderNumber, String partner, String bv, String at) {
		BigDecimal volume = new BigDecimal(bv);
		this.orders.record(new NewOrder(orderNumber, number(partner), Instant.parse(at), "EUR",
				List.of(new OrderLine("ART-1", BigDecimal.ONE, volume, new BigDecimal("0.19"), volume, volume))));
		this.orders.markPaid(orderNumber, Instant.parse(at));
	}

	private int count(String sql) {
		return this.jdbc.sql(sql).query(Integer.class).single();
	}

	private static Partner partner(String name) {
		return new Partner(number(name), name, "Test", null, null, "DE", "de", PartnerStatus.ACTIVE, JOINED);
	}

	private static PartnerNumber number(String name) {
		return PartnerNumber.of("R-" + name);
	}

}
