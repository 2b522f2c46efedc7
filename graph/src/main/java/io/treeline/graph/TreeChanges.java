package io.treeline.graph;

import java.time.Instant;

/**
 * Changes of the genealogy. Each takes an effective instant; each ends old edges and
 * starts new ones at that instant and never deletes or edits history. A refused change
 * changes nothing and says why ({@link GenealogyChangeRefused}).
 */
public interface TreeChanges {

	/**
	 * Enrols a new partner under a sponsor and, where the rule names a placement tree,
	 * places it there.
	 * @param partner the new partner (its join instant is the effective instant)
	 * @param sponsor the sponsor
	 * @param placement how to place it in a placement tree, or {@code null} for none
	 * @return where the partner was placed, or {@code null} without placement
	 */
	Placement enrol(Partner partner, PartnerNumber sponsor, PlacementRule placement);

	/**
	 * Moves a partner, with its whole downline, under a new sponsor.
	 * @param partner the partner
	 * @param newSponsor the new sponsor
	 * @param effective when the move takes effect
	 */
	void moveSponsor(PartnerNumber partner, PartnerNumber newSponsor, Instant effective);

	/**
	 * Terminates a partner: the node stays; its direct downline moves up to its sponsor
	 * by ordinary moves dated at the termination.
	 * @param partner the partner
	 * @param effective when the termination takes effect
	 */
	void terminate(PartnerNumber partner, Instant effective);

}
