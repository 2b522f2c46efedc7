package io.treeline.portal.genealogy;

import java.util.List;

import io.treeline.graph.Leg;
import io.treeline.graph.PartnerNumber;

/**
 * A partner and the levels below it in a placement tree (GraphQL type
 * {@code PlacementTree}).
 *
 * @param root the partner at the top
 * @param nodes everyone within the depth, in tree order
 */
record PlacementTree(PartnerNumber root, List<Node> nodes) {

	/**
	 * A partner of the tree with its parent.
	 *
	 * @param partner the partner
	 * @param parent the parent's number
	 * @param level levels below the top
	 * @param leg the side under the parent
	 */
	record Node(PartnerNumber partner, String parent, int level, Leg leg) {
	}

}
