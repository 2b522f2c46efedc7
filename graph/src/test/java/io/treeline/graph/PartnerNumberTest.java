package io.treeline.graph;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PartnerNumberTest {

	@ParameterizedTest
	@ValueSource(strings = { "P-0000001", "a", "9", "Z.z_9-", "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345" })
	void acceptsLettersDigitsAndSeparatorsAfterTheFirstCharacter(String value) {
		assertThat(PartnerNumber.of(value).value()).isEqualTo(value);
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "", "-P1", ".P1", "_P1", "P 1", "P/1", "Pä1", "P1\n", "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456" })
	void refusesAnythingElseNamingTheValue(String value) {
		assertThatIllegalArgumentException().isThrownBy(() -> PartnerNumber.of(value))
			.withMessageContaining("'" + value + "'");
	}

	@Test
	void refusesNull() {
		assertThatIllegalArgumentException().isThrownBy(() -> PartnerNumber.of(null));
	}

}
