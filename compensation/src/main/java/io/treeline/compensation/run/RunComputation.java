package io.treeline.compensation.run;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ObjIntConsumer;

import io.treeline.compensation.CommissionLine;
import io.treeline.compensation.CommissionLineList;
import io.treeline.compensation.PartnerResult;
import io.treeline.compensation.PlanType;
import io.treeline.compensation.calculation.PeriodCalculation;
import io.treeline.compensation.calculation.PeriodCalculation.Conditions.Version;
import io.treeline.compensation.calculation.PeriodCalculation.Outcome;
import io.treeline.compensation.calculation.PartnerResults;
import io.treeline.compensation.calculation.PeriodState;
import io.treeline.compensation.calculation.Population;
import io.treeline.compensation.calculation.Reversals;
import io.treeline.compensation.calculation.Sale;
import io.treeline.compensation.calculation.Sales;
import io.treeline.compensation.calculation.TreeAt;
import io.treeline.compensation.period.PeriodCalendar;
import io.treeline.compensation.plan.PlanDocument;
import io.treeline.compensation.plan.PlanRules;
import io.treeline.compensation.run.JdbcRunRecords.PlanRow;
import io.treeline.compensation.run.JdbcRunRecords.RunRow;
import io.treeline.compensation.run.JdbcRunRecords.SaleRow;
import io.treeline.compensation.run.JdbcRunRecords.VersionRow;
import io.treeline.graph.Genealogy;
import io.treeline.graph.GenealogySnapshot;
import io.treeline.graph.Tree;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One computation of a plan's period: gathers what {@link PeriodCalculation} needs from
 * the stores (sales of the period, closed results and lines, the versions, the trees as
 * of every order date) and computes earlier open periods on the way where an order's
 * conditions or a carry need them. Used once and thrown away.
 */
final class RunComputation implements PeriodCalculation.Conditions {

	private static final Logger logger = LoggerFactory.getLogger(RunComputation.class);

	/**
	 * Hashes the lines of computations while they are computed: one daemon thread, shared
	 * by all computations.
	 */
	private static final Executor HASHER = Background.thread("close-hash");

	private final PlanRow plan;

	private final PeriodCalendar calendar;

	private final JdbcRunRecords records;

	private final Genealogy genealogy;

	private final List<VersionInForce> versions = new ArrayList<>();

	private final Map<String, RunRow> closedRuns = new HashMap<>();

	/** The ids of the closed runs: only their lines are reversed. */
	private final Set<Long> closedRunIds = new HashSet<>();

	/** The lines of returned orders read beside a period's events, by period. */
	private final Map<String, ReadAhead<JdbcRunRecords.OrderLines>> returnsAhead = new HashMap<>();

	private final String firstOpen;

	private final Map<String, PeriodState> states = new HashMap<>();

	private final Map<String, List<Sale>> salesByPeriod = new HashMap<>();

	private final Stretches sponsorTrees = new Stretches();

	private final Stretches placementTrees = new Stretches();

	private final Map<String, List<CommissionLine>> closedLines = new HashMap<>();

	/** The lines of the open periods computed so far, by period. */
	private final Map<String, CommissionLineList> openLines = new HashMap<>();

	/**
	 * The order-based lines that earlier open periods computed for the orders returned in
	 * the period being computed: reversed like closed lines.
	 */
	private Map<String, List<CommissionLine>> earlierOpenLines = Map.of();

	private Population population;

	private long loadNanos;

	/** The load's time by what was loaded, for the debug log. */
	private final Map<String, Long> loadParts = new LinkedHashMap<>();

	private final Set<String> unassignable = new TreeSet<>();

	private final Map<String, List<Long>> skippedEvents = new HashMap<>();

	private final RunRow lastClosed;

	private final long upToEvent;

