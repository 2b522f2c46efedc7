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
		assertThat(PackedPartner.unpack(PackedPartner.pack(partner))).isEqualTo(partner);
	}

	@Test
	void hashesTheNumberAsItsStringDoes() {
		for (String number : new String[] { "P-1", "P-0000042", "B-09999999", "X-ZZZZ-123456789" }) {
			Partner partner = new Partner(PartnerNumber.of(number), "A", "B", null, null, null, null,
					PartnerStatus.ACTIVE, Instant.EPOCH);
			assertThat(PackedPartner.numberHash(PackedPartner.pack(partner))).isEqualTo(number.hashCode());
		}
	}

	@Test
	void keepsAbsentAndEmptyTextsApart() {
		Partner partner = new Partner(PartnerNumber.of("P-1"), "", null, null, "", null, "", PartnerStatus.ACTIVE,
				Instant.EPOCH);
		assertThat(PackedPartner.unpack(PackedPartner.pack(partner))).isEqualTo(partner);
	}

	@Test
	void unpacksEveryStatus() {
		for (PartnerStatus status : PartnerStatus.values()) {
			Partner partner = new Partner(PartnerNumber.of("P-2"), "A", "B", "a@example.com", "Berlin", "DE", "de",
					status, Instant.parse("2025-06-01T00:00:00Z"));
			assertThat(PackedPartner.unpack(PackedPartner.pack(partner))).isEqualTo(partner);
		}
	}

	@Test
	void unpacksTextsLongerThanOneLengthByteAndInstantsBeforeTheEpoch() {
		String city = "Ö".repeat(200);
		Partner partner = new Partner(PartnerNumber.of("P-3"), "A".repeat(127), "B".repeat(128), "c".repeat(20_000),
				city, "DE", "de", PartnerStatus.ACTIVE, Instant.parse("1969-12-31T23:59:59.999999999Z"));
		assertThat(PackedPartner.unpack(PackedPartner.pack(partner))).isEqualTo(partner);
	}

	@Test
	void startsWithItsNumber() {
		String longest = "Z" + "9".repeat(30) + "x";
		byte[] packed = PackedPartner.pack(new Partner(PartnerNumber.of(longest), "A", "B", null, null, "DE", "de",
				PartnerStatus.ACTIVE, Instant.EPOCH));
		assertThat(PackedPartner.number(packed)).isEqualTo(longest);
		assertThat(PackedPartner.numberIs(packed, longest)).isTrue();
		assertThat(PackedPartner.numberIs(packed, longest.substring(1))).isFalse();
		assertThat(PackedPartner.numberIs(packed, longest.replace('x', 'y'))).isFalse();
	}

	@Test
	void takesAboutAHundredBytesForAPartnerOfTheBenchmark() {
		byte[] packed = PackedPartner.pack(
				new Partner(PartnerNumber.of("B-01234567"), "Friederike", "Hoffmann", "friederike.hoffmann@example.com",
						"Mönchengladbach", "DE", "de", PartnerStatus.ACTIVE, Instant.parse("2025-06-01T12:34:56Z")));
		// 11 for the number, 6 lengths, 69 bytes of text, 13 for status and instant
		assertThat(packed).hasSize(99);
	}

}
