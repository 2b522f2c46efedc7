package io.treeline.graph;

import java.time.Instant;

/**
 * Tells the genealogy until when the past is closed: no change may be dated before the
 * end of the last closed commission period. The compensation side answers it once periods
 * exist; until then the setting {@code treeline.genealogy.locked-until} does.
 */
public interface ClosedPeriods {

	/**
	 * Returns the end of the last closed period.
	 * @return the instant before which no change may be dated ({@link Instant#MIN} if
	 * none)
	 */
	Instant closedUntil();

}
