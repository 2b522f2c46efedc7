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
	 * Places an enrolled partner who has no position yet (for example from the holding
	 * tank) under a parent chosen by the sponsor: the sponsor itself or a partner below
	 * it in the placement tree, with a free position.
	 * @param partner the partner to place
	 * @param parent the chosen placement parent
	 * @param plan the plan of the placement tree
	 * @param leg the side under a binary parent, {@code null} in a matrix
	 * @param width children per partner in a matrix, {@code null} in a binary tree
	 * @param effective when the placement takes effect
	 * @return the placement
	 */
	Placement place(PartnerNumber partner, PartnerNumber parent, String plan, Leg leg, Integer width,
			Instant effective);

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
