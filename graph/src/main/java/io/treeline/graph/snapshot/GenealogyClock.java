package io.treeline.graph.snapshot;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

import io.treeline.cypher.CypherStatements;
import io.treeline.graph.GenealogyChanged;
import org.neo4j.driver.Value;

import org.springframework.context.event.EventListener;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * The genealogy clock: one node in Neo4j whose version counts the genealogy changes.
 * Every change increments it in its own transaction, so Neo4j, not any application node,
 * knows whether a cached tree is still current: a node whose trees were read at another
 * version reads them again (ADR 15).
 */
@Component
public class GenealogyClock {

	static final String NAME = "genealogy";

	private static final String ADVANCE = CypherStatements.load("clock/advance");

	private static final String READ = CypherStatements.load("clock/read");

	private static final String CHANGES = CypherStatements.load("clock/changes");

	/**
	 * How many versions the records of changes go back: a node further behind reads its
	 * trees again.
	 */
	static final long KEPT_CHANGES = 10_000;

	private final Neo4jClient neo4j;

	GenealogyClock(Neo4jClient neo4j) {
		this.neo4j = neo4j;
	}

	/**
	 * Counts a change. {@link GenealogyChanged} is published inside the Neo4j transaction
	 * of the change, and a plain listener runs in the publisher's thread, so the
	 * increment commits or rolls back with the change; a failing increment fails the
	 * change.
	 * @param change the change
	 */
	@EventListener
	void advance(GenealogyChanged change) {
		this.neo4j.query(ADVANCE)
			.bindAll(Map.of("name", NAME, "changed", List.copyOf(change.changed()), "added",
					List.copyOf(change.added()), "everything", change.everything(), "kept", KEPT_CHANGES))
			.run();
	}

	/**
	 * Returns the recorded changes after one version up to another, oldest first; fewer
	 * than the difference when older ones are no longer kept.
	 * @param since the version the caller's trees are at
	 * @param until the version to bring them to
	 * @return the changes
	 */
	public List<Change> changes(long since, long until) {
		return List
			.copyOf(this.neo4j.query(CHANGES)
				.bindAll(Map.of("since", since, "until", until))
				.fetchAs(Change.class)
				.mappedBy((types, row) -> new Change(row.get("version").asLong(),
						row.get("changed").asList(Value::asString), row.get("added").asList(Value::asString),
						row.get("everything").asBoolean()))
				.all());
	}

	/**
	 * Returns the partners the changes after one version up to another touched, for a
	 * cache to catch up with them (ADR 21); empty when that is not possible: a change is
	 * no longer recorded, one touched everything, or they touched more than a limit.
	 * @param since the version the caller's cache is at
	 * @param until the version to bring it to
	 * @param most the most partners the caller catches up with
	 * @return the partners' numbers, sorted
	 */
	public Optional<SortedSet<String>> touched(long since, long until, int most) {
		List<Change> changes = changes(since, until);
		if (changes.size() != until - since || changes.stream().anyMatch(Change::everything)) {
			return Optional.empty();
		}
		SortedSet<String> touched = new TreeSet<>();
		changes.forEach((change) -> touched.addAll(change.changed()));
		return (touched.size() <= most) ? Optional.of(touched) : Optional.empty();
	}

	/**
	 * One recorded change.
	 *
	 * @param version the clock's version it made
	 * @param changed partners whose status or edges as the child changed
	 * @param added partners it created
	 * @param everything whether it touched too much to name
	 */
	public record Change(long version, List<String> changed, List<String> added, boolean everything) {
	}

	/**
	 * Returns the version as the current transaction sees it.
	 * @return the number of changes, {@code 0} before the first
	 */
	public long read() {
		return this.neo4j.query(READ)
			.bind(NAME)
			.to("name")
			.fetchAs(Long.class)
			.mappedBy((types, row) -> row.get("version").asLong())
			.one()
			.orElse(0L);
	}

}
