package io.treeline.graph;

import java.time.Instant;
import java.util.List;

/**
 * Holding tanks of binary plans: partners enrolled with {@link PlacementRule.HoldingTank}
 * wait unplaced until their sponsor places them ({@link TreeChanges#place}) or the
 * deadline passes and the fallback rule places them, dated at the deadline.
 */
public interface HoldingTanks {

	/**
	 * Returns the partners waiting in a sponsor's holding tank.
	 * @param sponsor the sponsor
	 * @param plan the binary plan
	 * @return waiting partners, earliest deadline first
	 */
	List<WaitingPartner> waiting(PartnerNumber sponsor, String plan);

	/**
	 * Places every partner whose deadline has passed by its fallback rule, each dated at
	 * its deadline (or at the end of the closed periods, if the deadline lies before it).
	 * Runs on a schedule; safe to call at any time and from several nodes (each partner
	 * is placed in its own transaction after locking it, so it is placed once).
	 * @param now the current instant
	 * @return the placements made
	 */
	List<Placement> placeOverdue(Instant now);

}
