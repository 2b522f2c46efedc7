package io.treeline.graph;

import java.util.List;

/**
 * A whole organisation, or a part of one, to be loaded into the genealogy: partners and
 * the edges of their trees with their validity.
 *
 * @param partners the partners
 * @param sponsorships the sponsor tree edges
 * @param placements the placement tree edges
 */
public record Organisation(List<Partner> partners, List<Sponsorship> sponsorships, List<Placement> placements) {

	public Organisation {
		partners = List.copyOf(partners);
		sponsorships = List.copyOf(sponsorships);
		placements = List.copyOf(placements);
	}

}
