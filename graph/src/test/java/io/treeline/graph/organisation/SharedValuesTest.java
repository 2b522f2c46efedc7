package io.treeline.graph.organisation;

import io.treeline.graph.PartnerNumber;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SharedValuesTest {

	private final SharedValues shared = new SharedValues();

	@Test
	void givesEqualNumbersOneInstance() {
		PartnerNumber first = this.shared.number(new String("P-1"));
		assertThat(this.shared.number(new String("P-1"))).isSameAs(first);
		assertThat(this.shared.number("P-2")).isNotSameAs(first).isEqualTo(PartnerNumber.of("P-2"));
	}

	@Test
	void refusesWhatIsNotANumberEveryTime() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.shared.number("P 1"))
			.withMessageContaining("got 'P 1'");
		assertThatIllegalArgumentException().isThrownBy(() -> this.shared.number("P 1"));
	}

	@Test
	void givesEqualTextsOneInstance() {
		String first = this.shared.text(new String("Berlin"));
		assertThat(this.shared.text(new String("Berlin"))).isSameAs(first);
		assertThat(this.shared.text(null)).isNull();
	}

}