	/**
	 * Prepares a computation.
	 * @param plan the plan
	 * @param zone the company's time zone
	 * @param records the stores
	 * @param genealogy the trees
	 * @param upToEvent the greatest order event id to read: a close's watermark, or
	 * {@link Long#MAX_VALUE} for a preview
	 */
	RunComputation(PlanRow plan, ZoneId zone, JdbcRunRecords records, Genealogy genealogy, long upToEvent) {
		this.plan = plan;
		this.upToEvent = upToEvent;
		this.calendar = new PeriodCalendar(plan.plan().periodLength(), zone);
		this.records = records;
		this.genealogy = genealogy;
		for (VersionRow row : records.versions(plan.id())) {
			this.versions.add(new VersionInForce(row.version(), row.effectiveFrom(),
					PlanDocument.read(row.document(), plan.plan().type()), zone));
		}
		RunRow last = null;
		for (RunRow run : records.runs(plan.id())) {
			this.closedRuns.put(run.period(), run);
			this.closedRunIds.add(run.id());
			last = run;
		}
		this.lastClosed = last;
		this.firstOpen = (last != null) ? this.calendar.next(last.period()) : this.plan.plan().firstPeriod();
	}

	/**
	 * Returns the orders the computation passed over because the genealogy does not know
	 * their partner.
	 * @return order numbers with the partner in brackets
	 */
	Set<String> unassignable() {
		return this.unassignable;
	}

	/**
	 * Returns the closed run of a period, as read when the computation was made.
	 * @param period the label
	 * @return the run, empty while the period is open
	 */
	Optional<RunRow> closedRun(String period) {
		return Optional.ofNullable(this.closedRuns.get(period));
	}

	/**
	 * Returns the order events of a computed period passed over because the genealogy
	 * does not know their partner: they stay for a later run.
	 * @param period the label
	 * @return event ids
	 */
	List<Long> skippedEvents(String period) {
		return this.skippedEvents.getOrDefault(period, List.of());
	}

	String firstOpen() {
		return this.firstOpen;
	}

	PeriodCalendar calendar() {
		return this.calendar;
	}

	/**
	 * Computes an open period.
	 * @param period the label
	 * @return the outcome and the sales it commissioned
	 */
	Computed compute(String period) {
		long started = System.nanoTime();
		Instant end = this.calendar.end(period);
		long loading = System.nanoTime();
		GenealogySnapshot everyone = this.genealogy.snapshot(Tree.SPONSOR, end);
		loaded("sponsor tree of the period end", loading);
		String[] numbers = new String[everyone.size()];
		for (int id = 0; id < numbers.length; id++) {
			numbers[id] = everyone.numberValue(id);
		}
		this.population = new Population(numbers);
		Hashing hashing = new Hashing();
		Outcome outcome = outcome(period, hashing::part);
		List<PartnerResult> results = results(outcome.state());
		CompletableFuture<String> hash = hashing.finish(results);
		// what only the computation needed goes before the run is hashed, encoded and
		// written: the sales, trees and earlier states (ADR 0023)
		this.salesByPeriod.clear();
		this.sponsorTrees.clear();
		this.placementTrees.clear();
		this.states.clear();
		this.openLines.clear();
		this.closedLines.clear();
		this.earlierOpenLines = Map.of();
		long total = System.nanoTime() - started;
		if (logger.isDebugEnabled()) {
			Map<String, Long> millis = new LinkedHashMap<>();
			this.loadParts.forEach((part, nanos) -> millis.put(part, nanos / 1_000_000));
			logger.debug("Loaded {} of plan {} in {} ms: {}", period, this.plan.plan().name(),
					this.loadNanos / 1_000_000, millis);
		}
		return new Computed(outcome, results, hash, this.loadNanos / 1_000_000, (total - this.loadNanos) / 1_000_000,
				Set.copyOf(this.unassignable));
	}

	private Outcome outcome(String period) {
		return outcome(period, null);
	}

	private void loaded(String part, long since) {
		long nanos = System.nanoTime() - since;
		this.loadNanos += nanos;
		this.loadParts.merge(part, nanos, Long::sum);
	}

