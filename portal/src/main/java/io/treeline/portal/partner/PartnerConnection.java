package io.treeline.portal.partner;

import java.util.List;

import io.treeline.graph.Partner;

/**
 * A Relay connection page of partners, as the GraphQL type {@code PartnerConnection}.
 *
 * @param edges the partners with their cursors
 * @param pageInfo where the page stands
 * @param totalCount number of partners matching the search in all
 */
record PartnerConnection(List<Edge> edges, PageInfo pageInfo, long totalCount) {

	static PartnerConnection of(List<Partner> pageAndOneMore, int first, long totalCount, boolean hasPrevious) {
		boolean hasNext = pageAndOneMore.size() > first;
		List<Edge> edges = pageAndOneMore.stream()
			.limit(first)
			.map((partner) -> new Edge(partner, PartnerCursor.of(partner.number())))
			.toList();
		String start = edges.isEmpty() ? null : edges.get(0).cursor();
		String end = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
		return new PartnerConnection(edges, new PageInfo(hasNext, hasPrevious, start, end), totalCount);
	}

	record Edge(Partner node, String cursor) {
	}

	record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
	}

}
