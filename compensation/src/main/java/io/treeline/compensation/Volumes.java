package io.treeline.compensation;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.treeline.graph.PartnerNumber;

/**
 * Reads the volume partners have produced.
 */
public interface Volumes {

	/**
	 * Returns the personal volume per month of each partner, in one query.
	 * @param partners the partners
	 * @return months with volume, oldest first, by partner; partners without paid orders
	 * map to an empty list
	 */
	Map<PartnerNumber, List<MonthlyVolume>> personalByMonth(Collection<PartnerNumber> partners);

}