	/**
	 * Computes a period, earlier open ones first.
	 * @param period the label
	 * @param parts receives the period's lines in parts while they are computed, or
	 * {@code null}
	 */
	private Outcome outcome(String period, Consumer<CommissionLineList> parts) {
		Instant start = this.calendar.start(period);
		Instant end = this.calendar.end(period);
		Version version = versionAt(start);
		if (version == null) {
			version = new Version(this.versions.get(0).number(), this.versions.get(0).rules());
		}
		// every earlier open period is computed first (their lines are reversed like
		// closed ones)
		PeriodState previous = previousState(period);
		List<Sale> sales = salesOf(period);
		preloadClosedLines(period, sales);
		Outcome outcome = PeriodCalculation.compute(period, start, end, version.number(), version.rules(), sales,
				previous, this.population, this, parts);
		this.states.put(period, outcome.state());
		this.openLines.put(period, outcome.lines());
		return outcome;
	}

	private PeriodState previousState(String period) {
		if (period.equals(this.plan.plan().firstPeriod())) {
			return PeriodState.empty(this.population.size(), this.versions.get(0).rules());
		}
		return state(this.calendar.previous(period));
	}

	private PeriodState state(String period) {
		PeriodState known = this.states.get(period);
		if (known != null) {
			return known;
		}
		if (period.compareTo(this.plan.plan().firstPeriod()) < 0) {
			return PeriodState.empty(this.population.size(), this.versions.get(0).rules());
		}
		RunRow closed = this.closedRuns.get(period);
		long loading = System.nanoTime();
		PeriodState state = (closed != null) ? closedState(closed) : null;
		loaded("closed state", loading);
		state = (state != null) ? state : outcome(period).state();
		this.states.put(period, state);
		return state;
	}

	private PeriodState closedState(RunRow run) {
		Version version = versionAt(run.start());
		PlanRules rules = (version != null) ? version.rules() : this.versions.get(0).rules();
		int size = this.population.size();
		PeriodState state = PeriodState.empty(size, rules);
		state = new PeriodState(run.period(), (version != null) ? version.number() : 0, rules, state.pv(), state.gv(),
				state.active(), state.achieved().clone(), state.paidAs().clone(), state.highest().clone(),
				state.carryLeft(), state.carryRight());
		PeriodState filled = state;
		Map<String, Integer> ranks = new HashMap<>();
		// results come sorted by partner number, and a population made from a snapshot
		// has its ids in that order: the id after the last one found is tried first
		int[] next = { 0 };
		this.records.results(run.id(), (partner, pv, gv, active, achieved, paidAs, highest, carryLeft, carryRight) -> {
			int id = this.population.id(partner, next[0]);
			if (id < 0) {
				return;
			}
			next[0] = id + 1;
			filled.pv()[id] = pv;
			filled.gv()[id] = gv;
			filled.active()[id] = active;
			filled.achieved()[id] = rank(rules, achieved, ranks);
			filled.paidAs()[id] = rank(rules, paidAs, ranks);
			filled.highest()[id] = rank(rules, highest, ranks);
			filled.carryLeft()[id] = carryLeft;
			filled.carryRight()[id] = carryRight;
		});
		return state;
	}

	private static int rank(PlanRules rules, String name, Map<String, Integer> known) {
		if (name == null) {
			return -1;
		}
		return known.computeIfAbsent(name, (rank) -> rules.career().indexOf(rank).orElse(-1));
	}

