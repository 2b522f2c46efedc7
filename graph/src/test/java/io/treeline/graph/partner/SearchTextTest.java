package io.treeline.graph.partner;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchTextTest {

	@Test
	void makesEveryTermARequiredLowerCasePrefix() {
		assertThat(SearchText.toQuery("Müller  Köln")).isEqualTo("müller* AND köln*");
	}

	@Test
	void splitsNumbersAndAddressesLikeTheIndexDoes() {
		assertThat(SearchText.toQuery("P-0000123")).isEqualTo("p* AND 0000123*");
		assertThat(SearchText.toQuery("anna@example.com")).isEqualTo("anna* AND example* AND com*");
	}

	@Test
	void leavesNoQuerySyntaxFromUserInput() {
		assertThat(SearchText.toQuery("a:b OR (c~ \"d\" ^2)")).isEqualTo("a* AND b* AND or* AND c* AND d* AND 2*");
		assertThat(SearchText.toQuery(" *:* ")).isNull();
		assertThat(SearchText.toQuery(null)).isNull();
	}

}
