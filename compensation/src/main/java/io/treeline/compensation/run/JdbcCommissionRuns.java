package io.treeline.compensation.run;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import io.treeline.compensation.CommissionLine;
import io.treeline.compensation.CommissionLineList;
import io.treeline.compensation.CommissionRuns;
import io.treeline.compensation.CompanySettings;
import io.treeline.compensation.InvalidPlanException;
import io.treeline.compensation.Ledger;
import io.treeline.compensation.PartnerResult;
import io.treeline.compensation.Period;
import io.treeline.compensation.RunProgress;
import io.treeline.compensation.RunResult;
import io.treeline.compensation.calculation.PartnerResults;
import io.treeline.compensation.ledger.JdbcLedger;
import io.treeline.compensation.ledger.JournalTransaction;
import io.treeline.compensation.period.PeriodCalendar;
import io.treeline.compensation.run.JdbcRunRecords.PlanRow;
import io.treeline.compensation.run.JdbcRunRecords.RunRow;
import io.treeline.compensation.run.RunComputation.Computed;
import io.treeline.compensation.store.CompensationStoreConfiguration;
import io.treeline.graph.Genealogy;
import io.treeline.graph.PartnerNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@link CommissionRuns} over PostgreSQL and the genealogy. A close holds a row lock on
 * its plan for the whole computation and writes run, lines, results, consumed events and
 * the ledger posting in the same database transaction, so concurrent closes produce one
 * run and a crash leaves all of it or nothing.
 */
@Component
class JdbcCommissionRuns implements CommissionRuns {

	private static final Logger logger = LoggerFactory.getLogger(JdbcCommissionRuns.class);

	private final JdbcRunRecords records;

	private final Genealogy genealogy;

	private final JdbcLedger ledger;

	private final CompanySettings company;

	private final Clock clock;

	/**
	 * Line segments per insert statement while a close drains them: some 64 × 200 KB at a
	 * million partners.
	 */
	private static final int SEGMENTS_PER_INSERT = 64;

	/**
	 * How many line segments may be encoded ahead of the inserts: some 50 MB. Running
	 * ahead without a limit, it held most of a run's segments while the ledger was
	 * booked, 1.8 GB at ten million partners (ADR 0039).
	 */
	private static final int SEGMENTS_AHEAD = 4 * SEGMENTS_PER_INSERT;

	/**
	 * How many bytes of encoded line segments may be held beyond {@link #SEGMENTS_AHEAD}:
	 * a thirty-second of the heap's maximum (437 MB of 14 GB). The close's thread books
	 * the ledger before it inserts any segment; with a lead of segments alone the
	 * encoder, once it had prepared, waited through most of a ledger step of 20 s at ten
	 * million partners. A million partners' segments (195 MB) fit whole. At ten million
	 * the heap after a collection stayed at 9.7 GB during the ledger step, of an old
	 * generation of 11 GB (ADR 0048).
	 */
	private static final long SEGMENT_BYTES_AHEAD = Runtime.getRuntime().maxMemory() / 32;