	private List<Sale> salesOf(String period) {
		List<Sale> known = this.salesByPeriod.get(period);
		if (known != null) {
			return known;
		}
		long loading = System.nanoTime();
		List<Sale> loaded = this.salesByPeriod.computeIfAbsent(period, (label) -> {
			Instant from = label.equals(this.firstOpen) ? null : this.calendar.start(label);
			if (!this.closedRuns.isEmpty()) {
				// read beside the events, on another connection (ADR 0045)
				this.returnsAhead.put(label, this.records.linesOfReturnsAhead(this.plan.id(), this.closedRunIds,
						this.calendar.start(label), this.calendar.end(label)));
			}
			Sales.Builder sales = Sales.builder();
			List<Long> skipped = new ArrayList<>();
			// in batches, whose partners are looked up together (ADR 0040)
			SaleBatch batch = new SaleBatch((row, partner) -> {
				if (partner < 0) {
					// not commissioned and not consumed: it waits for its partner, and
					// the run status names it
					this.unassignable.add(row.orderNumber() + " (" + row.partner() + ")");
					skipped.add(row.eventId());
					return;
				}
				sales.add(row.eventId(), row.orderNumber(), partner, row.orderedAtMicros(), row.occurredAtMicros(),
						row.returned(), row.pv(), row.bv(), row.fraction(), row.completes());
			});
			this.records.sales(this.lastClosed, from, this.calendar.end(label), this.upToEvent, batch::add);
			batch.flush();
			skipped.sort(null);
			this.skippedEvents.put(label, skipped);
			// the rows come unsorted, and are read while PostgreSQL still reads them; in
			// columns, sorted in the order the calculation commissions them (ADR 0038)
			return sales.build();
		});
		loaded("events", loading);
		return loaded;
	}

	private void preloadClosedLines(String period, List<Sale> sales) {
		long loading = System.nanoTime();
		Set<String> returned = new LinkedHashSet<>();
		for (Sale sale : sales) {
			if (sale.returned() && !this.closedLines.containsKey(sale.orderNumber())) {
				returned.add(sale.orderNumber());
			}
		}
		for (String order : returned) {
			this.closedLines.put(order, new ArrayList<>());
		}
		// the read ahead took the returns recorded when it began, in the period: an
		// order it did not read (a return recorded since, or dated before the period and
		// recorded after the last close) is read here, an order it read that is not
		// reversed now is passed over; an order's lines come from one read or the other
		ReadAhead<JdbcRunRecords.OrderLines> ahead = this.returnsAhead.remove(period);
		JdbcRunRecords.OrderLines readAhead = (ahead != null) ? ahead.claim() : null;
		Function<Set<String>, List<CommissionLine>> read = (orders) -> this.records.linesOfOrders(this.plan.id(),
				this.closedRunIds, orders);
		List<CommissionLine> reversed = (readAhead != null) ? readAhead.linesOf(returned, read) : read.apply(returned);
		for (CommissionLine line : reversed) {
			if (line.component().orderBased()) {
				this.closedLines.get(line.orderNumber()).add(line);
			}
		}
		loaded("storno lines", loading);
		Set<String> returnedNow = new HashSet<>();
		for (Sale sale : sales) {
			if (sale.returned()) {
				returnedNow.add(sale.orderNumber());
			}
		}
		Map<String, List<CommissionLine>> earlier = new HashMap<>();
		if (!returnedNow.isEmpty()) {
			for (CommissionLineList lines : this.openLines.values()) {
				for (int i = 0; i < lines.size(); i++) {
					String order = lines.orderNumber(i);
					if (order != null && lines.component(i).orderBased() && returnedNow.contains(order)) {
						earlier.computeIfAbsent(order, (key) -> new ArrayList<>()).add(lines.get(i));
					}
				}
			}
		}
		this.earlierOpenLines = earlier;
	}

	private List<CommissionLine> linesBefore(String orderNumber) {
		List<CommissionLine> open = this.earlierOpenLines.getOrDefault(orderNumber, List.of());
		List<CommissionLine> closed = this.closedLines.getOrDefault(orderNumber, List.of());
		if (open.isEmpty()) {
			return closed;
		}
		List<CommissionLine> all = new ArrayList<>(closed);
		all.addAll(open);
		return all;
	}

	@Override
	public TreeAt sponsorTree(Instant at) {
		return this.sponsorTrees.at(Tree.SPONSOR, at);
	}

