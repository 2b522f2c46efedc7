package io.treeline.graph;

import java.time.Instant;
import java.util.List;

/**
 * Small organisations for tests.
 */
public final class TestOrganisations {

	public static final Instant JAN_1 = Instant.parse("2026-01-01T00:00:00Z");

	public static final Instant FEB_10 = Instant.parse("2026-02-10T00:00:00Z");

	private TestOrganisations() {
	}

	public static Partner partner(String number, String firstName, String lastName, String city) {
		return new Partner(PartnerNumber.of(number), firstName, lastName, firstName.toLowerCase() + "@example.com",
				city, "DE", "de", PartnerStatus.ACTIVE, JAN_1);
	}

	/**
	 * The tree of example H1 (domain.md): B under A, C under B, D under A in January; on
	 * 2026-02-10 C moves under D.
	 * @return the organisation
	 */
	public static Organisation h1() {
		return new Organisation(
				List.of(partner("T-A", "Anna", "Adler", "Berlin"), partner("T-B", "Bernd", "Becker", "Bonn"),
						partner("T-C", "Clara", "Müller", "Köln"), partner("T-D", "Dieter", "Dorn", "Dresden")),
				List.of(sponsorship("T-B", "T-A", JAN_1, null), sponsorship("T-C", "T-B", JAN_1, FEB_10),
						sponsorship("T-C", "T-D", FEB_10, null), sponsorship("T-D", "T-A", JAN_1, null)),
				List.of(new Placement(PartnerNumber.of("T-B"), PartnerNumber.of("T-A"), "binary", Leg.LEFT, JAN_1,
						null)));
	}

	public static Sponsorship sponsorship(String partner, String sponsor, Instant from, Instant to) {
		return new Sponsorship(PartnerNumber.of(partner), PartnerNumber.of(sponsor), from, to);
	}

}
