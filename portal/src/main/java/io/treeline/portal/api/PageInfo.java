package io.treeline.portal.api;

import java.util.List;

/**
 * Where a Relay connection page stands in the whole list (GraphQL type {@code PageInfo}).
 *
 * @param hasNextPage whether items follow the page
 * @param hasPreviousPage whether items precede the page
 * @param startCursor cursor of the first item, {@code null} for an empty page
 * @param endCursor cursor of the last item, {@code null} for an empty page
 */
public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {

	public static PageInfo of(List<String> cursors, boolean hasNextPage, boolean hasPreviousPage) {
		return new PageInfo(hasNextPage, hasPreviousPage, cursors.isEmpty() ? null : cursors.get(0),
				cursors.isEmpty() ? null : cursors.get(cursors.size() - 1));
	}

}
