package io.treeline.portal.genealogy;

import java.util.List;

import io.treeline.graph.Leg;
import io.treeline.graph.PartnerNumber;
import io.treeline.portal.api.PageInfo;

/**
 * A page of partners above or below another (GraphQL type {@code RelativeConnection}).
 *
 * @param edges the partners with level, side and cursor
 * @param pageInfo where the page stands
 * @param totalCount how many partners the list holds in all
 */
record RelativeConnection(List<Edge> edges, PageInfo pageInfo, int totalCount) {

	static RelativeConnection of(List<Edge> edges, boolean hasNext, boolean hasPrevious, int totalCount) {
		return new RelativeConnection(edges,
				PageInfo.of(edges.stream().map(Edge::cursor).toList(), hasNext, hasPrevious), totalCount);
	}

	/**
	 * One partner of the page; {@code node} is resolved in batches.
	 *
	 * @param partner the partner's number
	 * @param level levels between the two partners
	 * @param side the side under its own binary parent
	 * @param cursor the cursor
	 */
	record Edge(PartnerNumber partner, int level, Leg side, String cursor) {
	}

}
