package io.treeline.compensation;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import io.treeline.graph.Organisation;
import io.treeline.graph.OrganisationLoader;
import io.treeline.graph.Partner;
import io.treeline.graph.PartnerNumber;
import io.treeline.graph.PartnerStatus;

/**
 * Puts partners into the genealogy for tests that record orders (an order must be
 * credited to a partner the genealogy knows). Loading is idempotent.
 */
public final class TestPartners {

	private TestPartners() {
	}

	public static void ensure(OrganisationLoader loader, String... numbers) {
		List<Partner> partners = Arrays.stream(numbers)
			.map((number) -> new Partner(PartnerNumber.of(number), "Test", number, null, null, "DE", "de",
					PartnerStatus.ACTIVE, Instant.parse("2025-01-01T00:00:00Z")))
			.toList();
		loader.load(new Organisation(partners, List.of(), List.of()));
	}

}