	/**
	 * Encodes the segments of closes while their threads hash and write: one daemon
	 * thread, shared by all closes.
	 */
	private static final Executor ENCODERS = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "close-segment-encoder");
		thread.setDaemon(true);
		return thread;
	});

	private final Map<String, RunProgress> running = new ConcurrentHashMap<>();

	private final TransactionTemplate transactions;

	JdbcCommissionRuns(JdbcRunRecords records, Genealogy genealogy, JdbcLedger ledger, CompanySettings company,
			@Qualifier(CompensationStoreConfiguration.TRANSACTION_MANAGER) PlatformTransactionManager transactionManager) {
		this.transactions = new TransactionTemplate(transactionManager);
		this.records = records;
		this.genealogy = genealogy;
		this.ledger = ledger;
		this.company = company;
		this.clock = Clock.systemUTC();
	}

	@Override
	public RunResult preview(String plan, String period) {
		PlanRow row = plan(plan, false);
		RunComputation computation = new RunComputation(row, this.company.timeZone(), this.records, this.genealogy,
				Long.MAX_VALUE);
		String label = computation.calendar().canonical(period);
		Period open = period(row, computation.calendar(), label, false);
		if (computation.closedRun(label).isPresent()) {
			throw new InvalidPlanException("period: " + label + " of plan '" + plan + "' is closed; read its result");
		}
		if (label.compareTo(row.plan().firstPeriod()) < 0) {
			throw new InvalidPlanException("period: plan '" + plan + "' starts with " + row.plan().firstPeriod());
		}
		Computed computed = tracked(plan, label, false, () -> computation.compute(label));
		return result(open, false, computed);
	}

	/**
	 * Closes in one transaction; if the genealogy changed while the close computed (a
	 * move dated inside the period committed meanwhile), the transaction is rolled back
	 * and the close computed again on the changed tree, up to three times.
	 */
	@Override
	public RunResult close(String plan, String period) {
		for (int attempt = 1;; attempt++) {
			// the genealogy's version in Neo4j counts the changes of every application
			// node
			long before = this.genealogy.refresh();
			try {
				return this.transactions.execute((status) -> closeOnce(plan, period, before));
			}
			catch (GenealogyChangedMeanwhile ex) {
				if (attempt == 3) {
					throw new IllegalStateException("The genealogy kept changing while " + plan + " " + period
							+ " was being closed; nothing was stored, try again", ex);
				}
				logger.info("The genealogy changed while {} {} was being closed; computing it again", plan, period);
			}
		}
	}

	private RunResult closeOnce(String plan, String period, long genealogyBefore) {
		PlanRow row = plan(plan, true);
		long watermark = this.records.eventWatermark();
		RunComputation computation = new RunComputation(row, this.company.timeZone(), this.records, this.genealogy,
				watermark);
		String label = computation.calendar().canonical(period);
		Optional<RunRow> done = computation.closedRun(label);
		if (done.isPresent()) {
			return stored(row, computation.calendar(), done.get());
		}
		if (!label.equals(computation.firstOpen())) {
			throw new InvalidPlanException("period: " + label + " cannot be closed; periods close in order and the "
					+ "first open period of plan '" + plan + "' is " + computation.firstOpen());
		}
		Period closing = period(row, computation.calendar(), label, true);
		if (closing.end().isAfter(this.clock.instant())) {
			throw new InvalidPlanException(
					"period: " + label + " ends at " + closing.end() + "; it can be closed once it is over");
		}
		Computed computed = tracked(plan, label, true, () -> computation.compute(label));
		long hashing = System.nanoTime();
		// encoded on another thread while this one hashes and books the ledger (one, so
		// that the hash on the critical path keeps the other core); this one encodes the
		// segments left when it needs them
		List<PartnerResult> computedResults = computed.results();
		SegmentTasks<LineSegments.Segment> lineSegments = new SegmentTasks<>(
				() -> LineSegments.prepare(computed.outcome().lines()), SEGMENTS_AHEAD, SEGMENT_BYTES_AHEAD,
				(segment) -> segment.data().length);
		SegmentTasks<ResultSegments.Segment> resultSegments = new SegmentTasks<>(
				() -> (computedResults instanceof PartnerResults results) ? ResultSegments.prepare(results)
						: all(ResultSegments.encode(computedResults)));
		ENCODERS.execute(() -> {
			lineSegments.run();
			resultSegments.run();
		});
		// once the close has ended, done or failed, the encoder must not wait for a drain
		try {
			// hashed while it was computed; what is left of it is waited for here
			RunResult result = result(closing, true, computed);
			logger.debug("Computed {} {} in {} ms, waited {} ms for the rest of the hash", plan, label,
					computed.computeMillis(), (System.nanoTime() - hashing) / 1_000_000);
			Map<String, Long> phases = new LinkedHashMap<>();
			phases.put("load", computed.loadMillis());
			phases.put("compute", computed.computeMillis() + (System.nanoTime() - hashing) / 1_000_000);
			progress(plan, label, true, "writing", null, phases);
			// done or failed once the transaction has ended, whether it failed while
			// writing or at commit; stays visible until the next computation of the
			// period
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCompletion(int status) {
					boolean committed = status == STATUS_COMMITTED;
					progress(plan, label, true, committed ? "done" : "failed",
							committed ? notices(computed) : "rolled back: nothing of the run was stored", phases);
				}

			});
			long writing = System.nanoTime();
			String currency = this.company.currency();
			long runId = this.records.insertRun(row.id(), closing, result.hash(), result.total(), currency, watermark);
			Map<String, Long> steps = new LinkedHashMap<>();
			long step = System.nanoTime();
			post(plan, closing, runId, result, currency);
			step = lap(steps, "ledger", step);
			// inserted in batches as they are encoded, not held until the last one is
			// done:
			// at ten million partners a run's segments are gigabytes (ADR 0035)
			long[] stored = new long[2];
			lineSegments.drain(SEGMENTS_PER_INSERT, (batch) -> {
				this.records.insertLineSegments(runId, batch);
				stored[0] += batch.size();
				for (LineSegments.Segment segment : batch) {
					stored[1] += segment.data().length;
				}
			});
			step = lap(steps, "lines", step);
			this.records.insertResultSegments(runId, resultSegments.join());
			this.records.insertSkippedEvents(runId, computation.skippedEvents(label));
			lap(steps, "results", step);
			if (logger.isDebugEnabled()) {
				logger.debug("Wrote {} {} in {} ms; {} line segments of {} bytes", plan, label, steps, stored[0],
						stored[1]);
			}
			phases.put("write", (System.nanoTime() - writing) / 1_000_000);
			if (this.genealogy.refresh() != genealogyBefore) {
				throw new GenealogyChangedMeanwhile();
			}
			logger.info("Closed {} {}: {} lines, total {} {}, hash {}, phases {} ms", plan, label,
					result.lines().size(), result.total().toPlainString(), currency, result.hash(), phases);
			return result;
		}
		finally {
			lineSegments.abandon();
			resultSegments.abandon();
		}
	}

	/** Tasks that hand out results made already. */
	private static <T> SegmentTasks.Prepared<T> all(List<T> made) {
		return new SegmentTasks.Prepared<>() {

			@Override
			public int count() {
				return made.size();
			}

			@Override
			public T task(int index) {
				return made.get(index);
			}

		};
	}

	private static long lap(Map<String, Long> steps, String name, long since) {
		long now = System.nanoTime();
		steps.put(name, (now - since) / 1_000_000);
		return now;
	}

	private void post(String plan, Period period, long runId, RunResult result, String currency) {
		// booked on the period's last microsecond, so that it belongs to the period by
		// date
		JournalTransaction.Builder posting = JournalTransaction.builder("commission-run:" + plan + ":" + period.label(),
				"Provisionslauf " + plan + " " + period.label(), period.end().minusNanos(1_000), runId);
		// each partner's sum in cents, credited in the order of partner numbers
		CommissionLineList lines = result.lines();
		long[] cents = new long[lines.partnerKeyLimit()];
		for (int i = 0; i < lines.size(); i++) {
			int key = lines.partnerKey(i);
			cents[key] = Math.addExact(cents[key], lines.amountCents(i));
		}
		long total = 0;
		for (int key : lines.partnerKeysByNumber()) {
			if (cents[key] != 0) {
				posting.credit(Ledger.payableAccount(lines.partnerOfKey(key)), BigDecimal.valueOf(cents[key], 2),
						currency);
				total = Math.addExact(total, cents[key]);
			}
		}
		if (!posting.isEmpty()) {
			posting.debit(Ledger.COMMISSION_EXPENSE, BigDecimal.valueOf(total, 2), currency);
			if (this.ledger.post(posting.build()).isEmpty()) {
				throw new IllegalStateException("The ledger holds a posting of " + plan + " " + period.label()
						+ " already, but the period was open; nothing is stored");
			}
		}
	}

	@Override
	public Optional<RunResult> closed(String plan, String period) {
		PlanRow row = plan(plan, false);
		PeriodCalendar calendar = calendar(row);
		return this.records.run(row.id(), calendar.canonical(period)).map((run) -> stored(row, calendar, run));
	}

	private RunResult stored(PlanRow row, PeriodCalendar calendar, RunRow run) {
		CommissionLineList lines = this.records.lines(run.id(), null);
		List<PartnerResult> results = this.records.results(run.id());
		return new RunResult(new Period(row.plan().name(), run.period(), run.start(), run.end(), true), true, lines,
				results, run.total().setScale(2), run.hash());
	}

	@Override
	public List<Period> periods(String plan) {
		PlanRow row = plan(plan, false);
		PeriodCalendar calendar = calendar(row);
		List<RunRow> runs = this.records.runs(row.id());
		String last = calendar.labelOf(this.clock.instant());
		String firstOpen = runs.isEmpty() ? row.plan().firstPeriod()
				: calendar.next(runs.get(runs.size() - 1).period());
		if (firstOpen.compareTo(last) > 0) {
			last = firstOpen;
		}
		List<Period> periods = new ArrayList<>();
		for (String label = row.plan().firstPeriod(); label.compareTo(last) <= 0; label = calendar.next(label)) {
			periods.add(period(row, calendar, label, label.compareTo(firstOpen) < 0));
		}
		return periods;
	}

	@Override
	public List<CommissionLine> commissions(PartnerNumber partner, String plan, String period) {
		PlanRow row = plan(plan, false);
		return this.records.run(row.id(), calendar(row).canonical(period))
			.<List<CommissionLine>>map((run) -> this.records.lines(run.id(), partner))
			.orElse(List.of());
	}

	@Override
	public List<CareerStep> careerHistory(PartnerNumber partner, String plan) {
		PlanRow row = plan(plan, false);
		return this.records.career(row.id(), partner)
			.stream()
			.map((step) -> new CareerStep(new Period(plan, step.period(), step.start(), step.end(), true),
					step.result()))
			.toList();
	}

	@Override
	public List<RunProgress> running() {
		return List.copyOf(this.running.values());
	}

	private Computed tracked(String plan, String period, boolean closing, Supplier<Computed> computation) {
		this.running.remove(key(plan, period));
		progress(plan, period, closing, "computing", null, Map.of());
		try {
			Computed computed = computation.get();
			if (!computed.outcome().beforeFirstVersion().isEmpty()) {
				logger.warn(
						"{} {}: {} paid orders are dated before the plan's first version and earn nothing in it: {}",
						plan, period, computed.outcome().beforeFirstVersion().size(),
						computed.outcome().beforeFirstVersion());
			}
			if (!computed.unassignable().isEmpty()) {
				logger.warn("{} {}: {} orders are credited to partners the genealogy does not know and wait: {}", plan,
						period, computed.unassignable().size(), computed.unassignable());
			}
			if (!closing) {
				progress(plan, period, false, "done", notices(computed),
						Map.of("load", computed.loadMillis(), "compute", computed.computeMillis()));
			}
			return computed;
		}
		catch (RuntimeException ex) {
			// stays visible as failed until the next attempt at the same period
			progress(plan, period, closing, "failed", ex.getMessage(), Map.of());
			throw ex;
		}
	}

	private void progress(String plan, String period, boolean closing, String phase, String message,
			Map<String, Long> phases) {
		RunProgress before = this.running.get(key(plan, period));
		Instant started = (before != null) ? before.startedAt() : this.clock.instant();
		this.running.put(key(plan, period), new RunProgress(plan, period, closing, phase, started, message, phases));
	}

	/**
	 * Names what a computation passed over: orders of partners the genealogy does not
	 * know (they wait) and orders dated before the plan's first version (they earn
	 * nothing in it).
	 */
	private static String notices(Computed computed) {
		List<String> notices = new ArrayList<>();
		if (!computed.unassignable().isEmpty()) {
			notices.add(computed.unassignable().size() + " orders wait for a partner the genealogy does not know: "
					+ String.join(", ", computed.unassignable().stream().limit(20).toList()));
		}
		Set<String> early = computed.outcome().beforeFirstVersion();
		if (!early.isEmpty()) {
			notices.add(early.size() + " paid orders are dated before the plan's first version and earn nothing in it: "
					+ String.join(", ", early.stream().limit(20).toList()));
		}
		return notices.isEmpty() ? null : String.join("; ", notices);
	}

	/** Rolls a close back because the genealogy changed while it computed. */
	private static final class GenealogyChangedMeanwhile extends RuntimeException {

		GenealogyChangedMeanwhile() {
			super("The genealogy changed while the period was being closed", null, false, false);
		}

	}

	private static String key(String plan, String period) {
		return plan + "\u0000" + period;
	}

	private static RunResult result(Period period, boolean closed, Computed computed) {
		CommissionLineList lines = computed.outcome().lines();
		return new RunResult(period, closed, lines, computed.results(), lines.total(), computed.awaitHash());
	}

	private PlanRow plan(String plan, boolean lock) {
		return this.records.plan(plan, lock)
			.orElseThrow(() -> new InvalidPlanException("plan: there is no plan named '" + plan + "'"));
	}

	private PeriodCalendar calendar(PlanRow row) {
		return new PeriodCalendar(row.plan().periodLength(), this.company.timeZone());
	}

	private static Period period(PlanRow row, PeriodCalendar calendar, String label, boolean closed) {
		return new Period(row.plan().name(), label, calendar.start(label), calendar.end(label), closed);
	}

}