	@Override
	public TreeAt placementTree(Instant at) {
		PlanType type = this.plan.plan().type();
		if (type != PlanType.BINARY && type != PlanType.MATRIX) {
			return null;
		}
		return this.placementTrees.at(Tree.placement(this.plan.plan().name()), at);
	}

	/**
	 * Translates a snapshot into the population's ids.
	 */
	private TreeAt translated(GenealogySnapshot snapshot) {
		int size = this.population.size();
		int[] toPopulation = new int[snapshot.size()];
		for (int id = 0; id < snapshot.size(); id++) {
			// snapshots of one tree share their partners' ids, and the population has
			// the ids of a sponsor tree's snapshot: the same id is tried before the table
			toPopulation[id] = this.population.id(snapshot.numberValue(id), id);
		}
		int[] parent = new int[size];
		byte[] side = new byte[size];
		long[] joinedAt = new long[size];
		Arrays.fill(parent, TreeAt.NONE);
		int[] preorder = new int[size];
		int visited = 0;
		for (int index = 0; index < snapshot.size(); index++) {
			int id = snapshot.atPreorder(index);
			int member = toPopulation[id];
			if (member < 0) {
				continue;
			}
			preorder[visited++] = member;
			int p = snapshot.parent(id);
			parent[member] = (p != GenealogySnapshot.NONE) ? toPopulation[p] : TreeAt.NONE;
			side[member] = (byte) ((snapshot.side(id) == null) ? 0 : snapshot.side(id).ordinal() + 1);
			joinedAt[member] = TreeAt.nanos(snapshot.joinedAt(id));
		}
		return new TreeAt(snapshot.asOf(), parent, side, Arrays.copyOf(preorder, visited), joinedAt);
	}

	@Override
	public Version versionAt(Instant at) {
		// a version is in force from the first instant of its day in the company's zone
		Version found = null;
		for (VersionInForce version : this.versions) {
			if (!at.isBefore(version.from())) {
				found = version.version();
			}
		}
		return found;
	}

	@Override
	public PeriodState stateAt(Instant at) {
		return state(this.calendar.labelOf(at));
	}

	@Override
	public List<CommissionLine> closedOriginals(String orderNumber) {
		return linesBefore(orderNumber).stream().filter((line) -> !line.reversal()).toList();
	}

	@Override
	public Map<Reversals.LineKey, Reversals.Reversed> closedReversals(String orderNumber) {
		Map<Reversals.LineKey, Reversals.Reversed> reversed = new HashMap<>();
		for (CommissionLine line : linesBefore(orderNumber)) {
			if (line.reversal()) {
				reversed.merge(Reversals.LineKey.of(line), new Reversals.Reversed(line.amount(), line.base()),
						(a, b) -> new Reversals.Reversed(a.amount().add(b.amount()), a.base().add(b.base())));
			}
		}
		return reversed;
	}

	private List<PartnerResult> results(PeriodState state) {
		return PartnerResults.of(this.population, state);
	}

	/**
	 * The trees of one kind that the computation has met, each with the stretch of
	 * history it holds for (between two changes of the genealogy): an order date is
	 * looked up among a few stretches, the one used last first, not by its instant in a
	 * map of millions of instants, and the genealogy is asked only for a stretch not met
	 * yet.
	 */
	private final class Stretches {

		/** The trees by the first instant of their stretch. */
		private final TreeMap<Instant, Stretch> byStart = new TreeMap<>();

		private Stretch last;

		TreeAt at(Tree tree, Instant at) {
			Stretch known = this.last;
			if (known == null || !known.holds(at)) {
				Map.Entry<Instant, Stretch> before = this.byStart.floorEntry(at);
				known = (before != null && before.getValue().holds(at)) ? before.getValue() : load(tree, at);
				this.last = known;
			}
			return known.tree();
		}

		private Stretch load(Tree tree, Instant at) {
			long loading = System.nanoTime();
			GenealogySnapshot snapshot = RunComputation.this.genealogy.snapshot(tree, at);
			Stretch loaded = new Stretch(snapshot.validFrom(), snapshot.validThrough(), translated(snapshot));
			this.byStart.put(loaded.from(), loaded);
			RunComputation.this.loaded("trees of order dates", loading);
			return loaded;
		}

