package io.treeline.graph.snapshot;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntPredicate;
import java.util.function.Supplier;

import io.treeline.cypher.CypherStatements;
import io.treeline.graph.DownlinePage;
import io.treeline.graph.DownlineQuery;
import io.treeline.graph.Genealogy;
import io.treeline.graph.GenealogyChanged;
import io.treeline.graph.GenealogySnapshot;
import io.treeline.graph.PartnerNumber;
import io.treeline.graph.PartnerStatus;
import io.treeline.graph.Relative;
import io.treeline.graph.TeamStats;
import io.treeline.graph.Tree;
import io.treeline.graph.UnknownPartnerException;
import io.treeline.graph.partner.SearchText;
import io.treeline.graph.store.GraphStoreConfiguration;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link Genealogy} answered from snapshots: the edge history of a tree is read from
 * Neo4j once (a flat stream, never a path), snapshots are built from it in memory, and
 * both are cached until the genealogy changes. All instants between two edge boundaries
 * share one snapshot, so "now" stays cached until the next change.
 * <p>
 * The cache belongs to one version of the {@link GenealogyClock}. It is dropped when a
 * change commits on this node, and when a check finds another version in Neo4j (a change
 * on another node): at most once per {@code treeline.genealogy.cache-check}, and at once
 * on {@link #refresh()}. Trees and the clock are read in a transaction of their own, so
 * the cache never holds what an open transaction has not committed.
 */
@Component
class CypherGenealogy implements Genealogy {

	private static final Logger logger = LoggerFactory.getLogger(CypherGenealogy.class);

	private static final int CACHED_SNAPSHOTS = 16;

	private static final String PARTNERS = CypherStatements.load("genealogy/partners");

	private static final String SPONSOR_EDGES = CypherStatements.load("genealogy/sponsorEdges");

	private static final String PLACEMENT_EDGES = CypherStatements.load("genealogy/placementEdges");

	private static final String PLACEMENT_PLANS = CypherStatements.load("genealogy/placementPlans");

	private static final String CHANGED_PARTNERS = CypherStatements.load("genealogy/changedPartners");

	private static final String CHANGED_EDGES = CypherStatements.load("genealogy/changedEdges");

	private static final String NAMES = CypherStatements.load("genealogy/names");

	/**
	 * Above this many partners touched since the cache's version, it reads everything
	 * again.
	 */
	private static final int MAX_PATCHED_PARTNERS = 100_000;

	private static final String SEARCH_NUMBERS = CypherStatements.load("genealogy/searchNumbers");

	private static final int MAX_SEARCH_MATCHES = 100_000;

	private final Neo4jClient neo4j;

	private final Driver driver;

	private final GenealogyClock clock;

	private final TransactionTemplate committed;

	private final long checkNanos;

	private final Object checking = new Object();

	private final AtomicLong treeReads = new AtomicLong();

	/**
	 * How many partners the cached snapshots may hold together (about 40 bytes each); the
	 * snapshot used last is kept even when it alone holds more.
	 */
	private final long cachedPartners;

	/**
	 * The cache; {@code null} until the clock is read, and after a change on this node.
	 */
	private volatile Generation generation;

	CypherGenealogy(Neo4jClient neo4j, Driver driver, GenealogyClock clock,
			@Qualifier(GraphStoreConfiguration.TRANSACTION_MANAGER) PlatformTransactionManager transactionManager,
			@Value("${treeline.genealogy.cache-check:PT1S}") Duration cacheCheck,
			@Value("${treeline.genealogy.cached-snapshot-partners:20000000}") long cachedPartners) {
		this.cachedPartners = cachedPartners;
		this.neo4j = neo4j;
		this.driver = driver;
		this.clock = clock;
		this.committed = new TransactionTemplate(transactionManager);
		this.committed.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.checkNanos = cacheCheck.toNanos();
	}

	@Override
	public GenealogySnapshot snapshot(Tree tree, Instant asOf) {
		Generation current = current(false);
		TreeHistory history = history(current, tree);
		SnapshotKey key = new SnapshotKey(tree, history.stretch(asOf));
		GenealogySnapshot cached = current.cached(key);
		if (cached != null) {
			return cached;
		}
		GenealogySnapshot built = history.at(asOf);
		current.cache(key, built, this.cachedPartners);
		return built;
	}

	/**
	 * Returns the snapshot of a tree at an instant if it is cached, else {@code null}:
	 * for questions about one partner, which the history answers without building one.
	 */
	private GenealogySnapshot cachedSnapshot(Generation current, TreeHistory history, Instant asOf) {
		return current.cached(new SnapshotKey(history.tree(), history.stretch(asOf)));
	}

	private TreeHistory history(Generation current, Tree tree) {
		return current.histories.computeIfAbsent(tree, (key) -> load(current, key));
	}

	@Override
	public long refresh() {
		return current(true).version;
	}

	@Override
	public List<String> placementPlans() {
		Generation current = current(false);
		List<String> plans = current.placementPlans;
		if (plans == null) {
			plans = this.committed.execute((status) -> List.copyOf(this.neo4j.query(PLACEMENT_PLANS)
				.fetchAs(String.class)
				.mappedBy((types, row) -> row.get("plan").asString())
				.all()));
			current.placementPlans = plans;
		}
		return plans;
	}

	@Override
	public List<Relative> upline(PartnerNumber partner, Tree tree, Instant asOf) {
		Asked asked = asked(partner, tree, asOf);
		if (asked.snapshot() != null) {
			return asked.relatives(asked.snapshot().upline(asked.id()), true);
		}
		return asked.relatives(asked.history().upline(asked.id(), asOf), true);
	}

	/**
	 * Answers from the snapshot at the instant if it is cached, else from the partner's
	 * edges down in the edge history: no tree is built for it.
	 */
	@Override
	public List<Relative> children(PartnerNumber partner, Tree tree, Instant asOf) {
		Asked asked = asked(partner, tree, asOf);
		if (asked.snapshot() != null) {
			return asked.relatives(asked.snapshot().children(asked.id()), false);
		}
		return asked.relatives(asked.history().children(asked.id(), asOf), false);
	}

	/**
	 * Answers from the snapshot at the instant if it is cached, else from the edge
	 * history: from its team blocks for a partner high in a large tree, else by walking
	 * the partner's downline. A date not asked before costs the team or the partners who
	 * ever changed, whichever is less, not a whole tree.
	 */
	@Override
	public TeamStats teamStats(PartnerNumber partner, Tree tree, Instant asOf) {
		Asked asked = asked(partner, tree, asOf);
		return (asked.snapshot() != null) ? asked.snapshot().teamStats(asked.id())
				: asked.history().teamStats(asked.id(), asOf);
	}

	@Override
	public void prepareTeamStats(Tree tree) {
		history(current(false), tree).blocks();
	}

	@Override
	public DownlinePage downline(DownlineQuery query) {
		GenealogySnapshot snapshot = snapshot(query.tree(), query.asOf());
		int maxLevel = (query.maxLevel() != null) ? query.maxLevel() : Integer.MAX_VALUE;
		IntPredicate accept = query.statuses().isEmpty() ? GenealogySnapshot.EVERYONE
				: (member) -> query.statuses().contains(snapshot.status(member));
		String fullText = SearchText.toQuery(query.search());
		if (fullText != null) {
			BitSet matching = new BitSet(snapshot.size());
			this.neo4j.query(SEARCH_NUMBERS)
				.bindAll(Map.of("query", fullText, "limit", MAX_SEARCH_MATCHES))
				.fetchAs(String.class)
				.mappedBy((types, row) -> row.get("number").asString())
				.all()
				.forEach((number) -> snapshot.id(PartnerNumber.of(number)).ifPresent(matching::set));
			accept = accept.and(matching::get);
		}
		return snapshot.downline(idOf(snapshot, query.partner()), query.minLevel(), maxLevel, accept, query.order(),
				query.after(), query.first());
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void changed(GenealogyChanged change) {
		// after a check that read the clock before this commit, so that the next question
		// checks again
		synchronized (this.checking) {
			Generation seen = this.generation;
			if (seen != null) {
				seen.stale = true;
			}
		}
	}

	/**
	 * Returns the cache, after reading the clock if asked to, if the last check is older
	 * than the interval, or if a change committed on this node since. A cache behind the
	 * clock is brought up to date with the partners the changes touched (ADR 21), or read
	 * again if that is not possible. Checks run one at a time, so an older reading never
	 * replaces a newer one.
	 */
	private Generation current(boolean checkNow) {
		Generation seen = this.generation;
		if (!checkNow && seen != null && !seen.stale && !seen.due(this.checkNanos)) {
			return seen;
		}
		synchronized (this.checking) {
			seen = this.generation;
			if (!checkNow && seen != null && !seen.stale && !seen.due(this.checkNanos)) {
				return seen;
			}
			long checked = System.nanoTime();
			long version = this.committed.execute((status) -> this.clock.read());
			if (seen == null) {
				seen = new Generation(version);
			}
			else if (seen.version != version) {
				seen = caughtUp(seen, version);
			}
			seen.checkedAt = checked;
			seen.stale = false;
			this.generation = seen;
			return seen;
		}
	}

	/**
	 * Returns the cache at a later version: the cached trees with the partners the
	 * changes in between touched read again, or an empty cache if the changes are not all
	 * recorded, named everything, or touched too many partners.
	 */
	private Generation caughtUp(Generation seen, long version) {
		Generation next = new Generation(version);
		GenealogySnapshot.Directory directory = seen.directory;
		if (directory == null) {
			return next;
		}
		long started = System.nanoTime();
		Generation patched = this.committed.execute((status) -> {
			Set<String> touched = this.clock.touched(seen.version, version, MAX_PATCHED_PARTNERS).orElse(null);
			if (touched == null) {
				return null;
			}
			List<String> numbers = List.copyOf(touched);
			List<DirectoryChange.Row> rows = this.neo4j.query(CHANGED_PARTNERS)
				.bind(numbers)
				.to("numbers")
				.fetchAs(DirectoryChange.Row.class)
				.mappedBy((types, row) -> new DirectoryChange.Row(row.get("number").asString(),
						PartnerStatus.valueOf(row.get("status").asString()),
						name(row.get("lastName").asString(null), row.get("firstName").asString(null)),
						TreeHistory.nanos(row.get("joinedAt").asZonedDateTime().toInstant())))
				.all()
				.stream()
				.toList();
			GenealogySnapshot.Directory changed = DirectoryChange.apply(directory, rows, this::nameOf);
			if (changed == null) {
				return null;
			}
			BitSet ids = new BitSet(changed.size());
			numbers.forEach((number) -> {
				int id = changed.id(number);
				if (id >= 0) {
					ids.set(id);
				}
			});
			Map<Tree, TreeHistory.Edges> edges = new HashMap<>();
			seen.histories.keySet().forEach((tree) -> edges.put(tree, new TreeHistory.Edges(16)));
			Set<String> plans = new TreeSet<>();
			this.neo4j.query(CHANGED_EDGES).bind(numbers).to("numbers").fetch().all().forEach((row) -> {
				String plan = (String) row.get("plan");
				if (plan != null) {
					plans.add(plan);
				}
				TreeHistory.Edges ofTree = edges.get((plan != null) ? Tree.placement(plan) : Tree.SPONSOR);
				int child = changed.id((String) row.get("partner"));
				int parent = changed.id((String) row.get("parent"));
				if (ofTree != null && child >= 0 && parent >= 0) {
					ofTree.add(child, parent, (String) row.get("position"),
							((ZonedDateTime) row.get("validFrom")).toInstant(),
							(row.get("validTo") != null) ? ((ZonedDateTime) row.get("validTo")).toInstant() : null);
				}
			});
			next.directory = changed;
			seen.histories
				.forEach((tree, history) -> next.histories.put(tree, history.patched(changed, ids, edges.get(tree))));
			List<String> knownPlans = seen.placementPlans;
			if (knownPlans != null && knownPlans.containsAll(plans)) {
				next.placementPlans = knownPlans;
			}
			logger.debug("Brought the cached genealogy from version {} to {} ({} partners read again) in {} ms",
					seen.version, version, touched.size(), (System.nanoTime() - started) / 1_000_000);
			return next;
		});
		if (patched == null) {
			logger.debug("The genealogy is at version {} in Neo4j, the cache at {}: reading the trees again", version,
					seen.version);
			return new Generation(version);
		}
		return patched;
	}

	/**
	 * Returns how many times a whole tree was read from Neo4j: for tests that check that
	 * a change did not make this node read it again.
	 * @return the count since start
	 */
	long treeReads() {
		return this.treeReads.get();
	}

	private String nameOf(String number) {
		return this.neo4j.query(NAMES)
			.bind(List.of(number))
			.to("numbers")
			.fetchAs(String.class)
			.mappedBy((types, row) -> name(row.get("lastName").asString(null), row.get("firstName").asString(null)))
			.one()
			.orElse("");
	}

	private static String name(String lastName, String firstName) {
		return Objects.toString(lastName, "") + "\u0000" + Objects.toString(firstName, "");
	}

	private static int idOf(GenealogySnapshot snapshot, PartnerNumber partner) {
		return snapshot.id(partner).orElseThrow(() -> new UnknownPartnerException(partner));
	}

	private static int idOf(GenealogySnapshot.Directory directory, PartnerNumber partner) {
		int id = directory.id(partner.value());
		if (id < 0) {
			throw new UnknownPartnerException(partner);
		}
		return id;
	}

	/**
	 * Reads the edge history of a tree, and the directory of partners first if this cache
	 * has none yet (one directory serves every tree), streaming the rows through the
	 * driver in one read transaction: a million rows are never held as row objects. Edges
	 * of partners created after the directory was read are left out: the cache is then
	 * behind the clock, and the next check brings it up to date.
	 */
	private TreeHistory load(Generation current, Tree tree) {
		try (Session session = this.driver.session()) {
			return session.executeRead((tx) -> read(tx, current, tree));
		}
	}

	private TreeHistory read(TransactionContext tx, Generation current, Tree tree) {
		long started = System.nanoTime();
		this.treeReads.incrementAndGet();
		GenealogySnapshot.Directory directory = current.directory(() -> readDirectory(tx));
		Map<String, Integer> ids = new HashMap<>(directory.size() * 2);
		for (int id = 0; id < directory.size(); id++) {
			ids.put(directory.number(id), id);
		}
		Result rows = switch (tree) {
			case Tree.Sponsor sponsor -> tx.run(SPONSOR_EDGES);
			case Tree.Placement placement -> tx.run(PLACEMENT_EDGES, Map.of("plan", placement.plan()));
		};
		TreeHistory.Edges edges = new TreeHistory.Edges(directory.size());
		while (rows.hasNext()) {
			Record row = rows.next();
			Integer child = ids.get(row.get("partner").asString());
			Integer parent = ids.get(row.get("parent").asString());
			if (child == null || parent == null) {
				current.stale = true;
				continue;
			}
			edges.add(child, parent, row.get("position").asString(null),
					row.get("validFrom").asZonedDateTime().toInstant(),
					row.get("validTo").isNull() ? null : row.get("validTo").asZonedDateTime().toInstant());
		}
		TreeHistory history = edges.history(tree, directory);
		logger.debug("Read the history of the {} ({} partners, {} edges) in {} ms", tree, directory.size(),
				edges.count(), (System.nanoTime() - started) / 1_000_000);
		return history;
	}

	private static GenealogySnapshot.Directory readDirectory(TransactionContext tx) {
		List<String> numbers = new ArrayList<>();
		List<PartnerStatus> statuses = new ArrayList<>();
		List<String> names = new ArrayList<>();
		long[] joined = new long[1024];
		Result rows = tx.run(PARTNERS);
		while (rows.hasNext()) {
			Record row = rows.next();
			if (numbers.size() == joined.length) {
				joined = Arrays.copyOf(joined, joined.length * 2);
			}
			joined[numbers.size()] = TreeHistory.nanos(row.get("joinedAt").asZonedDateTime().toInstant());
			numbers.add(row.get("number").asString());
			statuses.add(PartnerStatus.valueOf(row.get("status").asString()));
			names.add(name(row.get("lastName").asString(null), row.get("firstName").asString(null)));
		}
		return new GenealogySnapshot.Directory(numbers.toArray(String[]::new), statuses.toArray(PartnerStatus[]::new),
				Arrays.copyOf(joined, numbers.size()), DirectoryChange.nameRanks(names.toArray(String[]::new)));
	}

	/**
	 * Finds what a question about one partner at an instant is answered from: the tree's
	 * history, the partner's id in it, and the snapshot at the instant if it is cached.
	 */
	private Asked asked(PartnerNumber partner, Tree tree, Instant asOf) {
		Generation current = current(false);
		TreeHistory history = history(current, tree);
		return new Asked(history, idOf(history.directory(), partner), cachedSnapshot(current, history, asOf));
	}

	private record Asked(TreeHistory history, int id, GenealogySnapshot snapshot) {

		/**
		 * Returns partners made as they are read, from the cached snapshot's ids (whose
		 * sides it knows) or the history's pairs of id and side code.
		 * @param found ids from the snapshot, else {@code [id, side, id, side, ...]}
		 * @param levels whether they are levels up (1, 2, ...) rather than all level 1
		 */
		List<Relative> relatives(int[] found, boolean levels) {
			if (this.snapshot != null) {
				return new MappedList<>(found.length, (i) -> new Relative(this.snapshot.number(found[i]),
						levels ? i + 1 : 1, this.snapshot.side(found[i])));
			}
			return new MappedList<>(found.length / 2, (i) -> new Relative(this.history.number(found[2 * i]),
					levels ? i + 1 : 1, GenealogySnapshot.leg((byte) found[2 * i + 1])));
		}

	}

	private record SnapshotKey(Tree tree, int stretch) {
	}

	/** What was read from Neo4j at one version of the genealogy clock. */
	private static final class Generation {

		private final long version;

		private final Map<Tree, TreeHistory> histories = new ConcurrentHashMap<>();

		/** Snapshots in the order of use, the one used last at the end. */
		private final LinkedHashMap<SnapshotKey, GenealogySnapshot> snapshots = new LinkedHashMap<>(16, 0.75f, true);

		private long snapshotPartners;

		private volatile List<String> placementPlans;

		private volatile GenealogySnapshot.Directory directory;

		private volatile long checkedAt;

		/**
		 * Whether a change committed since the check, or the trees hold partners newer
		 * than it.
		 */
		private volatile boolean stale;

		Generation(long version) {
			this.version = version;
		}

		GenealogySnapshot.Directory directory(Supplier<GenealogySnapshot.Directory> read) {
			GenealogySnapshot.Directory known = this.directory;
			if (known == null) {
				synchronized (this) {
					known = this.directory;
					if (known == null) {
						known = read.get();
						this.directory = known;
					}
				}
			}
			return known;
		}

		GenealogySnapshot cached(SnapshotKey key) {
			synchronized (this.snapshots) {
				return this.snapshots.get(key);
			}
		}

		/**
		 * Caches a snapshot, dropping those used longest ago while there are more than
		 * {@link #CACHED_SNAPSHOTS} or they hold more than the budget of partners.
		 */
		void cache(SnapshotKey key, GenealogySnapshot snapshot, long budget) {
			synchronized (this.snapshots) {
				GenealogySnapshot replaced = this.snapshots.put(key, snapshot);
				this.snapshotPartners += snapshot.size() - ((replaced != null) ? replaced.size() : 0);
				Iterator<GenealogySnapshot> eldest = this.snapshots.values().iterator();
				while (this.snapshots.size() > 1
						&& (this.snapshots.size() > CACHED_SNAPSHOTS || this.snapshotPartners > budget)) {
					this.snapshotPartners -= eldest.next().size();
					eldest.remove();
				}
			}
		}

		boolean due(long checkNanos) {
			return System.nanoTime() - this.checkedAt >= checkNanos;
		}

	}

}
