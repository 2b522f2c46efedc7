package io.treeline.portal.partner;

import java.util.List;

import io.treeline.graph.Partner;
import io.treeline.portal.api.PageInfo;

/**
 * A Relay connection page of partners, as the GraphQL type {@code PartnerConnection}.
 *
 * @param edges the partners with their cursors
 * @param pageInfo where the page stands
 * @param totalCount number of partners matching the search in all
 */
record PartnerConnection(List<Edge> edges, PageInfo pageInfo, long totalCount) {

	static PartnerConnection of(List<Partner> pageAndOneMore, int first, long totalCount, boolean hasPrevious) {
		List<Edge> edges = pageAndOneMore.stream()
			.limit(first)
			.map((partner) -> new Edge(partner, PartnerCursor.of(partner.number())))
			.toList();
		return new PartnerConnection(edges,
				PageInfo.of(edges.stream().map(Edge::cursor).toList(), pageAndOneMore.size() > first, hasPrevious),
				totalCount);
	}

	record Edge(Partner node, String cursor) {
	}

}