		void clear() {
			this.byStart.clear();
			this.last = null;
		}

	}

	/**
	 * A tree and the instants it holds for.
	 *
	 * @param from the first instant
	 * @param through the last instant
	 * @param tree the tree in the population's ids
	 */
	private record Stretch(Instant from, Instant through, TreeAt tree) {

		boolean holds(Instant at) {
			return !at.isBefore(this.from) && !at.isAfter(this.through);
		}

	}

	private record VersionInForce(int number, LocalDate effectiveFrom, PlanRules rules, Instant from, Version version) {

		VersionInForce(int number, LocalDate effectiveFrom, PlanRules rules, ZoneId zone) {
			this(number, effectiveFrom, rules, effectiveFrom.atStartOfDay(zone).toInstant(),
					new Version(number, rules));
		}

	}

	/**
	 * Hashes the lines of the period a computation is for on another thread while they
	 * are computed, part after part, and then the results ({@link RunHash.Streaming}):
	 * the computation takes one core, and the hash (some two seconds at a million
	 * partners) came after it on a close's critical path (ADR 0029). A failed part fails
	 * the hash.
	 */
	private static final class Hashing {

		private final RunHash.Streaming hash = new RunHash.Streaming();

		private CompletableFuture<Void> hashed = CompletableFuture.completedFuture(null);

		/** Time the hash's thread spent on this hash; used on that thread only. */
		private long nanos;

		void part(CommissionLineList part) {
			this.hashed = this.hashed.thenRunAsync(() -> timed(() -> this.hash.lines(part)), HASHER);
		}

		CompletableFuture<String> finish(List<PartnerResult> results) {
			return this.hashed.thenApplyAsync((nothing) -> {
				long started = System.nanoTime();
				String hex = this.hash.finish(results);
				this.nanos += System.nanoTime() - started;
				logger.debug("Hashed the lines and results in {} ms on the hash's thread", this.nanos / 1_000_000);
				return hex;
			}, HASHER);
		}

		private void timed(Runnable step) {
			long started = System.nanoTime();
			step.run();
			this.nanos += System.nanoTime() - started;
		}

	}

	/**
	 * A computed period.
	 *
	 * @param outcome state and lines
	 * @param results what each partner reached
	 * @param hash the result hash of lines and results ({@link RunHash}), when it is done
	 * @param loadMillis time spent reading the stores and translating trees
	 * @param computeMillis time spent computing
	 * @param unassignable orders passed over because their partner is unknown
	 */
	record Computed(Outcome outcome, List<PartnerResult> results, CompletableFuture<String> hash, long loadMillis,
			long computeMillis, Set<String> unassignable) {

		/**
		 * Waits for the hash.
		 * @return the result hash
		 */
		String awaitHash() {
			return Background.join(this.hash);
		}

	}

	/**
	 * Event rows gathered until their partners are looked up together
	 * ({@link Population#ids}).
	 */
	private final class SaleBatch {

		private static final int SIZE = 1024;

		private final SaleRow[] rows = new SaleRow[SIZE];

		private final String[] numbers = new String[SIZE];

		private final int[] partners = new int[SIZE];

		/** Takes each row, in order, with its partner's id ({@code -1} for none). */
		private final ObjIntConsumer<SaleRow> receiver;

		private int count;

		SaleBatch(ObjIntConsumer<SaleRow> receiver) {
			this.receiver = receiver;
		}

		void add(SaleRow row) {
			this.rows[this.count] = row;
			this.numbers[this.count++] = row.partner();
			if (this.count == SIZE) {
				flush();
			}
		}

		void flush() {
			RunComputation.this.population.ids(this.numbers, this.count, this.partners);
			for (int i = 0; i < this.count; i++) {
				this.receiver.accept(this.rows[i], this.partners[i]);
			}
			this.count = 0;
		}

	}

}
