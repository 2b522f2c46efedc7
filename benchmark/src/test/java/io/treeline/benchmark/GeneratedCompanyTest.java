package io.treeline.benchmark;

import java.time.YearMonth;
import java.time.ZoneId;

import io.treeline.benchmark.GeneratedCompany.History;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generator makes the organisations of the recorded benchmark results
 * ({@code docs/benchmarks/results-SIZE.csv}, key {@code organisation}) again: a change to
 * it must not change what a seed gives, or the recorded totals could no longer be
 * compared.
 */
class GeneratedCompanyTest {

	private static final History TWELVE_MONTHS = new History(12, YearMonth.of(2025, 11), ZoneId.of("Europe/Berlin"), 5,
			2);

	@Test
	void makesTheRecordedOrganisationOfAHundredThousandPartners() {
		assertThat(GeneratedCompany.generate(100_000, 20261126L, 0, TWELVE_MONTHS).fingerprint())
			.isEqualTo("42df1092061c96983dc019574cd65853f6641e5ac93d829372c80451ac38b571");
	}

	@Test
	void makesTheRecordedOrganisationOfAMillionPartnersWithItsChain() {
		assertThat(GeneratedCompany.generate(1_000_000, 20261126L, 100_000, TWELVE_MONTHS).fingerprint())
			.isEqualTo("5fcc3fc34cda99a7947f2efe4cad3511a9e260215cae2b325f511f5d5bc6b565");
	}

}
