package io.treeline.portal.partner;

import io.treeline.graph.PartnerNumber;
import io.treeline.portal.api.Cursors;

/**
 * The cursor of a partner in a list ordered by number.
 */
final class PartnerCursor {

	private static final String LIST = "partner";

	private PartnerCursor() {
	}

	static String of(PartnerNumber number) {
		return Cursors.of(LIST, number.value());
	}

	static PartnerNumber parse(String cursor) {
		return PartnerNumber.of(Cursors.positionIn(LIST, cursor));
	}

}
