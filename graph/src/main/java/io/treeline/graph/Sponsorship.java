package io.treeline.graph;

import java.time.Instant;
import java.util.Objects;

/**
 * An edge of the sponsor tree, valid from an instant (inclusive) until an instant
 * (exclusive, {@code null} while it holds).
 *
 * @param partner the sponsored partner
 * @param sponsor the sponsor
 * @param validFrom start of validity
 * @param validTo end of validity, or {@code null}
 */
public record Sponsorship(PartnerNumber partner, PartnerNumber sponsor, Instant validFrom, Instant validTo) {

	public Sponsorship {
		Objects.requireNonNull(partner, "partner");
		Objects.requireNonNull(sponsor, "sponsor");
		Objects.requireNonNull(validFrom, "validFrom");
		if (validTo != null && !validTo.isAfter(validFrom)) {
			throw new IllegalArgumentException("validTo must be after validFrom for " + partner);
		}
	}

}
