package io.treeline.graph.partner;

import java.time.Instant;

import io.treeline.graph.Partner;
import io.treeline.graph.PartnerNumber;
import io.treeline.graph.PartnerStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PackedPartnerTest {

	@Test
	void unpacksWhatWasPackedWithUmlautsAndNanoseconds() {
		Partner partner = new Partner(PartnerNumber.of("P-0000042"), "Jürgen", "Groß-Öztürk", "jürgen@example.com",
				"Köln", "DE", "de", PartnerStatus.TERMINATED, Instant.parse("2026-01-31T23:00:00.123456789Z"));
		assertThat(PackedPartner.unpack(partner.number(), PackedPartner.pack(partner))).isEqualTo(partner);
	}

	@Test
	void keepsAbsentAndEmptyTextsApart() {
		Partner partner = new Partner(PartnerNumber.of("P-1"), "", null, null, "", null, "", PartnerStatus.ACTIVE,
				Instant.EPOCH);
		assertThat(PackedPartner.unpack(partner.number(), PackedPartner.pack(partner))).isEqualTo(partner);
	}

	@Test
	void unpacksEveryStatus() {
		for (PartnerStatus status : PartnerStatus.values()) {
			Partner partner = new Partner(PartnerNumber.of("P-2"), "A", "B", "a@example.com", "Berlin", "DE", "de",
					status, Instant.parse("2025-06-01T00:00:00Z"));
			assertThat(PackedPartner.unpack(partner.number(), PackedPartner.pack(partner))).isEqualTo(partner);
		}
	}

}
