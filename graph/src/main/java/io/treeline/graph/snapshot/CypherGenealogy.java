package io.treeline.graph.snapshot;

import java.text.CollationKey;
import java.text.Collator;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntPredicate;

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

	private static final String SEARCH_NUMBERS = CypherStatements.load("genealogy/searchNumbers");

	private static final int MAX_SEARCH_MATCHES = 100_000;

	private final Neo4jClient neo4j;

	private final GenealogyClock clock;

	private final TransactionTemplate committed;

	private final long checkNanos;

	private final Object checking = new Object();

	/**
	 * The cache; {@code null} until the clock is read, and after a change on this node.
	 */
	private volatile Generation generation;

	CypherGenealogy(Neo4jClient neo4j, GenealogyClock clock,
			@Qualifier(GraphStoreConfiguration.TRANSACTION_MANAGER) PlatformTransactionManager transactionManager,
			@Value("${treeline.genealogy.cache-check:PT1S}") Duration cacheCheck) {
		this.neo4j = neo4j;
		this.clock = clock;
		this.committed = new TransactionTemplate(transactionManager);
		this.committed.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.checkNanos = cacheCheck.toNanos();
	}

	@Override
	public GenealogySnapshot snapshot(Tree tree, Instant asOf) {
		Generation current = current(false);
		TreeHistory history = current.histories.computeIfAbsent(tree, this::load);
		SnapshotKey key = new SnapshotKey(tree, history.stretch(asOf));
		GenealogySnapshot cached = current.cached(key);
		if (cached != null) {
			return cached;
		}
		GenealogySnapshot built = history.at(asOf);
		synchronized (current.snapshots) {
			current.snapshots.put(key, built);
		}
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
		return current.histories.computeIfAbsent(tree, this::load);
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
		Generation current = current(false);
		TreeHistory history = history(current, tree);
		int id = idOf(history.directory(), partner);
		GenealogySnapshot snapshot = cachedSnapshot(current, history, asOf);
		if (snapshot != null) {
			int[] upline = snapshot.upline(id);
			List<Relative> relatives = new ArrayList<>(upline.length);
			for (int level = 0; level < upline.length; level++) {
				relatives.add(new Relative(snapshot.number(upline[level]), level + 1, snapshot.side(upline[level])));
			}
			return relatives;
		}
		int[] upline = history.upline(id, asOf);
		List<Relative> relatives = new ArrayList<>(upline.length / 2);
		for (int i = 0; i < upline.length; i += 2) {
			relatives
				.add(new Relative(history.number(upline[i]), i / 2 + 1, GenealogySnapshot.leg((byte) upline[i + 1])));
		}
		return relatives;
	}

	/**
	 * Answers from the snapshot at the instant if it is cached, else by walking the
	 * partner's downline in the edge history: a date not asked before costs the team, not
	 * a whole tree.
	 */
	@Override
	public TeamStats teamStats(PartnerNumber partner, Tree tree, Instant asOf) {
		Generation current = current(false);
		TreeHistory history = history(current, tree);
		int id = idOf(history.directory(), partner);
		GenealogySnapshot snapshot = cachedSnapshot(current, history, asOf);
		return (snapshot != null) ? snapshot.teamStats(id) : history.teamStats(id, asOf);
	}

	@Override
	public DownlinePage downline(DownlineQuery query) {
		GenealogySnapshot snapshot = snapshot(query.tree(), query.asOf());
		int maxLevel = (query.maxLevel() != null) ? query.maxLevel() : Integer.MAX_VALUE;
		IntPredicate accept = (member) -> query.statuses().isEmpty()
				|| query.statuses().contains(snapshot.status(member));
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
	void forget(GenealogyChanged change) {
		// after a check that read the clock before this commit, so that it cannot put
		// back what it found
		synchronized (this.checking) {
			this.generation = null;
		}
	}

	/**
	 * Returns the cache, after reading the clock if asked to, if the last check is older
	 * than the interval, or if a change on this node dropped the cache. Checks run one at
	 * a time, so an older reading never replaces a newer one.
	 */
	private Generation current(boolean checkNow) {
		Generation seen = this.generation;
		if (!checkNow && seen != null && !seen.due(this.checkNanos)) {
			return seen;
		}
		synchronized (this.checking) {
			seen = this.generation;
			if (!checkNow && seen != null && !seen.due(this.checkNanos)) {
				return seen;
			}
			long checked = System.nanoTime();
			long version = this.committed.execute((status) -> this.clock.read());
			if (seen == null || seen.version != version) {
				if (seen != null) {
					logger.debug("The genealogy is at version {} in Neo4j, the cache at {}: reading the trees again",
							version, seen.version);
				}
				seen = new Generation(version);
			}
			seen.checkedAt = checked;
			this.generation = seen;
			return seen;
		}
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

	private TreeHistory load(Tree tree) {
		return this.committed.execute((status) -> read(tree));
	}

	private TreeHistory read(Tree tree) {
		long started = System.nanoTime();
		List<String> numbers = new ArrayList<>();
		List<PartnerStatus> statuses = new ArrayList<>();
		List<String> names = new ArrayList<>();
		List<Long> joined = new ArrayList<>();
		this.neo4j.query(PARTNERS).fetch().all().forEach((row) -> {
			numbers.add((String) row.get("number"));
			statuses.add(PartnerStatus.valueOf((String) row.get("status")));
			names
				.add(Objects.toString(row.get("lastName"), "") + "\u0000" + Objects.toString(row.get("firstName"), ""));
			joined.add(TreeHistory.nanos(((ZonedDateTime) row.get("joinedAt")).toInstant()));
		});
		Map<String, Integer> ids = new HashMap<>(numbers.size() * 2);
		for (int id = 0; id < numbers.size(); id++) {
			ids.put(numbers.get(id), id);
		}
		var query = switch (tree) {
			case Tree.Sponsor sponsor -> this.neo4j.query(SPONSOR_EDGES);
			case Tree.Placement placement -> this.neo4j.query(PLACEMENT_EDGES).bind(placement.plan()).to("plan");
		};
		Edges edges = new Edges();
		query.fetch()
			.all()
			.forEach((row) -> edges.add(ids.get((String) row.get("partner")), ids.get((String) row.get("parent")),
					(String) row.get("position"), (ZonedDateTime) row.get("validFrom"),
					(ZonedDateTime) row.get("validTo")));
		GenealogySnapshot.Directory directory = new GenealogySnapshot.Directory(numbers.toArray(String[]::new),
				statuses.toArray(PartnerStatus[]::new), joined.stream().mapToLong(Long::longValue).toArray(),
				nameRanks(names));
		TreeHistory history = new TreeHistory(tree, directory, Arrays.copyOf(edges.child, edges.count),
				Arrays.copyOf(edges.parent, edges.count), Arrays.copyOf(edges.side, edges.count),
				Arrays.copyOf(edges.from, edges.count), Arrays.copyOf(edges.to, edges.count));
		logger.debug("Read the history of the {} ({} partners, {} edges) in {} ms", tree, numbers.size(), edges.count,
				(System.nanoTime() - started) / 1_000_000);
		return history;
	}

	/** Each partner's place in the order of names (German collation, ties by number). */
	private static int[] nameRanks(List<String> names) {
		Collator collator = Collator.getInstance(Locale.GERMANY);
		CollationKey[] keys = names.stream().map(collator::getCollationKey).toArray(CollationKey[]::new);
		Integer[] byName = new Integer[names.size()];
		Arrays.setAll(byName, (id) -> id);
		Arrays.sort(byName, (a, b) -> {
			int compared = keys[a].compareTo(keys[b]);
			return (compared != 0) ? compared : Integer.compare(a, b);
		});
		int[] ranks = new int[names.size()];
		for (int rank = 0; rank < byName.length; rank++) {
			ranks[byName[rank]] = rank;
		}
		return ranks;
	}

	private record SnapshotKey(Tree tree, int stretch) {
	}

	/** What was read from Neo4j at one version of the genealogy clock. */
	private static final class Generation {

		private final long version;

		private final Map<Tree, TreeHistory> histories = new ConcurrentHashMap<>();

		private final Map<SnapshotKey, GenealogySnapshot> snapshots = new LinkedHashMap<>(16, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<SnapshotKey, GenealogySnapshot> eldest) {
				return size() > CACHED_SNAPSHOTS;
			}

		};

		private volatile List<String> placementPlans;

		private volatile long checkedAt;

		Generation(long version) {
			this.version = version;
		}

		GenealogySnapshot cached(SnapshotKey key) {
			synchronized (this.snapshots) {
				return this.snapshots.get(key);
			}
		}

		boolean due(long checkNanos) {
			return System.nanoTime() - this.checkedAt >= checkNanos;
		}

	}

	/** Growing arrays of edges while they stream in. */
	private static final class Edges {

		private int count;

		private int[] child = new int[1024];

		private int[] parent = new int[1024];

		private byte[] side = new byte[1024];

		private long[] from = new long[1024];

		private long[] to = new long[1024];

		void add(int childId, int parentId, String position, ZonedDateTime validFrom, ZonedDateTime validTo) {
			if (this.count == this.child.length) {
				int capacity = this.count * 2;
				this.child = Arrays.copyOf(this.child, capacity);
				this.parent = Arrays.copyOf(this.parent, capacity);
				this.side = Arrays.copyOf(this.side, capacity);
				this.from = Arrays.copyOf(this.from, capacity);
				this.to = Arrays.copyOf(this.to, capacity);
			}
			this.child[this.count] = childId;
			this.parent[this.count] = parentId;
			this.side[this.count] = switch ((position != null) ? position : "") {
				case "LEFT" -> 1;
				case "RIGHT" -> 2;
				default -> 0;
			};
			this.from[this.count] = TreeHistory.nanos(validFrom.toInstant());
			this.to[this.count] = TreeHistory.nanos((validTo != null) ? validTo.toInstant() : null);
			this.count++;
		}

	}

}
