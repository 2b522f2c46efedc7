package io.treeline.graph;

import java.time.Instant;
import java.util.Objects;

/**
 * An edge of the placement tree of one plan, valid from an instant (inclusive) until an
 * instant (exclusive, {@code null} while it holds).
 *
 * @param partner the placed partner
 * @param parent the placement parent
 * @param plan the plan whose placement tree this is
 * @param leg the side under a binary parent, {@code null} in other trees
 * @param validFrom start of validity
 * @param validTo end of validity, or {@code null}
 */
public record Placement(PartnerNumber partner, PartnerNumber parent, String plan, Leg leg, Instant validFrom,
		Instant validTo) {

	public Placement {
		Objects.requireNonNull(partner, "partner");
		Objects.requireNonNull(parent, "parent");
		Objects.requireNonNull(plan, "plan");
		Objects.requireNonNull(validFrom, "validFrom");
		if (validTo != null && !validTo.isAfter(validFrom)) {
			throw new IllegalArgumentException("validTo must be after validFrom for " + partner);
		}
	}

}
