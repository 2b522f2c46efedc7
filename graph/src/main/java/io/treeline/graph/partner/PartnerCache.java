package io.treeline.graph.partner;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.treeline.cypher.CypherStatements;
import io.treeline.graph.GenealogyChanged;
import io.treeline.graph.Partner;
import io.treeline.graph.PartnerNumber;
import io.treeline.graph.snapshot.GenealogyClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The partners in memory, kept per version of the genealogy clock like the genealogy
 * snapshots (ADR 15): every change of a partner node (enrolment, termination, the
 * organisation loader) is a genealogy change and advances the clock, which records the
 * partners it touched (ADR 21). When a change commits on this node, or a check finds
 * another version in Neo4j (a change on another node, at most once per
 * {@code treeline.genealogy.cache-check}), the partners the changes touched are dropped
 * and read again when asked for; everything is dropped after a bulk import. So a read on
 * another node is at most one check interval old, as the trees are, and a downline page
 * reads no partner from Neo4j.
 * <p>
 * A new version starts empty: partners read by number are added as they are read, and a
 * background task reads all partners in pages of {@value #FILL_PAGE} (unless there are
 * more than the cache holds), stopping when the version is dropped; a version caught up
 * from one whose fill had not finished goes on where that fill stopped. Reads inside a
 * transaction bypass the cache: a change validates against what Neo4j holds and sees what
 * it wrote itself, and the cache never holds what an open transaction has not committed.
 * At most {@code treeline.genealogy.cached-partners} partners are kept (default
 * {@value #DEFAULT_CAPACITY}), each packed into one byte array ({@link PackedPartner});
 * when full, the cache starts again empty. A company larger than that is not filled, so
 * its pages read most partners from Neo4j (ADR 32).
 */
@Component
class PartnerCache implements DisposableBean {

	/**
	 * Partners kept at most unless set otherwise: about 130 bytes of heap each (the
	 * packed partner and its slots), some 1.3 GB at ten million (ADR 32). A company of
	 * that size is held whole; a larger one keeps the partners read most recently.
	 */
	static final int DEFAULT_CAPACITY = 10_000_000;

	/** Partners per query of the background fill. */
	static final int FILL_PAGE = 10_000;

	private static final Logger logger = LoggerFactory.getLogger(PartnerCache.class);

	/** Above this many partners changed since the kept version, it starts again empty. */
	private static final int MAX_CAUGHT_UP = 100_000;

	private static final String COUNT_ALL = CypherStatements.load("partner/countAll");

	private static final String LIST = CypherStatements.load("partner/list");

	private final Neo4jClient neo4j;

	private final GenealogyClock clock;

	private final long checkNanos;

	private final int capacity;

	private final Executor filling;

	private final int fillPage;

	private final Object checking = new Object();

	/**
	 * The partners kept; {@code null} until the clock is read, and after a change here.
	 */
	private volatile Generation generation;

	@Autowired
	PartnerCache(Neo4jClient neo4j, GenealogyClock clock,
			@Value("${treeline.genealogy.cache-check:PT1S}") Duration cacheCheck,
			@Value("${treeline.genealogy.cached-partners:" + DEFAULT_CAPACITY + "}") int capacity) {
		this(neo4j, clock, cacheCheck, capacity, Executors.newSingleThreadExecutor((task) -> {
			Thread thread = new Thread(task, "partner-cache-fill");
			thread.setDaemon(true);
			return thread;
		}));
	}

	/**
	 * A cache with its own limits, for tests.
	 * @param neo4j where partners are read
	 * @param clock the genealogy clock
	 * @param cacheCheck how often the clock is read
	 * @param capacity partners kept at most
	 * @param filling where a new version is filled with all partners; {@code null}: it is
	 * not, partners are kept only as they are read
	 */
	PartnerCache(Neo4jClient neo4j, GenealogyClock clock, Duration cacheCheck, int capacity, Executor filling) {
		this(neo4j, clock, cacheCheck, capacity, filling, FILL_PAGE);
	}

	/**
	 * A cache with its own limits and fill pages, for tests.
	 * @param neo4j where partners are read
	 * @param clock the genealogy clock
	 * @param cacheCheck how often the clock is read
	 * @param capacity partners kept at most
	 * @param filling where a new version is filled with all partners; {@code null}: it is
	 * not, partners are kept only as they are read
	 * @param fillPage partners per query of the fill
	 */
	PartnerCache(Neo4jClient neo4j, GenealogyClock clock, Duration cacheCheck, int capacity, Executor filling,
			int fillPage) {
		this.neo4j = neo4j;
		this.clock = clock;
		this.checkNanos = cacheCheck.toNanos();
		this.capacity = capacity;
		this.filling = filling;
		this.fillPage = fillPage;
	}

	/**
	 * Returns the partners kept for the clock version in Neo4j, after reading the clock
	 * if the last check is older than the interval or a change on this node dropped them.
	 * Checks run one at a time, so an older reading never replaces a newer one.
	 * @return the partners kept, or {@code null} inside a transaction, where nothing is
	 * served from or added to the cache
	 */
	Generation current() {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			return null;
		}
		Generation seen = this.generation;
		if (seen != null && !seen.stale && !seen.due(this.checkNanos)) {
			return seen;
		}
		synchronized (this.checking) {
			seen = this.generation;
			if (seen != null && !seen.stale && !seen.due(this.checkNanos)) {
				return seen;
			}
			long checked = System.nanoTime();
			long version = this.clock.read();
			boolean created = seen == null || seen.version != version;
			if (seen == null) {
				seen = new Generation(version, this.capacity);
			}
			else if (seen.version != version) {
				Generation caughtUp = caughtUp(seen, version);
				seen = (caughtUp != null) ? caughtUp : new Generation(version, this.capacity);
			}
			seen.checkedAt = checked;
			seen.stale = false;
			this.generation = seen;
			// a caught-up version whose fill had not finished goes on from where it
			// stopped
			if (created && !seen.filled && this.filling != null) {
				Generation filling = seen;
				this.filling.execute(() -> fill(filling));
			}
			return seen;
		}
	}

	/**
	 * Returns the partners kept at a later version: a copy without the partners the
	 * changes in between touched (they are read again when asked for), or {@code null} if
	 * the changes are not all recorded, named everything or touched too many (ADR 21). A
	 * copy, so that a read that began before the change cannot put an old partner back.
	 */
	private Generation caughtUp(Generation seen, long version) {
		Set<String> touched = this.clock.touched(seen.version, version, MAX_CAUGHT_UP).orElse(null);
		if (touched == null) {
			return null;
		}
		// read before the copy: a page the fill puts after this reading is read again by
		// the fill of the copy, never lost
		String filledUpTo = seen.filledUpTo;
		boolean filled = seen.filled;
		Generation caughtUp = new Generation(version, this.capacity, seen.partners.without(touched));
		caughtUp.filledUpTo = filledUpTo;
		caughtUp.filled = filled;
		return caughtUp;
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void changed(GenealogyChanged change) {
		// after a check that read the clock before this commit, so that the next read
		// checks again
		synchronized (this.checking) {
			Generation seen = this.generation;
			if (seen != null) {
				seen.stale = true;
			}
		}
	}

	@Override
	public void destroy() {
		if (this.filling instanceof ExecutorService service) {
			service.shutdownNow();
		}
	}

	/**
	 * Reads all partners into a version, page by page in number order, while it is the
	 * current one, from where the fill of the version it was caught up from stopped.
	 * Partners read by number meanwhile stay as they are: both were read after the
	 * version's clock reading.
	 */
	private void fill(Generation filled) {
		try {
			long started = System.nanoTime();
			String resumed = filled.filledUpTo;
			long count = this.neo4j.query(COUNT_ALL)
				.fetchAs(Long.class)
				.mappedBy((types, row) -> row.get("count").asLong())
				.one()
				.orElse(0L);
			if (count > this.capacity) {
				logger.info("The genealogy has {} partners, more than the partner cache keeps ({}): partners are "
						+ "read from Neo4j as they are asked for", count, this.capacity);
				filled.filled = true;
				return;
			}
			String after = resumed;
			long read = 0;
			List<Partner> page;
			do {
				if (this.generation != filled) {
					return;
				}
				page = List.copyOf(this.neo4j.query(LIST)
					.bindAll(Map.of("after", (after != null) ? after : "", "offset", 0, "limit", this.fillPage))
					.fetchAs(Partner.class)
					.mappedBy((types, row) -> PartnerNodes.partner(row.get("partner").asMap()))
					.all());
				page.forEach(filled::putIfAbsent);
				read += page.size();
				if (!page.isEmpty()) {
					after = page.get(page.size() - 1).number().value();
					filled.filledUpTo = after;
				}
			}
			while (page.size() == this.fillPage);
			filled.filled = true;
			// at INFO: pages asked for meanwhile may read partners from Neo4j, and the
			// benchmark waits for this line before it measures them
			logger.info("Read {} partners into the cache in {} ms{}", read, (System.nanoTime() - started) / 1_000_000,
					(resumed != null) ? ", going on after partner " + resumed + " where a change had stopped the fill"
							: "");
		}
		catch (RuntimeException ex) {
			// partners are read by number as before; the next version tries again
			logger.warn("Reading all partners into the cache failed", ex);
		}
	}

	/**
	 * The partners read at one version of the genealogy clock, packed (see
	 * {@link PackedPartner}) in a {@link PartnerTable}.
	 */
	static final class Generation {

		private final long version;

		private final int capacity;

		private final PartnerTable partners;

		private volatile long checkedAt;

		/** Whether a change committed on this node since the check. */
		private volatile boolean stale;

		/**
		 * The last partner a fill read into this version or the one it was caught up
		 * from, {@code null} before the first page.
		 */
		private volatile String filledUpTo;

		/**
		 * Whether a fill has read all partners (or found more than the cache keeps) into
		 * this version or the one it was caught up from.
		 */
		private volatile boolean filled;

		private Generation(long version, int capacity) {
			this(version, capacity, new PartnerTable());
		}

		private Generation(long version, int capacity, PartnerTable partners) {
			this.version = version;
			this.capacity = capacity;
			this.partners = partners;
		}

		Partner get(PartnerNumber number) {
			byte[] packed = this.partners.get(number.value());
			return (packed != null) ? PackedPartner.unpack(packed) : null;
		}

		void put(Partner partner) {
			if (this.partners.size() >= this.capacity) {
				this.partners.clear();
			}
			this.partners.put(PackedPartner.pack(partner), true);
		}

		private void putIfAbsent(Partner partner) {
			if (this.partners.size() < this.capacity) {
				this.partners.put(PackedPartner.pack(partner), false);
			}
		}

		/** How many partners are kept. */
		int size() {
			return this.partners.size();
		}

		private boolean due(long intervalNanos) {
			return System.nanoTime() - this.checkedAt >= intervalNanos;
		}

	}

}
