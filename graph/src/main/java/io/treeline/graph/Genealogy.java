package io.treeline.graph;

import java.time.Instant;
import java.util.List;

/**
 * Questions about the trees "as of" an instant, answered from an in-memory snapshot of
 * the tree at that instant, never by variable-length path queries, so a chain of any
 * depth answers in time proportional to the answer.
 * <p>
 * Snapshots are cached. A change made through this application node is seen by the next
 * question after it commits; a change made through another node sharing the database is
 * seen once this node checks the genealogy's version in Neo4j again, at most
 * {@code treeline.genealogy.cache-check} (default one second) later, or at once after
 * {@link #refresh()}.
 */
public interface Genealogy {

	/**
	 * Returns the tree as it was at an instant.
	 * @param tree the sponsor tree or a placement tree
	 * @param asOf the instant
	 * @return the snapshot, built from the edges valid at {@code asOf}
	 */
	GenealogySnapshot snapshot(Tree tree, Instant asOf);

	/**
	 * Checks now, instead of at the next interval, whether the genealogy changed in Neo4j
	 * since this node read its cached trees, on this node or any other, and forgets them
	 * if it did. Code that validates or computes on the trees calls it first.
	 * @return the genealogy's version: how many changes Neo4j has committed; equal
	 * versions mean an unchanged genealogy
	 */
	long refresh();

	/**
	 * Returns the plans that have a placement tree.
	 * @return plan names in alphabetical order
	 */
	List<String> placementPlans();

	/**
	 * Returns the upline of a partner, nearest first, up to the root.
	 * @param partner the partner
	 * @param tree the tree
	 * @param asOf the instant
	 * @return everyone above the partner with their level: an unmodifiable list that
	 * looks up each partner's number when it is read, so that a page of a deep upline
	 * costs the walk up, not the whole list
	 * @throws UnknownPartnerException if no partner has that number
	 */
	List<Relative> upline(PartnerNumber partner, Tree tree, Instant asOf);

	/**
	 * Returns the direct partners of a partner (its frontline).
	 * @param partner the partner
	 * @param tree the tree
	 * @param asOf the instant
	 * @return the partners directly below, each at level 1 with its side: LEFT before
	 * RIGHT in a placement tree, else in number order
	 * @throws UnknownPartnerException if no partner has that number
	 */
	List<Relative> children(PartnerNumber partner, Tree tree, Instant asOf);

	/**
	 * Returns the size and shape of a partner's downline.
	 * @param partner the partner
	 * @param tree the tree
	 * @param asOf the instant
	 * @return the statistics
	 * @throws UnknownPartnerException if no partner has that number
	 */
	TeamStats teamStats(PartnerNumber partner, Tree tree, Instant asOf);

	/**
	 * Readies a tree for questions about large teams as of any instant: builds the index
	 * that answers them without walking the team, which otherwise starts in the
	 * background after the first question about a large team. Returns when it is built.
	 * @param tree the tree
	 */
	void prepareTeamStats(Tree tree);

	/**
	 * Returns a page of a partner's downline.
	 * @param query partner, tree, instant, level range and page
	 * @return the page
	 * @throws UnknownPartnerException if no partner has that number
	 */
	DownlinePage downline(DownlineQuery query);

}
