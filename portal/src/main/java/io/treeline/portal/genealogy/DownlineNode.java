package io.treeline.portal.genealogy;

import io.treeline.graph.Leg;
import io.treeline.graph.PartnerNumber;
import io.treeline.graph.PartnerStatus;

/**
 * A row of the downline explorer: one partner of the snapshot with what the row shows.
 *
 * @param id the partner's id in the snapshot
 * @param number the partner's number
 * @param name the partner's name
 * @param status the partner's status
 * @param side the side under its binary parent
 * @param level levels below the focused partner
 * @param teamSize everyone below the partner
 */
record DownlineNode(int id, PartnerNumber number, String name, PartnerStatus status, Leg side, int level,
		int teamSize) {
}
